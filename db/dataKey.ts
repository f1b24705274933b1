// The data key: a random 256-bit key per installation that encrypts the data file's pages (SQLCipher 4 compatible,
// through SQLite3 Multiple Ciphers, the raw key handed over as hex so no slow passphrase derivation runs at open),
// and from which the keys of the attachment files and scratch files are derived (HKDF-SHA256, one purpose each).
// Where the key is kept is not this module's business: everything takes it through one DataKeyProvider — the
// desktop shell's wraps it with the operating system's store (electron/dataKeyFile.ts), the CLI and the preview
// read a key file or ask for the recovery key (scripts/keyInput.ts), the tests hold one in memory.
import crypto from 'node:crypto';
import fs from 'node:fs';
import BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import { AppError } from '../shared/errors';
import { formatRecoveryKey, parseRecoveryKey, RECOVERY_KEY_BYTES } from '../shared/recoveryKey';

export interface DataKey {
  readonly bytes: Buffer;
  /** The key's number (密钥编号): names the key without revealing it, e.g. 3F2A-9C1B-70D4. */
  readonly id: string;
}

/**
 * The keys kept for one data file: the current one and, only while a re-key is being finished, the one before
 * (a crash in the middle of a re-key leaves files under either key, and both must open).
 */
export interface KeyRing {
  current: DataKey;
  previous: DataKey | null;
}

/** Where the keys of a data file are kept. One interface for the desktop, the CLI, the preview and the tests. */
export interface DataKeyProvider {
  /**
   * The keys kept for `file`, or null when none are (a new data file; or the file came from another PC, or the
   * system's store was lost: then the recovery key is needed). Throws AppError DATA_KEY, in Chinese, when what is
   * kept cannot be read (a damaged or cut key file, a system store that will not unwrap it).
   */
  load(file: string): KeyRing | null;
  /** Keeps `ring` for `file` in place of what was kept (a new file, a re-key, a key entered from the recovery key). */
  save(file: string, ring: KeyRing): void;
}

function keyIdOf(bytes: Buffer): string {
  const hex = crypto
    .createHmac('sha256', bytes)
    .update('casedesk data key id')
    .digest('hex')
    .slice(0, 12)
    .toUpperCase();
  return hex.match(/.{4}/g)!.join('-');
}

export function dataKeyOf(bytes: Uint8Array): DataKey {
  if (bytes.length !== RECOVERY_KEY_BYTES) throw new Error(`a data key has ${RECOVERY_KEY_BYTES} bytes`);
  const copy = Buffer.from(bytes);
  return { bytes: copy, id: keyIdOf(copy) };
}

export function newDataKey(): DataKey {
  return dataKeyOf(crypto.randomBytes(RECOVERY_KEY_BYTES));
}

export function recoveryKeyOf(key: DataKey): string {
  return formatRecoveryKey(key.bytes);
}

/** A recovery key as typed, as a data key; a typing mistake is refused in Chinese, naming `field`. */
export function dataKeyFromRecoveryKey(text: string, field = 'recoveryKey'): DataKey {
  const read = parseRecoveryKey(text);
  if (!read.ok) throw new AppError('DATA_KEY', read.message, field);
  return dataKeyOf(read.key);
}

/** A key ring of one key held in memory: the tests' provider, and the CLI's once it has read the key. */
export class MemoryKeyProvider implements DataKeyProvider {
  private ring: KeyRing | null;

  constructor(key: DataKey | KeyRing | null) {
    this.ring = key === null ? null : 'current' in key ? key : { current: key, previous: null };
  }

  load(): KeyRing | null {
    return this.ring;
  }

  save(_file: string, ring: KeyRing): void {
    this.ring = ring;
  }
}

/** A key for one purpose (attachments, scratch files), derived from the data key: never the page key itself. */
export function derivedKey(key: DataKey, purpose: 'attachments' | 'scratch'): Buffer {
  return Buffer.from(crypto.hkdfSync('sha256', key.bytes, Buffer.alloc(0), `casedesk ${purpose} v1`, 32));
}

/** Sets SQLCipher 4 compatible encryption and the raw key on a connection that has read nothing yet. */
export function applyKey(sqlite: BetterSqlite3.Database, key: DataKey): void {
  sqlite.pragma(`cipher = 'sqlcipher'`);
  sqlite.pragma('legacy = 4');
  sqlite.pragma(`key = "x'${key.bytes.toString('hex')}'"`);
}

/** Re-encrypts an open, keyed (or plain) connection's file to `key`, in place; the file must not be in WAL mode. */
export function rekeyConnection(sqlite: BetterSqlite3.Database, key: DataKey): void {
  sqlite.pragma(`cipher = 'sqlcipher'`);
  sqlite.pragma('legacy = 4');
  sqlite.pragma(`rekey = "x'${key.bytes.toString('hex')}'"`);
}

export type FileState = 'absent' | 'empty' | 'plain' | 'encrypted';

const SQLITE_MAGIC = Buffer.from('SQLite format 3\0', 'latin1');

/** What a file is, from its first bytes: an unencrypted SQLite file starts with the SQLite magic, ours never do. */
export function fileStateOf(file: string): FileState {
  let fd: number;
  try {
    fd = fs.openSync(file, 'r');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 'absent';
    throw error;
  }
  try {
    const head = Buffer.alloc(SQLITE_MAGIC.length);
    const read = fs.readSync(fd, head, 0, head.length, 0);
    if (read === 0) return 'empty';
    return read === head.length && head.equals(SQLITE_MAGIC) ? 'plain' : 'encrypted';
  } finally {
    fs.closeSync(fd);
  }
}

export interface KeyedOptions {
  nativeBinding?: string | undefined;
  readonly?: boolean;
  fileMustExist?: boolean;
}

/** True when `key` reads the file (its first page decrypts); the connection is left keyed either way. */
function readsWith(sqlite: BetterSqlite3.Database): boolean {
  try {
    // Page 1 only: a file cut short after it still opens here, and its checks say it is incomplete.
    sqlite.pragma('user_version');
    return true;
  } catch (error) {
    const code = String((error as { code?: unknown }).code);
    if (code === 'SQLITE_NOTADB') return false;
    // Page 1 decrypted, and the file is damaged further on (cut short): the key is right, the checks say the rest.
    if (code.startsWith('SQLITE_CORRUPT')) return true;
    throw error;
  }
}

/**
 * Opens an encrypted SQLite file (or makes a new one) under `key`. A key that does not read it is refused with
 * `wrongKey` (a Chinese message), never with SQLite's "file is not a database"; nothing is written to the file.
 */
export function openKeyed(
  file: string,
  key: DataKey,
  options: KeyedOptions = {},
  wrongKey?: () => AppError,
): BetterSqlite3.Database {
  const sqlite = new BetterSqlite3(file, {
    ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
    ...(options.readonly ? { readonly: true } : {}),
    ...(options.fileMustExist ? { fileMustExist: true } : {}),
  });
  try {
    applyKey(sqlite, key);
    if (!readsWith(sqlite)) throw wrongKey?.() ?? wrongKeyError(file, key, null);
    return sqlite;
  } catch (error) {
    sqlite.close();
    throw error;
  }
}

/** Tries each key of a ring on a file; returns the one that reads it, or null. */
export function keyThatOpens(file: string, keys: readonly DataKey[], nativeBinding?: string): DataKey | null {
  for (const key of keys) {
    const sqlite = new BetterSqlite3(file, { fileMustExist: true, ...(nativeBinding ? { nativeBinding } : {}) });
    try {
      applyKey(sqlite, key);
      if (readsWith(sqlite)) return key;
    } finally {
      sqlite.close();
    }
  }
  return null;
}

export function wrongKeyError(file: string, key: DataKey, needed: string | null): AppError {
  if (needed === key.id) {
    // The file says it is under this very key and still does not decrypt: it is damaged, not foreign.
    return new AppError('DATA_FILE', `数据文件“${file}”已损坏（用本机密钥编号 ${key.id} 无法解密）：请从备份恢复`);
  }
  return new AppError(
    'DATA_KEY',
    `数据文件“${file}”不能用本机的密钥（编号 ${key.id}）打开${needed ? `，它需要编号为 ${needed} 的密钥` : ''}：` +
      '它可能是从另一台电脑复制来的，或密钥已更换。请输入该数据的恢复密钥（恢复密钥纸上印有密钥编号）',
  );
}

export function missingKeyError(file: string, needed: string | null): AppError {
  return new AppError(
    'DATA_KEY',
    `数据文件“${file}”已加密，本机没有它的密钥${needed ? `（需要编号为 ${needed} 的密钥）` : ''}：` +
      '数据文件可能是从另一台电脑复制来的，或本机的系统密钥库已丢失。请输入首次设置时打印的恢复密钥',
  );
}

/**
 * The number of the key a backup or a copied data file needs, kept in plain beside it (`<file>.key-id`): the
 * encrypted file itself cannot say, and the clerk must be told which recovery key to look for.
 */
export const KEY_ID_SUFFIX = '.key-id';

export function writeKeyIdBeside(file: string, key: DataKey): void {
  const target = file + KEY_ID_SUFFIX;
  fs.writeFileSync(`${target}.partial`, `${JSON.stringify({ format: 'casedesk-key-id', keyId: key.id })}\n`);
  fs.renameSync(`${target}.partial`, target);
}

export function keyIdBeside(file: string): string | null {
  try {
    const parsed = JSON.parse(fs.readFileSync(file + KEY_ID_SUFFIX, 'utf8')) as { format?: unknown; keyId?: unknown };
    return parsed.format === 'casedesk-key-id' &&
      typeof parsed.keyId === 'string' &&
      /^[0-9A-F]{4}(-[0-9A-F]{4}){2}$/.test(parsed.keyId)
      ? parsed.keyId
      : null;
  } catch {
    return null;
  }
}
