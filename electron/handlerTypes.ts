// The shapes every handler module shares: what a call knows besides its input, a handler map typed from a map of
// channels, and the handlers of a kind's action channels (each through the lifecycle driver).
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { Database } from '../db/schema';
import type { SessionUser } from '../shared/accounts';
import type { ChannelDef } from '../shared/channel';
import { AppError } from '../shared/errors';
import type { KindFacts } from '../shared/kinds/kind';
import { takeKindAction, type KindActions } from './services/cases/actions';
import type { ElectronicDossiers } from './services/dossier/archive';
import type { Clock } from './services/system/clock';
import type { SessionControl } from './sessions';

/** What one call knows besides its input. For a writing channel `db` is the call's one transaction. */
export interface CallContext {
  db: Kysely<Database>;
  clock: Clock;
  session: SessionControl;
  /** The electronic dossier's file store, PDF renderer and generated-record sources (archiving makes one). */
  dossiers: ElectronicDossiers;
}

export type HandlersOf<M extends Record<string, ChannelDef>> = {
  [C in keyof M]: (input: z.output<M[C]['input']>, call: CallContext) => Promise<M[C]['output']>;
};

/** The signed-in user of a call (the dispatcher has checked there is one for every non-public channel). */
export function actor(call: CallContext): SessionUser {
  const session = call.session.current();
  if (!session) throw new AppError('UNAUTHENTICATED', '请先登录');
  return session.user;
}

/** The handlers of a kind's action channels, `<key>.<action>` for each action of its table, through the driver. */
export function actionHandlers<
  const K extends string,
  F extends KindFacts,
  A extends string,
  P extends Record<A, unknown>,
  R,
>(
  key: K,
  service: KindActions<F, A, P, R>,
): { [X in A as `${K}.${X}`]: (input: { caseId: number; actedOn: string }, call: CallContext) => Promise<R> } {
  const handle = (action: A) => (input: { caseId: number; actedOn: string }, call: CallContext) =>
    takeKindAction(call.db, service, action, input as never, {
      user: actor(call),
      clock: call.clock,
      dossiers: call.dossiers,
    });
  return Object.fromEntries(
    (Object.keys(service.kind.actions) as A[]).map((action) => [`${key}.${action}`, handle(action)]),
  ) as never;
}
