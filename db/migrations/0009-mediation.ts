import { DEFAULT_SUBSIDY_RATES, DISPUTE_TYPE_SEED } from '../../shared/kinds/mediation/options';
import type { Migration } from './migration';

/** A fixed timestamp for seeded rows: the seed is the same in every file, whenever it was migrated. */
const SEEDED_AT = '2026-11-25T00:00:00.000Z';

/**
 * 人民调解:
 * - `parties` takes a fourth role, `party` (当事人): a dispute has two or more parties, none of them applicant or
 *   opposing. SQLite cannot change a CHECK constraint in place, so the table is rebuilt (rows, ids and indexes
 *   kept; the audit triggers are regenerated after every migration). The rebuild refuses to run if another table
 *   already references `parties`: dropping it would cascade into that table (e.g. notarization_parties, 0010,
 *   which must come after this migration).
 * - what the shared table does not hold about a mediation party (person or organisation, 法定代表人) is in
 *   `mediation_parties`, as notarization keeps its own in `notarization_parties`;
 * - `mediation_cases`: the 受理登记表's fields, and `simple` for a 口头调解登记 (no full dossier). Where a case
 *   stands (records, agreement, performance, confirmation, subsidy) is in case_actions, its timeline;
 * - `mediation_dispute_types`: the office's list of 纠纷类型, seeded with the county report's categories;
 * - `mediation_subsidy_rates`: the county's 以奖代补 rates per oral and written case, by effective date.
 */
export const mediation: Migration = {
  version: 9,
  name: 'mediation',
  up(db) {
    const referencing = db
      .prepare(
        `SELECT m.name FROM sqlite_schema m, pragma_foreign_key_list(m.name) f
         WHERE m.type = 'table' AND m.name <> 'parties' AND f."table" = 'parties'`,
      )
      .all() as { name: string }[];
    if (referencing.length > 0) {
      throw new Error(
        `0009-mediation must run before any table references parties (found: ${referencing.map((r) => r.name).join(', ')})`,
      );
    }
    db.exec(`
      DROP TRIGGER IF EXISTS audit_parties_insert;
      DROP TRIGGER IF EXISTS audit_parties_update;
      DROP TRIGGER IF EXISTS audit_parties_delete;
      CREATE TABLE parties_new (
        id INTEGER PRIMARY KEY,
        case_id INTEGER NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
        role TEXT NOT NULL CHECK (role IN ('applicant', 'agent', 'opposing', 'party')),
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
      INSERT INTO parties_new (id, case_id, role, position, name, sex, ethnicity, birth_date, id_type, id_number, household_address,
                               residence, phone, employer, relation, lacks_capacity)
        SELECT id, case_id, role, position, name, sex, ethnicity, birth_date, id_type, id_number, household_address,
               residence, phone, employer, relation, lacks_capacity FROM parties;
      DROP TABLE parties;
      ALTER TABLE parties_new RENAME TO parties;
      CREATE INDEX parties_by_case ON parties (case_id, role, position);
      CREATE INDEX parties_by_id_number ON parties (id_number) WHERE id_number <> '';
      CREATE INDEX parties_by_name_birth ON parties (name, birth_date);

      CREATE TABLE mediation_parties (
        party_id INTEGER PRIMARY KEY REFERENCES parties (id) ON DELETE CASCADE,
        party_kind TEXT NOT NULL CHECK (party_kind IN ('person', 'organisation')),
        legal_representative TEXT NOT NULL DEFAULT ''
      );

      CREATE TABLE mediation_cases (
        case_id INTEGER PRIMARY KEY REFERENCES cases (id) ON DELETE CASCADE,
        simple INTEGER NOT NULL CHECK (simple IN (0, 1)),
        source TEXT NOT NULL,
        source_detail TEXT NOT NULL,
        committee TEXT NOT NULL,
        dispute_type TEXT NOT NULL,
        summary TEXT NOT NULL,
        requests TEXT NOT NULL,
        amount_fen INTEGER NOT NULL CHECK (amount_fen >= 0 AND amount_fen = CAST(amount_fen AS INTEGER)),
        people_count INTEGER NOT NULL CHECK (people_count >= 1),
        major INTEGER NOT NULL CHECK (major IN (0, 1)),
        mass INTEGER NOT NULL CHECK (mass IN (0, 1)),
        mediators TEXT NOT NULL CHECK (json_valid(mediators) AND json_type(mediators) = 'array')
      );
      CREATE INDEX mediation_cases_by_type ON mediation_cases (dispute_type);

      CREATE TABLE mediation_dispute_types (
        name TEXT PRIMARY KEY,
        position INTEGER NOT NULL,
        active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
        updated_at TEXT NOT NULL
      ) WITHOUT ROWID;

      CREATE TABLE mediation_subsidy_rates (
        effective_from TEXT PRIMARY KEY,
        oral_fen INTEGER NOT NULL CHECK (oral_fen >= 0 AND oral_fen = CAST(oral_fen AS INTEGER)),
        written_fen INTEGER NOT NULL CHECK (written_fen >= 0 AND written_fen = CAST(written_fen AS INTEGER)),
        note TEXT NOT NULL,
        set_by TEXT NOT NULL,
        recorded_at TEXT NOT NULL
      ) WITHOUT ROWID;
    `);
    const insertType = db.prepare(
      'INSERT INTO mediation_dispute_types (name, position, active, updated_at) VALUES (?, ?, 1, ?)',
    );
    DISPUTE_TYPE_SEED.forEach((name, i) => insertType.run(name, i + 1, SEEDED_AT));
    const r = DEFAULT_SUBSIDY_RATES;
    db.prepare(
      'INSERT INTO mediation_subsidy_rates (effective_from, oral_fen, written_fen, note, set_by, recorded_at) VALUES (?, ?, ?, ?, ?, ?)',
    ).run(r.effectiveFrom, r.oralFen, r.writtenFen, r.note, '系统默认', SEEDED_AT);
  },
};
