// A pdf-lib document written out object by object, so that the whole PDF never exists in memory: pdf-lib's own
// save() serialises into one buffer the size of the file (80 MB for a dossier of 150 scans), which the caller then
// copies again to write it. Here the same bytes as save() (object streams on, as save() does for PDF 1.7) go to a
// sink in chunks of about CHUNK_BYTES, each scan's stream read from its stored file as it is reached (see
// scanPages.ts), and the SHA-256 is taken on the way.
//
// It drives pdf-lib's PDFStreamWriter through the members it declares `protected` (computeBufferSize, the size of
// one indirect object): save()'s own serialisation loop, restated to hand out chunks instead of filling one buffer.
// test/electron/services/dossier/streamedPdf.test.ts checks the bytes equal save()'s.
import crypto from 'node:crypto';
import { PDFStreamWriter, type PDFDocument, type PDFObject, type PDFRef } from '@cantoo/pdf-lib';
import type { PdfSink } from './pdfSink';

export interface WrittenPdf {
  sizeBytes: number;
  sha256: string;
}

/** The members of PDFStreamWriter this uses, which pdf-lib declares protected. */
interface WriterInternals {
  computeBufferSize(incremental: false): Promise<{
    size: number;
    header: { copyBytesInto(buffer: Uint8Array, offset: number): number; sizeInBytes(): number };
    indirectObjects: [PDFRef, PDFObject][];
    trailer: { copyBytesInto(buffer: Uint8Array, offset: number): number; sizeInBytes(): number };
  }>;
  computeIndirectObjectSize(object: [PDFRef, PDFObject]): number;
}

const CHUNK_BYTES = 1 << 20;
const ascii = (text: string) => Uint8Array.from(text, (c) => c.charCodeAt(0));
const END_OBJECT = ascii('\nendobj\n\n');

/**
 * Writes `doc` to `sink` as `doc.save()` would (object streams, no default page added, no form appearances: the
 * dossier has neither an empty page list nor a form). The document must not be saved again afterwards: the writer
 * leaves its object-stream and cross-reference objects registered in it, as save() cleans up after itself.
 */
export async function writePdf(doc: PDFDocument, sink: PdfSink): Promise<WrittenPdf> {
  if (doc.getPageCount() === 0) throw new Error('a PDF without pages');
  await doc.flush(); // fonts, images and embedded pages into the document's objects, as save() does first
  const writer = PDFStreamWriter.forContext(doc.context, 50) as unknown as WriterInternals;
  const { size, header, indirectObjects, trailer } = await writer.computeBufferSize(false);
  const hash = crypto.createHash('sha256');
  // One buffer for the whole file, used again for every chunk: writing makes no garbage but the objects' own.
  const standard = new Uint8Array(CHUNK_BYTES);
  let chunk = standard;
  let used = 0;
  let written = 0;
  const flush = async () => {
    if (used === 0) return;
    const out = chunk.subarray(0, used);
    hash.update(out);
    await sink(out);
    written += used;
    chunk = standard;
    used = 0;
  };
  /** Room for `n` bytes at the end of the chunk; an object larger than a chunk gets a buffer of its own. */
  const room = async (n: number) => {
    if (used + n > chunk.length) await flush();
    if (n > chunk.length) chunk = new Uint8Array(n);
  };

  await room(header.sizeInBytes() + 2);
  used += header.copyBytesInto(chunk, used);
  chunk[used++] = 0x0a;
  chunk[used++] = 0x0a;
  for (const indirect of indirectObjects) {
    const [ref, object] = indirect;
    await room(writer.computeIndirectObjectSize(indirect));
    const head = ascii(`${ref.objectNumber} ${ref.generationNumber} obj\n`);
    chunk.set(head, used);
    used += head.length;
    used += object.copyBytesInto(chunk, used);
    chunk.set(END_OBJECT, used);
    used += END_OBJECT.length;
  }
  await room(trailer.sizeInBytes());
  used += trailer.copyBytesInto(chunk, used);
  await flush();
  if (written !== size) throw new Error(`the PDF came out ${written} bytes long, not the ${size} it was sized at`);
  return { sizeBytes: written, sha256: hash.digest('hex') };
}
