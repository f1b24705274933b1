// The periodic report as an .xlsx workbook in the bureau's layout: one sheet per template sheet (Chinese names),
// a title, who reports and for which period, then a bordered table. An office's sheet lists the indicators down
// the side with 本期 and 本年累计; the county's lists the offices down the side with a 合计 row, once for the
// period and once for the year to date, so each office is one row as the bureau's forms have it.
import type ExcelJS from 'exceljs';
import { formatChineseDate } from '../../../shared/dates';
import type { CountyStatistics, FigureRow, OfficeStatistics } from '../../../shared/statistics/compute';
import { displayValue, sheetLines, type ReportTemplate, type SheetLine } from '../../../shared/statistics/template';

export type WorkbookReport =
  { scope: 'office'; office: OfficeStatistics } | { scope: 'county'; county: CountyStatistics };

const THIN: Partial<ExcelJS.Borders> = {
  top: { style: 'thin' },
  left: { style: 'thin' },
  bottom: { style: 'thin' },
  right: { style: 'thin' },
};
const FONT = 'SimSun';

/** The unit as the header prints it: 金额（元）, 比率（%）. */
const unitLabel = (line: SheetLine) => line.unit;

function numberFormat(line: Pick<SheetLine, 'unit'>): string {
  if (line.unit === '元') return '0.00';
  if (line.unit === '%') return '0.0';
  return '0';
}

function title(ws: ExcelJS.Worksheet, text: string, width: number): void {
  ws.addRow([text]);
  ws.mergeCells(1, 1, 1, Math.max(width, 1));
  const cell = ws.getCell(1, 1);
  cell.font = { name: FONT, size: 16, bold: true };
  cell.alignment = { horizontal: 'center', vertical: 'middle' };
  ws.getRow(1).height = 28;
}

function info(ws: ExcelJS.Worksheet, text: string, width: number): void {
  const row = ws.addRow([text]);
  ws.mergeCells(row.number, 1, row.number, Math.max(width, 1));
  row.getCell(1).font = { name: FONT, size: 11 };
}

function header(ws: ExcelJS.Worksheet, values: string[]): void {
  const row = ws.addRow(values);
  row.eachCell((cell) => {
    cell.font = { name: FONT, size: 11, bold: true };
    cell.border = THIN;
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEFEFEF' } };
  });
}

function bodyRow(ws: ExcelJS.Worksheet, values: (string | number)[], formats: (string | null)[], bold = false): void {
  const row = ws.addRow(values);
  values.forEach((_, i) => {
    const cell = row.getCell(i + 1);
    cell.border = THIN;
    cell.font = { name: FONT, size: 11, bold };
    const fmt = formats[i];
    if (fmt && typeof cell.value === 'number') {
      cell.numFmt = fmt;
      cell.alignment = { horizontal: 'right' };
    } else if (typeof cell.value === 'string' && cell.value === '—') cell.alignment = { horizontal: 'center' };
  });
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
}

/** A county sheet's column heading for a line: 受理纠纷（件）, 受理纠纷按纠纷类型：婚姻纠纷（件）. */
function countyColumnLabel(line: SheetLine, parentLabel: string): string {
  return `${line.level === 1 ? `${parentLabel}：${line.label}` : line.label}（${line.unit}）`;
}

function countySheet(ws: ExcelJS.Worksheet, heading: string, report: CountyStatistics, lines: SheetLine[]): void {
  const width = lines.length + 1;
  title(ws, heading, width);
  info(ws, `填报单位：${report.county.name}`, width);
  info(ws, `${periodText(report.period)}　制表日期：${formatChineseDate(report.asOf)}`, width);
  const columns = countyColumns(lines);
  for (const [which, word] of [
    ['period', '本期'],
    ['yearToDate', '本年累计'],
  ] as const) {
    const label = ws.addRow([word]);
    label.getCell(1).font = { name: FONT, size: 12, bold: true };
    header(ws, ['司法所', ...columns]);
    const formats = [null, ...lines.map(numberFormat)];
    const cells = (rows: readonly FigureRow[]) => {
      const byKey = new Map(rows.map((r) => [r.key, r]));
      return lines.map((l) => displayValue(l.unit, byKey.get(l.key)?.[which] ?? null));
    };
    for (const o of report.offices) bodyRow(ws, [o.name, ...cells(o.rows)], formats);
    bodyRow(ws, ['合计', ...cells(report.total.rows)], formats, true);
    ws.addRow([]);
  }
  ws.getColumn(1).width = 22;
  for (let i = 2; i <= width; i++) ws.getColumn(i).width = 14;
}

/** The column headings of a county sheet, in order. */
export function countyColumns(lines: readonly SheetLine[]): string[] {
  let parent = '';
  return lines.map((l) => {
    if (l.level === 0) parent = l.label;
    return countyColumnLabel(l, parent);
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
}

/** The workbook's bytes. */
export async function statisticsWorkbook(report: WorkbookReport, template: ReportTemplate): Promise<Buffer> {
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
    const ws = wb.addWorksheet(sheet.name, {
      pageSetup: {
        paperSize: 9,
        orientation: report.scope === 'office' ? 'portrait' : 'landscape',
        fitToPage: true,
        fitToWidth: 1,
        fitToHeight: 0,
      },
    });
    const heading = `${template.title}（${sheet.name}）`;
    if (report.scope === 'office') officeSheet(ws, heading, report.office, sheetLines(sheet, report.office.rows));
    else countySheet(ws, heading, report.county, sheetLines(sheet, report.county.total.rows));
  }
  if (report.scope === 'county') lateSheet(wb.addWorksheet('逾期报送'), report.county);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** 统计报表-黎托街道司法所-2026-10.xlsx */
export function workbookFileName(report: WorkbookReport): string {
  const who = report.scope === 'office' ? report.office.office.name : report.county.county.name;
  const period = report.scope === 'office' ? report.office.period.key : report.county.period.key;
  return `统计报表-${who}-${period}.xlsx`;
}
