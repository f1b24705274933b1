// Scratch files read back a chunk at a time: the encrypted bytes go through one read buffer used again for every
// chunk, so the chunks handed out must each be the caller's own — kept together they still make the file, on every
// pass, and the file on disk is not the plaintext.
import fs from 'node:fs';
import path from 'node:path';
import { ScratchFile } from '../../../electron/services/scratchFile';
import { tempDir } from '../../support/fixtures';

describe('ScratchFile.chunks', () => {
  it('hands out chunks that stay whole when kept, pass after pass, with a short last one', () => {
    const plain = Buffer.alloc(2_500_123);
    for (let i = 0; i < plain.length; i++) plain[i] = (i * 13 + 7) & 0xff;
    const file = new ScratchFile(path.join(tempDir(), 'rows.ndjson'));
    file.append(plain.subarray(0, 1_000_000));
    file.append(plain.subarray(1_000_000));
    file.close();
    for (let pass = 0; pass < 2; pass++) {
      const kept = [...file.chunks(1 << 20)];
      expect(kept.map((c) => c.length)).toEqual([1 << 20, 1 << 20, plain.length - 2 * (1 << 20)]);
      expect(Buffer.concat(kept).equals(plain)).toBe(true);
    }
    expect(file.readAll().equals(plain)).toBe(true);
    expect([...file.chunks(1 << 20, 10)]).toEqual([plain.subarray(0, 10)]);
    expect(fs.readFileSync(file.file).equals(plain)).toBe(false);
  });
});
