import type { Migration } from './migration';

/**
 * The office's own ledgers brought in (台账导入, docs/ledger-import.md):
 * - `ledger_import_rows`: one row per case an import made — it is a 历史导入 case — with the source file's SHA-256,
 *   its sheet and row, and the number the ledger gave it. The same file's row is never imported twice.
 * - `ledger_mappings`: per kind, which header text holds which field, as the clerk last confirmed it.
 */
export const ledgerImport: Migration = {
  version: 20,
  name: 'ledger-import',
  up(db) {
    db.exec(`
      CREATE TABLE ledger_import_rows (
        case_id INTEGER PRIMARY KEY REFERENCES cases (id) ON DELETE CASCADE,
        file_sha256 TEXT NOT NULL CHECK (length(file_sha256) = 64),
        file_name TEXT NOT NULL,
        sheet TEXT NOT NULL,
        row_number INTEGER NOT NULL CHECK (row_number >= 1),
        ledger_number TEXT NOT NULL,
        imported_at TEXT NOT NULL,
        imported_by TEXT NOT NULL,
        UNIQUE (file_sha256, sheet, row_number)
      );

      CREATE TABLE ledger_mappings (
        kind TEXT PRIMARY KEY CHECK (kind IN ('legal_aid', 'mediation', 'notarization')),
        columns TEXT NOT NULL CHECK (json_valid(columns) AND json_type(columns) = 'object'),
        saved_at TEXT NOT NULL,
        saved_by TEXT NOT NULL
      );
    `);
  },
};
