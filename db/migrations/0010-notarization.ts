import { MATTER_SEED } from '../../shared/kinds/notarization/matters';
import type { Migration } from './migration';

/**
 * 公证申请: the matter catalogue (seeded from shared/notarization/matters.ts), the details of each request, and
 * what the shared parties table does not hold for notarization's parties (an organisation's 法定代表人, the agent's
 * kind and 授权委托书). Kept in a table of its own rather than new columns on `parties`, which the other kinds
 * extend too. Where a request stands is in case_actions (its timeline), not here.
 */
export const notarization: Migration = {
  version: 10,
  name: 'notarization',
  up(db) {
    db.exec(`
      CREATE TABLE notarization_matters (
        code TEXT PRIMARY KEY,
        position INTEGER NOT NULL,
        name TEXT NOT NULL UNIQUE,
        category TEXT NOT NULL,
        required_materials TEXT NOT NULL CHECK (json_valid(required_materials) AND json_type(required_materials) = 'array'),
        one_visit INTEGER NOT NULL CHECK (one_visit IN (0, 1)),
        in_person_only INTEGER NOT NULL CHECK (in_person_only IN (0, 1)),
        active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
        updated_at TEXT NOT NULL
      ) WITHOUT ROWID;

      CREATE TABLE notarization_requests (
        case_id INTEGER PRIMARY KEY REFERENCES cases (id) ON DELETE CASCADE,
        matter_code TEXT NOT NULL REFERENCES notarization_matters (code),
        -- The matter as the catalogue had it at intake, so a later change of the catalogue leaves the case as filed.
        matter_name TEXT NOT NULL,
        matter_category TEXT NOT NULL,
        required_materials TEXT NOT NULL CHECK (json_valid(required_materials)),
        one_visit INTEGER NOT NULL CHECK (one_visit IN (0, 1)),
        purpose TEXT NOT NULL,
        place_of_use TEXT NOT NULL,
        use_scope TEXT NOT NULL CHECK (use_scope IN ('国内', '涉外', '涉港澳台')),
        copies INTEGER NOT NULL CHECK (copies BETWEEN 1 AND 50),
        needs_translation INTEGER NOT NULL CHECK (needs_translation IN (0, 1)),
        translation_language TEXT NOT NULL,
        pickup_on TEXT NOT NULL,
        fee_fen INTEGER NOT NULL CHECK (fee_fen >= 0)
      );
      CREATE INDEX notarization_requests_by_matter ON notarization_requests (matter_code);

      CREATE TABLE notarization_parties (
        party_id INTEGER PRIMARY KEY REFERENCES parties (id) ON DELETE CASCADE,
        party_kind TEXT NOT NULL CHECK (party_kind IN ('person', 'organisation')),
        legal_representative TEXT NOT NULL DEFAULT '',
        agent_kind TEXT NOT NULL DEFAULT '',
        power_of_attorney INTEGER NOT NULL DEFAULT 0 CHECK (power_of_attorney IN (0, 1))
      );
    `);
    const insert = db.prepare(
      `INSERT INTO notarization_matters (code, position, name, category, required_materials, one_visit, in_person_only, active, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, 1, ?)`,
    );
    // A fixed timestamp: the seed is the same in every file, whenever it was migrated.
    MATTER_SEED.forEach((m, i) =>
      insert.run(
        m.code,
        i + 1,
        m.name,
        m.category,
        JSON.stringify(m.requiredMaterials),
        m.oneVisit ? 1 : 0,
        m.inPersonOnly ? 1 : 0,
        '2026-11-25T00:00:00.000Z',
      ),
    );
  },
};
