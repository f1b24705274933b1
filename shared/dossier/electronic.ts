// The electronic dossier (电子卷宗) in the terms both processes share: the file the case page saves, what archiving
// kept of it, and the check of an archived case's materials against what its dossier was made from. Pure.
import type { OutgoingFile } from '../outgoingFile';

/**
 * One electronic dossier, made now (or the one kept at archiving): the PDF the main process wrote for the clerk to
 * save (never its bytes: see shared/outgoingFile.ts), and what it holds.
 */
export interface ElectronicDossierFile {
  file: OutgoingFile;
  /** Pages of the PDF: the cover, the 卷内目录 and every page after them. */
  pages: number;
  sha256: string;
  /** Attachments that could not be included, each with its file name and why (their place holds a page saying so). */
  notIncluded: string[];
}

/** What archiving kept: the dossier made then (in the encrypted file store) and what it was made from. */
export interface DossierArchiveRecord {
  /** SHA-256 of the PDF kept at archiving; null when the archive was recorded without one (see README). */
  pdfSha256: string | null;
  pages: number | null;
  /** SHA-256 of the sources' description (every item, its pages, every attachment's SHA-256). */
  sourcesSha256: string;
  madeAt: string;
  madeBy: string;
}

export interface DossierArchiveStatus {
  /** Null: the case was not archived (or was archived before this version kept dossiers). */
  record: DossierArchiveRecord | null;
  /** The current materials are those the dossier was made from, and the kept files are intact. */
  matches: boolean;
  /** What differs, in Chinese, one line each (empty when it matches). */
  changes: string[];
}

/** 页号 as the 卷内目录 prints it: "3" or "3-5". */
export const pageRange = (from: number, to: number): string => (from === to ? `${from}` : `${from}-${to}`);
