// npm run bench [-- --scale office|county] [--json out.json]: CaseDesk's speed on an office's ten years of data
// and a county's, each figure beside the same work done with plain better-sqlite3. Prints figures; asserts nothing.
//
//   --scale office|county   20,000 cases in one office, or 20 offices × 10,000 (default office)
//   --cases N --offices N   override the scale's cases per office and number of offices
//   --seed S --years Y      the generator's seed (default 1) and the years the cases span (default 10)
//   --runs N                timed runs per measurement instead of each one's own count
//   --only a,b              only these measurements (ids as in the JSON)
//   --json FILE             also write the result as JSON
//   --cache DIR             where built data sets are kept (default .bench-cache/)
//   --rebuild               build the data set again (after changing the generator)
//   --jobs N                build the offices in N processes at once (default 1)
//   --distinct N            build only N offices through the channels and copy them for the rest, each copy
//                           under its own office identity (for a machine that cannot afford the full build)
import '../electron/heapGrowth'; // first, as in the app's main process: how far the heap grows before collecting
import { fork } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { ArgumentError, parseArgs, stringFlag, type ParsedArgs } from './args';
import {
  BENCH_UNTIL,
  buildOffices,
  cachedDataset,
  finishBuild,
  SCALES,
  startBuild,
  type DatasetSpec,
  type Scale,
} from './bench/dataset';
import { MEASUREMENTS } from './bench/measurements';
import { setUpDossierCase, type DossierSetUp } from './bench/measurements/electronicDossier';
import { writeLedger, type LedgerOrder } from './bench/measurements/ledgerImport';
import { answerParent, askBenchChild } from './bench/benchChild';
import { servePdfRenderer } from './bench/pdfRendererChild';
import { benchJson, benchTable } from './bench/report';
import { runBench, type MeasurementResult } from './bench/run';

class UsageError extends Error {}

function count(args: ParsedArgs, name: string, fallback: number): number {
  const raw = stringFlag(args, name);
  const n = raw === undefined ? fallback : Number(raw);
  if (!Number.isInteger(n) || n < 1) throw new UsageError(`--${name} must be a positive integer`);
  return n;
}

function specOf(args: ParsedArgs): DatasetSpec {
  const scale = (stringFlag(args, 'scale') ?? 'office') as Scale;
  if (!(scale in SCALES)) throw new UsageError('--scale must be office or county');
  const preset = SCALES[scale];
  const offices = count(args, 'offices', preset.offices);
  const distinctOffices = count(args, 'distinct', offices);
  if (distinctOffices > offices) throw new UsageError('--distinct must not exceed the number of offices');
  return {
    scale,
    offices,
    distinctOffices,
    casesPerOffice: count(args, 'cases', preset.casesPerOffice),
    seed: count(args, 'seed', 1),
    years: count(args, 'years', 10),
    until: BENCH_UNTIL,
  };
}

/**
 * Builds the data set in `jobs` child processes (offices dealt out among them), so the build's memory is not the
 * bench's peak RSS.
 */
async function buildInChildren(
  argv: readonly string[],
  cacheDir: string,
  spec: DatasetSpec,
  jobs: number,
): Promise<void> {
  startBuild(cacheDir, spec);
  const parts = Math.min(jobs, spec.distinctOffices);
  await Promise.all(
    Array.from(
      { length: parts },
      (_, part) =>
        new Promise<void>((resolve, reject) => {
          const child = fork(__filename, [...argv, '--build-part', `${part}/${parts}`], { stdio: 'inherit' });
          child.on('error', reject);
          child.on('exit', (code) =>
            code === 0 ? resolve() : reject(new Error(`building the bench data failed (exit ${code})`)),
          );
        }),
    ),
  );
  finishBuild(cacheDir, spec);
}

/** The child's side of a measurement run apart (`--apart <id>`): the one measurement on the cached data, its result sent to the parent. */
async function measureApart(cacheDir: string, spec: DatasetSpec, id: string, runs: number | undefined): Promise<void> {
  const dataset = cachedDataset(cacheDir, spec);
  if (!dataset) throw new Error('the bench data is not built');
  const m = MEASUREMENTS.find((x) => x.id === id);
  if (!m) throw new UsageError(`unknown measurement: ${id}`);
  const result = await runBench({ ...dataset, built: false, buildSeconds: 0 }, [m], {
    ...(runs ? { runs } : {}),
    progress: (line) => process.stderr.write(`${line}\n`),
  });
  await answerParent(result.measurements[0]);
}

export async function main(
  argv: readonly string[],
  out: (line: string) => void = console.log,
  err: (line: string) => void = console.error,
): Promise<number> {
  try {
    const args = parseArgs(argv, {
      scale: 'string',
      cases: 'string',
      offices: 'string',
      seed: 'string',
      years: 'string',
      runs: 'string',
      only: 'string',
      json: 'string',
      cache: 'string',
      rebuild: 'boolean',
      jobs: 'string',
      distinct: 'string',
      'build-part': 'string',
      'set-up-dossier': 'string',
      'write-ledger': 'string',
      apart: 'string',
      'pdf-renderer': 'boolean',
    });
    // A child of the electronic dossier's measurement: its set-up, answered to the parent (see that measurement).
    const dossierSetUp = stringFlag(args, 'set-up-dossier');
    if (dossierSetUp) {
      const prepared = await setUpDossierCase(JSON.parse(dossierSetUp) as DossierSetUp);
      await answerParent(prepared);
      return 0;
    }
    // A child of the ledger's measurements: the clerk's ledger file written (see ledgerImport.ts).
    const ledgerOrder = stringFlag(args, 'write-ledger');
    if (ledgerOrder) {
      await writeLedger(JSON.parse(ledgerOrder) as LedgerOrder);
      await answerParent(null);
      return 0;
    }
    // A child of the electronic dossier's measurement: its PDF renderer (pdfRendererChild.ts), until disconnected.
    if (args.flags.has('pdf-renderer')) {
      await servePdfRenderer();
      return 0;
    }
    const spec = specOf(args);
    const cacheDir = path.resolve(stringFlag(args, 'cache') ?? path.join(__dirname, '..', '.bench-cache'));
    const only = stringFlag(args, 'only')?.split(',');
    const unknown = only?.filter((id) => !MEASUREMENTS.some((m) => m.id === id)) ?? [];
    if (unknown.length)
      throw new UsageError(
        `unknown measurement: ${unknown.join(', ')} (known: ${MEASUREMENTS.map((m) => m.id).join(', ')})`,
      );
    const runs = stringFlag(args, 'runs') === undefined ? undefined : count(args, 'runs', 1);
    const buildPart = stringFlag(args, 'build-part');
    if (buildPart) {
      const [part, parts] = buildPart.split('/').map(Number);
      await buildOffices(cacheDir, spec, part!, parts!, out);
      return 0;
    }
    const apart = stringFlag(args, 'apart');
    if (apart) {
      await measureApart(cacheDir, spec, apart, runs);
      return 0;
    }
    let dataset = args.flags.has('rebuild') ? null : cachedDataset(cacheDir, spec);
    let buildSeconds = 0;
    if (!dataset) {
      const jobs = count(args, 'jobs', 1);
      out(
        `building ${spec.offices} office file(s) of ${spec.casesPerOffice} cases into ${cacheDir} with ${jobs} process(es) (once; later runs reuse them)`,
      );
      const started = performance.now();
      await buildInChildren(argv, cacheDir, spec, jobs);
      buildSeconds = (performance.now() - started) / 1000;
      dataset = cachedDataset(cacheDir, spec);
      if (!dataset) throw new Error('the bench data was not built');
    }
    const result = await runBench({ ...dataset, built: buildSeconds > 0, buildSeconds }, MEASUREMENTS, {
      ...(runs ? { runs } : {}),
      ...(only ? { only } : {}),
      progress: (line) => process.stderr.write(`${line}\n`),
      // The measurements marked `apart` (measurement.ts), each in a child whose peak RSS is its own.
      runApart: (m) => askBenchChild<MeasurementResult>([...argv, '--apart', m.id], `measuring ${m.id} apart`),
    });
    out(benchTable(result));
    const json = stringFlag(args, 'json');
    if (json) fs.writeFileSync(path.resolve(json), benchJson(result));
    return 0;
  } catch (error) {
    const usage = error instanceof UsageError || error instanceof ArgumentError;
    err(error instanceof Error ? (usage ? error.message : (error.stack ?? error.message)) : String(error));
    return usage ? 2 : 1;
  }
}

if (require.main === module) {
  main(process.argv.slice(2)).then((code) => process.exit(code));
}
