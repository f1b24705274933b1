import type { Migration } from './migration';

/**
 * The county's mediation rules (shared/kinds/mediation/countyRules.ts) as the bureau set them, or as its
 * configuration package brought them: one row. No row means the rules that ship (extension allowed).
 */
export const countyRulesAndInPersonMatters: Migration = {
  version: 23,
  name: 'county-rules-and-in-person-matters',
  up(db) {
    db.exec(`
      CREATE TABLE mediation_rules (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        extension_allowed INTEGER NOT NULL CHECK (extension_allowed IN (0, 1)),
        updated_by TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
    `);
  },
};
