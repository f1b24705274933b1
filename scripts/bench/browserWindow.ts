// The window as the clerk waits for it: the built renderer served by the preview server (the same backend as the
// Electron app) over a copy of the bench's first office, driven by Debian Chromium through playwright-core. Shared
// by the window measurements (scripts/bench/measurements/window*.ts); each starts its own server and browser.
// Also the renderer's chunk sizes, which the bench prints: the window's first load is what index.html names (its
// entry script and the chunks it preloads, and its stylesheets), everything else is read when a page is first opened.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import type { Browser, BrowserContext, CDPSession, Page } from 'playwright-core';
import { createUser } from '../../electron/services/accounts/accounts';
import { ANTD_STYLES_META } from '../../renderer/app/antdStyles';
import { fixedClock } from '../../electron/services/system/clock';
import { launchChromium } from '../chromiumPdf';
import { startPreviewServer, type PreviewServer } from '../previewServer';
import { benchKeys } from './benchKey';
import type { BenchContext } from './measurement';
import { summarise } from './stats';

/** npm runs the bench from the project's folder; the bench is bundled into dist/, so __dirname would not say. */
const RENDERER_DIR = path.resolve('dist', 'renderer');

/** The account the window measurements sign in as. */
const BENCH_CLERK = { username: 'benchclerk', displayName: '测速员', password: 'Bench2026' };

export interface ChunkSize {
  file: string;
  rawBytes: number;
  gzipBytes: number;
}

export interface RendererChunks {
  /** The entry and the chunks index.html preloads: what the sign-in form waits for. */
  firstLoad: ChunkSize[];
  /** Every JavaScript chunk, largest first. */
  all: ChunkSize[];
  /** The stylesheets index.html links (the app's own, with the sign-in form's): read before the first paint. */
  styles: ChunkSize[];
  /** antd's styles, made by the build, which index.html only names: read with the app's chunk (renderer/app/antdStyles.ts). */
  antdStyles: ChunkSize[];
}

const sum = (chunks: readonly ChunkSize[], key: 'rawBytes' | 'gzipBytes') => chunks.reduce((s, c) => s + c[key], 0);
export const totalRaw = (chunks: readonly ChunkSize[]) => sum(chunks, 'rawBytes');
export const totalGzip = (chunks: readonly ChunkSize[]) => sum(chunks, 'gzipBytes');

/** The built renderer's chunks; a clear error when it was not built. */
export function rendererChunks(dir = RENDERER_DIR): RendererChunks {
  const indexFile = path.join(dir, 'index.html');
  if (!fs.existsSync(indexFile))
    throw new Error(`the renderer is not built (${indexFile} is missing): run \`npm run build:renderer\` first`);
  const sizeOf = (file: string): ChunkSize => {
    const bytes = fs.readFileSync(path.join(dir, file));
    return { file, rawBytes: bytes.length, gzipBytes: zlib.gzipSync(bytes, { level: 9 }).length };
  };
  const html = fs.readFileSync(indexFile, 'utf8');
  const named = [...html.matchAll(/(?:src|href)="\.\/(assets\/[^"]+\.js)"/g)].map((m) => m[1]!);
  const all = fs
    .readdirSync(path.join(dir, 'assets'))
    .filter((f) => f.endsWith('.js'))
    .map((f) => sizeOf(`assets/${f}`))
    .sort((a, b) => b.rawBytes - a.rawBytes);
  const styles = [...html.matchAll(/<link rel="stylesheet"[^>]* href="\.\/(assets\/[^"]+\.css)"/g)].map((m) => m[1]!);
  const antdStyles = [...html.matchAll(new RegExp(`<meta name="${ANTD_STYLES_META}" content="\\./([^"]+)"`, 'g'))];
  return {
    firstLoad: named.map(sizeOf),
    all,
    styles: styles.map(sizeOf),
    antdStyles: antdStyles.map((m) => sizeOf(m[1]!)),
  };
}

const kB = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;

/** The chunk table the bench prints (raw and gzipped), first load first. */
export function chunkReport(chunks: RendererChunks): string[] {
  const first = new Set(chunks.firstLoad.map((c) => c.file));
  const lines = [
    `renderer chunks (dist/renderer): first load ${kB(totalRaw(chunks.firstLoad))} raw, ${kB(totalGzip(chunks.firstLoad))} gzipped in ${chunks.firstLoad.length} files; all ${chunks.all.length} chunks ${kB(totalRaw(chunks.all))} raw, ${kB(totalGzip(chunks.all))} gzipped; stylesheets ${kB(totalRaw(chunks.styles))} raw, ${kB(totalGzip(chunks.styles))} gzipped`,
  ];
  const line = (kind: string, c: ChunkSize) =>
    `  ${kind} ${c.file.padEnd(44)} ${kB(c.rawBytes).padStart(10)} ${kB(c.gzipBytes).padStart(10)} gz`;
  for (const c of chunks.firstLoad) lines.push(line('first ', c));
  for (const c of chunks.styles) lines.push(line('style ', c));
  for (const c of chunks.antdStyles) lines.push(line('lazy  ', c));
  for (const c of chunks.all.filter((c) => !first.has(c.file)).slice(0, 12)) lines.push(line('lazy  ', c));
  return lines;
}

export interface BenchWindow {
  server: PreviewServer;
  browser: Browser;
  /** A fresh browser context (no cache, nothing stored): a cold window. */
  newPage(): Promise<{ context: BrowserContext; page: Page }>;
  close(): Promise<void>;
}

/**
 * The preview over a copy of the first office (its own copy: the bench's home file is open in this process), with
 * a clerk to sign in as, and Chromium refused everything beyond the loopback preview.
 */
export async function openBenchWindow(context: BenchContext, name: string): Promise<BenchWindow> {
  rendererChunks(); // says so when the renderer is not built
  const dataFile = path.join(context.workDir, `${name}.sqlite`);
  fs.copyFileSync(context.dataset.offices[0]!.file, dataFile);
  const clock = fixedClock(`${context.today}T10:00:00+08:00`);
  const server = await startPreviewServer({ dataFile, keys: benchKeys(), clock, rendererDir: RENDERER_DIR });
  await createUser(server.backend.store.db, { ...BENCH_CLERK, role: 'admin' }, clock);
  let browser: Browser;
  try {
    browser = await launchChromium();
  } catch (error) {
    await server.close();
    throw error;
  }
  const origin = server.url.slice(0, server.url.indexOf('/?'));
  return {
    server,
    browser,
    newPage: async () => {
      const browserContext = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'zh-CN' });
      await browserContext.route('**/*', (route) =>
        route.request().url().startsWith(origin) ? route.continue() : route.abort(),
      );
      return { context: browserContext, page: await browserContext.newPage() };
    },
    close: async () => {
      await browser.close();
      await server.close();
      fs.rmSync(dataFile, { force: true });
    },
  };
}

/**
 * The sign-in form is interactive: its user-name field takes what is typed (playwright's fill waits for the field to
 * be visible, enabled and editable, then types; the value is read back).
 */
export async function typeIntoSignInForm(page: Page): Promise<void> {
  const username = page.getByLabel('用户名');
  await username.fill(BENCH_CLERK.username);
  if ((await username.inputValue()) !== BENCH_CLERK.username) throw new Error('the sign-in form did not take the text');
}

/** Types the bench's clerk's name and password into the sign-in form. */
export async function fillSignInForm(page: Page): Promise<void> {
  await page.getByLabel('用户名').fill(BENCH_CLERK.username);
  await page.getByLabel('密码', { exact: true }).fill(BENCH_CLERK.password);
}

/** Presses Enter in the sign-in form's password field: the form is sent. */
export async function pressEnterToSignIn(page: Page): Promise<void> {
  await page.getByLabel('密码', { exact: true }).press('Enter');
}

/** Signs in as the bench's clerk from the sign-in form; resolves when the form is sent. */
export async function signIn(page: Page): Promise<void> {
  await fillSignInForm(page);
  await pressEnterToSignIn(page);
}

/** The case list's first `rows` rows are shown. */
export async function caseListRows(page: Page, rows: number): Promise<void> {
  await page
    .locator('tr.ant-table-row')
    .nth(rows - 1)
    .waitFor();
}

/**
 * Resolves once the page has had no request in flight for `quietMs` from now on: playwright's 'networkidle' is
 * reached once per load and stays reached, and the pages' chunks may be read after it (renderer/session/SessionGate).
 */
export function networkQuiet(page: Page, quietMs: number): Promise<void> {
  return new Promise((resolve) => {
    let inFlight = 0;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const done = () => {
      page.off('request', started);
      page.off('requestfinished', ended);
      page.off('requestfailed', ended);
      resolve();
    };
    const settle = () => {
      clearTimeout(timer);
      if (inFlight === 0) timer = setTimeout(done, quietMs);
    };
    const started = () => {
      inFlight += 1;
      clearTimeout(timer);
    };
    const ended = () => {
      inFlight = Math.max(0, inFlight - 1); // a request sent before this was called ends uncounted
      settle();
    };
    page.on('request', started);
    page.on('requestfinished', ended);
    page.on('requestfailed', ended);
    settle();
  });
}

/** The driver's view of the timed runs (the last `timed` of `samples`), for a window measurement's note. */
export function driverFigures(samples: readonly number[], timed: number): string {
  const s = summarise(samples.slice(-timed));
  return `median ${s.medianMs.toFixed(0)} ms, p95 ${s.p95Ms.toFixed(0)} ms`;
}

/** Chromium's main-thread time so far (ms), from the DevTools protocol's Performance metrics. */
export interface BusyTime {
  /** Every task. */
  task: number;
  /** Running JavaScript (parsing and compiling included). */
  script: number;
  /** Working out styles (antd's CSS-in-JS inserts its rules at run time) and laying out. */
  styleAndLayout: number;
}

/** Chromium's main thread over one timed run, from the counters before and after it. */
export const busySince = (before: BusyTime, after: BusyTime): BusyTime => ({
  task: after.task - before.task,
  script: after.script - before.script,
  styleAndLayout: after.styleAndLayout - before.styleAndLayout,
});

/** The note's medians of the runs' busy times: unlike the wall time, they hardly grow with the machine's load. */
export function busyNote(runs: readonly BusyTime[]): string {
  const median = (key: keyof BusyTime) => summarise(runs.map((b) => b[key])).medianMs.toFixed(0);
  return `Chromium's main thread (medians): busy ${median('task')} ms, script ${median('script')} ms, style and layout ${median('styleAndLayout')} ms`;
}

export async function busyMs(cdp: CDPSession): Promise<BusyTime> {
  const { metrics } = await cdp.send('Performance.getMetrics');
  const ms = (name: string) => (metrics.find((m) => m.name === name)?.value ?? 0) * 1000;
  return {
    task: ms('TaskDuration'),
    script: ms('ScriptDuration'),
    styleAndLayout: ms('RecalcStyleDuration') + ms('LayoutDuration'),
  };
}
