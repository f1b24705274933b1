import type { Migration } from './migration';

/**
 * Quality evaluation of closed dossiers at the county bureau (案卷评查, shared/evaluation/):
 * - `users.role` takes `evaluator` (评查员: reads and scores, nothing else). Rebuilt: SQLite cannot change a CHECK in
 *   place; the table's own SQL is reused with the one CHECK widened, so columns added since 0005 are kept.
 * - `evaluation_sheets`: the bureau's versions of each score sheet (version 1 is the shipped default, not stored).
 * - `evaluation_rounds`: a round (评查活动) with its scope, method and seed; `planned` until its sample is drawn,
 *   `scoring` while evaluators score, `closed` (locked) once every sampled case has its scores.
 * - `evaluation_evaluators`: the accounts that score in a round.
 * - `evaluation_samples`: the cases drawn, named as the office names them (office code and case number), which is
 *   also what a dossier package for the sample would name.
 * - `evaluation_scores`: one evaluator's score of one sampled case (one per evaluator and case), with the sheet
 *   version it was given on, a draft until submitted; a director's reopening keeps the written reason.
 */
export const qualityEvaluation: Migration = {
  version: 21,
  name: 'quality-evaluation',
  foreignKeysOff: true,
  up(db) {
    const { sql } = db.prepare(`SELECT sql FROM sqlite_schema WHERE type = 'table' AND name = 'users'`).get() as {
      sql: string;
    };
    const widened = sql.replace(
      /CHECK \(role IN \('admin', 'director', 'clerk', 'readonly'\)\)/,
      `CHECK (role IN ('admin', 'director', 'clerk', 'readonly', 'evaluator'))`,
    );
    if (widened === sql) throw new Error('users.role: the CHECK to widen was not found');
    const columns = (db.prepare(`SELECT name FROM pragma_table_info('users')`).all() as { name: string }[])
      .map((c) => `"${c.name}"`)
      .join(', ');
    db.exec(`
      ${widened.replace(/^CREATE TABLE "?users"?/, 'CREATE TABLE users_widened')};
      INSERT INTO users_widened (${columns}) SELECT ${columns} FROM users;
      DROP TABLE users;
      ALTER TABLE users_widened RENAME TO users;

      CREATE TABLE evaluation_sheets (
        id INTEGER PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('legalAidCriminal', 'legalAidCivil', 'mediation', 'notarization')),
        version INTEGER NOT NULL CHECK (version >= 2),
        sheet TEXT NOT NULL CHECK (json_valid(sheet)),
        saved_by TEXT NOT NULL,
        saved_at TEXT NOT NULL,
        UNIQUE (kind, version)
      );

      CREATE TABLE evaluation_rounds (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        name TEXT NOT NULL,
        year INTEGER NOT NULL,
        theme TEXT NOT NULL,
        sheet_kinds TEXT NOT NULL CHECK (json_valid(sheet_kinds)),
        closed_from TEXT NOT NULL,
        closed_to TEXT NOT NULL,
        office_codes TEXT NOT NULL CHECK (json_valid(office_codes)),
        method TEXT NOT NULL CHECK (method IN ('census', 'perOffice', 'percent')),
        per_office INTEGER,
        percent REAL,
        scores_per_case INTEGER NOT NULL CHECK (scores_per_case BETWEEN 1 AND 5),
        status TEXT NOT NULL CHECK (status IN ('planned', 'scoring', 'closed')),
        seed TEXT,
        candidates INTEGER,
        created_by TEXT NOT NULL,
        created_at TEXT NOT NULL,
        sampled_at TEXT,
        closed_by TEXT,
        closed_at TEXT
      );

      CREATE TABLE evaluation_evaluators (
        round_id INTEGER NOT NULL REFERENCES evaluation_rounds (id),
        user_id INTEGER NOT NULL REFERENCES users (id),
        PRIMARY KEY (round_id, user_id)
      );

      CREATE TABLE evaluation_samples (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        round_id INTEGER NOT NULL REFERENCES evaluation_rounds (id),
        position INTEGER NOT NULL,
        office_code TEXT NOT NULL,
        office_name TEXT NOT NULL,
        case_number TEXT NOT NULL,
        case_kind TEXT NOT NULL,
        sheet_kind TEXT NOT NULL,
        received_on TEXT NOT NULL,
        closed_on TEXT NOT NULL,
        UNIQUE (round_id, office_code, case_number)
      );

      CREATE TABLE evaluation_scores (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        sample_id INTEGER NOT NULL REFERENCES evaluation_samples (id),
        evaluator_id INTEGER NOT NULL REFERENCES users (id),
        evaluator_name TEXT NOT NULL,
        sheet_version INTEGER NOT NULL,
        items TEXT NOT NULL CHECK (json_valid(items)),
        total REAL NOT NULL,
        grade TEXT CHECK (grade IS NULL OR grade IN ('优秀', '良好', '合格', '不合格')),
        status TEXT NOT NULL CHECK (status IN ('draft', 'submitted')),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        submitted_at TEXT,
        reopened_reason TEXT,
        reopened_by TEXT,
        reopened_at TEXT,
        UNIQUE (sample_id, evaluator_id)
      );
      CREATE INDEX evaluation_scores_by_evaluator ON evaluation_scores (evaluator_id);
    `);
  },
};
