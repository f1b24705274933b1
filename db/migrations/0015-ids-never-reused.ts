import type BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import type { Migration } from './migration';

/**
 * Every table whose rows leave the office under their own id (shared/exchange/tables.ts) and the export sequence
 * number: a row exported once is never named again for different content (docs/export-format.md, "Row identity").
 * Without AUTOINCREMENT SQLite gives a new row the largest id in the table plus one, so after a restore the first
 * case registered takes the id of the newest case the backup did not have, which the bureau already holds for
 * another case. With AUTOINCREMENT the next id comes from sqlite_sequence, which only grows, and which a restore
 * raises to the high-water marks kept beside the data file (db/highWater.ts).
 *
 * SQLite cannot add AUTOINCREMENT to a table, so each is rebuilt the documented way (create, copy, drop, rename;
 * its indexes and triggers made again), with foreign keys off so that dropping `cases` does not cascade into every
 * table that references it; the runner checks `foreign_key_check` before committing. Ids, rows and the order of
 * columns are kept.
 */
const ID_TABLES: readonly { table: string; key: string }[] = [
  { table: 'users', key: 'id' },
  { table: 'cases', key: 'id' },
  { table: 'parties', key: 'id' },
  { table: 'legal_aid_assignments', key: 'id' },
  { table: 'legal_aid_eligibility_overrides', key: 'id' },
  { table: 'conflict_acknowledgements', key: 'id' },
  { table: 'case_actions', key: 'id' },
  { table: 'interference_records', key: 'id' },
  { table: 'interference_statements', key: 'id' },
  { table: 'attachments', key: 'id' },
  { table: 'dossier_overrides', key: 'id' },
  { table: 'exchange_exports', key: 'sequence' },
];

const q = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** Rebuilds `table` with AUTOINCREMENT on its INTEGER PRIMARY KEY `key`; sqlite_sequence starts at its largest key. */
function rebuildWithAutoincrement(db: BetterSqlite3.Database, table: string, key: string): void {
  const found = db.prepare(`SELECT sql FROM sqlite_schema WHERE type = 'table' AND name = ?`).get(table) as
    { sql: string } | undefined;
  if (!found) throw new Error(`0015: table ${table} is missing`);
  const keyDefinition = new RegExp(`(^|[(,\\s"])(${key}"?\\s+INTEGER\\s+PRIMARY\\s+KEY)(?!\\s+AUTOINCREMENT)`, 'i');
  const head = new RegExp(`^CREATE TABLE\\s+("${table}"|${table})\\s*\\(`, 'i');
  if (!keyDefinition.test(found.sql) || !head.test(found.sql))
    throw new Error(`0015: unexpected definition of ${table}`);
  const staging = `${table}__autoincrement`;
  const definition = found.sql
    .replace(head, `CREATE TABLE ${q(staging)} (`)
    .replace(keyDefinition, '$1$2 AUTOINCREMENT');
  const dependents = db
    .prepare(
      `SELECT sql FROM sqlite_schema WHERE tbl_name = ? AND type IN ('index', 'trigger') AND sql IS NOT NULL ORDER BY type, name`,
    )
    .all(table) as { sql: string }[];
  const columns = (db.prepare(`SELECT name FROM pragma_table_info(?)`).all(table) as { name: string }[])
    .map((c) => q(c.name))
    .join(', ');
  db.exec(definition);
  db.exec(`INSERT INTO ${q(staging)} (${columns}) SELECT ${columns} FROM ${q(table)}`);
  db.exec(`DROP TABLE ${q(table)}`);
  db.exec(`ALTER TABLE ${q(staging)} RENAME TO ${q(table)}`);
  for (const { sql } of dependents) db.exec(sql);
  db.prepare(`DELETE FROM sqlite_sequence WHERE name = ?`).run(table);
  db.prepare(`INSERT INTO sqlite_sequence (name, seq) SELECT ?, coalesce(max(${q(key)}), 0) FROM ${q(table)}`).run(
    table,
  );
}

export const idsNeverReused: Migration = {
  version: 15,
  name: 'ids-never-reused',
  foreignKeysOff: true,
  up(db) {
    for (const { table, key } of ID_TABLES) rebuildWithAutoincrement(db, table, key);
  },
};
