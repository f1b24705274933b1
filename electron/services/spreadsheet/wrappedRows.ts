// The height of a row whose cells wrap their text. Neither exceljs nor LibreOffice's import sizes a row to its
// wrapped text (LibreOffice prints such a row one line high, the rest cut off), so the writer sets it: each cell's
// lines at its column's width, a CJK character taking two widths of a digit, the tallest cell deciding.
const LINE_HEIGHT_PER_POINT = 1.35;
const PADDING_POINTS = 4;

/** How many columns' width units a text takes: full-width (CJK) characters two, others one. */
function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += /[\u1100-\uffef]/.test(ch) && !/[\uff61-\uff9f]/.test(ch) ? 2 : 1;
  return width;
}

/** The lines a value takes in a column `width` units wide (at least one). */
function linesIn(value: unknown, width: number): number {
  const text = value === null || value === undefined ? '' : String(value);
  const usable = Math.max(1, width - 1);
  return text.split('\n').reduce((n, line) => n + Math.max(1, Math.ceil(displayWidth(line) / usable)), 0);
}

/** The row height in points for these values in columns of these widths, at this font size. */
export function wrappedRowHeight(values: readonly unknown[], widths: readonly number[], fontSize: number): number {
  const lines = Math.max(1, ...values.map((v, i) => linesIn(v, widths[i] ?? 10)));
  return Math.ceil(lines * fontSize * LINE_HEIGHT_PER_POINT + PADDING_POINTS);
}
