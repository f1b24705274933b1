// What the tests need beyond npm, checked before anything else runs (the first step of `npm test`): Debian's
// Chromium for the browser tests, CJK fonts for its pages, poppler-utils and LibreOffice Calc to read back the
// PDFs and workbooks the app writes, and sqlite3 for integrity checks. Missing ones are installed with apt when
// this runs as root on a machine that has apt; otherwise the run stops at once with the exact command to run,
// instead of failing a dozen suites ten minutes later.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

interface Prerequisite {
  /** The Debian package that provides it. */
  pkg: string;
  /** What the tests use it for, said when it is missing. */
  use: string;
  present(): boolean;
}

function onPath(command: string): boolean {
  return (process.env.PATH ?? '')
    .split(path.delimiter)
    .some((dir) => dir !== '' && isExecutable(path.join(dir, command)));
}

function isExecutable(file: string): boolean {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

/** True when fontconfig knows a font with Chinese glyphs from the Noto CJK family. */
function hasCjkFont(): boolean {
  if (!onPath('fc-list')) return false;
  const listed = spawnSync('fc-list', [':lang=zh', 'family'], { encoding: 'utf8' });
  return listed.status === 0 && /Noto (Sans|Serif) CJK/.test(listed.stdout);
}

export const PREREQUISITES: readonly Prerequisite[] = [
  {
    pkg: 'chromium',
    use: 'the browser tests (test/e2e) and printing to PDF',
    present: () => isExecutable(process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'),
  },
  { pkg: 'fonts-noto-cjk', use: 'Chinese glyphs in Chromium’s pages and PDFs', present: hasCjkFont },
  {
    pkg: 'poppler-utils',
    use: 'reading printed PDFs back (pdftotext, pdfinfo)',
    present: () => onPath('pdftotext') && onPath('pdfinfo'),
  },
  { pkg: 'libreoffice-calc', use: 'reading the statistics workbooks back', present: () => onPath('libreoffice') },
  { pkg: 'sqlite3', use: 'integrity checks of data files with SQLite’s own shell', present: () => onPath('sqlite3') },
];

export function missingPrerequisites(list: readonly Prerequisite[] = PREREQUISITES): Prerequisite[] {
  return list.filter((p) => !p.present());
}

export function installCommand(missing: readonly Prerequisite[]): string {
  return `apt-get update && apt-get install -y --no-install-recommends ${missing.map((p) => p.pkg).join(' ')}`;
}

function canInstall(): boolean {
  return process.platform === 'linux' && process.getuid?.() === 0 && onPath('apt-get');
}

function run(command: string, args: string[]): boolean {
  const result = spawnSync(command, args, {
    stdio: 'inherit',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
  return result.status === 0;
}

/** `--check-only`: never install, only say what is missing (exit 1) or nothing (exit 0). */
function main(argv: readonly string[]): number {
  const missing = missingPrerequisites();
  if (missing.length === 0) return 0;
  const list = missing.map((p) => `  ${p.pkg}: ${p.use}`).join('\n');
  if (argv.includes('--check-only') || !canInstall()) {
    process.stderr.write(
      `The tests need these Debian packages, which are not installed:\n${list}\n` +
        `Install them, then run npm test again:\n  sudo ${installCommand(missing)}\n`,
    );
    return 1;
  }
  process.stdout.write(`Installing what the tests need (apt, as root):\n${list}\n`);
  const installed =
    run('apt-get', ['update', '-qq']) &&
    run('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...missing.map((p) => p.pkg)]);
  const still = missingPrerequisites();
  if (!installed || still.length > 0) {
    process.stderr.write(
      `Could not install ${(still.length ? still : missing).map((p) => p.pkg).join(', ')}. ` +
        `Run this, then npm test again:\n  ${installCommand(still.length ? still : missing)}\n`,
    );
    return 1;
  }
  return 0;
}

if (require.main === module) process.exit(main(process.argv.slice(2)));
