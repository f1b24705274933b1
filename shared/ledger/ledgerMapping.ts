// A ledger's sheet as the import reads it (cells of rows, whatever the file was), where its header row is (below
// title rows and merged cells), and which column holds which field: detected from the header texts through the
// synonym table, taken from the mapping the office saved last time, and corrected by the clerk's own mapping (the
// page's choices, or `--map mapping.json`: the same shape, docs/ledger-import.md).
import { z } from 'zod';
import type { CaseKind } from '../options';
import { fieldOfHeader, LEDGER_FIELDS, ledgerField, normalizeHeader, type LedgerFieldKey } from './ledgerFields';

/** One cell: its text as shown; a number or date when the spreadsheet held one; a formula or an error value. */
export interface LedgerCell {
  text: string;
  number?: number;
  date?: Date;
  formula?: string;
  error?: string;
}

export interface LedgerRow {
  /** The row's number as the clerk sees it (the spreadsheet's row, the CSV's line). */
  number: number;
  cells: LedgerCell[];
}

export interface LedgerSheet {
  name: string;
  rows: LedgerRow[];
}

/** A column of the header row. */
export interface LedgerColumn {
  index: number;
  /** A, B, … AA: as the spreadsheet names it. */
  letter: string;
  header: string;
}

/** What each column of the header was taken for; null: not imported. */
export interface ColumnMapping extends LedgerColumn {
  field: LedgerFieldKey | null;
  /** Where the choice came from: the synonym table, the office's saved mapping, or the clerk's mapping. */
  source: 'detected' | 'saved' | 'given' | 'none';
}

/** A mapping file, and what the office saves: the header text of each column and the field it holds (null: none). */
export const ledgerMappingSchema = z.strictObject(
  {
    kind: z.enum(['legal_aid', 'mediation', 'notarization'], { error: '应为 legal_aid、mediation 或 notarization' }),
    columns: z.record(
      z.string({ error: '格式不正确' }).min(1, '列名不能为空').max(60, '列名不能超过60个字符'),
      z.string({ error: '格式不正确' }).max(40, '字段名过长').nullable(),
      { error: '应为“列名: 字段”的对应表' },
    ),
  },
  { error: '映射应为 { "kind": …, "columns": { 列名: 字段 } }' },
);
export type LedgerMapping = z.output<typeof ledgerMappingSchema>;

/** The rows searched for the header: title rows above it are few. */
const HEADER_SEARCH_ROWS = 30;

function columnLetter(index: number): string {
  let s = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/**
 * The header row: among the first rows, the one whose cells name the most fields of the kind (at least two, so
 * that a title row reading “人民调解台账” is not taken for it); the earliest of equals. Null when none does.
 */
export function findHeaderRow(kind: CaseKind, sheet: LedgerSheet): { at: number; columns: LedgerColumn[] } | null {
  let best: { at: number; hits: number } | null = null;
  sheet.rows.slice(0, HEADER_SEARCH_ROWS).forEach((row, at) => {
    const fields = new Set(row.cells.map((c) => fieldOfHeader(kind, c.text)).filter((f) => f !== null));
    if (fields.size >= 2 && (!best || fields.size > best.hits)) best = { at, hits: fields.size };
  });
  if (!best) return null;
  const { at } = best;
  const columns = sheet.rows[at]!.cells.flatMap((c, index) => {
    const header = c.text.replace(/\s+/g, ' ').trim();
    return header ? [{ index, letter: columnLetter(index), header }] : [];
  });
  return { at, columns };
}

/** The Chinese name of a kind's ledger, for messages. */
export const LEDGER_NAMES: Record<CaseKind, string> = {
  legal_aid: '法律援助台账',
  mediation: '人民调解台账',
  notarization: '公证申请台账',
};

const columnName = (c: LedgerColumn) => `${c.letter}列“${c.header}”`;

/**
 * Each column's field: the clerk's mapping first (strict: it must name real columns and real fields, and no field
 * twice), then the office's saved mapping for the columns it knows, then the synonym table. Answers the mapping and
 * what is wrong with it (an empty list: the rows can be checked).
 */
export function resolveMapping(
  kind: CaseKind,
  columns: readonly LedgerColumn[],
  { given, saved }: { given?: LedgerMapping | null; saved?: LedgerMapping | null },
): { mapping: ColumnMapping[]; problems: string[] } {
  const problems: string[] = [];
  const byHeader = new Map(columns.map((c) => [normalizeHeader(c.header), c]));
  const fieldLabel = (key: string) => ledgerField(kind, key)?.label ?? key;
  if (given && given.kind !== kind) problems.push(`映射是${LEDGER_NAMES[given.kind]}的，不能用于${LEDGER_NAMES[kind]}`);
  const givenFor = new Map<number, LedgerFieldKey | null>();
  if (given && given.kind === kind) {
    for (const [header, field] of Object.entries(given.columns)) {
      const column = byHeader.get(normalizeHeader(header));
      if (!column) {
        problems.push(`映射中的列“${header}”在表头中找不到（表头：${columns.map((c) => c.header).join('、')}）`);
        continue;
      }
      if (field !== null && !ledgerField(kind, field)) {
        problems.push(`映射中列“${header}”对应的“${field}”不是${LEDGER_NAMES[kind]}的字段`);
        continue;
      }
      givenFor.set(column.index, field as LedgerFieldKey | null);
    }
  }
  const savedFor = new Map<number, LedgerFieldKey | null>();
  if (saved && saved.kind === kind) {
    for (const [header, field] of Object.entries(saved.columns)) {
      const column = byHeader.get(normalizeHeader(header));
      if (column && (field === null || ledgerField(kind, field))) savedFor.set(column.index, field as LedgerFieldKey);
    }
  }
  const taken = new Map<LedgerFieldKey, LedgerColumn>();
  const mapping: ColumnMapping[] = columns.map((c) => {
    let field: LedgerFieldKey | null;
    let source: ColumnMapping['source'];
    if (givenFor.has(c.index)) [field, source] = [givenFor.get(c.index)!, 'given'];
    else if (savedFor.has(c.index)) [field, source] = [savedFor.get(c.index)!, 'saved'];
    else {
      field = fieldOfHeader(kind, c.header);
      source = field ? 'detected' : 'none';
      // A detected field already held by an earlier column (a header merged over two cells) stays with the first.
      if (field && taken.has(field)) [field, source] = [null, 'none'];
    }
    if (field) {
      const first = taken.get(field);
      if (first) problems.push(`“${fieldLabel(field)}”被映射到两列：${columnName(first)}和${columnName(c)}`);
      else taken.set(field, c);
    }
    return { ...c, field, source };
  });
  for (const f of LEDGER_FIELDS[kind]) {
    if (f.required && !taken.has(f.key)) problems.push(`没有“${f.label}”列：请在映射中指定哪一列是${f.label}`);
  }
  return { mapping, problems };
}
