// The renderer's typed client of the contract. Under Electron it calls the preload's `invoke`; in the preview
// it posts to the loopback server with the per-run token. Either way the answer is the same envelope.
import type { Channel, ChannelInput, ChannelOutput } from '../shared/contract';
import type { AppErrorData, Envelope } from '../shared/errors';

export type Invoke = (channel: string, input: unknown) => Promise<Envelope<unknown>>;

declare global {
  interface Window {
    casedesk?: { invoke: Invoke };
  }
}

/** A refused call, carrying the main process's Chinese message and the field it names. */
export class ApiError extends Error {
  constructor(readonly data: AppErrorData) {
    super(data.message);
    this.name = 'ApiError';
  }
}

export interface Api {
  call<C extends Channel>(channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>>;
}

export function createApi(invoke: Invoke): Api {
  return {
    async call(channel, input) {
      const result = await invoke(channel, input);
      if (!result.ok) throw new ApiError(result.error);
      return result.value as never;
    },
  };
}

export const TOKEN_HEADER = 'X-CaseDesk-Token';
const TOKEN_KEY = 'casedesk.previewToken';

/** The preview's transport: the token comes once in the URL, then lives in this tab's sessionStorage. */
export function previewInvoke(win: Window = window): Invoke {
  const url = new URL(win.location.href);
  const fromUrl = url.searchParams.get('token');
  if (fromUrl) {
    win.sessionStorage.setItem(TOKEN_KEY, fromUrl);
    url.searchParams.delete('token');
    win.history.replaceState(null, '', url.pathname + url.search + url.hash);
  }
  const token = win.sessionStorage.getItem(TOKEN_KEY) ?? '';
  return async (channel, input) => {
    try {
      const response = await fetch('/api/invoke', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', [TOKEN_HEADER]: token },
        body: JSON.stringify({ channel, input }),
      });
      return (await response.json()) as Envelope<unknown>;
    } catch {
      return { ok: false, error: { code: 'INTERNAL', message: '无法连接本机服务，请重新启动预览' } };
    }
  };
}

export function defaultInvoke(): Invoke {
  return window.casedesk ? window.casedesk.invoke : previewInvoke();
}
