// The dossier's PDF written object by object (electron/services/dossier/streamedPdf.ts): byte for byte what pdf-lib's
// save() makes of the same document — pages copied from another PDF, a font, stored JPEG scans read at the write,
// metadata — in chunks no larger than they must be, with the SHA-256 of what was written; poppler reads it back.
import crypto from 'node:crypto';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { PDFDocument, StandardFonts } from '@cantoo/pdf-lib';
import { addScanPage, embedStoredJpeg } from '../../../../electron/services/dossier/scanPages';
import { collectingSink } from '../../../../electron/services/dossier/pdfSink';
import { writePdf } from '../../../../electron/services/dossier/streamedPdf';
import { tempDir } from '../../../support/fixtures';

// pdf-lib documents of many pages, read back with pdfinfo and pdftotext: a budget for a loaded 2-core machine.
jest.setTimeout(120_000);

/** The smallest baseline JPEG header pdf-lib reads a frame from: SOI, SOF0 (8 bits, 30×20, 3 components), EOI. */
const JPEG = Buffer.from([
  0xff, 0xd8, 0xff, 0xc0, 0x00, 0x11, 0x08, 0x00, 0x14, 0x00, 0x1e, 0x03, 0x01, 0x22, 0x00, 0x02, 0x11, 0x01, 0x03,
  0x11, 0x01, 0xff, 0xd9,
]);
/** A scan larger than the writer's 1 MB chunk: its stream must get a buffer of its own. */
const BIG_JPEG = Buffer.concat([JPEG.subarray(0, -2), Buffer.alloc(1_500_000, 0x55), JPEG.subarray(-2)]);
const AT = new Date('2026-11-22T02:00:00Z');

/** The same document every time it is called (fixed dates: save() would stamp the time otherwise). */
async function dossierLike(pagesFromAttachment: number, scans: Buffer[]): Promise<PDFDocument> {
  const attachment = await PDFDocument.create({ updateMetadata: false });
  const attachmentFont = await attachment.embedFont(StandardFonts.TimesRoman);
  for (let i = 1; i <= pagesFromAttachment; i++)
    attachment.addPage().drawText(`Attachment page ${i}`, { x: 72, y: 720, size: 18, font: attachmentFont });
  const doc = await PDFDocument.create({ updateMetadata: false });
  for (const page of await doc.copyPages(attachment, attachment.getPageIndices())) doc.addPage(page);
  for (const scan of scans)
    addScanPage(
      doc,
      embedStoredJpeg(doc, scan, () => scan),
      1,
    );
  const font = await doc.embedFont(StandardFonts.Helvetica);
  doc.getPages().forEach((page, i) => page.drawText(`${i + 1}`, { x: 560, y: 815, size: 11, font }));
  doc.setTitle('2026-调-001 电子卷宗');
  doc.setProducer('CaseDesk');
  doc.setCreationDate(AT);
  doc.setModificationDate(AT);
  return doc;
}

describe('a PDF written object by object', () => {
  it('is byte for byte what save() makes, in chunks, hashed on the way, and poppler reads every page', async () => {
    const scans = [JPEG, BIG_JPEG, JPEG];
    const saved = Buffer.from(await (await dossierLike(120, scans)).save());
    const chunks: number[] = [];
    const collected = collectingSink();
    const written = await writePdf(await dossierLike(120, scans), async (chunk) => {
      chunks.push(chunk.length);
      await collected.sink(chunk);
    });
    const bytes = collected.bytes();
    expect(bytes.equals(saved)).toBe(true);
    expect(written).toEqual({
      sizeBytes: saved.length,
      sha256: crypto.createHash('sha256').update(saved).digest('hex'),
    });
    // Never the whole file at once: a chunk holds at most 1 MB, or one object larger than that (the big scan).
    expect(chunks.length).toBeGreaterThan(1);
    expect(Math.max(...chunks)).toBeLessThan(BIG_JPEG.length + 1024);
    expect(chunks.filter((n) => n > 1 << 20)).toHaveLength(1);
    const file = path.join(tempDir(), 'streamed.pdf');
    fs.writeFileSync(file, bytes);
    expect(execFileSync('pdfinfo', [file], { encoding: 'utf8' })).toMatch(/Pages:\s+123\n/);
    expect(execFileSync('pdftotext', ['-f', '120', '-l', '120', file, '-'], { encoding: 'utf8' })).toContain(
      'Attachment page 120',
    );
  }, 60_000);

  it('refuses a document without pages (save() would add a blank one)', async () => {
    const empty = await PDFDocument.create();
    await expect(writePdf(empty, async () => {})).rejects.toThrow('a PDF without pages');
  });

  it('stops at a sink that fails, and hands it nothing more', async () => {
    let calls = 0;
    await expect(
      writePdf(await dossierLike(2, [BIG_JPEG]), async () => {
        calls++;
        throw new Error('disk full');
      }),
    ).rejects.toThrow('disk full');
    expect(calls).toBe(1);
  });
});
