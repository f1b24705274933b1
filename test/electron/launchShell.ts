// Starts the main process (the TypeScript source or the built bundle) against a fake `electron`, as Electron
// would: a fresh module registry, the app root holding a built renderer, and CASEDESK_DB naming the data file.
import { EventEmitter } from 'node:events';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { MainShell, ShellOptions, startMain } from '../../electron/main';
import { INVOKE_CHANNEL } from '../../electron/shellSecurity';
import { tempDir } from '../support/fixtures';
import { createFakeElectron, type FakeElectron, type FakeElectronOptions } from './fakeElectron';

const MAIN_SOURCE = path.resolve(__dirname, '../../electron/main.ts');
export const PRELOAD_SOURCE = path.resolve(__dirname, '../../electron/preload.ts');
const NODE_BINDING = path.resolve(
  __dirname,
  '../../node_modules/better-sqlite3-multiple-ciphers/build/Release/better_sqlite3.node',
);

export interface LaunchOptions extends Partial<Pick<FakeElectronOptions, 'isPackaged' | 'gotLock' | 'displays'>> {
  /** The main process to load: electron/main.ts by default, or a built bundle. */
  entry?: string;
  dataFile?: string;
  /** The user-data folder (window state, logs): a fresh one by default. */
  userData?: string;
  /**
   * Place better-sqlite3's build in the app root's .electron-native/, where a packaged app has its Electron
   * build (the tests run on Node, so Node's build stands in). By default when packaged.
   */
  nativeBinding?: boolean;
  /** Runs on the app root before the app starts (to place or remove files). */
  prepareAppRoot?: (appRoot: string) => void;
  /**
   * 'on-load' (the default): the app starts as Electron starts it, by loading the module, with the real process
   * events and the real clean-quit work. 'explicit': the module's startMain is called with a process-events
   * emitter the test controls (`processEvents`) and the test's `onCleanQuit`.
   */
  start?: 'on-load' | 'explicit';
  onCleanQuit?: ShellOptions['onCleanQuit'];
  /** Modules of the app replaced for this run (the backup service, say), by absolute path. */
  standIns?: ModuleStandIns;
}

export interface Launched {
  fake: FakeElectron;
  shell: MainShell | null;
  appRoot: string;
  userData: string;
  dataFile: string;
  rendererUrl: string;
  /** With start: 'explicit', the process events the app listens to: emit 'uncaughtException' on it. */
  processEvents: EventEmitter;
  /** A call from our own window's main frame, on our page: what the preload sends. */
  call(channel: string, input: unknown): Promise<unknown>;
  /** Quits as the clerk would, and waits until the process would end. */
  quit(): Promise<void>;
}

/** Modules to stand in for others while the app loads, by absolute path: the factory's value is the module. */
export type ModuleStandIns = Record<string, () => unknown>;

/** Loads `entry` in a fresh module registry with `electron` mocked by `fake`, returning its exports. */
export function loadWithFakeElectron<T>(entry: string, fake: FakeElectron, standIns: ModuleStandIns = {}): T {
  let loaded: T | undefined;
  jest.isolateModules(() => {
    jest.doMock('electron', () => fake);
    for (const [file, factory] of Object.entries(standIns)) jest.doMock(file, factory);
    loaded = require(entry) as T;
  });
  return loaded!;
}

export async function launchShell(options: LaunchOptions = {}): Promise<Launched> {
  const appRoot = tempDir();
  fs.mkdirSync(path.join(appRoot, 'dist', 'renderer'), { recursive: true });
  fs.writeFileSync(
    path.join(appRoot, 'dist', 'renderer', 'index.html'),
    '<!doctype html><title>司法所案件台账</title>',
  );
  if (options.nativeBinding ?? options.isPackaged ?? false) {
    fs.mkdirSync(path.join(appRoot, '.electron-native'));
    fs.copyFileSync(NODE_BINDING, path.join(appRoot, '.electron-native', 'better_sqlite3.node'));
  }
  options.prepareAppRoot?.(appRoot);
  const dataFile = options.dataFile ?? path.join(tempDir(), 'casedesk.sqlite');
  const userData = options.userData ?? path.join(tempDir(), 'userData');
  const fake = createFakeElectron({
    appPath: appRoot,
    userData,
    isPackaged: options.isPackaged ?? false,
    gotLock: options.gotLock ?? true,
    ...(options.displays ? { displays: options.displays } : {}),
  });
  const entry = options.entry ?? MAIN_SOURCE;
  const processEvents = new EventEmitter();

  let shell: MainShell | null;
  if (options.start === 'explicit') {
    // Loading the module starts an app too: give it a fake that is a second instance, so it quits at once.
    const bystander = createFakeElectron({ appPath: appRoot, userData: tempDir(), gotLock: false });
    const main = loadWithFakeElectron<{ startMain: typeof startMain }>(entry, bystander, options.standIns);
    shell = await main.startMain(fake as unknown as Parameters<typeof startMain>[0], {
      argv: ['casedesk'],
      env: { CASEDESK_DB: dataFile },
      processEvents,
      ...(options.onCleanQuit ? { onCleanQuit: options.onCleanQuit } : {}),
    });
  } else {
    const before = process.env.CASEDESK_DB;
    process.env.CASEDESK_DB = dataFile;
    try {
      const main = loadWithFakeElectron<{ started: Promise<MainShell | null> }>(entry, fake, options.standIns);
      shell = await main.started;
    } finally {
      if (before === undefined) delete process.env.CASEDESK_DB;
      else process.env.CASEDESK_DB = before;
    }
  }

  const rendererUrl = pathToFileURL(path.join(appRoot, 'dist', 'renderer', 'index.html')).href;
  return {
    fake,
    shell,
    appRoot,
    userData,
    dataFile,
    rendererUrl,
    processEvents,
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
