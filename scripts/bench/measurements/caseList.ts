// The first page of the case list, filtered by a status and sorted by the application date (newest first).
import { listCases, type CaseListQuery } from '../../../electron/services/cases/list';
import { maskIdNumber } from '../../../shared/identity';
import type { Measurement } from '../measurement';

const LIST_PAGE_SIZE = 50;

/** The page listCases returns, read with hand-written statements (the query the service builds). */
export function rawCaseList(
  sqlite: import('better-sqlite3-multiple-ciphers').Database,
  filter: string,
  order: 'asc' | 'desc',
) {
  const where = `FROM cases WHERE ${filter}`;
  const count = sqlite.prepare(`SELECT count(*) AS total ${where}`).pluck();
  const page = sqlite.prepare(
    `SELECT cases.id, cases.kind, cases.case_number, cases.status, cases.title, cases.received_on, cases.received_by,
            a.name AS applicant_name, a.id_number AS applicant_id
     FROM cases LEFT JOIN parties AS a ON a.case_id = cases.id AND a.role IN ('applicant', 'party') AND a.position = 0
     WHERE ${filter}
     ORDER BY cases.received_on ${order}, cases.id ${order} LIMIT ? OFFSET 0`,
  );
  return (params: unknown[]) => {
    const total = count.get(...params) as number;
    const rows = (
      page.all(...params, LIST_PAGE_SIZE) as {
        id: number;
        applicant_id: string | null;
        applicant_name: string | null;
      }[]
    ).map((r) => ({
      ...r,
      applicant_name: r.applicant_name ?? '',
      applicant_id: r.applicant_id ? maskIdNumber(r.applicant_id) : '',
    }));
    return { total, rows };
  };
}

export function listQuery(query: Partial<CaseListQuery>): CaseListQuery {
  return {
    kind: null,
    status: null,
    query: '',
    page: 1,
    pageSize: LIST_PAGE_SIZE,
    sortBy: 'receivedOn',
    sortOrder: 'desc',
    ...query,
  };
}

/** Checks that the floor returns what the service returns (the same work, not a shortcut). */
export function sameIds(
  what: string,
  app: { total: number; rows: { id: number }[] },
  raw: { total: number; rows: { id: number }[] },
): void {
  const ids = (p: { rows: { id: number }[] }) => p.rows.map((r) => r.id).join(',');
  if (app.total !== raw.total || ids(app) !== ids(raw))
    throw new Error(`${what}: the raw statements do not return what the service returns`);
}

export const caseListPage: Measurement = {
  id: 'list.page',
  label: 'case list, first page (status archived, by date)',
  runs: 60,
  warmup: 5,
  target: { p95Ms: 20, ratio: 3 },
  async prepare({ home }) {
    const q = listQuery({ status: 'archived' });
    const raw = rawCaseList(home.store.sqlite, 'cases.status = ?', 'desc');
    sameIds(this.label, await listCases(home.store.db, q), raw(['archived']));
    return { app: () => listCases(home.store.db, q), raw: () => raw(['archived']) };
  },
};
