// Files written for the clerk to save (the electronic dossier), waiting in outgoing/ beside the data file until the
// shell has saved them where the clerk chose (Electron's save dialog) or served them as a download (the preview).
// They hold personal data, so they are never in the clear at rest: each is written through AES-256-GCM under a key
// of its own that exists only in this process's memory, and decrypted (its tag checked) on the way to the place the
// clerk chose. One left by a process that ended is unreadable noise, swept by age. Each is removed once delivered,
// any left over (a window closed before saving) after OUTGOING_TTL_MS, and all of them when the backend closes.
// Not in attachments/: backups copy that folder and must not carry these.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { OutgoingFile } from '../../shared/outgoingFile';
import { isOutgoingId } from '../../shared/outgoingFile';
import { beforeTransient } from './system/transientBuffers';

/** How long a file waits to be saved. */
const OUTGOING_TTL_MS = 60 * 60 * 1000;

/** The file's own key, nonce and GCM tag: in memory only, so the bytes on disk are nothing without this process. */
interface Sealing {
  key: Buffer;
  iv: Buffer;
  tag: Buffer;
}

interface Waiting extends OutgoingFile {
  path: string;
  writtenAt: number;
  sealing: Sealing;
}

/** Where a writer sends the file's bytes, chunk by chunk (encrypted on their way to disk). */
export type OutgoingSink = (chunk: Uint8Array) => Promise<void>;

/** The plaintext of a waiting file, read from disk and decrypted as it is consumed; errors if the tag fails. */
function plaintextOf(entry: Waiting): Readable {
  const decipher = crypto.createDecipheriv('aes-256-gcm', entry.sealing.key, entry.sealing.iv);
  decipher.setAuthTag(entry.sealing.tag);
  const source = fs.createReadStream(entry.path);
  source.on('error', (error) => decipher.destroy(error));
  return source.pipe(decipher);
}

export class OutgoingFiles {
  private readonly waiting = new Map<string, Waiting>();

  /** Opening sweeps what a process that ended (a crash, a power cut) left more than OUTGOING_TTL_MS ago. */
  constructor(
    private readonly dataFile: string,
    private readonly now: () => number = Date.now,
  ) {
    this.dropStale();
  }

  get folder(): string {
    return path.join(path.dirname(path.resolve(this.dataFile)), 'outgoing');
  }

  /**
   * A new file written by `write` through the sink it is given (encrypted on the way); on a failure the partial
   * file is removed and the error passes on. Returns the file and what `write` returned.
   */
  async write<T>(
    { fileName, contentType }: { fileName: string; contentType: string },
    write: (sink: OutgoingSink) => Promise<T>,
  ): Promise<{ file: OutgoingFile; result: T }> {
    this.dropStale();
    fs.mkdirSync(this.folder, { recursive: true });
    const id = crypto.randomBytes(24).toString('base64url');
    const file = path.join(this.folder, id);
    const key = crypto.randomBytes(32);
    const iv = crypto.randomBytes(12);
    const cipher = crypto.createCipheriv('aes-256-gcm', key, iv);
    const handle = await fs.promises.open(file, 'wx', 0o600);
    let result: T;
    let sizeBytes = 0;
    try {
      result = await write(async (chunk) => {
        sizeBytes += chunk.byteLength;
        beforeTransient(chunk.byteLength);
        await handle.write(cipher.update(chunk));
      });
      await handle.write(cipher.final());
    } catch (error) {
      await handle.close();
      fs.rmSync(file, { force: true });
      throw error;
    }
    await handle.close();
    const sealing = { key, iv, tag: cipher.getAuthTag() };
    const entry: Waiting = { id, fileName, contentType, sizeBytes, path: file, writtenAt: this.now(), sealing };
    this.waiting.set(id, entry);
    return { file: { id, fileName, contentType, sizeBytes }, result };
  }

  /** The waiting file with this id, or null: a wrong, delivered or expired id. */
  find(id: unknown): OutgoingFile | null {
    const entry = this.entry(id);
    if (!entry) return null;
    const { fileName, contentType, sizeBytes } = entry;
    return { id: entry.id, fileName, contentType, sizeBytes };
  }

  private entry(id: unknown): Waiting | null {
    if (!isOutgoingId(id)) return null;
    const entry = this.waiting.get(id);
    return entry && fs.existsSync(entry.path) ? entry : null;
  }

  /**
   * Delivers the file to `target` (where the clerk chose): decrypted into a .partial beside it and renamed once
   * its tag checked, so `target` only ever holds the whole, intact file; then removed from here. Throws (and
   * removes the .partial) when the target cannot be written; the file keeps waiting, so the clerk may choose
   * another place.
   */
  async saveAs(id: string, target: string): Promise<void> {
    const entry = this.entry(id);
    if (!entry) throw new Error('no such outgoing file');
    const partial = `${target}.partial`;
    try {
      await pipeline(plaintextOf(entry), fs.createWriteStream(partial));
      await fs.promises.rename(partial, target);
    } catch (error) {
      fs.rmSync(partial, { force: true });
      throw error;
    }
    this.remove(id);
  }

  /**
   * The file, no longer waiting (its id names nothing from now on), with its plaintext as a stream, for a caller
   * that delivers it (the preview's download) and then calls `done` to remove it.
   */
  take(id: unknown): (OutgoingFile & { open(): Readable; done(): void }) | null {
    const entry = this.entry(id);
    if (!entry) return null;
    this.waiting.delete(entry.id);
    const { fileName, contentType, sizeBytes } = entry;
    return {
      id: entry.id,
      fileName,
      contentType,
      sizeBytes,
      open: () => plaintextOf(entry),
      done: () => fs.rmSync(entry.path, { force: true }),
    };
  }

  /** Delivered (or given up): the file goes. */
  remove(id: string): void {
    const entry = this.waiting.get(id);
    this.waiting.delete(id);
    if (entry) fs.rmSync(entry.path, { force: true });
  }

  /** Every file this process wrote and has not delivered goes (the backend is closing). */
  clear(): void {
    for (const id of [...this.waiting.keys()]) this.remove(id);
  }

  /**
   * Files waiting longer than OUTGOING_TTL_MS go, and so do older ones a process that ended before delivering left
   * behind (by their age: another process on the same data folder may still be delivering its own).
   */
  private dropStale(): void {
    const now = this.now();
    for (const [id, entry] of this.waiting) if (now - entry.writtenAt > OUTGOING_TTL_MS) this.remove(id);
    if (!fs.existsSync(this.folder)) return;
    for (const name of fs.readdirSync(this.folder)) {
      const file = path.join(this.folder, name);
      try {
        if (!this.waiting.has(name) && now - fs.statSync(file).mtimeMs > OUTGOING_TTL_MS)
          fs.rmSync(file, { force: true });
      } catch {
        // Gone meanwhile (its own process delivered it).
      }
    }
  }
}
