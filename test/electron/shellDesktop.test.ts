// The shell as a desktop app, through a fake `electron`: the Chinese menu (print, backup, export, about), the
// window where the clerk left it, errors logged and told rather than a blank window, and a clean quit that
// finishes the writes and takes the day's backup.
import fs from 'node:fs';
import path from 'node:path';
import { SafeStorageKeyProvider } from '../../electron/dataKeyFile';
import { openTestFile } from '../support/testKey';
import type { Backend } from '../../electron/backend';
import { CRASH_TITLE, mainLogFile } from '../../electron/crashLog';
import { MENU_CHANNEL } from '../../electron/shellMenu';
import { APP_VERSION } from '../../electron/version';
import { WINDOW_STATE_FILE } from '../../electron/windowState';
import { FIRST_ADMIN, OFFICE, tempDir } from '../support/fixtures';
import { launchShell, type LaunchOptions, type Launched } from './launchShell';

const BACKUP_SERVICE = path.resolve(__dirname, '../../electron/services/backup');

let running: Launched[] = [];
async function launch(options: LaunchOptions = {}): Promise<Launched> {
  const launched = await launchShell(options);
  running.push(launched);
  return launched;
}
afterEach(async () => {
  for (const launched of running) if (!launched.fake.app.hasExited) await launched.quit();
  running = [];
});

type Item = {
  label?: string;
  type?: string;
  role?: string;
  accelerator?: string;
  enabled?: boolean;
  click?: () => void;
  submenu?: Item[];
};
function menuItem(launched: Launched, top: string, label: string): Item {
  const menu = launched.fake.Menu.applicationMenu!.template as Item[];
  const item = menu.find((entry) => entry.label === top)?.submenu?.find((entry) => entry.label === label);
  if (!item) throw new Error(`no menu item ${top} → ${label}`);
  return item;
}

const readLog = (launched: Launched): string => fs.readFileSync(mainLogFile(launched.userData), 'utf8');

/**
 * Waits for what the shell does after a click without awaiting it, checking the state every few milliseconds;
 * gives up after 20 s (far beyond any busy machine) so a shell that never does it fails instead of hanging.
 */
async function until(done: () => boolean): Promise<void> {
  const deadline = Date.now() + 20_000;
  while (!done() && Date.now() < deadline) await betweenLooks();
  expect(done()).toBe(true);
}

/** The pause between two looks at the state `until` waits for (not a wait of its own). */
const betweenLooks = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 5));

describe('the menu', () => {
  it('is in Chinese: 文件 (打印…, 备份…, 导出到县司法局…, 退出) and 帮助 (关于 CaseDesk)', async () => {
    const launched = await launch({ isPackaged: true });
    const menu = launched.fake.Menu.applicationMenu!.template as Item[];
    const outline = menu.map((top) => [top.label, (top.submenu ?? []).map((item) => item.label ?? item.type)]);
    expect(outline).toEqual([
      ['文件', ['打印…', '另存为PDF…', 'separator', '备份…', '导出到县司法局…', 'separator', '退出']],
      ['帮助', ['关于 CaseDesk']],
    ]);
    expect(menuItem(launched, '文件', '打印…').accelerator).toBe('CmdOrCtrl+P');
    expect(menuItem(launched, '文件', '退出').accelerator).toBe('CmdOrCtrl+Q');
  });

  it('adds 开发 (reload, developer tools) only when not packaged', async () => {
    const launched = await launch({ isPackaged: false });
    const menu = launched.fake.Menu.applicationMenu!.template as Item[];
    expect(menu.map((item) => item.label)).toEqual(['文件', '开发', '帮助']);
    expect(menu[1]!.submenu!.map((item) => item.role)).toEqual(['reload', 'toggleDevTools']);
  });

  it('打印… opens the system print dialog for the page, and says so in Chinese when printing fails', async () => {
    const launched = await launch();
    const contents = launched.fake.BrowserWindow.all[0]!.webContents;
    menuItem(launched, '文件', '打印…').click!();
    expect(contents.printJobs).toHaveLength(1);
    expect(contents.printJobs[0]!.options).toMatchObject({ silent: false, printBackground: true });

    contents.printJobs[0]!.done(false, 'Print job canceled'); // the clerk pressed 取消: nothing to say
    expect(launched.fake.dialog.errorBoxes).toEqual([]);
    menuItem(launched, '文件', '打印…').click!();
    contents.printJobs[1]!.done(false, 'Print job failed');
    expect(launched.fake.dialog.errorBoxes).toEqual([
      { title: '打印失败', content: expect.stringContaining('打印机') },
    ]);
    expect(readLog(launched)).toMatch(/print: Print job failed/);
  });

  it('另存为PDF… saves the page as an A4 PDF where the clerk says, and says so in Chinese when it cannot', async () => {
    const launched = await launch();
    const contents = launched.fake.BrowserWindow.all[0]!.webContents;
    const { dialog } = launched.fake;
    expect(menuItem(launched, '文件', '另存为PDF…').accelerator).toBe('CmdOrCtrl+Shift+S');

    menuItem(launched, '文件', '另存为PDF…').click!(); // 取消 in the save dialog: nothing is made
    await new Promise((resolve) => setImmediate(resolve));
    expect(dialog.saveDialogs[0]).toMatchObject({
      title: '另存为PDF',
      defaultPath: '〔2026〕黎托援字第0001号 卷内目录.pdf',
    });
    expect(contents.pdfJobs).toEqual([]);

    const file = path.join(tempDir(), '卷内目录.pdf');
    dialog.saveAnswer = file;
    menuItem(launched, '文件', '另存为PDF…').click!();
    await until(() => fs.existsSync(file) && fs.statSync(file).size > 0); // created, then written
    expect(contents.pdfJobs).toEqual([
      expect.objectContaining({ pageSize: 'A4', printBackground: true, preferCSSPageSize: true }),
    ]);
    expect(fs.readFileSync(file, 'latin1')).toBe('%PDF-1.7 fake');

    contents.pdfFailure = new Error('Failed to generate PDF');
    menuItem(launched, '文件', '另存为PDF…').click!();
    await until(() => dialog.errorBoxes.length > 0);
    expect(dialog.errorBoxes).toEqual([{ title: '另存为PDF失败', content: expect.stringContaining(file) }]);
    expect(readLog(launched)).toMatch(/pdf: Failed to generate PDF/);
  });

  it('备份… brings the window forward and tells the page to open its backup page', async () => {
    const launched = await launch();
    const window = launched.fake.BrowserWindow.all[0]!;
    window.minimized = true;
    menuItem(launched, '文件', '备份…').click!();
    expect(window.webContents.sent).toEqual([[MENU_CHANNEL, 'backup']]);
    expect(window.minimized).toBe(false);
    expect(window.focused).toBe(true);
  });

  it('导出到县司法局… tells the page to open the exchange page', async () => {
    const launched = await launch();
    const window = launched.fake.BrowserWindow.all[0]!;
    menuItem(launched, '文件', '导出到县司法局…').click!();
    expect(window.webContents.sent).toEqual([[MENU_CHANNEL, 'export']]);
    expect(window.focused).toBe(true);
  });

  it('关于 CaseDesk shows the version, the data file and the log file', async () => {
    const launched = await launch();
    menuItem(launched, '帮助', '关于 CaseDesk').click!();
    expect(launched.fake.dialog.messageBoxes).toEqual([
      expect.objectContaining({
        title: '关于 CaseDesk',
        detail: `版本：${APP_VERSION}\n数据文件：${launched.dataFile}\n日志文件：${mainLogFile(launched.userData)}`,
      }),
    ]);
  });

  it('退出 quits the app', async () => {
    const launched = await launch();
    menuItem(launched, '文件', '退出').click!();
    await launched.fake.app.exited;
    expect(launched.fake.app.hasExited).toBe(true);
  });
});

describe('the window remembers where it was', () => {
  it('opens at the default size, centred, the first time', async () => {
    const { fake } = await launch();
    const { options } = fake.BrowserWindow.all[0]!;
    expect(options).toMatchObject({ width: 1280, height: 820, minWidth: 1024, minHeight: 640 });
    expect(options).not.toHaveProperty('x');
    expect(options).not.toHaveProperty('y');
  });

  it('reopens where the clerk left it, and maximised if it was', async () => {
    const userData = path.join(tempDir(), 'userData');
    const first = await launch({ userData });
    const window = first.fake.BrowserWindow.all[0]!;
    window.normalBounds = { x: 200, y: 100, width: 1400, height: 900 };
    window.maximized = true;
    window.close(); // the window's close button: saves, and quits the app (its only window)
    await first.fake.app.exited;
    expect(JSON.parse(fs.readFileSync(path.join(userData, WINDOW_STATE_FILE), 'utf8'))).toEqual({
      x: 200,
      y: 100,
      width: 1400,
      height: 900,
      maximized: true,
    });

    const second = await launch({ userData });
    const reopened = second.fake.BrowserWindow.all[0]!;
    expect(reopened.options).toMatchObject({ x: 200, y: 100, width: 1400, height: 900 });
    expect(reopened.maximized).toBe(true);
    expect(reopened.visible).toBe(true);
  });

  it('comes back onto the screen when the monitor it was on is gone', async () => {
    const userData = path.join(tempDir(), 'userData');
    fs.mkdirSync(userData, { recursive: true });
    // Last used on a second monitor to the right; today only the laptop's 1366×768 screen is there.
    fs.writeFileSync(
      path.join(userData, WINDOW_STATE_FILE),
      JSON.stringify({ x: 2100, y: 50, width: 1600, height: 1000, maximized: false }),
    );
    const { fake } = await launch({ userData, displays: [{ x: 0, y: 0, width: 1366, height: 728 }] });
    const { options } = fake.BrowserWindow.all[0]!;
    expect(options).toMatchObject({ width: 1366, height: 728 });
    expect(options).not.toHaveProperty('x');
  });

  it('ignores a state file it cannot read', async () => {
    const userData = path.join(tempDir(), 'userData');
    fs.mkdirSync(userData, { recursive: true });
    fs.writeFileSync(path.join(userData, WINDOW_STATE_FILE), '{"x": 10, "y": ');
    const { fake } = await launch({ userData });
    expect(fake.BrowserWindow.all[0]!.options).toMatchObject({ width: 1280, height: 820 });
    expect(fake.BrowserWindow.all[0]!.visible).toBe(true);
  });
});

describe('an error nobody caught', () => {
  // In development (not packaged) the error is also echoed to the terminal that ran npm start.
  let echoed: jest.SpyInstance;
  beforeEach(() => {
    echoed = jest.spyOn(console, 'error').mockImplementation(() => undefined);
  });
  afterEach(() => echoed.mockRestore());

  it('is logged to logs/main.log in the data folder and shown in Chinese; the window stays', async () => {
    const launched = await launch({ start: 'explicit' });
    const window = launched.fake.BrowserWindow.all[0]!;
    launched.processEvents.emit('uncaughtException', new Error('磁盘已满 (ENOSPC)'));

    const log = readLog(launched);
    expect(log).toMatch(/^\[\d{4}-\d\d-\d\dT[\d:.]+Z\] uncaughtException: Error: 磁盘已满 \(ENOSPC\)\n\s+at /m);
    expect(launched.fake.dialog.errorBoxes).toEqual([
      { title: CRASH_TITLE, content: expect.stringContaining(mainLogFile(launched.userData)) },
    ]);
    expect(launched.fake.dialog.errorBoxes[0]!.content).toMatch(/^程序遇到意外错误。/);
    expect(window.visible).toBe(true);
    expect(launched.fake.app.hasExited).toBe(false);
    expect(await launched.call('office.get', {})).toEqual({ ok: true, value: null }); // still working
    expect(echoed).toHaveBeenCalledWith(expect.stringContaining('uncaughtException: Error: 磁盘已满'));
  });

  it('logs a rejected promise nobody handled, and a burst of errors gets one dialog', async () => {
    const launched = await launch({ start: 'explicit' });
    launched.processEvents.emit('unhandledRejection', new Error('first'));
    launched.processEvents.emit('unhandledRejection', 'second, not even an Error');
    launched.processEvents.emit('uncaughtException', new TypeError('third'));
    expect(launched.fake.dialog.errorBoxes).toHaveLength(1);
    const log = readLog(launched);
    expect(log).toContain('unhandledRejection: Error: first');
    expect(log).toContain('unhandledRejection: second, not even an Error');
    expect(log).toContain('uncaughtException: TypeError: third');
  });

  it('stops listening when the app has quit', async () => {
    const launched = await launch({ start: 'explicit' });
    expect(launched.processEvents.listenerCount('uncaughtException')).toBe(1);
    expect(launched.processEvents.listenerCount('unhandledRejection')).toBe(1);
    await launched.quit();
    expect(launched.processEvents.listenerCount('uncaughtException')).toBe(0);
    expect(launched.processEvents.listenerCount('unhandledRejection')).toBe(0);
  });

  it('logs why the app could not start, as well as telling the clerk', async () => {
    const dataFile = path.join(tempDir(), 'notes.sqlite');
    fs.writeFileSync(dataFile, '这不是数据库文件'.repeat(100));
    const launched = await launch({ dataFile });
    expect(launched.fake.dialog.errorBoxes).toHaveLength(1);
    expect(readLog(launched)).toMatch(/\] startup: /);
  });
});

describe('a renderer that crashes', () => {
  it('is reloaded, with a word to the clerk, rather than left blank', async () => {
    const launched = await launch();
    const contents = launched.fake.BrowserWindow.all[0]!.webContents;
    contents.crash('oom');
    expect(contents.reloads).toBe(1);
    expect(launched.fake.dialog.errorBoxes).toEqual([
      { title: CRASH_TITLE, content: expect.stringContaining('程序界面意外关闭（oom），现在重新打开') },
    ]);
    expect(readLog(launched)).toContain('render-process-gone: oom');
    contents.crash('clean-exit'); // closing normally is not a crash
    expect(contents.reloads).toBe(1);
  });

  it('is not reloaded forever: after three crashes in a minute the app says so and quits', async () => {
    const launched = await launch();
    const contents = launched.fake.BrowserWindow.all[0]!.webContents;
    for (let i = 0; i < 4; i++) contents.crash();
    expect(contents.reloads).toBe(3);
    expect(launched.fake.dialog.errorBoxes.at(-1)!.content).toMatch(/^程序界面反复意外关闭，CaseDesk 将退出/);
    await launched.fake.app.exited;
  });
});

describe('a clean quit', () => {
  it('finishes the save in flight, then runs the clean-quit work (the day’s backup) on the open file, then closes it', async () => {
    const order: string[] = [];
    const onCleanQuit = jest.fn(async (backend: Backend) => {
      order.push('backup');
      // The save the clerk clicked has committed, and the file is still open for the backup to read.
      expect(backend.store.sqlite.prepare('SELECT name FROM office').all()).toEqual([{ name: OFFICE.name }]);
    });
    const launched = await launch({ start: 'explicit', onCleanQuit });
    const close = launched.shell!.backend.close.bind(launched.shell!.backend);
    jest.spyOn(launched.shell!.backend, 'close').mockImplementation(() => {
      order.push('close');
      return close();
    });

    const save = launched.call('auth.setup', { office: OFFICE, admin: FIRST_ADMIN });
    await launched.quit();
    expect(await save).toEqual({ ok: true, value: expect.objectContaining({ username: FIRST_ADMIN.username }) });
    expect(onCleanQuit).toHaveBeenCalledTimes(1);
    expect(onCleanQuit).toHaveBeenCalledWith(launched.shell!.backend);
    expect(order).toEqual(['backup', 'close']);
    expect(fs.existsSync(`${launched.dataFile}-wal`)).toBe(false);
  });

  it('still closes the data file when the backup fails, and logs why', async () => {
    const launched = await launch({ start: 'explicit', onCleanQuit: () => Promise.reject(new Error('U 盘已拔出')) });
    await launched.call('office.get', {});
    await launched.quit();
    expect(readLog(launched)).toContain('cleanQuit: Error: U 盘已拔出');
    expect(fs.existsSync(`${launched.dataFile}-wal`)).toBe(false); // closed: the WAL was checkpointed
    const key = new SafeStorageKeyProvider(launched.fake.safeStorage).load(launched.dataFile)!.current;
    const file = openTestFile(launched.dataFile, { readonly: true }, key);
    expect(file.pragma('integrity_check', { simple: true })).toBe('ok');
    file.close();
  });

  it('asks the backup service for the day’s backup into the data folder when the app runs as Electron starts it', async () => {
    const createBackup = jest.fn(() => Promise.resolve({ file: 'x', takenAt: 'y', reason: 'daily', bytes: 1 }));
    const launched = await launch({
      standIns: { [BACKUP_SERVICE]: () => ({ ...jest.requireActual(BACKUP_SERVICE), createBackup }) },
    });
    await launched.quit();
    expect(createBackup).toHaveBeenCalledTimes(1);
    expect(createBackup).toHaveBeenCalledWith(launched.shell!.backend.store, {
      folder: null,
      reason: 'daily',
      now: expect.any(Date),
    });
  });

  it('takes no backup when the app never opened the data file', async () => {
    const createBackup = jest.fn(() => Promise.resolve());
    const dataFile = path.join(tempDir(), 'notes.sqlite');
    fs.writeFileSync(dataFile, 'not a database');
    const launched = await launch({
      dataFile,
      standIns: { [BACKUP_SERVICE]: () => ({ ...jest.requireActual(BACKUP_SERVICE), createBackup }) },
    });
    expect(launched.fake.app.hasExited).toBe(true);
    expect(createBackup).not.toHaveBeenCalled();
  });
});
