// Typing into the legal-aid intake form (法律援助申请表): each keystroke into the applicant's name, with the form's
// live validation, the conflict check and the draft's autosave behind it. Each run is one character; its latency is
// taken in the page, from the input event to the first task after the next frame (what the clerk sees), and the
// table's figure is the driver's view of the same (the DevTools round trip included). The target: p95
// under 50 ms.
import { caseListRows, openBenchWindow, signIn } from '../browserWindow';
import type { Measurement } from '../measurement';
import { summarise } from '../stats';

/** Typed into the name, then cleared, over and over: a name as long as the field takes. */
const NAME = '欧阳明华张建国李秀英王桂兰';
const WARMUP = 5;

declare global {
  interface Window {
    /** The bench's keystroke latencies (ms), gathered in the page. */
    benchLatencies?: number[];
  }
}

export const windowKeystroke: Measurement = {
  id: 'window.keystroke',
  label: 'window: keystroke in the legal-aid form (p95)',
  runs: 60,
  warmup: WARMUP,
  target: { p95Ms: 50 },
  apart: true,
  async prepare(context) {
    const bench = await openBenchWindow(context, 'window-keys');
    const { page } = await bench.newPage();
    await page.goto(bench.server.url);
    await signIn(page);
    await caseListRows(page, 1);
    await page.evaluate(() => {
      window.location.hash = '#/legal-aid/new';
    });
    const name = page.getByLabel('姓名').first();
    await name.waitFor();
    await page.evaluate(() => {
      window.benchLatencies = [];
      document.addEventListener(
        'input',
        (event) => {
          const started = event.timeStamp;
          requestAnimationFrame(() => setTimeout(() => window.benchLatencies!.push(performance.now() - started), 0));
        },
        true,
      );
    });
    let typed = 0;
    /** The in-page latencies of the timed keystrokes. */
    const inPage: number[] = [];
    return {
      before: async (run) => {
        if (run % NAME.length === 0 && run > 0) {
          await name.fill('');
          await page.waitForFunction((n) => window.benchLatencies!.length >= n, typed + 1);
          typed++;
        }
      },
      app: async (run) => {
        await name.pressSequentially(NAME[run % NAME.length]!);
        typed++;
        const latency = await page.waitForFunction((n) => window.benchLatencies![n - 1], typed);
        if (run >= WARMUP) inPage.push((await latency.jsonValue()) as number);
      },
      close: () => bench.close(),
      get note() {
        const s = summarise(inPage);
        return `in the page: median ${s.medianMs.toFixed(1)} ms, p95 ${s.p95Ms.toFixed(1)} ms, max ${s.maxMs.toFixed(1)} ms over ${s.n} keystrokes`;
      },
    };
  },
};
