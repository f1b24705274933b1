// The .xlsx package (a zip) as the ledger import opens it before any XML is parsed: its directory, each part inflated
// no further than a limit, and the checks that refuse what no reader should try — no workbook part (a renamed
// .docx), a part inflating past reason (a zip bomb), a worksheet of too many rows. Every refusal is a Chinese message
// naming the file (field `base64`, as the channel calls it).
import { inflateRawSync } from 'node:zlib';
import { AppError } from '../../../shared/errors';
import { MAX_LEDGER_ROWS } from '../../../shared/ledger/ledgerLimits';

/** What an .xlsx may inflate to, all parts together, and the ratio no real part reaches (a zip bomb does). */
const MAX_INFLATED_BYTES = 400 * 1024 * 1024;
const MAX_RATIO = 1000;

const refuse = (message: string): never => {
  throw new AppError('VALIDATION', message, 'base64');
};

export const tooManyRows = (n: number) =>
  `表格行数过多（${n}行）：一次最多导入${MAX_LEDGER_ROWS}行，请按年度拆分后分批导入`;

export interface ZipEntry {
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
 * Checks the package before any part is parsed: a workbook's parts, no part inflating beyond reason, and the rows of
 * its sheets counted. Answers its parts (packagePart reads them).
 */
export function checkPackage(bytes: Buffer): ZipEntry[] {
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
  return entries;
}

function countOccurrences(haystack: Buffer, needle: string): number {
  const n = Buffer.from(needle);
  let count = 0;
  for (let at = haystack.indexOf(n); at >= 0; at = haystack.indexOf(n, at + n.length)) count++;
  return count;
}

/** A checked part's content by its name (a leading “/” ignored, as exceljs ignores it); null when there is none. */
export function packagePart(bytes: Buffer, entries: readonly ZipEntry[], name: string): Buffer | null {
  const entry = entries.find((e) => e.name.replace(/^\//, '') === name);
  return entry ? inflateEntry(bytes, entry, MAX_INFLATED_BYTES) : null;
}
