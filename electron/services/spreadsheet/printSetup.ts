// How a worksheet prints on A4: the bureau hands its workbooks up on paper, so every sheet must print legibly —
// landscape where the table is wider than a portrait page, fit to the page's width (or to as many pages across as
// keep the type readable, the label columns repeated on each), the table's header rows repeated on every page,
// wrapped header cells with row heights that fit them (Excel and LibreOffice do not grow a row for wrapped text a
// program wrote), and the page number in the footer.
import type ExcelJS from 'exceljs';

/** Inclusive 1-based range of rows or columns. */
interface Span {
  first: number;
  last: number;
}

export interface A4Options {
  /** The rows printed again at the top of every page: the table's header. */
  repeatRows?: Span;
  /** The columns printed again at the left of every page when the table runs to more than one page across. */
  repeatColumns?: Span;
  /** Omitted: landscape when the columns are wider than a portrait page, else portrait. */
  orientation?: 'portrait' | 'landscape';
  /**
   * The smallest print scale allowed when fitting to the page's width (0.7 by default): a wider table runs to more
   * pages across instead of shrinking below it.
   */
  minScale?: number;
}

// Excel's column width unit is the width of '0' in the default font (7 px at 96 dpi), plus 5 px of padding.
const PX_PER_CHAR = 7;
const PX_PER_MM = 96 / 25.4;
const MARGIN_INCH = { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 };
const A4_MM = { short: 210, long: 297 };
const DEFAULT_COLUMN_WIDTH = 9;

/** The printable width of an A4 page in pixels at 100 %. */
function printableWidthPx(orientation: 'portrait' | 'landscape'): number {
  const paper = orientation === 'portrait' ? A4_MM.short : A4_MM.long;
  return (paper - (MARGIN_INCH.left + MARGIN_INCH.right) * 25.4) * PX_PER_MM;
}

function columnWidthPx(width: number | undefined): number {
  return (width ?? DEFAULT_COLUMN_WIDTH) * PX_PER_CHAR + 5;
}

/** The sheet's columns' total width in pixels at 100 %. */
function sheetWidthPx(sheet: ExcelJS.Worksheet): number {
  let px = 0;
  // Columns given widths but no cells yet count too.
  const count = Math.max(sheet.columnCount, sheet.columns?.length ?? 0);
  for (let c = 1; c <= count; c++) px += columnWidthPx(sheet.getColumn(c).width);
  return px;
}

/** Sets the sheet up to print on A4 (see the file's comment); returns the orientation and pages across chosen. */
export function fitSheetToA4(
  sheet: ExcelJS.Worksheet,
  options: A4Options = {},
): { orientation: 'portrait' | 'landscape'; pagesWide: number } {
  const width = sheetWidthPx(sheet);
  const orientation = options.orientation ?? (width > printableWidthPx('portrait') ? 'landscape' : 'portrait');
  const minScale = options.minScale ?? 0.7;
  const pagesWide = Math.max(1, Math.ceil((width * minScale) / printableWidthPx(orientation)));
  sheet.pageSetup = {
    ...sheet.pageSetup,
    paperSize: 9, // A4
    orientation,
    fitToPage: true,
    fitToWidth: pagesWide,
    fitToHeight: 0, // as many pages down as it takes
    horizontalCentered: pagesWide === 1,
    margins: MARGIN_INCH,
    ...(options.repeatRows ? { printTitlesRow: `${options.repeatRows.first}:${options.repeatRows.last}` } : {}),
    ...(options.repeatColumns && pagesWide > 1
      ? {
          printTitlesColumn: `${columnLetter(options.repeatColumns.first)}:${columnLetter(options.repeatColumns.last)}`,
        }
      : {}),
  };
  sheet.headerFooter = { ...sheet.headerFooter, oddFooter: '&C第 &P 页，共 &N 页' };
  return { orientation, pagesWide };
}

function columnLetter(n: number): string {
  let s = '';
  for (let c = n; c > 0; c = Math.floor((c - 1) / 26)) s = String.fromCharCode(65 + ((c - 1) % 26)) + s;
  return s;
}

/** A text's width in column-width units at 11 pt: a Chinese character is about two digits wide. */
function textUnits(text: string, fontSize: number): number {
  let units = 0;
  for (const ch of text) units += ch.codePointAt(0)! > 0x2e7f ? 2.1 : 1.1;
  return (units * fontSize) / 11;
}

/**
 * Gives each of `rows` the height its wrapped cells need: the most lines any cell wraps to in its column's width,
 * at the cell's font size. Rows whose cells fit on one line keep the default height.
 */
export function fitWrappedRowHeights(sheet: ExcelJS.Worksheet, rows: Iterable<number>): void {
  for (const n of rows) {
    const row = sheet.getRow(n);
    let lines = 1;
    let size = 11;
    row.eachCell((cell, col) => {
      // A merged range wraps in the width of all its columns, and is measured at its first cell.
      if (cell.isMerged && cell.master.address !== cell.address) return;
      let span = sheet.getColumn(col).width ?? DEFAULT_COLUMN_WIDTH;
      for (let c = col + 1; c <= sheet.columnCount; c++) {
        const next = sheet.getCell(n, c);
        if (!next.isMerged || next.master.address !== cell.address) break;
        span += sheet.getColumn(c).width ?? DEFAULT_COLUMN_WIDTH;
      }
      const fontSize = cell.font?.size ?? 11;
      size = Math.max(size, fontSize);
      const room = Math.max(1, span - 1);
      const text = cell.text;
      const needed = text
        .split('\n')
        .reduce((sum, part) => sum + Math.max(1, Math.ceil(textUnits(part, fontSize) / room)), 0);
      lines = Math.max(lines, needed);
    });
    if (lines > 1) row.height = lines * size * 1.35 + 4;
  }
}
