import type { Migration } from './migration';

/**
 * What a restore, a reinstall and the bureau's copy of an office need (docs/export-format.md, version 2):
 * - `restores` (office): every time the file was set back — a backup restored, a recovery package from the bureau
 *   installed, the file found replaced outside CaseDesk — with who, from what, and where ids and sequences continue.
 *   The first export after one tells the bureau (`reported_in`); its row is the restore's audit entry.
 * - `exchange_exports.restored`: what such an export's manifest said, so that it can be made again exactly.
 * - `exchange_recovery_installs` (office): the recovery packages installed.
 * - `bureau_conflicts` takes the kinds `identity` (a key the office now uses for another row), `restore` (an export
 *   after a restore) and `lost` (a row the bureau holds that the office no longer has), and keeps the stored
 *   version's sequence and content beside the incoming one. Rebuilt: SQLite cannot change a CHECK in place.
 * - `bureau_imports.restored` and `signer_fingerprint`: the manifest's restore note, and which key signed.
 * - `bureau_retired_keys`: an office's keys replaced by a director after a reinstall, with the written reason; the
 *   packages they signed stay valid history.
 * - `bureau_recovery_packages`: each recovery package the bureau made, for whom, by whom.
 */
export const restoresAndRecovery: Migration = {
  version: 16,
  name: 'restores-and-recovery',
  up(db) {
    db.exec(`
      CREATE TABLE restores (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        event_id TEXT NOT NULL UNIQUE,
        kind TEXT NOT NULL CHECK (kind IN ('backup', 'recovery', 'replaced')),
        source TEXT NOT NULL,
        source_time TEXT NOT NULL,
        happened_at TEXT NOT NULL,
        by_user TEXT NOT NULL,
        pre_restore_backup TEXT NOT NULL,
        change_seq INTEGER NOT NULL,
        export_sequence INTEGER NOT NULL,
        reported_in INTEGER
      );

      ALTER TABLE exchange_exports ADD COLUMN restored TEXT CHECK (restored IS NULL OR json_valid(restored));

      CREATE TABLE exchange_recovery_installs (
        id INTEGER PRIMARY KEY,
        issued_at TEXT NOT NULL,
        content_hash TEXT NOT NULL,
        file_name TEXT NOT NULL,
        installed_at TEXT NOT NULL,
        installed_by TEXT NOT NULL,
        summary TEXT NOT NULL CHECK (json_valid(summary))
      );

      CREATE TABLE bureau_conflicts_new (
        id INTEGER PRIMARY KEY,
        office_code TEXT NOT NULL,
        import_id INTEGER NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('row', 'package', 'audit', 'identity', 'restore', 'lost')),
        table_name TEXT NOT NULL,
        row_key TEXT NOT NULL,
        seq INTEGER NOT NULL,
        kept_seq INTEGER,
        kept_hash TEXT NOT NULL,
        kept_data TEXT,
        incoming_hash TEXT NOT NULL,
        incoming_data TEXT,
        detail TEXT NOT NULL,
        detected_at TEXT NOT NULL,
        resolved_at TEXT
      );
      INSERT INTO bureau_conflicts_new (id, office_code, import_id, kind, table_name, row_key, seq, kept_seq, kept_hash, kept_data,
                                        incoming_hash, incoming_data, detail, detected_at, resolved_at)
        SELECT id, office_code, import_id, kind, table_name, row_key, seq, NULL, kept_hash, NULL,
               incoming_hash, incoming_data, detail, detected_at, resolved_at FROM bureau_conflicts;
      DROP TABLE bureau_conflicts;
      ALTER TABLE bureau_conflicts_new RENAME TO bureau_conflicts;
      CREATE INDEX bureau_conflicts_by_row ON bureau_conflicts (office_code, table_name, row_key);

      ALTER TABLE bureau_imports ADD COLUMN restored TEXT CHECK (restored IS NULL OR json_valid(restored));
      ALTER TABLE bureau_imports ADD COLUMN signer_fingerprint TEXT NOT NULL DEFAULT '';

      CREATE TABLE bureau_retired_keys (
        fingerprint TEXT PRIMARY KEY,
        office_code TEXT NOT NULL REFERENCES bureau_offices (code),
        public_key TEXT NOT NULL,
        registered_at TEXT NOT NULL,
        retired_at TEXT NOT NULL,
        retired_by TEXT NOT NULL,
        reason TEXT NOT NULL
      ) WITHOUT ROWID;

      CREATE TABLE bureau_recovery_packages (
        id INTEGER PRIMARY KEY,
        office_code TEXT NOT NULL REFERENCES bureau_offices (code),
        issued_at TEXT NOT NULL,
        issued_by TEXT NOT NULL,
        file_name TEXT NOT NULL,
        content_hash TEXT NOT NULL,
        row_count INTEGER NOT NULL,
        up_to_sequence INTEGER
      );
    `);
  },
};
