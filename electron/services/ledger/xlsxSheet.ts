// One worksheet of an .xlsx read row by row into the cells the ledger checks read (shared/ledger/ledgerMapping.ts).
// exceljs's workbook model (`Workbook.xlsx.load`) holds every cell of every sheet twice over while it loads — its
// parsed model, then a Cell object per cell — which made a 10,000-row ledger's dry run add about 120 MB to the
// process's peak. Here exceljs's own parsers still read every part (the workbook's sheets, relationships, shared
// strings, styles, and each row with its cells, dates found by their number format, shared formulas), so a cell
// reads exactly as the workbook model gave it; but only the chosen sheet is parsed, a row at a time, and each row is
// kept only as the texts the checks need. exceljs's streaming reader is not used: it spools a sheet to a temporary
// file when the shared strings come after it (as Excel writes them: a ledger's personal data would land on disk),
// reads dates wrongly when the styles come after it, and ignores merged cells.
import parseSax from 'exceljs/lib/utils/parse-sax';
import colCache from 'exceljs/lib/utils/col-cache';
import Enums from 'exceljs/lib/doc/enums';
import WorkbookXform from 'exceljs/lib/xlsx/xform/book/workbook-xform';
import RelationshipsXform from 'exceljs/lib/xlsx/xform/core/relationships-xform';
import SharedStringsXform from 'exceljs/lib/xlsx/xform/strings/shared-strings-xform';
import StylesXform from 'exceljs/lib/xlsx/xform/style/styles-xform';
import RowXform from 'exceljs/lib/xlsx/xform/sheet/row-xform';
import type { LedgerCell, LedgerRow } from '../../../shared/ledger/ledgerMapping';
import type { ZipEntry } from './xlsxPackage';
import { packagePart } from './xlsxPackage';

type CellModel = RowXform.CellModel;

/** A part's XML is parsed this many bytes at a time: each slice's SAX events die with it. */
const XML_SLICE_CHARS = 64 * 1024;

/** A worksheet part exceljs loads (others, like chart sheets, it ignores, and so does the import). */
const WORKSHEET_PART = /xl\/worksheets\/sheet(\d+)[.]xml/;

/** A blank cell: shared, since the checks never change a cell. */
const BLANK: LedgerCell = Object.freeze({ text: '' });

export interface XlsxSheet {
  /** The chosen sheet's name and rows 1 to its last, each as wide as its widest row (blanks as ''). */
  name: string;
  rows: LedgerRow[];
}

export interface XlsxWorkbook {
  /** Every worksheet's name, in the workbook's order. */
  sheetNames: string[];
  /** The named sheet's rows (the first sheet's when `name` is null); null when the workbook has no such sheet. */
  read(name: string | null): Promise<XlsxSheet | null>;
}

/** The workbook's sheets and what reading any of them needs: shared strings, styles, the 1904 date system. */
export async function openXlsx(bytes: Buffer, entries: readonly ZipEntry[]): Promise<XlsxWorkbook> {
  const part = (name: string) => packagePart(bytes, entries, name);
  const workbook = new WorkbookXform();
  await workbook.parseStream(slices(part('xl/workbook.xml')));
  const rels = new RelationshipsXform();
  await rels.parseStream(slices(part('xl/_rels/workbook.xml.rels')));
  const relById = new Map((rels.model ?? []).map((r) => [r.Id, r]));
  const partNames = new Set(entries.map((e) => e.name.replace(/^\//, '')).filter((n) => WORKSHEET_PART.test(n)));
  // As exceljs pairs them (workbook-xform.js reconcile): a sheet's relationship names its part under xl/.
  const sheets = (workbook.model.sheets ?? []).flatMap((s) => {
    const rel = relById.get(s.rId);
    const path = rel && `xl/${rel.Target.replace(/^(\s|\/xl\/)+/, '')}`;
    return path && partNames.has(path) ? [{ name: s.name, path }] : [];
  });

  const sharedStringsPart = part('xl/sharedStrings.xml');
  let sharedStrings: SharedStringsXform | undefined;
  if (sharedStringsPart) {
    sharedStrings = new SharedStringsXform();
    await sharedStrings.parseStream(slices(sharedStringsPart));
  }
  const stylesPart = part('xl/styles.xml');
  const styles = new StylesXform(!stylesPart);
  if (stylesPart) await styles.parseStream(slices(stylesPart));
  const date1904 = workbook.model.properties?.date1904;

  return {
    sheetNames: sheets.map((s) => s.name),
    async read(name) {
      const sheet = name === null ? sheets[0] : sheets.find((s) => s.name === name);
      if (!sheet) return null;
      const xml = part(sheet.path)!;
      const options = { styles, sharedStrings, date1904, formulae: {}, hyperlinkMap: {} };
      return { name: sheet.name, rows: await sheetRows(xml, options) };
    },
  };
}

/**
 * A part's XML as text slices, never splitting a character (a slice ends where a UTF-8 sequence is whole): exceljs's
 * parsers gather the SAX events of each slice they are given, and a megabyte of shared strings as one slice made
 * tens of megabytes of events at once.
 */
function* slices(xml: Buffer | null): Generator<string> {
  if (!xml) return;
  const decoder = new TextDecoder('utf-8');
  for (let at = 0; at < xml.length; at += XML_SLICE_CHARS)
    yield decoder.decode(xml.subarray(at, at + XML_SLICE_CHARS), { stream: true });
  const rest = decoder.decode();
  if (rest) yield rest;
}

/**
 * The sheet's rows as the workbook model gives them: rows 1 to the last row (or merged range), each cell as its
 * `value` read, every row as wide as the widest; merged cells read as their range's first cell, as exceljs reads
 * them. A row's cells are turned into texts when its `</row>` is read.
 */
async function sheetRows(xml: Buffer, options: object): Promise<LedgerRow[]> {
  const byNumber: (LedgerCell[] | undefined)[] = [];
  /** Rows with a value or a merged cell: only they count for the width (exceljs's `columnCount`). */
  const valued = new Set<number>();
  const merges: string[] = [];
  const rowXform = new RowXform();
  let inRow = false;
  for await (const events of parseSax(slices(xml))) {
    for (const { eventType, value } of events) {
      if (inRow) {
        if (eventType === 'opentag') rowXform.parseOpen(value);
        else if (eventType === 'text') rowXform.parseText(value as string);
        else if (!rowXform.parseClose((value as { name: string }).name)) {
          inRow = false;
          const { model } = rowXform;
          rowXform.reconcile(model, options);
          byNumber[model.number - 1] = rowCells(model.cells);
          if (model.cells.some((c) => c.type !== Enums.ValueType.Null && c.type !== Enums.ValueType.Merge))
            valued.add(model.number);
        }
      } else if (eventType === 'opentag') {
        const node = value as { name: string; attributes: Record<string, string> };
        if (node.name === 'row') {
          inRow = true;
          rowXform.parseOpen(node);
        } else if (node.name === 'mergeCell' && node.attributes.ref) merges.push(node.attributes.ref);
      }
    }
  }
  for (const ref of merges) merge(byNumber, valued, ref);
  let width = 0;
  for (const r of valued) width = Math.max(width, byNumber[r - 1]?.length ?? 0);
  const rows: LedgerRow[] = [];
  for (let r = 0; r < byNumber.length; r++) {
    const cells = byNumber[r] ?? [];
    const full: LedgerCell[] = new Array<LedgerCell>(width);
    for (let c = 0; c < width; c++) full[c] = cells[c] ?? BLANK;
    rows.push({ number: r + 1, cells: full });
  }
  return rows;
}

/** A row's cells by column (0-based), as exceljs's Row places them: a cell without an address follows the last. */
function rowCells(models: readonly CellModel[]): LedgerCell[] {
  const cells: LedgerCell[] = [];
  let col = 0;
  for (const m of models) {
    if (m.type === Enums.ValueType.Merge) continue;
    col = m.address ? colCache.decodeAddress(m.address).col : col + 1;
    cells[col - 1] = ledgerCellOf(valueOf(m));
  }
  return cells;
}

/** A merged range reads as its first cell, in every cell of the range (exceljs's merged cells do). */
function merge(byNumber: (LedgerCell[] | undefined)[], valued: Set<number>, ref: string): void {
  const range = colCache.decode(ref);
  if (!('top' in range)) return;
  const master = byNumber[range.top - 1]?.[range.left - 1] ?? BLANK;
  for (let r = range.top; r <= range.bottom; r++) {
    const cells = (byNumber[r - 1] ??= []);
    for (let c = range.left; c <= range.right; c++) {
      cells[c - 1] = master;
      if (r > range.top || c > range.left) valued.add(r);
    }
  }
}

/** A cell model's `value` as exceljs's Cell answers it (lib/doc/cell.js: a formula keeps only its set fields). */
function valueOf(m: CellModel): unknown {
  if (m.type !== Enums.ValueType.Formula) return m.value ?? null;
  const formula: Record<string, unknown> = {};
  for (const key of ['formula', 'result', 'ref', 'shareType', 'sharedFormula'] as const)
    if (m[key]) formula[key] = m[key];
  return formula;
}

/** A cell as the checks read it: its text, and what the spreadsheet knew of it. */
function ledgerCellOf(v: unknown): LedgerCell {
  if (v === null || v === undefined) return BLANK;
  if (typeof v === 'string') return v === '' ? BLANK : { text: v };
  if (typeof v === 'number') return { text: String(v), number: v };
  if (typeof v === 'boolean') return { text: v ? '是' : '否' };
  if (v instanceof Date) return { text: v.toISOString().slice(0, 10), date: v };
  if (typeof v !== 'object') return { text: String(v) };
  if ('error' in v) return { text: String(v.error), error: String(v.error) };
  if ('formula' in v || 'sharedFormula' in v) {
    const formula =
      'formula' in v && v.formula ? String(v.formula) : String((v as { sharedFormula?: string }).sharedFormula);
    const result = (v as { result?: unknown }).result;
    if (result && typeof result === 'object' && 'error' in result)
      return { text: String(result.error), error: String(result.error) };
    return { text: result === undefined || result === null ? '' : String(result), formula };
  }
  if ('richText' in v) return { text: (v.richText as { text: string }[]).map((t) => t.text).join('') };
  if ('text' in v) return { text: String(v.text) };
  return BLANK;
}
