// The periodic report from the office's own database: every case that can count in a period read as CaseFacts in
// a handful of queries (no query per case), the timelines folded by each kind's own pure rules, then counted by
// shared/statistics. The county's report counts the facts the offices exported the same way.
import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema';
import { addDays } from '../../../shared/calendar';
import { localDate } from '../../../shared/dates';
import { AppError } from '../../../shared/errors';
import {
  computeCounty,
  figureCounter,
  periodInfo,
  type CountyStatistics,
  type OfficeInput,
  type OfficeStatistics,
} from '../../../shared/statistics/compute';
import { FINISHED_STATUSES, kindOf } from '../../../shared/kinds';
import { CASE_KINDS, type CaseKind } from '../../../shared/options';
import type { CaseFacts } from '../../../shared/statistics/caseFacts';
import { caseFactsFromRows } from '../../../shared/statistics/fromRows';
import { parsePeriod, type DayRange, type Period } from '../../../shared/statistics/period';
import { holidayTableOf } from '../calendar/holidayCalendar';
import { detailsOf } from '../cases/facts';
import { requireOffice } from '../system/office';

/**
 * A legal-aid subsidy is recorded at the closing review and may be paid (the date it counts on) some weeks later:
 * a finished case's last step up to this long before the range can still count in it.
 */
const PAYMENT_LAG_DAYS = 92;

/**
 * How many cases' rows are read and folded at a time. The rows of a batch are garbage once its facts are made, and
 * V8 grows its heap with what a batch leaves: at office scale (10,800 cases in a November report) a process running
 * only the report peaked at about 235 MB RSS with 250 against 265 MB with 1,000, at no cost in CPU (in the bench,
 * after other work, the gain is smaller); the bench's floor reads alike (scripts/bench).
 */
export const CASES_PER_BATCH = 250;

export interface FactsQuery {
  /** The day the facts are taken: open limits are judged against it. */
  asOf: string;
  /**
   * Only the cases that can count in this range: registered by its end, and either with a step dated in it (or
   * shortly before, see PAYMENT_LAG_DAYS) or still open (an open case can fall overdue without a step). Without
   * it, every case.
   */
  within?: DayRange;
  /** How many cases' rows are read at a time (CASES_PER_BATCH; a test makes it small to cross batches). */
  casesPerBatch?: number;
}

function requirePeriod(key: string): Period {
  const period = parsePeriod(key);
  if (!period)
    throw new AppError('VALIDATION', '统计期间：应为年月（2026-10）、季度（2026-Q4）或年度（2026）', 'period');
  return period;
}

/** Every case of the office (or those that can count in `within`) as CaseFacts, oldest first. */
export async function officeCaseFacts(db: Kysely<Database>, query: FactsQuery): Promise<CaseFacts[]> {
  const facts: CaseFacts[] = [];
  for await (const batch of officeCaseFactBatches(db, query)) facts.push(...batch);
  return facts;
}

/** The same, a batch of cases at a time: a caller that only counts them need not hold them all (the report). */
async function* officeCaseFactBatches(
  db: Kysely<Database>,
  { asOf, within, casesPerBatch = CASES_PER_BATCH }: FactsQuery,
): AsyncGenerator<CaseFacts[]> {
  const office = await requireOffice(db);
  const selected = () => {
    const all = db.selectFrom('cases');
    if (!within) return all;
    const since = addDays(within.from, -PAYMENT_LAG_DAYS);
    return all
      .where('cases.received_on', '<=', within.to)
      .where((eb) =>
        eb.or([
          eb('cases.status', 'not in', FINISHED_STATUSES),
          eb.exists(
            eb
              .selectFrom('case_actions')
              .select('case_actions.id')
              .whereRef('case_actions.case_id', '=', 'cases.id')
              .where('case_actions.acted_on', '>=', since),
          ),
        ]),
      );
  };
  const all = await selected()
    .select(['cases.id', 'cases.kind', 'cases.case_number', 'cases.status', 'cases.received_on'])
    .orderBy('cases.id')
    .execute();
  const table = await holidayTableOf(db);
  // In batches of cases: never every timeline of ten years at once (memory on old PCs).
  for (let at = 0; at < all.length; at += casesPerBatch) {
    const cases = all.slice(at, at + casesPerBatch);
    const ids = cases.map((c) => c.id);
    const [actions, dossierOverrides, ...kindRows] = await Promise.all([
      db
        .selectFrom('case_actions')
        .select(['id', 'case_id', 'action', 'acted_on', 'data', 'from_status', 'to_status'])
        .where('case_id', 'in', ids)
        .orderBy('case_id')
        .orderBy('id')
        .execute(),
      db.selectFrom('dossier_overrides').select(['case_id', 'action']).where('case_id', 'in', ids).execute(),
      ...CASE_KINDS.map(async (k) => [...(await detailsOf(db, kindOf(k), ids)).values()] as { case_id: number }[]),
    ]);
    const details = Object.fromEntries(CASE_KINDS.map((k, i) => [k, kindRows[i]!])) as Record<
      CaseKind,
      { case_id: number }[]
    >;
    yield caseFactsFromRows(office.officeCode, { cases, actions, details, dossierOverrides }, asOf, table);
  }
}

/** The office's report for a period (2026-10, 2026-Q4, 2026): what the page shows and the package carries. */
export async function officeStatistics(
  db: Kysely<Database>,
  periodKey: string,
  asOf = localDate(),
): Promise<OfficeStatistics> {
  const period = requirePeriod(periodKey);
  const office = await requireOffice(db);
  // Counted a batch at a time: the year's 10,000 cases' facts are never all held (they were 10 MB of live heap, which
  // V8's heap then grew by half again; README, Performance: peak RSS).
  const counter = figureCounter(period);
  for await (const batch of officeCaseFactBatches(db, { asOf, within: period.yearToDate })) counter.add(batch);
  return {
    period: periodInfo(period),
    office: { code: office.officeCode, name: office.name },
    asOf,
    caseCount: counter.count,
    ...counter.figures(),
  };
}

/** The county's report from the facts each office exported: per-office figures, their total, the late offices. */
export function countyStatistics(
  offices: readonly OfficeInput[],
  periodKey: string,
  { countyName, today }: { countyName: string; today: string },
): CountyStatistics {
  return computeCounty(offices, requirePeriod(periodKey), { countyName, today });
}
