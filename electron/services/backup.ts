// Backups of the data file (VACUUM INTO: a consistent copy while the app keeps working) with its attachments,
// their rotation, and restore.
//
// A backup is one self-contained SQLite file, casedesk-<yyyyMMdd-HHmmss>-<reason>.sqlite, encrypted under the data
// key it was made with (its number in plain beside it, <name>.key-id, so that restoring says which recovery key it
// needs), with the attachments folder (encrypted files, fileStore.ts) copied next to it as <name>.attachments/. Automatic ones go to the data folder's backups/; a manual one
// may go to any folder (a USB stick). Each is written under a temporary name and renamed when complete, so a
// backup that is listed is whole. Restoring checks a file and stages it; openStore swaps it in at the next open
// (db/stagedRestore.ts), when no connection holds the data file.
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import {
  dataKeyFromRecoveryKey,
  fileStateOf,
  KEY_ID_SUFFIX,
  keyIdBeside,
  keyThatOpens,
  openKeyed,
  rekeyConnection,
  writeKeyIdBeside,
  type DataKey,
} from '../../db/dataKey';
import {
  encryptPlainDataFile,
  ENCRYPTING_SUFFIX,
  PLAIN_ORIGINAL_SUFFIX,
  settleInterruptedEncryption,
} from '../../db/encryptPlain';
import { keepHighWater } from '../../db/highWater';
import { CASEDESK_APPLICATION_ID, schemaVersion, type Store } from '../../db/open';
import {
  ATTACHMENTS_SUFFIX,
  attachmentsDir,
  backupsDir,
  pendingRestorePath,
  readSqliteHeader,
  syncToDisk,
  unusedBackupPath,
  writeRestoreRequest,
  type RestoreRequest,
} from '../../db/stagedRestore';
import { parseBackupFileName, rotateBackups, type BackupReason } from '../../shared/backupRotation';
import type { BackupInfo } from '../../shared/contract';
import { localDate } from '../../shared/dates';
import { AppError } from '../../shared/errors';
import { encryptFolderUnderCurrentKey } from './fileStore';

/** Tables every CaseDesk file has had since its first version. */
const REQUIRED_TABLES = ['office', 'cases'];

/**
 * A backup now, into `folder` or (null) the data folder's backups/. A `daily` backup into backups/ also applies
 * the rotation, so that taking one on every clean quit keeps the newest of each day.
 */
export async function createBackup(
  store: Store,
  { folder, reason, now }: { folder: string | null; reason: BackupReason; now: Date },
): Promise<BackupInfo> {
  const made = await takeBackup(store, folder === null ? null : await writableFolder(folder), reason, now);
  if (reason === 'daily' && folder === null) await applyRotation(store, now);
  return made;
}

/**
 * The automatic backup: a `daily` one unless backups/ already holds one of today's (local date), then the rotation.
 * The shell calls it when the app starts and on a clean quit.
 */
export async function backupDailyIfDue(
  store: Store,
  now: Date,
): Promise<{ taken: BackupInfo | null; removed: BackupInfo[] }> {
  const today = localDate(now);
  const due = !(await listBackups(store)).some((b) => b.reason === 'daily' && localDate(new Date(b.takenAt)) === today);
  const taken = due ? await takeBackup(store, null, 'daily', now) : null;
  return { taken, removed: await applyRotation(store, now) };
}

/**
 * The backups in the data folder, newest first: backups/ and the copies openStore makes before migrating
 * (<data file>.v<version>-<UTC time>.bak). Other files are ignored.
 */
export async function listBackups(store: Store): Promise<BackupInfo[]> {
  const found: BackupInfo[] = [];
  const folder = backupsDir(store.path);
  for (const name of await namesIn(folder)) {
    const parsed = parseBackupFileName(name);
    if (parsed) await addIfFile(found, path.join(folder, name), parsed.takenAt, parsed.reason, store.keyRing.current);
  }
  const dataFolder = path.dirname(path.resolve(store.path));
  for (const name of await namesIn(dataFolder)) {
    const takenAt = migrationBackupTime(store.path, name);
    if (takenAt) await addIfFile(found, path.join(dataFolder, name), takenAt, 'migration', store.keyRing.current);
  }
  return found.sort((a, b) => b.takenAt.localeCompare(a.takenAt) || b.file.localeCompare(a.file));
}

/**
 * Checks a backup and stages it to replace the data file at the next open: it must be an SQLite file that passes
 * `integrity_check`, carries CaseDesk's application_id and a schema version this program can open (an older one
 * is migrated), and has CaseDesk's tables. A refused file changes nothing. The check runs on a copy, so the file
 * staged is exactly the file checked. Who asked, and which backup of when, is kept beside it for the restore's
 * record (`restores`, its audit entry) when the next open finishes it.
 */
export async function stageRestore(
  store: Store,
  file: string,
  { by, now, recoveryKey = null }: { by: RestoreRequest['by']; now: Date; recoveryKey?: string | null },
): Promise<BackupInfo> {
  const source = path.resolve(file);
  const stat = await fsp.stat(source).catch(() => null);
  if (!stat?.isFile()) throw refused(`找不到文件“${source}”`);
  if (source === path.resolve(store.path)) throw refused('这是正在使用的数据文件，请选择一个备份');

  const current = store.keyRing.current;
  // The key the backup was made under, before anything is copied: this PC's, or the recovery key given for it.
  const backupKey = keyOfBackup(source, current, recoveryKey, store.nativeBinding);
  const staged = pendingRestorePath(store.path);
  const checking = `${staged}.checking`;
  const removeChecking = () =>
    Promise.all(['', '-wal', '-shm', '-journal'].map((s) => fsp.rm(checking + s, { force: true })));
  await removeChecking();
  try {
    await fsp.copyFile(source, checking);
    // A data file copied from another PC may still hold committed transactions in its WAL.
    const wal = await fsp.stat(`${source}-wal`).catch(() => null);
    if (wal?.isFile()) await fsp.copyFile(`${source}-wal`, `${checking}-wal`);
    checkBackupFile(checking, schemaVersion(store.sqlite), store.nativeBinding, !wal, backupKey);
    // The staged file opens with this PC's key at the next start: a plain backup of an older version is encrypted
    // now, one made under another key is re-encrypted (the copy only; the backup itself is never changed).
    if (backupKey !== current) {
      const sqlite = backupKey
        ? openKeyed(checking, backupKey, { nativeBinding: store.nativeBinding })
        : plainConnection(checking, store.nativeBinding);
      try {
        rekeyConnection(sqlite, current);
      } finally {
        sqlite.close();
      }
    }
    syncToDisk(checking);
  } catch (error) {
    await removeChecking();
    throw error;
  }

  const parsed = parseBackupFileName(path.basename(source));
  const checked: BackupInfo = {
    file: source,
    takenAt: (parsed?.takenAt ?? migrationBackupTime(store.path, path.basename(source)) ?? stat.mtime).toISOString(),
    reason: parsed?.reason ?? 'manual',
    bytes: stat.size,
    ...keyOfInfo(source, current),
  };
  // Replaces a restore staged earlier; the staged file is renamed in last, so it only exists complete.
  await fsp.rm(staged, { force: true });
  await fsp.rm(staged + ATTACHMENTS_SUFFIX, { recursive: true, force: true });
  await copyFolderAtomically(source + ATTACHMENTS_SUFFIX, staged + ATTACHMENTS_SUFFIX, (folder) => {
    // The backup's attachments go under this PC's key with the data they belong to.
    if (backupKey !== current) encryptFolderUnderCurrentKey(folder, { current, previous: backupKey });
  });
  writeRestoreRequest(store.path, { source, sourceTime: checked.takenAt, stagedAt: now.toISOString(), by });
  await fsp.rename(checking, staged);
  syncToDisk(path.dirname(staged));
  return checked;
}

async function takeBackup(store: Store, folder: string | null, reason: BackupReason, now: Date): Promise<BackupInfo> {
  const target = folder ?? backupsDir(store.path);
  await fsp.mkdir(target, { recursive: true });
  const file = unusedBackupPath(target, now, reason);
  const partial = `${file}.partial`;
  const partialAttachments = `${file}${ATTACHMENTS_SUFFIX}.partial`;
  const cleanUp = async () => {
    for (const suffix of ['', '-wal', '-shm', '-journal']) await fsp.rm(partial + suffix, { force: true });
    await fsp.rm(partialAttachments, { recursive: true, force: true });
    if (!fs.existsSync(file)) {
      await fsp.rm(file + ATTACHMENTS_SUFFIX, { recursive: true, force: true });
      await fsp.rm(file + KEY_ID_SUFFIX, { force: true });
    }
  };
  try {
    // The marks beside the data file are brought up to date with every backup (db/highWater.ts).
    keepHighWater(store.sqlite, store.path, now);
    // VACUUM INTO writes the copy encrypted under the data file's key (SQLite's backup API cannot copy an
    // encrypted file), in one read transaction of a connection of its own: what is committed, consistent, taken
    // while the app keeps working — and while the calling channel's own transaction is open (the import's backup).
    const reader = openKeyed(store.path, store.keyRing.current, {
      readonly: true,
      fileMustExist: true,
      nativeBinding: store.nativeBinding,
    });
    try {
      reader.prepare('VACUUM INTO ?').run(partial);
    } finally {
      reader.close();
    }
    standAlone(partial, store.nativeBinding, store.keyRing.current);
    syncToDisk(partial);
    writeKeyIdBeside(file, store.keyRing.current);
    // After the snapshot: every attachment the snapshot names already exists (attachments are only ever added).
    await copyFolderAtomically(attachmentsDir(store.path), file + ATTACHMENTS_SUFFIX);
    await fsp.rename(partial, file);
    syncToDisk(target);
  } catch (error) {
    await cleanUp();
    if ((error as NodeJS.ErrnoException).code === 'ENOSPC' || (error as { code?: string }).code === 'SQLITE_FULL') {
      throw new AppError('VALIDATION', '备份位置：空间不足，备份未完成', 'folder');
    }
    throw error;
  }
  const takenAt = parseBackupFileName(path.basename(file))?.takenAt ?? now; // to the second, as listed
  return {
    file,
    takenAt: takenAt.toISOString(),
    reason,
    bytes: (await fsp.stat(file)).size,
    ...keyOfInfo(file, store.keyRing.current),
  };
}

/** A backup is one file: it keeps a rollback journal, never the data file's WAL. */
function standAlone(file: string, nativeBinding: string | undefined, key: DataKey): void {
  const sqlite = openKeyed(file, key, { fileMustExist: true, nativeBinding });
  try {
    sqlite.pragma('journal_mode = DELETE');
  } finally {
    sqlite.close();
  }
}

/**
 * The backups an older CaseDesk left in the data folder (backups/ and the copies made before migrating) are plain:
 * each is encrypted under the data key the way the data file was (db/encryptPlain.ts: a verified copy swapped in,
 * the plain original wiped), with its attachments; one a crash interrupted is settled first. Run at every open, it
 * reads only each backup's first bytes once none is plain. A backup that cannot be encrypted (damaged) is left as
 * it is and named in `left`: an old backup must never stop the app from opening. Backups on USB sticks are out of
 * its reach: README.
 */
export function encryptPlainBackups(store: Store): { encrypted: string[]; left: { file: string; error: unknown }[] } {
  const folders = [backupsDir(store.path), path.dirname(path.resolve(store.path))];
  const isBackup = (folder: string, name: string) =>
    folder === folders[0] ? parseBackupFileName(name) !== null : migrationBackupTime(store.path, name) !== null;
  const encrypted: string[] = [];
  const left: { file: string; error: unknown }[] = [];
  for (const folder of folders) {
    let names: string[];
    try {
      names = fs.readdirSync(folder);
    } catch {
      continue;
    }
    for (const name of names) {
      for (const suffix of [PLAIN_ORIGINAL_SUFFIX, ENCRYPTING_SUFFIX]) {
        if (!name.endsWith(suffix) || !isBackup(folder, name.slice(0, -suffix.length))) continue;
        const file = path.join(folder, name.slice(0, -suffix.length));
        try {
          settleInterruptedEncryption(file);
        } catch (error) {
          left.push({ file, error });
        }
      }
    }
    for (const name of fs.readdirSync(folder)) {
      const file = path.join(folder, name);
      if (!isBackup(folder, name) || left.some((l) => l.file === file) || fileStateOf(file) !== 'plain') continue;
      try {
        // Attachments and the key number first: a crash after them leaves a plain backup, found again next time.
        encryptFolderUnderCurrentKey(file + ATTACHMENTS_SUFFIX, store.keyRing);
        writeKeyIdBeside(file, store.keyRing.current);
        encryptPlainDataFile(file, store.keyRing.current, { nativeBinding: store.nativeBinding });
        encrypted.push(file);
      } catch (error) {
        left.push({ file, error });
      }
    }
  }
  return { encrypted, left };
}

/** A backup still being written for this long was cut short (a crash, a power cut): its parts can go. */
const ABANDONED_AFTER_MS = 60 * 60_000;

/**
 * Deletes the `daily` backups in backups/ that the rotation does not keep (and their attachments), and the parts
 * of backups that were never finished.
 */
async function applyRotation(store: Store, now: Date): Promise<BackupInfo[]> {
  const folder = backupsDir(store.path);
  for (const name of await namesIn(folder)) {
    if (!/\.partial(-wal|-shm|-journal)?$/.test(name)) continue;
    const stat = await fsp.stat(path.join(folder, name)).catch(() => null);
    if (stat && stat.mtimeMs < now.getTime() - ABANDONED_AFTER_MS)
      await fsp.rm(path.join(folder, name), { recursive: true, force: true });
  }
  const backups = (await listBackups(store)).filter((b) => path.dirname(b.file) === folder);
  const { remove } = rotateBackups(
    backups.map((info) => ({ info, takenAt: new Date(info.takenAt), reason: info.reason })),
  );
  for (const { info } of remove) {
    await fsp.rm(info.file + ATTACHMENTS_SUFFIX, { recursive: true, force: true });
    await fsp.rm(info.file, { force: true });
    await fsp.rm(info.file + KEY_ID_SUFFIX, { force: true });
  }
  return remove.map((r) => r.info);
}

function backupFolderError(what: string): AppError {
  return new AppError('VALIDATION', `备份位置：${what}`, 'folder');
}

/** A folder chosen for a manual backup: it must exist, be a folder and take files. */
async function writableFolder(folder: string): Promise<string> {
  if (!path.isAbsolute(folder)) throw backupFolderError('请选择文件夹的完整路径');
  const stat = await fsp.stat(folder).catch(() => null);
  if (!stat) throw backupFolderError(`文件夹“${folder}”不存在（U盘是否已插好？）`);
  if (!stat.isDirectory()) throw backupFolderError(`“${folder}”不是文件夹`);
  // fs.access is unreliable on Windows and network drives: write a file and remove it.
  const probe = path.join(folder, `.casedesk-write-test-${process.pid}-${Date.now()}`);
  try {
    await fsp.writeFile(probe, '');
    await fsp.rm(probe, { force: true });
  } catch {
    throw backupFolderError(`文件夹“${folder}”不能写入（U盘是否写保护？）`);
  }
  return folder;
}

function refused(what: string): AppError {
  return new AppError('DATA_FILE', `备份文件：${what}，未作任何改动`, 'file');
}

/** Throws a `refused` error naming what is wrong with a candidate backup (a copy the caller may change). */
function checkBackupFile(
  file: string,
  latest: number,
  nativeBinding: string | undefined,
  wholeFileOnly: boolean,
  key: DataKey | null,
): void {
  if (!key) {
    // A plain backup of an older CaseDesk: its header says what it is before it is opened.
    const header = readSqliteHeader(file);
    if (!header) throw refused('不是数据库文件，或文件头已损坏');
    if (wholeFileOnly && header.pageCount * header.pageSize > fs.statSync(file).size)
      throw refused('文件不完整（复制时可能中断了）');
  }
  let sqlite: BetterSqlite3.Database | null = null;
  try {
    sqlite = key ? openKeyed(file, key, { fileMustExist: true, nativeBinding }) : plainConnection(file, nativeBinding);
    if (key && wholeFileOnly) {
      // The header's page count is inside the encrypted first page: SQLite reads it, and a file shorter than it
      // says is "malformed" to SQLite — for a backup, cut short while it was copied.
      let pages: number;
      try {
        pages = sqlite.pragma('page_count', { simple: true }) as number;
      } catch (error) {
        if (String((error as { code?: unknown }).code).startsWith('SQLITE_CORRUPT'))
          throw refused('文件不完整（复制时可能中断了）或已损坏');
        throw error;
      }
      const pageSize = sqlite.pragma('page_size', { simple: true }) as number;
      if (pages * pageSize > fs.statSync(file).size) throw refused('文件不完整（复制时可能中断了）');
    }
    if (sqlite.pragma('application_id', { simple: true }) !== CASEDESK_APPLICATION_ID)
      throw refused('不是CaseDesk数据文件');
    const version = schemaVersion(sqlite);
    if (version < 1) throw refused('不是CaseDesk数据文件（没有数据版本）');
    if (version > latest) throw refused(`版本（${version}）比本程序支持的（${latest}）新，请先升级CaseDesk`);
    const problem = integrityProblem(sqlite);
    if (problem !== null) throw refused(`文件已损坏（完整性检查：${problem}）`);
    const tables = new Set(
      (sqlite.prepare(`SELECT name FROM sqlite_schema WHERE type = 'table'`).all() as { name: string }[]).map(
        (t) => t.name,
      ),
    );
    const missing = REQUIRED_TABLES.filter((t) => !tables.has(t));
    if (missing.length > 0) throw refused(`缺少数据表 ${missing.join('、')}，不是完整的CaseDesk数据文件`);
    // Folds a WAL copied along into the file: the staged file stands alone.
    sqlite.pragma('journal_mode = DELETE');
  } catch (error) {
    if (error instanceof AppError) throw error;
    const code = (error as { code?: unknown }).code;
    if (code === 'SQLITE_NOTADB') throw refused('不是数据库文件，或文件头已损坏');
    if (typeof code === 'string' && code.startsWith('SQLITE_')) throw refused(`文件已损坏（${code}）`);
    throw error;
  } finally {
    sqlite?.close();
  }
}

function plainConnection(file: string, nativeBinding: string | undefined): BetterSqlite3.Database {
  return new BetterSqlite3(file, { fileMustExist: true, ...(nativeBinding ? { nativeBinding } : {}) });
}

/**
 * The key a backup file is under: null for a plain backup of an older CaseDesk, this PC's key, or the key of the
 * recovery key given for it. Refused in Chinese, naming the key number it needs, when none of these opens it.
 */
function keyOfBackup(
  file: string,
  current: DataKey,
  recoveryKey: string | null,
  nativeBinding: string | undefined,
): DataKey | null {
  const state = fileStateOf(file);
  if (state === 'plain') return null;
  // Encrypted pages are whole multiples of 512 bytes: anything else is not a data file (or is cut mid-page).
  const size = fs.statSync(file).size;
  if (state !== 'encrypted' || size < 512 || size % 512 !== 0) {
    throw refused(keyIdBeside(file) ? '文件不完整（复制时可能中断了）或已损坏' : '不是数据库文件，或文件头已损坏');
  }
  const given = recoveryKey ? dataKeyFromRecoveryKey(recoveryKey) : null;
  const candidates = given ? [given, current] : [current];
  let opens: DataKey | null;
  try {
    opens = keyThatOpens(file, candidates, nativeBinding);
  } catch {
    throw refused('不是数据库文件，或文件已损坏');
  }
  if (opens) return opens;
  const needed = keyIdBeside(file);
  if (needed === current.id) throw refused('文件已损坏（用本机密钥无法解密）');
  if (!needed && !given) {
    // Nothing says which key it is under: a damaged file and one under an unknown key look alike.
    throw refused('不是数据库文件或已损坏，也可能是用另一把密钥加密的备份（需要制作该备份时所用密钥的恢复密钥）');
  }
  const which = needed ? `编号为 ${needed} 的密钥` : '制作该备份时所用的密钥';
  if (given) {
    throw new AppError(
      'DATA_KEY',
      `备份文件：输入的恢复密钥（编号 ${given.id}）不能打开它，它需要${which}的恢复密钥（也可能是另一司法所的备份），未作任何改动`,
      'recoveryKey',
    );
  }
  throw new AppError(
    'DATA_KEY',
    `备份文件：它是用另一把密钥加密的，需要${which}的恢复密钥（可能制作于更换密钥之前，或来自另一台电脑），请输入后再恢复；未作任何改动`,
    'recoveryKey',
  );
}

/** Which key a listed backup needs, said for the clerk. */
function keyOfInfo(file: string, current: DataKey): Pick<BackupInfo, 'keyId' | 'keyNote'> {
  if (fileStateOf(file) === 'plain') return { keyId: null, keyNote: '旧版本的未加密备份（恢复时加密）' };
  const keyId = keyIdBeside(file);
  if (keyId === current.id) return { keyId, keyNote: '本机当前密钥' };
  return { keyId, keyNote: keyId ? `需要编号为 ${keyId} 的恢复密钥` : '需要制作该备份时所用密钥的恢复密钥' };
}

/** What `PRAGMA integrity_check` finds first, or null when it says ok (it throws on some damage, e.g. in FTS5 tables). */
function integrityProblem(sqlite: BetterSqlite3.Database): string | null {
  try {
    const verdict = (sqlite.pragma('integrity_check') as { integrity_check: string }[]).map((r) => r.integrity_check);
    return verdict.length === 1 && verdict[0] === 'ok' ? null : (verdict[0] ?? '无结果').split('\n').at(-1)!;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

/** Copies a folder (when it exists) to `to` under a temporary name, then renames it: `to` only exists whole. */
async function copyFolderAtomically(from: string, to: string, prepare?: (partial: string) => void): Promise<void> {
  if (!(await fsp.stat(from).catch(() => null))?.isDirectory()) return;
  const partial = `${to}.partial`;
  await fsp.rm(partial, { recursive: true, force: true });
  await copyFolder(from, partial);
  prepare?.(partial);
  await fsp.rename(partial, to);
}

async function copyFolder(from: string, to: string): Promise<void> {
  await fsp.mkdir(to, { recursive: true });
  for (const entry of await fsp.readdir(from, { withFileTypes: true })) {
    const source = path.join(from, entry.name);
    const target = path.join(to, entry.name);
    if (entry.isDirectory()) {
      await copyFolder(source, target);
    } else if (entry.isFile()) {
      await fsp.copyFile(source, target, fs.constants.COPYFILE_FICLONE);
      const handle = await fsp.open(target, 'r+');
      try {
        await handle.sync();
      } finally {
        await handle.close();
      }
    }
  }
  syncToDisk(to);
}

async function namesIn(folder: string): Promise<string[]> {
  try {
    return await fsp.readdir(folder);
  } catch {
    return [];
  }
}

async function addIfFile(
  found: BackupInfo[],
  file: string,
  takenAt: Date,
  reason: BackupReason,
  current: DataKey,
): Promise<void> {
  const stat = await fsp.stat(file).catch(() => null);
  if (stat?.isFile())
    found.push({ file, takenAt: takenAt.toISOString(), reason, bytes: stat.size, ...keyOfInfo(file, current) });
}

/** The UTC time in the name of openStore's pre-migration copy of this data file, or null for any other name. */
function migrationBackupTime(dataFile: string, name: string): Date | null {
  const base = path.basename(path.resolve(dataFile));
  if (!name.startsWith(`${base}.v`)) return null;
  const m = /^\d+-(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})\.bak$/.exec(name.slice(base.length + 2));
  if (!m) return null;
  const [y, mo, d, h, mi, s] = m.slice(1).map(Number) as [number, number, number, number, number, number];
  return new Date(Date.UTC(y, mo - 1, d, h, mi, s));
}
