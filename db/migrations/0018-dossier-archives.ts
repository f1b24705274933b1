import type { Migration } from './migration';

/**
 * `dossier_archives`: what archiving (归档) kept of a case's electronic dossier (issue 15): the SHA-256 of the PDF
 * made then (the file itself in the encrypted file store under that name; null when the archive was recorded
 * without a PDF renderer, e.g. the demo generator), its page count, and what it was made from — every item with its
 * recorded pages and the SHA-256 of each attachment (JSON) and that text's own SHA-256 — so that a later change to
 * the materials shows. Written in the archive action's transaction; one row per case, never changed afterwards.
 */
export const dossierArchives: Migration = {
  version: 18,
  name: 'dossier-archives',
  up(db) {
    db.exec(`
      CREATE TABLE dossier_archives (
        case_id INTEGER PRIMARY KEY REFERENCES cases (id) ON DELETE CASCADE,
        pdf_sha256 TEXT CHECK (pdf_sha256 IS NULL OR (length(pdf_sha256) = 64 AND pdf_sha256 NOT GLOB '*[^0-9a-f]*')),
        pages INTEGER CHECK (pages IS NULL OR pages > 0),
        sources TEXT NOT NULL CHECK (json_valid(sources)),
        sources_sha256 TEXT NOT NULL CHECK (length(sources_sha256) = 64),
        made_at TEXT NOT NULL,
        made_by TEXT NOT NULL
      );
      CREATE TRIGGER dossier_archives_no_update BEFORE UPDATE ON dossier_archives BEGIN SELECT RAISE(ABORT, 'dossier_archives is never changed'); END;
    `);
  },
};
