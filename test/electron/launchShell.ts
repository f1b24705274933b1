// Starts the main process (the TypeScript source or the built bundle) against a fake `electron`, as Electron
// would: a fresh module registry, the app root holding a built renderer, and CASEDESK_DB naming the data file.
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { MainShell } from '../../electron/main';
import { INVOKE_CHANNEL } from '../../electron/shellSecurity';
import { tempDir } from '../support/fixtures';
import { createFakeElectron, type FakeElectron, type FakeElectronOptions } from './fakeElectron';

export const MAIN_SOURCE = path.resolve(__dirname, '../../electron/main.ts');
export const PRELOAD_SOURCE = path.resolve(__dirname, '../../electron/preload.ts');

export interface LaunchOptions extends Partial<Pick<FakeElectronOptions, 'isPackaged' | 'gotLock'>> {
  /** The main process to load: electron/main.ts by default, or a built bundle. */
  entry?: string;
  dataFile?: string;
  /** Runs on the app root before the app starts (to place or remove files). */
  prepareAppRoot?: (appRoot: string) => void;
}

export interface Launched {
  fake: FakeElectron;
  shell: MainShell | null;
  appRoot: string;
  dataFile: string;
  rendererUrl: string;
  /** A call from our own window's main frame, on our page: what the preload sends. */
  call(channel: string, input: unknown): Promise<unknown>;
  /** Quits as the clerk would, and waits until the process would end. */
  quit(): Promise<void>;
}

/** Loads `entry` in a fresh module registry with `electron` mocked by `fake`, returning its exports. */
export function loadWithFakeElectron<T>(entry: string, fake: FakeElectron): T {
  let loaded: T | undefined;
  jest.isolateModules(() => {
    jest.doMock('electron', () => fake);
    loaded = require(entry) as T;
  });
  return loaded!;
}

export async function launchShell(options: LaunchOptions = {}): Promise<Launched> {
  const appRoot = tempDir();
  fs.mkdirSync(path.join(appRoot, 'dist', 'renderer'), { recursive: true });
  fs.writeFileSync(path.join(appRoot, 'dist', 'renderer', 'index.html'), '<!doctype html><title>司法所案件台账</title>');
  options.prepareAppRoot?.(appRoot);
  const dataFile = options.dataFile ?? path.join(tempDir(), 'casedesk.sqlite');
  const fake = createFakeElectron({
    appPath: appRoot,
    userData: path.join(tempDir(), 'userData'),
    isPackaged: options.isPackaged ?? false,
    gotLock: options.gotLock ?? true,
  });

  const before = process.env.CASEDESK_DB;
  process.env.CASEDESK_DB = dataFile;
  let shell: MainShell | null;
  try {
    const main = loadWithFakeElectron<{ started: Promise<MainShell | null> }>(options.entry ?? MAIN_SOURCE, fake);
    shell = await main.started;
  } finally {
    if (before === undefined) delete process.env.CASEDESK_DB;
    else process.env.CASEDESK_DB = before;
  }

  const rendererUrl = pathToFileURL(path.join(appRoot, 'dist', 'renderer', 'index.html')).href;
  return {
    fake,
    shell,
    appRoot,
    dataFile,
    rendererUrl,
    call(channel, input) {
      const window = fake.BrowserWindow.all[0];
      if (!window) throw new Error('no window was opened');
      return fake.ipcMain.invokeFrom(window.webContents, window.webContents.mainFrame, INVOKE_CHANNEL, channel, input);
    },
    async quit() {
      fake.app.quit();
      await fake.app.exited;
    },
  };
}
