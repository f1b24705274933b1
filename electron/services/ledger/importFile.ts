// Reading an office's ledger file into rows of cells (shared/ledger/ledgerMapping.ts), whatever it was: an .xlsx (its
// zip checked first, xlsxPackage.ts — a bomb, a renamed .doc or .docx, a sheet of too many rows is refused before
// any XML is parsed; then its chosen sheet read a row at a time, xlsxSheet.ts), or a .csv in UTF-8 or GBK/GB18030
// (WPS and Excel save Chinese CSV in GBK). An .xls is refused with the advice to save it as .xlsx. Every refusal is a
// Chinese message naming the file; nothing is read further.
import { createHash } from 'node:crypto';
import iconv from 'iconv-lite';
import { AppError } from '../../../shared/errors';
import { ledgerSizeProblem, MAX_LEDGER_ROWS } from '../../../shared/ledger/ledgerLimits';
import type { LedgerCell, LedgerRow, LedgerSheet } from '../../../shared/ledger/ledgerMapping';
import { checkPackage, tooManyRows } from './xlsxPackage';
import type { XlsxSheet, XlsxWorkbook } from './xlsxSheet';

const refuse = (message: string): never => {
  throw new AppError('VALIDATION', message, 'base64');
};

export interface LedgerFile {
  sheet: LedgerSheet;
  /** Every worksheet's name (the page offers them). */
  sheetNames: string[];
  format: 'xlsx' | 'csv';
  /** A CSV's encoding as detected. */
  encoding: 'UTF-8' | 'GB18030' | null;
  sha256: string;
}

const OLE_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

const extensionOf = (name: string) => /\.([^.]+)$/.exec(name.toLowerCase())?.[1] ?? '';

/** The ledger's rows: refused with the reason when the file is not one CaseDesk can read. */
export async function readLedgerFile(
  { fileName, bytes }: { fileName: string; bytes: Buffer },
  sheetName: string | null,
): Promise<LedgerFile> {
  const sizeProblem = ledgerSizeProblem(bytes.length);
  if (sizeProblem) refuse(sizeProblem);
  const ext = extensionOf(fileName);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const head = bytes.subarray(0, 8);
  if (ext === 'xls' || ext === 'et')
    refuse('不能导入旧版 .xls 文件：请在 Excel 或 WPS 中打开，“另存为” Excel 工作簿（.xlsx）后再导入');
  if (head.equals(OLE_MAGIC))
    refuse('文件内容不是 .xlsx 表格，而是旧版 Office 文档（如 .doc 或 .xls）：请用 Excel 或 WPS 打开后“另存为” .xlsx');
  if (head.subarray(0, 4).equals(ZIP_MAGIC)) {
    if (ext === 'csv') refuse('文件扩展名是 .csv，内容却是压缩文件：请确认选择了正确的台账文件');
    const sheet = await readXlsx(bytes, sheetName);
    return { ...sheet, format: 'xlsx', encoding: null, sha256 };
  }
  if (ext === 'xlsx') refuse('文件不是有效的 .xlsx 表格（可能损坏，或是改了扩展名的其他文件）');
  if (ext !== 'csv' && ext !== 'txt') refuse('只能导入 .xlsx 或 .csv 格式的台账');
  const { text, encoding } = decodeCsv(bytes);
  const lines = text.split('\n').length - (text.endsWith('\n') ? 1 : 0);
  if (lines > MAX_LEDGER_ROWS + 1) refuse(tooManyRows(lines));
  const rows = parseCsv(text);
  return {
    sheet: { name: fileName.replace(/\.[^.]+$/, ''), rows },
    sheetNames: [],
    format: 'csv',
    encoding,
    sha256,
  };
}

// The .xlsx.

async function readXlsx(
  bytes: Buffer,
  sheetName: string | null,
): Promise<Omit<LedgerFile, 'format' | 'encoding' | 'sha256'>> {
  const entries = checkPackage(bytes);
  // Loaded when a ledger is read: exceljs's parsers are a large part of the main bundle's code.
  const { openXlsx } = await import('./xlsxSheet');
  let workbook: XlsxWorkbook;
  let sheet: XlsxSheet | null;
  try {
    workbook = await openXlsx(bytes, entries);
    sheet = await workbook.read(sheetName === null ? null : sheetName.trim());
  } catch (error) {
    if (error instanceof AppError) throw error;
    return refuse('文件不是有效的 .xlsx 表格（无法读取其内容）');
  }
  const { sheetNames } = workbook;
  if (sheetNames.length === 0) refuse('表格中没有工作表');
  if (!sheet) return refuse(`没有名为“${sheetName}”的工作表（有：${sheetNames.join('、')}）`);
  return { sheet, sheetNames };
}

// The CSV.

/** Share of double-byte characters a GBK text has in GB 2312's own rows; a Big5 or Shift-JIS file has far fewer. */
const GB2312_SHARE = 0.8;

function decodeCsv(bytes: Buffer): { text: string; encoding: 'UTF-8' | 'GB18030' } {
  const unknown = () =>
    refuse(
      'CSV 文件的编码无法识别（既不是 UTF-8，也不是 GBK/GB18030）：请在 WPS 或 Excel 中打开后另存为“CSV UTF-8”或“CSV（逗号分隔）”',
    );
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff) || bytes.includes(0))
    return unknown();
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  try {
    return {
      text: new TextDecoder('utf-8', { fatal: true }).decode(bom ? bytes.subarray(3) : bytes),
      encoding: 'UTF-8',
    };
  } catch {
    // Not UTF-8: GBK, if its double-byte characters read as Chinese.
  }
  let pairs = 0;
  let gb2312 = 0;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    if (b < 0x80) continue;
    const t = bytes[i + 1] ?? 0;
    pairs++;
    if (b >= 0xa1 && b <= 0xf7 && t >= 0xa1 && t <= 0xfe) gb2312++;
    i++;
  }
  if (pairs === 0 || gb2312 / pairs < GB2312_SHARE) return unknown();
  const text = iconv.decode(bytes, 'gb18030');
  if (text.includes('\uFFFD')) return unknown();
  return { text, encoding: 'GB18030' };
}

/** RFC 4180 rows: quoted fields may hold commas, quotes ("") and line breaks. Line numbers are the record's first. */
function parseCsv(text: string): LedgerRow[] {
  const rows: LedgerRow[] = [];
  let cells: LedgerCell[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let rowLine = 1;
  const endField = () => {
    cells.push({ text: field });
    field = '';
  };
  const endRow = () => {
    endField();
    rows.push({ number: rowLine, cells });
    cells = [];
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else {
        if (ch === '\n') line++;
        field += ch;
      }
    } else if (ch === '"' && field === '') quoted = true;
    else if (ch === ',') endField();
    else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      endRow();
      line++;
      rowLine = line;
    } else field += ch;
  }
  if (field !== '' || cells.length > 0) endRow();
  return rows;
}
