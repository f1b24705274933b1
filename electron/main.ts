// The Electron main process: one locked-down window over the built renderer (sandboxed, context-isolated, no
// navigation, no network, no permissions) and one IPC channel into the same dispatcher that the preview and the
// CLI use. The rules it applies are pure functions in shellSecurity.ts; `startMain` takes the electron module as
// a value so that the tests can drive it with a fake.
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import * as electron from 'electron';
import type { App, BrowserWindow, Dialog, MenuItemConstructorOptions, Session, WebContents } from 'electron';
import { AppError } from '../shared/errors';
import { openBackend, type Backend } from './backend';
import { resolveDataFile } from './paths';
import {
  INVOKE_CHANNEL,
  REFUSED_QUITTING,
  REFUSED_SENDER,
  isAllowedRequest,
  isRendererPage,
  isTrustedSender,
  withContentSecurityPolicy,
} from './shellSecurity';
import { APP_VERSION } from './version';

export type ShellElectron = Pick<typeof electron, 'app' | 'BrowserWindow' | 'dialog' | 'ipcMain' | 'Menu' | 'session'>;

export const WINDOW_TITLE = '司法所案件台账';
const STARTUP_FAILED = 'CaseDesk 无法启动';
/** How long quitting waits for calls in flight (a save the clerk just clicked) before closing the file anyway. */
const QUIT_GRACE_MS = 10_000;

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
    nativeBinding: path.join(appRoot.replace(/app\.asar$/, 'app.asar.unpacked'), '.electron-native', 'better_sqlite3.node'),
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
    const hint = isPackaged ? '' : '\n（开发环境：先运行 npx tsx scripts/rebuildForElectron.ts，为 Electron 编译数据库组件。）';
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
  return Promise.race([Promise.allSettled([...calls]).then(() => undefined), deadline]).finally(() => clearTimeout(timer));
}

/** Every web contents (the window, and anything it might try to create): no navigation away, no popups, no webviews. */
function guardContents(contents: WebContents, rendererUrl: string, platform: string): void {
  contents.on('will-navigate', (event) => {
    if (!isRendererPage(event.url, rendererUrl, platform)) event.preventDefault();
  });
  contents.on('will-redirect', (event) => {
    if (!isRendererPage(event.url, rendererUrl, platform)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
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

function menuTemplate(app: App, dialog: Dialog, dataFile: string, window: () => BrowserWindow | null): MenuItemConstructorOptions[] {
  const showAbout = () => {
    const options = {
      type: 'info' as const,
      title: '关于 CaseDesk',
      message: `CaseDesk ${WINDOW_TITLE}`,
      detail: `版本：${APP_VERSION}\n数据文件：${dataFile}`,
      buttons: ['确定'],
    };
    const owner = window();
    void (owner ? dialog.showMessageBox(owner, options) : dialog.showMessageBox(options));
  };
  return [
    { label: '文件', submenu: [{ label: '退出', accelerator: 'CmdOrCtrl+Q', click: () => app.quit() }] },
    ...(app.isPackaged
      ? []
      : [{ label: '开发', submenu: [{ label: '重新加载', role: 'reload' }, { label: '开发者工具', role: 'toggleDevTools' }] } satisfies MenuItemConstructorOptions]),
    { label: '帮助', submenu: [{ label: '关于 CaseDesk', click: showAbout }] },
  ];
}

export interface MainShell {
  dataFile: string;
  backend: Backend;
  window: BrowserWindow;
}

/**
 * Wires the app: single instance, the guards, then at ready the data file, the window and the IPC handler.
 * Resolves to the running shell, or to null when this process is quitting (second instance, or a failure the
 * clerk has been told about in a dialog).
 */
export function startMain(
  { app, BrowserWindow, dialog, ipcMain, Menu, session }: ShellElectron,
  argv: readonly string[] = process.argv,
  env: NodeJS.ProcessEnv = process.env,
): Promise<MainShell | null> {
  if (!app.requestSingleInstanceLock()) {
    app.quit(); // the first instance brings its window forward (see 'second-instance')
    return Promise.resolve(null);
  }
  app.enableSandbox();

  const platform = process.platform;
  const appRoot = app.getAppPath();
  const files = appFiles(appRoot);
  const rendererUrl = pathToFileURL(files.rendererIndex).href;
  const appRootUrl = pathToFileURL(appRoot).href;

  let backend: Backend | null = null;
  let window: BrowserWindow | null = null;
  let accepting = true;
  const inFlight = new Set<Promise<unknown>>();

  const fail = (message: string): null => {
    dialog.showErrorBox(STARTUP_FAILED, message);
    app.quit();
    return null;
  };

  app.on('web-contents-created', (_event, contents) => guardContents(contents, rendererUrl, platform));
  app.on('second-instance', () => {
    if (!window || window.isDestroyed()) return;
    if (window.isMinimized()) window.restore();
    window.show();
    window.focus();
  });
  app.on('window-all-closed', () => app.quit());
  // Quitting waits for calls in flight, then closes the data file (checkpointing the WAL), then quits for real.
  app.on('will-quit', (event) => {
    if (!backend) return;
    event.preventDefault();
    if (!accepting) return; // already closing
    accepting = false;
    const closing = backend;
    void settle(inFlight, QUIT_GRACE_MS)
      .then(() => closing.close())
      .catch((error: unknown) => console.error(error))
      .finally(() => {
        backend = null;
        app.quit();
      });
  });

  return app.whenReady().then(async () => {
    try {
      const dataFile = resolveDataFile(argv, env, app.getPath('userData'));
      lockDownSession(session.defaultSession, appRootUrl, platform);
      Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate(app, dialog, dataFile, () => window)));

      if (!fs.existsSync(files.rendererIndex)) {
        return fail(`程序界面文件缺失，请重新安装 CaseDesk。\n\n技术信息：找不到 ${files.rendererIndex}`);
      }
      let opened: Backend;
      try {
        const nativeBinding = fs.existsSync(files.nativeBinding) ? files.nativeBinding : undefined;
        opened = openBackend({ dataFile, shell: 'electron', ...(nativeBinding ? { nativeBinding } : {}) });
      } catch (error) {
        return fail(startupFailureMessage(error, dataFile, app.isPackaged));
      }
      backend = opened;

      const win = new BrowserWindow({
        title: WINDOW_TITLE,
        width: 1280,
        height: 820,
        minWidth: 1024,
        minHeight: 640,
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
      window = win;

      ipcMain.handle(INVOKE_CHANNEL, (event, channel: unknown, input: unknown) => {
        if (!isTrustedSender(event, win.webContents.id, rendererUrl, platform)) return REFUSED_SENDER;
        if (!accepting) return REFUSED_QUITTING;
        const call = opened.dispatch(channel, input);
        inFlight.add(call);
        const done = () => inFlight.delete(call);
        call.then(done, done);
        return call;
      });

      win.once('ready-to-show', () => win.show());
      try {
        await win.loadFile(files.rendererIndex);
      } catch (error) {
        return fail(`程序界面无法加载，请重新安装 CaseDesk。\n\n技术信息：${error instanceof Error ? error.message : String(error)}`);
      }
      return { dataFile, backend: opened, window: win };
    } catch (error) {
      console.error(error);
      return fail(`程序启动失败，数据未改动。\n\n技术信息：${error instanceof Error ? error.message : String(error)}`);
    }
  });
}

/** The running app: Electron loads this bundle as its main script; tests load it with a fake `electron`. */
export const started: Promise<MainShell | null> = startMain(electron);
