// HTML to A4 PDF with Debian's Chromium through playwright-core (no browser download, no network): the CLI's
// printed pages and the PdfRenderer the CLI and the preview give the backend for the electronic dossier. One
// browser and one page in it are opened on first use and kept until `close`: a process renders many documents.
import type { Browser, Page } from 'playwright-core';
import type { PdfRenderer } from '../electron/services/dossier/electronic';

/** Debian's Chromium, unless CASEDESK_CHROMIUM (the CLI's, README) or CHROMIUM_PATH (the tests') names another. */
const CHROMIUM_PATH = process.env.CASEDESK_CHROMIUM ?? process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * Launches Chromium with the flags that keep it off the network (../shared/notes/toolchain.md): the one launcher
 * of the CLI, the preview's renderer, the bench and the browser tests. playwright-core gives every launch a fresh,
 * empty profile of its own (it refuses an explicit --user-data-dir).
 */
export async function launchChromium(): Promise<Browser> {
  // Loaded on first launch: playwright-core's two bundles are 14 MB of source that V8 keeps beside their code, which a
  // CLI command or a preview that prints nothing should not hold.
  const { chromium } = await import('playwright-core');
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
  private page: Promise<Page> | null = null;
  /** Renders run one after another on the one page: a call waits for the one before it. */
  private queue: Promise<unknown> = Promise.resolve();

  /**
   * Chromium's printToPDF now and then answers "Printing failed" for a page that prints on its own (seen in the
   * preview: the archive's second document, with another Chromium driving the window): a fresh browser prints it,
   * so a failed page is tried once more in one.
   */
  render(html: string): Promise<Uint8Array> {
    const rendered = this.queue.then(async () => {
      try {
        return await this.renderOnce(html);
      } catch {
        await this.close().catch(() => undefined);
        return this.renderOnce(html);
      }
    });
    this.queue = rendered.catch(() => undefined);
    return rendered;
  }

  /**
   * One page kept open across documents: a new page is a new browser context, which costs as much as the printing
   * of a short document (about 1.5 s on a loaded machine).
   */
  private async renderOnce(html: string): Promise<Uint8Array> {
    this.page ??= this.openPage();
    const page = await this.page;
    await page.setContent(html, { waitUntil: 'load' });
    return page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
  }

  private async openPage(): Promise<Page> {
    this.browser ??= launchChromium();
    const page = await (await this.browser).newPage();
    // Every request beyond the page itself is refused.
    await page.route('**/*', (route) => route.abort());
    return page;
  }

  async close(): Promise<void> {
    const browser = this.browser;
    this.browser = null;
    this.page = null;
    if (browser) await (await browser).close();
  }
}
