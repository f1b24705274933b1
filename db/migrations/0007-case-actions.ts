import type { Migration } from './migration';

/**
 * Every step of a case's life, in order: what was done (an action of the kind's lifecycle), on which date, with
 * what data, by whom, and the status before and after. The case's timeline, and the facts deadlines are
 * computed from. Existing cases get their registration as the first action.
 */
export const caseActions: Migration = {
  version: 7,
  name: 'case-actions',
  up(db) {
    db.exec(`
      CREATE TABLE case_actions (
        id INTEGER PRIMARY KEY,
        case_id INTEGER NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
        action TEXT NOT NULL,
        acted_on TEXT NOT NULL,
        data TEXT NOT NULL CHECK (json_valid(data)),
        from_status TEXT,
        to_status TEXT NOT NULL,
        user_id INTEGER,
        username TEXT NOT NULL,
        recorded_at TEXT NOT NULL
      );
      CREATE INDEX case_actions_by_case ON case_actions (case_id, id);
      CREATE INDEX case_actions_by_action ON case_actions (action, acted_on);
      INSERT INTO case_actions (case_id, action, acted_on, data, from_status, to_status, user_id, username, recorded_at)
        SELECT id, 'register', received_on, '{}', NULL, status, NULL, received_by, created_at FROM cases;
    `);
  },
};
