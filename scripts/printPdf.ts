// The CLI's `print`: one of a case's dossier pages, rendered by the same HTML renderer as the app's print view,
// printed to a real A4 PDF by Debian's Chromium through playwright-core (no browser download, no network).
import fs from 'node:fs';
import type { Kysely } from 'kysely';
import { chromium } from 'playwright-core';
import type { Database } from '../db/schema';
import type { Api } from '../shared/client';
import { PRINT_DOCUMENTS, type PrintDocument } from '../shared/dossier/materials';

export const CHROMIUM_PATH = process.env.CASEDESK_CHROMIUM ?? '/usr/bin/chromium';

export const isPrintDocument = (s: string): s is PrintDocument => (PRINT_DOCUMENTS as readonly string[]).includes(s);

/** Prints HTML to an A4 PDF file with Chromium; every request beyond the page itself is refused. */
export async function htmlToPdf(html: string, out: string): Promise<void> {
  // playwright-core gives the browser a fresh temporary profile of its own.
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  try {
    const page = await browser.newPage();
    await page.route('**/*', (route) => route.abort());
    await page.setContent(html, { waitUntil: 'load' });
    const pdf = await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
    const partial = `${out}.partial`;
    fs.writeFileSync(partial, pdf);
    fs.renameSync(partial, out);
  } finally {
    await browser.close();
  }
}

/** Finds the case by its exact number and prints the page; returns the page's title. */
export async function printCaseDocument(
  { api, db }: { api: Api; db: Kysely<Database> },
  { caseNumber, doc, out, noticeDueOn }: { caseNumber: string; doc: PrintDocument; out: string; noticeDueOn: string },
): Promise<string> {
  const match = await db
    .selectFrom('cases')
    .select('id')
    .where('case_number', '=', caseNumber.trim())
    .executeTakeFirst();
  if (!match) throw new Error(`案件不存在：${caseNumber}`);
  const { title, html } = await api.call('dossier.print', { caseId: match.id, doc, noticeDueOn });
  await htmlToPdf(html, out);
  return title;
}
