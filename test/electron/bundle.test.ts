// The built shell (scripts/buildElectron.ts → dist/electron/), which is what Electron actually loads: it builds,
// the preload is one self-contained file, and the main bundle starts the app against a fake `electron`.
import fs from 'node:fs';
import { builtinModules } from 'node:module';
import path from 'node:path';
import { buildElectron, requiredModules, type BuiltFile } from '../../scripts/buildElectron';
import { MENU_CHANNEL } from '../../electron/shellMenu';
import { INVOKE_CHANNEL, SAVE_OUTGOING_CHANNEL } from '../../electron/shellSecurity';
import { contract } from '../../shared/contract';
import { tempDir } from '../support/fixtures';
import { createFakeElectron } from './fakeElectron';
import { launchShell, loadWithFakeElectron } from './launchShell';

// Builds the Electron bundles with esbuild and starts the main bundle: a budget for a loaded 2-core machine.
jest.setTimeout(120_000);

const ROOT = path.resolve(__dirname, '../..');
const OUT = path.join(ROOT, 'dist', 'electron');
const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { main: string };

let built: BuiltFile[];
beforeAll(async () => {
  built = await buildElectron();
});

describe('the Electron build', () => {
  it('writes main.js and preload.js (with source maps) where package.json’s "main" points', () => {
    expect(built.map((file) => path.relative(ROOT, file.file))).toEqual([
      path.join('dist', 'electron', 'main.js'),
      path.join('dist', 'electron', 'preload.js'),
    ]);
    for (const { file, bytes } of built) {
      expect(bytes).toBeGreaterThan(0);
      expect(fs.statSync(file).size).toBe(bytes);
      expect(fs.existsSync(`${file}.map`)).toBe(true);
    }
    expect(path.resolve(ROOT, pkg.main)).toBe(path.join(OUT, 'main.js'));
  });

  it('leaves only electron and better-sqlite3 to be required at run time by main, and only electron by the preload', () => {
    // Node's own modules, with or without the node: prefix (bundled libraries such as exceljs require 'fs', 'zlib').
    const external = (file: string) =>
      [...new Set(requiredModules(fs.readFileSync(path.join(OUT, file), 'utf8')))]
        .filter((name) => !name.startsWith('node:') && !builtinModules.includes(name))
        .sort();
    expect(external('main.js')).toEqual(['better-sqlite3-multiple-ciphers', 'electron']);
    expect(external('preload.js')).toEqual(['electron']);
  });

  it('starts the app from the main bundle: the hardened window, the IPC handler and a real call to the data file', async () => {
    const launched = await launchShell({ entry: path.join(OUT, 'main.js') });
    try {
      const { fake, appRoot } = launched;
      expect(fake.app.lockRequests).toBe(1);
      expect(fake.app.sandboxEnabled).toBe(true);
      expect(fake.BrowserWindow.all).toHaveLength(1);
      const window = fake.BrowserWindow.all[0]!;
      expect(window.options.webPreferences).toEqual({
        preload: path.join(appRoot, 'dist', 'electron', 'preload.js'),
        contextIsolation: true,
        sandbox: true,
        nodeIntegration: false,
        nodeIntegrationInSubFrames: false,
        nodeIntegrationInWorker: false,
        webSecurity: true,
        allowRunningInsecureContent: false,
        webviewTag: false,
        navigateOnDragDrop: false,
        spellcheck: false,
        devTools: true, // not packaged
      });
      expect(window.visible).toBe(true);
      expect([...fake.ipcMain.handlers.keys()]).toEqual([INVOKE_CHANNEL, SAVE_OUTGOING_CHANNEL]);
      expect(await launched.call('office.get', {})).toEqual({ ok: true, value: null });
      expect(fake.session.defaultSession.request('https://example.com/')).toBe(false);
      expect(window.webContents.navigate('https://example.com/')).toBe(false);
      expect(window.webContents.open('https://example.com/')).toEqual({ action: 'deny' });
    } finally {
      await launched.quit();
    }
  });

  it('reaches every channel of the contract through the one IPC handler', async () => {
    const launched = await launchShell({ entry: path.join(OUT, 'main.js') });
    try {
      const channels = Object.keys(contract);
      expect(channels.length).toBeGreaterThan(10);
      for (const channel of channels) {
        // Input no channel accepts: every call is refused by the dispatcher, none as an unknown channel.
        const answer = (await launched.call(channel, 'not an input')) as { ok: boolean; error?: { code: string } };
        expect([channel, answer.ok, answer.error?.code === 'UNKNOWN_CHANNEL']).toEqual([channel, false, false]);
      }
      expect(await launched.call('no.such.channel', {})).toEqual({
        ok: false,
        error: expect.objectContaining({ code: 'UNKNOWN_CHANNEL' }),
      });
    } finally {
      await launched.quit();
    }
  });

  it('carries no remote module, and ties developer tools to not being packaged', () => {
    const main = fs.readFileSync(path.join(OUT, 'main.js'), 'utf8');
    expect(main).not.toMatch(/enableRemoteModule|@electron\/remote/);
    expect(main).toMatch(/devTools: !app\.isPackaged/);
  });

  it('exposes window.casedesk.invoke and onMenu from the preload bundle', async () => {
    const fake = createFakeElectron({ appPath: tempDir(), userData: tempDir() });
    loadWithFakeElectron(path.join(OUT, 'preload.js'), fake);
    const api = fake.contextBridge.exposed.get('casedesk') as {
      invoke(channel: string, input: unknown): Promise<unknown>;
      onMenu(callback: (command: string) => void): () => void;
    };
    expect(Object.keys(api)).toEqual(['invoke', 'onMenu', 'saveOutgoing']);
    expect(await api.invoke('app.info', {})).toEqual({ ok: true, value: null });
    expect(fake.ipcRenderer.calls).toEqual([[INVOKE_CHANNEL, 'app.info', {}]]);
    const commands: string[] = [];
    api.onMenu((command) => commands.push(command));
    fake.ipcRenderer.fromMain(MENU_CHANNEL, 'backup');
    expect(commands).toEqual(['backup']);
  });
});
