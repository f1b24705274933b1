// Signing in to the case list: from pressing Enter on the sign-in form of a freshly loaded window (once it has read
// what it reads while the sign-in form is shown, as it has while a clerk types the password) to the case list's first
// 20 rows on screen. The target: under 500 ms.
import type { BrowserContext, CDPSession, Page } from 'playwright-core';
import {
  busyMs,
  busyNote,
  busySince,
  type BusyTime,
  caseListRows,
  networkQuiet,
  openBenchWindow,
  signIn,
} from '../browserWindow';
import { PAGE_STYLES_META } from '../../../renderer/app/pageStyles';
import { PREVIEW_CALLER } from '../../previewServer';
import type { Measurement } from '../measurement';

export const windowCaseList: Measurement = {
  id: 'window.caseList',
  label: 'window: sign in to the case list (20 rows)',
  runs: 10,
  warmup: 1,
  target: { medianMs: 500 },
  apart: true,
  async prepare(context) {
    const bench = await openBenchWindow(context, 'window-list');
    let open: { context: BrowserContext; page: Page; cdp: CDPSession } | null = null;
    const busy: BusyTime[] = [];
    let busyBefore: BusyTime | null = null;
    return {
      before: async () => {
        await open?.context.close();
        // The preview keeps one session for its window, whatever browser context asks: sign the last run out.
        bench.server.backend.sessions.control(PREVIEW_CALLER).signOut();
        const fresh = await bench.newPage();
        const cdp = await fresh.context.newCDPSession(fresh.page);
        await cdp.send('Performance.enable');
        open = { ...fresh, cdp };
        await open.page.goto(bench.server.url);
        await open.page.getByLabel('用户名').waitFor();
        // A clerk takes seconds to type the password: what the window reads meanwhile (the pages' chunk and their
        // antd styles, a moment after the form is drawn: renderer/app/pageStyles.ts) is read and run.
        await open.page.waitForFunction((meta) => {
          const named = document.querySelector<HTMLMetaElement>(`meta[name="${meta}"]`)?.content;
          const linked = [...document.querySelectorAll<HTMLLinkElement>('link[rel="stylesheet"]')].find(
            (link) => named && link.getAttribute('href') === named,
          );
          return !named || !!linked?.sheet;
        }, PAGE_STYLES_META);
        await networkQuiet(open.page, 500);
        await open.page.evaluate(() => new Promise((idle) => window.requestIdleCallback(() => idle(null))));
        busyBefore = await busyMs(open.cdp);
      },
      app: async () => {
        await signIn(open!.page);
        await caseListRows(open!.page, 20);
        busy.push(busySince(busyBefore!, await busyMs(open!.cdp)));
      },
      close: async () => {
        await open?.context.close();
        await bench.close();
      },
      get note() {
        return `a fresh window each run, signed in as an administrator; ${busyNote(busy)}`;
      },
    };
  },
};
