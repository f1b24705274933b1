// A JPEG scan placed in the electronic dossier as it is stored: its bytes are read when the PDF is written (not
// held while the dossier is assembled), go in unchanged, and a file that comes back other than it was checked
// stops the save. Plain pdf-lib, no Chromium.
import { PDFDocument } from '@cantoo/pdf-lib';
import { addScanPage, embedStoredJpeg } from '../../../../electron/services/dossier/scanPages';

/** The smallest baseline JPEG header pdf-lib reads a frame from: SOI, SOF0 (8 bits, 30×20, 3 components), EOI. */
const JPEG = Buffer.from([
  0xff, 0xd8, 0xff, 0xc0, 0x00, 0x11, 0x08, 0x00, 0x14, 0x00, 0x1e, 0x03, 0x01, 0x22, 0x00, 0x02, 0x11, 0x01, 0x03,
  0x11, 0x01, 0xff, 0xd9,
]);

describe('a stored JPEG scan', () => {
  it('is read when the PDF is written, once, and goes in byte for byte as a DCT image of its own size', async () => {
    const doc = await PDFDocument.create();
    let reads = 0;
    const image = await embedStoredJpeg(doc, JPEG, () => {
      reads++;
      return JPEG;
    });
    expect({ width: image.width, height: image.height }).toEqual({ width: 30, height: 20 });
    addScanPage(doc, image, 6);
    expect(reads).toBe(0);
    const saved = Buffer.from(await doc.save());
    expect(reads).toBe(1);
    expect(saved.indexOf(JPEG)).toBeGreaterThan(0);
    const text = saved.toString('latin1');
    expect(text).toMatch(/\/Filter \/DCTDecode/);
    expect(text).toMatch(/\/Width 30/);
    expect(text).toMatch(new RegExp(`/Length ${JPEG.length}\\b`));
  });

  it('stops the save when the file comes back another length than it was checked at', async () => {
    const doc = await PDFDocument.create();
    addScanPage(doc, await embedStoredJpeg(doc, JPEG, () => JPEG.subarray(0, 10)), 1);
    await expect(doc.save()).rejects.toThrow('a scan changed while the dossier was being written');
  });

  it('refuses a JPEG without a frame header before anything is placed', async () => {
    const doc = await PDFDocument.create();
    await expect(embedStoredJpeg(doc, Buffer.from([0xff, 0xd8, 0xff, 0xd9]), () => JPEG)).rejects.toThrow();
  });
});
