// The renderer's only doors into the main process, window.casedesk:
//   invoke(channel, input) → the main process's envelope, for every call of the contract;
//   onMenu(callback) → the menu's commands that the page carries out (备份… opens the backup page), returning a
//   function that stops listening;
//   saveOutgoing(id) → the save dialog for a file the main process wrote (the electronic dossier), answering an
//   envelope of { saved } (false: the clerk cancelled).
// Sandboxed preloads can require nothing but 'electron', so this is bundled on its own and stays tiny.
import { contextBridge, ipcRenderer } from 'electron';
import type { Envelope } from '../shared/errors';
import { MENU_CHANNEL, isMenuCommand, type MenuCommand } from './shellMenu';
import { INVOKE_CHANNEL, SAVE_OUTGOING_CHANNEL, UNREACHABLE } from './shellSecurity';

function invoke(channel: string, input: unknown): Promise<Envelope<unknown>> {
  // The main process answers every call with an envelope; a rejection here means the call never got there
  // (say, input that cannot be cloned), which the renderer must see as data too.
  return (ipcRenderer.invoke(INVOKE_CHANNEL, channel, input) as Promise<Envelope<unknown>>).catch(() => UNREACHABLE);
}

function onMenu(callback: (command: MenuCommand) => void): () => void {
  if (typeof callback !== 'function') throw new TypeError('onMenu needs a function');
  // The page gets the command alone: never the IPC event, which would hand it the sender and ipcRenderer.
  const listener = (_event: unknown, command: unknown): void => {
    if (isMenuCommand(command)) callback(command);
  };
  ipcRenderer.on(MENU_CHANNEL, listener);
  return () => {
    ipcRenderer.removeListener(MENU_CHANNEL, listener);
  };
}

function saveOutgoing(id: string): Promise<Envelope<unknown>> {
  return (ipcRenderer.invoke(SAVE_OUTGOING_CHANNEL, String(id)) as Promise<Envelope<unknown>>).catch(() => UNREACHABLE);
}

contextBridge.exposeInMainWorld('casedesk', { invoke, onMenu, saveOutgoing });
