// Where backups and attachments live next to a data file, and the second half of a restore. The backup service
// checks a backup and stages it as <file>.restore-pending, with who asked for it in <file>.restore-pending.json;
// openStore applies it before it opens the file, when no connection holds it: the current file is kept as a
// pre-restore backup (its high-water marks read while it is open), the staged attachments are merged in, what the
// restore must still do is written to <file>.restore-finishing.json, and one rename puts the staged file in place.
// After migrating, openStore finishes it (finishRestore): the marks raised to the highest of every source
// (db/highWater.ts) and the restore recorded in `restores`, its audit entry, in one transaction; then the note is
// removed. A crash at any step leaves the old file or the new one complete, and the next open finishes a restore
// that was interrupted — a recorded restore is never recorded twice (its event id is unique).
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import { backupFileName, type BackupReason } from '../shared/backupRotation';
import { AppError } from '../shared/errors';
import { recordAuditSync } from './auditLog';
import { fileStateOf, keyThatOpens, openKeyed, writeKeyIdBeside, type DataKey } from './dataKey';
import { syncToDisk } from './syncToDisk';
import {
  highestOf,
  highWaterOf,
  keepHighWater,
  raiseHighWater,
  sameOfficeHighWater,
  type HighWater,
} from './highWater';

const PENDING_RESTORE_SUFFIX = '.restore-pending';
export const ATTACHMENTS_SUFFIX = '.attachments';
const REQUEST_SUFFIX = '.json';
const FINISHING_SUFFIX = '.restore-finishing.json';

export function pendingRestorePath(file: string): string {
  return path.resolve(file) + PENDING_RESTORE_SUFFIX;
}

function finishingPath(file: string): string {
  return path.resolve(file) + FINISHING_SUFFIX;
}

/** Who asked for a restore, and from which backup: written when it is staged, recorded when it is finished. */
export interface RestoreRequest {
  /** Unique per restore: finishing twice (after a crash) records it once. */
  eventId: string;
  /** The backup's file (its path when it was staged). */
  source: string;
  /** When the backup was taken (ISO), '' when unknown. */
  sourceTime: string;
  stagedAt: string;
  by: { id: number | null; username: string } | null;
}

interface FinishingRestore extends RestoreRequest {
  preRestoreBackup: string | null;
  /** The marks of the file the restore replaced, null when it could not be read. */
  replacedMarks: HighWater | null;
  /** The staged file's inode: the data file is the restored one only if it has it (0 where inodes mean nothing). */
  stagedIno: number;
}

/** Writes JSON to a file atomically (a temporary file, synced, renamed). */
function writeJsonAtomically(target: string, value: unknown): void {
  const partial = `${target}.partial`;
  fs.writeFileSync(partial, JSON.stringify(value));
  syncToDisk(partial);
  fs.renameSync(partial, target);
  syncToDisk(path.dirname(target));
}

function readJson<T>(file: string): T | null {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as T;
  } catch {
    return null;
  }
}

/** Records who staged a restore; the backup service calls it before it puts the staged file in place. */
export function writeRestoreRequest(file: string, request: Omit<RestoreRequest, 'eventId'>): void {
  writeJsonAtomically(pendingRestorePath(file) + REQUEST_SUFFIX, { eventId: crypto.randomUUID(), ...request });
}

/** The data folder's backups/, where automatic backups go. */
export function backupsDir(file: string): string {
  return path.join(path.dirname(path.resolve(file)), 'backups');
}

/** The data folder's attachments/ (content-addressed files: a name always holds the same bytes). */
export function attachmentsDir(file: string): string {
  return path.join(path.dirname(path.resolve(file)), 'attachments');
}

/** A backup path in `folder` that no backup (nor its attachments) has taken yet. */
export function unusedBackupPath(folder: string, at: Date, reason: BackupReason): string {
  for (let copy = 1; ; copy++) {
    const candidate = path.join(folder, backupFileName(at, reason, copy));
    if (!fs.existsSync(candidate) && !fs.existsSync(candidate + ATTACHMENTS_SUFFIX)) return candidate;
  }
}

// Kept importable from here for the backup service; it lives in ./syncToDisk (db/highWater.ts needs it too).
export { syncToDisk };

export interface SqliteHeader {
  pageSize: number;
  /** Pages the header says the file has (0 when SQLite would ignore the field). */
  pageCount: number;
  userVersion: number;
  applicationId: number;
}

/** The 100-byte header of an SQLite file, read without opening it (so nothing is written next to it). */
export function readSqliteHeader(file: string): SqliteHeader | null {
  const header = Buffer.alloc(100);
  const fd = fs.openSync(file, 'r');
  let read: number;
  try {
    read = fs.readSync(fd, header, 0, 100, 0);
  } finally {
    fs.closeSync(fd);
  }
  if (read < 100 || header.toString('latin1', 0, 16) !== 'SQLite format 3\0') return null;
  const rawPageSize = header.readUInt16BE(16);
  const countValid = header.readUInt32BE(24) === header.readUInt32BE(92);
  return {
    pageSize: rawPageSize === 1 ? 65_536 : rawPageSize,
    pageCount: countValid ? header.readUInt32BE(28) : 0,
    userVersion: header.readInt32BE(60),
    applicationId: header.readInt32BE(68),
  };
}

/** True when both files hold the same bytes. */
function sameBytes(a: string, b: string): boolean {
  const sa = fs.statSync(a);
  const sb = fs.statSync(b);
  if (!sb.isFile() || sa.size !== sb.size) return false;
  const fa = fs.openSync(a, 'r');
  const fb = fs.openSync(b, 'r');
  try {
    const ba = Buffer.alloc(1 << 16);
    const bb = Buffer.alloc(1 << 16);
    for (let at = 0; at < sa.size;) {
      const n = fs.readSync(fa, ba, 0, ba.length, at);
      if (n === 0 || fs.readSync(fb, bb, 0, n, at) !== n || !ba.subarray(0, n).equals(bb.subarray(0, n))) return false;
      at += n;
    }
    return true;
  } finally {
    fs.closeSync(fa);
    fs.closeSync(fb);
  }
}

/**
 * Copies every file under `from` into `to` (made if needed), skipping files already there with the same bytes;
 * each file is written under a temporary name, synced and renamed, so `to` never holds a half-written file.
 * Returns how many files were copied.
 */
function mergeFolderSync(from: string, to: string): number {
  if (!fs.existsSync(from)) return 0;
  fs.mkdirSync(to, { recursive: true });
  let copied = 0;
  for (const entry of fs.readdirSync(from, { withFileTypes: true })) {
    const source = path.join(from, entry.name);
    const target = path.join(to, entry.name);
    if (entry.isDirectory()) {
      copied += mergeFolderSync(source, target);
    } else if (entry.isFile() && !(fs.existsSync(target) && sameBytes(source, target))) {
      const partial = `${target}.partial`;
      fs.copyFileSync(source, partial, fs.constants.COPYFILE_FICLONE);
      syncToDisk(partial);
      fs.renameSync(partial, target);
      copied++;
    }
  }
  syncToDisk(to);
  return copied;
}

export interface AppliedRestore {
  /** The staged file that replaced the data file's content. */
  staged: string;
  /** The data file as it was before, kept in backups/ (null when there was no data file). */
  preRestoreBackup: string | null;
}

/**
 * Applies a staged restore, if there is one, to a data file no connection holds. Called by openStore before it
 * opens the file. A staged file that is not CaseDesk's or is newer than this program is refused, nothing changed.
 */
export function applyStagedRestore(
  file: string,
  {
    latest,
    applicationId,
    now,
    nativeBinding,
    key,
  }: { latest: number; applicationId: number; now: Date; nativeBinding?: string | undefined; key: DataKey },
): AppliedRestore | null {
  const staged = pendingRestorePath(file);
  const stagedAttachments = staged + ATTACHMENTS_SUFFIX;
  const request = staged + REQUEST_SUFFIX;
  if (!fs.existsSync(staged)) {
    // Left over by a restore that stopped before tidying up, or a check or staging that a crash cut short.
    for (const leftover of [
      stagedAttachments,
      `${stagedAttachments}.partial`,
      request,
      `${request}.partial`,
      ...['', '-wal', '-shm', '-journal'].map((s) => `${staged}.checking${s}`),
    ]) {
      fs.rmSync(leftover, { recursive: true, force: true });
    }
    return null;
  }
  // The backup service stages a file re-encrypted under the data file's key; a restore staged by an older CaseDesk
  // is plain and is refused here (stage it again with this version).
  if (fileStateOf(staged) !== 'encrypted' || !keyThatOpens(staged, [key], nativeBinding)) {
    throw new AppError(
      'DATA_FILE',
      `待恢复的文件“${staged}”不是用本机密钥加密的CaseDesk数据文件：删除它即可继续使用当前数据，再重新选择备份恢复`,
    );
  }
  const header = stagedHeader(staged, key, nativeBinding);
  if (header.applicationId !== applicationId || header.userVersion < 1) {
    throw new AppError('DATA_FILE', `待恢复的文件“${staged}”不是CaseDesk数据文件：删除它即可继续使用当前数据`);
  }
  if (header.userVersion > latest) {
    throw new AppError(
      'DATA_FILE',
      `待恢复的备份的版本（${header.userVersion}）比本程序支持的（${latest}）新：请升级CaseDesk，或删除“${staged}”继续使用当前数据`,
    );
  }

  const kept = fs.existsSync(file) ? keepCurrentFile(file, now, nativeBinding, key) : null;
  const preRestoreBackup = kept?.backup ?? null;
  mergeFolderSync(stagedAttachments, attachmentsDir(file));
  // A restore staged by an older CaseDesk has no request: it is recorded all the same, by nobody known.
  const asked = readJson<RestoreRequest>(request) ?? {
    eventId: crypto.randomUUID(),
    source: staged,
    sourceTime: '',
    stagedAt: '',
    by: null,
  };
  const finishing: FinishingRestore = {
    ...asked,
    preRestoreBackup,
    replacedMarks: kept?.marks ?? null,
    stagedIno: fs.statSync(staged).ino,
  };
  writeJsonAtomically(finishingPath(file), finishing);
  // The old file was checkpointed and closed: its WAL (or a stray rollback journal) must not meet the new file.
  for (const suffix of ['-wal', '-shm', '-journal']) fs.rmSync(file + suffix, { force: true });
  fs.renameSync(staged, file); // the one step that switches from the old data to the restored data
  syncToDisk(path.dirname(path.resolve(file)));
  fs.rmSync(stagedAttachments, { recursive: true, force: true });
  fs.rmSync(request, { force: true });
  return { staged, preRestoreBackup };
}

/** The identity and version of a staged (encrypted) file, read through its key without writing to it. */
function stagedHeader(
  staged: string,
  key: DataKey,
  nativeBinding: string | undefined,
): { applicationId: number; userVersion: number } {
  const sqlite = openKeyed(staged, key, { nativeBinding, readonly: true, fileMustExist: true });
  try {
    return {
      applicationId: sqlite.pragma('application_id', { simple: true }) as number,
      userVersion: sqlite.pragma('user_version', { simple: true }) as number,
    };
  } finally {
    sqlite.close();
  }
}

/** A restore, recovery or replacement recorded in `restores`, as finishing one returns it. */
export interface RestoreEvent {
  eventId: string;
  kind: 'backup' | 'recovery' | 'replaced';
  source: string;
  sourceTime: string;
  changeSeq: number;
  exportSequence: number;
}

/**
 * Records a restore in `restores` (once per event id) with where ids and sequences now continue, and moves the
 * audit entry its row made into the log, inside the caller's transaction. Nothing when the file predates `restores`.
 */
function recordRestoreSync(
  sqlite: BetterSqlite3.Database,
  event: Omit<RestoreEvent, 'changeSeq' | 'exportSequence'> & { preRestoreBackup: string; by: RestoreRequest['by'] },
  at: Date,
): RestoreEvent | null {
  if (!sqlite.prepare(`SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'restores'`).get()) return null;
  const marks = highWaterOf(sqlite);
  const recorded: RestoreEvent = {
    eventId: event.eventId,
    kind: event.kind,
    source: event.source,
    sourceTime: event.sourceTime,
    changeSeq: marks.sequences.change_log ?? 0,
    exportSequence: marks.sequences.exchange_exports ?? 0,
  };
  sqlite
    .prepare(
      `INSERT INTO restores (event_id, kind, source, source_time, happened_at, by_user, pre_restore_backup, change_seq, export_sequence, reported_in)
       VALUES (@eventId, @kind, @source, @sourceTime, @at, @by, @preRestoreBackup, @changeSeq, @exportSequence, NULL)
       ON CONFLICT (event_id) DO NOTHING`,
    )
    .run({ ...recorded, at: at.toISOString(), by: event.by?.username ?? '', preRestoreBackup: event.preRestoreBackup });
  recordAuditSync(sqlite, { channel: event.kind === 'replaced' ? 'restore:replaced' : 'restore', user: event.by, at });
  return recorded;
}

/**
 * The second half of a restore, once the restored file is open and migrated: its high-water marks raised to the
 * highest of the restored file, the file it replaced and the copy beside it, and the restore recorded, in one
 * transaction; then the copy beside the file is written and the note removed. Null when no restore was waiting.
 */
export function finishRestore(sqlite: BetterSqlite3.Database, file: string, now: Date): RestoreEvent | null {
  const note = finishingPath(file);
  if (!fs.existsSync(note)) return null;
  // The note is written atomically: unreadable means damaged by something else; the restore is still finished.
  const finishing = readJson<FinishingRestore>(note);
  if (finishing?.stagedIno && fs.statSync(file).ino !== finishing.stagedIno) {
    // The switch never happened (a crash before it, then the staged file was deleted by hand): nothing to finish.
    fs.rmSync(note, { force: true });
    return null;
  }
  let event: RestoreEvent | null = null;
  sqlite.transaction(() => {
    raiseHighWater(sqlite, highestOf(highWaterOf(sqlite), finishing?.replacedMarks, sameOfficeHighWater(sqlite, file)));
    event = recordRestoreSync(
      sqlite,
      {
        eventId: finishing?.eventId ?? crypto.randomUUID(),
        kind: 'backup',
        source: path.basename(finishing?.source ?? ''),
        sourceTime: finishing?.sourceTime ?? '',
        preRestoreBackup: finishing?.preRestoreBackup ?? '',
        by: finishing?.by ?? null,
      },
      now,
    );
  })();
  keepHighWater(sqlite, file, now);
  fs.rmSync(note, { force: true });
  return event;
}

/**
 * At every other open: when the copy beside the file holds higher marks than the file (it was replaced outside
 * CaseDesk, by a copied backup say), they are raised and that is recorded like a restore; then the copy is written.
 */
export function keepHighWaterAtOpen(sqlite: BetterSqlite3.Database, file: string, now: Date): RestoreEvent | null {
  const kept = sameOfficeHighWater(sqlite, file);
  let event: RestoreEvent | null = null;
  if (kept) {
    sqlite.transaction(() => {
      if (raiseHighWater(sqlite, kept).length === 0) return;
      event = recordRestoreSync(
        sqlite,
        { eventId: crypto.randomUUID(), kind: 'replaced', source: '', sourceTime: '', preRestoreBackup: '', by: null },
        now,
      );
    })();
  }
  keepHighWater(sqlite, file, now);
  return event;
}

/** A file's marks, or null when some page of it cannot be read: a damaged file never stops a restore. */
function marksIfReadable(sqlite: BetterSqlite3.Database): HighWater | null {
  try {
    return highWaterOf(sqlite);
  } catch {
    return null;
  }
}

/** Copies the data file (and its attachments) to backups/ as a pre-restore backup; returns its path and its marks. */
function keepCurrentFile(
  file: string,
  now: Date,
  nativeBinding: string | undefined,
  key: DataKey,
): { backup: string; marks: HighWater | null } {
  const folder = backupsDir(file);
  fs.mkdirSync(folder, { recursive: true });
  const target = unusedBackupPath(folder, now, 'pre-restore');
  const partial = `${target}.partial`;
  fs.rmSync(partial, { force: true });
  let sqlite: BetterSqlite3.Database | null = null;
  let marks: HighWater | null = null;
  try {
    sqlite = openKeyed(file, key, { fileMustExist: true, nativeBinding });
    sqlite.prepare('VACUUM INTO ?').run(partial); // encrypted under the same key
    marks = marksIfReadable(sqlite);
    const [checkpoint] = sqlite.pragma('wal_checkpoint(TRUNCATE)') as { busy: number }[];
    if (checkpoint?.busy) {
      throw new AppError('DATA_FILE', '数据文件正被另一个程序使用，暂不能恢复备份：请关闭其他CaseDesk窗口后重新打开');
    }
  } catch (error) {
    fs.rmSync(partial, { force: true });
    const code = String((error as { code?: unknown }).code);
    if (code !== 'SQLITE_NOTADB' && code !== 'DATA_KEY' && !code.startsWith('SQLITE_CORRUPT')) throw error;
    // The current file is damaged (often why a backup is being restored): keep its bytes as they are.
    fs.copyFileSync(file, partial);
    if (fs.existsSync(file + '-wal')) fs.copyFileSync(file + '-wal', target + '-wal');
  } finally {
    sqlite?.close();
  }
  syncToDisk(partial);
  const attachments = attachmentsDir(file);
  if (fs.existsSync(attachments)) {
    const partialFolder = `${target}${ATTACHMENTS_SUFFIX}.partial`;
    fs.rmSync(partialFolder, { recursive: true, force: true });
    mergeFolderSync(attachments, partialFolder);
    fs.renameSync(partialFolder, target + ATTACHMENTS_SUFFIX);
  }
  writeKeyIdBeside(target, key);
  fs.renameSync(partial, target);
  syncToDisk(folder);
  return { backup: target, marks };
}
