// Encrypting a plain data file of an older version at its first open, killed with SIGKILL at every step (a power
// cut): the next open always finds one usable data file with every row and the audit chain intact — the original put
// back and encrypted again, or the encrypted copy with the original wiped — and no file left over beside it.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { verifyAuditLog } from '../../db/auditLog';
import { fileStateOf } from '../../db/dataKey';
import { ENCRYPTING_SUFFIX, PLAIN_ORIGINAL_SUFFIX, type MigrationStep } from '../../db/encryptPlain';
import { openStore } from '../../db/open';
import { OFFICE, tempDir, testBackend, validApplication } from '../support/fixtures';
import { bytesContain, decryptInPlace } from '../support/plainFiles';
import { testKeys } from '../support/testKey';

// Child processes on a loaded 2-core machine: each starts tsx, copies and encrypts a file, and is killed.
jest.setTimeout(120_000);

const ROOT = path.resolve(__dirname, '../..');
const CHILD = path.join(ROOT, 'test', 'support', 'encryptChild.ts');
const STEPS: MigrationStep[] = ['copied', 'encrypted', 'verified', 'original-aside', 'swapped'];

/** Runs the child until it reports `step` (then SIGKILL), or to its end; resolves with what it printed. */
function runUntil(
  dataFile: string,
  step: MigrationStep | 'none',
): Promise<{ out: string; signal: NodeJS.Signals | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, dataFile, step], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let stderr = '';
    const giveUp = setTimeout(() => child.kill('SIGKILL'), 100_000); // never got there: fail, but do not hang
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      out += chunk;
      if (out.includes(`step:${step}\n`)) child.kill('SIGKILL');
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (_, signal) => {
      clearTimeout(giveUp);
      resolve({ out, signal, stderr });
    });
  });
}

let plainTemplate: string;
let expected: { cases: number; parties: number; audit: string };

beforeAll(async () => {
  const backend = testBackend();
  await backend.api.call('office.setup', OFFICE);
  for (let i = 0; i < 5; i++)
    await backend.api.call('legalAid.create', { draftId: null, application: validApplication() });
  const { cases, parties } = backend.store.sqlite
    .prepare('SELECT (SELECT count(*) FROM cases) AS cases, (SELECT count(*) FROM parties) AS parties')
    .get() as { cases: number; parties: number };
  expected = { cases, parties, audit: JSON.stringify(verifyAuditLog(backend.store.sqlite)) };
  await backend.close();
  decryptInPlace(backend.dataFile);
  plainTemplate = backend.dataFile;
});

it.each(STEPS)('killed at “%s”, the next open finds one usable file with every row, encrypted', async (step) => {
  const dataFile = path.join(tempDir(), 'casedesk.sqlite');
  fs.copyFileSync(plainTemplate, dataFile);
  const run = await runUntil(dataFile, step);
  expect({ killed: run.signal, stderr: run.stderr }).toEqual({ killed: 'SIGKILL', stderr: '' });
  expect(run.out).toContain(`step:${step}\n`);
  expect(run.out).not.toContain('done');

  const store = openStore(dataFile, { keys: testKeys() });
  const { cases, parties } = store.sqlite
    .prepare('SELECT (SELECT count(*) FROM cases) AS cases, (SELECT count(*) FROM parties) AS parties')
    .get() as { cases: number; parties: number };
  expect({ cases, parties, audit: JSON.stringify(verifyAuditLog(store.sqlite)) }).toEqual(expected);
  expect((store.sqlite.pragma('integrity_check') as { integrity_check: string }[])[0]!.integrity_check).toBe('ok');
  await store.close();

  expect(fileStateOf(dataFile)).toBe('encrypted');
  expect(bytesContain(dataFile, validApplication().applicant.name)).toEqual([]);
  const left = fs
    .readdirSync(path.dirname(dataFile))
    .filter((n) => n.includes(PLAIN_ORIGINAL_SUFFIX) || n.includes(ENCRYPTING_SUFFIX));
  expect(left).toEqual([]);
});

it('unkilled, passes every step and finishes', async () => {
  const dataFile = path.join(tempDir(), 'casedesk.sqlite');
  fs.copyFileSync(plainTemplate, dataFile);
  const run = await runUntil(dataFile, 'none');
  expect(run.stderr).toBe('');
  expect(run.out).toBe([...STEPS, 'wiped'].map((s) => `step:${s}\n`).join('') + 'done\n');
  expect(fileStateOf(dataFile)).toBe('encrypted');
});
