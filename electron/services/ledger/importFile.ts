// Reading an office's ledger file into rows of cells (shared/ledger/ledgerMapping.ts), whatever it was: an .xlsx (its
// zip checked first — a bomb, a renamed .doc or .docx, a sheet of too many rows is refused before exceljs inflates
// it), or a .csv in UTF-8 or GBK/GB18030 (WPS and Excel save Chinese CSV in GBK). An .xls is refused with the advice
// to save it as .xlsx. Every refusal is a Chinese message naming the file; nothing is read further.
import { createHash } from 'node:crypto';
import { inflateRawSync } from 'node:zlib';
import iconv from 'iconv-lite';
import type ExcelJS from 'exceljs';
import { AppError } from '../../../shared/errors';
import { ledgerSizeProblem, MAX_LEDGER_ROWS } from '../../../shared/ledger/ledgerLimits';
import type { LedgerCell, LedgerRow, LedgerSheet } from '../../../shared/ledger/ledgerMapping';

/** What an .xlsx may inflate to, all parts together, and the ratio no real part reaches (a zip bomb does). */
const MAX_INFLATED_BYTES = 400 * 1024 * 1024;
const MAX_RATIO = 1000;

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

const tooManyRows = (n: number) => `表格行数过多（${n}行）：一次最多导入${MAX_LEDGER_ROWS}行，请按年度拆分后分批导入`;

// The .xlsx.

interface ZipEntry {
  name: string;
  method: number;
  compressed: number;
  size: number;
  offset: number;
}

/** The zip's central directory; refused when there is none (a damaged or truncated file). */
function zipEntries(bytes: Buffer): ZipEntry[] {
  const from = Math.max(0, bytes.length - 65_557);
  let eocd = -1;
  for (let i = bytes.length - 22; i >= from; i--) {
    if (bytes.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) refuse('文件不是有效的 .xlsx 表格（压缩结构损坏）');
  const count = bytes.readUInt16LE(eocd + 10);
  let at = bytes.readUInt32LE(eocd + 16);
  const entries: ZipEntry[] = [];
  for (let i = 0; i < count; i++) {
    if (at + 46 > bytes.length || bytes.readUInt32LE(at) !== 0x02014b50)
      refuse('文件不是有效的 .xlsx 表格（压缩结构损坏）');
    const nameLength = bytes.readUInt16LE(at + 28);
    entries.push({
      name: bytes.toString('utf8', at + 46, at + 46 + nameLength),
      method: bytes.readUInt16LE(at + 10),
      compressed: bytes.readUInt32LE(at + 20),
      size: bytes.readUInt32LE(at + 24),
      offset: bytes.readUInt32LE(at + 42),
    });
    at += 46 + nameLength + bytes.readUInt16LE(at + 30) + bytes.readUInt16LE(at + 32);
  }
  return entries;
}

/** An entry's content, inflated no further than `limit` bytes (a bomb stops there, whatever its header claims). */
function inflateEntry(bytes: Buffer, e: ZipEntry, limit: number): Buffer {
  if (e.offset + 30 > bytes.length) refuse('文件不是有效的 .xlsx 表格（压缩结构损坏）');
  const start = e.offset + 30 + bytes.readUInt16LE(e.offset + 26) + bytes.readUInt16LE(e.offset + 28);
  const data = bytes.subarray(start, start + e.compressed);
  if (e.method === 0) return data;
  if (e.method !== 8) refuse('文件不是有效的 .xlsx 表格（不支持的压缩方式）');
  try {
    return inflateRawSync(data, { maxOutputLength: limit });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') return refuseBomb();
    return refuse('文件不是有效的 .xlsx 表格（压缩数据损坏）');
  }
}

const refuseBomb = (): never =>
  refuse('文件解压后异常庞大（疑似“压缩炸弹”），已拒绝读取：请确认文件来源，或从原台账重新另存为 .xlsx');

/**
 * Checks the package before exceljs opens it: a workbook's parts, no part inflating beyond reason, and the rows of
 * its sheets counted (exceljs would hold them all in memory before anything could be said).
 */
function checkPackage(bytes: Buffer): void {
  const entries = zipEntries(bytes);
  const names = new Set(entries.map((e) => e.name));
  if (!names.has('xl/workbook.xml')) {
    if (names.has('word/document.xml')) refuse('文件是 Word 文档（改了扩展名），不是 Excel 表格');
    refuse('文件不是 Excel 工作簿（.xlsx）');
  }
  let budget = MAX_INFLATED_BYTES;
  for (const e of entries) {
    if (e.size > budget || (e.compressed > 0 && e.size / e.compressed > MAX_RATIO)) refuseBomb();
    const inflated = inflateEntry(bytes, e, budget);
    if (inflated.length > 1024 && inflated.length / Math.max(1, e.compressed) > MAX_RATIO) refuseBomb();
    budget -= inflated.length;
    if (/^xl\/worksheets\/[^/]+\.xml$/.test(e.name)) {
      const rows = countOccurrences(inflated, '<row ');
      if (rows > MAX_LEDGER_ROWS) refuse(tooManyRows(rows));
    }
  }
}

function countOccurrences(haystack: Buffer, needle: string): number {
  const n = Buffer.from(needle);
  let count = 0;
  for (let at = haystack.indexOf(n); at >= 0; at = haystack.indexOf(n, at + n.length)) count++;
  return count;
}

async function readXlsx(
  bytes: Buffer,
  sheetName: string | null,
): Promise<Omit<LedgerFile, 'format' | 'encoding' | 'sha256'>> {
  checkPackage(bytes);
  // Loaded when a ledger is read: exceljs is a large part of the main bundle's code.
  const { default: Excel } = await import('exceljs');
  const workbook = new Excel.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    refuse('文件不是有效的 .xlsx 表格（无法读取其内容）');
  }
  const sheets = workbook.worksheets;
  const sheetNames = sheets.map((s) => s.name);
  if (sheets.length === 0) refuse('表格中没有工作表');
  const ws = sheetName === null ? sheets[0]! : sheets.find((s) => s.name === sheetName.trim());
  if (!ws) return refuse(`没有名为“${sheetName}”的工作表（有：${sheetNames.join('、')}）`);
  const rows: LedgerRow[] = [];
  const width = ws.columnCount;
  for (let r = 1; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    const cells: LedgerCell[] = [];
    for (let c = 1; c <= width; c++) cells.push(cellOf(row.getCell(c)));
    rows.push({ number: r, cells });
  }
  return { sheet: { name: ws.name, rows }, sheetNames };
}

/** A cell as the checks read it: its text, and what the spreadsheet knew of it. */
function cellOf(cell: ExcelJS.Cell): LedgerCell {
  const v = cell.value;
  if (v === null || v === undefined) return { text: '' };
  if (typeof v === 'string') return { text: v };
  if (typeof v === 'number') return { text: String(v), number: v };
  if (typeof v === 'boolean') return { text: v ? '是' : '否' };
  if (v instanceof Date) return { text: v.toISOString().slice(0, 10), date: v };
  if ('error' in v) return { text: String(v.error), error: String(v.error) };
  if ('formula' in v || 'sharedFormula' in v) {
    const formula = 'formula' in v && v.formula ? v.formula : String((v as { sharedFormula?: string }).sharedFormula);
    const result = (v as { result?: unknown }).result;
    if (result && typeof result === 'object' && 'error' in result)
      return { text: String(result.error), error: String(result.error) };
    return { text: result === undefined || result === null ? '' : String(result), formula };
  }
  if ('richText' in v) return { text: v.richText.map((t) => t.text).join('') };
  if ('text' in v) return { text: String(v.text) };
  return { text: cell.text };
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
