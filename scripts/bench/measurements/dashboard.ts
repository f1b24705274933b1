// The deadline dashboard over every open case (due, overdue, done late), as the clerk's start page shows it.
import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema';
import { deadlineDashboard } from '../../../electron/services/dashboard';
import { legalAidDeadlines } from '../../../electron/services/legalAidLifecycle';
import { mediationCaseDeadlines } from '../../../electron/services/mediation';
import { notarizationCaseDeadlines } from '../../../electron/services/notarization';
import { addDays } from '../../../shared/calendar';
import { DONE_LATE_WINDOW_DAYS, sortDashboard, type Dashboard, type DashboardItem } from '../../../shared/cases/dashboard';
import type { Measurement } from '../measurement';

/** Statuses the dashboard leaves out unless changed recently (electron/services/dashboard.ts). */
const FINISHED = ['archived', 'closed', 'withdrawn', 'refused', 'terminated', 'failed', 'delivered'];

/**
 * The dashboard as each case's own page computes its limits (one case at a time, through each kind's deadline
 * service): what the batched dashboard must equal.
 */
async function dashboardCaseByCase(db: Kysely<Database>, today: string): Promise<Dashboard> {
  const since = addDays(today, -DONE_LATE_WINDOW_DAYS);
  const cases = await db
    .selectFrom('cases')
    .select(['id', 'kind', 'case_number'])
    .where((eb) => eb.or([eb('status', 'not in', FINISHED), eb('updated_at', '>=', since)]))
    .orderBy('id')
    .execute();
  const items: DashboardItem[] = [];
  for (const c of cases) {
    const base = { caseId: c.id, kind: c.kind, caseNumber: c.case_number };
    if (c.kind === 'legal_aid') {
      for (const d of await legalAidDeadlines(db, c.id, today)) {
        items.push({ ...base, limit: d.label, due: d.due, doneOn: d.doneOn, status: d.status, provisional: d.provisional, paused: d.paused });
      }
    } else if (c.kind === 'mediation') {
      for (const d of (await mediationCaseDeadlines(db, c.id, today)).deadlines) {
        items.push({ ...base, limit: d.label, due: d.due, doneOn: d.doneOn, status: d.status, provisional: d.provisional, paused: false });
      }
    } else {
      const { issue, deferredMaterials } = await notarizationCaseDeadlines(db, c.id, today);
      for (const d of [issue, deferredMaterials]) {
        if (!d || d.dueStatus === null) continue;
        items.push({ ...base, limit: d.label, due: d.due, doneOn: d.doneOn, status: d.dueStatus, provisional: d.provisional, paused: 'paused' in d ? d.paused : false });
      }
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
    // The floor: the rows the dashboard's deadlines are computed from (the cases, their details, their timelines),
    // read in three set queries; the deadline arithmetic itself is left out.
    const cases = home.store.sqlite.prepare(`SELECT id, kind, case_number, status, received_on FROM cases WHERE ${which} ORDER BY id`);
    const mediation = home.store.sqlite.prepare(`SELECT * FROM mediation_cases WHERE case_id IN (SELECT id FROM cases WHERE ${which})`);
    const timelines = home.store.sqlite.prepare(
      `SELECT * FROM case_actions WHERE case_id IN (SELECT id FROM cases WHERE ${which}) ORDER BY case_id, id`,
    );
    const first = await deadlineDashboard(home.store.db, today);
    if (JSON.stringify(first) !== JSON.stringify(await dashboardCaseByCase(home.store.db, today))) {
      throw new Error(`${this.label}: differs from the limits computed case by case`);
    }
    const open = (cases.all(...params) as unknown[]).length;
    return {
      app: () => deadlineDashboard(home.store.db, today),
      raw: () => {
        const rows = cases.all(...params);
        mediation.all(...params);
        // Row by row, as the app reads a batch of cases at a time: the floor holds no more than the app does.
        for (const a of timelines.iterate(...params) as IterableIterator<{ data: string }>) JSON.parse(a.data);
        return rows;
      },
      note: `${open} cases checked; ${first.dueSoon.length} due soon, ${first.overdue.length} overdue, ${first.doneLate.length} done late`,
    };
  },
};
