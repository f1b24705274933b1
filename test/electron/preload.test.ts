// The preload (electron/preload.ts): the renderer's whole view of the main process is window.casedesk.invoke.
import path from 'node:path';
import { INVOKE_CHANNEL, UNREACHABLE } from '../../electron/shellSecurity';
import { tempDir } from '../support/fixtures';
import { createFakeElectron, type FakeElectron } from './fakeElectron';
import { loadWithFakeElectron, PRELOAD_SOURCE } from './launchShell';

type CasedeskApi = { invoke(channel: string, input: unknown): Promise<unknown> };

function loadPreload(): FakeElectron {
  const fake = createFakeElectron({ appPath: tempDir(), userData: path.join(tempDir(), 'userData') });
  loadWithFakeElectron(PRELOAD_SOURCE, fake);
  return fake;
}

describe('the preload', () => {
  it('exposes exactly one API, window.casedesk, holding only invoke', () => {
    const fake = loadPreload();
    expect([...fake.contextBridge.exposed.keys()]).toEqual(['casedesk']);
    const api = fake.contextBridge.exposed.get('casedesk') as CasedeskApi;
    expect(Object.keys(api)).toEqual(['invoke']);
    expect(typeof api.invoke).toBe('function');
  });

  it('forwards invoke(channel, input) to the one IPC channel and hands back the main process’s envelope', async () => {
    const fake = loadPreload();
    const answer = { ok: true, value: { name: '黎托街道司法所' } };
    fake.ipcRenderer.answer = () => Promise.resolve(answer);
    const api = fake.contextBridge.exposed.get('casedesk') as CasedeskApi;
    expect(await api.invoke('office.get', {})).toBe(answer);
    expect(fake.ipcRenderer.calls).toEqual([[INVOKE_CHANNEL, 'office.get', {}]]);
  });

  it('passes on nothing but the channel and the input', async () => {
    const fake = loadPreload();
    const api = fake.contextBridge.exposed.get('casedesk') as { invoke: (...args: unknown[]) => Promise<unknown> };
    await api.invoke('office.get', {}, 'extra', () => 'a function');
    expect(fake.ipcRenderer.calls).toEqual([[INVOKE_CHANNEL, 'office.get', {}]]);
  });

  it('answers an envelope, not an exception, when the call never reached the main process', async () => {
    const fake = loadPreload();
    fake.ipcRenderer.answer = () => Promise.reject(new Error('An object could not be cloned.'));
    const api = fake.contextBridge.exposed.get('casedesk') as CasedeskApi;
    expect(await api.invoke('drafts.save', { data: () => 1 })).toEqual(UNREACHABLE);
    expect(UNREACHABLE).toEqual({ ok: false, error: { code: 'INTERNAL', message: expect.stringMatching(/[\u4e00-\u9fff]/) } });
  });
});
