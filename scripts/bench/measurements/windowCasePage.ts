// Opening a case page from the case list: its details, its timeline (the office's case with the most entries; the
// issue asks for 50) and its dossier panel on screen. The target: under 300 ms.
import type { Page } from 'playwright-core';
import { caseListRows, openBenchWindow, signIn } from '../browserWindow';
import type { Measurement } from '../measurement';

export const windowCasePage: Measurement = {
  id: 'window.casePage',
  label: 'window: open a case page (timeline, dossier)',
  runs: 10,
  warmup: 2,
  target: { medianMs: 300 },
  apart: true,
  async prepare(context) {
    const busiest = context.home.store.sqlite
      .prepare(
        `SELECT case_id AS id, count(*) AS entries FROM case_actions GROUP BY case_id
         ORDER BY abs(count(*) - 50), case_id LIMIT 1`,
      )
      .get() as { id: number; entries: number } | undefined;
    if (!busiest) throw new Error('the office has no case with a timeline');
    const bench = await openBenchWindow(context, 'window-case');
    const { page } = await bench.newPage();
    await page.goto(bench.server.url);
    await signIn(page);
    await caseListRows(page, 1);
    const shown = async (p: Page) => {
      await p
        .getByTestId('timeline-entry')
        .nth(Math.min(busiest.entries, 50) - 1)
        .waitFor();
      await p.getByTestId('dossier-status').waitFor();
    };
    return {
      before: async () => {
        await page.evaluate(() => {
          window.location.hash = '#/cases';
        });
        await caseListRows(page, 1);
      },
      app: async () => {
        await page.evaluate((id) => {
          window.location.hash = `#/cases/${id}`;
        }, busiest.id);
        await shown(page);
      },
      close: () => bench.close(),
      note: `case ${busiest.id}, ${busiest.entries} timeline entries`,
    };
  },
};
