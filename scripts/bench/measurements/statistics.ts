// The office's periodic report (统计报表) for one month, as the clerk opens it before the monthly export; and the
// same report computed directly from plain statements, which the monthly export's floor includes (exchange.ts).
import type BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import type { Backend } from '../../../electron/backend';
import { holidayTableOf } from '../../../electron/services/calendar/holidayCalendar';
import { CASES_PER_BATCH, officeStatistics } from '../../../electron/services/statistics/office';
import { addDays } from '../../../shared/calendar';
import { officeCode } from '../../../shared/office';
import { CASE_KINDS, type CaseKind } from '../../../shared/options';
import { figureCounter, periodInfo, type OfficeStatistics } from '../../../shared/statistics/compute';
import { caseFactsFromRows, type CaseRowSet } from '../../../shared/statistics/fromRows';
import { parsePeriod } from '../../../shared/statistics/period';
import { FINISHED_STATUSES as FINISHED, kindOf } from '../../../shared/kinds';
import type { Measurement } from '../measurement';

/** How long before the range a finished case's last step can still count in it (electron/services/statistics/office.ts). */
const PAYMENT_LAG_DAYS = 92;

/** The rows a period's report is computed from (officeCaseFacts), as plain statements prepared once. */
function reportRows(sqlite: BetterSqlite3.Database, periodKey: string) {
  const period = parsePeriod(periodKey);
  if (!period) throw new Error(`no period ${periodKey}`);
  const { from, to } = period.yearToDate;
  const since = addDays(from, -PAYMENT_LAG_DAYS);
  const selected = `SELECT id FROM cases WHERE received_on <= ? AND (status NOT IN (${FINISHED.map(() => '?').join(', ')})
      OR EXISTS (SELECT 1 FROM case_actions a WHERE a.case_id = cases.id AND a.acted_on >= ?))`;
  const params = [to, ...FINISHED, since];
  const columns = {
    cases: 'id, kind, case_number, status, received_on',
    actions: 'id, case_id, action, acted_on, data, from_status, to_status',
  };
  const selectCases = sqlite.prepare(`SELECT ${columns.cases} FROM cases WHERE id IN (${selected}) ORDER BY id`);
  // The same rows a batch of cases at a time (their ids as a JSON list), so the floor holds no more than the app.
  const ofBatch = (from: string, sql: string) =>
    sqlite.prepare(`SELECT ${sql} FROM ${from} IN (SELECT value FROM json_each(?))`);
  const batch = {
    actions: ofBatch('case_actions WHERE case_id', `${columns.actions}`),
    details: CASE_KINDS.map((k) => {
      const { detail } = kindOf(k);
      return ofBatch(`${detail.table} WHERE case_id`, `case_id, ${detail.columns.join(', ')}`);
    }),
    overrides: ofBatch('dossier_overrides WHERE case_id', 'case_id, action'),
  };
  const office = sqlite.prepare('SELECT name, division_code, office_number FROM office WHERE id = 1');
  type Actions = CaseRowSet['actions'][number][];
  /** CASES_PER_BATCH cases at a time (as officeCaseFacts), each batch's rows as the statements return them. */
  function* batches(): Generator<CaseRowSet & { actions: Actions }> {
    const all = selectCases.all(...params) as CaseRowSet['cases'][number][];
    for (let at = 0; at < all.length; at += CASES_PER_BATCH) {
      const cases = all.slice(at, at + CASES_PER_BATCH);
      const ids = JSON.stringify(cases.map((c) => c.id));
      yield {
        cases,
        actions: batch.actions.all(ids) as Actions,
        details: Object.fromEntries(CASE_KINDS.map((k, i) => [k, batch.details[i]!.all(ids)])) as Record<
          CaseKind,
          { case_id: number }[]
        >,
        dossierOverrides: batch.overrides.all(ids) as { case_id: number; action: string }[],
      };
    }
  }
  return {
    period,
    /**
     * Every row once, each action's data parsed: the reading the report cannot do without. A batch of cases at a
     * time, as the app reads them: all of the year's timelines at once would hold far more than the app ever does.
     */
    read(): void {
      for (const set of batches()) for (const row of set.actions) if (row.data) JSON.parse(row.data);
    },
    office: () => office.get() as { name: string; division_code: string; office_number: string },
    /** The rows as the report's pure counting takes them. */
    *rowSets(): Generator<CaseRowSet> {
      for (const set of batches())
        // json_each gives no order: the fold takes a case's steps oldest first, as the app's query orders them.
        yield { ...set, actions: set.actions.sort((a, b) => a.case_id - b.case_id || a.id - b.id) };
    },
  };
}

/**
 * The office's report for a period computed directly: its rows read by plain statements prepared once (no query
 * builder), folded and counted by the same pure functions as the app (shared/statistics). The figures are the
 * app's (the monthly export's measurement checks that they equal the package's); what is left out is the app's own
 * overhead.
 */
export async function directOfficeStatistics(
  home: Backend,
  periodKey: string,
  asOf: string,
): Promise<() => OfficeStatistics> {
  const rows = reportRows(home.store.sqlite, periodKey);
  const table = await holidayTableOf(home.store.db);
  return () => {
    const office = rows.office();
    const code = officeCode(office.division_code, office.office_number);
    // Counted a batch at a time, as officeStatistics counts them.
    const counter = figureCounter(rows.period);
    for (const set of rows.rowSets()) counter.add(caseFactsFromRows(code, set, asOf, table));
    return {
      period: periodInfo(rows.period),
      office: { code, name: office.name },
      asOf,
      caseCount: counter.count,
      ...counter.figures(),
    };
  };
}

export const officeReport: Measurement = {
  id: 'statistics.month',
  label: 'office statistics, one month (year to date)',
  runs: 10,
  warmup: 1,
  target: {},
  async prepare({ home, today }) {
    const periodKey = today.slice(0, 7);
    // The floor: the rows the report's facts are read from (officeCaseFacts), as plain statements.
    const rows = reportRows(home.store.sqlite, periodKey);
    const first = await officeStatistics(home.store.db, periodKey, today);
    return {
      app: () => officeStatistics(home.store.db, periodKey, today),
      raw: () => rows.read(),
      note: `period ${periodKey}, ${first.caseCount} cases counted`,
    };
  },
};
