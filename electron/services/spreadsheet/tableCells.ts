// The cells of the bureau's printed tables, as every sheet of the statistics workbook draws them: a centred title,
// lines saying who reports and when, a shaded bold header that wraps, and bordered body rows whose numbers are
// right-aligned in their format and whose first cell wraps. One place, so the sheets look alike on paper.
import type ExcelJS from 'exceljs';

const THIN: Partial<ExcelJS.Borders> = {
  top: { style: 'thin' },
  left: { style: 'thin' },
  bottom: { style: 'thin' },
  right: { style: 'thin' },
};
export const FONT = 'SimSun';

export function title(ws: ExcelJS.Worksheet, text: string, width: number): void {
  ws.addRow([text]);
  ws.mergeCells(1, 1, 1, Math.max(width, 1));
  const cell = ws.getCell(1, 1);
  cell.font = { name: FONT, size: 16, bold: true };
  cell.alignment = { horizontal: 'center', vertical: 'middle' };
  ws.getRow(1).height = 28;
}

export function info(ws: ExcelJS.Worksheet, text: string, width: number): void {
  const row = ws.addRow([text]);
  ws.mergeCells(row.number, 1, row.number, Math.max(width, 1));
  row.getCell(1).font = { name: FONT, size: 11 };
  row.getCell(1).alignment = { vertical: 'middle', wrapText: true };
}

export function header(ws: ExcelJS.Worksheet, values: string[]): ExcelJS.Row {
  const row = ws.addRow(values);
  row.eachCell((cell) => {
    cell.font = { name: FONT, size: 11, bold: true };
    cell.border = THIN;
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEFEFEF' } };
  });
  return row;
}

/** A merged, bordered line across the table naming the block below it. */
export function blockLabel(ws: ExcelJS.Worksheet, text: string, width: number): void {
  const label = ws.addRow([text]);
  ws.mergeCells(label.number, 1, label.number, width);
  label.getCell(1).font = { name: FONT, size: 12, bold: true };
  label.getCell(1).border = THIN;
}

export function bodyRow(
  ws: ExcelJS.Worksheet,
  values: (string | number)[],
  formats: (string | null)[],
  bold = false,
): void {
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
    // A long label wraps (its row is made tall enough when the sheet is laid out) rather than run under the figures.
    else if (i === 0) cell.alignment = { vertical: 'middle', wrapText: true };
  });
}

export const rowNumbers = (first: number, last: number) =>
  Array.from({ length: last - first + 1 }, (_, i) => first + i);
