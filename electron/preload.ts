// The renderer's only door into the main process: window.casedesk.invoke(channel, input), answered with an
// envelope. Sandboxed preloads can require nothing but 'electron', so this is bundled on its own and stays tiny.
import { contextBridge, ipcRenderer } from 'electron';
import type { Envelope } from '../shared/errors';
import { INVOKE_CHANNEL, UNREACHABLE } from './shellSecurity';

function invoke(channel: string, input: unknown): Promise<Envelope<unknown>> {
  // The main process answers every call with an envelope; a rejection here means the call never got there
  // (say, input that cannot be cloned), which the renderer must see as data too.
  return (ipcRenderer.invoke(INVOKE_CHANNEL, channel, input) as Promise<Envelope<unknown>>).catch(() => UNREACHABLE);
}

contextBridge.exposeInMainWorld('casedesk', { invoke });
