// 人民调解: a case's time limits on a day — the one-month term (or as extended) and the judicial-confirmation window —
// for its page, and the open ones of every case at once.
import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema';
import type { MediationCaseDeadlines } from '../../../shared/channels/mediation';
import type { DeadlineRuleOverrides } from '../../../shared/deadlines';
import { deadlinesOf } from '../../../shared/kinds/mediation/deadlines';
import {
  factsOf,
  MEDIATION_STATUS_LABELS,
  UNDER_WAY,
  type MediationStatus,
} from '../../../shared/kinds/mediation/lifecycle';
import { holidayTableOf } from '../calendar/holidayCalendar';
import { timelinesOf } from '../cases/timeline';
import { mediationCaseFacts } from './record';

/** Statuses whose limits can still be open (a concluded case may still apply for judicial confirmation). */
const OPEN_STATUSES: readonly MediationStatus[] = [...UNDER_WAY, 'concluded'];

/** The limits of one case on `today`: the one-month term (or as extended), and the judicial-confirmation window. */
export async function mediationCaseDeadlines(
  db: Kysely<Database>,
  caseId: number,
  today: string,
  { field = 'id', rules }: { field?: string; rules?: DeadlineRuleOverrides } = {},
): Promise<MediationCaseDeadlines> {
  const { stored, facts } = await mediationCaseFacts(db, caseId, field);
  return {
    caseId,
    caseNumber: stored.caseNumber,
    status: stored.status,
    statusLabel: MEDIATION_STATUS_LABELS[stored.status],
    deadlines: deadlinesOf(facts, today, { table: await holidayTableOf(db), ...(rules ? { rules } : {}) }),
  };
}

/**
 * Every mediation case with a limit still open on `today`, the soonest due first. Reads the open cases and their
 * timelines in two queries.
 */
export async function openMediationDeadlines(
  db: Kysely<Database>,
  today: string,
  rules?: DeadlineRuleOverrides,
): Promise<MediationCaseDeadlines[]> {
  const cases = await db
    .selectFrom('cases')
    .innerJoin('mediation_cases as m', 'm.case_id', 'cases.id')
    .select(['cases.id', 'cases.case_number', 'cases.status', 'cases.received_on', 'm.simple'])
    .where('cases.kind', '=', 'mediation')
    .where('cases.status', 'in', OPEN_STATUSES)
    .execute();
  if (cases.length === 0) return [];
  const timelines = await timelinesOf(
    db,
    cases.map((c) => c.id),
  );
  const out: MediationCaseDeadlines[] = [];
  const table = await holidayTableOf(db);
  for (const c of cases) {
    const status = c.status as MediationStatus;
    const facts = factsOf(
      { receivedOn: c.received_on, status, detail: { simple: c.simple } },
      timelines.get(c.id) ?? [],
    );
    const open = deadlinesOf(facts, today, { table, ...(rules ? { rules } : {}) }).filter((d) => d.doneOn === null);
    if (open.length > 0)
      out.push({
        caseId: c.id,
        caseNumber: c.case_number,
        status,
        statusLabel: MEDIATION_STATUS_LABELS[status],
        deadlines: open,
      });
  }
  const soonest = (c: MediationCaseDeadlines) => c.deadlines.reduce((m, d) => (d.due < m ? d.due : m), '9999-12-31');
  return out.sort((a, b) => soonest(a).localeCompare(soonest(b)) || a.caseId - b.caseId);
}
