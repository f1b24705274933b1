// SIGKILL during a restore and during a recovery (issue 20): whenever the process dies, the next open finds one
// usable file — integrity ok, the audit chain whole, nothing half-applied. A restore is either finished by that
// open (the backup's cases, the high-water marks raised, recorded once) or was finished before the kill; a recovery
// (one transaction) either brought every row back with its record, or nothing at all. Each run starts from a copy
// of the same prepared folder; a first run unkilled measures how long the work takes on this machine now, and the
// kills are then spread over that time, so they land in every step of it however fast or busy the machine is.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { verifyAuditLog } from '../../db/auditLog';
import { openStore, type Store } from '../../db/open';
import { listBackups } from '../../electron/services/backup';
import { tempDir, validApplication } from '../support/fixtures';
import { openTestFile, testKeys } from '../support/testKey';
import { bureau, introduce, office, type Site } from './services/exchange/fixtures';

// Child processes, SIGKILL and reopening after each kill: a budget for a loaded 2-core machine.
jest.setTimeout(240_000);

const ROOT = path.resolve(__dirname, '../..');
const CHILD = path.join(ROOT, 'test/support/restoreChild.ts');

interface Run {
  signal: NodeJS.Signals | null;
  done: boolean;
  stderr: string;
  /** From `ready` until the child ended. */
  elapsedMs: number;
}

/** Runs the child and kills it with SIGKILL `afterMs` after it said it is starting its work. */
function workUntilKilled(args: string[], afterMs: number): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, ...args], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let stderr = '';
    let kill: NodeJS.Timeout | undefined;
    let started = 0;
    const giveUp = setTimeout(() => child.kill('SIGKILL'), 60_000); // never started: fail, but do not hang
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      if (!out.includes('ready') && (out + chunk).includes('ready\n')) {
        clearTimeout(giveUp);
        started = Date.now();
        kill = setTimeout(() => child.kill('SIGKILL'), afterMs);
      }
      out += chunk;
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (_, signal) => {
      clearTimeout(giveUp);
      clearTimeout(kill);
      resolve({ signal, done: out.includes('done\n'), stderr, elapsedMs: started ? Date.now() - started : 0 });
    });
  });
}

async function registerCases(s: Site, count: number): Promise<void> {
  for (let i = 0; i < count; i++)
    await s.api.call('legalAid.create', { draftId: null, application: validApplication() });
}

/** How long the child's work takes, unkilled, on a copy of `folder` (args made from that copy's path). */
async function measure(folder: string, args: (copy: string) => string[]): Promise<number> {
  const { done, stderr, elapsedMs } = await workUntilKilled(args(copyOf(folder)), 120_000);
  expect({ done, stderr }).toEqual({ done: true, stderr: '' });
  return elapsedMs;
}

/** Kill delays spread evenly over the work's measured time. */
const KILLS = 8;
const killAt = (run: number, workMs: number) => Math.floor(((run - 0.5) / KILLS) * workMs);

/** A copy of a prepared folder, for one run. */
function copyOf(folder: string): string {
  const run = tempDir();
  fs.cpSync(folder, run, { recursive: true });
  return run;
}

/** What every open after a kill must find, whatever the kill interrupted. */
async function expectUsable(store: Store): Promise<void> {
  expect(store.sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
  expect(store.sqlite.pragma('foreign_key_check')).toEqual([]);
  expect(verifyAuditLog(store.sqlite)).toMatchObject({ ok: true });
  // Every case is whole: a case and its parts came together or not at all.
  const incomplete = store.sqlite
    .prepare(
      `
    SELECT c.case_number FROM cases c
    WHERE NOT EXISTS (SELECT 1 FROM parties p WHERE p.case_id = c.id AND p.role = 'applicant')
       OR NOT EXISTS (SELECT 1 FROM legal_aid_cases l WHERE l.case_id = c.id)`,
    )
    .all();
  expect(incomplete).toEqual([]);
  for (const backup of await listBackups(store)) {
    const copy = openTestFile(backup.file, { readonly: true, fileMustExist: true });
    expect({ backup: backup.file, integrity: copy.pragma('integrity_check', { simple: true }) }).toEqual({
      backup: backup.file,
      integrity: 'ok',
    });
    copy.close();
  }
}

const count = (store: Store, sql: string): number => store.sqlite.prepare(sql).pluck().get() as number;

describe('a process killed during a restore', () => {
  it('leaves one usable file: the restore is finished at the next open, its marks raised and recorded once', async () => {
    const s = await office({ cases: 0 });
    const county = await bureau(); // an office exports only once the bureau's key is set
    await introduce(s, county);
    await county.close();
    await registerCases(s, 120);
    const attachments = path.join(s.folder, 'attachments');
    for (let i = 0; i < 40; i++) {
      fs.mkdirSync(path.join(attachments, String(i % 4)), { recursive: true });
      fs.writeFileSync(path.join(attachments, String(i % 4), `scan-${i}`), Buffer.alloc(64 * 1024, i));
    }
    await s.api.call('exchange.export', { period: '2026-10', folder: null });
    const backup = await s.api.call('backup.create', { folder: null });
    await registerCases(s, 15);
    await s.api.call('exchange.export', { period: '2026-11', folder: null });
    const lostMaxId = count(s.store, 'SELECT max(id) FROM cases');
    await s.api.call('backup.restore', { file: backup.file });
    await s.close();

    const workMs = await measure(s.folder, (copy) => ['restore', path.join(copy, 'casedesk.sqlite')]);
    for (let run = 1; run <= KILLS; run++) {
      const folder = copyOf(s.folder);
      const dataFile = path.join(folder, 'casedesk.sqlite');
      const afterMs = killAt(run, workMs);
      const { signal, done, stderr } = await workUntilKilled(['restore', dataFile], afterMs);
      expect({ run, afterMs, stderr, ended: done || signal === 'SIGKILL' }).toEqual({
        run,
        afterMs,
        stderr: '',
        ended: true,
      });

      const store = openStore(dataFile, { keys: testKeys() });
      try {
        await expectUsable(store);
        expect({ run, afterMs, cases: count(store, 'SELECT count(*) FROM cases') }).toEqual({
          run,
          afterMs,
          cases: 120,
        });
        expect(store.sqlite.prepare(`SELECT kind, source FROM restores`).all()).toEqual([
          { kind: 'backup', source: path.basename(backup.file) },
        ]);
        expect(count(store, `SELECT seq FROM sqlite_sequence WHERE name = 'cases'`)).toBeGreaterThanOrEqual(lostMaxId);
        expect(count(store, `SELECT seq FROM sqlite_sequence WHERE name = 'exchange_exports'`)).toBe(2);
        const leftovers = fs.readdirSync(folder).filter((n) => /restore-(pending|finishing)/.test(n));
        expect({ run, afterMs, leftovers }).toEqual({ run, afterMs, leftovers: [] });
        expect(count(store, `SELECT count(*) FROM attachments`)).toBe(0);
        expect(
          fs
            .readdirSync(path.join(folder, 'attachments'), { recursive: true })
            .filter((n) => String(n).includes('scan-')),
        ).toHaveLength(40);
      } finally {
        await store.close();
      }
    }
  });
});

describe('a process killed during a recovery', () => {
  it('leaves one usable file with every row of the recovery package or none of them', async () => {
    const s = await office({ cases: 0 });
    const county = await bureau();
    await introduce(s, county);
    await registerCases(s, 300);
    const made = await s.api.call('exchange.export', { period: '2026-11', folder: null });
    await county.api.call('bureau.importFiles', { files: [made.file] });
    // The office loses most of its cases, as a restore of an old backup would leave it.
    s.store.sqlite.prepare('DELETE FROM cases WHERE id > 20').run();
    s.store.sqlite.prepare('DELETE FROM audit_pending').run();
    const recovery = await county.api.call('bureau.recoveryPackage', {
      code: '43011101',
      folder: s.folder,
      download: false,
    });
    await s.close();
    await county.close();

    const args = (copy: string) => ['recover', path.join(copy, 'casedesk.sqlite'), path.join(copy, recovery.fileName)];
    const workMs = await measure(s.folder, args);
    let last = '';
    for (let run = 1; run <= KILLS; run++) {
      const folder = copyOf(s.folder);
      last = path.join(folder, 'casedesk.sqlite');
      const afterMs = killAt(run, workMs);
      const { signal, done, stderr } = await workUntilKilled(args(folder), afterMs);
      expect({ run, afterMs, stderr, ended: done || signal === 'SIGKILL' }).toEqual({
        run,
        afterMs,
        stderr: '',
        ended: true,
      });

      const store = openStore(last, { keys: testKeys() });
      try {
        await expectUsable(store);
        const cases = count(store, 'SELECT count(*) FROM cases');
        const installed = count(store, 'SELECT count(*) FROM exchange_recovery_installs');
        const recorded = count(store, `SELECT count(*) FROM restores WHERE kind = 'recovery'`);
        // All or nothing: the rows, the install's record and its restore entry came together.
        expect({
          run,
          afterMs,
          state: [
            [20, 0, 0],
            [300, 1, 1],
          ].find((s) => String(s) === String([cases, installed, recorded])),
        }).toEqual({
          run,
          afterMs,
          state: [cases, installed, recorded],
        });
        if (done) expect([cases, installed, recorded]).toEqual([300, 1, 1]);
      } finally {
        await store.close();
      }
    }
    // And the last copy installs (again) to the end: a recovery cut short is simply installed again.
    const { done, stderr } = await workUntilKilled(
      ['recover', last, path.join(path.dirname(last), recovery.fileName)],
      120_000,
    );
    expect({ done, stderr }).toEqual({ done: true, stderr: '' });
    const store = openStore(last, { keys: testKeys() });
    try {
      await expectUsable(store);
      expect(count(store, 'SELECT count(*) FROM cases')).toBe(300);
    } finally {
      await store.close();
    }
  });
});
