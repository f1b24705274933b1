// Where a PDF's bytes go as it is written (streamedPdf.ts), kept apart from the writer so that the callers that only
// hand a sink over (archiving, the dossier packages) do not load pdf-lib with the backend.

/**
 * Where the bytes go, in order; the next chunk is handed over once the promise settles. The chunk's memory is used
 * again for the next one: a sink that keeps bytes copies them (collectingSink).
 */
export type PdfSink = (chunk: Uint8Array) => Promise<void>;

/**
 * A sink that keeps copies of the chunks, for a caller that needs the whole file in memory (the encrypted file store
 * seals a whole file; a dossier package holds its parts): the file then exists twice, briefly, when joined.
 */
export function collectingSink(): { sink: PdfSink; bytes(): Buffer } {
  const chunks: Buffer[] = [];
  return {
    sink: async (chunk) => {
      chunks.push(Buffer.from(chunk));
    },
    bytes: () => Buffer.concat(chunks),
  };
}
