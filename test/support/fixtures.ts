// Shared test fixtures: a temp data file, a backend on it with a fixed clock, and a valid application.
import crypto from 'node:crypto';
import type BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openBackend, type Backend } from '../../electron/backend';
import { openStore } from '../../db/open';
import type { PdfRenderer } from '../../electron/services/dossier/electronic';
import { fixedClock, type Clock } from '../../electron/services/system/clock';
import { localDate } from '../../shared/dates';
import { createApi, type Api } from '../../shared/client';
import { openTestFile, testKeys } from './testKey';

export function tempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'casedesk-test-'));
}

export interface TestBackend extends Backend {
  api: Api;
  dataFile: string;
}

/** A clock that tests move forward by hand. */
export interface ManualClock extends Clock {
  advance(ms: number): void;
}

export function manualClock(iso: string): ManualClock {
  let at = new Date(iso).getTime();
  return { now: () => new Date(at), today: () => localDate(new Date(at)), advance: (ms) => void (at += ms) };
}

/**
 * A backend over a fresh temp file. Its `api` calls as the trusted local session (like the CLI); tests of
 * accounts and roles make their own callers. The intake schema checks dates against the real today.
 */
export function testBackend(
  dataFile = path.join(tempDir(), 'casedesk.sqlite'),
  {
    clock = fixedClock('2026-11-22T02:00:00Z'),
    log = () => {},
    pdfRenderer,
  }: { clock?: Clock; log?: (error: unknown) => void; pdfRenderer?: PdfRenderer } = {},
): TestBackend {
  if (!fs.existsSync(dataFile)) copyFreshFile(dataFile, clock.now());
  const backend = openBackend({
    keys: testKeys(),
    dataFile,
    shell: 'preview',
    clock,
    log,
    ...(pdfRenderer ? { pdfRenderer } : {}),
  });
  backend.sessions.signInSystem('local');
  return { ...backend, api: createApi(backend.dispatch), dataFile };
}

/**
 * Migrating a new file costs about 130 ms (every migration regenerates the audit and change triggers), and the
 * suites open well over a thousand. Migrating is deterministic for a given clock, so each worker migrates one
 * file per moment of opening and copies it: the copy holds exactly what a fresh open at that moment would make
 * (the same rows, the same audit entries with the same times and hashes). test/db/open.test.ts still migrates
 * real new files.
 */
const freshFiles = new Map<string, string>();

function copyFreshFile(dataFile: string, at: Date): void {
  const key = at.toISOString();
  let template = freshFiles.get(key);
  if (!template) {
    template = path.join(tempDir(), 'fresh.sqlite');
    const store = openStore(template, { keys: testKeys(), now: () => at });
    store.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    store.sqlite.close();
    freshFiles.set(key, template);
  }
  fs.mkdirSync(path.dirname(dataFile), { recursive: true });
  fs.copyFileSync(template, dataFile);
}

export { FIRST_ADMIN, OFFICE, validApplication, validNotifiedDefence } from './samples';

/**
 * Every row of every table of a data file (sqlite_sequence included), hashed: "logically unchanged", for a write
 * undone by a savepoint (SQLite may log the restored pages again, so the bytes can differ).
 */
export function dataState(dataFile: string): string {
  const sqlite = openTestFile(dataFile, { readonly: true });
  try {
    return rowsState(sqlite);
  } finally {
    sqlite.close();
  }
}

/** The same over an open connection (outside any transaction: what is committed). */
export function rowsState(sqlite: BetterSqlite3.Database): string {
  const hash = crypto.createHash('sha256');
  const tables = sqlite
    .prepare(`SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name`)
    .pluck()
    .all() as string[];
  for (const table of tables) {
    hash.update(`${table}\n`);
    for (const row of sqlite.prepare(`SELECT * FROM "${table}"`).raw().iterate())
      hash.update(`${JSON.stringify(row)}\n`);
  }
  return hash.digest('hex');
}

const chunk = Buffer.allocUnsafe(1 << 20);

/** The bytes of a data file and its WAL, hashed: "byte-for-byte unchanged" made checkable. */
export function fileState(dataFile: string): string {
  const hash = crypto.createHash('sha256');
  for (const suffix of ['', '-wal']) {
    const file = dataFile + suffix;
    if (!fs.existsSync(file)) {
      hash.update('absent');
      continue;
    }
    // Read through one reused buffer: the suites take this state a few thousand times, mostly of a 4 MB WAL, and
    // a fresh 4 MB buffer per read cost more than the hashing.
    const fd = fs.openSync(file, 'r');
    try {
      for (let n; (n = fs.readSync(fd, chunk, 0, chunk.length, null)) > 0;) hash.update(chunk.subarray(0, n));
    } finally {
      fs.closeSync(fd);
    }
  }
  return hash.digest('hex');
}
