import type { Migration } from './migration';

/**
 * 防止干预司法“三个规定”: inquiries into and interference with a case, recorded as they happen, and each
 * clerk's monthly statement (a nil statement, 零报告, when there was nothing). Both are append-only: triggers
 * refuse any update or delete, so a record once made stays as it was made.
 */
export const interferenceRecords: Migration = {
  version: 6,
  name: 'interference-records',
  up(db) {
    const appendOnly = (table: string) => `
      CREATE TRIGGER ${table}_no_update BEFORE UPDATE ON ${table} BEGIN SELECT RAISE(ABORT, '${table} is append-only'); END;
      CREATE TRIGGER ${table}_no_delete BEFORE DELETE ON ${table} BEGIN SELECT RAISE(ABORT, '${table} is append-only'); END;`;
    db.exec(`
      CREATE TABLE interference_records (
        id INTEGER PRIMARY KEY,
        case_id INTEGER NOT NULL REFERENCES cases (id),
        category TEXT NOT NULL,
        person_name TEXT NOT NULL,
        person_unit TEXT NOT NULL,
        person_position TEXT NOT NULL,
        occurred_on TEXT NOT NULL,
        method TEXT NOT NULL,
        content TEXT NOT NULL,
        handling TEXT NOT NULL,
        recorded_by INTEGER NOT NULL REFERENCES users (id),
        recorded_at TEXT NOT NULL
      );
      CREATE INDEX interference_records_by_case ON interference_records (case_id);
      CREATE INDEX interference_records_by_recorder ON interference_records (recorded_by, occurred_on);
      CREATE TABLE interference_statements (
        id INTEGER PRIMARY KEY,
        user_id INTEGER NOT NULL REFERENCES users (id),
        period TEXT NOT NULL,
        record_count INTEGER NOT NULL,
        nil INTEGER NOT NULL CHECK (nil IN (0, 1)),
        note TEXT NOT NULL,
        submitted_at TEXT NOT NULL,
        UNIQUE (user_id, period)
      );
      ${appendOnly('interference_records')}
      ${appendOnly('interference_statements')}
    `);
  },
};
