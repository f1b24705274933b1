// Encrypting a plain data file of an older CaseDesk, at its first open by this version. The file is never changed
// in place: a plain copy is made (VACUUM INTO), encrypted (PRAGMA rekey) and verified against the original —
// integrity_check, the rows of every table counted, the audit chain walked to the same head — and only then
// swapped in by renames; the plain original is then overwritten with random bytes before it is deleted.
//
// Files on the way: <file>.encrypting (the copy being made; discarded when found without <file>.plain-original)
// and <file>.plain-original (the original, renamed aside just before the copy takes its name). Whatever step a
// crash stops at, the next open finds one usable data file: the original (put back, and encrypted again) or the
// encrypted copy (and it finishes wiping the original).
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import { AppError } from '../shared/errors';
import { verifyAuditLog } from './auditLog';
import { fileStateOf, openKeyed, rekeyConnection, type DataKey } from './dataKey';
import { syncToDisk } from './stagedRestore';

export const ENCRYPTING_SUFFIX = '.encrypting';
export const PLAIN_ORIGINAL_SUFFIX = '.plain-original';
const SIDE_FILES = ['-wal', '-shm', '-journal'];

/** A hook the crash test uses to stop at each step; the app passes nothing. */
export type MigrationStep = 'copied' | 'encrypted' | 'verified' | 'original-aside' | 'swapped' | 'wiped';

interface Fingerprint {
  counts: Record<string, number>;
  audit: string;
}

const q = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** What must be the same in the encrypted copy: every table's row count and the audit chain's verdict. */
function fingerprintOf(sqlite: BetterSqlite3.Database): Fingerprint {
  const tables = sqlite
    .prepare(`SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name`)
    .pluck()
    .all() as string[];
  const counts: Record<string, number> = {};
  for (const t of tables)
    counts[t] = sqlite
      .prepare(`SELECT count(*) FROM ${q(t)}`)
      .pluck()
      .get() as number;
  const hasAudit = tables.includes('audit_log');
  return { counts, audit: hasAudit ? JSON.stringify(verifyAuditLog(sqlite)) : 'none' };
}

function removeWithSideFiles(file: string): void {
  for (const suffix of ['', ...SIDE_FILES]) fs.rmSync(file + suffix, { force: true });
}

/** Overwrites a file with random bytes, syncs it, then deletes it: the plain original leaves no readable trace. */
function wipeFile(file: string): void {
  if (fs.existsSync(file)) {
    const fd = fs.openSync(file, 'r+');
    try {
      const size = fs.fstatSync(fd).size;
      const noise = crypto.randomBytes(Math.min(size, 1 << 20));
      for (let at = 0; at < size; at += noise.length) fs.writeSync(fd, noise, 0, Math.min(noise.length, size - at), at);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
  }
  removeWithSideFiles(file);
}

/**
 * Finishes or undoes an encryption a crash interrupted (before anything else opens the file). Returns true when
 * it found one to settle.
 */
export function settleInterruptedEncryption(file: string): boolean {
  const copy = file + ENCRYPTING_SUFFIX;
  const original = file + PLAIN_ORIGINAL_SUFFIX;
  if (fs.existsSync(original)) {
    if (!fs.existsSync(file)) {
      // Stopped between the two renames: the original goes back; it is encrypted again from the start.
      removeWithSideFiles(copy);
      fs.renameSync(original, file);
      syncToDisk(path.dirname(path.resolve(file)));
      return true;
    }
    if (fileStateOf(file) !== 'encrypted') {
      throw new AppError('DATA_FILE', `数据文件“${file}”旁有未处理完的“${original}”：请勿删除任何文件，联系技术支持`);
    }
    wipeFile(original); // the swap was done: the original only waited to be wiped
    return true;
  }
  if (fs.existsSync(copy)) {
    removeWithSideFiles(copy); // a copy never swapped in: the original is untouched
    return true;
  }
  return false;
}

/**
 * Encrypts the plain data file `file` under `key` (no connection may hold it). Throws, leaving the original as it
 * was, when the encrypted copy does not match it.
 */
export function encryptPlainDataFile(
  file: string,
  key: DataKey,
  { nativeBinding, step }: { nativeBinding?: string | undefined; step?: (at: MigrationStep) => void } = {},
): void {
  const copy = file + ENCRYPTING_SUFFIX;
  const original = file + PLAIN_ORIGINAL_SUFFIX;
  const binding = nativeBinding ? { nativeBinding } : {};
  removeWithSideFiles(copy);

  let before: Fingerprint;
  const plain = new BetterSqlite3(file, { fileMustExist: true, ...binding });
  try {
    // Folds the WAL into the file (an older CaseDesk ran in WAL mode): the copy is made from the whole file.
    plain.pragma('wal_checkpoint(TRUNCATE)');
    before = fingerprintOf(plain);
    plain.prepare('VACUUM INTO ?').run(copy);
  } finally {
    plain.close();
  }
  step?.('copied');

  const encrypting = new BetterSqlite3(copy, { fileMustExist: true, ...binding });
  try {
    encrypting.pragma('journal_mode = DELETE');
    rekeyConnection(encrypting, key);
  } finally {
    encrypting.close();
  }
  step?.('encrypted');

  const check = openKeyed(copy, key, { ...binding, fileMustExist: true });
  try {
    const verdict = (check.pragma('integrity_check') as { integrity_check: string }[]).map((r) => r.integrity_check);
    const after = fingerprintOf(check);
    if (verdict.join() !== 'ok' || JSON.stringify(after) !== JSON.stringify(before)) {
      throw new AppError('DATA_FILE', `数据文件加密后核对不一致，已保留原文件“${file}”未作改动：请联系技术支持`);
    }
  } catch (error) {
    check.close();
    removeWithSideFiles(copy);
    throw error;
  }
  check.close();
  syncToDisk(copy);
  step?.('verified');

  fs.renameSync(file, original);
  for (const suffix of SIDE_FILES) fs.rmSync(file + suffix, { force: true });
  syncToDisk(path.dirname(path.resolve(file)));
  step?.('original-aside');
  fs.renameSync(copy, file);
  syncToDisk(path.dirname(path.resolve(file)));
  step?.('swapped');
  wipeFile(original);
  step?.('wiped');
}
