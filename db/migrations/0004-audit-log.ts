import type { Migration } from './migration';

/**
 * The tamper-evident audit log. Triggers (db/auditTriggers.ts, regenerated after every migration) write each
 * change into audit_pending; the dispatcher moves those rows into audit_log, hash-chained, with who and which
 * channel, in the same transaction as the change.
 */
export const auditLog: Migration = {
  version: 4,
  name: 'audit-log',
  up(db) {
    db.exec(`
      CREATE TABLE audit_pending (
        id INTEGER PRIMARY KEY,
        table_name TEXT NOT NULL,
        row_key TEXT NOT NULL,
        op TEXT NOT NULL CHECK (op IN ('insert', 'update', 'delete')),
        before TEXT,
        after TEXT
      );
      CREATE TABLE audit_log (
        seq INTEGER PRIMARY KEY,
        at TEXT NOT NULL,
        user_id INTEGER,
        username TEXT NOT NULL,
        channel TEXT NOT NULL,
        table_name TEXT NOT NULL,
        row_key TEXT NOT NULL,
        op TEXT NOT NULL,
        before TEXT,
        after TEXT,
        prev_hash TEXT NOT NULL,
        hash TEXT NOT NULL
      );
      CREATE INDEX audit_log_by_record ON audit_log (table_name, row_key);
      CREATE INDEX audit_log_by_user ON audit_log (user_id, at);
    `);
  },
};
