// The renderer's typed client of the contract. Under Electron it calls the preload's `invoke`; in the preview
// it posts to the loopback server with the per-run token. Either way the answer is the same envelope, unwrapped
// by the shared client (the CLI uses the same one).
import type { Envelope } from '../shared/errors';
import type { Invoke } from '../shared/client';

export { ApiError, createApi, type Api, type Invoke } from '../shared/client';

declare global {
  interface Window {
    /**
     * The preload's bridge (electron/preload.ts); absent in the preview. onMenu hands over the menu's commands
     * that the page carries out ('backup': open the backup page) and returns a function that stops listening.
     */
    casedesk?: { invoke: Invoke; onMenu?(callback: (command: string) => void): () => void };
  }
}

const TOKEN_HEADER = 'X-CaseDesk-Token';
const TOKEN_KEY = 'casedesk.previewToken';

/** The preview's transport: the token comes once in the URL, then lives in this tab's sessionStorage. */
function previewInvoke(win: Window = window): Invoke {
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
