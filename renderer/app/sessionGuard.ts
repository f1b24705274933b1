// The pages' client, guarded by the session: a call answered LOCKED (the window idled out in the main process)
// or UNAUTHENTICATED (the session is gone) is not an error for the page. The gate is told, shows the lock or
// sign-in screen over the page, and the call waits: once the same user is back it is made again (a refused call
// ran nothing, so making it again is safe); if someone else signs in, or the user signs out, it fails as refused.
import type { Channel, ChannelInput, ChannelOutput } from '../../shared/contract';
import { ApiError, type Api } from '../api';

export type Interruption = 'LOCKED' | 'UNAUTHENTICATED';

export interface GuardedApi {
  api: Api;
  /** Resolves once no call is in flight (a page closing saves its draft first), or after `limitMs`. */
  drained(limitMs?: number): Promise<void>;
  /** The session this client served is over: every call from now on fails at once. */
  close(): void;
}

const isInterruption = (code: string | undefined): code is Interruption =>
  code === 'LOCKED' || code === 'UNAUTHENTICATED';
const nextTick = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** `interrupted` resolves true when the call should be made again, false when it should fail as it was answered. */
export function guardSession(api: Api, interrupted: (why: Interruption) => Promise<boolean>): GuardedApi {
  let closed = false;
  const inFlight = new Set<Promise<unknown>>();

  async function call<C extends Channel>(channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>> {
    for (;;) {
      if (closed) throw new ApiError({ code: 'UNAUTHENTICATED', message: '已退出登录' });
      try {
        return await api.call(channel, input);
      } catch (error) {
        const code = error instanceof ApiError ? error.data.code : undefined;
        if (!isInterruption(code) || closed || !(await interrupted(code))) throw error;
      }
    }
  }

  return {
    api: {
      call(channel, input) {
        const pending = call(channel, input);
        inFlight.add(pending);
        const done = () => void inFlight.delete(pending);
        pending.then(done, done);
        return pending;
      },
    },
    async drained(limitMs = 5000) {
      const until = Date.now() + limitMs;
      // A page that closes saves its draft a moment later (after React's cleanup): look again after each wait.
      await nextTick();
      while (inFlight.size > 0 && Date.now() < until) {
        let timer: ReturnType<typeof setTimeout> | undefined;
        const timeUp = new Promise((resolve) => (timer = setTimeout(resolve, until - Date.now())));
        await Promise.race([Promise.allSettled([...inFlight]), timeUp]);
        clearTimeout(timer);
        await nextTick();
      }
    },
    close() {
      closed = true;
    },
  };
}
