// The cross-kind deadline dashboard: each kind's own deadline rules (shared/kinds/<kind>/deadlines.ts), brought to one
// shape and sorted into what is due soon, what is overdue and what was done late.
import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema';
import { addDays } from '../../../shared/calendar';
import {
  DONE_LATE_WINDOW_DAYS,
  sortDashboard,
  type Dashboard,
  type DashboardItem,
} from '../../../shared/cases/dashboard';
import { FINISHED_STATUSES, kindOf } from '../../../shared/kinds';
import type { CaseAction } from '../../../shared/lifecycle';
import { CASE_KINDS, type CaseKind } from '../../../shared/options';
import { holidayTableOf } from '../calendar/holidayCalendar';
import { detailsOf } from './facts';
import { timelinesOf } from './timeline';

/**
 * The cases whose limits can show: not finished (each kind says which of its statuses are), or changed recently
 * enough for a late completion to show.
 */
function casesToCheck(db: Kysely<Database>, since: string) {
  return db
    .selectFrom('cases')
    .where((eb) => eb.or([eb('status', 'not in', FINISHED_STATUSES), eb('updated_at', '>=', since)]))
    .where((eb) =>
      eb.not(
        eb.and([
          eb('status', 'in', CLOSED_STATUSES),
          eb.exists(eb.selectFrom('ledger_import_rows').select('case_id').whereRef('case_id', '=', 'cases.id')),
        ]),
      ),
    );
}

/**
 * Statuses in which a case's handling has ended, of any kind: a case imported from an office's old ledger (历史导入)
 * in one of them raises no deadline — its limits ran out years before CaseDesk knew of it.
 */
const CLOSED_STATUSES: readonly string[] = [...new Set(CASE_KINDS.flatMap((k) => kindOf(k).dossier.closedStatuses))];

/** Cases read per batch: a batch's rows are garbage before the next is read, so memory stays flat. */
const CASES_PER_BATCH = 500;

/**
 * Every case's limits, from each kind's own pure deadline rules over its facts. Cases and their timelines are read a
 * batch of cases at a time in a few set queries, not a few per case: on ten years of an office's data the dashboard
 * checks thousands of cases. Of a timeline only the entries the kind's limits are computed from are read (its
 * `deadlineInputs`: a mediation's sessions and investigations, most of its timeline, are not), and a kind's own row
 * only when its limits read it.
 */
export async function deadlineDashboard(db: Kysely<Database>, today: string): Promise<Dashboard> {
  const since = addDays(today, -DONE_LATE_WINDOW_DAYS);
  const table = await holidayTableOf(db);
  const items: DashboardItem[] = [];
  for (let after = 0; ;) {
    const cases = await casesToCheck(db, since)
      .select(['id', 'kind', 'case_number', 'status', 'received_on'])
      .where('id', '>', after)
      .orderBy('id')
      .limit(CASES_PER_BATCH)
      .execute();
    if (cases.length === 0) break;
    after = cases[cases.length - 1]!.id;
    const details = new Map<CaseKind, Map<number, Record<string, unknown>>>();
    const timelines = new Map<CaseKind, Map<number, CaseAction[]>>();
    for (const k of CASE_KINDS) {
      const kind = kindOf(k);
      const ids = cases.filter((c) => c.kind === k).map((c) => c.id);
      if (kind.deadlineInputs.detail) details.set(k, await detailsOf(db, kind, ids));
      timelines.set(k, await timelinesOf(db, ids, kind.deadlineInputs.actions));
    }
    for (const c of cases) {
      const kind = kindOf(c.kind);
      const head = { receivedOn: c.received_on, status: c.status, detail: details.get(c.kind)?.get(c.id) };
      const timeline = timelines.get(c.kind)?.get(c.id) ?? [];
      // A limit met before `since` shows in none of the lists: its due date need not be counted.
      for (const d of kind.deadlinesOf(kind.factsOf(head, timeline), today, { table }, since)) {
        if (d.status === null) continue;
        // Written out field by field: spreading a shared `base` into each was a measurable part of the time.
        items.push({
          caseId: c.id,
          kind: c.kind,
          caseNumber: c.case_number,
          limit: d.label,
          due: d.due,
          doneOn: d.doneOn,
          status: d.status,
          provisional: d.provisional,
          paused: d.paused ?? false,
        });
      }
    }
  }
  return sortDashboard(items, today, since);
}
