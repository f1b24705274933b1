import type { Migration } from './migration';

export const officeAndCases: Migration = {
  version: 1,
  name: 'office-and-cases',
  up(db) {
    db.exec(`
      CREATE TABLE office (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        name TEXT NOT NULL,
        division_code TEXT NOT NULL,
        office_number TEXT NOT NULL,
        bureau_name TEXT NOT NULL,
        case_number_prefix TEXT NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );

      -- The last number given per kind and year. Only ever increases, so a number is never reused.
      CREATE TABLE case_number_counters (
        kind TEXT NOT NULL,
        year INTEGER NOT NULL,
        last_seq INTEGER NOT NULL,
        PRIMARY KEY (kind, year)
      ) WITHOUT ROWID;

      CREATE TABLE cases (
        id INTEGER PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('legal_aid', 'mediation', 'notarization')),
        case_number TEXT NOT NULL UNIQUE,
        case_year INTEGER NOT NULL,
        case_seq INTEGER NOT NULL,
        status TEXT NOT NULL,
        title TEXT NOT NULL,
        received_on TEXT NOT NULL,
        received_by TEXT NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        UNIQUE (kind, case_year, case_seq)
      );
      CREATE INDEX cases_by_received ON cases (received_on, id);
      CREATE INDEX cases_by_kind_status_received ON cases (kind, status, received_on, id);
      CREATE INDEX cases_by_status_received ON cases (status, received_on, id);

      CREATE TABLE parties (
        id INTEGER PRIMARY KEY,
        case_id INTEGER NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
        role TEXT NOT NULL CHECK (role IN ('applicant', 'agent', 'opposing')),
        position INTEGER NOT NULL,
        name TEXT NOT NULL,
        sex TEXT NOT NULL DEFAULT '',
        ethnicity TEXT NOT NULL DEFAULT '',
        birth_date TEXT NOT NULL DEFAULT '',
        id_type TEXT NOT NULL DEFAULT '',
        id_number TEXT NOT NULL DEFAULT '',
        household_address TEXT NOT NULL DEFAULT '',
        residence TEXT NOT NULL DEFAULT '',
        phone TEXT NOT NULL DEFAULT '',
        employer TEXT NOT NULL DEFAULT '',
        relation TEXT NOT NULL DEFAULT '',
        lacks_capacity INTEGER NOT NULL DEFAULT 0
      );
      CREATE INDEX parties_by_case ON parties (case_id, role, position);
      CREATE INDEX parties_by_id_number ON parties (id_number) WHERE id_number <> '';
      CREATE INDEX parties_by_name_birth ON parties (name, birth_date);

      CREATE TABLE legal_aid_cases (
        case_id INTEGER PRIMARY KEY REFERENCES cases (id) ON DELETE CASCADE,
        category TEXT NOT NULL,
        service_form TEXT NOT NULL,
        matter TEXT NOT NULL,
        proceeding_stage TEXT NOT NULL,
        handling_authority TEXT NOT NULL,
        facts TEXT NOT NULL,
        applicant_groups TEXT NOT NULL,
        household_size INTEGER,
        monthly_income_per_capita_fen INTEGER CHECK (monthly_income_per_capita_fen >= 0),
        finance_basis TEXT NOT NULL,
        finance_exempt_reason TEXT NOT NULL
      );
    `);
  },
};
