import type { Migration } from './migration';

/**
 * The sample's dossiers travelling to the bureau, and 整改 (issue 16 items 3 and 5):
 * - At the bureau, `evaluation_dossiers`: the electronic dossier (PDF) an office sent for a sampled case, kept in the
 *   encrypted file store under its SHA-256, with the package it came in; one per sampled case (a later package
 *   replaces it). `evaluation_corrections`: the 整改要求 and due date the bureau set for an evaluated case of a
 *   closed round. The office's reply comes back as its exported `evaluation_replies` rows (in `bureau_rows`).
 * - At the office, `evaluation_requests`: the sampled cases a configuration package asked for (by the bureau's
 *   round id and the case number), and when this office last sent them. `evaluation_feedback`: each evaluated
 *   case's score, grade, remarks and 整改要求 as the configuration package brought them. `evaluation_replies`:
 *   the office's 整改 done (date and note), exported like any other row so it reaches the bureau.
 */
export const evaluationDossiersAndCorrections: Migration = {
  version: 25,
  name: 'evaluation-dossiers-and-corrections',
  up(db) {
    db.exec(`
      CREATE TABLE evaluation_dossiers (
        sample_id INTEGER PRIMARY KEY REFERENCES evaluation_samples (id),
        pdf_sha256 TEXT NOT NULL CHECK (length(pdf_sha256) = 64 AND pdf_sha256 NOT GLOB '*[^0-9a-f]*'),
        pages INTEGER CHECK (pages IS NULL OR pages > 0),
        file_name TEXT NOT NULL,
        package_sha256 TEXT NOT NULL,
        received_at TEXT NOT NULL,
        received_by TEXT NOT NULL
      );

      CREATE TABLE evaluation_corrections (
        sample_id INTEGER PRIMARY KEY REFERENCES evaluation_samples (id),
        requirement TEXT NOT NULL,
        due_on TEXT NOT NULL,
        set_by TEXT NOT NULL,
        set_at TEXT NOT NULL
      );

      CREATE TABLE evaluation_requests (
        round_id INTEGER NOT NULL,
        round_name TEXT NOT NULL,
        bureau_name TEXT NOT NULL,
        requested_at TEXT NOT NULL,
        case_number TEXT NOT NULL,
        sent_at TEXT,
        PRIMARY KEY (round_id, case_number)
      );

      CREATE TABLE evaluation_feedback (
        round_id INTEGER NOT NULL,
        case_number TEXT NOT NULL,
        round_name TEXT NOT NULL,
        round_closed_on TEXT NOT NULL,
        score REAL NOT NULL,
        grade TEXT NOT NULL CHECK (grade IN ('优秀', '良好', '合格', '不合格')),
        remarks TEXT NOT NULL CHECK (json_valid(remarks)),
        requirement TEXT NOT NULL,
        due_on TEXT NOT NULL,
        received_at TEXT NOT NULL,
        PRIMARY KEY (round_id, case_number)
      );

      CREATE TABLE evaluation_replies (
        round_id INTEGER NOT NULL,
        case_id INTEGER NOT NULL REFERENCES cases (id),
        done_on TEXT NOT NULL,
        note TEXT NOT NULL,
        recorded_by TEXT NOT NULL,
        recorded_at TEXT NOT NULL,
        PRIMARY KEY (round_id, case_id)
      );
    `);
  },
};
