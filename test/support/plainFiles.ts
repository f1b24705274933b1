// Files as an older, unencrypted CaseDesk left them: a plain copy of an encrypted test file (the same rows, the
// encryption taken off with SQLCipher's rekey to nothing) and plain attachment files. For the migration tests.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { openTestFile } from './testKey';

/** Turns the encrypted test file `file` (closed) into a plain SQLite file in place, as an older version had it. */
export function decryptInPlace(file: string): void {
  const sqlite = openTestFile(file);
  try {
    sqlite.pragma('wal_checkpoint(TRUNCATE)');
    sqlite.pragma('journal_mode = DELETE');
    sqlite.pragma(`rekey = ''`);
  } finally {
    sqlite.close();
  }
}

/** A plain attachment in the data folder's attachments/, named by its SHA-256 as an older version filed it. */
export function plainAttachment(dataFile: string, content: string): string {
  const sha256 = crypto.createHash('sha256').update(content).digest('hex');
  const folder = path.join(path.dirname(dataFile), 'attachments');
  fs.mkdirSync(folder, { recursive: true });
  fs.writeFileSync(path.join(folder, sha256), content);
  return sha256;
}

/** Whether any of the strings appears in the file's bytes (as UTF-8). */
export function bytesContain(file: string, ...texts: string[]): string[] {
  const bytes = fs.readFileSync(file);
  return texts.filter((t) => bytes.includes(Buffer.from(t, 'utf8')));
}
