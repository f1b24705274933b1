// The lifecycle driver: one function takes an action on a case of any kind, inside the dispatcher's transaction —
// whether the case allows it now (the kind's lifecycle and its own rules), the date (not in the future, not before
// the case's previous step), the action's own effect (its checks against the case and what it writes besides the
// timeline entry), the dossier's check where the kind gates the action, then the timeline entry and the new status.
// Each kind contributes only its rules (shared/kinds/<kind>/) and its effects (electron/services/<kind>/actions.ts).
import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema';
import type { SessionUser } from '../../../shared/accounts';
import { AppError } from '../../../shared/errors';
import type { CaseKindModule, KindFacts } from '../../../shared/kinds/kind';
import { actionDateProblem, nextStatus, transitionProblem, type Lifecycle } from '../../../shared/lifecycle';
import type { CaseKind } from '../../../shared/options';
import type { ElectronicDossiers } from '../dossier/archive';
import { recordDossierCheck, requireCompleteDossier } from '../dossier/checklist';
import type { Clock } from '../system/clock';
import { caseFactsOf, caseState } from './facts';

export interface ActionRequest<A extends string> {
  caseId: number;
  action: A;
  actedOn: string;
  data: Record<string, unknown>;
}

/** What an action's effect knows: the case as it stands, the action's date, and the call. */
export interface ActionContext<F> {
  db: Kysely<Database>;
  caseId: number;
  actedOn: string;
  today: string;
  facts: F;
  clock: Clock;
}

/**
 * An action's own effect: its checks against the case (refused with the field they name) and its writes besides
 * the timeline entry; answers what the timeline records of it.
 */
type ActionEffect<F, P> = (payload: P, context: ActionContext<F>) => Promise<Record<string, unknown>>;

/** What a kind's service adds to its shared rules for the driver. A: its actions; P: each action's payload. */
export interface KindActions<F extends KindFacts, A extends string, P extends Record<A, unknown>, R> {
  kind: CaseKindModule<string, A, F>;
  /** What the timeline records of a payload that no effect handles (the payload itself unless said). */
  recorded?(payload: P[A]): Record<string, unknown>;
  effects: { [K in A]?: ActionEffect<F, P[K]> };
  /** After the entry is written: what else follows from it (the case's search text). */
  after?: { [K in A]?: (db: Kysely<Database>, caseId: number) => Promise<void> };
  /** What the action's channel answers: the case as it now stands. */
  result(db: Kysely<Database>, caseId: number, today: string): Promise<R>;
}

function refuse(field: string, label: string, problem: string): never {
  throw new AppError('VALIDATION', `${label}：${problem}`, field);
}

/** Takes one action on a case of the kind; answers with what the kind's channel answers. */
export async function takeKindAction<F extends KindFacts, A extends string, P extends Record<A, unknown>, R>(
  db: Kysely<Database>,
  service: KindActions<F, A, P, R>,
  action: A,
  input: { caseId: number; actedOn: string } & P[A],
  { user, clock, dossiers }: { user: SessionUser; clock: Clock; dossiers?: ElectronicDossiers },
): Promise<R> {
  const { kind } = service;
  const { caseId, actedOn, ...payload } = input;
  const today = clock.today();
  const { state, facts } = await caseFactsOf<F>(db, caseId, kind.kind);
  const problem = kind.actionProblem(facts, action, { actedOn, today });
  if (problem) throw new AppError('CONFLICT', problem, 'action');
  const dateProblem = actionDateProblem(actedOn, state.lastActedOn, today);
  if (dateProblem) refuse('actedOn', kind.actions[action].labels.actedOn ?? '日期', dateProblem);
  const effect = service.effects[action];
  const data = effect
    ? await effect(payload as P[A], { db, caseId, actedOn, today, facts, clock })
    : (service.recorded?.(payload as P[A]) ?? payload);
  if ((kind.dossier.gatedActions as readonly string[]).includes(action)) {
    await requireCompleteDossier(db, caseId, action as 'close' | 'archive');
  }
  await recordAction(db, kind.lifecycle, kind.kind, { caseId, action, actedOn, data }, { user, clock });
  await recordDossierCheck(db, caseId, clock);
  // Archived means fixed: the electronic dossier is made and its hash kept in this same transaction.
  if (action === 'archive' && dossiers) await dossiers.keepAtArchive(db, caseId, { user, clock });
  await service.after?.[action]?.(db, caseId);
  return service.result(db, caseId, today);
}

/**
 * Records one action in the timeline and sets the case's new status, after checking the transition and the date
 * again (a registration that takes its first step at once comes here directly). Returns the new status.
 */
export async function recordAction<S extends string, A extends string>(
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
      case_id: request.caseId,
      action: request.action,
      acted_on: request.actedOn,
      data: JSON.stringify(request.data),
      from_status: state.status,
      to_status: to,
      user_id: user.id > 0 ? user.id : null,
      username: user.displayName,
      recorded_at: at,
    })
    .execute();
  return to;
}
