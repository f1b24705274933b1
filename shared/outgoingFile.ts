// A file the main process has written for the clerk to save (the electronic dossier): a call answers where it is
// (an opaque id), not its bytes, so a large file never crosses the boundary as base64 or sits twice in memory. The
// shell then saves it: Electron asks where with its save dialog (electron/main.ts), the preview serves it as a
// download from OUTGOING_PATH (scripts/previewServer.ts). Pure.

export interface OutgoingFile {
  /** Opaque and unguessable: names the file among those waiting to be saved. */
  id: string;
  /** The name offered to the clerk. */
  fileName: string;
  contentType: string;
  sizeBytes: number;
}

/** The preview's download path: OUTGOING_PATH + id, with the run's token as the `token` query parameter. */
export const OUTGOING_PATH = '/api/outgoing/';

/** An id as OutgoingFiles makes them (24 random bytes, base64url): anything else names no file. */
export const isOutgoingId = (value: unknown): value is string =>
  typeof value === 'string' && /^[A-Za-z0-9_-]{32}$/.test(value);
