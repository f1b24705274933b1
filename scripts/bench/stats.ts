// Timing runs and summarising them.

export interface Summary {
  n: number;
  medianMs: number;
  p95Ms: number;
  minMs: number;
  maxMs: number;
}

/** Nearest-rank percentile of sorted values. */
function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

export function summarise(samplesMs: readonly number[]): Summary {
  const sorted = [...samplesMs].sort((a, b) => a - b);
  return {
    n: sorted.length,
    medianMs: percentile(sorted, 50),
    p95Ms: percentile(sorted, 95),
    minMs: sorted[0] ?? Number.NaN,
    maxMs: sorted.at(-1) ?? Number.NaN,
  };
}

/**
 * Runs `work` warmup + runs times (run indexes continue across both), each after the untimed `before`, and returns
 * the timed samples in ms.
 */
export async function timeRuns(
  work: (run: number) => unknown,
  runs: number,
  warmup: number,
  before?: (run: number) => Promise<void>,
): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; i < warmup + runs; i++) {
    await before?.(i);
    const started = performance.now();
    await work(i);
    if (i >= warmup) samples.push(performance.now() - started);
  }
  return samples;
}
