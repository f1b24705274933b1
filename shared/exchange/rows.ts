// One line of a package's rows.ndjson and its check against the exported tables' schema (shared/exchange/tables.ts).
// Hand-written rather than zod: an import checks hundreds of thousands of rows, and this is the hot loop.
import { EXPORTED_TABLES, isExportedTable } from './tables';

export interface PackageRow {
  /** Table name. */
  t: string;
  /** The row's key: its key column's value as text, or the JSON array of several. */
  k: string;
  /** The change-log sequence of this version of the row. */
  s: number;
  /** The row's exported columns; absent for a tombstone (the row was deleted). */
  d?: Record<string, string | number | null>;
}

/** The key a row's own columns give, as the change triggers compute it. */
function keyOfRow(table: string, data: Record<string, unknown>): string {
  const key = EXPORTED_TABLES[table]!.key;
  return key.length === 1 ? String(data[key[0]!]) : JSON.stringify(key.map((c) => data[c]));
}

/** What is wrong with a parsed line, in Chinese, or null when it is a valid row. */
export function rowProblem(value: unknown): string | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return '不是对象';
  const row = value as Record<string, unknown>;
  // for…in rather than Object.keys/entries: this runs for every row of an import, and allocates nothing.
  for (const field in row)
    if (field !== 't' && field !== 'k' && field !== 's' && field !== 'd') return `多余的字段“${field}”`;
  if (typeof row.t !== 'string' || !isExportedTable(row.t)) return `未知的表“${String(row.t)}”`;
  if (typeof row.k !== 'string' || row.k === '') return '缺少行键';
  if (typeof row.s !== 'number' || !Number.isSafeInteger(row.s) || row.s < 1) return '变更序号无效';
  if (row.d === undefined) return null;
  const data = row.d;
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return '行内容不是对象';
  const table = EXPORTED_TABLES[row.t]!;
  const columns = table.columns;
  const fields = data as Record<string, unknown>;
  for (const column in fields) {
    const type = Object.hasOwn(columns, column) ? columns[column] : undefined;
    if (!type) return `表“${row.t}”没有列“${column}”`;
    const v = fields[column];
    if (v === null) {
      if (type !== 'int?' && type !== 'text?') return `列“${row.t}.${column}”不能为空`;
    } else if (type === 'int' || type === 'int?') {
      if (typeof v !== 'number' || !Number.isSafeInteger(v)) return `列“${row.t}.${column}”应为整数`;
    } else if (typeof v !== 'string') {
      return `列“${row.t}.${column}”应为文本`;
    }
  }
  for (const column of table.key)
    if (fields[column] === undefined || fields[column] === null) return `缺少键列“${row.t}.${column}”`;
  if (keyOfRow(row.t, fields) !== row.k) return '行键与行内容不符';
  return null;
}
