import path from 'node:path';
import { cli } from '../support/cli';
import {
  allocate,
  DEMO_KIND_SHARES,
  planDemoCases,
  stepDate,
  type DemoCasePlan,
  type DemoPlanOptions,
} from '../../scripts/demoCases';
import { DEMO_HOLIDAY_TABLE, syntheticCreditCode, seededRandom } from '../../scripts/demoData';
import { addDays, isWorkingDay } from '../../shared/calendar';
import { contract, type Channel } from '../../shared/contract';
import { localDate } from '../../shared/dates';
import { holidayTableProblems } from '../../shared/holidays';
import { parseCreditCode } from '../../shared/identity';
import { LEGAL_AID_LIFECYCLE, type LegalAidAction } from '../../shared/kinds/legalAid/lifecycle';
import { MEDIATION_LIFECYCLE } from '../../shared/kinds/mediation/lifecycle';
import { NOTARIZATION_LIFECYCLE } from '../../shared/kinds/notarization/lifecycle';
import { CASE_KINDS, type CaseKind } from '../../shared/options';
import { OFFICE, tempDir, testBackend } from '../support/fixtures';

/** Every status of every kind, from the lifecycles themselves. */
const STATUSES: Record<CaseKind, string[]> = {
  legal_aid: Object.keys(LEGAL_AID_LIFECYCLE.statusLabels),
  mediation: Object.keys(MEDIATION_LIFECYCLE.statusLabels),
  notarization: Object.keys(NOTARIZATION_LIFECYCLE.statusLabels),
};

const UNTIL = '2026-11-20';

async function officeFile(): Promise<string> {
  const db = path.join(tempDir(), 'office.sqlite');
  const made = await cli(
    'init',
    '--db',
    db,
    '--office-code',
    '430111',
    '--office-name',
    '黎托街道司法所',
    '--bureau-name',
    '长沙市雨花区司法局',
  );
  expect(made.code).toBe(0);
  return db;
}

interface CaseSnapshot {
  kind: CaseKind;
  caseNumber: string;
  status: string;
  receivedOn: string;
  timeline: {
    action: string;
    actedOn: string;
    data: Record<string, unknown>;
    fromStatus: string | null;
    toStatus: string;
  }[];
}

/** What the channels say about every case of a data file: number, status and every step of its timeline. */
async function snapshot(db: string): Promise<CaseSnapshot[]> {
  const backend = testBackend(db);
  try {
    const cases: CaseSnapshot[] = [];
    for (let page = 1; ; page++) {
      const { rows, total } = await backend.api.call('cases.list', {
        kind: null,
        status: null,
        query: '',
        page,
        pageSize: 200,
        sortBy: 'caseNumber',
        sortOrder: 'asc',
      });
      for (const row of rows) {
        const timeline = await backend.api.call('cases.timeline', { caseId: row.id });
        cases.push({
          kind: row.kind,
          caseNumber: row.caseNumber,
          status: row.status,
          receivedOn: row.receivedOn,
          timeline: timeline.map(({ action, actedOn, data, fromStatus, toStatus }) => ({
            action,
            actedOn,
            data,
            fromStatus,
            toStatus,
          })),
        });
      }
      if (page * 200 >= total) break;
    }
    return cases.sort((a, b) => a.caseNumber.localeCompare(b.caseNumber));
  } finally {
    await backend.close();
  }
}

describe('planning demo cases (pure)', () => {
  const options = (seed: number, extra: Partial<DemoPlanOptions> = {}): DemoPlanOptions => ({
    seed,
    until: UNTIL,
    office: OFFICE,
    ...extra,
  });

  it('splits by the shares, every key at least once when there are enough', () => {
    expect(allocate(300, DEMO_KIND_SHARES)).toEqual({ legal_aid: 90, mediation: 165, notarization: 45 });
    expect(allocate(25, DEMO_KIND_SHARES)).toEqual({ legal_aid: 7, mediation: 14, notarization: 4 });
    expect(allocate(3, DEMO_KIND_SHARES)).toEqual({ legal_aid: 1, mediation: 1, notarization: 1 });
    expect(allocate(2, DEMO_KIND_SHARES)).toEqual({ legal_aid: 1, mediation: 1, notarization: 0 });
    expect(allocate(0, DEMO_KIND_SHARES)).toEqual({ legal_aid: 0, mediation: 0, notarization: 0 });
    const rare = allocate(11, { a: 90, b: 1, c: 1, d: 1, e: 1, f: 1, g: 1, h: 1, i: 1, j: 1, k: 1 });
    expect(Object.values(rare)).toEqual([1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1]);
  });

  it('is deterministic for a seed, and differs between seeds', () => {
    expect(planDemoCases(120, options(5))).toEqual(planDemoCases(120, options(5)));
    const other = planDemoCases(120, options(6));
    expect(other.map((p) => p.register)).not.toEqual(planDemoCases(120, options(5)).map((p) => p.register));
  });

  it.each([1, 2, 3, 4, 5, 6, 7, 8])(
    'seed %i: 300 cases reach every status of every kind, in order, dated on working days up to --until',
    (seed) => {
      const plans = planDemoCases(300, options(seed));
      const byKind = (k: CaseKind) => plans.filter((p) => p.kind === k);
      expect(CASE_KINDS.map((k) => byKind(k).length)).toEqual([90, 165, 45]);
      for (const kind of CASE_KINDS)
        expect(new Set(byKind(kind).map((p) => p.status))).toEqual(new Set(STATUSES[kind]));
      // Registered in the order received (so case numbers follow the dates).
      expect(plans.map((p) => p.receivedOn)).toEqual([...plans.map((p) => p.receivedOn)].sort());
      for (const plan of plans) {
        let previous = plan.receivedOn;
        expect(isWorkingDay(plan.receivedOn, DEMO_HOLIDAY_TABLE)).toBe(true);
        for (const step of plan.steps) {
          expect(stepDate(step) >= previous).toBe(true);
          expect(isWorkingDay(stepDate(step), DEMO_HOLIDAY_TABLE)).toBe(true);
          previous = stepDate(step);
        }
        expect(previous <= UNTIL).toBe(true);
        expect(plan.receivedOn >= addDays(UNTIL, -3 * 365 - 400)).toBe(true);
      }
    },
  );

  it('starts a case registered from a notice (通知辩护) with an action the notified status allows, or leaves it notified', () => {
    // A minor's defence planned to rest at 已决定给予 was once registered from a notice and stayed 待指派: the bench's
    // build of 20,000 cases stopped at it. A year of 3,000 cases has such cases near --until.
    const fromNotice = planDemoCases(3_000, options(1, { years: 1 })).filter(
      (p) => p.register.channel === 'legalAid.create' && p.register.input.application.notice,
    );
    expect(fromNotice.length).toBeGreaterThan(10);
    const wrong = fromNotice.filter((plan) => {
      const first = plan.steps[0];
      if (!first) return plan.status !== 'notified';
      const action = first.channel.replace('legalAid.', '') as LegalAidAction;
      return !(LEGAL_AID_LIFECYCLE.actions[action].from as readonly string[]).includes('notified');
    });
    expect(wrong.map((p) => `${p.receivedOn} ${p.status} ${p.steps[0]?.channel ?? '—'}`)).toEqual([]);
  });

  it('makes intake forms and action payloads the contract accepts', () => {
    const check = (plans: DemoCasePlan[]) => {
      for (const plan of plans) {
        const reg = contract[plan.register.channel].input.safeParse(plan.register.input);
        expect({ case: plan.receivedOn, error: reg.error?.issues }).toEqual({
          case: plan.receivedOn,
          error: undefined,
        });
        for (const step of plan.steps) {
          const parsed = contract[step.channel as Channel].input.safeParse({ ...step.input, caseId: 1 });
          expect({ step: step.channel, error: parsed.error?.issues }).toEqual({ step: step.channel, error: undefined });
        }
      }
    };
    check(planDemoCases(300, options(11)));
    // An office elsewhere, with a shortened list of dispute types and of notarization matters.
    check(
      planDemoCases(
        120,
        options(12, {
          office: {
            divisionCode: '110101',
            name: '东华门街道司法所',
            bureauName: '北京市东城区司法局',
            caseNumberPrefix: '东华',
          },
          disputeTypes: ['邻里纠纷', '物业纠纷'],
          matters: [
            {
              code: 'education',
              name: '学历',
              requiredMaterials: ['申请人身份证明（居民身份证）', '毕业证书原件'],
              inPersonOnly: false,
            },
          ],
        }),
      ),
    );
    // An office whose dispute types are all its own: its first type, with a neighbours' story.
    const own = planDemoCases(60, options(13, { disputeTypes: ['土地承包经营纠纷'] }));
    const types = own.flatMap((p) =>
      p.register.channel === 'mediation.create'
        ? [p.register.input.registration.disputeType]
        : p.register.channel === 'mediation.quickOral'
          ? [p.register.input.disputeType]
          : [],
    );
    expect(new Set(types)).toEqual(new Set(['土地承包经营纠纷']));
  });

  it('writes Chinese: names, facts and document numbers', () => {
    const plans = planDemoCases(200, options(3));
    const applications = plans.flatMap((p) =>
      p.register.channel === 'legalAid.create' ? [p.register.input.application] : [],
    );
    for (const a of applications) {
      expect(a.applicant.name).toMatch(/^\p{Script=Han}{2,3}$|^\p{Script=Han}+·\p{Script=Han}+$/u);
      expect(a.facts.match(/\p{Script=Han}/gu)!.length).toBeGreaterThan(20);
    }
    const numbers = plans.flatMap((p) =>
      p.steps.flatMap((s) => (s.channel === 'notarization.issue' ? [s.input.data.certificateNumber] : [])),
    );
    expect(numbers.length).toBeGreaterThan(0);
    for (const n of numbers) expect(n).toMatch(/^（20\d\d）湘雨证字第\d+号$/);
    const archived = plans.flatMap((p) =>
      p.steps.flatMap((s) => (s.channel === 'legalAid.archive' ? [s.input.archiveNumber] : [])),
    );
    expect(archived.every((n) => /^20\d\d-援-\d{3}$/.test(n ?? ''))).toBe(true);
    expect(new Set(archived).size).toBe(archived.length);
  });

  it('makes valid 统一社会信用代码, and knows the holidays of the years before the shipped table', () => {
    const rand = seededRandom(1);
    for (let i = 0; i < 200; i++)
      expect(parseCreditCode(syntheticCreditCode(rand, '430111', i % 2 ? 'company' : 'individual')).ok).toBe(true);
    expect(holidayTableProblems(DEMO_HOLIDAY_TABLE)).toEqual([]);
    expect(isWorkingDay('2024-02-12', DEMO_HOLIDAY_TABLE)).toBe(false); // 春节
    expect(isWorkingDay('2024-02-18', DEMO_HOLIDAY_TABLE)).toBe(true); // 调休上班
  });
});

describe('npm run cli -- demo', () => {
  let db: string;
  let made: Awaited<ReturnType<typeof cli>>;
  let cases: CaseSnapshot[];

  beforeAll(async () => {
    db = await officeFile();
    made = await cli('demo', '--db', db, '--cases', '300', '--seed', '7', '--until', UNTIL);
    cases = await snapshot(db);
  }, 180_000);

  it('states in Chinese how many of each kind it made', async () => {
    expect(made).toEqual({
      code: 0,
      out: '已生成 300 件案件（种子 7）：法律援助 90 件、人民调解 165 件、公证申请 45 件',
      err: '',
    });
    const count = (kind: CaseKind) => cases.filter((c) => c.kind === kind).length;
    expect([cases.length, count('legal_aid'), count('mediation'), count('notarization')]).toEqual([300, 90, 165, 45]);
  });

  it('makes cases of every status of every kind, as the case list filters them', async () => {
    const backend = testBackend(db);
    try {
      for (const kind of CASE_KINDS) {
        for (const status of STATUSES[kind]) {
          const { total } = await backend.api.call('cases.list', {
            kind,
            status: status as never,
            query: '',
            page: 1,
            pageSize: 1,
            sortBy: 'receivedOn',
            sortOrder: 'desc',
          });
          expect({ kind, status, found: total > 0 }).toEqual({ kind, status, found: true });
        }
      }
    } finally {
      await backend.close();
    }
  });

  it('dates every step on or after the one before, and none after --until', () => {
    for (const c of cases) {
      expect(c.timeline[0]).toMatchObject({ action: 'register', actedOn: c.receivedOn, fromStatus: null });
      expect(c.timeline.at(-1)!.toStatus).toBe(c.status);
      for (let i = 1; i < c.timeline.length; i++) {
        expect(c.timeline[i]!.actedOn >= c.timeline[i - 1]!.actedOn).toBe(true);
        expect(c.timeline[i]!.fromStatus).toBe(c.timeline[i - 1]!.toStatus);
      }
      expect(c.timeline.at(-1)!.actedOn <= UNTIL).toBe(true);
    }
    // Over the past three years or so.
    const first = cases.map((c) => c.receivedOn).sort()[0]!;
    expect(first < addDays(UNTIL, -2 * 365)).toBe(true);
  });

  it('leaves recent cases in the early stages and most older ones archived', () => {
    const yearAgo = addDays(UNTIL, -365);
    const older = cases.filter((c) => c.receivedOn < yearAgo);
    expect(older.filter((c) => c.status === 'archived').length / older.length).toBeGreaterThan(0.85);
    const early = cases.filter((c) =>
      ['received', 'registered', 'awaiting_materials', 'ready', 'forwarded', 'granted', 'provisional'].includes(
        c.status,
      ),
    );
    expect(early.length).toBeGreaterThan(30);
    for (const c of early) expect(c.receivedOn >= addDays(UNTIL, -90)).toBe(true);
  });

  it('writes every step to the audit log, the chain intact', async () => {
    expect(await cli('audit-verify', '--db', db)).toMatchObject({
      code: 0,
      out: expect.stringMatching(/^审计日志完整：共\d+条/),
    });
  });

  it('gives the same data for the same seed, and other data for another seed', async () => {
    const again = await officeFile();
    expect((await cli('demo', '--db', again, '--cases', '300', '--seed', '7', '--until', UNTIL)).code).toBe(0);
    expect(await snapshot(again)).toEqual(cases);

    const [seven, eight] = [await officeFile(), await officeFile()];
    expect((await cli('demo', '--db', seven, '--cases', '40', '--seed', '7', '--until', UNTIL)).code).toBe(0);
    expect((await cli('demo', '--db', eight, '--cases', '40', '--seed', '8', '--until', UNTIL)).code).toBe(0);
    const [a, b] = [await snapshot(seven), await snapshot(eight)];
    expect(a.length).toBe(40);
    expect(b.length).toBe(40);
    expect(b).not.toEqual(a);
    expect(b.map((c) => c.receivedOn)).not.toEqual(a.map((c) => c.receivedOn));
  }, 180_000);

  it('runs up to today by default, and refuses a later or malformed --until', async () => {
    const file = await officeFile();
    expect(await cli('demo', '--db', file, '--cases', '12', '--seed', '2')).toMatchObject({
      code: 0,
      out: expect.stringMatching(/^已生成 12 件案件（种子 2）：法律援助 \d+ 件、人民调解 \d+ 件、公证申请 \d+ 件$/),
    });
    const today = localDate();
    for (const c of await snapshot(file)) for (const t of c.timeline) expect(t.actedOn <= today).toBe(true);
    expect(await cli('demo', '--db', file, '--cases', '3', '--until', addDays(today, 1))).toMatchObject({
      code: 2,
      err: expect.stringMatching(/^--until 不能晚于今天/),
    });
    expect(await cli('demo', '--db', file, '--cases', '3', '--until', '2026-02-30')).toMatchObject({
      code: 2,
      err: '--until 应为真实的日期，如 2026-11-20',
    });
  }, 60_000);
});
