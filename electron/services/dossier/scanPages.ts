// Scans (JPEG, PNG) as A4 pages of the electronic dossier: the checks that refuse a damaged image with a Chinese
// reason before it is placed, the EXIF orientation a camera or scanner wrote (a phone photo taken sideways is
// stored sideways and only tagged), and the placement: scaled to fit the page below the 页码 band, turned and
// mirrored as the tag says. A JPEG goes into the PDF as it is stored (DCTDecode: never decoded, never re-encoded),
// and its bytes are not held while the dossier is assembled: its stream reads the file again when the PDF is
// written, so a dossier of 150 scans holds one scan at a time, not all of them (see README, performance).
import {
  concatTransformationMatrix,
  drawObject,
  PDFStream,
  popGraphicsState,
  pushGraphicsState,
  type PDFDict,
  type PDFDocument,
  type PDFRef,
} from '@cantoo/pdf-lib';

/** A4 in PDF points. */
const A4 = { width: 595.28, height: 841.89 } as const;
/** Margins around a scan: the top one leaves room for the stamped 页码. */
const MARGIN = 18;
const TOP_BAND = 36;

const u16 = (b: Uint8Array, at: number, little: boolean) =>
  little ? b[at]! | (b[at + 1]! << 8) : (b[at]! << 8) | b[at + 1]!;
const u32 = (b: Uint8Array, at: number, little: boolean) =>
  little
    ? (b[at]! | (b[at + 1]! << 8) | (b[at + 2]! << 16) | (b[at + 3]! << 24)) >>> 0
    : ((b[at]! << 24) | (b[at + 1]! << 16) | (b[at + 2]! << 8) | b[at + 3]!) >>> 0;

/** The EXIF orientation (1–8) of a JPEG, 1 when it has none or it cannot be read. */
export function jpegOrientation(jpeg: Uint8Array): number {
  let at = 2;
  while (at + 4 <= jpeg.length && jpeg[at] === 0xff) {
    const marker = jpeg[at + 1]!;
    if (marker === 0xda || marker === 0xd9) break; // image data begins: no EXIF after it
    const length = u16(jpeg, at + 2, false);
    const body = at + 4;
    if (marker === 0xe1 && length >= 16 && String.fromCharCode(...jpeg.subarray(body, body + 4)) === 'Exif') {
      const tiff = body + 6;
      const little = jpeg[tiff] === 0x49; // "II"
      const ifd = tiff + u32(jpeg, tiff + 4, little);
      if (ifd + 2 > jpeg.length) return 1;
      const entries = u16(jpeg, ifd, little);
      for (let i = 0; i < entries; i++) {
        const entry = ifd + 2 + i * 12;
        if (entry + 12 > jpeg.length) return 1;
        if (u16(jpeg, entry, little) === 0x0112) {
          const value = u16(jpeg, entry + 8, little);
          return value >= 1 && value <= 8 ? value : 1;
        }
      }
      return 1;
    }
    at = body + length - 2;
  }
  return 1;
}

/** A frame header's marker (SOF0–SOF15, the byte after 0xFF), not DHT, JPG or DAC, which share the range. */
const isFrameMarker = (marker: number) =>
  marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;

/**
 * Null when the JPEG is whole enough to place; else the Chinese reason. A truncated file (the common damage: a
 * copy cut short) lacks the end-of-image marker; garbage lacks a frame header before its image data.
 */
export function jpegProblem(jpeg: Uint8Array): string | null {
  let end = jpeg.length;
  while (end > 2 && jpeg[end - 1] === 0x00) end--; // some scanners pad the file with zeros
  if (end < 4 || jpeg[end - 2] !== 0xff || jpeg[end - 1] !== 0xd9) return 'JPEG图像不完整或已损坏（缺少结束标记）';
  let at = 2;
  let frame = false;
  while (at + 4 <= end) {
    if (jpeg[at] !== 0xff) return 'JPEG图像已损坏（文件结构错误）';
    const marker = jpeg[at + 1]!;
    if (marker === 0xda) return frame ? null : 'JPEG图像已损坏（缺少图像尺寸信息）';
    if (isFrameMarker(marker)) frame = true;
    at += 2 + u16(jpeg, at + 2, false);
  }
  return 'JPEG图像已损坏（缺少图像数据）';
}

/** An image XObject of the document and its size in pixels: what a scan page draws. */
export interface ScanImage {
  ref: PDFRef;
  width: number;
  height: number;
}

const STREAM = new TextEncoder().encode('\nstream\n');
const END_STREAM = new TextEncoder().encode('\nendstream');

/**
 * A JPEG's image stream that keeps only its length: the content is read (decrypted, checked) when the PDF is
 * written, copied into the output, and let go. pdf-lib asks a stream its size before it writes anything, so the
 * file must come back exactly as long as it was when it was checked.
 */
class StoredJpegStream extends PDFStream {
  constructor(
    dict: PDFDict,
    private readonly size: number,
    private readonly read: () => Uint8Array,
  ) {
    super(dict);
  }

  override getContentsSize(): number {
    return this.size;
  }

  override getContents(): Uint8Array {
    const bytes = this.read();
    if (bytes.length !== this.size) throw new Error('a scan changed while the dossier was being written');
    return bytes;
  }

  /** As PDFStream writes itself, with the content copied in one block rather than byte by byte. */
  override copyBytesInto(buffer: Uint8Array, offset: number): number {
    this.updateDict();
    let at = offset + this.dict.copyBytesInto(buffer, offset);
    buffer.set(STREAM, at);
    at += STREAM.length;
    const contents = this.getContents();
    buffer.set(contents, at);
    at += contents.length;
    buffer.set(END_STREAM, at);
    return at + END_STREAM.length - offset;
  }
}

/** A JPEG's frame header: what its image XObject declares. */
interface JpegFrame {
  bitsPerComponent: number;
  width: number;
  height: number;
  colorSpace: 'DeviceGray' | 'DeviceRGB' | 'DeviceCMYK';
}

const COLOR_SPACES = { 1: 'DeviceGray', 3: 'DeviceRGB', 4: 'DeviceCMYK' } as const;

/**
 * The first frame header (isFrameMarker) of a JPEG, found as pdf-lib's JpegEmbedder finds it, or
 * null when there is none or its component count is not 1, 3 or 4. Read here, synchronously, rather than by
 * pdf-lib's async JpegEmbedder.for: a DataView made over the decrypted scan inside that async function kept each
 * scan's 0.5 MB alive through V8's ordinary collections, so the 150 scans of a dossier's check piled up (about
 * 45 MB) until a later full collection (README, Performance: peak RSS).
 */
function jpegFrame(jpeg: Uint8Array): JpegFrame | null {
  if (jpeg.length < 4 || u16(jpeg, 0, false) !== 0xffd8) return null;
  let at = 2;
  while (at + 4 <= jpeg.length) {
    const marker = u16(jpeg, at, false);
    at += 2;
    if (marker >> 8 === 0xff && isFrameMarker(marker & 0xff)) {
      if (at + 8 > jpeg.length) return null;
      const colorSpace = COLOR_SPACES[jpeg[at + 7] as keyof typeof COLOR_SPACES];
      if (!colorSpace) return null;
      return {
        bitsPerComponent: jpeg[at + 2]!,
        height: u16(jpeg, at + 3, false),
        width: u16(jpeg, at + 5, false),
        colorSpace,
      };
    }
    at += u16(jpeg, at, false);
  }
  return null;
}

/**
 * Registers a checked JPEG in the document as an image whose bytes are read again by `read` when the document is
 * saved (`jpeg` is read now for its frame header only, and may be dropped). Throws on a JPEG without a usable
 * frame header (bit depth, size, 1, 3 or 4 components).
 */
export function embedStoredJpeg(doc: PDFDocument, jpeg: Uint8Array, read: () => Uint8Array): ScanImage {
  const frame = jpegFrame(jpeg);
  if (!frame) throw new Error('a JPEG without a usable frame header');
  const dict = doc.context.obj({
    Type: 'XObject',
    Subtype: 'Image',
    BitsPerComponent: frame.bitsPerComponent,
    Width: frame.width,
    Height: frame.height,
    ColorSpace: frame.colorSpace,
    Filter: 'DCTDecode',
    // As pdf-lib embeds a CMYK JPEG: stored inverted, as Photoshop writes them.
    ...(frame.colorSpace === 'DeviceCMYK' ? { Decode: [1, 0, 1, 0, 1, 0, 1, 0] } : {}),
  });
  const ref = doc.context.register(new StoredJpegStream(dict, jpeg.length, read));
  return { ref, width: frame.width, height: frame.height };
}

/** The transformation that draws the unit image square into a box of w×h at (x, y), turned as EXIF says. */
function orientedMatrix(
  o: number,
  x: number,
  y: number,
  w: number,
  h: number,
): [number, number, number, number, number, number] {
  switch (o) {
    case 2:
      return [-w, 0, 0, h, x + w, y];
    case 3:
      return [-w, 0, 0, -h, x + w, y + h];
    case 4:
      return [w, 0, 0, -h, x, y + h];
    case 5:
      return [0, -h, -w, 0, x + w, y + h];
    case 6:
      return [0, -h, w, 0, x, y + h];
    case 7:
      return [0, h, w, 0, x, y];
    case 8:
      return [0, h, -w, 0, x + w, y];
    default:
      return [w, 0, 0, h, x, y];
  }
}

/** Adds one A4 page holding the image, scaled to fit and turned by its EXIF orientation (1 for PNG). */
export function addScanPage(doc: PDFDocument, image: ScanImage, orientation: number): void {
  const page = doc.addPage([A4.width, A4.height]);
  const sideways = orientation >= 5;
  const shownWidth = sideways ? image.height : image.width;
  const shownHeight = sideways ? image.width : image.height;
  const boxWidth = A4.width - 2 * MARGIN;
  const boxHeight = A4.height - TOP_BAND - MARGIN;
  const scale = Math.min(boxWidth / shownWidth, boxHeight / shownHeight);
  const w = shownWidth * scale;
  const h = shownHeight * scale;
  const x = (A4.width - w) / 2;
  const y = MARGIN + (boxHeight - h) / 2;
  const name = page.node.newXObject('Image', image.ref);
  page.pushOperators(
    pushGraphicsState(),
    concatTransformationMatrix(...orientedMatrix(orientation, x, y, w, h)),
    drawObject(name),
    popGraphicsState(),
  );
}
