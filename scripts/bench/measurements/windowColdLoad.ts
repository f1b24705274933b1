// The window's cold load: a fresh Chromium context (nothing cached) opens the preview, until the sign-in form takes
// typing. The target: under 1 s. Prints the renderer's chunk sizes (raw and gzipped) when prepared.
import type { BrowserContext, CDPSession, Page } from 'playwright-core';
import {
  busyMs,
  busyNote,
  type BusyTime,
  chunkReport,
  openBenchWindow,
  rendererChunks,
  totalGzip,
  typeIntoSignInForm,
} from '../browserWindow';
import type { Measurement } from '../measurement';

export const windowColdLoad: Measurement = {
  id: 'window.load',
  label: 'window: cold load to the sign-in form',
  runs: 10,
  warmup: 1,
  target: { medianMs: 1000 },
  apart: true,
  async prepare(context) {
    const chunks = rendererChunks();
    for (const line of chunkReport(chunks)) process.stderr.write(`${line}\n`);
    const bench = await openBenchWindow(context, 'window-load');
    const busy: BusyTime[] = [];
    let open: { context: BrowserContext; page: Page; cdp: CDPSession } | null = null;
    return {
      before: async () => {
        await open?.context.close();
        const fresh = await bench.newPage();
        const cdp = await fresh.context.newCDPSession(fresh.page);
        await cdp.send('Performance.enable');
        open = { ...fresh, cdp };
      },
      app: async () => {
        await open!.page.goto(bench.server.url);
        await typeIntoSignInForm(open!.page);
        busy.push(await busyMs(open!.cdp));
      },
      close: async () => {
        await open?.context.close();
        await bench.close();
      },
      get note() {
        return `first load ${(totalGzip(chunks.firstLoad) / 1000).toFixed(0)} kB gzipped, stylesheets ${(totalGzip(chunks.styles) / 1000).toFixed(0)} kB gzipped; ${busyNote(busy)}`;
      },
    };
  },
};
