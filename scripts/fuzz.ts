// `npm run fuzz -- --runs N --seed S [--channel NAME]... [--cases N] [--passes N]`: the contract fuzzer (test/fuzz/)
// run long (by default two passes over every channel, the second meeting the data the first left).
// Prints each channel's counts as it finishes, then every failure with its seed, channel, role and shrunk input;
// exits 1 when a property failed, 2 on a usage error. The jest test (test/electron/contractFuzz.test.ts) runs the
// same fuzzer small with a fixed seed.
import { parseArgs } from 'node:util';
import { describeCount, describeFailure, fuzzContract } from '../test/fuzz/contractFuzz';

// The clerks' time zone, as jest runs the tests in (jest.config.js): dates are local days in China.
process.env.TZ = 'Asia/Shanghai';

const USAGE = 'usage: npm run fuzz -- [--runs N] [--seed S] [--channel NAME]... [--cases N] [--passes N] [--quiet]';

function positive(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isSafeInteger(n) || n < (name === 'seed' ? Number.MIN_SAFE_INTEGER : 1)) {
    console.error(`--${name} must be ${name === 'seed' ? 'an integer' : 'a positive integer'}\n${USAGE}`);
    process.exit(2);
  }
  return n;
}

async function main(): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args: process.argv.slice(2),
      strict: true,
      options: {
        runs: { type: 'string' },
        seed: { type: 'string' },
        channel: { type: 'string', multiple: true },
        cases: { type: 'string' },
        passes: { type: 'string' },
        quiet: { type: 'boolean' },
        help: { type: 'boolean' },
      },
    }));
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const runs = positive('runs', values.runs, 200);
  const seed = positive('seed', values.seed, Date.now() % 1_000_000);
  const cases = positive('cases', values.cases, 40);
  const passes = positive('passes', values.passes, 2);
  console.log(
    `contract fuzz: ${runs} runs per channel in each data file, ${passes} passes, seed ${seed}, ${cases} demo cases`,
  );
  const report = await fuzzContract({
    runs,
    seed,
    cases,
    passes,
    channels: values.channel ?? [],
    progress: (count) => {
      if (!values.quiet) console.log(describeCount(count));
    },
  });
  const calls = report.counts.reduce((n, c) => n + c.calls, 0);
  const ok = report.counts.reduce((n, c) => n + c.ok, 0);
  console.log(
    `${report.counts.length} channel runs, ${calls} calls (${ok} answered, ${calls - ok} refused) in ${(report.ms / 1000).toFixed(1)} s`,
  );
  for (const failure of report.failures) console.log(`\n${describeFailure(failure)}`);
  for (const problem of report.finalProblems) console.log(`\nFAILED at the end: ${problem}`);
  const failed = report.failures.length + report.finalProblems.length;
  console.log(failed === 0 ? `passed (seed ${seed})` : `${failed} failed (seed ${seed})`);
  return failed === 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : error);
    process.exit(1);
  },
);
