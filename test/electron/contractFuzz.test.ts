// The contract fuzzer (test/fuzz/) run small with a fixed seed on every `npm test`: every channel of the contract, in
// an office's data file and a bureau's, as every role, with valid, near-valid and random inputs. `npm run fuzz`
// runs the same fuzzer long with any seed.
import { contract } from '../../shared/contract';
import { describeFailure, fuzzContract, type FuzzReport } from '../fuzz/contractFuzz';

const RUNS = 4;
const SEED = 20261122;

let report: FuzzReport;

beforeAll(async () => {
  report = await fuzzContract({ runs: RUNS, seed: SEED, cases: 8 });
}, 150_000);

describe('the contract under fuzzing', () => {
  it('reaches every channel of the contract, in both data files', () => {
    const reached = (world: string) => report.counts.filter((c) => c.world === world && c.calls >= RUNS).map((c) => c.channel).sort();
    expect(reached('office')).toEqual(Object.keys(contract).sort());
    expect(reached('bureau')).toEqual(Object.keys(contract).sort());
  });

  it('answers and refuses: some generated calls get through, all kinds of input are made', () => {
    const total = (f: (c: FuzzReport['counts'][number]) => number) => report.counts.reduce((n, c) => n + f(c), 0);
    expect(total((c) => c.ok)).toBeGreaterThan(0);
    expect(total((c) => c.byKind.valid)).toBeGreaterThan(0);
    expect(total((c) => c.byKind['near-valid'])).toBeGreaterThan(0);
    expect(total((c) => c.byKind.random)).toBeGreaterThan(0);
  });

  it('holds every property for every call: no INTERNAL error, Chinese refusals naming the field, refused writes change nothing', () => {
    expect(report.failures.map(describeFailure)).toEqual([]);
  });

  it('leaves both data files whole: integrity_check, foreign keys, audit-verify; nothing written to the working folder', () => {
    expect(report.finalProblems).toEqual([]);
  });
});
