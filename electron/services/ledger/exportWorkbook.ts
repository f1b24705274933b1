// The office's ledger of one kind for one year as an .xlsx workbook (台账导出): a title row with the office and the
// year, the date made and the count, then a bordered table — 序号 and the kind's columns (shared/ledger, looked up
// by kind) — with a frozen, wrapped header that repeats on every printed page of A4 landscape.
import type ExcelJS from 'exceljs';
import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema';
import { formatChineseDate } from '../../../shared/dates';
import { AppError } from '../../../shared/errors';
import { caseKindLabel } from '../../../shared/kinds';
import { LEDGER_FIRST_YEAR, ledgerSheetOf } from '../../../shared/ledger/exportColumns';
import type { LedgerCell } from '../../../shared/ledger/exportLayout';
import type { CaseKind } from '../../../shared/options';
import { fitSheetToA4 } from '../spreadsheet/printSetup';
import { wrappedRowHeight } from '../spreadsheet/wrappedRows';
import { requireOffice } from '../system/office';
import { ledgerCases } from './exportCases';

export interface LedgerWorkbook {
  fileName: string;
  bytes: Buffer;
  /** How many cases it lists. */
  rowCount: number;
}

const FONT = 'SimSun';
const FONT_SIZE = 10;
const THIN: Partial<ExcelJS.Borders> = {
  top: { style: 'thin' },
  left: { style: 'thin' },
  bottom: { style: 'thin' },
  right: { style: 'thin' },
};
/** The table's header row: under the title and the line saying when it was made. */
const HEADER_ROW = 3;

/** A year the ledger can be made for: not before LEDGER_FIRST_YEAR, not after this year. */
function checkYear(year: number, today: string): void {
  const thisYear = Number(today.slice(0, 4));
  if (year < LEDGER_FIRST_YEAR || year > thisYear)
    throw new AppError('VALIDATION', `年度：应在${LEDGER_FIRST_YEAR}年至${thisYear}年之间`, 'year');
}

/** 人民调解台账-黎托街道司法所-2026.xlsx */
const fileNameOf = (title: string, office: string, year: number) => `${title}-${office}-${year}.xlsx`;

export async function ledgerWorkbook(
  db: Kysely<Database>,
  { kind, year }: { kind: CaseKind; year: number },
  today: string,
): Promise<LedgerWorkbook> {
  checkYear(year, today);
  const office = await requireOffice(db);
  const sheet = ledgerSheetOf(kind);
  const width = sheet.headers.length;
  // Loaded when a workbook is made (as the statistics workbook does): most sessions never make one.
  const { default: Excel } = await import('exceljs');
  const wb = new Excel.Workbook();
  wb.creator = 'CaseDesk';
  // Fixed, so the same ledger made the same day gives the same file.
  wb.created = wb.modified = new Date(`${today}T00:00:00Z`);
  const ws = wb.addWorksheet(sheet.title, {
    views: [{ state: 'frozen', xSplit: 0, ySplit: HEADER_ROW }],
  });

  ws.addRow([`${office.name}${year}年${sheet.title}`]);
  ws.mergeCells(1, 1, 1, width);
  const title = ws.getCell(1, 1);
  title.font = { name: FONT, size: 16, bold: true };
  title.alignment = { horizontal: 'center', vertical: 'middle' };
  ws.getRow(1).height = 30;

  const info = ws.addRow([]);
  ws.mergeCells(2, 1, 2, width);
  info.height = 18;

  const widths = sheet.headers.map((h) => h.width);
  const headings = sheet.headers.map((h) => h.header);
  const header = ws.addRow(headings);
  header.height = wrappedRowHeight(headings, widths, FONT_SIZE);
  header.eachCell((cell) => {
    cell.font = { name: FONT, size: FONT_SIZE, bold: true };
    cell.border = THIN;
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEFEFEF' } };
  });
  sheet.headers.forEach((h, i) => (ws.getColumn(i + 1).width = h.width));

  let n = 0;
  const rowCount = await ledgerCases(db, { kind, year, sheet }, (c) => {
    const values: LedgerCell[] = sheet.rowOf(c, ++n);
    const row = ws.addRow(values);
    row.height = wrappedRowHeight(values, widths, FONT_SIZE);
    values.forEach((value, i) => {
      const cell = row.getCell(i + 1);
      cell.font = { name: FONT, size: FONT_SIZE };
      cell.border = THIN;
      const yuan = sheet.headers[i]?.format === 'yuan' && typeof value === 'number';
      if (yuan) cell.numFmt = '#,##0.00';
      cell.alignment = {
        vertical: 'top',
        wrapText: true,
        horizontal: i === 0 ? 'center' : yuan ? 'right' : 'left',
      };
    });
  });
  if (rowCount === 0) {
    const none = ws.addRow([`${year}年没有受理的${caseKindLabel(kind)}案件`]);
    ws.mergeCells(none.number, 1, none.number, width);
    none.getCell(1).border = THIN;
    none.getCell(1).alignment = { horizontal: 'center' };
  }
  const made = info.getCell(1);
  made.value = `制表日期：${formatChineseDate(today)}　共${rowCount}件（按受理日期计入年度；证件号码只显示前6位和后4位）`;
  made.font = { name: FONT, size: FONT_SIZE };

  // One page across, as offices keep their ledgers: its columns are sized to read on one landscape page, so the
  // scale never needs to fall below fitSheetToA4's usual floor, and each row stays whole on one sheet of paper.
  fitSheetToA4(ws, { orientation: 'landscape', repeatRows: { first: HEADER_ROW, last: HEADER_ROW }, minScale: 0 });
  return {
    fileName: fileNameOf(sheet.title, office.name, year),
    bytes: Buffer.from(await wb.xlsx.writeBuffer()),
    rowCount,
  };
}
