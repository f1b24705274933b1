// Taking a lifecycle action on a case: the transition check, the date check, the status change and the
// timeline entry, inside the caller's transaction. Every kind's actions go through here.
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import type { SessionUser } from '../../shared/accounts';
import { AppError } from '../../shared/errors';
import { actionDateProblem, nextStatus, transitionProblem, type CaseAction, type Lifecycle } from '../../shared/lifecycle';
import type { CaseKind } from '../../shared/options';
import type { Clock } from './clock';

export interface ActionRequest<A extends string> {
  caseId: number;
  action: A;
  actedOn: string;
  data: Record<string, unknown>;
}

export interface CaseState {
  id: number;
  status: string;
  caseNumber: string;
  lastActedOn: string;
}

export async function caseState(db: Kysely<Database>, caseId: number, kind: CaseKind): Promise<CaseState> {
  const row = await db
    .selectFrom('cases')
    .select(['id', 'status', 'case_number', 'received_on'])
    .select((eb) =>
      eb.selectFrom('case_actions').select((a) => a.fn.max('acted_on').as('m')).whereRef('case_actions.case_id', '=', 'cases.id').as('last_acted_on'),
    )
    .where('id', '=', caseId)
    .where('kind', '=', kind)
    .executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND', '案件不存在', 'caseId');
  return { id: row.id, status: row.status, caseNumber: row.case_number, lastActedOn: (row.last_acted_on as string | null) ?? row.received_on };
}

/** Checks and records one action; returns the new status. */
export async function takeAction<S extends string, A extends string>(
  db: Kysely<Database>,
  lifecycle: Lifecycle<S, A>,
  kind: CaseKind,
  request: ActionRequest<A>,
  { user, clock }: { user: SessionUser; clock: Clock },
): Promise<S> {
  const state = await caseState(db, request.caseId, kind);
  const problem = transitionProblem(lifecycle, state.status as S, request.action);
  if (problem) throw new AppError('CONFLICT', problem, 'action');
  const dateProblem = actionDateProblem(request.actedOn, state.lastActedOn, clock.today());
  if (dateProblem) throw new AppError('VALIDATION', `日期：${dateProblem}`, 'actedOn');
  const to = nextStatus(lifecycle, request.action, request.data);
  const at = clock.now().toISOString();
  await db.updateTable('cases').set({ status: to, updated_at: at }).where('id', '=', request.caseId).execute();
  await db
    .insertInto('case_actions')
    .values({
      case_id: request.caseId, action: request.action, acted_on: request.actedOn, data: JSON.stringify(request.data),
      from_status: state.status, to_status: to, user_id: user.id > 0 ? user.id : null, username: user.displayName,
      recorded_at: at,
    })
    .execute();
  return to;
}

/** The first entry of every timeline. */
export async function recordRegistration(
  db: Kysely<Database>,
  caseId: number,
  { status, receivedOn, by, clock }: { status: string; receivedOn: string; by: string; clock: Clock },
): Promise<void> {
  await db
    .insertInto('case_actions')
    .values({
      case_id: caseId, action: 'register', acted_on: receivedOn, data: '{}', from_status: null, to_status: status,
      user_id: null, username: by, recorded_at: clock.now().toISOString(),
    })
    .execute();
}

export async function caseTimeline(db: Kysely<Database>, caseId: number): Promise<CaseAction[]> {
  const found = await db.selectFrom('cases').select('id').where('id', '=', caseId).executeTakeFirst();
  if (!found) throw new AppError('NOT_FOUND', '案件不存在', 'caseId');
  const rows = await db.selectFrom('case_actions').selectAll().where('case_id', '=', caseId).orderBy('id').execute();
  return rows.map((r) => ({
    id: r.id, action: r.action, actedOn: r.acted_on, data: JSON.parse(r.data) as Record<string, unknown>,
    fromStatus: r.from_status, toStatus: r.to_status, username: r.username, recordedAt: r.recorded_at,
  }));
}
