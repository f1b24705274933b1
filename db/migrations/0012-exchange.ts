import { seedChangeLog } from '../changeTriggers';
import type { Migration } from './migration';

/**
 * The exchange with the county bureau (docs/export-format.md): whether this file is an office's or the bureau's
 * (`office.mode`), the bureau's public key an office encrypts to and checks configuration packages with, this
 * installation's own key pairs, the change log the export reads (filled by db/changeTriggers.ts, seeded here with
 * what the file already holds), the office's export history, and the bureau's store of imported packages and rows.
 */
export const exchange: Migration = {
  version: 12,
  name: 'exchange',
  up(db) {
    db.exec(`
      ALTER TABLE office ADD COLUMN mode TEXT NOT NULL DEFAULT 'office' CHECK (mode IN ('office', 'bureau'));
      ALTER TABLE office ADD COLUMN bureau_public_key TEXT NOT NULL DEFAULT '';

      -- One row: made on first need. Private keys are PKCS#8 DER, base64; public keys raw, base64.
      CREATE TABLE exchange_keys (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        sign_public TEXT NOT NULL,
        sign_private TEXT NOT NULL,
        box_public TEXT NOT NULL,
        box_private TEXT NOT NULL,
        fingerprint TEXT NOT NULL,
        created_at TEXT NOT NULL
      );

      CREATE TABLE change_log (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        table_name TEXT NOT NULL,
        row_key TEXT NOT NULL,
        op TEXT NOT NULL CHECK (op IN ('upsert', 'delete')),
        data TEXT CHECK (data IS NULL OR json_valid(data))
      );
      CREATE INDEX change_log_by_row ON change_log (table_name, row_key, seq);

      -- Export sequence per office, without gaps; what is needed to make each one again byte for byte.
      CREATE TABLE exchange_exports (
        sequence INTEGER PRIMARY KEY CHECK (sequence >= 1),
        period TEXT NOT NULL,
        after_seq INTEGER NOT NULL,
        up_to_seq INTEGER NOT NULL CHECK (up_to_seq >= after_seq),
        created_at TEXT NOT NULL,
        created_by TEXT NOT NULL,
        app_version TEXT NOT NULL,
        audit_head_seq INTEGER NOT NULL,
        audit_head_hash TEXT NOT NULL,
        statistics TEXT NOT NULL CHECK (json_valid(statistics)),
        row_count INTEGER NOT NULL,
        content_hash TEXT NOT NULL,
        file_name TEXT NOT NULL
      );

      -- Configuration packages from the bureau this office has installed.
      CREATE TABLE exchange_config_imports (
        id INTEGER PRIMARY KEY,
        issued_at TEXT NOT NULL,
        content_hash TEXT NOT NULL,
        imported_at TEXT NOT NULL,
        summary TEXT NOT NULL
      );

      CREATE TABLE bureau_offices (
        code TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        public_key TEXT NOT NULL,
        fingerprint TEXT NOT NULL UNIQUE,
        registered_at TEXT NOT NULL
      ) WITHOUT ROWID;

      CREATE TABLE bureau_imports (
        id INTEGER PRIMARY KEY,
        office_code TEXT NOT NULL REFERENCES bureau_offices (code),
        sequence INTEGER NOT NULL,
        period TEXT NOT NULL,
        after_seq INTEGER NOT NULL,
        up_to_seq INTEGER NOT NULL,
        created_at TEXT NOT NULL,
        app_version TEXT NOT NULL,
        audit_head_seq INTEGER NOT NULL,
        audit_head_hash TEXT NOT NULL,
        statistics TEXT NOT NULL CHECK (json_valid(statistics)),
        row_count INTEGER NOT NULL,
        content_hash TEXT NOT NULL,
        file_sha256 TEXT NOT NULL,
        file_name TEXT NOT NULL,
        imported_at TEXT NOT NULL,
        UNIQUE (office_code, sequence, content_hash)
      );

      -- The latest version of every row each office has sent; a tombstone keeps data NULL.
      CREATE TABLE bureau_rows (
        office_code TEXT NOT NULL,
        table_name TEXT NOT NULL,
        row_key TEXT NOT NULL,
        seq INTEGER NOT NULL,
        deleted INTEGER NOT NULL CHECK (deleted IN (0, 1)),
        data TEXT,
        data_hash TEXT NOT NULL,
        import_id INTEGER NOT NULL,
        PRIMARY KEY (office_code, table_name, row_key)
      ) WITHOUT ROWID;

      -- What an import could not settle by the sequence rule: for the bureau's staff to look at.
      CREATE TABLE bureau_conflicts (
        id INTEGER PRIMARY KEY,
        office_code TEXT NOT NULL,
        import_id INTEGER NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('row', 'package', 'audit')),
        table_name TEXT NOT NULL,
        row_key TEXT NOT NULL,
        seq INTEGER NOT NULL,
        kept_hash TEXT NOT NULL,
        incoming_hash TEXT NOT NULL,
        incoming_data TEXT,
        detail TEXT NOT NULL,
        detected_at TEXT NOT NULL,
        resolved_at TEXT
      );
    `);
    seedChangeLog(db);
  },
};
