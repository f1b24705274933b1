// High-water marks: the highest id each exported table has ever given, the change log's and the export sequence's
// last numbers, and the case-number counters. A row the bureau has seen must never be named again for another
// row, nor a case number issued twice, so these only ever rise: SQLite keeps the ids and sequences in
// sqlite_sequence (every exported id table is AUTOINCREMENT since migration 0015), the counters in their table, and
// a copy lives beside the data file, `<file>.high-water.json`, written atomically at every open, export, backup,
// restore and recovery. When a restore brings back an older file — or the data file was replaced outside CaseDesk —
// the marks are raised to the highest of every source: the restored file, the file it replaced (when it can still
// be read) and the copy beside it. Since the copy is written before every export's package, no id or sequence the
// bureau has seen can be lowered, even when the replaced file is unreadable.
import fs from 'node:fs';
import path from 'node:path';
import type BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import { syncToDisk } from './syncToDisk';

/** Tables whose key SQLite numbers from sqlite_sequence, with that key: the ids that travel in packages, the change log, the export sequence. */
export const SEQUENCED_TABLES: Readonly<Record<string, string>> = {
  users: 'id',
  cases: 'id',
  parties: 'id',
  legal_aid_assignments: 'id',
  legal_aid_eligibility_overrides: 'id',
  conflict_acknowledgements: 'id',
  case_actions: 'id',
  interference_records: 'id',
  interference_statements: 'id',
  attachments: 'id',
  dossier_overrides: 'id',
  change_log: 'seq',
  exchange_exports: 'sequence',
};

export interface CaseNumberMark {
  kind: string;
  year: number;
  lastSeq: number;
}

export interface HighWater {
  /** Per table of SEQUENCED_TABLES: the highest key it has ever given (0 when none). */
  sequences: Record<string, number>;
  caseNumbers: CaseNumberMark[];
}

const HIGH_WATER_SUFFIX = '.high-water.json';

export function highWaterPath(file: string): string {
  return path.resolve(file) + HIGH_WATER_SUFFIX;
}

const q = (name: string) => `"${name.replace(/"/g, '""')}"`;

function hasTable(sqlite: BetterSqlite3.Database, name: string): boolean {
  return sqlite.prepare(`SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?`).get(name) !== undefined;
}

function emptyHighWater(): HighWater {
  return { sequences: Object.fromEntries(Object.keys(SEQUENCED_TABLES).map((t) => [t, 0])), caseNumbers: [] };
}

/** The marks a data file holds (any schema version: a table without AUTOINCREMENT counts its largest key). */
export function highWaterOf(sqlite: BetterSqlite3.Database): HighWater {
  const marks = emptyHighWater();
  const sequence = hasTable(sqlite, 'sqlite_sequence')
    ? new Map(
        (sqlite.prepare('SELECT name, seq FROM sqlite_sequence').all() as { name: string; seq: number }[]).map((r) => [
          r.name,
          Number(r.seq),
        ]),
      )
    : new Map<string, number>();
  for (const [table, key] of Object.entries(SEQUENCED_TABLES)) {
    if (!hasTable(sqlite, table)) continue;
    const largest = (sqlite.prepare(`SELECT coalesce(max(${q(key)}), 0) AS n FROM ${q(table)}`).get() as { n: number })
      .n;
    marks.sequences[table] = Math.max(Number(largest), sequence.get(table) ?? 0);
  }
  if (hasTable(sqlite, 'case_number_counters')) {
    marks.caseNumbers = sqlite
      .prepare('SELECT kind, year, last_seq AS lastSeq FROM case_number_counters ORDER BY kind, year')
      .all() as CaseNumberMark[];
  }
  return marks;
}

/** The highest of several sets of marks (null ones skipped). */
export function highestOf(...all: (HighWater | null | undefined)[]): HighWater {
  const marks = emptyHighWater();
  const counters = new Map<string, CaseNumberMark>();
  for (const m of all) {
    if (!m) continue;
    for (const [table, n] of Object.entries(m.sequences)) {
      if (table in marks.sequences && Number.isSafeInteger(n))
        marks.sequences[table] = Math.max(marks.sequences[table]!, n);
    }
    for (const c of m.caseNumbers) {
      const key = `${c.kind}\u0000${c.year}`;
      const held = counters.get(key);
      if (!held || held.lastSeq < c.lastSeq) counters.set(key, { ...c });
    }
  }
  marks.caseNumbers = [...counters.values()].sort((a, b) => a.kind.localeCompare(b.kind) || a.year - b.year);
  return marks;
}

/**
 * Raises the file's marks to `marks` (inside the caller's transaction): sqlite_sequence for every AUTOINCREMENT
 * table, the case-number counters. Returns the names of what was raised (none when the file was at least as high).
 */
export function raiseHighWater(sqlite: BetterSqlite3.Database, marks: HighWater): string[] {
  const raised: string[] = [];
  if (hasTable(sqlite, 'sqlite_sequence')) {
    const current = highWaterOf(sqlite);
    const autoincrement = new Set(
      (
        sqlite.prepare(`SELECT name FROM sqlite_schema WHERE type = 'table' AND sql LIKE '%AUTOINCREMENT%'`).all() as {
          name: string;
        }[]
      ).map((r) => r.name),
    );
    for (const [table, n] of Object.entries(marks.sequences)) {
      if (!autoincrement.has(table) || !(n > (current.sequences[table] ?? 0))) continue;
      const updated = sqlite.prepare('UPDATE sqlite_sequence SET seq = ? WHERE name = ?').run(n, table);
      if (updated.changes === 0) sqlite.prepare('INSERT INTO sqlite_sequence (name, seq) VALUES (?, ?)').run(table, n);
      raised.push(table);
    }
  }
  if (hasTable(sqlite, 'case_number_counters')) {
    const raise = sqlite.prepare(
      `INSERT INTO case_number_counters (kind, year, last_seq) VALUES (@kind, @year, @lastSeq)
       ON CONFLICT (kind, year) DO UPDATE SET last_seq = excluded.last_seq WHERE last_seq < excluded.last_seq`,
    );
    for (const c of marks.caseNumbers)
      if (raise.run(c).changes > 0) raised.push(`case_number_counters:${c.kind}:${c.year}`);
  }
  return raised;
}

interface HighWaterFile {
  /** The office the marks belong to (县级行政区划代码 + 司法所编号), null before the office was set up. */
  officeCode: string | null;
  updatedAt: string;
  marks: HighWater;
}

/** The office code a data file holds, or null. */
function officeCodeOf(sqlite: BetterSqlite3.Database): string | null {
  if (!hasTable(sqlite, 'office')) return null;
  const row = sqlite.prepare('SELECT division_code || office_number AS code FROM office WHERE id = 1').get() as
    { code: string } | undefined;
  return row?.code ?? null;
}

function isMarks(value: unknown): value is HighWater {
  const m = value as HighWater;
  return (
    typeof m === 'object' &&
    m !== null &&
    typeof m.sequences === 'object' &&
    m.sequences !== null &&
    Array.isArray(m.caseNumbers) &&
    Object.values(m.sequences).every((n) => Number.isSafeInteger(n) && n >= 0) &&
    m.caseNumbers.every(
      (c) => typeof c?.kind === 'string' && Number.isSafeInteger(c.year) && Number.isSafeInteger(c.lastSeq),
    )
  );
}

/** The copy beside the data file, or null when there is none or it cannot be read (a damaged copy is no source). */
function readHighWaterFile(file: string): HighWaterFile | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(fs.readFileSync(highWaterPath(file), 'utf8'));
  } catch {
    return null;
  }
  const f = parsed as { format?: unknown; officeCode?: unknown; updatedAt?: unknown; marks?: unknown };
  if (
    f?.format !== 'casedesk-high-water' ||
    !isMarks(f.marks) ||
    (f.officeCode !== null && typeof f.officeCode !== 'string')
  )
    return null;
  return { officeCode: f.officeCode, updatedAt: String(f.updatedAt ?? ''), marks: f.marks };
}

/** Writes the copy beside the data file: a temporary file, synced, renamed over the old one. */
function writeHighWaterFile(file: string, content: HighWaterFile): void {
  const target = highWaterPath(file);
  const partial = `${target}.partial`;
  fs.writeFileSync(partial, `${JSON.stringify({ format: 'casedesk-high-water', version: 1, ...content }, null, 1)}\n`);
  syncToDisk(partial);
  fs.renameSync(partial, target);
  syncToDisk(path.dirname(target));
}

/**
 * The marks of the copy beside `file` when it belongs to the same office as the open file, else null: another
 * office's marks say nothing about this one's rows, and a file not yet set up has no rows to protect (an office
 * reinstalled there continues beyond the bureau's marks through its recovery package).
 */
export function sameOfficeHighWater(sqlite: BetterSqlite3.Database, file: string): HighWater | null {
  const kept = readHighWaterFile(file);
  if (!kept) return null;
  const code = officeCodeOf(sqlite);
  return code !== null && kept.officeCode === code ? kept.marks : null;
}

/** Writes the copy beside the data file: the highest of the file's own marks and the copy's (same office). */
export function keepHighWater(sqlite: BetterSqlite3.Database, file: string, now: Date): HighWater {
  const marks = highestOf(highWaterOf(sqlite), sameOfficeHighWater(sqlite, file));
  writeHighWaterFile(file, { officeCode: officeCodeOf(sqlite), updatedAt: now.toISOString(), marks });
  return marks;
}
