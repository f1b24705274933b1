// electron-builder packs the app for real, with the project's own electron-builder.yml, from a stand-in for the
// Electron distribution (the real one cannot be downloaded here): a shell script carrying Electron's fuse wire,
// as the real binary does. Checked: what goes into app.asar and beside it, that the fuses are flipped as
// configured, and that the packaged main process — loaded from the packed files with a fake `electron` — finds
// its native module in app.asar.unpacked and opens its own data file.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { createPackage, extractAll, listPackage } from '@electron/asar';
import { getCurrentFuseWire } from '@electron/fuses';
import type { MainShell } from '../../electron/main';
import { buildElectron } from '../../scripts/buildElectron';
import { missingPackedRequires } from '../../scripts/packedRequires';
import { tempDir } from '../support/fixtures';
import { createFakeElectron } from './fakeElectron';
import { loadWithFakeElectron } from './launchShell';

// Packs the app with electron-builder (asar, fuses) and starts it from the packed files: a budget for a loaded 2-core machine.
jest.setTimeout(300_000);

const ROOT = path.resolve(__dirname, '../..');
const NODE_MODULES = path.join(ROOT, 'node_modules');
const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
/** Electron's fuse wire as shipped (v1, 8 fuses): RunAsNode on, cookie encryption off, NODE_OPTIONS on, inspect
 * on, ASAR integrity off, only-from-asar off, browser V8 snapshot off, file:// privileges on. */
const SHIPPED_WIRE = '10110001';
const FUSES = [
  'runAsNode',
  'enableCookieEncryption',
  'enableNodeOptionsEnvironmentVariable',
  'enableNodeCliInspectArguments',
  'enableEmbeddedAsarIntegrityValidation',
  'onlyLoadAppFromAsar',
  'loadBrowserProcessSpecificV8Snapshot',
  'grantFileProtocolExtraPrivileges',
] as const;

function fakeElectronDist(): string {
  const dist = tempDir();
  fs.writeFileSync(
    path.join(dist, 'electron'),
    `#!/bin/sh\n# stand-in for Electron\nexit 0\n${SENTINEL}\u0001\u0008${SHIPPED_WIRE}\n`,
    { mode: 0o755 },
  );
  fs.writeFileSync(path.join(dist, 'LICENSE'), 'MIT\n');
  fs.writeFileSync(path.join(dist, 'LICENSES.chromium.html'), '<html></html>\n');
  fs.mkdirSync(path.join(dist, 'resources'));
  fs.mkdirSync(path.join(dist, 'locales'));
  for (const locale of ['zh-CN', 'en-US', 'de', 'fr', 'ja'])
    fs.writeFileSync(path.join(dist, 'locales', `${locale}.pak`), locale);
  return dist;
}

/** A copy of the project as npm run dist leaves it: bundles, a renderer, the binding (Node's build stands in). */
async function stagedProject(): Promise<string> {
  const stage = tempDir();
  for (const file of ['package.json', 'electron-builder.yml'])
    fs.copyFileSync(path.join(ROOT, file), path.join(stage, file));
  // The afterPack hook electron-builder.yml names, with what it loads.
  fs.mkdirSync(path.join(stage, 'scripts'));
  for (const file of ['afterPack.cjs', 'packedRequires.ts', 'buildElectron.ts', 'asciiBundle.ts']) {
    fs.copyFileSync(path.join(ROOT, 'scripts', file), path.join(stage, 'scripts', file));
  }
  fs.cpSync(path.join(ROOT, 'build'), path.join(stage, 'build'), { recursive: true });
  fs.symlinkSync(NODE_MODULES, path.join(stage, 'node_modules'), 'dir');
  await buildElectron({ outDir: path.join(stage, 'dist', 'electron') });
  fs.mkdirSync(path.join(stage, 'dist', 'renderer'), { recursive: true });
  fs.writeFileSync(path.join(stage, 'dist', 'renderer', 'index.html'), '<!doctype html><title>司法所案件台账</title>');
  fs.mkdirSync(path.join(stage, '.electron-native'));
  fs.copyFileSync(
    path.join(NODE_MODULES, 'better-sqlite3-multiple-ciphers', 'build', 'Release', 'better_sqlite3.node'),
    path.join(stage, '.electron-native', 'better_sqlite3.node'),
  );
  return stage;
}

let appOut: string;
let output: string;
beforeAll(async () => {
  const stage = await stagedProject();
  const out = tempDir();
  const result = spawnSync(
    process.execPath,
    [
      path.join(NODE_MODULES, 'electron-builder', 'cli.js'),
      '--linux',
      'dir',
      '--x64',
      '--projectDir',
      stage,
      `-c.electronDist=${fakeElectronDist()}`,
      `-c.directories.output=${out}`,
    ],
    { cwd: stage, encoding: 'utf8', env: { ...process.env, CI: 'true' } },
  );
  output = `${result.stdout}\n${result.stderr}`;
  if (result.status !== 0) throw new Error(`electron-builder failed:\n${output}`);
  appOut = path.join(out, 'linux-unpacked');
}, 300_000);

describe('the packed app', () => {
  it('is the casedesk executable with the resources beside it, and only the languages the app uses', () => {
    expect(output).toContain('skipped dependencies rebuild');
    expect(fs.existsSync(path.join(appOut, 'casedesk'))).toBe(true);
    expect(fs.readdirSync(path.join(appOut, 'locales')).sort()).toEqual(['en-US.pak', 'zh-CN.pak']);
    expect(fs.readdirSync(path.join(appOut, 'resources')).sort()).toEqual(['app.asar', 'app.asar.unpacked']);
  });

  it('holds the bundles, the renderer and better-sqlite3’s JavaScript in app.asar, and nothing from development', () => {
    const files = listPackage(path.join(appOut, 'resources', 'app.asar'), { isPack: false }).map((file) =>
      file.split(path.sep).join('/'),
    );
    expect(files).toEqual(
      expect.arrayContaining([
        '/package.json',
        '/dist/electron/main.js',
        '/dist/electron/preload.js',
        '/dist/renderer/index.html',
        '/node_modules/better-sqlite3-multiple-ciphers/lib/index.js',
        '/node_modules/bindings/bindings.js',
        '/.electron-native/better_sqlite3.node', // listed in the archive, its bytes in app.asar.unpacked
      ]),
    );
    const modules = new Set(
      files.filter((file) => file.startsWith('/node_modules/')).map((file) => file.split('/')[2]),
    );
    expect([...modules].sort()).toEqual(['better-sqlite3-multiple-ciphers', 'bindings', 'file-uri-to-path']);
    expect(
      files.filter((file) => /\/(src|deps|build)\//.test(file) && file.includes('better-sqlite3-multiple-ciphers')),
    ).toEqual([]);
    expect(files.filter((file) => /^\/(test|electron|shared|db|scripts|renderer)\//.test(file))).toEqual([]);
  });

  it('holds every module its main process requires at run time, as Node resolves them inside the archive', () => {
    expect(output).toContain(`every run-time require of ${path.join(appOut, 'resources', 'app.asar')} is packed`); // the hook ran
    expect(missingPackedRequires(path.join(appOut, 'resources', 'app.asar'))).toEqual([]);
  });

  it('unpacks the native module next to the archive, where the main process looks for it', () => {
    expect(
      fs.statSync(path.join(appOut, 'resources', 'app.asar.unpacked', '.electron-native', 'better_sqlite3.node')).size,
    ).toBeGreaterThan(100_000);
  });

  it('tells Electron its desktop name (the Linux taskbar groups the window under the launcher’s icon)', () => {
    const dir = tempDir();
    extractAll(path.join(appOut, 'resources', 'app.asar'), dir);
    const packed = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')) as Record<string, unknown>;
    expect(packed).toMatchObject({
      name: 'casedesk',
      productName: 'CaseDesk',
      main: 'dist/electron/main.js',
      desktopName: 'casedesk.desktop',
    });
    expect(packed).not.toHaveProperty('devDependencies');
  });

  it('has the fuses flipped as electron-builder.yml says', async () => {
    const wire = await getCurrentFuseWire(path.join(appOut, 'casedesk'));
    const states = Object.fromEntries(
      FUSES.map((name, index) => [name, String.fromCharCode(wire[index as keyof typeof wire] as number)]),
    );
    expect(states).toEqual({
      runAsNode: '0',
      enableCookieEncryption: '0',
      enableNodeOptionsEnvironmentVariable: '0',
      enableNodeCliInspectArguments: '0',
      enableEmbeddedAsarIntegrityValidation: '1',
      onlyLoadAppFromAsar: '1',
      loadBrowserProcessSpecificV8Snapshot: '0',
      grantFileProtocolExtraPrivileges: '1',
    });
  });

  it('starts from the packed files: it loads the unpacked native module and opens its own data file', async () => {
    // Lay the archive out as Electron sees it: resources/app.asar (here a folder) beside app.asar.unpacked.
    const resources = tempDir();
    const appRoot = path.join(resources, 'app.asar');
    extractAll(path.join(appOut, 'resources', 'app.asar'), appRoot);
    fs.rmSync(path.join(appRoot, '.electron-native'), { recursive: true }); // only the unpacked copy may be used
    fs.cpSync(path.join(appOut, 'resources', 'app.asar.unpacked'), path.join(resources, 'app.asar.unpacked'), {
      recursive: true,
    });
    // Electron provides `electron` to the app; here it resolves to the package the fake stands in for.
    fs.symlinkSync(path.join(NODE_MODULES, 'electron'), path.join(appRoot, 'node_modules', 'electron'), 'dir');

    const dataFile = path.join(tempDir(), 'casedesk.sqlite');
    const fake = createFakeElectron({ appPath: appRoot, userData: path.join(tempDir(), 'userData'), isPackaged: true });
    const before = process.env.CASEDESK_DB;
    process.env.CASEDESK_DB = dataFile;
    let shell: MainShell | null;
    try {
      shell = await loadWithFakeElectron<{ started: Promise<MainShell | null> }>(
        path.join(appRoot, 'dist', 'electron', 'main.js'),
        fake,
      ).started;
    } finally {
      if (before === undefined) delete process.env.CASEDESK_DB;
      else process.env.CASEDESK_DB = before;
    }
    try {
      expect(fake.dialog.errorBoxes).toEqual([]);
      expect(shell?.dataFile).toBe(dataFile);
      const window = fake.BrowserWindow.all[0]!;
      expect(window.options.webPreferences).toMatchObject({
        preload: path.join(appRoot, 'dist', 'electron', 'preload.js'),
        devTools: false,
      });
      const answer = await fake.ipcMain.invokeFrom(
        window.webContents,
        window.webContents.mainFrame,
        'casedesk:invoke',
        'office.get',
        {},
      );
      expect(answer).toEqual({ ok: true, value: null });
      expect(fs.existsSync(dataFile)).toBe(true);
    } finally {
      fake.app.quit();
      await fake.app.exited;
    }
  });
});

describe('the check after packing (electron-builder.yml afterPack)', () => {
  /** A packed app like the real one whose tree lacks `bindings`, as electron-builder once made it. */
  async function packWithoutBindings(): Promise<string> {
    const appDir = tempDir();
    const resources = path.join(tempDir(), 'resources');
    extractAll(path.join(appOut, 'resources', 'app.asar'), appDir);
    fs.rmSync(path.join(appDir, 'node_modules', 'bindings'), { recursive: true });
    fs.mkdirSync(resources);
    await createPackage(appDir, path.join(resources, 'app.asar'));
    return path.dirname(resources);
  }

  it('names a module the packed code requires but the tree lacks, and who requires it', async () => {
    const appOutDir = await packWithoutBindings();
    expect(missingPackedRequires(path.join(appOutDir, 'resources', 'app.asar'))).toEqual([
      { module: 'bindings', from: '/node_modules/better-sqlite3-multiple-ciphers/lib/database.js' },
    ]);
  });

  it('fails the build with that message before any installer is made', async () => {
    const appOutDir = await packWithoutBindings();
    const hook = require(path.join(ROOT, 'scripts', 'afterPack.cjs')) as { default(context: unknown): Promise<void> };
    const context = {
      appOutDir,
      electronPlatformName: 'linux',
      packager: { appInfo: { productFilename: 'CaseDesk' } },
    };
    await expect(hook.default(context)).rejects.toThrow(
      /lacks modules its code requires at run time:\n {2}bindings \(required by \/node_modules\/better-sqlite3-multiple-ciphers\/lib\/database\.js\)/,
    );
    await expect(hook.default({ ...context, appOutDir: path.resolve(appOut) })).resolves.toBeUndefined();
  });
});
