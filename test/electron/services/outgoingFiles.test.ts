// Files written for the clerk to save (electron/services/outgoingFiles.ts): written whole or not at all and never in
// the clear, found by their id only, saved to a chosen place whole and intact, and never left behind — delivered,
// expired, or the backend closed.
import fs from 'node:fs';
import path from 'node:path';
import { OutgoingFiles } from '../../../electron/services/outgoingFiles';
import { tempDir } from '../../support/fixtures';

const HOUR = 60 * 60 * 1000;

function outgoingAt(start = 1_000_000) {
  let now = start;
  const files = new OutgoingFiles(path.join(tempDir(), 'casedesk.sqlite'), () => now);
  return { files, later: (ms: number) => (now += ms) };
}

const pdf = { fileName: '2026-调-001电子卷宗.pdf', contentType: 'application/pdf' };

describe('outgoing files', () => {
  it('are written beside the data file, encrypted, readable by their owner only, and found by their id alone', async () => {
    const { files } = outgoingAt();
    const plain = `%PDF-1.7 申请人张三 身份证号430111199001011234 ${'x'.repeat(100_000)}`;
    const { file, result } = await files.write(pdf, async (sink) => {
      await sink(Buffer.from(plain.slice(0, 50)));
      await sink(Buffer.from(plain.slice(50)));
      return 14;
    });
    expect(result).toBe(14);
    expect(file).toEqual({ id: expect.stringMatching(/^[\w-]{32}$/), ...pdf, sizeBytes: Buffer.byteLength(plain) });
    expect(files.find(file.id)).toEqual(file);
    const onDisk = path.join(files.folder, file.id);
    expect(fs.statSync(onDisk).mode & 0o777).toBe(0o600);
    const stored = fs.readFileSync(onDisk);
    expect(stored.length).toBe(Buffer.byteLength(plain));
    for (const clear of ['%PDF', '430111199001011234', '张三', 'xxxxxxxx'])
      expect(stored.includes(Buffer.from(clear))).toBe(false);
    for (const wrong of ['../casedesk.sqlite', file.id.slice(1), 42, null]) expect(files.find(wrong)).toBeNull();
    const target = path.join(tempDir(), '卷宗.pdf');
    await files.saveAs(file.id, target);
    expect(fs.readFileSync(target, 'utf8')).toBe(plain);
  });

  it('are not saved when the bytes on disk were changed: nothing is left at the chosen place', async () => {
    const { files } = outgoingAt();
    const { file } = await files.write(pdf, (sink) => sink(Buffer.from('%PDF-1.7 dossier')));
    const onDisk = path.join(files.folder, file.id);
    const stored = fs.readFileSync(onDisk);
    stored[3] = stored[3]! ^ 1;
    fs.writeFileSync(onDisk, stored);
    const folder = tempDir();
    await expect(files.saveAs(file.id, path.join(folder, '卷宗.pdf'))).rejects.toThrow();
    expect(fs.readdirSync(folder)).toEqual([]);
  });

  it('leave no partial file when the writing fails', async () => {
    const { files } = outgoingAt();
    await expect(
      files.write(pdf, async (sink) => {
        await sink(Buffer.from('%PDF-1.7 half'));
        throw new Error('a scan changed while the dossier was being written');
      }),
    ).rejects.toThrow('a scan changed');
    expect(fs.readdirSync(files.folder)).toEqual([]);
  });

  it('go once saved, and stay waiting when the chosen place cannot be written', async () => {
    const { files } = outgoingAt();
    const { file } = await files.write(pdf, (sink) => sink(Buffer.from('%PDF-1.7 dossier')));
    await expect(files.saveAs(file.id, path.join(tempDir(), 'missing', 'x.pdf'))).rejects.toThrow();
    expect(files.find(file.id)).not.toBeNull();
    const target = path.join(tempDir(), '卷宗.pdf');
    await files.saveAs(file.id, target);
    expect(fs.readFileSync(target, 'utf8')).toBe('%PDF-1.7 dossier');
    expect(fs.readdirSync(path.dirname(target))).toEqual(['卷宗.pdf']);
    expect(files.find(file.id)).toBeNull();
    expect(fs.readdirSync(files.folder)).toEqual([]);
  });

  it('go after an hour unsaved, with what an ended process left, and all of them when the backend closes', async () => {
    const { files, later } = outgoingAt(Date.now());
    const old = await files.write(pdf, (sink) => sink(Buffer.from('old')));
    const leftOver = path.join(files.folder, 'B'.repeat(32));
    fs.writeFileSync(leftOver, 'left by a process that ended');
    const past = new Date(Date.now() - 2 * HOUR);
    fs.utimesSync(leftOver, past, past);
    later(HOUR + 1);
    const fresh = await files.write(pdf, (sink) => sink(Buffer.from('fresh')));
    expect(files.find(old.file.id)).toBeNull();
    expect(fs.readdirSync(files.folder)).toEqual([fresh.file.id]);
    files.clear();
    expect(fs.readdirSync(files.folder)).toEqual([]);
  });

  it('are swept when the data file is opened again, if an ended process left them over an hour ago', () => {
    const dataFile = path.join(tempDir(), 'casedesk.sqlite');
    const folder = new OutgoingFiles(dataFile).folder;
    fs.mkdirSync(folder);
    const [stale, recent] = ['C'.repeat(32), 'D'.repeat(32)];
    fs.writeFileSync(path.join(folder, stale), 'crashed before saving');
    fs.writeFileSync(path.join(folder, recent), 'another process is saving it');
    const past = new Date(Date.now() - 2 * HOUR);
    fs.utimesSync(path.join(folder, stale), past, past);
    new OutgoingFiles(dataFile);
    expect(fs.readdirSync(folder)).toEqual([recent]);
  });
});
