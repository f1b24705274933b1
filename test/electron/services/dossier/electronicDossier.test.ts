// The electronic dossier made from a real case through the channels, printed by real Chromium and read back with
// pdfinfo, pdftotext and pdftoppm: page count, the 目录's ranges against where each item starts, 页码, metadata,
// EXIF rotation, bad attachments in their place, refusal without materials, and the hash kept at archiving.
import crypto from 'node:crypto';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { PDFDocument, StandardFonts } from '@cantoo/pdf-lib';
import { ChromiumPdfRenderer, launchChromium } from '../../../../scripts/chromiumPdf';
import { jpegOrientation } from '../../../../electron/services/dossier/scanPages';
import { ApiError } from '../../../../shared/client';
import { OFFICE, tempDir, testBackend, type TestBackend } from '../../../support/fixtures';
import { validRegistration } from '../../../shared/kinds/mediation/fixtures';

// Chromium renders the pages, poppler reads them back: a budget for a loaded 2-core machine (one test took 54 s
// at load 15).
jest.setTimeout(240_000);

const pdfinfo = (file: string) => execFileSync('pdfinfo', ['-enc', 'UTF-8', file], { encoding: 'utf8' });
const pageText = (file: string, page: number) =>
  execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', '-f', `${page}`, '-l', `${page}`, file, '-'], {
    encoding: 'utf8',
  });
const pageCount = (file: string) => Number(/Pages:\s+(\d+)/.exec(pdfinfo(file))![1]);

/** A landscape JPEG (400×200) drawn by Chromium: all black, or its left half black and its right half grey. */
async function landscapeJpeg(fill: 'black' | 'halves'): Promise<Buffer> {
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    const dataUrl = await page.evaluate((halves) => {
      const canvas = document.createElement('canvas');
      canvas.width = 400;
      canvas.height = 200;
      const g = canvas.getContext('2d')!;
      g.fillStyle = halves ? '#808080' : '#000';
      g.fillRect(0, 0, 400, 200);
      g.fillStyle = '#000';
      g.fillRect(0, 0, halves ? 200 : 400, 200);
      return canvas.toDataURL('image/jpeg', 0.9);
    }, fill === 'halves');
    return Buffer.from(dataUrl.split(',')[1]!, 'base64');
  } finally {
    await browser.close();
  }
}

/** The JPEG tagged with an EXIF orientation: APP1 Exif, big-endian TIFF, one IFD entry (0x0112, SHORT). */
function tagged(jpeg: Buffer, orientation: number): Buffer {
  // prettier-ignore
  const exif = Buffer.from([
    0xff, 0xe1, 0x00, 0x22, 0x45, 0x78, 0x69, 0x66, 0x00, 0x00, 0x4d, 0x4d, 0x00, 0x2a, 0x00, 0x00, 0x00, 0x08,
    0x00, 0x01, 0x01, 0x12, 0x00, 0x03, 0x00, 0x00, 0x00, 0x01, 0x00, orientation, 0x00, 0x00, 0x00, 0x00, 0x00,
    0x00,
  ]);
  return Buffer.concat([jpeg.subarray(0, 2), exif, jpeg.subarray(2)]);
}

/** One page of the PDF as greyscale pixels (pdftoppm at 20 dpi). */
function pagePixels(file: string, page: number): { w: number; h: number; at: (x: number, y: number) => number } {
  const ppm = execFileSync('pdftoppm', ['-r', '20', '-gray', '-f', `${page}`, '-l', `${page}`, file], {
    maxBuffer: 1 << 24,
  });
  const [, w, h] = /^P5\s+(\d+)\s+(\d+)\s+255\s/.exec(ppm.toString('latin1', 0, 40))!.map(Number);
  const header = ppm.length - w! * h!;
  return { w: w!, h: h!, at: (x, y) => ppm[header + y * w! + x]! };
}

/** The bounding box and centre of the pixels a test picks, below the band the 页码 is stamped in. */
function region(pixels: ReturnType<typeof pagePixels>, pick: (value: number) => boolean) {
  let [minX, maxX, minY, maxY, sumX, sumY, n] = [pixels.w, 0, pixels.h, 0, 0, 0, 0];
  for (let y = 12; y < pixels.h; y++)
    for (let x = 0; x < pixels.w; x++)
      if (pick(pixels.at(x, y))) {
        minX = Math.min(minX, x);
        maxX = Math.max(maxX, x);
        minY = Math.min(minY, y);
        maxY = Math.max(maxY, y);
        sumX += x;
        sumY += y;
        n++;
      }
  return { width: maxX - minX, height: maxY - minY, x: sumX / n, y: sumY / n };
}

/** A PDF of `n` pages, each saying which it is (ASCII: the standard font). */
async function pdfOfPages(label: string, n: number): Promise<Buffer> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (let i = 1; i <= n; i++) doc.addPage().drawText(`${label}-${i}`, { x: 100, y: 400, size: 24, font });
  return Buffer.from(await doc.save());
}

const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==',
  'base64',
);
const ZERO_PAGE_PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\n' +
    'trailer<</Root 1 0 R>>\n%%EOF\n',
);

async function upload(b: TestBackend, caseId: number, itemKey: string, fileName: string, bytes: Buffer) {
  const { uploadId, chunkBytes } = await b.api.call('dossier.uploadBegin', {
    caseId,
    itemKey,
    fileName,
    size: bytes.length,
  });
  for (let offset = 0; offset < bytes.length; offset += chunkBytes)
    await b.api.call('dossier.uploadChunk', {
      uploadId,
      offset,
      data: bytes.subarray(offset, offset + chunkBytes).toString('base64'),
    });
  await b.api.call('dossier.attach', { uploadId, pages: 1 });
}

const renderer = new ChromiumPdfRenderer();
let backend: TestBackend;
let caseId: number;
let caseNumber: string;
let jpeg: Buffer;

beforeAll(async () => {
  jpeg = tagged(await landscapeJpeg('black'), 6);
});
afterAll(() => renderer.close());

beforeEach(async () => {
  backend = testBackend(undefined, { pdfRenderer: { render: (html) => renderer.render(html) } });
  await backend.api.call('office.setup', OFFICE);
  const made = await backend.api.call('mediation.create', { draftId: null, registration: validRegistration() });
  caseId = made.id;
  caseNumber = made.caseNumber;
  await backend.api.call('mediation.terminate', {
    caseId,
    actedOn: '2026-11-10',
    reason: '当事人撤回调解申请',
    explanation: '双方已自行和解',
  });
});
afterEach(() => backend.close());

/** Files the four items a terminated mediation needs: scans, a merged PDF, paper only, and bad attachments. */
async function fileMaterials() {
  await upload(backend, caseId, 'application', '申请书.jpg', jpeg);
  await upload(backend, caseId, 'application', '申请书第二页.png', PNG);
  await upload(backend, caseId, 'registrationForm', '登记表.pdf', await pdfOfPages('REGFORM', 3));
  await backend.api.call('dossier.markReceived', {
    caseId,
    itemKey: 'partyIds',
    receivedOn: '2026-11-10',
    pages: 4,
    form: '复印件',
    note: '',
  });
  await upload(backend, caseId, 'terminationNotice', '终止告知.pdf', await pdfOfPages('NOTICE', 2));
  await upload(backend, caseId, 'terminationNotice', '残缺照片.jpg', jpeg.subarray(0, Math.floor(jpeg.length / 2)));
  await upload(backend, caseId, 'terminationNotice', '其实是PNG.jpg', Buffer.concat([PNG, Buffer.from([0])]));
  const locked = await PDFDocument.create();
  locked.addPage();
  locked.encrypt({ userPassword: 'secret', ownerPassword: 'owner' } as never);
  await upload(backend, caseId, 'terminationNotice', '加密.pdf', Buffer.from(await locked.save()));
  await upload(backend, caseId, 'terminationNotice', '空白.pdf', ZERO_PAGE_PDF);
}

/** Makes the dossier and saves it as the clerk would (the shell's save dialog): the file written, then moved out. */
async function writeDossier(): Promise<{ file: string; notIncluded: string[]; sha256: string; pages: number }> {
  const made = await backend.api.call('dossier.electronic', { caseId });
  expect(made.file).toEqual({
    id: expect.stringMatching(/^[\w-]{32}$/),
    fileName: `${caseNumber}电子卷宗.pdf`,
    contentType: 'application/pdf',
    sizeBytes: expect.any(Number),
  });
  const file = path.join(tempDir(), made.file.fileName);
  await backend.outgoing.saveAs(made.file.id, file);
  const bytes = fs.readFileSync(file);
  // The answer describes the file written: its size and SHA-256, taken while it was written.
  expect(bytes.length).toBe(made.file.sizeBytes);
  expect(crypto.createHash('sha256').update(bytes).digest('hex')).toBe(made.sha256);
  // Saved means gone from the outgoing files: nothing of the dossier is left in the data folder in the clear.
  expect(backend.outgoing.find(made.file.id)).toBeNull();
  expect(fs.readdirSync(backend.outgoing.folder)).toEqual([]);
  return { file, notIncluded: made.notIncluded, sha256: made.sha256, pages: made.pages };
}

/** The 目录's rows as pdftotext lays them out: name → 页号. */
function tocRanges(text: string): Map<string, string> {
  const rows = new Map<string, string>();
  for (const line of text.split('\n')) {
    const m = /^\s*\d+\s+(\S+)\s+(\d+(?:-\d+)?)\b/.exec(line);
    if (m) rows.set(m[1]!, m[2]!);
  }
  return rows;
}

describe('the electronic dossier', () => {
  it('holds the cover, the 目录 counted in this PDF, every page in filing order with its 页码, and its metadata', async () => {
    await fileMaterials();
    const { file, notIncluded, pages } = await writeDossier();
    // Cover 1 + 目录 1 + application 2 (JPEG, PNG) + form 3 + paper stand-in 1 + notice 2 + 4 stand-ins.
    expect(pageCount(file)).toBe(14);
    expect(pages).toBe(14);
    expect(pageText(file, 1)).toContain('人民调解卷宗');
    // 本卷共: the 页号 the dossier takes, the paper item's four included.
    expect(pageText(file, 1).replace(/\s+/g, '')).toContain('本卷共16页');
    const toc = tocRanges(pageText(file, 2));
    // The 目录 is 页 1; the paper item takes 4 页号 on one page, so the notice starts at 页 11.
    expect(Object.fromEntries(toc)).toEqual({
      人民调解申请书: '2-3',
      人民调解受理登记表: '4-6',
      当事人身份证明: '7-10',
      终止调解告知记录: '11-16',
    });
    // Each item starts where the 目录 says: the 页码 stamped at the top, and the item's own content.
    expect(pageText(file, 2)).toMatch(/^\s*1\s*$/m);
    expect(pageText(file, 3)).toMatch(/^\s*2\s*$/m);
    expect(pageText(file, 5)).toMatch(/\b4\b[\s\S]*REGFORM-1/);
    expect(pageText(file, 8)).toContain('7-10');
    expect(pageText(file, 8)).toContain('第7–10页：纸质材料，未扫描');
    expect(pageText(file, 9)).toMatch(/\b11\b[\s\S]*NOTICE-1/);
    // Every page after the cover carries its 页码.
    const labels = ['1', '2', '3', '4', '5', '6', '7-10', '11', '12', '13', '14', '15', '16'];
    labels.forEach((label, i) => expect(pageText(file, i + 2).split('\n')[0]).toContain(label));
    // Bad attachments keep their place, each with a page naming the file and why; the others are in.
    expect(pageText(file, 11)).toContain('残缺照片.jpg');
    expect(pageText(file, 11)).toContain('JPEG图像不完整或已损坏');
    expect(pageText(file, 12)).toContain('扩展名与内容不符');
    expect(pageText(file, 13)).toContain('PDF文件已加密');
    expect(pageText(file, 14)).toContain('PDF文件没有任何页面');
    expect(notIncluded).toEqual([
      expect.stringContaining('“残缺照片.jpg”：JPEG图像不完整或已损坏'),
      expect.stringContaining('“其实是PNG.jpg”：扩展名与内容不符'),
      '“加密.pdf”：PDF文件已加密，无法合并',
      '“空白.pdf”：PDF文件没有任何页面',
    ]);
    const info = pdfinfo(file);
    expect(info).toMatch(new RegExp(`Title:\\s+${caseNumber} 电子卷宗`));
    expect(info).toContain(OFFICE.name);
    expect(info).toContain('制作日期2026年11月22日');
    expect(info).toContain(caseNumber);
  });

  it('turns a scan by its EXIF orientation: a landscape photo tagged "rotate 90°" stands upright', async () => {
    expect(jpegOrientation(jpeg)).toBe(6);
    await upload(backend, caseId, 'application', '申请书.jpg', jpeg);
    const { file } = await writeDossier();
    const black = region(pagePixels(file, 3), (v) => v < 64);
    // The black image, once turned, is twice as tall as wide.
    expect(black.height / black.width).toBeGreaterThan(1.8);
  });

  it('turns and places scans tagged upright, 180°, 90° and 270° each the way the camera meant', async () => {
    // Stored: the left half black, the right half grey. EXIF 1: as stored; 3: turned half round, black on the
    // right; 6: its left edge becomes the top; 8: its left edge becomes the bottom.
    const halves = await landscapeJpeg('halves');
    for (const o of [1, 3, 6, 8]) await upload(backend, caseId, 'application', `申请书${o}.jpg`, tagged(halves, o));
    const { file, pages } = await writeDossier();
    expect(pages).toBe(6);
    const shown = [3, 4, 5, 6].map((page) => {
      const pixels = pagePixels(file, page);
      return { black: region(pixels, (v) => v < 64), grey: region(pixels, (v) => v > 96 && v < 160) };
    });
    const [upright, halfRound, right, left] = shown;
    for (const { black, grey } of [upright!, halfRound!]) {
      expect(black.width + grey.width).toBeGreaterThan(1.6 * black.height); // landscape, as stored
      expect(Math.abs(black.y - grey.y)).toBeLessThan(2);
    }
    expect(upright!.black.x).toBeLessThan(upright!.grey.x);
    expect(halfRound!.black.x).toBeGreaterThan(halfRound!.grey.x);
    for (const { black, grey } of [right!, left!]) {
      expect(black.height + grey.height).toBeGreaterThan(1.6 * black.width); // upright: portrait
      expect(Math.abs(black.x - grey.x)).toBeLessThan(2);
    }
    expect(right!.black.y).toBeLessThan(right!.grey.y);
    expect(left!.black.y).toBeGreaterThan(left!.grey.y);
  });

  it('refuses a case with no materials, in Chinese', async () => {
    await expect(backend.api.call('dossier.electronic', { caseId })).rejects.toEqual(
      expect.objectContaining({ message: '案件：本案尚无已收到的材料，不能生成电子卷宗' }),
    );
    await expect(backend.api.call('dossier.electronic', { caseId })).rejects.toBeInstanceOf(ApiError);
  });
});

describe('archiving keeps the dossier fixed', () => {
  const archive = () =>
    backend.api.call('mediation.archive', { caseId, actedOn: '2026-11-12', archiveNumber: '2026-调-001', note: '' });

  it('keeps the PDF encrypted with its SHA-256, gives that one back, and shows a changed attachment', async () => {
    await fileMaterials();
    expect((await backend.api.call('dossier.archiveStatus', { caseId })).record).toBeNull();
    await archive();
    const status = await backend.api.call('dossier.archiveStatus', { caseId });
    expect(status).toEqual({ record: expect.objectContaining({ pages: 14 }), matches: true, changes: [] });
    const sha256 = status.record!.pdfSha256!;
    // Kept in the file store, encrypted: the stored bytes are not a PDF.
    const stored = fs.readFileSync(path.join(path.dirname(backend.dataFile), 'attachments', sha256));
    expect(stored.subarray(0, 5).toString('latin1')).not.toBe('%PDF-');
    // The dossier of an archived case is the one kept, byte for byte.
    const again = await writeDossier();
    expect(again.sha256).toBe(sha256);

    // Someone replaces an attachment's file behind CaseDesk's back (here: with another attachment's stored file).
    const rows = backend.store.sqlite
      .prepare(`SELECT sha256, file_name FROM attachments WHERE case_id = ? ORDER BY id`)
      .all(caseId) as { sha256: string; file_name: string }[];
    const folder = path.join(path.dirname(backend.dataFile), 'attachments');
    fs.copyFileSync(path.join(folder, rows[1]!.sha256), path.join(folder, rows[0]!.sha256));
    const changed = await backend.api.call('dossier.archiveStatus', { caseId });
    expect(changed.matches).toBe(false);
    expect(changed.changes).toEqual([`附件“${rows[0]!.file_name}”的文件内容已被改动（SHA-256不符）`]);
  });

  it('shows a material recorded differently after archiving', async () => {
    await fileMaterials();
    await archive();
    backend.store.sqlite
      .prepare(`UPDATE dossier_materials SET pages = 5 WHERE case_id = ? AND item_key = 'partyIds'`)
      .run(caseId);
    const changed = await backend.api.call('dossier.archiveStatus', { caseId });
    expect(changed.matches).toBe(false);
    expect(changed.changes).toEqual(['“当事人身份证明”的登记信息（页数、原件或复印件、备注）已改动']);
  });
});
