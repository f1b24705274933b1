// The deadline dashboard over every open case (due, overdue, done late), as the clerk's start page shows it.
import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema';
import { holidayTableOf } from '../../../electron/services/calendar/holidayCalendar';
import { deadlineDashboard } from '../../../electron/services/cases/dashboard';
import { caseFactsOf } from '../../../electron/services/cases/facts';
import { addDays } from '../../../shared/calendar';
import {
  DONE_LATE_WINDOW_DAYS,
  sortDashboard,
  type Dashboard,
  type DashboardItem,
} from '../../../shared/cases/dashboard';
import { ALL_KINDS, FINISHED_STATUSES as FINISHED, kindOf } from '../../../shared/kinds';
import type { Measurement } from '../measurement';

/**
 * The dashboard as each case's own page computes its limits (one case at a time: its row, its kind's row and its
 * timeline read on their own, then its kind's deadline rules): what the batched dashboard must equal.
 */
export async function dashboardCaseByCase(db: Kysely<Database>, today: string): Promise<Dashboard> {
  const since = addDays(today, -DONE_LATE_WINDOW_DAYS);
  const table = await holidayTableOf(db);
  const cases = await db
    .selectFrom('cases')
    .select(['id', 'kind', 'case_number'])
    .where((eb) => eb.or([eb('status', 'not in', FINISHED), eb('updated_at', '>=', since)]))
    .orderBy('id')
    .execute();
  const items: DashboardItem[] = [];
  for (const c of cases) {
    const { facts } = await caseFactsOf(db, c.id);
    for (const d of kindOf(c.kind).deadlinesOf(facts, today, { table })) {
      if (d.status === null) continue;
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
  return sortDashboard(items, today, since);
}

export const dashboard: Measurement = {
  id: 'dashboard',
  label: 'deadline dashboard (all open cases)',
  runs: 15,
  warmup: 2,
  target: { p95Ms: 300 },
  async prepare({ home, today }) {
    const since = addDays(today, -DONE_LATE_WINDOW_DAYS);
    const which = `(status NOT IN (${FINISHED.map(() => '?').join(', ')}) OR updated_at >= ?)`;
    const params = [...FINISHED, since];
    // The floor: the rows the dashboard's deadlines are computed from (the cases; of each kind's cases the timeline
    // entries its limits read, and its kind's rows where they read them), read in a set query each; the deadline
    // arithmetic itself is left out.
    const cases = home.store.sqlite.prepare(
      `SELECT id, kind, case_number, status, received_on FROM cases WHERE ${which} ORDER BY id`,
    );
    const ofKind = `SELECT id FROM cases WHERE kind = ? AND ${which}`;
    const kinds = ALL_KINDS.map(({ kind, detail, deadlineInputs: { actions, detail: readsDetail } }) => ({
      timeline: home.store.sqlite.prepare(
        `SELECT * FROM case_actions WHERE case_id IN (${ofKind}) AND +action IN (${actions.map(() => '?').join(', ')}) ORDER BY case_id, id`,
      ),
      timelineParams: [kind, ...params, ...actions],
      detail: readsDetail
        ? home.store.sqlite.prepare(
            `SELECT case_id, ${detail.columns.join(', ')} FROM ${detail.table} WHERE case_id IN (${ofKind})`,
          )
        : null,
      detailParams: [kind, ...params],
    }));
    const first = await deadlineDashboard(home.store.db, today);
    if (JSON.stringify(first) !== JSON.stringify(await dashboardCaseByCase(home.store.db, today))) {
      throw new Error(`${this.label}: differs from the limits computed case by case`);
    }
    const open = (cases.all(...params) as unknown[]).length;
    return {
      app: () => deadlineDashboard(home.store.db, today),
      raw: () => {
        const rows = cases.all(...params);
        // Row by row, as the app reads a batch of cases at a time: the floor holds no more than the app does.
        for (const k of kinds) {
          k.detail?.all(...k.detailParams);
          for (const a of k.timeline.iterate(...k.timelineParams) as IterableIterator<{ data: string }>) {
            JSON.parse(a.data);
          }
        }
        return rows;
      },
      note: `${open} cases checked; ${first.dueSoon.length} due soon, ${first.overdue.length} overdue, ${first.doneLate.length} done late`,
    };
  },
};
