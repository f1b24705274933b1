// What one measurement is: the work through the app's services, the same work as plain better-sqlite3 statements
// (the floor of this stack), how often to repeat it, and the target for it.
import type { Backend } from '../../electron/backend';
import type { Dataset } from './dataset';

export interface BenchContext {
  dataset: Dataset;
  /** A scratch folder, removed after the run. */
  workDir: string;
  /**
   * A working copy of the first office's file (measurements may write to it), opened as the app opens it; closed
   * while a measurement that opens a file of its own runs (`ownFile`), and opened again after it.
   */
  home: Backend;
  homeFile: string;
  /** The day the data ends on: "today" for deadlines. */
  today: string;
}

export interface Target {
  /** The app's p95 must be under this (ms). */
  p95Ms?: number;
  /** The app's median must be under this (ms): for work measured a few times only. */
  medianMs?: number;
  /** The app's median over the raw median must be within this. */
  ratio?: number;
}

/** One prepared measurement: each run gets its index (for work that must differ per run, like a new case). */
interface Runner {
  /** Untimed, before each run of `app` and of `raw` (a fresh copy of a file, say). */
  before?: (run: number, side: 'app' | 'raw') => Promise<void>;
  app(run: number): Promise<unknown>;
  /** The same work as plain better-sqlite3 statements, prepared once; absent where there is no such floor. */
  raw?: (run: number) => unknown;
  close?(): Promise<void>;
  /**
   * The app's samples (ms) as the measurement itself took them, for the last `timed` runs of `app` (those after the
   * warm-up), replacing the bench's wall time around `app`: the keystroke's latency taken in the page (Event Timing),
   * not the driver's round trips.
   */
  ownSamples?(timed: number): Promise<number[]>;
  /** What was measured, for the table (the query typed, how many it found). */
  note?: string;
}

export interface Measurement {
  id: string;
  label: string;
  /** Timed runs, after `warmup` untimed ones. */
  runs: number;
  warmup?: number;
  target: Target;
  /**
   * Runs in a child process of the bench, whose peak RSS is reported as its own: the window's measurements, which
   * hold what the app's main process never holds (playwright's client, a second backend serving the preview).
   */
  apart?: true;
  /**
   * Works on a data file of its own (a copy it changes: an office's to export or import a ledger into, the bureau's):
   * the bench's own office (`context.home`) is closed while it runs, as the app's main process holds one data file
   * open, and opened again after it. Before 2026-12-08 both stayed open, and the idle office's page cache and
   * statements counted in the peak RSS.
   */
  ownFile?: true;
  prepare(context: BenchContext): Promise<Runner>;
}
