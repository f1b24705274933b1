// End-to-end harness: the real preview server over a temp SQLite file, and Debian Chromium driven by
// playwright-core. Screenshots are kept under test-results/.
import { testKeys } from '../support/testKey';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../../scripts/chromiumPdf';
import { startPreviewServer, type PreviewServer } from '../../scripts/previewServer';
import { createApi, type Api } from '../../shared/client';

const RESULTS_DIR = path.join(__dirname, '..', '..', 'test-results');

export interface RunningApp {
  page: Page;
  url: string;
  dataFile: string;
  server: PreviewServer;
  /**
   * The same backend the page talks to, called as a trusted local session of its own (as the CLI calls), to see
   * what the data file holds; the page's own session is the preview's.
   */
  stored: Api;
  /** Saves test-results/<name>.png. */
  screenshot(name: string): Promise<void>;
  close(): Promise<void>;
}

/** The first administrator every test sets up. */
export const ADMIN = { username: 'admin', displayName: '王所长', password: 'Admin2026' };

export interface StartOptions {
  /** Installs Playwright's clock before the page loads, so a test can move the page's time on (the idle lock). */
  clock?: boolean;
  /** A data file prepared beforehand (through the services, closed): the page opens it instead of a new one. */
  dataFile?: string;
}

export async function startApp({ clock = false, dataFile: prepared }: StartOptions = {}): Promise<RunningApp> {
  const dir = prepared ? path.dirname(prepared) : fs.mkdtempSync(path.join(os.tmpdir(), 'casedesk-e2e-'));
  const dataFile = prepared ?? path.join(dir, 'casedesk.sqlite');
  const server = await startPreviewServer({ dataFile, keys: testKeys() });
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
    route
      .request()
      .url()
      .startsWith(server.url.slice(0, server.url.indexOf('/?')))
      ? route.continue()
      : route.abort(),
  );
  if (clock) await page.clock.install();
  await page.goto(server.url);
  fs.mkdirSync(RESULTS_DIR, { recursive: true });
  server.backend.sessions.signInSystem('e2e-check');
  return {
    page,
    url: server.url,
    dataFile,
    server,
    stored: createApi((channel, input) => server.backend.dispatch(channel, input, 'e2e-check')),
    screenshot: async (name) => {
      // A full-page shot leaves the page scrolled elsewhere, and Chromium scrolls back on the next click, from
      // under the mouse: put the page back where it was.
      const scrolled = await page.evaluate(() => [window.scrollX, window.scrollY] as const);
      await page.screenshot({ path: path.join(RESULTS_DIR, `${name}.png`), fullPage: true });
      await page.evaluate(([x, y]) => window.scrollTo(x, y), scrolled);
    },
    close: async () => {
      await browser.close();
      await server.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * A fresh app for each test of the file: started before it, closed after it (also when it failed). Call at the
 * top of the file; the getter answers the running test's app.
 */
export function appForEachTest(options: StartOptions = {}): () => RunningApp {
  let app: RunningApp | undefined;
  beforeEach(async () => {
    app = await startApp(options);
  });
  afterEach(async () => {
    await app?.close();
    app = undefined;
  });
  return () => app!;
}

/** The page's uncaught errors, gathered from now on: a test ends by expecting none. */
export function pageErrors(page: Page): string[] {
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(error.message));
  return problems;
}

/** A small real PDF of one page: what a scanner saves. */
export const SCANNED_PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj ' +
    '3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
);

/** The first run's last step: the recovery key shown, kept (ticked), and the app opened. */
export async function confirmRecoveryKey(page: Page): Promise<void> {
  await page.getByTestId('recovery-key').waitFor();
  await page.getByRole('checkbox', { name: '我已打印或抄写恢复密钥，并会妥善保管' }).check();
  await page.getByRole('button', { name: '已妥善保管，开始使用' }).click();
}

/** The first run: the office and its administrator, who is then signed in. */
export async function setUpFirstRun(app: RunningApp, screenshot?: string): Promise<void> {
  const { page } = app;
  await page.getByRole('heading', { name: '首次设置' }).waitFor();
  await page.getByLabel('司法所名称').fill('黎托街道司法所');
  await page.getByLabel('县级行政区划代码').fill('430111');
  await page.getByLabel('司法所编号').fill('01');
  await page.getByLabel('县（市、区）司法局名称').fill('长沙市雨花区司法局');
  expect(await page.getByLabel('案号代字').inputValue()).toBe('黎托');
  await page.getByLabel('用户名').fill(ADMIN.username);
  await page.getByLabel('姓名').fill(ADMIN.displayName);
  await page.getByLabel('密码', { exact: true }).fill(ADMIN.password);
  await page.getByLabel('确认密码').fill(ADMIN.password);
  if (screenshot) await app.screenshot(screenshot);
  await page.getByRole('button', { name: '完成设置' }).click();
  await confirmRecoveryKey(page);
  await page.getByTestId('office-name').filter({ hasText: '黎托街道司法所' }).waitFor();
  await page.getByTestId('current-user').filter({ hasText: ADMIN.displayName }).waitFor();
}
