// Change capture for the export to the county bureau: every insert, update and delete of an exported table
// (shared/exchange/tables.ts) appends to change_log, in the statement's own transaction, a snapshot of the row's
// exported columns (null for a delete: the tombstone). The log's sequence only grows, so an export is "every row
// whose latest change is after the previous export's last sequence", and an earlier export can be made again,
// exactly, from the snapshots in its range. Regenerated after every migration, beside the audit triggers.
import type BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import { EXPORTED_TABLES, type ExportedTable } from '../shared/exchange/tables';

/**
 * Tables the audit triggers must not capture: the change log is derived from changes the audit log already holds;
 * the key table holds private keys, which must never be copied into a log; imported rows are the offices' own
 * audited data, recorded at the bureau by their import entry (bureau_imports), and auditing every one of hundreds
 * of thousands of them would multiply an import's time and size.
 */
const NOT_AUDITED_EXCHANGE_TABLES = ['change_log', 'exchange_keys', 'bureau_rows'] as const;

const q = (name: string) => `"${name.replace(/"/g, '""')}"`;
const lit = (s: string) => `'${s.replace(/'/g, "''")}'`;

function present(sqlite: BetterSqlite3.Database, table: string): Set<string> {
  return new Set(
    (sqlite.prepare(`SELECT name FROM pragma_table_info(?)`).all(table) as { name: string }[]).map((c) => c.name),
  );
}

/** The exported columns the table has in this file (a column added by a later migration appears once it exists). */
function columnsOf(sqlite: BetterSqlite3.Database, table: string, spec: ExportedTable): string[] {
  const have = present(sqlite, table);
  return Object.keys(spec.columns).filter((c) => have.has(c));
}

function rowKeySql(row: 'NEW' | 'OLD' | string, key: readonly string[]): string {
  const ref = (c: string) => (row === '' ? q(c) : `${row}.${q(c)}`);
  return key.length === 1 ? `CAST(${ref(key[0]!)} AS TEXT)` : `json_array(${key.map(ref).join(', ')})`;
}

/** SQL of shared/identity.ts maskIdNumber: the first 6 and last 4 characters, stars between. */
function maskedSql(ref: string): string {
  const stars = `'${'*'.repeat(40)}'`;
  return `CASE WHEN ${ref} IS NULL THEN NULL WHEN length(${ref}) <= 10 THEN substr(${stars}, 1, length(${ref}))
    ELSE substr(${ref}, 1, 6) || substr(${stars}, 1, length(${ref}) - 10) || substr(${ref}, -4) END`;
}

function rowJsonSql(row: 'NEW' | 'OLD' | '', columns: readonly string[], masked: readonly string[] = []): string {
  const ref = (c: string) => (row === '' ? q(c) : `${row}.${q(c)}`);
  return `json_object(${columns.map((c) => `${lit(c)}, ${masked.includes(c) ? maskedSql(ref(c)) : ref(c)}`).join(', ')})`;
}

function hasTable(sqlite: BetterSqlite3.Database, name: string): boolean {
  return sqlite.prepare(`SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?`).get(name) !== undefined;
}

/** (Re)creates the change triggers of every exported table this file has; drops the audit triggers listed above. */
export function installChangeTriggers(sqlite: BetterSqlite3.Database): void {
  if (!hasTable(sqlite, 'change_log')) return;
  for (const table of NOT_AUDITED_EXCHANGE_TABLES) {
    for (const op of ['insert', 'update', 'delete']) sqlite.exec(`DROP TRIGGER IF EXISTS ${q(`audit_${table}_${op}`)}`);
  }
  for (const [table, spec] of Object.entries(EXPORTED_TABLES)) {
    if (!hasTable(sqlite, table)) continue;
    const columns = columnsOf(sqlite, table, spec);
    const changed = columns.map((c) => `OLD.${q(c)} IS NOT NEW.${q(c)}`).join(' OR ');
    const log = (key: string, op: string, data: string) =>
      `INSERT INTO change_log (table_name, row_key, op, data) VALUES (${lit(table)}, ${key}, '${op}', ${data});`;
    const keyChanged = spec.key.map((c) => `OLD.${q(c)} IS NOT NEW.${q(c)}`).join(' OR ');
    sqlite.exec(`
      DROP TRIGGER IF EXISTS ${q(`change_${table}_insert`)};
      DROP TRIGGER IF EXISTS ${q(`change_${table}_update`)};
      DROP TRIGGER IF EXISTS ${q(`change_${table}_delete`)};
      CREATE TRIGGER ${q(`change_${table}_insert`)} AFTER INSERT ON ${q(table)} BEGIN
        ${log(rowKeySql('NEW', spec.key), 'upsert', rowJsonSql('NEW', columns, spec.masked))}
      END;
      CREATE TRIGGER ${q(`change_${table}_update`)} AFTER UPDATE ON ${q(table)} WHEN ${changed} BEGIN
        -- A changed key is the old row gone and a new one made.
        INSERT INTO change_log (table_name, row_key, op, data)
          SELECT ${lit(table)}, ${rowKeySql('OLD', spec.key)}, 'delete', NULL WHERE ${keyChanged};
        ${log(rowKeySql('NEW', spec.key), 'upsert', rowJsonSql('NEW', columns, spec.masked))}
      END;
      CREATE TRIGGER ${q(`change_${table}_delete`)} AFTER DELETE ON ${q(table)} BEGIN
        ${log(rowKeySql('OLD', spec.key), 'delete', 'NULL')}
      END;
    `);
  }
}

/**
 * Logs every row the exported tables already hold, once, when change capture starts on an existing file
 * (migration 0012), so the first export carries everything.
 */
export function seedChangeLog(sqlite: BetterSqlite3.Database): void {
  for (const [table, spec] of Object.entries(EXPORTED_TABLES)) {
    if (!hasTable(sqlite, table)) continue;
    const columns = columnsOf(sqlite, table, spec);
    sqlite.exec(
      `INSERT INTO change_log (table_name, row_key, op, data)
       SELECT ${lit(table)}, ${rowKeySql('', spec.key)}, 'upsert', ${rowJsonSql('', columns, spec.masked)} FROM ${q(table)}
       ORDER BY ${spec.key.map(q).join(', ')}`,
    );
  }
}

/**
 * SQL that logs a row's current version again (bound to its key, as text): a row the office keeps in its own version
 * against the bureau's recovery package is sent again, with a sequence above everything the bureau holds.
 */
export function relogRowSql(table: string): string {
  const spec = EXPORTED_TABLES[table]!;
  return `INSERT INTO change_log (table_name, row_key, op, data)
    SELECT ${lit(table)}, ${rowKeySql('', spec.key)}, 'upsert', ${rowJsonSql('', Object.keys(spec.columns), spec.masked)} FROM ${q(table)}
    WHERE ${rowKeySql('', spec.key)} = ?`;
}
