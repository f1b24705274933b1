import type BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import type { Migration } from './migration';

/**
 * What an office's old ledgers brought in (台账导入, docs/ledger-import.md) needed next:
 * - `historical_dossier_rules`: the county's rule whether an imported case's dossier (历史卷宗) must be complete
 *   (shared/dossier/historical.ts), as the bureau set it or its configuration package brought it: one row. No row
 *   means the rule that ships (completeness not demanded).
 * - `notarization_requests.use_scope` takes 未登记: a ledger row that does not say where the certificate is used was
 *   stored as 国内, a value nobody registered. Rebuilt (SQLite cannot change a CHECK in place) from the table's own
 *   SQL with the one CHECK widened; imported requests whose 使用地 is 未登记 get 未登记 as their scope too.
 * - The 历史导入 records (`ledger_import_rows`) now travel to the bureau (shared/exchange/tables.ts): the rows made
 *   before this version, and the requests corrected here, are written to the change log as their triggers would
 *   have, so the next export carries them.
 */
export const historicalDossiersAndUnregisteredUse: Migration = {
  version: 24,
  name: 'historical-dossiers-and-unregistered-use',
  foreignKeysOff: true,
  up(db) {
    db.exec(`
      CREATE TABLE historical_dossier_rules (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        completeness_required INTEGER NOT NULL CHECK (completeness_required IN (0, 1)),
        updated_by TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
    `);
    widenUseScope(db);
    const repaired = db
      .prepare(
        `UPDATE notarization_requests SET use_scope = '未登记'
         WHERE place_of_use = '未登记' AND use_scope = '国内'
           AND case_id IN (SELECT case_id FROM ledger_import_rows)
         RETURNING case_id`,
      )
      .all() as { case_id: number }[];
    if (!hasTable(db, 'change_log')) return;
    const log = db.prepare(`INSERT INTO change_log (table_name, row_key, op, data) VALUES (?, ?, 'upsert', ?)`);
    const request = db.prepare(
      `SELECT json_object(${json(REQUEST_COLUMNS)}) AS data FROM notarization_requests WHERE case_id = ?`,
    );
    for (const { case_id } of repaired) {
      log.run('notarization_requests', String(case_id), (request.get(case_id) as { data: string }).data);
    }
    const imports = db
      .prepare(`SELECT case_id, json_object(${json(IMPORT_COLUMNS)}) AS data FROM ledger_import_rows ORDER BY case_id`)
      .all() as { case_id: number; data: string }[];
    for (const r of imports) log.run('ledger_import_rows', String(r.case_id), r.data);
  },
};

/** The exported columns as this version exports them (shared/exchange/tables.ts). */
const REQUEST_COLUMNS = [
  'case_id',
  'matter_code',
  'matter_name',
  'matter_category',
  'required_materials',
  'one_visit',
  'purpose',
  'place_of_use',
  'use_scope',
  'copies',
  'needs_translation',
  'translation_language',
  'pickup_on',
  'fee_fen',
];
const IMPORT_COLUMNS = [
  'case_id',
  'file_sha256',
  'file_name',
  'sheet',
  'row_number',
  'ledger_number',
  'imported_at',
  'imported_by',
];

const json = (columns: readonly string[]) => columns.map((c) => `'${c}', "${c}"`).join(', ');

function hasTable(db: BetterSqlite3.Database, name: string): boolean {
  return db.prepare(`SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?`).get(name) !== undefined;
}

function widenUseScope(db: BetterSqlite3.Database): void {
  const { sql } = db
    .prepare(`SELECT sql FROM sqlite_schema WHERE type = 'table' AND name = 'notarization_requests'`)
    .get() as { sql: string };
  const widened = sql.replace(
    /CHECK \(use_scope IN \('国内', '涉外', '涉港澳台'\)\)/,
    `CHECK (use_scope IN ('国内', '涉外', '涉港澳台', '未登记'))`,
  );
  if (widened === sql) throw new Error('notarization_requests.use_scope: the CHECK to widen was not found');
  const columns = (
    db.prepare(`SELECT name FROM pragma_table_info('notarization_requests')`).all() as { name: string }[]
  )
    .map((c) => `"${c.name}"`)
    .join(', ');
  const indexes = db
    .prepare(
      `SELECT sql FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'notarization_requests' AND sql IS NOT NULL`,
    )
    .all() as { sql: string }[];
  db.exec(`
    ${widened.replace(/^CREATE TABLE "?notarization_requests"?/, 'CREATE TABLE notarization_requests_widened')};
    INSERT INTO notarization_requests_widened (${columns}) SELECT ${columns} FROM notarization_requests;
    DROP TABLE notarization_requests;
    ALTER TABLE notarization_requests_widened RENAME TO notarization_requests;
  `);
  for (const index of indexes) db.exec(index.sql);
}
