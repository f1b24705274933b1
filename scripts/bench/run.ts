// One bench run: take the data set (from the cache, or built in a child process so its memory does not count),
// copy the first office's file to a scratch folder, open it as the app does, and time every measurement through
// the services and as raw statements on the same connection.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openBackend } from '../../electron/backend';
import { benchKeys } from './benchKey';
import { fixedClock } from '../../electron/services/system/clock';
import type { Dataset } from './dataset';
import type { BenchContext, Measurement, Target } from './measurement';
import { summarise, timeRuns, type Summary } from './stats';

/** The memory target for the whole process, in MB. */
const RSS_TARGET_MB = 300;

export interface MeasurementResult {
  id: string;
  label: string;
  note: string | null;
  app: Summary;
  raw: Summary | null;
  /** App median over raw median. */
  ratio: number | null;
  target: Target;
  /** Whether every target given is met; null when the issue sets none. */
  pass: boolean | null;
  /** The process's peak RSS so far: after the app's runs, and after the raw ones too (MB). */
  peakRssAfterAppMB: number;
  peakRssMB: number;
  /** Measured in a child process of its own (Measurement.apart): the two peaks above are that process's. */
  apart: boolean;
}

export interface BenchResult {
  machine: {
    cpu: string;
    cores: number;
    node: string;
    platform: string;
    startedAt: string;
    takenAt: string;
    /** os.loadavg()[0] at the start and the end: the machine may be shared, and its load moves the figures. */
    loadAtStart: number;
    loadAtEnd: number;
    /**
     * glibc's MALLOC_MMAP_THRESHOLD_ when set (null: glibc's default, which raises the threshold to the largest block
     * freed, so later freed buffers stay in its heap and count in the RSS). Set, blocks that large are mapped and
     * given back when freed: about 90 MB less peak RSS at office scale, at up to twice the CPU of buffer-heavy work.
     */
    mallocMmapThreshold: string | null;
  };
  dataset: {
    scale: string;
    offices: number;
    distinctOffices: number;
    casesPerOffice: number;
    totalCases: number;
    seed: number;
    years: number;
    until: string;
    dir: string;
    built: boolean;
    buildSeconds: number;
    homeFileMB: number;
  };
  measurements: MeasurementResult[];
  /** The bench's own process: the app's work (the app's main process opens the same file and does the same). */
  peakRssMB: number;
  /** The highest peak of the measurements run apart (null when none ran). */
  apartPeakRssMB: number | null;
  rssTargetMB: number;
  rssPass: boolean;
}

export interface RunOptions {
  /** Timed runs per measurement instead of each one's own count (small for tests). */
  runs?: number;
  only?: readonly string[];
  progress?: (line: string) => void;
  /** Runs a measurement marked `apart` in a child process and answers its result; without it, they run here. */
  runApart?: (m: Measurement) => Promise<MeasurementResult>;
}

function judge(target: Target, app: Summary, ratio: number | null): boolean | null {
  const checks: boolean[] = [];
  if (target.p95Ms !== undefined) checks.push(app.p95Ms < target.p95Ms);
  if (target.medianMs !== undefined) checks.push(app.medianMs < target.medianMs);
  if (target.ratio !== undefined && ratio !== null) checks.push(ratio <= target.ratio);
  return checks.length === 0 ? null : checks.every(Boolean);
}

const peakRssMB = () => process.resourceUsage().maxRSS / 1024;

/** The process's memory now, for the progress lines: where the peak is reached, and whether it is heap or native. */
function memoryNow(): string {
  const m = process.memoryUsage();
  const mb = (n: number) => (n / 1048576).toFixed(0);
  return `RSS ${mb(m.rss)} MB (heap ${mb(m.heapUsed)} used of ${mb(m.heapTotal)}, external ${mb(m.external)}); peak ${peakRssMB().toFixed(0)} MB`;
}

function machine(startedAt: string, loadAtStart: number): BenchResult['machine'] {
  const cpu = os.cpus()[0]?.model ?? 'unknown';
  return {
    cpu,
    cores: os.availableParallelism(),
    node: process.version,
    platform: `${os.type()} ${os.release()} ${os.arch()}`,
    startedAt,
    takenAt: new Date().toISOString(),
    loadAtStart,
    loadAtEnd: os.loadavg()[0] ?? 0,
    mallocMmapThreshold: process.env.MALLOC_MMAP_THRESHOLD_ ?? null,
  };
}

export async function runBench(
  dataset: Dataset,
  measurements: readonly Measurement[],
  options: RunOptions = {},
): Promise<BenchResult> {
  const progress = options.progress ?? (() => {});
  const startedAt = new Date().toISOString();
  const loadAtStart = os.loadavg()[0] ?? 0;
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'casedesk-bench-'));
  const first = dataset.offices[0];
  if (!first) throw new Error('the data set has no office');
  const homeFile = path.join(workDir, 'casedesk.sqlite');
  fs.copyFileSync(first.file, homeFile);
  const today = dataset.spec.until;
  const openHome = () => {
    const home = openBackend({
      dataFile: homeFile,
      shell: 'preview',
      keys: benchKeys(),
      clock: fixedClock(`${today}T10:00:00+08:00`),
    });
    home.sessions.signInSystem('bench');
    return home;
  };
  const context: BenchContext = { dataset, workDir, home: openHome(), homeFile, today };
  let homeOpen = true;
  const results: MeasurementResult[] = [];
  try {
    for (const m of measurements) {
      if (options.only && !options.only.includes(m.id)) continue;
      if (m.apart && options.runApart) {
        progress(`measuring ${m.id} in a process of its own`);
        results.push({ ...(await options.runApart(m)), apart: true });
        continue;
      }
      const runs = options.runs ?? m.runs;
      const warmup = Math.min(m.warmup ?? 1, runs);
      progress(`measuring ${m.id} (${runs} runs; peak RSS so far ${peakRssMB().toFixed(0)} MB)`);
      if (m.ownFile && homeOpen) {
        await context.home.close();
        homeOpen = false;
      } else if (!m.ownFile && !homeOpen) {
        context.home = openHome();
        homeOpen = true;
      }
      const runner = await m.prepare(context);
      try {
        const before = runner.before;
        const wall = await timeRuns(runner.app, runs, warmup, before && ((run) => before(run, 'app')));
        const app = summarise((await runner.ownSamples?.(wall.length)) ?? wall);
        const peakRssAfterAppMB = peakRssMB();
        const raw = runner.raw
          ? summarise(await timeRuns(runner.raw, runs, warmup, before && ((run) => before(run, 'raw'))))
          : null;
        const ratio = raw && raw.medianMs > 0 ? app.medianMs / raw.medianMs : null;
        results.push({
          id: m.id,
          label: m.label,
          note: runner.note ?? null,
          app,
          raw,
          ratio,
          target: m.target,
          pass: judge(m.target, app, ratio),
          peakRssAfterAppMB,
          peakRssMB: peakRssMB(),
          apart: false,
        });
        progress(`  ${m.id}: ${memoryNow()}`);
      } finally {
        await runner.close?.();
      }
    }
  } finally {
    if (homeOpen) await context.home.close();
    if (!process.env.KEEP_BENCH_DIR) fs.rmSync(workDir, { recursive: true, force: true });
  }
  const { spec } = dataset;
  const apartPeaks = results.filter((r) => r.apart).map((r) => r.peakRssMB);
  const apartPeakRssMB = apartPeaks.length ? Math.max(...apartPeaks) : null;
  return {
    machine: machine(startedAt, loadAtStart),
    dataset: {
      scale: spec.scale,
      offices: spec.offices,
      distinctOffices: spec.distinctOffices,
      casesPerOffice: spec.casesPerOffice,
      totalCases: dataset.offices.reduce((s, o) => s + o.cases, 0),
      seed: spec.seed,
      years: spec.years,
      until: spec.until,
      dir: dataset.dir,
      built: dataset.built,
      buildSeconds: dataset.buildSeconds,
      homeFileMB: fs.statSync(first.file).size / 1024 / 1024,
    },
    measurements: results,
    peakRssMB: peakRssMB(),
    apartPeakRssMB,
    rssTargetMB: RSS_TARGET_MB,
    rssPass: Math.max(peakRssMB(), apartPeakRssMB ?? 0) < RSS_TARGET_MB,
  };
}
