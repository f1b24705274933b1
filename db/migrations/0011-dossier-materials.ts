import { DEFAULT_DOSSIER_RULES } from '../../shared/dossier/rules/default';
import type { Migration } from './migration';

/**
 * 卷宗材料: the dossier rule sets (the shipped default as version 1; the county bureau installs newer ones), the
 * materials received per case and item, the scans attached to them (the files live in the data folder's
 * attachments/, named by their SHA-256), a director's overrides of the closing and archiving check (append-only),
 * and per case the latest check: which rule-set version it was checked against and what was missing.
 */
export const dossierMaterials: Migration = {
  version: 11,
  name: 'dossier-materials',
  up(db) {
    db.exec(`
      CREATE TABLE dossier_rule_sets (
        version INTEGER PRIMARY KEY CHECK (version >= 1),
        name TEXT NOT NULL,
        rules TEXT NOT NULL CHECK (json_valid(rules)),
        installed_at TEXT NOT NULL,
        installed_by TEXT NOT NULL
      );

      CREATE TABLE dossier_materials (
        case_id INTEGER NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
        item_key TEXT NOT NULL,
        received_on TEXT NOT NULL,
        pages INTEGER NOT NULL CHECK (pages BETWEEN 1 AND 9999),
        form TEXT NOT NULL CHECK (form IN ('原件', '复印件')),
        note TEXT NOT NULL,
        recorded_by TEXT NOT NULL,
        recorded_at TEXT NOT NULL,
        PRIMARY KEY (case_id, item_key)
      ) WITHOUT ROWID;

      CREATE TABLE attachments (
        id INTEGER PRIMARY KEY,
        case_id INTEGER NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
        item_key TEXT NOT NULL,
        sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
        content_type TEXT NOT NULL CHECK (content_type IN ('application/pdf', 'image/jpeg', 'image/png')),
        size_bytes INTEGER NOT NULL CHECK (size_bytes > 0),
        file_name TEXT NOT NULL,
        added_by TEXT NOT NULL,
        added_at TEXT NOT NULL,
        UNIQUE (case_id, sha256)
      );
      CREATE INDEX attachments_by_item ON attachments (case_id, item_key);

      CREATE TABLE dossier_overrides (
        id INTEGER PRIMARY KEY,
        case_id INTEGER NOT NULL REFERENCES cases (id),
        action TEXT NOT NULL CHECK (action IN ('close', 'archive')),
        missing TEXT NOT NULL CHECK (json_valid(missing)),
        reason TEXT NOT NULL CHECK (length(trim(reason)) > 0),
        user_id INTEGER,
        username TEXT NOT NULL,
        recorded_at TEXT NOT NULL
      );
      CREATE INDEX dossier_overrides_by_case ON dossier_overrides (case_id);
      CREATE TRIGGER dossier_overrides_no_update BEFORE UPDATE ON dossier_overrides BEGIN SELECT RAISE(ABORT, 'dossier_overrides is append-only'); END;
      CREATE TRIGGER dossier_overrides_no_delete BEFORE DELETE ON dossier_overrides BEGIN SELECT RAISE(ABORT, 'dossier_overrides is append-only'); END;

      CREATE TABLE dossier_checks (
        case_id INTEGER PRIMARY KEY REFERENCES cases (id) ON DELETE CASCADE,
        rule_set_version INTEGER NOT NULL REFERENCES dossier_rule_sets (version),
        missing_count INTEGER NOT NULL CHECK (missing_count >= 0),
        missing TEXT NOT NULL CHECK (json_valid(missing)),
        checked_at TEXT NOT NULL
      );
      CREATE INDEX dossier_checks_incomplete ON dossier_checks (missing_count) WHERE missing_count > 0;
    `);
    // A fixed timestamp: the shipped default is the same in every file, whenever it was migrated.
    db.prepare(
      `INSERT INTO dossier_rule_sets (version, name, rules, installed_at, installed_by) VALUES (?, ?, ?, ?, ?)`,
    ).run(
      DEFAULT_DOSSIER_RULES.version,
      DEFAULT_DOSSIER_RULES.name,
      JSON.stringify(DEFAULT_DOSSIER_RULES),
      '2026-11-26T00:00:00.000Z',
      '随程序提供',
    );
  },
};
