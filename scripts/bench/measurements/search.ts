// Search as the clerk types it in the case list: a two-character and a four-character Chinese query, and part of
// an ID number. The queries are taken from the data itself, so each finds cases at any scale.
import type BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import { listCases } from '../../../electron/services/cases/list';
import { planSearch } from '../../../db/searchTokens';
import type { Measurement } from '../measurement';
import { listQuery, rawCaseList, sameIds } from './caseList';

type QueryFrom = (sqlite: BetterSqlite3.Database) => string;

/** The subquery planSearch chooses, written out, with its parameter. */
function rawFilter(query: string): { filter: string; param: string } {
  const plan = planSearch(query);
  switch (plan.index) {
    case 'trigram':
      return {
        filter: 'cases.id IN (SELECT rowid FROM case_search_trigram WHERE case_search_trigram MATCH ?)',
        param: plan.match,
      };
    case 'bigram':
      return {
        filter: 'cases.id IN (SELECT rowid FROM case_search_bigram WHERE case_search_bigram MATCH ?)',
        param: plan.match,
      };
    case 'like':
      return {
        filter: "cases.id IN (SELECT case_id FROM case_search_text WHERE lower(body) LIKE ? ESCAPE '\\')",
        param: plan.pattern,
      };
    case 'none':
      throw new Error('a bench query must not be empty');
  }
}

function searchMeasurement(id: string, label: string, queryFrom: QueryFrom): Measurement {
  return {
    id,
    label,
    runs: 60,
    warmup: 5,
    target: { p95Ms: 20, ratio: 3 },
    async prepare({ home }) {
      const query = queryFrom(home.store.sqlite);
      const q = listQuery({ query });
      const { filter, param } = rawFilter(query);
      const raw = rawCaseList(home.store.sqlite, filter, 'desc');
      const first = await listCases(home.store.db, q);
      sameIds(label, first, raw([param]));
      if (first.total === 0) throw new Error(`${label}: “${query}” finds nothing`);
      return {
        app: () => listCases(home.store.db, q),
        raw: () => raw([param]),
        note: `“${query}”, ${first.total} found`,
      };
    },
  };
}

/** A party's name in the middle of the file, by row order. */
function middleParty(sqlite: BetterSqlite3.Database, where: string): { name: string; id_number: string } {
  const { n } = sqlite.prepare(`SELECT count(*) AS n FROM parties WHERE ${where}`).get() as { n: number };
  const row = sqlite
    .prepare(`SELECT name, id_number FROM parties WHERE ${where} ORDER BY id LIMIT 1 OFFSET ?`)
    .get(Math.floor(n / 2));
  if (!row) throw new Error('the bench data has no parties');
  return row as { name: string; id_number: string };
}

/** Two characters: a surname and the first character of a given name (张伟 in 张伟明), as typed. */
export const searchTwoChars = searchMeasurement('search.2chars', 'search, 2 Chinese characters', (sqlite) =>
  [...middleParty(sqlite, "role = 'applicant' AND length(name) = 3").name].slice(0, 2).join(''),
);

/** Four characters: words of the facts the clerk remembers (the dispute's kind). */
export const searchFourChars = searchMeasurement('search.4chars', 'search, 4 Chinese characters', () => '拖欠工资');

/** Part of an ID number: its last eight characters. */
export const searchIdPart = searchMeasurement('search.idPart', 'search, part of an ID number', (sqlite) =>
  middleParty(sqlite, "role = 'applicant' AND length(id_number) = 18").id_number.slice(10),
);
