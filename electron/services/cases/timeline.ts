// A case's timeline (case_actions): its first entry, written at registration, and reading it back — one case's, or
// many cases' at once for the code that checks thousands (the dashboard, the dossier completeness). Every later entry
// is written by the lifecycle driver (./actions.ts).
import { sql, type Insertable, type Kysely, type Selectable } from 'kysely';
import type { CaseActionTable, Database } from '../../../db/schema';
import { AppError } from '../../../shared/errors';
import type { CaseAction } from '../../../shared/lifecycle';
import type { Clock } from '../system/clock';

type ActionRow = Selectable<CaseActionTable>;

const entryOf = (r: ActionRow): CaseAction => ({
  id: r.id,
  action: r.action,
  actedOn: r.acted_on,
  data: JSON.parse(r.data) as Record<string, unknown>,
  fromStatus: r.from_status,
  toStatus: r.to_status,
  username: r.username,
  recordedAt: r.recorded_at,
});

/** The first entry of every timeline. */
export async function recordRegistration(
  db: Kysely<Database>,
  caseId: number,
  registration: { status: string; receivedOn: string; by: string; clock: Clock },
): Promise<void> {
  await db.insertInto('case_actions').values(registrationEntry(caseId, registration)).execute();
}

/** The timeline's first entry of a case, as a row (an import writes many at once). */
export function registrationEntry(
  caseId: number,
  { status, receivedOn, by, clock }: { status: string; receivedOn: string; by: string; clock: Clock },
): Insertable<CaseActionTable> {
  return {
    case_id: caseId,
    action: 'register',
    acted_on: receivedOn,
    data: '{}',
    from_status: null,
    to_status: status,
    user_id: null,
    username: by,
    recorded_at: clock.now().toISOString(),
  };
}

export async function caseTimeline(db: Kysely<Database>, caseId: number): Promise<CaseAction[]> {
  const found = await db.selectFrom('cases').select('id').where('id', '=', caseId).executeTakeFirst();
  if (!found) throw new AppError('NOT_FOUND', '案件不存在', 'caseId');
  const rows = await db.selectFrom('case_actions').selectAll().where('case_id', '=', caseId).orderBy('id').execute();
  return rows.map(entryOf);
}

/**
 * The timelines of many cases in one query, oldest entry first; only the entries of `actions` when given (the
 * dashboard reads those its kinds' limits are computed from: the rest are not read, nor their data parsed).
 */
export async function timelinesOf(
  db: Kysely<Database>,
  caseIds: readonly number[],
  actions?: readonly string[],
): Promise<Map<number, CaseAction[]>> {
  const timelines = new Map<number, CaseAction[]>();
  if (caseIds.length === 0 || actions?.length === 0) return timelines;
  let query = db
    .selectFrom('case_actions')
    .selectAll()
    .where('case_id', 'in', [...caseIds]);
  // `+action`: the entries are found by case (case_actions_by_case), their action tested on the row; without the `+`
  // SQLite may walk the index by action instead, over every case's entries of those actions, and sort them.
  if (actions) query = query.where(sql<string>`+action`, 'in', [...actions]);
  const rows = await query.orderBy('case_id').orderBy('id').execute();
  for (const r of rows) {
    let timeline = timelines.get(r.case_id);
    if (!timeline) timelines.set(r.case_id, (timeline = []));
    timeline.push(entryOf(r));
  }
  return timelines;
}
