// The periodic report as an .xlsx workbook in the bureau's layout: one sheet per template sheet (Chinese names),
// a title, who reports and for which period, then a bordered table. Every sheet lists the indicators down the side:
// an office's with 本期 and 本年累计 across; the county's with the offices and 合计 across, once for the period and
// once for the year to date (about forty indicators across, as the sheets had them, printed too small to read).
// Every sheet prints on A4 (../spreadsheet/printSetup.ts): header rows repeated on each page.
import type ExcelJS from 'exceljs';
import { formatChineseDate } from '../../../shared/dates';
import type { CountyStatistics, OfficeStatistics } from '../../../shared/statistics/compute';
import { displayValue, sheetLines, type ReportTemplate, type SheetLine } from '../../../shared/statistics/template';
import { fitSheetToA4, fitWrappedRowHeights } from '../spreadsheet/printSetup';
import type { RoundResults } from '../../../shared/channels/evaluation';
import { EVALUATION_SHEET_NAME, evaluationSheet } from '../evaluation/workbookSheet';
import { blockLabel, bodyRow, FONT, header, info, rowNumbers, title } from '../spreadsheet/tableCells';

export type WorkbookReport =
  { scope: 'office'; office: OfficeStatistics } | { scope: 'county'; county: CountyStatistics };

/** The unit as the header prints it: 金额（元）, 比率（%）. */
const unitLabel = (line: SheetLine) => line.unit;

function numberFormat(line: Pick<SheetLine, 'unit'>): string {
  if (line.unit === '元') return '0.00';
  if (line.unit === '%') return '0.0';
  return '0';
}

const periodText = (p: { label: string; from: string; to: string }) =>
  `统计期间：${p.label}（${formatChineseDate(p.from)}至${formatChineseDate(p.to)}）`;

function officeSheet(ws: ExcelJS.Worksheet, heading: string, report: OfficeStatistics, lines: SheetLine[]): void {
  const byKey = new Map(report.rows.map((r) => [r.key, r]));
  title(ws, heading, 4);
  info(ws, `填报单位：${report.office.name}（${report.office.code}）`, 4);
  info(ws, `${periodText(report.period)}　制表日期：${formatChineseDate(report.asOf)}`, 4);
  header(ws, ['指标', '单位', '本期', '本年累计']);
  for (const line of lines) {
    const r = byKey.get(line.key);
    const fmt = numberFormat(line);
    bodyRow(
      ws,
      [
        line.level === 1 ? `　其中：${line.label}` : line.label,
        unitLabel(line),
        displayValue(line.unit, r?.period ?? null),
        displayValue(line.unit, r?.yearToDate ?? null),
      ],
      [null, null, fmt, fmt],
    );
  }
  ws.getColumn(1).width = 36;
  ws.getColumn(2).width = 8;
  ws.getColumn(3).width = 14;
  ws.getColumn(4).width = 14;
  fitWrappedRowHeights(ws, rowNumbers(2, ws.rowCount));
  fitSheetToA4(ws, { repeatRows: { first: 4, last: 4 } });
}

/** A county sheet's indicator label: a breakdown's row indented under its indicator, as on the office's sheet. */
const lineLabel = (line: SheetLine) => (line.level === 1 ? `　其中：${line.label}` : line.label);

/** Row of the county sheets' header (after the title and the two lines of who and when). */
const COUNTY_HEADER_ROW = 4;

function countySheet(ws: ExcelJS.Worksheet, heading: string, report: CountyStatistics, lines: SheetLine[]): void {
  const width = report.offices.length + 3;
  title(ws, heading, width);
  info(ws, `填报单位：${report.county.name}`, width);
  info(ws, `${periodText(report.period)}　制表日期：${formatChineseDate(report.asOf)}`, width);
  // One header for both blocks, so the row repeated on every page is right for either.
  header(ws, ['指标', '单位', ...report.offices.map((o) => o.name), '合计']);
  const columns = [...report.offices.map((o) => o.rows), report.total.rows].map(
    (rows) => new Map(rows.map((r) => [r.key, r])),
  );
  for (const [which, word] of [
    ['period', '本期'],
    ['yearToDate', '本年累计'],
  ] as const) {
    // A long sheet's year to date starts a page of its own, so no page mixes the two blocks.
    if (which === 'yearToDate' && lines.length > 12) ws.getRow(ws.rowCount).addPageBreak();
    blockLabel(ws, word, width);
    for (const line of lines) {
      const fmt = numberFormat(line);
      bodyRow(
        ws,
        [
          lineLabel(line),
          unitLabel(line),
          ...columns.map((c) => displayValue(line.unit, c.get(line.key)?.[which] ?? null)),
        ],
        [null, null, ...columns.map(() => fmt)],
      );
    }
  }
  // 合计 in bold, as the office rows' sum.
  ws.getColumn(width).eachCell((cell, row) => {
    if (row > COUNTY_HEADER_ROW) cell.font = { name: FONT, size: 11, bold: true };
  });
  ws.getColumn(1).width = 34;
  ws.getColumn(2).width = 6;
  for (let i = 3; i <= width; i++) ws.getColumn(i).width = 11;
  fitWrappedRowHeights(ws, rowNumbers(2, ws.rowCount));
  fitSheetToA4(ws, {
    repeatRows: { first: COUNTY_HEADER_ROW, last: COUNTY_HEADER_ROW },
    repeatColumns: { first: 1, last: 2 },
  });
}

function lateSheet(ws: ExcelJS.Worksheet, report: CountyStatistics): void {
  title(ws, '逾期未报送数据的司法所', 3);
  info(ws, report.lateRule, 3);
  header(ws, ['司法所', '编号', '最近报送月份']);
  for (const o of report.lateOffices)
    bodyRow(ws, [o.name, o.code, o.lastExportedMonth ?? '从未报送'], [null, null, null]);
  if (report.lateOffices.length === 0) bodyRow(ws, ['无', '', ''], [null, null, null]);
  ws.getColumn(1).width = 24;
  ws.getColumn(2).width = 12;
  ws.getColumn(3).width = 16;
  fitWrappedRowHeights(ws, [2]);
  fitSheetToA4(ws, { repeatRows: { first: 3, last: 3 } });
}

/**
 * The workbook's bytes. `evaluation`: the county's year's closed evaluation rounds, printed on the sheet
 * 案件质量评估 (county scope only).
 */
export async function statisticsWorkbook(
  report: WorkbookReport,
  template: ReportTemplate,
  evaluation: readonly RoundResults[] = [],
): Promise<Buffer> {
  // Loaded when a workbook is made: exceljs and its zip libraries are a third of the main bundle's code, and most
  // sessions never make one (the main process starts faster and holds less).
  const { default: Excel } = await import('exceljs');
  const wb = new Excel.Workbook();
  wb.creator = 'CaseDesk';
  // Fixed, so the same report gives the same file.
  wb.created = wb.modified = new Date(
    `${report.scope === 'office' ? report.office.asOf : report.county.asOf}T00:00:00Z`,
  );
  for (const sheet of template.sheets) {
    const ws = wb.addWorksheet(sheet.name);
    const heading = `${template.title}（${sheet.name}）`;
    if (report.scope === 'office') officeSheet(ws, heading, report.office, sheetLines(sheet, report.office.rows));
    else countySheet(ws, heading, report.county, sheetLines(sheet, report.county.total.rows));
  }
  if (report.scope === 'county') {
    lateSheet(wb.addWorksheet('逾期报送'), report.county);
    const { county } = report;
    evaluationSheet(wb.addWorksheet(EVALUATION_SHEET_NAME), {
      rounds: evaluation,
      year: Number(county.period.from.slice(0, 4)),
      bureauName: county.county.name,
      asOf: county.asOf,
    });
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** 统计报表-黎托街道司法所-2026-10.xlsx */
export function workbookFileName(report: WorkbookReport): string {
  const who = report.scope === 'office' ? report.office.office.name : report.county.county.name;
  const period = report.scope === 'office' ? report.office.period.key : report.county.period.key;
  return `统计报表-${who}-${period}.xlsx`;
}
