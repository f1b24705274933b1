import type { Migration } from './migration';

/**
 * The periodic report's template (shared/statistics/template.ts) as the bureau adjusted it: one row, JSON checked by
 * the template's zod schema when saved. No row means the default template that ships with the program.
 */
export const statisticsTemplate: Migration = {
  version: 13,
  name: 'statistics-template',
  up(db) {
    db.exec(`
      CREATE TABLE statistics_template (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        template TEXT NOT NULL CHECK (json_valid(template)),
        updated_by TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
    `);
  },
};
