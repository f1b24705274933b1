// 公证申请: a request's limits on a day — the certificate within 15 working days of acceptance, the 容缺 promised
// date — for its page, and those of every request still being handled at once.
import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema';
import type { NotarizationCaseDeadlines } from '../../../shared/channels/notarization';
import type { HolidayTable } from '../../../shared/holidays';
import { requestDeadlines } from '../../../shared/kinds/notarization/deadlines';
import {
  OPEN_NOTARIZATION_STATUSES,
  progressOf,
  type NotarizationStatus,
} from '../../../shared/kinds/notarization/lifecycle';
import { holidayTableOf } from '../calendar/holidayCalendar';
import { caseState } from '../cases/facts';
import { caseTimeline, timelinesOf } from '../cases/timeline';

/** One request's limits on `today`: the certificate within 15 working days of acceptance, the 容缺 promised date. */
export async function notarizationCaseDeadlines(
  db: Kysely<Database>,
  caseId: number,
  today: string,
  table?: HolidayTable,
): Promise<NotarizationCaseDeadlines> {
  const state = await caseState(db, caseId, 'notarization', 'id');
  const progress = progressOf(await caseTimeline(db, caseId));
  return {
    caseId: state.id,
    caseNumber: state.caseNumber,
    status: state.status as NotarizationStatus,
    ...requestDeadlines(progress, today, table ?? (await holidayTableOf(db))),
  };
}

/**
 * The limits of every request still being handled, oldest first. Requests not yet accepted have neither limit yet
 * and are left out.
 */
export async function openNotarizationDeadlines(
  db: Kysely<Database>,
  today: string,
  table?: HolidayTable,
): Promise<NotarizationCaseDeadlines[]> {
  const cases = await db
    .selectFrom('cases')
    .select(['id', 'case_number', 'status'])
    .where('kind', '=', 'notarization')
    .where('status', 'in', [...OPEN_NOTARIZATION_STATUSES])
    .orderBy('received_on')
    .orderBy('id')
    .execute();
  if (cases.length === 0) return [];
  const timelines = await timelinesOf(
    db,
    cases.map((c) => c.id),
  );
  const holidays = table ?? (await holidayTableOf(db));
  return cases
    .map((c) => ({
      caseId: c.id,
      caseNumber: c.case_number,
      status: c.status as NotarizationStatus,
      ...requestDeadlines(progressOf(timelines.get(c.id) ?? []), today, holidays),
    }))
    .filter((d) => d.issue !== null || d.deferredMaterials !== null);
}
