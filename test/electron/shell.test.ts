// The Electron shell (electron/main.ts) driven through a fake `electron`: the window it opens, the IPC
// channels (calls, saving a file the main process wrote) and who may use them, and the walls around the renderer — no navigation, no network, no permissions.
import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import {
  CONTENT_SECURITY_POLICY,
  INVOKE_CHANNEL,
  REFUSED_QUITTING,
  SAVE_OUTGOING_CHANNEL,
} from '../../electron/shellSecurity';
import { APP_VERSION } from '../../electron/version';
import { fileState, FIRST_ADMIN, OFFICE, tempDir } from '../support/fixtures';
import { SafeStorageKeyProvider } from '../../electron/dataKeyFile';
import { openTestFile } from '../support/testKey';
import { FakeFrame } from './fakeElectron';
import { launchShell, type Launched } from './launchShell';

const ROOT = path.resolve(__dirname, '../..');

let running: Launched[] = [];
async function launch(...args: Parameters<typeof launchShell>): Promise<Launched> {
  const launched = await launchShell(...args);
  running.push(launched);
  return launched;
}
afterEach(async () => {
  for (const launched of running) if (!launched.fake.app.hasExited) await launched.quit();
  running = [];
});

const refused = { ok: false, error: { code: 'FORBIDDEN', message: expect.stringContaining('拒绝') } };

describe('starting the app', () => {
  it('takes the single-instance lock and opens one sandboxed, isolated window on the built renderer', async () => {
    const { fake, appRoot, shell } = await launch();
    expect(fake.app.lockRequests).toBe(1);
    expect(fake.app.sandboxEnabled).toBe(true);
    expect(fake.BrowserWindow.all).toHaveLength(1);
    const window = fake.BrowserWindow.all[0]!;
    expect(shell?.window).toBe(window);
    expect(window.options).toMatchObject({
      title: '司法所案件台账',
      show: false,
      webPreferences: {
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
      },
    });
    // No remote module: the option is gone from Electron and must not come back through a copied snippet.
    expect(window.options.webPreferences).not.toHaveProperty('enableRemoteModule');
    expect(window.loadedFile).toBe(path.join(appRoot, 'dist', 'renderer', 'index.html'));
    expect(window.visible).toBe(true); // shown once ready to show, never blank
  });

  it('turns developer tools off when packaged, offers no menu to open them, and closes them if opened anyway', async () => {
    const { fake } = await launch({ isPackaged: true });
    const window = fake.BrowserWindow.all[0]!;
    expect(window.options.webPreferences).toMatchObject({ devTools: false });
    const menu = fake.Menu.applicationMenu!.template;
    expect(menu.map((item) => item.label)).toEqual(['文件', '帮助']);
    const roles = menu.flatMap((item) => item.submenu ?? []).map((item) => item.role);
    expect(roles).not.toContain('toggleDevTools');
    expect(roles).not.toContain('reload');
    expect(window.webContents.openDevTools()).toBe(false);
  });

  it('keeps developer tools for development (npm start)', async () => {
    const { fake } = await launch({ isPackaged: false });
    expect(fake.BrowserWindow.all[0]!.webContents.openDevTools()).toBe(true);
  });

  it('opens the data file named by CASEDESK_DB and answers the renderer through the dispatcher', async () => {
    const { fake, call, dataFile, shell } = await launch();
    expect([...fake.ipcMain.handlers.keys()]).toEqual([INVOKE_CHANNEL, SAVE_OUTGOING_CHANNEL]);
    expect(shell?.dataFile).toBe(dataFile);
    expect(fs.existsSync(dataFile)).toBe(true);

    expect(await call('office.get', {})).toEqual({ ok: true, value: null });
    expect(await call('app.info', {})).toEqual({
      ok: true,
      value: { version: APP_VERSION, dataFile, shell: 'electron' },
    });
    // The first run sets up the office with its administrator, who is then signed in at this window.
    expect(await call('auth.setup', { office: OFFICE, admin: FIRST_ADMIN })).toEqual({
      ok: true,
      value: expect.objectContaining({ username: 'admin', role: 'admin' }),
    });
    expect(await call('office.get', {})).toEqual({
      ok: true,
      value: expect.objectContaining({ name: OFFICE.name, officeCode: '43011101' }),
    });
    expect(await call('no.such.channel', {})).toEqual({
      ok: false,
      error: expect.objectContaining({ code: 'UNKNOWN_CHANNEL' }),
    });
    expect(await call('office.setup', { ...OFFICE, name: '' })).toEqual({
      ok: false,
      error: expect.objectContaining({ code: 'VALIDATION', field: 'name' }),
    });
  });

  it('a second instance quits at once without touching the data file, and the first comes forward', async () => {
    const first = await launch();
    const window = first.fake.BrowserWindow.all[0]!;
    window.minimized = true;
    window.focused = false;

    const second = await launch({ gotLock: false });
    expect(second.shell).toBeNull();
    expect(second.fake.app.hasExited).toBe(true);
    expect(second.fake.BrowserWindow.all).toHaveLength(0);
    expect(second.fake.ipcMain.handlers.size).toBe(0);
    expect(fs.existsSync(second.dataFile)).toBe(false);

    first.fake.app.emit('second-instance', {}, ['casedesk'], process.cwd());
    expect(window.minimized).toBe(false);
    expect(window.focused).toBe(true);
  });
});

describe('who may call', () => {
  it('hands each call to the dispatcher as its window’s session', async () => {
    const { fake, call, shell } = await launch();
    const dispatch = jest.spyOn(shell!.backend, 'dispatch');
    await call('office.get', {});
    const own = fake.BrowserWindow.all[0]!.webContents;
    expect(dispatch).toHaveBeenCalledWith('office.get', {}, `window:${own.id}`);
  });

  it('answers only the main frame of its own window showing its own page, and writes nothing for anyone else', async () => {
    const { fake, call, rendererUrl, dataFile } = await launch();
    const own = fake.BrowserWindow.all[0]!.webContents;
    expect(own.mainFrame.url).toBe(rendererUrl);
    const before = fileState(dataFile);

    const subframe = new FakeFrame(rendererUrl, own.mainFrame, own.mainFrame.processId);
    expect(await fake.ipcMain.invokeFrom(own, subframe, INVOKE_CHANNEL, 'office.setup', OFFICE)).toEqual(refused);

    const elsewhere = new FakeFrame('https://example.com/', null, own.mainFrame.processId);
    Object.assign(elsewhere, { routingId: own.mainFrame.routingId });
    expect(await fake.ipcMain.invokeFrom(own, elsewhere, INVOKE_CHANNEL, 'office.setup', OFFICE)).toEqual(refused);

    own.mainFrame.url = 'file:///etc/passwd';
    expect(await fake.ipcMain.invokeFrom(own, own.mainFrame, INVOKE_CHANNEL, 'office.setup', OFFICE)).toEqual(refused);
    own.mainFrame.url = `${rendererUrl}#/cases`;

    const other = new fake.BrowserWindow({}).webContents;
    other.mainFrame.url = rendererUrl;
    expect(await fake.ipcMain.invokeFrom(other, other.mainFrame, INVOKE_CHANNEL, 'office.setup', OFFICE)).toEqual(
      refused,
    );

    expect(await fake.ipcMain.invokeFrom(own, null, INVOKE_CHANNEL, 'office.setup', OFFICE)).toEqual(refused);

    expect(fileState(dataFile)).toBe(before);
    expect(await call('office.get', {})).toEqual({ ok: true, value: null }); // the page's own route still works
  });
});

describe('saving a file the main process wrote (the electronic dossier)', () => {
  const written = async (shell: Launched['shell']) =>
    (
      await shell!.backend.outgoing.write(
        { fileName: '2026-调-001电子卷宗.pdf', contentType: 'application/pdf' },
        (sink) => sink(Buffer.from('%PDF-1.7 dossier')),
      )
    ).file;

  it('asks where in the save dialog and moves the file there, from the window’s own page only', async () => {
    const { fake, shell } = await launch();
    const own = fake.BrowserWindow.all[0]!.webContents;
    const file = await written(shell);
    const other = new fake.BrowserWindow({}).webContents;
    other.mainFrame.url = own.mainFrame.url;
    expect(await fake.ipcMain.invokeFrom(other, other.mainFrame, SAVE_OUTGOING_CHANNEL, file.id)).toEqual(refused);
    expect(fake.dialog.saveDialogs).toEqual([]);

    const target = path.join(tempDir(), '卷宗.pdf');
    fake.dialog.saveAnswer = target;
    expect(await fake.ipcMain.invokeFrom(own, own.mainFrame, SAVE_OUTGOING_CHANNEL, file.id)).toEqual({
      ok: true,
      value: { saved: true },
    });
    expect(fake.dialog.saveDialogs).toEqual([
      expect.objectContaining({
        defaultPath: '2026-调-001电子卷宗.pdf',
        filters: [{ name: 'PDF 文件', extensions: ['pdf'] }],
      }),
    ]);
    expect(fs.readFileSync(target, 'utf8')).toBe('%PDF-1.7 dossier');
    expect(fs.readdirSync(shell!.backend.outgoing.folder)).toEqual([]);
    // Saved once: the id names nothing any more, and a made-up one never did.
    expect(await fake.ipcMain.invokeFrom(own, own.mainFrame, SAVE_OUTGOING_CHANNEL, file.id)).toEqual({
      ok: false,
      error: { code: 'NOT_FOUND', message: '要保存的文件已不存在，请重新生成' },
    });
    expect(await fake.ipcMain.invokeFrom(own, own.mainFrame, SAVE_OUTGOING_CHANNEL, '../../etc/passwd')).toMatchObject({
      ok: false,
    });
    expect(fake.dialog.saveDialogs).toHaveLength(1);
  });

  it('drops the file when the clerk cancels, and says in Chinese when the chosen place cannot be written', async () => {
    const { fake, shell } = await launch();
    const own = fake.BrowserWindow.all[0]!.webContents;
    const cancelled = await written(shell);
    fake.dialog.saveAnswer = null;
    expect(await fake.ipcMain.invokeFrom(own, own.mainFrame, SAVE_OUTGOING_CHANNEL, cancelled.id)).toEqual({
      ok: true,
      value: { saved: false },
    });
    expect(fs.readdirSync(shell!.backend.outgoing.folder)).toEqual([]);

    const kept = await written(shell);
    fake.dialog.saveAnswer = path.join(tempDir(), 'no-such-folder', '卷宗.pdf');
    expect(await fake.ipcMain.invokeFrom(own, own.mainFrame, SAVE_OUTGOING_CHANNEL, kept.id)).toEqual({
      ok: false,
      error: { code: 'INTERNAL', message: expect.stringContaining('未能保存文件') },
    });
    // Still waiting: the clerk may choose another place.
    expect(shell!.backend.outgoing.find(kept.id)).not.toBeNull();
  });
});

describe('the walls around the renderer', () => {
  it('keeps the window on its page: no navigation or redirect elsewhere, no popups, no webviews', async () => {
    const { fake, rendererUrl } = await launch();
    const contents = fake.BrowserWindow.all[0]!.webContents;
    expect(contents.navigate('https://example.com/')).toBe(false);
    expect(contents.navigate('http://127.0.0.1:5173/')).toBe(false);
    expect(contents.navigate('file:///etc/passwd')).toBe(false);
    expect(contents.navigate('javascript:alert(1)')).toBe(false);
    expect(contents.redirect('https://example.com/')).toBe(false);
    expect(contents.navigate(`${rendererUrl}#/cases`)).toBe(true);
    expect(contents.open('https://example.com/')).toEqual({ action: 'deny' });
    expect(contents.open(rendererUrl)).toEqual({ action: 'deny' });
    expect(contents.attachWebview('https://example.com/')).toBe(false);
    expect(contents.navigateFrame('https://example.com/')).toBe(false); // a subframe, too
    expect(contents.navigateFrame('file:///etc/passwd')).toBe(false);
  });

  it('guards every web contents created, not only the window', async () => {
    const { fake } = await launch();
    const stray = new fake.BrowserWindow({}).webContents;
    expect(stray.navigate('https://example.com/')).toBe(false);
    expect(stray.open('https://example.com/')).toEqual({ action: 'deny' });
  });

  it('lets nothing reach the network: only the app’s own files and in-memory URLs load', async () => {
    const { fake, appRoot, rendererUrl } = await launch();
    const session = fake.session.defaultSession;
    for (const url of [
      'https://example.com/',
      'http://127.0.0.1:5173/api',
      'ws://localhost/',
      'ftp://x/y',
      'file:///etc/passwd',
      'file://server/share/x',
    ]) {
      expect([url, session.request(url)]).toEqual([url, false]);
    }
    const asset = new URL('assets/index.js', rendererUrl).href;
    for (const url of [
      rendererUrl,
      asset,
      'data:image/png;base64,AAAA',
      'blob:file:///0b1c',
      'devtools://devtools/bundled/inspector.html',
    ]) {
      expect([url, session.request(url)]).toEqual([url, true]);
    }
    expect(session.request(`file://${path.dirname(appRoot)}/other/secret.txt`)).toBe(false);
  });

  it('sends the same Content-Security-Policy header as renderer/index.html’s meta tag, replacing any other', async () => {
    const html = fs.readFileSync(path.join(ROOT, 'renderer', 'index.html'), 'utf8');
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1];
    expect(meta).toBe(CONTENT_SECURITY_POLICY);

    const { fake, rendererUrl } = await launch();
    const headers = fake.session.defaultSession.respond(rendererUrl, {
      'content-security-policy': 'default-src *',
      'Content-Type': 'text/html',
    });
    expect(headers).toEqual({ 'Content-Type': 'text/html', 'Content-Security-Policy': [meta] });
  });

  it('grants no permission and turns the spell checker off', async () => {
    const { fake } = await launch();
    const session = fake.session.defaultSession;
    for (const permission of [
      'media',
      'geolocation',
      'notifications',
      'clipboard-read',
      'openExternal',
      'fileSystem',
    ]) {
      expect([permission, session.ask(permission)]).toEqual([permission, false]);
    }
    expect(session.permissionCheck?.({}, 'media', 'file://', {})).toBe(false);
    expect(session.spellCheckerEnabled).toBe(false);
  });
});

describe('when the data file cannot be opened', () => {
  it('refuses a SQLite file that is not CaseDesk’s with a Chinese dialog, opens no window and quits', async () => {
    const dataFile = path.join(tempDir(), 'other.sqlite');
    const other = new BetterSqlite3(dataFile);
    other.exec("CREATE TABLE contacts (name TEXT); INSERT INTO contacts VALUES ('张三')");
    other.close();

    const { fake, shell } = await launch({ dataFile });
    expect(shell).toBeNull();
    expect(fake.dialog.errorBoxes).toEqual([
      { title: 'CaseDesk 无法启动', content: expect.stringContaining('不是CaseDesk数据文件') },
    ]);
    expect(fake.BrowserWindow.all).toHaveLength(0);
    expect(fake.ipcMain.handlers.size).toBe(0);
    expect(fake.app.hasExited).toBe(true);
    const reopened = new BetterSqlite3(dataFile, { readonly: true });
    expect(reopened.prepare('SELECT name FROM contacts').all()).toEqual([{ name: '张三' }]);
    reopened.close();
  });

  it('refuses a file that is not a database at all, naming the file', async () => {
    const dataFile = path.join(tempDir(), 'notes.sqlite');
    fs.writeFileSync(dataFile, '这不是数据库文件'.repeat(100));
    const before = fileState(dataFile);
    const { fake } = await launch({ dataFile });
    expect(fake.dialog.errorBoxes).toEqual([
      { title: 'CaseDesk 无法启动', content: expect.stringContaining(dataFile) },
    ]);
    expect(fake.dialog.errorBoxes[0]!.content).toMatch(/^数据文件已损坏/);
    expect(fake.BrowserWindow.all).toHaveLength(0);
    expect(fileState(dataFile)).toBe(before);
  });

  it.each([
    [false, true],
    [true, false],
  ])(
    'loads better-sqlite3 from .electron-native when present, and says so in Chinese when it cannot (packaged: %s)',
    async (isPackaged, hint) => {
      const { fake, dataFile } = await launch({
        isPackaged,
        prepareAppRoot: (appRoot) => {
          fs.mkdirSync(path.join(appRoot, '.electron-native'), { recursive: true });
          fs.writeFileSync(path.join(appRoot, '.electron-native', 'better_sqlite3.node'), 'not a shared library');
        },
      });
      expect(fake.dialog.errorBoxes).toEqual([
        {
          title: 'CaseDesk 无法启动',
          content: expect.stringMatching(/^CaseDesk 的数据库组件无法加载，请重新安装本程序/),
        },
      ]);
      expect(fake.dialog.errorBoxes[0]!.content.includes('rebuildForElectron')).toBe(hint); // the developer's hint, not the clerk's
      expect(fake.BrowserWindow.all).toHaveLength(0);
      expect(fake.app.hasExited).toBe(true);
      expect(fs.existsSync(dataFile)).toBe(false);
    },
  );

  it('says so in Chinese when a packaged app lacks its database component, and opens no data file', async () => {
    const { fake, dataFile } = await launch({ isPackaged: true, nativeBinding: false });
    expect(fake.dialog.errorBoxes).toEqual([
      { title: 'CaseDesk 无法启动', content: expect.stringMatching(/^CaseDesk 的数据库组件缺失，请重新安装本程序/) },
    ]);
    expect(fake.dialog.errorBoxes[0]!.content).toContain(path.join('.electron-native', 'better_sqlite3.node'));
    expect(fake.BrowserWindow.all).toHaveLength(0);
    expect(fs.existsSync(dataFile)).toBe(false);
  });

  it('says so in Chinese when the renderer was not built, and opens no data file', async () => {
    const { fake, dataFile } = await launch({
      prepareAppRoot: (appRoot) => fs.rmSync(path.join(appRoot, 'dist', 'renderer'), { recursive: true }),
    });
    expect(fake.dialog.errorBoxes).toEqual([
      { title: 'CaseDesk 无法启动', content: expect.stringContaining('程序界面文件缺失') },
    ]);
    expect(fake.BrowserWindow.all).toHaveLength(0);
    expect(fs.existsSync(dataFile)).toBe(false);
  });
});

describe('quitting', () => {
  it('finishes the save in flight, then closes the data file, and answers no call after', async () => {
    const { fake, call, dataFile } = await launch();
    const save = call('auth.setup', { office: OFFICE, admin: FIRST_ADMIN }); // 完成设置 clicked, and at once the window closed
    fake.app.quit();
    expect(fake.app.hasExited).toBe(false); // waiting for the save
    expect(await call('office.get', {})).toEqual(REFUSED_QUITTING);
    await fake.app.exited;

    expect(await save).toEqual({ ok: true, value: expect.objectContaining({ username: FIRST_ADMIN.username }) });
    expect(fs.existsSync(`${dataFile}-wal`)).toBe(false); // closed: the WAL was checkpointed into the file
    // Encrypted under the data key the shell keeps wrapped by the system's store beside the data file.
    const key = new SafeStorageKeyProvider(fake.safeStorage).load(dataFile)!.current;
    const file = openTestFile(dataFile, { readonly: true }, key);
    expect(file.prepare('SELECT name FROM office').all()).toEqual([{ name: OFFICE.name }]);
    file.close();
  });
});

// Which files may import electron is an ESLint rule (eslint.config.js; test/lint.test.ts shows it fails).
describe('the process boundary', () => {
  it('uses no remote module: not as a dependency, not in the source, not in webPreferences', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as Record<
      string,
      Record<string, string> | undefined
    >;
    for (const field of ['dependencies', 'devDependencies', 'optionalDependencies']) {
      expect(Object.keys(pkg[field] ?? {})).not.toContain('@electron/remote');
    }
    const offenders: string[] = [];
    const walk = (dir: string): void => {
      for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        const file = path.join(dir, entry.name);
        if (entry.isDirectory()) walk(file);
        else if (
          /\.tsx?$/.test(entry.name) &&
          /@electron\/remote|enableRemoteModule|\bremote\b[^;\n]*['"]electron['"]|electron\.remote\b/.test(
            fs.readFileSync(file, 'utf8'),
          )
        ) {
          offenders.push(path.relative(ROOT, file));
        }
      }
    };
    for (const dir of ['electron', 'shared', 'renderer']) walk(path.join(ROOT, dir));
    expect(offenders).toEqual([]);
  });
});
