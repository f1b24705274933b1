// Where backups and attachments live next to a data file, and the second half of a restore. The backup service
// checks a backup and stages it as <file>.restore-pending; openStore applies it before it opens the file, when no
// connection holds it: the current file is kept as a pre-restore backup, the staged attachments are merged in, and
// one rename puts the staged file in place. A crash at any step leaves the old file or the new one complete, and
// the next open finishes a restore that was interrupted.
import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { backupFileName, type BackupReason } from '../shared/backupRotation';
import { AppError } from '../shared/errors';

export const PENDING_RESTORE_SUFFIX = '.restore-pending';
export const ATTACHMENTS_SUFFIX = '.attachments';

export function pendingRestorePath(file: string): string {
  return path.resolve(file) + PENDING_RESTORE_SUFFIX;
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

/** fsync a file, or a folder so that renames in it survive a power cut (Windows cannot sync folders). */
export function syncToDisk(target: string): void {
  const folder = fs.statSync(target).isDirectory();
  if (folder && process.platform === 'win32') return;
  // Windows flushes only through a handle opened for writing.
  const fd = fs.openSync(target, folder ? 'r' : 'r+');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

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
    for (let at = 0; at < sa.size; ) {
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
export function mergeFolderSync(from: string, to: string): number {
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
  { latest, applicationId, now, nativeBinding }: { latest: number; applicationId: number; now: Date; nativeBinding?: string | undefined },
): AppliedRestore | null {
  const staged = pendingRestorePath(file);
  const stagedAttachments = staged + ATTACHMENTS_SUFFIX;
  if (!fs.existsSync(staged)) {
    // Left over by a restore that stopped before tidying up, or a check or staging that a crash cut short.
    for (const leftover of [stagedAttachments, `${stagedAttachments}.partial`, ...['', '-wal', '-shm', '-journal'].map((s) => `${staged}.checking${s}`)]) {
      fs.rmSync(leftover, { recursive: true, force: true });
    }
    return null;
  }
  const header = readSqliteHeader(staged);
  if (!header || header.applicationId !== applicationId || header.userVersion < 1) {
    throw new AppError('DATA_FILE', `待恢复的文件“${staged}”不是CaseDesk数据文件：删除它即可继续使用当前数据`);
  }
  if (header.userVersion > latest) {
    throw new AppError('DATA_FILE', `待恢复的备份的版本（${header.userVersion}）比本程序支持的（${latest}）新：请升级CaseDesk，或删除“${staged}”继续使用当前数据`);
  }

  const preRestoreBackup = fs.existsSync(file) ? keepCurrentFile(file, now, nativeBinding) : null;
  mergeFolderSync(stagedAttachments, attachmentsDir(file));
  // The old file was checkpointed and closed: its WAL (or a stray rollback journal) must not meet the new file.
  for (const suffix of ['-wal', '-shm', '-journal']) fs.rmSync(file + suffix, { force: true });
  fs.renameSync(staged, file); // the one step that switches from the old data to the restored data
  syncToDisk(path.dirname(path.resolve(file)));
  fs.rmSync(stagedAttachments, { recursive: true, force: true });
  return { staged, preRestoreBackup };
}

/** Copies the data file (and its attachments) to backups/ as a pre-restore backup; returns its path. */
function keepCurrentFile(file: string, now: Date, nativeBinding: string | undefined): string {
  const folder = backupsDir(file);
  fs.mkdirSync(folder, { recursive: true });
  const target = unusedBackupPath(folder, now, 'pre-restore');
  const partial = `${target}.partial`;
  fs.rmSync(partial, { force: true });
  let sqlite: BetterSqlite3.Database | null = null;
  try {
    sqlite = new BetterSqlite3(file, { fileMustExist: true, ...(nativeBinding ? { nativeBinding } : {}) });
    sqlite.prepare('VACUUM INTO ?').run(partial);
    const [checkpoint] = sqlite.pragma('wal_checkpoint(TRUNCATE)') as { busy: number }[];
    if (checkpoint?.busy) {
      throw new AppError('DATA_FILE', '数据文件正被另一个程序使用，暂不能恢复备份：请关闭其他CaseDesk窗口后重新打开');
    }
  } catch (error) {
    fs.rmSync(partial, { force: true });
    const code = String((error as { code?: unknown }).code);
    if (code !== 'SQLITE_NOTADB' && !code.startsWith('SQLITE_CORRUPT')) throw error;
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
  fs.renameSync(partial, target);
  syncToDisk(folder);
  return target;
}
