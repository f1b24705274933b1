// The session's state as the main process tells it (auth.status), settled either way: the answer, or the refusal
// the session gate shows (the data key asked for, or the failure). One function for the window's first call, sent
// before React is read (renderer/firstCall.ts), and for the gate's later ones.
import type { Api } from '../api';
import type { AuthStatus } from '../../shared/contract';

export type StatusAnswer = { status: AuthStatus } | { error: unknown };

export const askStatus = (api: Api): Promise<StatusAnswer> =>
  api.call('auth.status', {}).then(
    (status) => ({ status }),
    (error: unknown) => ({ error }),
  );
