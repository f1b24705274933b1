// How far the main process's heap may grow past what it holds before V8 collects it. Its live heap is small (about
// 20 MB at rest after opening an office's file, 50–70 MB while the dashboard or the statistics run), but a report
// over ten years of timelines turns over hundreds of megabytes of short-lived rows and objects, and when collecting
// is cheap V8 lets the old space grow to four times the live heap before a full collection: that garbage, not data
// held, was the process's peak memory (357 MB at office scale). Capping the growth at 1.5× the live heap keeps the
// peak under 300 MB for the same work; the extra full collections cost no measurable CPU (README, Performance).
import v8 from 'node:v8';

/** Old space may grow to (1 + this / 100) times the heap live after the last full collection. */
const HEAP_GROWING_PERCENT = 50;

// Set when this module loads, which must be before the rest of the bundle: set once the process had collected
// (after the bundle's own start-up) it did not take effect. So main.ts and the bench import this module first.
v8.setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
