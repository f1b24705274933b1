// The Electron main process: one locked-down window over the built renderer (sandboxed, context-isolated, no
// navigation, no network, no permissions), one IPC channel into the same dispatcher that the preview and the
// CLI use, and one that saves a file the main process wrote (the electronic dossier) where the clerk chooses. The rules it applies are pure functions in shellSecurity.ts, shellMenu.ts, windowState.ts and
// crashLog.ts; `startMain` takes the electron module as a value so that the tests can drive it with a fake.
import './heapGrowth'; // first: it sets how far the heap grows before the rest of the bundle starts
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import * as electron from 'electron';
import type { BrowserWindow, MessageBoxOptions, Session, WebContents } from 'electron';
import { AppError, type Envelope } from '../shared/errors';
import type { Backend } from './backend';
import type { PdfRenderer } from './services/dossier/electronic';
import { installCrashHandlers, mainLogFile, type CrashReporter, type ProcessEvents } from './crashLog';
import { SafeStorageKeyProvider } from './dataKeyFile';
import { openBackendOrAskForKey } from './dataKeyGate';
import { resolveDataFile } from './paths';
import { createBackup } from './services/backup';
import { MENU_CHANNEL, menuTemplate, type MenuActions, type MenuCommand } from './shellMenu';
import {
  INVOKE_CHANNEL,
  REFUSED_QUITTING,
  SAVE_OUTGOING_CHANNEL,
  REFUSED_SENDER,
  isAllowedRequest,
  isRendererPage,
  isTrustedSender,
  withContentSecurityPolicy,
} from './shellSecurity';
import { APP_VERSION } from './version';
import {
  MIN_SIZE,
  captureWindowState,
  placeWindow,
  readWindowState,
  windowStateFile,
  writeWindowState,
} from './windowState';

export type ShellElectron = Pick<
  typeof electron,
  'app' | 'BrowserWindow' | 'dialog' | 'ipcMain' | 'Menu' | 'screen' | 'session' | 'safeStorage'
>;

export const WINDOW_TITLE = '司法所案件台账';
const STARTUP_FAILED = 'CaseDesk 无法启动';
/** How long quitting waits for calls in flight (a save the clerk just clicked) before closing the file anyway. */
const QUIT_GRACE_MS = 10_000;
/** How long quitting waits for the clean-quit work (the day's backup) before closing the file anyway. */
const CLEAN_QUIT_GRACE_MS = 120_000;
/** A renderer that keeps crashing is not reloaded forever: this many reloads a minute, then the app quits. */
const MAX_RENDERER_RELOADS = 3;

export interface AppFiles {
  preload: string;
  rendererIndex: string;
  /** better-sqlite3 built for Electron's ABI by scripts/rebuildForElectron.ts. */
  nativeBinding: string;
}

/** The built files under the app root: the project folder, or resources/app.asar when packaged. */
export function appFiles(appRoot: string): AppFiles {
  return {
    preload: path.join(appRoot, 'dist', 'electron', 'preload.js'),
    rendererIndex: path.join(appRoot, 'dist', 'renderer', 'index.html'),
    // Native code cannot be loaded from inside an asar archive; electron-builder unpacks it next to the archive.
    nativeBinding: path.join(
      appRoot.replace(/app\.asar$/, 'app.asar.unpacked'),
      '.electron-native',
      'better_sqlite3.node',
    ),
  };
}

/** What the clerk reads when the data file cannot be opened: what is wrong and what to do, then the details. */
export function startupFailureMessage(error: unknown, dataFile: string, isPackaged = true): string {
  const detail = error instanceof Error ? error.message : String(error);
  const code = (error as { code?: unknown } | null)?.code;
  if (error instanceof AppError) {
    return `${error.message}。\n\n数据文件：${dataFile}\n如需打开其他数据文件，请用 --db 参数或环境变量 CASEDESK_DB 指定。`;
  }
  if (code === 'ERR_DLOPEN_FAILED') {
    const hint = isPackaged
      ? ''
      : '\n（开发环境：先运行 npx tsx scripts/rebuildForElectron.ts，为 Electron 编译数据库组件。）';
    return `CaseDesk 的数据库组件无法加载，请重新安装本程序。数据文件未被改动。${hint}\n\n技术信息：${detail}`;
  }
  if (code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT') {
    return `数据文件已损坏，或不是CaseDesk数据文件：${dataFile}\n请从备份恢复，或用 --db 参数指定其他数据文件。\n\n技术信息：${detail}`;
  }
  return `无法打开数据文件：${dataFile}\n请确认所在文件夹存在且可以写入。\n\n技术信息：${detail}`;
}

/** Resolves once every call in `calls` has settled, or after `ms`, whichever is first. */
function settle(calls: Iterable<Promise<unknown>>, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, ms);
  });
  return Promise.race([Promise.allSettled([...calls]).then(() => undefined), deadline]).finally(() =>
    clearTimeout(timer),
  );
}

/**
 * Every web contents (the window, and anything it might try to create): no navigation away, no popups, no
 * webviews, and when packaged no developer tools even if something opens them.
 */
function guardContents(contents: WebContents, rendererUrl: string, platform: string, isPackaged: boolean): void {
  contents.on('will-navigate', (event) => {
    if (!isRendererPage(event.url, rendererUrl, platform)) event.preventDefault();
  });
  contents.on('will-frame-navigate', (event) => {
    if (!isRendererPage(event.url, rendererUrl, platform)) event.preventDefault();
  });
  contents.on('will-redirect', (event) => {
    if (!isRendererPage(event.url, rendererUrl, platform)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  if (isPackaged) contents.on('devtools-opened', () => contents.closeDevTools());
}

/** The offline guarantee and the permission policy, for the one session the app uses. */
function lockDownSession(session: Session, appRootUrl: string, platform: string): void {
  session.webRequest.onBeforeRequest((details, callback) => {
    callback({ cancel: !isAllowedRequest(details.url, appRootUrl, platform) });
  });
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: withContentSecurityPolicy(details.responseHeaders) });
  });
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setSpellCheckerEnabled(false);
}

/**
 * The day's backup, taken on every clean quit after the last call has finished: into the data folder's
 * backups/, by the backup service (which names, checks and rotates the files).
 */
export function takeDailyBackup(backend: Backend): Promise<unknown> {
  return createBackup(backend.store, { folder: null, reason: 'daily', now: new Date() });
}

export interface ShellOptions {
  argv?: readonly string[];
  env?: NodeJS.ProcessEnv;
  /** Where uncaught errors are heard: the process (tests hand in an emitter of their own). */
  processEvents?: ProcessEvents;
  /**
   * Runs on a clean quit (the menu's 退出, closing the window), after the calls in flight have finished and
   * before the data file is closed: the day's backup. A failure is logged to main.log; quitting goes on.
   */
  onCleanQuit?: (backend: Backend) => Promise<unknown> | unknown;
}

export interface MainShell {
  dataFile: string;
  backend: Backend;
  window: BrowserWindow;
  logFile: string;
}

/** What the shell's parts share while it runs: the open data file, the window, and the calls in flight. */
interface ShellState {
  backend: Backend | null;
  window: BrowserWindow | null;
  dataFile: string;
  /** False once quitting has begun: no new call is taken. */
  accepting: boolean;
  inFlight: Set<Promise<unknown>>;
}

const liveWindow = (state: ShellState): BrowserWindow | null =>
  state.window && !state.window.isDestroyed() ? state.window : null;

function bringForward(win: BrowserWindow): void {
  if (win.isMinimized()) win.restore();
  win.show();
  win.focus();
}

/** The menu's commands: print, save as PDF, the pages the menu opens, quit, about. */
function menuCommands(
  { app, dialog }: Pick<ShellElectron, 'app' | 'dialog'>,
  state: ShellState,
  crash: CrashReporter,
  logFile: string,
): MenuActions {
  const showAbout = (): void => {
    const options: MessageBoxOptions = {
      type: 'info',
      title: '关于 CaseDesk',
      message: `CaseDesk ${WINDOW_TITLE}`,
      detail: `版本：${APP_VERSION}\n数据文件：${state.dataFile}\n日志文件：${logFile}`,
      buttons: ['确定'],
    };
    const owner = liveWindow(state);
    void (owner ? dialog.showMessageBox(owner, options) : dialog.showMessageBox(options));
  };
  const print = (): void => {
    const win = liveWindow(state);
    if (!win) return;
    // The system's print dialog: the clerk picks the printer and the copies.
    win.webContents.print({ silent: false, printBackground: true }, (success, reason) => {
      if (success || /cancel/i.test(reason)) return;
      crash.log('print', reason);
      dialog.showErrorBox('打印失败', `未能打印：${reason}\n请检查打印机是否已连接并开启。`);
    });
  };
  // The page as an A4 PDF (a print view: 卷宗封面, 卷内目录, the checklist, 补正材料通知书), saved where the clerk says.
  const savePdf = async (): Promise<void> => {
    const win = liveWindow(state);
    if (!win) return;
    const { canceled, filePath } = await dialog.showSaveDialog(win, {
      title: '另存为PDF',
      defaultPath: `${win.webContents.getTitle() || 'CaseDesk'}.pdf`,
      filters: [{ name: 'PDF 文件', extensions: ['pdf'] }],
    });
    if (canceled || !filePath) return;
    try {
      const pdf = await win.webContents.printToPDF({ pageSize: 'A4', printBackground: true, preferCSSPageSize: true });
      await fs.promises.writeFile(filePath, pdf);
    } catch (error) {
      crash.log('pdf', error instanceof Error ? error.message : String(error));
      dialog.showErrorBox('另存为PDF失败', `未能保存PDF文件：${filePath}\n请检查文件夹是否可写、U盘是否已插好。`);
    }
  };
  const sendToPage = (command: MenuCommand): void => {
    const win = liveWindow(state);
    if (!win) return;
    bringForward(win);
    win.webContents.send(MENU_CHANNEL, command);
  };
  return {
    print,
    savePdf: () => void savePdf(),
    backup: () => sendToPage('backup'),
    exportToBureau: () => sendToPage('export'),
    quit: () => app.quit(),
    about: showAbout,
  };
}

/**
 * Quitting waits for calls in flight, then takes the day's backup, then closes the data file (checkpointing the
 * WAL), then quits for real.
 */
function drainOnQuit(
  app: ShellElectron['app'],
  state: ShellState,
  crash: CrashReporter,
  onCleanQuit: ShellOptions['onCleanQuit'],
): void {
  app.on('will-quit', (event) => {
    if (!state.backend) return;
    event.preventDefault();
    if (!state.accepting) return; // already closing
    state.accepting = false;
    const closing = state.backend;
    void settle(state.inFlight, QUIT_GRACE_MS)
      .then(() => {
        if (!onCleanQuit) return undefined;
        const work = Promise.resolve()
          .then(() => onCleanQuit(closing))
          .catch((error: unknown) => crash.log('cleanQuit', error));
        return settle([work], CLEAN_QUIT_GRACE_MS);
      })
      .then(() => closing.close())
      .catch((error: unknown) => crash.log('close', error))
      .finally(() => {
        state.backend = null;
        app.quit();
      });
  });
}

/** The window, placed where the clerk left it (saved again when it closes), shown once painted. */
function createWindow(
  { app, BrowserWindow, screen }: Pick<ShellElectron, 'app' | 'BrowserWindow' | 'screen'>,
  { files, userData, crash }: { files: AppFiles; userData: string; crash: CrashReporter },
): BrowserWindow {
  const stateFile = windowStateFile(userData);
  const { maximized, ...placement } = placeWindow(readWindowState(stateFile), screen.getAllDisplays());
  const win = new BrowserWindow({
    title: WINDOW_TITLE,
    ...placement,
    minWidth: MIN_SIZE.width,
    minHeight: MIN_SIZE.height,
    show: false, // shown once painted: never a blank window
    backgroundColor: '#ffffff',
    webPreferences: {
      preload: files.preload,
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
      devTools: !app.isPackaged,
    },
  });
  win.on('close', () => {
    const state = captureWindowState(win.getNormalBounds(), win.isMaximized());
    if (!state) return;
    try {
      writeWindowState(stateFile, state);
    } catch (error) {
      crash.log('windowState', error);
    }
  });
  win.once('ready-to-show', () => {
    if (maximized) win.maximize();
    win.show();
  });
  return win;
}

/** A renderer that crashed leaves a blank window: say so and reload it, a few times a minute at most, then quit. */
function reloadOnCrash(
  win: BrowserWindow,
  { app, dialog }: Pick<ShellElectron, 'app' | 'dialog'>,
  crash: CrashReporter,
  logFile: string,
): void {
  const reloads: number[] = [];
  win.webContents.on('render-process-gone', (_event, details) => {
    if (details.reason === 'clean-exit' || win.isDestroyed()) return;
    crash.log('render-process-gone', `${details.reason} (exit code ${details.exitCode})`);
    const now = Date.now();
    reloads.push(now);
    while (reloads.length > 0 && now - reloads[0]! > 60_000) reloads.shift();
    if (reloads.length > MAX_RENDERER_RELOADS) {
      dialog.showErrorBox(
        'CaseDesk 出现错误',
        `程序界面反复意外关闭，CaseDesk 将退出。已经保存的数据不受影响。\n错误详情已记录在：${logFile}\n请重新启动本程序；如果问题仍然出现，请把该文件交给技术支持人员。`,
      );
      app.quit();
      return;
    }
    dialog.showErrorBox(
      'CaseDesk 出现错误',
      `程序界面意外关闭（${details.reason}），现在重新打开。已经保存的数据不受影响；正在填写但尚未保存的内容可能需要重新填写。\n错误详情已记录在：${logFile}`,
    );
    win.webContents.reload();
  });
}

/**
 * Saves a file the main process wrote for the clerk (the electronic dossier: shared/outgoingFile.ts) where the
 * clerk says in the save dialog; cancelled, it is dropped (another click makes it again). The bytes go from file
 * to file, never through the renderer.
 */
async function saveOutgoing(
  dialog: ShellElectron['dialog'],
  { win, backend, crash }: { win: BrowserWindow; backend: Backend; crash: CrashReporter },
  id: unknown,
): Promise<Envelope<{ saved: boolean }>> {
  const file = backend.outgoing.find(id);
  if (!file) return { ok: false, error: { code: 'NOT_FOUND', message: '要保存的文件已不存在，请重新生成' } };
  const extension = path.extname(file.fileName).slice(1);
  const { canceled, filePath } = await dialog.showSaveDialog(win, {
    title: '保存文件',
    defaultPath: file.fileName,
    filters: extension === 'pdf' ? [{ name: 'PDF 文件', extensions: ['pdf'] }] : [],
  });
  if (canceled || !filePath) {
    backend.outgoing.remove(file.id);
    return { ok: true, value: { saved: false } };
  }
  try {
    await backend.outgoing.saveAs(file.id, filePath);
    return { ok: true, value: { saved: true } };
  } catch (error) {
    crash.log('saveOutgoing', error instanceof Error ? error.message : String(error));
    return {
      ok: false,
      error: {
        code: 'INTERNAL',
        message: `未能保存文件：${filePath}，请检查文件夹是否可写、U盘是否已插好，再保存一次`,
      },
    };
  }
}

/**
 * The IPC channels: calls from the window's own page only, none once quitting, each counted while in flight; and
 * saving a file the main process wrote.
 */
function serveCalls(
  { ipcMain, dialog }: Pick<ShellElectron, 'ipcMain' | 'dialog'>,
  {
    win,
    backend,
    state,
    rendererUrl,
    platform,
    crash,
  }: {
    win: BrowserWindow;
    backend: Backend;
    state: ShellState;
    rendererUrl: string;
    platform: string;
    crash: CrashReporter;
  },
): void {
  ipcMain.handle(INVOKE_CHANNEL, (event, channel: unknown, input: unknown) => {
    if (!isTrustedSender(event, win.webContents.id, rendererUrl, platform)) return REFUSED_SENDER;
    if (!state.accepting) return REFUSED_QUITTING;
    // Each window is its own session (sign-in, idle lock), named by its web contents.
    const call = backend.dispatch(channel, input, `window:${event.sender.id}`);
    state.inFlight.add(call);
    const done = () => state.inFlight.delete(call);
    call.then(done, done);
    return call;
  });
  ipcMain.handle(SAVE_OUTGOING_CHANNEL, (event, id: unknown) => {
    if (!isTrustedSender(event, win.webContents.id, rendererUrl, platform)) return REFUSED_SENDER;
    if (!state.accepting) return REFUSED_QUITTING;
    const saving = saveOutgoing(dialog, { win, backend, crash }, id);
    state.inFlight.add(saving);
    const done = () => state.inFlight.delete(saving);
    saving.then(done, done);
    return saving;
  });
}

/**
 * HTML to PDF for the electronic dossier (electron/services/dossier/electronic.ts): a hidden window without scripts,
 * in an in-memory session of its own that refuses every request but the page itself, printed with printToPDF.
 * The session is made at the first dossier, not at startup.
 */
function electronPdfRenderer({
  BrowserWindow,
  session,
}: Pick<ShellElectron, 'BrowserWindow' | 'session'>): PdfRenderer {
  let printSession: Session | null = null;
  const sessionForPrinting = (): Session => {
    if (printSession) return printSession;
    const made = session.fromPartition('casedesk-print');
    made.webRequest.onBeforeRequest((details, callback) => callback({ cancel: !details.url.startsWith('data:') }));
    made.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
    made.setPermissionCheckHandler(() => false);
    return (printSession = made);
  };
  return {
    async render(html) {
      const win = new BrowserWindow({
        show: false,
        webPreferences: { session: sessionForPrinting(), javascript: false, sandbox: true, contextIsolation: true },
      });
      try {
        await win.loadURL(`data:text/html;charset=utf-8;base64,${Buffer.from(html).toString('base64')}`);
        return await win.webContents.printToPDF({ pageSize: 'A4', printBackground: true, preferCSSPageSize: true });
      } finally {
        win.destroy();
      }
    },
  };
}

/**
 * The data file opened, or the Chinese message that says why it cannot be: the renderer or the database component
 * missing from the install, or the file itself refused.
 */
function openData(
  files: AppFiles,
  dataFile: string,
  isPackaged: boolean,
  safeStorage: ShellElectron['safeStorage'],
  pdfRenderer: PdfRenderer,
): { backend: Backend } | { failure: string; error?: unknown } {
  if (!fs.existsSync(files.rendererIndex)) {
    return { failure: `程序界面文件缺失，请重新安装 CaseDesk。\n\n技术信息：找不到 ${files.rendererIndex}` };
  }
  const hasBinding = fs.existsSync(files.nativeBinding);
  if (isPackaged && !hasBinding) {
    // Packed without its Electron build of better-sqlite3: say so, rather than fail looking elsewhere.
    return {
      failure: `CaseDesk 的数据库组件缺失，请重新安装本程序。数据文件未被改动。\n\n技术信息：找不到 ${files.nativeBinding}`,
    };
  }
  try {
    // In development without .electron-native, better-sqlite3's own (Node) build is tried, and refused by
    // Electron with ERR_DLOPEN_FAILED: startupFailureMessage says how to build the right one.
    const nativeBinding = hasBinding ? files.nativeBinding : undefined;
    // The data key, wrapped by the system's store beside the data file; without it the window asks for the
    // recovery key (electron/dataKeyGate.ts).
    const keys = new SafeStorageKeyProvider(safeStorage);
    return {
      backend: openBackendOrAskForKey({
        dataFile,
        shell: 'electron',
        keys,
        pdfRenderer,
        ...(nativeBinding ? { nativeBinding } : {}),
      }),
    };
  } catch (error) {
    return { failure: startupFailureMessage(error, dataFile, isPackaged), error };
  }
}

/**
 * Wires the app: single instance, the crash log, the guards, then at ready the data file, the window and the IPC
 * handler. Resolves to the running shell, or to null when this process is quitting (second instance, or a
 * failure the clerk has been told about in a dialog).
 */
export function startMain(
  electronModule: ShellElectron,
  { argv = process.argv, env = process.env, processEvents = process, onCleanQuit }: ShellOptions = {},
): Promise<MainShell | null> {
  const { app, dialog, Menu, session } = electronModule;
  if (!app.requestSingleInstanceLock()) {
    app.quit(); // the first instance brings its window forward (see 'second-instance')
    return Promise.resolve(null);
  }
  app.enableSandbox();

  const platform = process.platform;
  const appRoot = app.getAppPath();
  const userData = app.getPath('userData');
  const files = appFiles(appRoot);
  const rendererUrl = pathToFileURL(files.rendererIndex).href;
  const appRootUrl = pathToFileURL(appRoot).href;
  const logFile = mainLogFile(userData);
  const crash: CrashReporter = installCrashHandlers(processEvents, {
    logFile,
    showError: (title, content) => dialog.showErrorBox(title, content),
    ...(app.isPackaged ? {} : { echo: (entry: string) => console.error(entry.trimEnd()) }),
  });
  const state: ShellState = { backend: null, window: null, dataFile: '', accepting: true, inFlight: new Set() };

  const fail = (message: string, error?: unknown): null => {
    crash.log('startup', error ?? message);
    dialog.showErrorBox(STARTUP_FAILED, message);
    app.quit();
    return null;
  };

  app.on('web-contents-created', (_event, contents) => guardContents(contents, rendererUrl, platform, app.isPackaged));
  app.on('second-instance', () => {
    const win = liveWindow(state);
    if (win) bringForward(win);
  });
  app.on('window-all-closed', () => app.quit());
  drainOnQuit(app, state, crash, onCleanQuit);
  // The process ends here: stop listening for its errors.
  app.on('quit', () => crash.uninstall());

  return app.whenReady().then(async () => {
    try {
      state.dataFile = resolveDataFile(argv, env, userData);
      lockDownSession(session.defaultSession, appRootUrl, platform);
      Menu.setApplicationMenu(
        Menu.buildFromTemplate(menuTemplate(menuCommands(electronModule, state, crash, logFile), app.isPackaged)),
      );

      const opened = openData(
        files,
        state.dataFile,
        app.isPackaged,
        electronModule.safeStorage,
        electronPdfRenderer(electronModule),
      );
      if ('failure' in opened) return fail(opened.failure, opened.error);
      const backend = opened.backend;
      state.backend = backend;

      const win = createWindow(electronModule, { files, userData, crash });
      state.window = win;
      reloadOnCrash(win, electronModule, crash, logFile);
      serveCalls(electronModule, { win, backend, state, rendererUrl, platform, crash });
      try {
        await win.loadFile(files.rendererIndex);
      } catch (error) {
        return fail(
          `程序界面无法加载，请重新安装 CaseDesk。\n\n技术信息：${error instanceof Error ? error.message : String(error)}`,
          error,
        );
      }
      return { dataFile: state.dataFile, backend, window: win, logFile };
    } catch (error) {
      return fail(
        `程序启动失败，数据未改动。\n\n技术信息：${error instanceof Error ? error.message : String(error)}`,
        error,
      );
    }
  });
}

/** The running app: Electron loads this bundle as its main script; tests load it with a fake `electron`. */
export const started: Promise<MainShell | null> = startMain(electron, { onCleanQuit: takeDailyBackup });
