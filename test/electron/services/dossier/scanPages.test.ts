// A JPEG scan placed in the electronic dossier as it is stored: its bytes are read when the PDF is written (not
// held while the dossier is assembled), go in unchanged, and a file that comes back other than it was checked
// stops the save. Plain pdf-lib, no Chromium.
import { JpegEmbedder, PDFDocument, PDFName, PDFNumber, PDFStream } from '@cantoo/pdf-lib';
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
    const image = embedStoredJpeg(doc, JPEG, () => {
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
    addScanPage(
      doc,
      embedStoredJpeg(doc, JPEG, () => JPEG.subarray(0, 10)),
      1,
    );
    await expect(doc.save()).rejects.toThrow('a scan changed while the dossier was being written');
  });

  it('refuses a JPEG without a frame header before anything is placed', async () => {
    const doc = await PDFDocument.create();
    expect(() => embedStoredJpeg(doc, Buffer.from([0xff, 0xd8, 0xff, 0xd9]), () => JPEG)).toThrow(
      'a JPEG without a usable frame header',
    );
  });

  it('declares the frame as pdf-lib reads it: gray, RGB and CMYK, baseline and progressive, after other segments', async () => {
    const segment = (marker: number, body: number[]) => [0xff, marker, 0, body.length + 2, ...body];
    const frame = (marker: number, bits: number, height: number, width: number, components: number) =>
      segment(marker, [bits, height >> 8, height & 255, width >> 8, width & 255, components]);
    const jpegs = [
      [...frame(0xc0, 8, 20, 30, 1)],
      [...segment(0xe0, [0x4a, 0x46, 0x49, 0x46, 0]), ...segment(0xc4, [0, 1, 2]), ...frame(0xc2, 8, 1754, 1240, 3)],
      [...segment(0xee, [0x41, 0x64, 0x6f, 0x62, 0x65]), ...frame(0xc1, 12, 300, 0x1234, 4)],
    ].map((body) => Uint8Array.from([0xff, 0xd8, ...body, 0xff, 0xd9]));
    for (const jpeg of jpegs) {
      const doc = await PDFDocument.create();
      const image = embedStoredJpeg(doc, jpeg, () => jpeg);
      const dict = doc.context.lookup(image.ref, PDFStream).dict;
      const reference = await JpegEmbedder.for(jpeg);
      expect({
        bits: dict.lookup(PDFName.of('BitsPerComponent'), PDFNumber).asNumber(),
        width: image.width,
        height: image.height,
        colorSpace: dict.lookup(PDFName.of('ColorSpace'), PDFName).decodeText(),
      }).toEqual({
        bits: reference.bitsPerComponent,
        width: reference.width,
        height: reference.height,
        colorSpace: reference.colorSpace,
      });
    }
  });

  it('refuses a frame of two components, as pdf-lib does', async () => {
    const doc = await PDFDocument.create();
    const jpeg = Uint8Array.from([0xff, 0xd8, 0xff, 0xc0, 0, 8, 8, 0, 20, 0, 30, 2, 0xff, 0xd9]);
    await expect(JpegEmbedder.for(jpeg)).rejects.toThrow();
    expect(() => embedStoredJpeg(doc, jpeg, () => jpeg)).toThrow('a JPEG without a usable frame header');
  });
});
