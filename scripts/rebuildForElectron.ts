// npm start's native step: better-sqlite3 compiled for Electron's ABI into .electron-native/better_sqlite3.node,
// which electron/main.ts hands to better-sqlite3 as its nativeBinding. node_modules/better-sqlite3-multiple-ciphers/build (Node's
// ABI: the tests, the CLI and the preview use it) is never touched: the build runs on a copy in a temp folder.
//
//   tsx scripts/rebuildForElectron.ts [--force] [--arch x64|arm64]
//
// It downloads the Electron headers, so it needs internet access once per Electron version (node-gyp caches them
// in ~/.electron-gyp), plus python3, make and a C++ compiler (Visual Studio Build Tools on Windows).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const ELECTRON_HEADERS_URL = 'https://electronjs.org/headers';

export interface RebuildPlan {
  root: string;
  electronVersion: string;
  betterSqliteVersion: string;
  arch: string;
  platform: string;
  sourceDir: string;
  outDir: string;
  binding: string;
  stampFile: string;
}

/** What is built for what, and where it goes. */
export interface Stamp {
  electron: string;
  betterSqlite3: string;
  arch: string;
  platform: string;
}

function readVersion(packageJson: string, what: string): string {
  try {
    return (JSON.parse(fs.readFileSync(packageJson, 'utf8')) as { version: string }).version;
  } catch {
    throw new Error(`${what} is not installed (${packageJson} is missing); run npm ci first.`);
  }
}

export function planRebuild(
  root: string,
  arch: string = process.arch,
  platform: string = process.platform,
): RebuildPlan {
  const sourceDir = path.join(root, 'node_modules', 'better-sqlite3-multiple-ciphers');
  const outDir = path.join(root, '.electron-native');
  return {
    root,
    electronVersion: readVersion(path.join(root, 'node_modules', 'electron', 'package.json'), 'electron'),
    betterSqliteVersion: readVersion(path.join(sourceDir, 'package.json'), 'better-sqlite3-multiple-ciphers'),
    arch,
    platform,
    sourceDir,
    outDir,
    binding: path.join(outDir, 'better_sqlite3.node'),
    stampFile: path.join(outDir, 'stamp.json'),
  };
}

export function stampOf(plan: RebuildPlan): Stamp {
  return {
    electron: plan.electronVersion,
    betterSqlite3: plan.betterSqliteVersion,
    arch: plan.arch,
    platform: plan.platform,
  };
}

/** A binding exists and was built for this Electron, this better-sqlite3 and this platform and arch. */
export function isUpToDate(plan: RebuildPlan): boolean {
  if (!fs.existsSync(plan.binding)) return false;
  try {
    const stamp = JSON.parse(fs.readFileSync(plan.stampFile, 'utf8')) as Partial<Stamp>;
    const wanted = stampOf(plan);
    return (Object.keys(wanted) as (keyof Stamp)[]).every((key) => stamp[key] === wanted[key]);
  } catch {
    return false;
  }
}

/** node-gyp's entry script: npm's own copy (npm ships it), or one installed in the project or globally. */
export function findNodeGyp(env: NodeJS.ProcessEnv = process.env, root = process.cwd()): string | null {
  const candidates: string[] = [];
  if (env.npm_config_node_gyp) candidates.push(env.npm_config_node_gyp); // set by npm for scripts it runs
  try {
    candidates.push(require.resolve('node-gyp/bin/node-gyp.js', { paths: [root] }));
  } catch {
    // not a project dependency
  }
  if (env.npm_execpath)
    candidates.push(path.join(path.dirname(env.npm_execpath), '..', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js'));
  const nodeDir = path.dirname(process.execPath);
  candidates.push(
    path.join(nodeDir, '..', 'lib', 'node_modules', 'npm', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js'), // Unix
    path.join(nodeDir, 'node_modules', 'npm', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js'), // Windows
  );
  return candidates.find((candidate) => candidate.endsWith('.js') && fs.existsSync(candidate)) ?? null;
}

/**
 * The environment for node-gyp without npm's settings that would point it at Node's headers: an inherited
 * npm_config_nodedir (~/.npmrc's nodedir=) would silently build for Node's ABI instead of Electron's.
 */
export function nodeGypEnv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const overridden = new Set([
    'nodedir',
    'target',
    'arch',
    'dist_url',
    'disturl',
    'runtime',
    'devdir',
    'tarball',
    'build_from_source',
  ]);
  return Object.fromEntries(
    Object.entries(env).filter(([name]) => {
      const match = /^npm_config_(.+)$/i.exec(name);
      return !match || !overridden.has(match[1]!.toLowerCase().replace(/-/g, '_'));
    }),
  );
}

export function nodeGypArgs(plan: RebuildPlan, devDir = path.join(os.homedir(), '.electron-gyp')): string[] {
  return [
    'rebuild',
    '--release',
    `--target=${plan.electronVersion}`,
    `--arch=${plan.arch}`,
    `--dist-url=${ELECTRON_HEADERS_URL}`,
    `--devdir=${devDir}`,
    '--jobs=max',
  ];
}

export type RebuildOutcome = 'up-to-date' | 'built';

export function rebuildForElectron(plan: RebuildPlan, { force = false, env = process.env } = {}): RebuildOutcome {
  if (!force && isUpToDate(plan)) return 'up-to-date';
  const what = `better-sqlite3 ${plan.betterSqliteVersion} for Electron ${plan.electronVersion} (${plan.platform}-${plan.arch})`;
  const nodeGyp = findNodeGyp(env, plan.root);
  if (!nodeGyp) {
    throw new Error(
      `Cannot build ${what}: node-gyp was not found. It ships with npm; or install it with "npm install -g node-gyp".`,
    );
  }
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'casedesk-electron-native-'));
  try {
    const copy = path.join(work, 'better-sqlite3-multiple-ciphers');
    const skip = path.join(plan.sourceDir, 'build');
    fs.cpSync(plan.sourceDir, copy, {
      recursive: true,
      filter: (source) => source !== skip && !source.startsWith(skip + path.sep),
    });
    console.log(`Building ${what} with node-gyp (headers from ${ELECTRON_HEADERS_URL}) ...`);
    const result = spawnSync(process.execPath, [nodeGyp, ...nodeGypArgs(plan)], {
      cwd: copy,
      env: nodeGypEnv(env),
      stdio: 'inherit',
    });
    const built = path.join(copy, 'build', 'Release', 'better_sqlite3.node');
    if (result.error || result.status !== 0 || !fs.existsSync(built)) {
      const why = result.error
        ? result.error.message
        : `node-gyp exited with code ${result.status ?? `signal ${result.signal}`}`;
      throw new Error(
        `Could not build ${what}: ${why}.\n` +
          `This step downloads the Electron ${plan.electronVersion} headers from ${ELECTRON_HEADERS_URL}, so it needs internet ` +
          `access (once; they are cached in ~/.electron-gyp), and python3, make and a C++ compiler (on Windows, Visual Studio ` +
          `Build Tools). Without them, use the browser preview: npm run preview.`,
      );
    }
    fs.mkdirSync(plan.outDir, { recursive: true });
    const partial = `${plan.binding}.partial`;
    fs.copyFileSync(built, partial);
    fs.renameSync(partial, plan.binding);
    fs.writeFileSync(plan.stampFile, `${JSON.stringify(stampOf(plan), null, 2)}\n`);
    return 'built';
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

if (require.main === module) {
  const argv = process.argv.slice(2);
  const archAt = argv.findIndex((arg) => arg === '--arch');
  const arch =
    argv.find((arg) => arg.startsWith('--arch='))?.slice('--arch='.length) ??
    (archAt >= 0 ? argv[archAt + 1] : undefined);
  try {
    const plan = planRebuild(path.resolve(__dirname, '..'), arch ?? process.arch);
    const outcome = rebuildForElectron(plan, { force: argv.includes('--force') });
    const where = path.relative(process.cwd(), plan.binding);
    console.log(
      outcome === 'built'
        ? `Built ${where}`
        : `${where} is up to date (Electron ${plan.electronVersion}, ${plan.arch})`,
    );
  } catch (error) {
    console.error(`rebuildForElectron: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}
