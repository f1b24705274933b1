// The file store's reads: each file's encrypted bytes are read into one buffer the store keeps and uses again (the
// dossier reads 150 scans twice), so what a read returns must never share that buffer — a file read earlier keeps
// its content after later reads, whether it was encrypted, a plain file of an older CaseDesk, or too large for the
// kept buffer.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { FileStore } from '../../../electron/services/fileStore';
import { tempDir } from '../../support/fixtures';
import { TEST_KEY } from '../../support/testKey';

const bytes = (size: number, seed: number) => {
  const out = Buffer.alloc(size);
  for (let i = 0; i < size; i++) out[i] = (i * 31 + seed * 7) & 0xff;
  return out;
};
const sha = (b: Buffer) => crypto.createHash('sha256').update(b).digest('hex');

describe('FileStore.read', () => {
  const store = () =>
    new FileStore(path.join(tempDir(), 'casedesk.sqlite'), () => ({ current: TEST_KEY, previous: null }));

  it('returns each file whole, untouched by the reads after it (large, small, and over the kept buffer)', () => {
    const files = store();
    const large = bytes(700_000, 1);
    const small = bytes(1_000, 2);
    const huge = bytes(5 * 1024 * 1024, 3);
    const [a, b, c] = [large, small, huge].map((x) => files.put(x));
    const readLarge = files.read(a!);
    const readSmall = files.read(b!);
    const readHuge = files.read(c!);
    const again = files.read(a!);
    expect(readLarge.equals(large)).toBe(true);
    expect(readSmall.equals(small)).toBe(true);
    expect(readHuge.equals(huge)).toBe(true);
    expect(again.equals(large)).toBe(true);
    // Stored encrypted: the bytes on disk are not the content.
    expect(fs.readFileSync(files.pathOf(a!)).includes(large.subarray(0, 64))).toBe(false);
  });

  it('copies a plain file of an older CaseDesk out of the kept buffer', () => {
    const files = store();
    const plainA = bytes(300_000, 4);
    const plainB = bytes(200_000, 5);
    fs.mkdirSync(files.folder, { recursive: true });
    for (const p of [plainA, plainB]) fs.writeFileSync(files.pathOf(sha(p)), p);
    const first = files.read(sha(plainA));
    const second = files.read(sha(plainB));
    expect(first.equals(plainA)).toBe(true);
    expect(second.equals(plainB)).toBe(true);
  });

  it('refuses a file changed on disk with the Chinese reason, and then reads the others as before', () => {
    const files = store();
    const good = bytes(100_000, 6);
    const bad = bytes(100_000, 7);
    const [g, b] = [good, bad].map((x) => files.put(x));
    const stored = fs.readFileSync(files.pathOf(b!));
    const at = stored.length - 40;
    stored.writeUInt8(stored.readUInt8(at) ^ 0xff, at);
    fs.writeFileSync(files.pathOf(b!), stored);
    expect(() => files.read(b!)).toThrow(/已损坏（解密校验失败）/);
    expect(files.read(g!).equals(good)).toBe(true);
  });
});
