// The renderer's typed client of the contract. Under Electron it calls the preload's `invoke`; in the preview
// it posts to the loopback server with the per-run token. Either way the answer is the same envelope, unwrapped
// by the shared client (the CLI uses the same one). A file the main process wrote for the clerk (the electronic
// dossier) is saved by the shell: Electron's save dialog through the preload, or the preview's download.
import type { Envelope } from '../shared/errors';
import type { Invoke } from '../shared/client';
import { OUTGOING_PATH, type OutgoingFile } from '../shared/outgoingFile';

export { ApiError, createApi, type Api, type Invoke } from '../shared/client';

declare global {
  interface Window {
    /**
     * The preload's bridge (electron/preload.ts); absent in the preview. onMenu hands over the menu's commands
     * that the page carries out ('backup': open the backup page) and returns a function that stops listening.
     */
    casedesk?: {
      invoke: Invoke;
      onMenu?(callback: (command: string) => void): () => void;
      /** Asks where to save a file the main process wrote; resolves to whether it was saved (false: cancelled). */
      saveOutgoing?(id: string): Promise<Envelope<{ saved: boolean }>>;
    };
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

/**
 * Saves a file the main process wrote (shared/outgoingFile.ts) where the clerk chooses: resolves to false when the
 * clerk cancelled, throws the main process's Chinese message when it could not be saved. In the preview the
 * browser downloads it from the loopback server, which streams it from its file.
 */
export async function saveOutgoingFile(file: OutgoingFile, win: Window = window): Promise<boolean> {
  const bridge = win.casedesk;
  if (bridge?.saveOutgoing) {
    const result = await bridge.saveOutgoing(file.id);
    if (!result.ok) throw new Error(result.error.message);
    return result.value.saved;
  }
  const token = win.sessionStorage.getItem(TOKEN_KEY) ?? '';
  const link = win.document.createElement('a');
  link.href = `${OUTGOING_PATH}${file.id}?token=${encodeURIComponent(token)}`;
  link.download = file.fileName;
  link.style.display = 'none';
  win.document.body.appendChild(link);
  link.click();
  link.remove();
  return true;
}

export function defaultInvoke(): Invoke {
  return window.casedesk ? window.casedesk.invoke : previewInvoke();
}
