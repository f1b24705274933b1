import type { Migration } from './migration';

/**
 * Legal aid beyond intake. The lifecycle's steps themselves are case_actions (0007); these tables hold what is not a
 * step of one case:
 * - the roster of people the office assigns cases to (律师事务所 / 基层法律服务所 / 法律援助中心), with their
 *   expertise, and each assignment made, from which the rotation (least recently assigned first) is computed;
 * - a director's override of the eligibility verdict, with the written reason: not a step of the case (it changes
 *   no status and may come at any time), so it has its own table, append-only like the interference records;
 * - the acknowledgements of conflict warnings (any kind of case), also append-only.
 */
export const LEGAL_AID_LIFECYCLE: Migration = {
  version: 8,
  name: 'legal-aid-lifecycle',
  up(db) {
    const appendOnly = (table: string) => `
      CREATE TRIGGER ${table}_no_update BEFORE UPDATE ON ${table} BEGIN SELECT RAISE(ABORT, '${table} is append-only'); END;
      CREATE TRIGGER ${table}_no_delete BEFORE DELETE ON ${table} BEGIN SELECT RAISE(ABORT, '${table} is append-only'); END;`;
    db.exec(`
      CREATE TABLE legal_aid_roster (
        id INTEGER PRIMARY KEY,
        org_type TEXT NOT NULL CHECK (org_type IN ('律师事务所', '基层法律服务所', '法律援助中心')),
        org_name TEXT NOT NULL,
        person_name TEXT NOT NULL,
        phone TEXT NOT NULL,
        expertise TEXT NOT NULL CHECK (json_valid(expertise)),
        note TEXT NOT NULL,
        active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        UNIQUE (org_name, person_name)
      );

      CREATE TABLE legal_aid_assignments (
        id INTEGER PRIMARY KEY,
        case_id INTEGER NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
        roster_id INTEGER REFERENCES legal_aid_roster (id),
        assigned_by TEXT NOT NULL,
        org_type TEXT NOT NULL,
        org_name TEXT NOT NULL,
        person_name TEXT NOT NULL,
        assigned_on TEXT NOT NULL,
        recorded_at TEXT NOT NULL
      );
      CREATE INDEX legal_aid_assignments_by_roster ON legal_aid_assignments (roster_id, assigned_on, id);
      CREATE INDEX legal_aid_assignments_by_case ON legal_aid_assignments (case_id, id);

      CREATE TABLE legal_aid_eligibility_overrides (
        id INTEGER PRIMARY KEY,
        case_id INTEGER NOT NULL REFERENCES cases (id),
        part TEXT NOT NULL,
        conclusion TEXT NOT NULL CHECK (conclusion IN ('符合', '不符合')),
        reason TEXT NOT NULL CHECK (reason <> ''),
        user_id INTEGER,
        username TEXT NOT NULL,
        recorded_at TEXT NOT NULL
      );
      CREATE INDEX legal_aid_eligibility_overrides_by_case ON legal_aid_eligibility_overrides (case_id, id);

      CREATE TABLE conflict_acknowledgements (
        id INTEGER PRIMARY KEY,
        case_id INTEGER NOT NULL REFERENCES cases (id),
        matches TEXT NOT NULL CHECK (json_valid(matches)),
        note TEXT NOT NULL,
        user_id INTEGER,
        username TEXT NOT NULL,
        acknowledged_at TEXT NOT NULL
      );
      CREATE INDEX conflict_acknowledgements_by_case ON conflict_acknowledgements (case_id, id);
      ${appendOnly('legal_aid_eligibility_overrides')}
      ${appendOnly('conflict_acknowledgements')}
    `);
  },
};
