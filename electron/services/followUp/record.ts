// Recording a 回访: what the lifecycle driver (electron/services/cases/actions.ts) needs besides the shared form's
// schema (shared/followUp/form.ts) — the status the case stays in, written with the entry — and the refusal of a
// follow-up on a case whose kind is not followed up (a notarization request), before anything is read or written.
import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema';
import { AppError } from '../../../shared/errors';
import { kindOf } from '../../../shared/kinds';
import type { KindFacts } from '../../../shared/kinds/kind';
import type { ActionContext } from '../cases/actions';

/** The effect of every kind's `followUp`: the payload as given, and the status the case was in (`stage`). */
export async function recordFollowUp<P extends object>(
  payload: P,
  { facts }: ActionContext<KindFacts>,
): Promise<Record<string, unknown>> {
  return { ...payload, stage: facts.status };
}

/** Refuses a follow-up on a case of a kind that has none (公证申请), naming the case field. */
async function requireFollowedUpKind(db: Kysely<Database>, caseId: number): Promise<void> {
  const row = await db.selectFrom('cases').select('kind').where('id', '=', caseId).executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND', '案件：案件不存在', 'caseId');
  const kind = kindOf(row.kind);
  if (!kind.followUp)
    throw new AppError(
      'VALIDATION',
      `案件：${kind.label}案件不进行回访（回访只适用于法律援助和人民调解案件）`,
      'caseId',
    );
}

/** A kind's `followUp` handler that first refuses a case of a kind without follow-ups (`requireFollowedUpKind`). */
export function refusingUnfollowedKinds<I extends { caseId: number }, C extends { db: Kysely<Database> }, R>(
  handle: (input: I, call: C) => Promise<R>,
): (input: I, call: C) => Promise<R> {
  return async (input, call) => {
    await requireFollowedUpKind(call.db, input.caseId);
    return handle(input, call);
  };
}
