// Ledgers as offices keep them, written by the tests themselves: an .xlsx (exceljs) with a merged title row above
// the header, blank and 合计 rows, formulas and error cells; a CSV in UTF-8 or GBK (iconv-lite); valid ID numbers.
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { idCheckChar } from '../../shared/identity';

/** A valid 18-digit 公民身份号码 (Changsha, Yuhua) born on `birth` (yyyymmdd), with sequence `seq` (3 digits). */
export function idNumber(birth: string, seq: string): string {
  const body = `430111${birth}${seq}`;
  return body + idCheckChar(body);
}

export type CellValue = ExcelJS.CellValue;

/** An .xlsx of one sheet: a merged title row, then the header, then the rows as given. */
export async function writeXlsx(
  file: string,
  { title, header, rows, sheet = '台账' }: { title?: string; header: string[]; rows: CellValue[][]; sheet?: string },
): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  const ws = workbook.addWorksheet(sheet);
  if (title) {
    ws.addRow([title]);
    ws.mergeCells(1, 1, 1, header.length);
  }
  ws.addRow(header);
  for (const row of rows) ws.addRow(row);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  await workbook.xlsx.writeFile(file);
  return file;
}

/** A CSV of the rows (quoted where needed), in UTF-8 or encoded as WPS saves Chinese CSV (GBK). */
export function writeCsv(file: string, rows: string[][], encoding: 'utf8' | 'gbk' | 'big5' = 'utf8'): string {
  const quote = (v: string) => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  const text = rows.map((r) => r.map(quote).join(',')).join('\r\n') + '\r\n';
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, encoding === 'utf8' ? text : iconv.encode(text, encoding));
  return file;
}
