// HTML to A4 PDF with Debian's Chromium through playwright-core (no browser download, no network): the CLI's
// printed pages and the PdfRenderer the CLI and the preview give the backend for the electronic dossier. One
// browser is started on first use and kept until `close`: a dossier renders several documents.
import { chromium, type Browser } from 'playwright-core';
import type { PdfRenderer } from '../electron/services/dossier/electronic';

const CHROMIUM_PATH = process.env.CASEDESK_CHROMIUM ?? '/usr/bin/chromium';

/** Launches Chromium with the flags that keep it off the network (../shared/notes/toolchain.md). */
function launchChromium(): Promise<Browser> {
  // playwright-core gives the browser a fresh temporary profile of its own.
  return chromium.launch({
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
}

export class ChromiumPdfRenderer implements PdfRenderer {
  private browser: Promise<Browser> | null = null;

  /**
   * Chromium's printToPDF now and then answers "Printing failed" for a page that prints on its own (seen in the
   * preview: the archive's second document, with another Chromium driving the window): a fresh browser prints it,
   * so a failed page is tried once more in one.
   */
  async render(html: string): Promise<Uint8Array> {
    try {
      return await this.renderOnce(html);
    } catch {
      await this.close().catch(() => undefined);
      return this.renderOnce(html);
    }
  }

  private async renderOnce(html: string): Promise<Uint8Array> {
    this.browser ??= launchChromium();
    const browser = await this.browser;
    const page = await browser.newPage();
    try {
      // Every request beyond the page itself is refused.
      await page.route('**/*', (route) => route.abort());
      await page.setContent(html, { waitUntil: 'load' });
      return await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
    } finally {
      await page.close();
    }
  }

  async close(): Promise<void> {
    const browser = this.browser;
    this.browser = null;
    if (browser) await (await browser).close();
  }
}
