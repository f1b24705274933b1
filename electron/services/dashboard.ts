// The cross-kind deadline dashboard: each kind's own deadline rules, brought to one shape.
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { addDays } from '../../shared/calendar';
import { DONE_LATE_WINDOW_DAYS, sortDashboard, type Dashboard, type DashboardItem } from '../../shared/cases/dashboard';
import { legalAidDeadlinesOf, legalAidFacts } from '../../shared/kinds/legalAid/lifecycle';
import type { LegalAidStatus } from '../../shared/kinds/legalAid/options';
import type { CaseAction } from '../../shared/lifecycle';
import { mediationDeadlinesOf, mediationFacts, type MediationStatus } from '../../shared/kinds/mediation/lifecycle';
import { notarizationDeadlines } from '../../shared/kinds/notarization/deadlines';
import { notarizationProgress } from '../../shared/kinds/notarization/progress';
import { holidayTableOf } from './holidayCalendar';

/** Statuses whose limits are all met or moot: such a case shows only if changed within the done-late window. */
const FINISHED_STATUSES = ['archived', 'closed', 'withdrawn', 'refused', 'terminated', 'failed', 'delivered'];

/** The cases whose limits can show: still open, or changed recently enough for a late completion to show. */
function casesToCheck(db: Kysely<Database>, since: string) {
  return db
    .selectFrom('cases')
    .where((eb) => eb.or([eb('status', 'not in', FINISHED_STATUSES), eb('updated_at', '>=', since)]));
}

/** Cases read per batch: a batch's rows are garbage before the next is read, so memory stays flat. */
const CASES_PER_BATCH = 500;

async function timelinesOf(db: Kysely<Database>, caseIds: number[]): Promise<Map<number, CaseAction[]>> {
  const timelines = new Map<number, CaseAction[]>();
  const actions = await db.selectFrom('case_actions').selectAll().where('case_id', 'in', caseIds).orderBy('case_id').orderBy('id').execute();
  for (const r of actions) {
    let timeline = timelines.get(r.case_id);
    if (!timeline) timelines.set(r.case_id, (timeline = []));
    timeline.push({
      id: r.id, action: r.action, actedOn: r.acted_on, data: JSON.parse(r.data) as Record<string, unknown>,
      fromStatus: r.from_status, toStatus: r.to_status, username: r.username, recordedAt: r.recorded_at,
    });
  }
  return timelines;
}

/**
 * Every case's limits, from each kind's own pure deadline rules over its facts and timeline. Cases, mediation
 * details and timelines are read a batch of cases at a time in three queries, not three per case: on ten years of
 * an office's data the dashboard checks thousands of cases.
 */
export async function deadlineDashboard(db: Kysely<Database>, today: string): Promise<Dashboard> {
  const since = addDays(today, -DONE_LATE_WINDOW_DAYS);
  const table = await holidayTableOf(db);
  const items: DashboardItem[] = [];
  for (let after = 0; ; ) {
    const cases = await casesToCheck(db, since)
      .select(['id', 'kind', 'case_number', 'status', 'received_on'])
      .where('id', '>', after)
      .orderBy('id')
      .limit(CASES_PER_BATCH)
      .execute();
    if (cases.length === 0) break;
    after = cases[cases.length - 1]!.id;
    const ids = cases.map((c) => c.id);
    const simple = new Set((await db.selectFrom('mediation_cases').select('case_id').where('simple', '=', 1).where('case_id', 'in', ids).execute()).map((m) => m.case_id));
    const timelines = await timelinesOf(db, ids);
    for (const c of cases) {
      // Items are written out field by field: spreading a shared `base` into each was a measurable part of the time.
      const item = (limit: string, due: string, doneOn: string | null, status: DashboardItem['status'], provisional: boolean, paused: boolean): DashboardItem => ({
        caseId: c.id, kind: c.kind, caseNumber: c.case_number, limit, due, doneOn, status, provisional, paused,
      });
      const timeline = timelines.get(c.id) ?? [];
      if (c.kind === 'legal_aid') {
        for (const d of legalAidDeadlinesOf(legalAidFacts(c.received_on, c.status as LegalAidStatus, timeline), today, undefined, table)) {
          items.push(item(d.label, d.due, d.doneOn, d.status, d.provisional, d.paused));
        }
      } else if (c.kind === 'mediation') {
        const facts = mediationFacts({ receivedOn: c.received_on, status: c.status as MediationStatus, simple: simple.has(c.id) }, timeline);
        for (const d of mediationDeadlinesOf(facts, today, undefined, table)) {
          items.push(item(d.label, d.due, d.doneOn, d.status, d.provisional, false));
        }
      } else {
        const { issue, deferredMaterials } = notarizationDeadlines(notarizationProgress(timeline), today, table);
        for (const d of [issue, deferredMaterials]) {
          if (!d || d.dueStatus === null) continue;
          items.push(item(d.label, d.due, d.doneOn, d.dueStatus, d.provisional, 'paused' in d ? d.paused : false));
        }
      }
    }
  }
  return sortDashboard(items, today, since);
}
