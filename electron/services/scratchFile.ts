// Scratch files (an export's rows on their way into the package, an upload arriving in chunks) are encrypted too:
// AES-256-CTR under a random key that lives only in this object's memory, so a scratch file left behind by a crash
// or a power cut is noise to anyone who copies the disk. Written once front to back, read back front to back as
// often as the caller needs, a chunk at a time.
import crypto from 'node:crypto';
import fs from 'node:fs';
import { beforeTransient } from './system/transientBuffers';

export class ScratchFile {
  private readonly key = crypto.randomBytes(32);
  private readonly iv = crypto.randomBytes(16);
  private readonly cipher = crypto.createCipheriv('aes-256-ctr', this.key, this.iv);
  private fd: number | null;
  private written = 0;

  constructor(readonly file: string) {
    this.fd = fs.openSync(file, 'w', 0o600);
  }

  get length(): number {
    return this.written;
  }

  append(plain: Buffer): void {
    if (this.fd === null) throw new Error(`${this.file} is closed for writing`);
    beforeTransient(plain.length);
    const bytes = this.cipher.update(plain);
    for (let at = 0; at < bytes.length;) at += fs.writeSync(this.fd, bytes, at, bytes.length - at, this.written + at);
    this.written += bytes.length;
  }

  /** Ends writing (CTR has no final block); the file can then be read. */
  close(): void {
    if (this.fd === null) return;
    fs.closeSync(this.fd);
    this.fd = null;
  }

  /**
   * The plaintext, front to back, in chunks of at most `chunkBytes`, each a buffer of its own (a caller may keep
   * them). The encrypted bytes are read into one buffer used again for every chunk: a full export reads its 112 MB
   * of rows twice (hashed, then sealed), and a fresh read buffer per megabyte was garbage that glibc kept in its heap
   * once V8 collected it (README, Performance: peak RSS).
   */
  *chunks(chunkBytes: number, length = this.written): Generator<Buffer> {
    const decipher = crypto.createDecipheriv('aes-256-ctr', this.key, this.iv);
    const fd = fs.openSync(this.file, 'r');
    try {
      const stored = Buffer.allocUnsafe(Math.min(chunkBytes, length));
      for (let at = 0; at < length;) {
        const read = fs.readSync(fd, stored, 0, Math.min(stored.length, length - at), at);
        if (read === 0) throw new Error(`${this.file} ended early`);
        at += read;
        beforeTransient(read);
        yield decipher.update(stored.subarray(0, read));
      }
    } finally {
      fs.closeSync(fd);
    }
  }

  /** The whole plaintext (an upload of at most a few tens of megabytes). */
  readAll(): Buffer {
    return Buffer.concat([...this.chunks(1 << 20)]);
  }
}
