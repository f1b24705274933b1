// The preload (electron/preload.ts): the renderer's whole view of the main process is window.casedesk, holding
// invoke (every call of the contract) and onMenu (the menu's commands for the page).
import path from 'node:path';
import { MENU_CHANNEL } from '../../electron/shellMenu';
import { INVOKE_CHANNEL, SAVE_OUTGOING_CHANNEL, UNREACHABLE } from '../../electron/shellSecurity';
import { tempDir } from '../support/fixtures';
import { createFakeElectron, type FakeElectron } from './fakeElectron';
import { loadWithFakeElectron, PRELOAD_SOURCE } from './launchShell';

type CasedeskApi = {
  invoke(channel: string, input: unknown): Promise<unknown>;
  onMenu(callback: (command: string) => void): () => void;
  saveOutgoing(id: string): Promise<unknown>;
};

function loadPreload(): { fake: FakeElectron; api: CasedeskApi } {
  const fake = createFakeElectron({ appPath: tempDir(), userData: path.join(tempDir(), 'userData') });
  loadWithFakeElectron(PRELOAD_SOURCE, fake);
  return { fake, api: fake.contextBridge.exposed.get('casedesk') as CasedeskApi };
}

describe('the preload', () => {
  it('exposes exactly one API, window.casedesk, holding only invoke, onMenu and saveOutgoing', () => {
    const { fake, api } = loadPreload();
    expect([...fake.contextBridge.exposed.keys()]).toEqual(['casedesk']);
    expect(Object.keys(api)).toEqual(['invoke', 'onMenu', 'saveOutgoing']);
    expect(typeof api.invoke).toBe('function');
    expect(typeof api.onMenu).toBe('function');
  });

  it('forwards invoke(channel, input) to the one IPC channel and hands back the main process’s envelope', async () => {
    const { fake, api } = loadPreload();
    const answer = { ok: true, value: { name: '黎托街道司法所' } };
    fake.ipcRenderer.answer = () => Promise.resolve(answer);
    expect(await api.invoke('office.get', {})).toBe(answer);
    expect(fake.ipcRenderer.calls).toEqual([[INVOKE_CHANNEL, 'office.get', {}]]);
  });

  it('asks the main process to save an outgoing file by its id alone, and answers its envelope', async () => {
    const { fake, api } = loadPreload();
    const answer = { ok: true, value: { saved: true } };
    fake.ipcRenderer.answer = () => Promise.resolve(answer);
    expect(await (api.saveOutgoing as (...args: unknown[]) => Promise<unknown>)('abc', { path: '/etc' })).toBe(answer);
    expect(fake.ipcRenderer.calls).toEqual([[SAVE_OUTGOING_CHANNEL, 'abc']]);
    fake.ipcRenderer.answer = () => Promise.reject(new Error('gone'));
    expect(await api.saveOutgoing('abc')).toEqual(UNREACHABLE);
  });

  it('passes on nothing but the channel and the input', async () => {
    const { fake, api } = loadPreload();
    await (api.invoke as (...args: unknown[]) => Promise<unknown>)('office.get', {}, 'extra', () => 'a function');
    expect(fake.ipcRenderer.calls).toEqual([[INVOKE_CHANNEL, 'office.get', {}]]);
  });

  it('answers an envelope, not an exception, when the call never reached the main process', async () => {
    const { fake, api } = loadPreload();
    fake.ipcRenderer.answer = () => Promise.reject(new Error('An object could not be cloned.'));
    expect(await api.invoke('drafts.save', { data: () => 1 })).toEqual(UNREACHABLE);
    expect(UNREACHABLE).toEqual({
      ok: false,
      error: { code: 'INTERNAL', message: expect.stringMatching(/[\u4e00-\u9fff]/) },
    });
  });
});

describe('menu commands for the page', () => {
  it('hands the page the command alone — never the IPC event — and only commands it knows', () => {
    const { fake, api } = loadPreload();
    const received: unknown[][] = [];
    api.onMenu((...args: unknown[]) => received.push(args));
    fake.ipcRenderer.fromMain(MENU_CHANNEL, 'backup');
    fake.ipcRenderer.fromMain(MENU_CHANNEL, 'format-disk');
    fake.ipcRenderer.fromMain(MENU_CHANNEL, { command: 'backup' });
    fake.ipcRenderer.fromMain('some-other-channel', 'backup');
    expect(received).toEqual([['backup']]);
  });

  it('stops when the page unsubscribes', () => {
    const { fake, api } = loadPreload();
    const received: string[] = [];
    const stop = api.onMenu((command) => received.push(command));
    stop();
    fake.ipcRenderer.fromMain(MENU_CHANNEL, 'backup');
    expect(received).toEqual([]);
    expect(fake.ipcRenderer.listenerCount(MENU_CHANNEL)).toBe(0);
  });

  it('refuses something that is not a function', () => {
    const { api } = loadPreload();
    expect(() => api.onMenu('alert(1)' as unknown as () => void)).toThrow(TypeError);
  });
});
