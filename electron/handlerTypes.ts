// The shapes every handler module shares: what a call knows besides its input, and a handler map typed from
// a map of channels.
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { Database } from '../db/schema';
import type { SessionUser } from '../shared/accounts';
import type { ChannelDef } from '../shared/channel';
import { AppError } from '../shared/errors';
import type { Clock } from './services/clock';
import type { SessionControl } from './sessions';

/** What one call knows besides its input. For a writing channel `db` is the call's one transaction. */
export interface CallContext {
  db: Kysely<Database>;
  clock: Clock;
  session: SessionControl;
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
