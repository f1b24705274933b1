// Opening a case page from the case list: its details, its timeline of 50 entries (the case) and its dossier
// panel on screen. The office's data set has no case that busy, so the preparation (untimed) gives the window's own
// copy one: a mediation under way, recorded on through the app's channels (调查记录 and 调解记录, each one call as a
// clerk's) until its timeline holds 50 entries. The target: under 300 ms.
import type { Page } from 'playwright-core';
import { createApi } from '../../../shared/client';
import type { ChannelInput } from '../../../shared/contract';
import { busyMs, busyNote, busySince, type BusyTime, caseListRows, openBenchWindow, signIn } from '../browserWindow';
import type { Measurement } from '../measurement';

/** The timeline the issue asks the case page to show. */
const ENTRIES = 50;
/** The bench's own session in the window's backend, beside the window's. */
const BENCH_CALLER = 'bench-window';

export const windowCasePage: Measurement = {
  id: 'window.casePage',
  label: 'window: open a case page (timeline, dossier)',
  runs: 10,
  warmup: 2,
  target: { medianMs: 300 },
  apart: true,
  async prepare(context) {
    const bench = await openBenchWindow(context, 'window-case');
    const { backend } = bench.server;
    const mediating = backend.store.sqlite
      .prepare(
        `SELECT c.id AS id, count(a.id) AS entries FROM cases c JOIN case_actions a ON a.case_id = c.id
         WHERE c.kind = 'mediation' AND c.status IN ('registered', 'mediating') GROUP BY c.id
         HAVING max(a.acted_on) <= ? ORDER BY count(a.id) DESC, c.id LIMIT 1`,
      )
      .get(context.today) as { id: number; entries: number } | undefined;
    if (!mediating) {
      await bench.close();
      throw new Error('the office has no mediation under way');
    }
    backend.sessions.signInSystem(BENCH_CALLER);
    const api = createApi((channel, input) => backend.dispatch(channel, input, BENCH_CALLER));
    for (let n = mediating.entries; n < ENTRIES; n++) {
      const base = { caseId: mediating.id, actedOn: context.today };
      if (n % 2)
        await api.call('mediation.investigate', {
          ...base,
          investigator: '测速员',
          subject: '当事人',
          place: '司法所',
          content: `第${n}次调查：核实争议事实。`,
        } as ChannelInput<'mediation.investigate'>);
      else
        await api.call('mediation.recordSession', {
          ...base,
          place: '司法所调解室',
          attendees: '双方当事人',
          content: `第${n}次调解：双方陈述意见，调解员释法说理。`,
        } as ChannelInput<'mediation.recordSession'>);
    }
    const busiest = { id: mediating.id, entries: Math.max(mediating.entries, ENTRIES) };
    const { context: browserContext, page } = await bench.newPage();
    const cdp = await browserContext.newCDPSession(page);
    await cdp.send('Performance.enable');
    const busy: BusyTime[] = [];
    let busyBefore: BusyTime | null = null;
    await page.goto(bench.server.url);
    await signIn(page);
    await caseListRows(page, 1);
    const shown = async (p: Page) => {
      await p
        .getByTestId('timeline-entry')
        .nth(busiest.entries - 1)
        .waitFor();
      await p.getByTestId('dossier-status').waitFor();
    };
    return {
      before: async () => {
        await page.evaluate(() => {
          window.location.hash = '#/cases';
        });
        await caseListRows(page, 1);
        busyBefore = await busyMs(cdp);
      },
      app: async () => {
        await page.evaluate((id) => {
          window.location.hash = `#/cases/${id}`;
        }, busiest.id);
        await shown(page);
        busy.push(busySince(busyBefore!, await busyMs(cdp)));
      },
      close: () => bench.close(),
      get note() {
        return `case ${busiest.id} (a mediation), ${busiest.entries} timeline entries (${busiest.entries - mediating.entries} recorded through its channels beforehand); ${busyNote(busy)}`;
      },
    };
  },
};
