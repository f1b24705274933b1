// scripts/rebuildForElectron.ts without building anything (that needs the Electron headers from the internet):
// what it would build, when it skips, and that node-gyp gets Electron's target rather than npm's nodedir.
import fs from 'node:fs';
import path from 'node:path';
import {
  ELECTRON_HEADERS_URL,
  isUpToDate,
  nodeGypArgs,
  nodeGypEnv,
  planRebuild,
  stampOf,
} from '../../scripts/rebuildForElectron';
import { tempDir } from '../support/fixtures';

function projectWith(electron: string, betterSqlite3: string): string {
  const root = tempDir();
  for (const [name, version] of [
    ['electron', electron],
    ['better-sqlite3-multiple-ciphers', betterSqlite3],
  ] as const) {
    fs.mkdirSync(path.join(root, 'node_modules', name), { recursive: true });
    fs.writeFileSync(path.join(root, 'node_modules', name, 'package.json'), JSON.stringify({ name, version }));
  }
  return root;
}

function placeBuild(root: string, stamp: object | null): void {
  fs.mkdirSync(path.join(root, '.electron-native'), { recursive: true });
  fs.writeFileSync(path.join(root, '.electron-native', 'better_sqlite3.node'), 'binary');
  if (stamp) fs.writeFileSync(path.join(root, '.electron-native', 'stamp.json'), JSON.stringify(stamp));
}

describe('rebuilding better-sqlite3 for Electron', () => {
  it('plans a build for the installed Electron into .electron-native, away from node_modules/better-sqlite3-multiple-ciphers/build', () => {
    const root = projectWith('41.10.7', '12.11.1');
    const plan = planRebuild(root, 'arm64', 'linux');
    expect(plan).toMatchObject({ electronVersion: '41.10.7', betterSqliteVersion: '12.11.1', arch: 'arm64' });
    expect(plan.binding).toBe(path.join(root, '.electron-native', 'better_sqlite3.node'));
    expect(plan.binding.startsWith(path.join(root, 'node_modules'))).toBe(false);
  });

  it('skips only when a binding stamped with the same Electron, better-sqlite3, platform and arch exists', () => {
    const root = projectWith('41.10.7', '12.11.1');
    const plan = planRebuild(root, 'x64', 'linux');
    expect(isUpToDate(plan)).toBe(false);
    placeBuild(root, null);
    expect(isUpToDate(plan)).toBe(false); // no stamp: an unknown build
    placeBuild(root, stampOf(plan));
    expect(isUpToDate(plan)).toBe(true);
    expect(isUpToDate(planRebuild(root, 'arm64', 'linux'))).toBe(false);
    placeBuild(root, { ...stampOf(plan), electron: '40.0.0' });
    expect(isUpToDate(plan)).toBe(false);
  });

  it('asks node-gyp for Electron’s headers and target, and drops npm settings that would build for Node instead', () => {
    const plan = planRebuild(projectWith('41.10.7', '12.11.1'), 'x64', 'linux');
    expect(nodeGypArgs(plan, '/cache')).toEqual(
      expect.arrayContaining([
        'rebuild',
        '--release',
        '--target=41.10.7',
        '--arch=x64',
        `--dist-url=${ELECTRON_HEADERS_URL}`,
        '--devdir=/cache',
      ]),
    );
    const env = nodeGypEnv({
      PATH: '/usr/bin',
      npm_config_nodedir: '/usr',
      NPM_CONFIG_TARGET: '20.0.0',
      npm_config_dist_url: 'x',
      npm_config_python: '/usr/bin/python3',
    });
    expect(env).toEqual({ PATH: '/usr/bin', npm_config_python: '/usr/bin/python3' });
  });

  it('names what is missing when electron is not installed', () => {
    const root = tempDir();
    expect(() => planRebuild(root)).toThrow(/electron is not installed/);
  });
});
