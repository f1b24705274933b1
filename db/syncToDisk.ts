// fsync, for every write that must survive a power cut: the file itself, then its folder (so the rename that put it
// there survives too). Its own module because the restore (./stagedRestore.ts) and the high-water marks
// (./highWater.ts) both need it and one must not import the other.
import fs from 'node:fs';

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
