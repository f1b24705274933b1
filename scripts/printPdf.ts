// The CLI's `print`: one of a case's dossier pages, rendered by the same HTML renderer as the app's print view,
// printed to a real A4 PDF by Debian's Chromium through playwright-core (no browser download, no network).
import fs from 'node:fs';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import type { OutgoingFiles } from '../electron/services/outgoingFiles';
import type { Api } from '../shared/client';
import { PRINT_DOCUMENTS, type PrintDocument } from '../shared/dossier/materials';
import { ChromiumPdfRenderer } from './chromiumPdf';

export const isPrintDocument = (s: string): s is PrintDocument => (PRINT_DOCUMENTS as readonly string[]).includes(s);

/** Prints HTML to an A4 PDF file with Chromium; every request beyond the page itself is refused. */
export async function htmlToPdf(html: string, out: string): Promise<void> {
  const renderer = new ChromiumPdfRenderer();
  try {
    writeWhole(out, await renderer.render(html));
  } finally {
    await renderer.close();
  }
}

/** Writes the file under a temporary name, then renames it: `out` only ever holds a whole PDF. */
function writeWhole(out: string, bytes: Uint8Array): void {
  const partial = `${out}.partial`;
  fs.writeFileSync(partial, bytes);
  fs.renameSync(partial, out);
}

async function caseIdOf(db: Kysely<Database>, caseNumber: string): Promise<number> {
  const match = await db
    .selectFrom('cases')
    .select('id')
    .where('case_number', '=', caseNumber.trim())
    .executeTakeFirst();
  if (!match) throw new Error(`案件不存在：${caseNumber}`);
  return match.id;
}

/** Finds the case by its exact number and prints the page; returns the page's title. */
export async function printCaseDocument(
  { api, db }: { api: Api; db: Kysely<Database> },
  { caseNumber, doc, out, noticeDueOn }: { caseNumber: string; doc: PrintDocument; out: string; noticeDueOn: string },
): Promise<string> {
  const caseId = await caseIdOf(db, caseNumber);
  const { title, html } = await api.call('dossier.print', { caseId, doc, noticeDueOn });
  await htmlToPdf(html, out);
  return title;
}

/**
 * Writes the case's electronic dossier (the one kept at archiving, else made now) to `out`: the channel writes it
 * among the outgoing files, as for the app, and the CLI saves it where --out says, as the app's save dialog does.
 */
export async function printElectronicDossier(
  { api, db, outgoing }: { api: Api; db: Kysely<Database>; outgoing: OutgoingFiles },
  { caseNumber, out }: { caseNumber: string; out: string },
): Promise<{ pages: number; sha256: string; notIncluded: string[] }> {
  const made = await api.call('dossier.electronic', { caseId: await caseIdOf(db, caseNumber) });
  try {
    await outgoing.saveAs(made.file.id, out);
  } finally {
    outgoing.remove(made.file.id);
  }
  return made;
}
