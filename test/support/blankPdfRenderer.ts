// A PDF renderer without Chromium, for tests that make electronic dossiers but do not read their layout: each
// document becomes blank A4 pages, one plus one for every element that starts a new page (class `page-break`, as
// the dossier's front — cover, 目录, one stand-in each — is laid out), so the dossier's page arithmetic holds.
import { PDFDocument } from '@cantoo/pdf-lib';
import type { PdfRenderer } from '../../electron/services/dossier/electronic';

const PAGE_START = /class="[^"]*\bpage-break\b[^"]*"/g;

/** The renderer; `rendered` (when given) receives every document's HTML in the order asked. */
export function blankPdfRenderer(rendered?: string[]): PdfRenderer {
  return {
    async render(html) {
      rendered?.push(html);
      const pdf = await PDFDocument.create();
      const pages = 1 + (html.match(PAGE_START)?.length ?? 0);
      for (let i = 0; i < pages; i++) pdf.addPage([595, 842]);
      return pdf.save();
    },
  };
}
