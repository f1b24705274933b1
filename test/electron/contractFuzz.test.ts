// The contract fuzzer (test/fuzz/) run small with a fixed seed on every `npm test`: every channel of the contract, in
// an office's data file and a bureau's, as every role, with valid, near-valid and random inputs. `npm run fuzz`
// runs the same fuzzer long with any seed.
import { openTestFile } from '../support/testKey';
import { contract } from '../../shared/contract';
import { AppError } from '../../shared/errors';
import { describeFailure, fuzzContract, type FuzzReport } from '../fuzz/contractFuzz';
import type { World } from '../fuzz/world';

const RUNS = 4;
const SEED = 20261122;

describe('the contract under fuzzing', () => {
  let report: FuzzReport;
  beforeAll(async () => {
    report = await fuzzContract({ runs: RUNS, seed: SEED, cases: 8 });
  }, 150_000);

  it('reaches every channel of the contract, in both data files', () => {
    const reached = (world: string) =>
      report.counts
        .filter((c) => c.world === world && c.calls >= RUNS)
        .map((c) => c.channel)
        .sort();
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

describe('the fuzzer itself', () => {
  type Handler = (input: Record<string, unknown>, call: { db: World['backend']['store']['db'] }) => Promise<unknown>;

  /** Four faults of the kinds the fuzzer is there to find, planted in real handlers. */
  function plant(world: World): void {
    const handlers = world.backend.handlers as unknown as Record<string, Handler>;
    const list = handlers['cases.list']!;
    handlers['cases.list'] = async (input, call) => {
      if ((input.pageSize as number) > 100) throw new TypeError('page size out of range');
      return list(input, call);
    };
    const drafts = handlers['drafts.list']!;
    handlers['drafts.list'] = async (input, call) => {
      await call.db
        .insertInto('drafts')
        .values({ kind: 'mediation', title: '读取时写入', data: '{}', created_at: 'x', updated_at: 'x' })
        .execute();
      return drafts(input, call);
    };
    handlers['legalAid.rosterList'] = async () => {
      throw new AppError('CONFLICT', 'Roster is not available');
    };
    handlers['drafts.discard'] = async () => {
      // On a connection of its own, beside the call's transaction: the dispatcher's rollback cannot undo it.
      const beside = openTestFile(world.backend.dataFile);
      try {
        beside
          .prepare(
            `INSERT INTO drafts (kind, title, data, created_at, updated_at) VALUES ('mediation', '拒绝时写入', '{}', 'x', 'x')`,
          )
          .run();
      } finally {
        beside.close();
      }
      throw new AppError('NOT_FOUND', '没有这份草稿', 'id');
    };
  }

  it('finds planted faults, and tells the seed, the channel, the role and the shrunk input', async () => {
    const planted = await fuzzContract({
      runs: 60,
      seed: 7,
      cases: 2,
      channels: ['cases.list', 'drafts.list', 'legalAid.rosterList', 'drafts.discard'],
      plant,
    });
    const found = Object.fromEntries(planted.failures.filter((f) => f.world === 'office').map((f) => [f.channel, f]));
    expect(found['cases.list']?.problem).toMatch(/^INTERNAL error: .*\n.*TypeError: page size out of range/);
    expect(found['cases.list']?.input).toMatch(/pageSize":(10[1-9]|1[1-9]\d|200)\b/);
    expect(found['drafts.list']?.problem).toMatch(/^a reading channel changed the data file/);
    expect(found['legalAid.rosterList']?.problem).toMatch(/^a refusal without a Chinese message/);
    expect(found['drafts.discard']?.problem).toMatch(/^a refused write changed the data file/);
    const printed = describeFailure(found['cases.list']!);
    expect(printed).toContain('FAILED office/cases.list as ');
    expect(printed).toContain('(seed 7, channel seed ');
    expect(printed).toMatch(/input \((valid|near-valid|random)\): \{/);
    expect(printed).toContain('again: npm run fuzz -- --seed 7 --runs ');
  }, 120_000);
});
