import type { Migration } from './migration';

/** Half-filled forms, autosaved as the clerk types, so a crash or an accidental close loses nothing. */
export const drafts: Migration = {
  version: 2,
  name: 'drafts',
  up(db) {
    db.exec(`
      CREATE TABLE drafts (
        id INTEGER PRIMARY KEY,
        kind TEXT NOT NULL,
        title TEXT NOT NULL,
        data TEXT NOT NULL CHECK (json_valid(data)),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
    `);
  },
};
