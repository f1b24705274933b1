// The first step of npm test: what the tests need beyond npm is there, or the run stops at once saying how to
// install it.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { installCommand, missingPrerequisites, PREREQUISITES } from '../../scripts/testPrerequisites';
import { tempDir } from '../support/fixtures';

const ROOT = path.resolve(__dirname, '../..');

// Starts a TypeScript child process: seconds on a loaded machine.
jest.setTimeout(60_000);

describe('the test prerequisites', () => {
  it('are all present on this machine (npm test installed them before jest started)', () => {
    expect(missingPrerequisites().map((p) => p.pkg)).toEqual([]);
  });

  it('name the Debian package of each tool the tests use', () => {
    expect(PREREQUISITES.map((p) => p.pkg)).toEqual([
      'chromium',
      'fonts-noto-cjk',
      'poppler-utils',
      'libreoffice-calc',
      'sqlite3',
    ]);
  });

  it('say the exact apt command for what is missing', () => {
    const missing = PREREQUISITES.filter((p) => p.pkg === 'chromium' || p.pkg === 'sqlite3');
    expect(installCommand(missing)).toBe(
      'apt-get update && apt-get install -y --no-install-recommends chromium sqlite3',
    );
  });

  it('stop the run at once with that command when the tools are not there and may not be installed', () => {
    const emptyPath = tempDir();
    const result = spawnSync(
      process.execPath,
      ['--import', 'tsx', path.join(ROOT, 'scripts', 'testPrerequisites.ts'), '--check-only'],
      {
        cwd: ROOT,
        encoding: 'utf8',
        env: { ...process.env, PATH: emptyPath, CHROMIUM_PATH: path.join(emptyPath, 'chromium') },
      },
    );
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(
      'apt-get install -y --no-install-recommends chromium fonts-noto-cjk poppler-utils libreoffice-calc sqlite3',
    );
    expect(fs.readdirSync(emptyPath)).toEqual([]);
  });

  it('let the run go on when everything is there', () => {
    const result = spawnSync(
      process.execPath,
      ['--import', 'tsx', path.join(ROOT, 'scripts', 'testPrerequisites.ts'), '--check-only'],
      {
        cwd: ROOT,
        encoding: 'utf8',
      },
    );
    expect({ status: result.status, stderr: result.stderr }).toEqual({ status: 0, stderr: '' });
  });
});
