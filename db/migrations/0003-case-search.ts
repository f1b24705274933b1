import type { Migration } from './migration';
import { bigramDocument } from '../searchTokens';

/**
 * Chinese substring search. FTS5's trigram tokenizer finds any substring of three or more characters; one- and
 * two-character queries (most Chinese given names) go to a second index whose documents are the text's
 * overlapping bigrams (plus each run's last character), so they are indexed too rather than scanned.
 * Existing cases are indexed here from the same fields the services index.
 */
export const caseSearch: Migration = {
  version: 3,
  name: 'case-search',
  up(db) {
    db.exec(`
      CREATE TABLE case_search_text (
        case_id INTEGER PRIMARY KEY REFERENCES cases (id) ON DELETE CASCADE,
        body TEXT NOT NULL
      );
      CREATE VIRTUAL TABLE case_search_trigram USING fts5 (body, content='case_search_text', content_rowid='case_id', tokenize='trigram');
      CREATE VIRTUAL TABLE case_search_bigram USING fts5 (tokens, content='', contentless_delete=1, tokenize='unicode61');
    `);
    const rows = db
      .prepare(
        `SELECT c.id, c.case_number || ' ' || c.title || ' ' ||
                coalesce((SELECT group_concat(p.name || ' ' || p.id_number || ' ' || p.phone, ' ') FROM parties p WHERE p.case_id = c.id), '') || ' ' ||
                coalesce((SELECT l.matter || ' ' || l.handling_authority || ' ' || l.facts FROM legal_aid_cases l WHERE l.case_id = c.id), '') AS body
         FROM cases c`,
      )
      .all() as { id: number; body: string }[];
    const insertText = db.prepare('INSERT INTO case_search_text (case_id, body) VALUES (?, ?)');
    const insertBigrams = db.prepare('INSERT INTO case_search_bigram (rowid, tokens) VALUES (?, ?)');
    for (const row of rows) {
      insertText.run(row.id, row.body);
      insertBigrams.run(row.id, bigramDocument(row.body));
    }
    db.exec(`INSERT INTO case_search_trigram (case_search_trigram) VALUES ('rebuild')`);
  },
};
