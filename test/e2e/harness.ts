// End-to-end harness: the real preview server over a temp SQLite file, and Debian Chromium driven by
// playwright-core. Screenshots are kept under test-results/.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { startPreviewServer, type PreviewServer } from '../../scripts/previewServer';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const RESULTS_DIR = path.join(__dirname, '..', '..', 'test-results');

/**
 * The flags measured in ../shared/notes/toolchain.md: no background networking on a closed network. `launch()`
 * gives every run a fresh, empty profile of its own (playwright refuses an explicit --user-data-dir here).
 */
export async function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
    ],
  });
}

export interface RunningApp {
  page: Page;
  url: string;
  dataFile: string;
  server: PreviewServer;
  /** Saves test-results/<name>.png. */
  screenshot(name: string): Promise<void>;
  close(): Promise<void>;
}

export async function startApp(): Promise<RunningApp> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'casedesk-e2e-'));
  const dataFile = path.join(dir, 'casedesk.sqlite');
  const server = await startPreviewServer({ dataFile });
  let browser: Browser;
  try {
    browser = await launchChromium();
  } catch (error) {
    await server.close(); // or jest waits forever on the open server
    throw error;
  }
  const page = await browser.newPage({ viewport: { width: 1366, height: 900 }, locale: 'zh-CN' });
  // The app must never reach beyond the loopback preview.
  await page.route('**/*', (route) =>
    route.request().url().startsWith(server.url.slice(0, server.url.indexOf('/?'))) ? route.continue() : route.abort(),
  );
  await page.goto(server.url);
  fs.mkdirSync(RESULTS_DIR, { recursive: true });
  return {
    page,
    url: server.url,
    dataFile,
    server,
    screenshot: async (name) => {
      await page.screenshot({ path: path.join(RESULTS_DIR, `${name}.png`), fullPage: true });
    },
    close: async () => {
      await browser.close();
      await server.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
