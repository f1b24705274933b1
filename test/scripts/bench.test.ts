import type { DataKey } from '../../db/dataKey';
import { BENCH_KEY } from '../../scripts/bench/benchKey';
import { openTestFile, TEST_KEY } from '../support/testKey';
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import {
  BENCH_UNTIL,
  buildOffices,
  finishBuild,
  officeSetup,
  officesOf,
  startBuild,
  type DatasetSpec,
} from '../../scripts/bench/dataset';
import { main } from '../../scripts/bench';
import { MEASUREMENTS } from '../../scripts/bench/measurements';
import type { BenchResult } from '../../scripts/bench/run';
import { makeDemoCases } from '../../scripts/demoCases';
import { tempDir, testBackend } from '../support/fixtures';

const ROOT = path.join(__dirname, '..', '..');

function bench(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  return new Promise((resolve) => {
    execFile(
      path.join(ROOT, 'node_modules', '.bin', 'tsx'),
      [path.join(ROOT, 'scripts', 'bench.ts'), ...argv],
      { cwd: ROOT, timeout: 420_000 },
      (error, out, err) => {
        resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, out, err });
      },
    );
  });
}

/** What a data file holds, case by case: numbers, statuses, parties and every step of every timeline. */
function contents(file: string, key: DataKey = TEST_KEY) {
  const sqlite = openTestFile(file, { readonly: true }, key);
  try {
    return {
      cases: sqlite
        .prepare('SELECT kind, case_number, status, title, received_on, received_by FROM cases ORDER BY id')
        .all(),
      parties: sqlite.prepare('SELECT case_id, role, position, name, id_number, phone FROM parties ORDER BY id').all(),
      actions: sqlite
        .prepare('SELECT case_id, action, acted_on, data, from_status, to_status FROM case_actions ORDER BY id')
        .all(),
      search: sqlite.prepare('SELECT case_id, body FROM case_search_text ORDER BY case_id').all(),
    };
  } finally {
    sqlite.close();
  }
}

describe('npm run bench', () => {
  // The window's measurements start Chromium four times (scripts/bench/measurements/window*.ts).
  jest.setTimeout(450_000);

  it('builds a tiny office, times every measurement beside raw SQLite, and writes the figures as JSON', async () => {
    const dir = tempDir();
    const json = path.join(dir, 'out.json');
    const first = await bench('--cases', '120', '--runs', '3', '--cache', path.join(dir, 'cache'), '--json', json);
    expect(first.err).not.toMatch(/Error/);
    expect(first.code).toBe(0);
    const result = JSON.parse(fs.readFileSync(json, 'utf8')) as BenchResult;
    expect(result.dataset).toMatchObject({
      scale: 'office',
      offices: 1,
      casesPerOffice: 120,
      totalCases: 120,
      built: true,
    });
    expect(result.measurements.map((m) => m.id)).toEqual(MEASUREMENTS.map((m) => m.id));
    for (const m of result.measurements) {
      expect(m.app.n).toBe(3);
      expect(m.app.medianMs).toBeGreaterThan(0);
      expect(m.app.p95Ms).toBeGreaterThanOrEqual(m.app.medianMs);
      if (m.raw) {
        expect(m.raw.medianMs).toBeGreaterThan(0);
        expect(m.ratio).toBeCloseTo(m.app.medianMs / m.raw.medianMs, 6);
      }
      expect(m.pass === null || typeof m.pass === 'boolean').toBe(true);
      expect(first.out).toContain(m.label);
    }
    // The list and the searches have a floor to compare with, and the targets.
    for (const id of ['list.page', 'search.2chars', 'search.4chars', 'search.idPart']) {
      expect(result.measurements.find((m) => m.id === id)).toMatchObject({
        raw: { n: 3 },
        target: { p95Ms: 20, ratio: 3 },
      });
    }
    expect(result.measurements.find((m) => m.id === 'import.packages')).toMatchObject({
      raw: { n: 3 },
      target: { medianMs: 30_000, ratio: 2 },
    });
    expect(result.measurements.find((m) => m.id === 'import.packages')?.note).toMatch(/^1 packages, .* rows inserted$/);
    // The monthly export is timed after the period's report was opened, and reuses its figures every time.
    expect(result.measurements.find((m) => m.id === 'export.month')).toMatchObject({
      raw: { n: 3 },
      target: { medianMs: 300, ratio: 3 },
    });
    expect(result.measurements.find((m) => m.id === 'export.month')?.note).toMatch(
      /figures reused in 3 of 3 runs, .*; cold \(no report opened, .*\): median \d+ ms, CPU \d+ ms over 3 runs$/,
    );
    expect(result.peakRssMB).toBeGreaterThan(10);
    // The window's measurements run in processes of their own (playwright's client and the preview's second backend
    // are not the app's main process): their peaks are reported apart, and the verdict takes the higher of the two.
    expect(result.measurements.filter((m) => m.apart).map((m) => m.id)).toEqual(
      MEASUREMENTS.filter((m) => m.apart).map((m) => m.id),
    );
    expect(result.measurements.filter((m) => m.apart).map((m) => m.id)).toEqual([
      'window.load',
      'window.caseList',
      'window.casePage',
      'window.keystroke',
    ]);
    expect(result.apartPeakRssMB).toBe(Math.max(...result.measurements.filter((m) => m.apart).map((m) => m.peakRssMB)));
    expect(result.rssPass).toBe(Math.max(result.peakRssMB, result.apartPeakRssMB!) < result.rssTargetMB);
    expect(first.out).toMatch(/MB at most in a process of its own/);
    // The table says under which allocator policy the memory was measured.
    expect(first.out).toMatch(/^allocator: glibc malloc, its default policy/m);
    expect(result.machine.cores).toBeGreaterThan(0);
    expect(first.out).toMatch(/peak RSS \d+ MB/);

    // A second run takes the data from the cache.
    const again = await bench(
      '--cases',
      '120',
      '--runs',
      '1',
      '--only',
      'list.page',
      '--cache',
      path.join(dir, 'cache'),
      '--json',
      json,
    );
    expect(again.code).toBe(0);
    expect(again.out).toContain('from the cache');
    expect((JSON.parse(fs.readFileSync(json, 'utf8')) as BenchResult).measurements.map((m) => m.id)).toEqual([
      'list.page',
    ]);
  });

  it('refuses an unknown scale, count or measurement with a usage error, before building anything', async () => {
    const cache = tempDir();
    const errors: string[] = [];
    const run = (...argv: string[]) =>
      main(
        argv,
        () => {},
        (line) => errors.push(line),
      );
    expect(await run('--scale', 'planet', '--cache', cache)).toBe(2);
    expect(await run('--cases', '0', '--cache', cache)).toBe(2);
    expect(await run('--cases', '5', '--only', 'nothing', '--cache', cache)).toBe(2);
    expect(errors).toEqual([
      '--scale must be office or county',
      '--cases must be a positive integer',
      expect.stringContaining('unknown measurement: nothing'),
    ]);
    expect(fs.readdirSync(cache)).toEqual([]);
  });

  it('fills an office file with exactly the cases the CLI demo makes, through the same channels', async () => {
    const cache = tempDir();
    const spec: DatasetSpec = {
      scale: 'office',
      offices: 1,
      distinctOffices: 1,
      casesPerOffice: 60,
      seed: 5,
      years: 10,
      until: BENCH_UNTIL,
    };
    startBuild(cache, spec);
    await buildOffices(cache, spec, 0, 1);
    const built = finishBuild(cache, spec);

    const reference = testBackend();
    try {
      await reference.api.call('office.setup', officeSetup(officesOf(spec)[0]!));
      await makeDemoCases(reference.api, { count: 60, seed: spec.seed, until: spec.until, years: spec.years });
    } finally {
      await reference.close();
    }
    const made = contents(built.offices[0]!.file, BENCH_KEY); // the bench's synthetic files have a key of their own
    expect(made.cases).toHaveLength(60);
    expect(made).toEqual(contents(reference.dataFile));
  });
});
