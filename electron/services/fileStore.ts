// The one place files are kept at rest beside the data file: the attachments (scans and photos of dossier items)
// and, later, the electronic dossiers kept at archiving. Each file is named by the SHA-256 of its content (a name
// always holds the same bytes, so backups copy the folder as it is) and encrypted with AES-256-GCM under a key
// derived from the data key (db/dataKey.ts `derivedKey`), the key's number in its header so that a file written
// before a re-key still names the key it needs. Files of an older CaseDesk are plain; they are read as they are and
// encrypted in place at the first open by this version (`encryptPlainFiles`).
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { derivedKey, type DataKey, type KeyRing } from '../../db/dataKey';
import { attachmentsDir, syncToDisk } from '../../db/stagedRestore';
import { AppError } from '../../shared/errors';
import { beforeTransient } from './system/transientBuffers';

const MAGIC = Buffer.from('CDSKENC1', 'latin1');
const KEY_ID_BYTES = 14; // "3F2A-9C1B-70D4"
const NONCE_BYTES = 12;
const TAG_BYTES = 16;
const HEADER_BYTES = MAGIC.length + KEY_ID_BYTES + NONCE_BYTES;
/** Files up to this size are read into the one buffer a FileStore keeps (scans, photos, attachments' PDFs). */
const REUSED_READ_BYTES = 4 * 1024 * 1024;

function isEncryptedFile(bytes: Buffer): boolean {
  return bytes.length >= HEADER_BYTES + TAG_BYTES && bytes.subarray(0, MAGIC.length).equals(MAGIC);
}

/**
 * A file's bytes encrypted under `key` (the purpose's derived key), as stored, in the pieces they are written in:
 * never joined, so a large file (an archived dossier) is not held twice more.
 */
function sealFile(plain: Buffer, key: DataKey): Buffer[] {
  const nonce = crypto.randomBytes(NONCE_BYTES);
  const id = Buffer.from(key.id, 'latin1');
  const cipher = crypto.createCipheriv('aes-256-gcm', derivedKey(key, 'attachments'), nonce);
  cipher.setAAD(id);
  beforeTransient(plain.length);
  const body = cipher.update(plain);
  const rest = cipher.final();
  return [MAGIC, id, nonce, body, rest, cipher.getAuthTag()];
}

/** The key number a stored file names, or null for a plain file of an older CaseDesk. */
export function keyIdOfFile(bytes: Buffer): string | null {
  return isEncryptedFile(bytes) ? bytes.toString('latin1', MAGIC.length, MAGIC.length + KEY_ID_BYTES) : null;
}

/** A stored file's content: decrypted with the ring's key it names, or as it is when it is a plain older file. */
export function openFile(stored: Buffer, ring: KeyRing, name: string): Buffer {
  if (!isEncryptedFile(stored)) return stored;
  const id = keyIdOfFile(stored)!;
  const key = [ring.current, ring.previous].find((k) => k?.id === id);
  if (!key) throw new AppError('DATA_KEY', `附件“${name}”是用另一把密钥（编号 ${id}）加密的，本机没有该密钥`);
  const nonce = stored.subarray(MAGIC.length + KEY_ID_BYTES, HEADER_BYTES);
  const decipher = crypto.createDecipheriv('aes-256-gcm', derivedKey(key, 'attachments'), nonce);
  decipher.setAAD(Buffer.from(id, 'latin1'));
  decipher.setAuthTag(stored.subarray(stored.length - TAG_BYTES));
  try {
    beforeTransient(stored.length);
    const body = decipher.update(stored.subarray(HEADER_BYTES, stored.length - TAG_BYTES));
    const rest = decipher.final(); // empty for GCM: joined only if not, to copy no scan twice
    return rest.length ? Buffer.concat([body, rest]) : body;
  } catch {
    throw new AppError('DATA_FILE', `附件“${name}”已损坏（解密校验失败）`);
  }
}

/** The key number in a stored file's header, read without reading the file; null for a plain file. */
function headerKeyId(file: string): string | null {
  const head = Buffer.alloc(HEADER_BYTES);
  const fd = fs.openSync(file, 'r');
  try {
    const read = fs.readSync(fd, head, 0, HEADER_BYTES, 0);
    return read === HEADER_BYTES && head.subarray(0, MAGIC.length).equals(MAGIC)
      ? head.toString('latin1', MAGIC.length, MAGIC.length + KEY_ID_BYTES)
      : null;
  } finally {
    fs.closeSync(fd);
  }
}

/** Writes pieces under a temporary name, synced, then renamed: the target only ever holds a whole file. */
function writeAtomically(target: string, pieces: readonly Buffer[]): void {
  const partial = `${target}.partial`;
  const fd = fs.openSync(partial, 'w');
  try {
    for (const bytes of pieces) for (let at = 0; at < bytes.length;) at += fs.writeSync(fd, bytes, at);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  fs.renameSync(partial, target);
}

export class FileStore {
  constructor(
    private readonly dataFile: string,
    /** The data file's keys as they are now (a re-key changes them while the app runs). */
    private readonly keys: () => KeyRing,
  ) {}

  get folder(): string {
    return attachmentsDir(this.dataFile);
  }

  pathOf(sha256: string): string {
    return path.join(this.folder, sha256);
  }

  has(sha256: string): boolean {
    return fs.existsSync(this.pathOf(sha256));
  }

  /**
   * Keeps `plain` under its SHA-256, encrypted; returns the name. A file already kept is left as it is. A caller
   * that has just hashed the bytes (the archived dossier) passes the hash, so a large file is hashed once.
   */
  put(plain: Buffer, sha256 = crypto.createHash('sha256').update(plain).digest('hex')): string {
    const target = this.pathOf(sha256);
    if (!fs.existsSync(target)) {
      fs.mkdirSync(this.folder, { recursive: true });
      writeAtomically(target, sealFile(plain, this.keys().current));
      syncToDisk(this.folder);
    }
    return sha256;
  }

  /**
   * A stored file's content. Its encrypted bytes are read into one buffer kept for the next read (files up to
   * REUSED_READ_BYTES; a larger one, an archived dossier, gets a buffer of its own that is let go): a dossier reads
   * 150 scans twice, and a fresh buffer per read was 0.5 MB of garbage each, which V8 collects only once tens of
   * megabytes of it have piled up and glibc then keeps (README, Performance: peak RSS). Only the decrypted bytes
   * returned are new; they never share memory with the kept buffer.
   */
  read(sha256: string): Buffer {
    const stored = this.readStored(this.pathOf(sha256));
    const plain = openFile(stored, this.keys(), sha256);
    // A plain file of an older CaseDesk is its stored bytes: copied out of the buffer read into next.
    return plain === stored && stored.buffer === this.readBuffer.buffer ? Buffer.from(stored) : plain;
  }

  private readBuffer = Buffer.alloc(0);

  private readStored(file: string): Buffer {
    const fd = fs.openSync(file, 'r');
    try {
      const size = fs.fstatSync(fd).size;
      if (size > REUSED_READ_BYTES) return fs.readFileSync(fd);
      if (this.readBuffer.length < size) this.readBuffer = Buffer.allocUnsafe(Math.max(size, 64 * 1024));
      const bytes = this.readBuffer.subarray(0, size);
      let at = 0;
      while (at < size) {
        const n = fs.readSync(fd, bytes, at, size - at, at);
        if (n === 0) break;
        at += n;
      }
      return bytes.subarray(0, at);
    } finally {
      fs.closeSync(fd);
    }
  }

  /**
   * Every kept file not under the current key — plain files of an older CaseDesk, files of the key before a
   * re-key — encrypted again under it (see encryptFolderUnderCurrentKey). Returns how many were rewritten.
   */
  encryptUnderCurrentKey(): number {
    return encryptFolderUnderCurrentKey(this.folder, this.keys());
  }
}

/**
 * Rewrites every file of a file-store folder that is not under `ring.current` — plain, or under `ring.previous` —
 * encrypted under it, one at a time (each replaced atomically, so a crash leaves each file whole under one key or
 * the other). Also used on a backup's attachments when it is restored under another key. Returns how many.
 */
export function encryptFolderUnderCurrentKey(folder: string, ring: KeyRing): number {
  if (!fs.existsSync(folder)) return 0;
  let rewritten = 0;
  for (const entry of fs.readdirSync(folder, { withFileTypes: true })) {
    if (!entry.isFile() || !/^[0-9a-f]{64}$/.test(entry.name)) continue;
    const file = path.join(folder, entry.name);
    // Every open checks the folder: only each file's header is read (scans run to megabytes, there may be thousands).
    if (headerKeyId(file) === ring.current.id) continue;
    const stored = fs.readFileSync(file);
    writeAtomically(file, sealFile(openFile(stored, ring, entry.name), ring.current));
    rewritten++;
  }
  if (rewritten > 0) syncToDisk(folder);
  return rewritten;
}
