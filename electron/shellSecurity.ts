// The Electron shell's security rules as pure functions over URLs, headers and sender shapes, so that they are
// testable in plain Node. Type imports only: the preload bundles this file, and a sandboxed preload can require
// nothing but 'electron'.
import type { Envelope } from '../shared/errors';

/** The one IPC channel between the preload and the main process. */
export const INVOKE_CHANNEL = 'casedesk:invoke';
/** The IPC channel that saves a file the main process wrote (shared/outgoingFile.ts) where the clerk chooses. */
export const SAVE_OUTGOING_CHANNEL = 'casedesk:saveOutgoing';

/** Same policy as renderer/index.html's meta tag (and the preview server's header). */
export const CONTENT_SECURITY_POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; " +
  "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-src 'none'";

export const REFUSED_SENDER: Envelope<never> = {
  ok: false,
  error: { code: 'FORBIDDEN', message: '已拒绝：请求不是来自本程序的窗口' },
};

export const REFUSED_QUITTING: Envelope<never> = {
  ok: false,
  error: { code: 'INTERNAL', message: '程序正在退出，操作未执行' },
};

export const UNREACHABLE: Envelope<never> = {
  ok: false,
  error: { code: 'INTERNAL', message: '无法与程序主进程通信，操作未完成' },
};

/**
 * The decoded path of a local file: URL (no host), for comparison; null for anything else. Windows paths are
 * compared without case, as the file system does.
 */
export function localFilePath(url: string, platform: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== 'file:' || (parsed.host !== '' && parsed.host !== 'localhost')) return null;
  let decoded: string;
  try {
    decoded = decodeURIComponent(parsed.pathname);
  } catch {
    return null;
  }
  // A decoded "/.." or "\" could step outside a folder that a prefix check trusts.
  if (decoded.includes('\\') || decoded.split('/').some((part) => part === '..' || part === '.')) return null;
  return platform === 'win32' ? decoded.toLowerCase() : decoded;
}

/** The renderer's own page (any query or fragment): the only place the window may navigate to. */
export function isRendererPage(url: string, rendererUrl: string, platform: string): boolean {
  const target = localFilePath(url, platform);
  return target !== null && target === localFilePath(rendererUrl, platform);
}

/**
 * The offline guarantee: local files of the app itself and in-memory URLs load; everything else (http, https,
 * ws, ftp, file: outside the app, UNC shares) is cancelled.
 */
export function isAllowedRequest(url: string, appRootUrl: string, platform: string): boolean {
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(url)?.[1]?.toLowerCase();
  if (scheme === 'data' || scheme === 'blob' || scheme === 'devtools') return true;
  if (scheme !== 'file') return false;
  const target = localFilePath(url, platform);
  const root = localFilePath(appRootUrl, platform);
  if (target === null || root === null) return false;
  const folder = root.endsWith('/') ? root : `${root}/`;
  return target.startsWith(folder);
}

/** Response headers with our CSP in place of any the response carried. */
export function withContentSecurityPolicy(
  headers: Record<string, string | string[]> | undefined,
): Record<string, string | string[]> {
  const kept = Object.entries(headers ?? {}).filter(([name]) => name.toLowerCase() !== 'content-security-policy');
  return { ...Object.fromEntries(kept), 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] };
}

/** The shape of Electron's WebFrameMain that the sender check reads. */
export interface FrameLike {
  readonly url: string;
  readonly parent: unknown;
  readonly processId: number;
  readonly routingId: number;
}

/** The shape of Electron's IpcMainInvokeEvent that the sender check reads. */
export interface InvokeEventLike {
  readonly sender: { readonly id: number; readonly mainFrame: FrameLike };
  readonly senderFrame: FrameLike | null;
}

/** A call is ours only from the main frame of our own window showing our own renderer page. */
export function isTrustedSender(
  event: InvokeEventLike,
  ownWebContentsId: number,
  rendererUrl: string,
  platform: string,
): boolean {
  try {
    const frame = event.senderFrame;
    if (!frame || event.sender.id !== ownWebContentsId) return false;
    const main = event.sender.mainFrame;
    if (frame.parent !== null || frame.processId !== main.processId || frame.routingId !== main.routingId) return false;
    return isRendererPage(frame.url, rendererUrl, platform);
  } catch {
    return false; // a destroyed frame or window throws on access: not a caller we answer
  }
}
