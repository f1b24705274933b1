// The session's state as the main process tells it (auth.status), settled either way: the answer, or the refusal
// the session gate shows (the data key asked for, or the failure). One function for the window's first call, sent
// before React is read (renderer/firstCall.ts), and for the gate's later ones.
import type { Api } from '../api';
import type { SessionUser } from '../../shared/accounts';
import type { AuthStatus } from '../../shared/contract';

export type StatusAnswer = { status: AuthStatus } | { error: unknown };

export const askStatus = (api: Api): Promise<StatusAnswer> =>
  api.call('auth.status', {}).then(
    (status) => ({ status }),
    (error: unknown) => ({ error }),
  );

/** The session's state from an answer that needs nothing more than showing it: nobody is signed in. */
export const signedOutIn = (answer: StatusAnswer | undefined): AuthStatus | null =>
  answer && 'status' in answer && !answer.status.user ? answer.status : null;

/**
 * The session's state once `user` has signed in from `status`: the sign-in's answer names the user, and nothing else of
 * the state changed, so auth.status is not asked again.
 */
export const signedInAs = (status: AuthStatus, user: SessionUser): AuthStatus => ({ ...status, user, locked: false });
