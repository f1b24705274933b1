// Print setup of an exceljs sheet for A4 paper, shared by every workbook a clerk prints (the ledgers, the
// evaluation sheets): scaled to the page's width (as many pages down as the rows need), the table's header rows
// repeated on every page, centred, with 第 N 页，共 M 页 in the footer — what an inspector gets on paper.
import type ExcelJS from 'exceljs';

export interface A4PrintOptions {
  orientation: 'portrait' | 'landscape';
  /** The rows printed at the top of every page (the table's header), 1-based and inclusive. */
  repeatRows?: { first: number; last: number };
}

/** Margins in inches (exceljs' unit): narrow, so a wide ledger keeps a readable scale. */
const MARGINS = { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 };

export function fitSheetToA4(sheet: ExcelJS.Worksheet, { orientation, repeatRows }: A4PrintOptions): void {
  sheet.pageSetup = {
    ...sheet.pageSetup,
    paperSize: 9, // A4
    orientation,
    fitToPage: true,
    fitToWidth: 1,
    // 0: as many pages down as needed (only the width is fitted).
    fitToHeight: 0,
    horizontalCentered: true,
    margins: MARGINS,
    ...(repeatRows ? { printTitlesRow: `${repeatRows.first}:${repeatRows.last}` } : {}),
  };
  sheet.headerFooter = { ...sheet.headerFooter, oddFooter: '&C第 &P 页，共 &N 页' };
}
