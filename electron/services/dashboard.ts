// The cross-kind deadline dashboard: each kind's own deadline service, brought to one shape.
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { addDays } from '../../shared/calendar';
import { DONE_LATE_WINDOW_DAYS, sortDashboard, type Dashboard, type DashboardItem } from '../../shared/dashboard';
import { legalAidDeadlines } from './legalAidLifecycle';
import { mediationCaseDeadlines } from './mediation';
import { notarizationCaseDeadlines } from './notarization';

/** The cases whose limits can show: still open, or changed recently enough for a late completion to show. */
async function casesToCheck(db: Kysely<Database>, since: string) {
  return db
    .selectFrom('cases')
    .select(['id', 'kind', 'case_number'])
    .where((eb) => eb.or([eb('status', 'not in', ['archived', 'closed', 'withdrawn', 'refused', 'terminated', 'failed', 'delivered']), eb('updated_at', '>=', since)]))
    .orderBy('id')
    .execute();
}

export async function deadlineDashboard(db: Kysely<Database>, today: string): Promise<Dashboard> {
  const since = addDays(today, -DONE_LATE_WINDOW_DAYS);
  const items: DashboardItem[] = [];
  for (const c of await casesToCheck(db, since)) {
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
