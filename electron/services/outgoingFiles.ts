// Files written for the clerk to save (the electronic dossier), waiting in outgoing/ beside the data file until the
// shell has saved them where the clerk chose (Electron's save dialog) or served them as a download (the preview).
// They hold personal data in the clear, like the saved file will: each is removed once delivered, any left over
// (a window closed before saving) after OUTGOING_TTL_MS, and all of them when the backend closes. Not in
// attachments/: backups copy that folder and must not carry these.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { OutgoingFile } from '../../shared/outgoingFile';
import { isOutgoingId } from '../../shared/outgoingFile';

/** How long a file waits to be saved. */
const OUTGOING_TTL_MS = 60 * 60 * 1000;

interface Waiting extends OutgoingFile {
  path: string;
  writtenAt: number;
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
   * A new file written by `write` through the handle it is given (closed afterwards); on a failure the partial file
   * is removed and the error passes on. Returns the file and what `write` returned.
   */
  async write<T>(
    { fileName, contentType }: { fileName: string; contentType: string },
    write: (handle: fs.promises.FileHandle) => Promise<T>,
  ): Promise<{ file: OutgoingFile; result: T }> {
    this.dropStale();
    fs.mkdirSync(this.folder, { recursive: true });
    const id = crypto.randomBytes(24).toString('base64url');
    const file = path.join(this.folder, id);
    const handle = await fs.promises.open(file, 'wx', 0o600);
    let result: T;
    try {
      result = await write(handle);
    } catch (error) {
      await handle.close();
      fs.rmSync(file, { force: true });
      throw error;
    }
    await handle.close();
    const sizeBytes = fs.statSync(file).size;
    const entry: Waiting = { id, fileName, contentType, sizeBytes, path: file, writtenAt: this.now() };
    this.waiting.set(id, entry);
    return { file: { id, fileName, contentType, sizeBytes }, result };
  }

  /** The waiting file with this id (its path to read or copy), or null: a wrong, delivered or expired id. */
  find(id: unknown): (OutgoingFile & { path: string }) | null {
    if (!isOutgoingId(id)) return null;
    const entry = this.waiting.get(id);
    if (!entry || !fs.existsSync(entry.path)) return null;
    const { writtenAt: _writtenAt, ...file } = entry;
    return file;
  }

  /**
   * Delivers the file to `target` (where the clerk chose): copied to a .partial beside it and renamed, so `target`
   * only ever holds the whole file; then removed from here. Throws (and removes the .partial) when the target
   * cannot be written; the file keeps waiting, so the clerk may choose another place.
   */
  async saveAs(id: string, target: string): Promise<void> {
    const file = this.find(id);
    if (!file) throw new Error('no such outgoing file');
    const partial = `${target}.partial`;
    try {
      await fs.promises.copyFile(file.path, partial);
      await fs.promises.rename(partial, target);
    } catch (error) {
      fs.rmSync(partial, { force: true });
      throw error;
    }
    this.remove(id);
  }

  /**
   * The file, no longer waiting (its id names nothing from now on), for a caller that delivers it from its path and
   * then calls `done` to remove it (the preview's download, streamed from the file).
   */
  take(id: unknown): (OutgoingFile & { path: string; done(): void }) | null {
    const file = this.find(id);
    if (!file) return null;
    this.waiting.delete(file.id);
    return { ...file, done: () => fs.rmSync(file.path, { force: true }) };
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
