import { openMediationDeadlines } from '../../../electron/services/mediation/deadlines';
import type { Channel } from '../../../shared/contract';
import {
  MEDIATION_ACTIONS,
  MEDIATION_STATUS_LABELS,
  type MediationAction,
  type MediationStatus,
} from '../../../shared/kinds/mediation/lifecycle';
import { fileState, OFFICE, testBackend, validApplication, type TestBackend } from '../../support/fixtures';
import { fileWholeDossier } from '../../shared/dossier/filing';
import { PAYLOADS, validQuickOral, validRegistration } from '../../shared/kinds/mediation/fixtures';

let backend: TestBackend;
async function openBackend() {
  backend = testBackend(); // today is 2026-11-22
  await backend.api.call('office.setup', OFFICE);
}
/** Each test of the describe calling this starts from a data file of its own. */
function fileOfItsOwnEach() {
  beforeEach(openBackend);
  afterEach(() => backend.close());
}

const channelOf = (action: MediationAction) => `mediation.${action}` as Channel;
const dispatch = (action: MediationAction, input: Record<string, unknown>) =>
  backend.dispatch(channelOf(action), input);

async function act(caseId: number, action: MediationAction, actedOn: string, data: Record<string, unknown> = {}) {
  const result = await dispatch(action, { caseId, actedOn, ...PAYLOADS[action], ...data });
  if (!result.ok) throw new Error(`${action}: ${result.error.message}`);
  return result.value as { status: MediationStatus };
}

const newCase = async (receivedOn = '2026-11-02') => {
  const { id } = await backend.api.call('mediation.create', {
    draftId: null,
    registration: validRegistration({ receivedOn }),
  });
  await fileWholeDossier(backend.api, id); // archiving checks the dossier (tested in dossier.test.ts)
  return id;
};

/** A way to each status; every step on 2026-11-10. */
const PATHS: Record<MediationStatus, MediationAction[]> = {
  registered: [],
  mediating: ['recordSession'],
  concluded: ['recordSession', 'succeed'],
  failed: ['recordSession', 'fail'],
  terminated: ['terminate'],
  archived: ['terminate', 'archive'],
};

async function caseIn(status: MediationStatus): Promise<number> {
  const id = await newCase();
  for (const action of PATHS[status]) await act(id, action, '2026-11-10');
  expect((await backend.api.call('mediation.get', { id })).status).toBe(status);
  return id;
}

/** The call is refused with this code, field and message, and the data file is byte-for-byte what it was. */
async function expectRefused(call: () => Promise<unknown>, code: string, field: string, message: string | RegExp) {
  const before = fileState(backend.dataFile);
  const result = await call();
  expect(result).toEqual({
    ok: false,
    error: expect.objectContaining({
      code,
      field,
      message: typeof message === 'string' ? message : expect.stringMatching(message),
    }),
  });
  expect(fileState(backend.dataFile)).toBe(before);
}

// Written out by hand: what the clerk may do in each status (a written agreement of 2026-11-10, today 2026-11-22).
const ALLOWED: Record<MediationStatus, MediationAction[]> = {
  registered: ['investigate', 'recordSession', 'terminate'],
  mediating: ['investigate', 'recordSession', 'extend', 'succeed', 'fail', 'terminate'],
  concluded: ['recordPerformance', 'followUp', 'applyConfirmation', 'markCrimePrevention', 'recordSubsidy', 'archive'],
  failed: ['archive'],
  terminated: ['archive'],
  archived: [],
};
const AFTER: Record<MediationAction, MediationStatus> = {
  investigate: 'mediating',
  recordSession: 'mediating',
  extend: 'mediating',
  succeed: 'concluded',
  fail: 'failed',
  terminate: 'terminated',
  recordPerformance: 'concluded',
  followUp: 'concluded',
  applyConfirmation: 'concluded',
  recordConfirmation: 'concluded',
  markCrimePrevention: 'concluded',
  recordSubsidy: 'concluded',
  archive: 'archived',
};

describe('every action from every status', () => {
  // One data file for the whole matrix. A refused action changes nothing (expectRefused checks the file byte for
  // byte), so the case it was tried on is still in its status and the next action of that status is tried on it:
  // a fresh case only after a legal action.
  beforeAll(openBackend);
  afterAll(() => backend.close());
  const unchanged = new Map<MediationStatus, number>();

  const STATUSES = Object.keys(PATHS) as MediationStatus[];
  it.each(STATUSES)('offers exactly the allowed actions in %s', async (status) => {
    const id = await caseIn(status);
    const stored = await backend.api.call('mediation.get', { id });
    expect(stored.available.map((a) => a.action)).toEqual(ALLOWED[status]);
    expect(stored.statusLabel).toBe(MEDIATION_STATUS_LABELS[status]);
    unchanged.set(status, id);
  });

  const pairs = STATUSES.flatMap((status) => MEDIATION_ACTIONS.map((action) => [status, action] as const));
  it.each(pairs)('from %s, %s', async (status, action) => {
    const id = unchanged.get(status) ?? (await caseIn(status));
    unchanged.delete(status);
    if (ALLOWED[status].includes(action)) {
      const after = await act(id, action, '2026-11-12');
      expect(after.status).toBe(AFTER[action]);
      const timeline = await backend.api.call('cases.timeline', { caseId: id });
      expect(timeline.at(-1)).toMatchObject({
        action,
        actedOn: '2026-11-12',
        fromStatus: status,
        toStatus: AFTER[action],
      });
    } else {
      await expectRefused(
        () => dispatch(action, { caseId: id, actedOn: '2026-11-12', ...PAYLOADS[action] }),
        'CONFLICT',
        'action',
        /./,
      );
      unchanged.set(status, id);
    }
  });
});

describe('the order of things', () => {
  fileOfItsOwnEach();

  it('refuses an agreement before any mediation has been recorded (人民调解法第27条), even after an investigation', async () => {
    const id = await newCase();
    const message = '尚无调解记录，不能登记“调解成功”：须先记录调解情况（人民调解法第27条）';
    await expectRefused(
      () => dispatch('succeed', { caseId: id, actedOn: '2026-11-10', ...PAYLOADS.succeed }),
      'CONFLICT',
      'action',
      message,
    );
    await act(id, 'investigate', '2026-11-05');
    await expectRefused(
      () => dispatch('succeed', { caseId: id, actedOn: '2026-11-10', ...PAYLOADS.succeed }),
      'CONFLICT',
      'action',
      message,
    );
    await expectRefused(
      () => dispatch('fail', { caseId: id, actedOn: '2026-11-10', ...PAYLOADS.fail }),
      'CONFLICT',
      'action',
      /^尚无调解记录，不能登记“调解不成功”/,
    );
    await act(id, 'recordSession', '2026-11-08');
    expect((await act(id, 'succeed', '2026-11-10')).status).toBe('concluded');
  });

  it('says why an action is out of order', async () => {
    const id = await caseIn('registered');
    await expectRefused(
      () => dispatch('followUp', { caseId: id, actedOn: '2026-11-10', ...PAYLOADS.followUp }),
      'CONFLICT',
      'action',
      '案件当前为“已受理”，不能进行“回访”（须在“调解成功”时进行）',
    );
    const archived = await caseIn('archived');
    await expectRefused(
      () => dispatch('recordSession', { caseId: archived, actedOn: '2026-11-12', ...PAYLOADS.recordSession }),
      'CONFLICT',
      'action',
      '案件当前为“已归档”，不能进行“调解记录”（须在“已受理”、“调解中”时进行）',
    );
  });

  it('refuses a date before the case’s previous step, before registration, or in the future', async () => {
    const id = await newCase('2026-11-02');
    await expectRefused(
      () => dispatch('recordSession', { caseId: id, actedOn: '2026-11-01', ...PAYLOADS.recordSession }),
      'VALIDATION',
      'actedOn',
      '调解日期：不能早于上一步的日期（2026年11月2日）',
    );
    await act(id, 'recordSession', '2026-11-10');
    await expectRefused(
      () => dispatch('investigate', { caseId: id, actedOn: '2026-11-09', ...PAYLOADS.investigate }),
      'VALIDATION',
      'actedOn',
      '调查日期：不能早于上一步的日期（2026年11月10日）',
    );
    await expectRefused(
      () => dispatch('succeed', { caseId: id, actedOn: '2026-11-23', ...PAYLOADS.succeed }),
      'VALIDATION',
      'actedOn',
      '调解成功日期：不能晚于今天',
    );
    await expectRefused(
      () => dispatch('succeed', { caseId: id, actedOn: '2026-02-30', ...PAYLOADS.succeed }),
      'VALIDATION',
      'actedOn',
      '调解成功日期：不是真实的日期',
    );
    // The same day as the previous step is in order.
    expect((await act(id, 'succeed', '2026-11-10')).status).toBe('concluded');
  });

  it('refuses actions on a case that does not exist or is of another kind', async () => {
    const legalAid = await backend.api.call('legalAid.create', { draftId: null, application: validApplication() });
    for (const caseId of [legalAid.id, 404]) {
      await expectRefused(
        () => dispatch('recordSession', { caseId, actedOn: '2026-11-20', ...PAYLOADS.recordSession }),
        'NOT_FOUND',
        'caseId',
        '案件不存在',
      );
    }
  });
});

describe('the outcome', () => {
  fileOfItsOwnEach();

  it('records a written agreement with its amount, performance and the 防止民转刑 flag', async () => {
    const id = await caseIn('mediating');
    const after = await backend.api.call('mediation.succeed', {
      caseId: id,
      actedOn: '2026-11-12',
      ...(PAYLOADS.succeed as object),
      performanceMethod: '限期履行',
      performanceDueOn: '2026-11-30',
      effectiveOn: '2026-11-13',
      crimePrevention: true,
    } as never);
    expect(after.facts.agreement).toEqual({
      on: '2026-11-12',
      form: '书面',
      content: '李秀梅于十日内将排水沟改道，并赔偿王建国墙基修复费1500元。',
      amountFen: 150_000,
      performanceMethod: '限期履行',
      performanceDueOn: '2026-11-30',
      effectiveOn: '2026-11-13',
      agreementNumber: '花调〔2026〕12号',
    });
    expect(after.facts.crimePrevention).toBe(true);
    expect(after.facts.outcome).toEqual({ on: '2026-11-12', result: '调解成功' });
    // The agreement's content is searchable.
    const hits = await backend.api.call('cases.list', {
      kind: 'mediation',
      status: null,
      query: '墙基修复费',
      page: 1,
      pageSize: 20,
      sortBy: 'receivedOn',
      sortOrder: 'desc',
    });
    expect(hits.rows.map((r) => r.id)).toEqual([id]);
  });

  it('records an oral agreement with its content, effective the day it was reached', async () => {
    const id = await caseIn('mediating');
    const after = await backend.api.call('mediation.succeed', {
      caseId: id,
      actedOn: '2026-11-12',
      ...(PAYLOADS.succeed as object),
      form: '口头',
      agreementNumber: '',
    } as never);
    expect(after.facts.agreement).toMatchObject({ form: '口头', effectiveOn: '2026-11-12' });
    expect(after.available.map((a) => a.action)).not.toContain('applyConfirmation');
  });

  it.each([
    [
      'an oral agreement without recorded content',
      { form: '口头', content: '' },
      'content',
      '协议内容：口头协议须由调解员记录协议内容（人民调解法第28条）',
    ],
    [
      'an oral agreement said to take effect on another day',
      { form: '口头', effectiveOn: '2026-11-15' },
      'effectiveOn',
      '协议生效日期：口头调解协议自各方当事人达成协议之日起生效（人民调解法第30条），应与调解成功日期相同',
    ],
    [
      'a written agreement signed before it was reached',
      { effectiveOn: '2026-11-11' },
      'effectiveOn',
      '协议生效日期：不能早于调解成功日期',
    ],
    [
      'a written agreement signed in the future',
      { effectiveOn: '2026-11-25' },
      'effectiveOn',
      '协议生效日期：不能晚于今天',
    ],
    ['a negative agreed amount', { amountFen: -1 }, 'amountFen', '协议金额：金额不能为负数'],
    ['a fractional-fen agreed amount', { amountFen: 1.5 }, 'amountFen', '协议金额：金额最多两位小数'],
    [
      'a deadline-bound performance without its deadline',
      { performanceMethod: '限期履行' },
      'performanceDueOn',
      '履行期限：限期履行的，须填写履行期限',
    ],
    [
      'a performance deadline before the agreement',
      { performanceMethod: '分期履行', performanceDueOn: '2026-11-01' },
      'performanceDueOn',
      '履行期限：不能早于调解成功日期',
    ],
    ['an unknown agreement form', { form: '电子' }, 'form', '协议形式：不是可选的值'],
  ])('refuses %s naming the field, and the file is byte-for-byte unchanged', async (_what, data, field, message) => {
    const id = await caseIn('mediating');
    await expectRefused(
      () => dispatch('succeed', { caseId: id, actedOn: '2026-11-12', ...PAYLOADS.succeed, ...data }),
      'VALIDATION',
      field,
      message,
    );
  });

  it('ends a failed mediation only once the parties were told of other routes (人民调解法第26条)', async () => {
    const id = await caseIn('mediating');
    await expectRefused(
      () => dispatch('fail', { caseId: id, actedOn: '2026-11-12', ...PAYLOADS.fail, routesTold: [] }),
      'VALIDATION',
      'routesTold',
      '已告知的其他途径：调解不成的，须告知当事人可以依法通过仲裁、行政、司法等途径维护权利（人民调解法第26条）',
    );
    const after = await backend.api.call('mediation.fail', {
      caseId: id,
      actedOn: '2026-11-12',
      reason: '分歧过大',
      routesTold: ['仲裁', '司法'],
    });
    expect(after.facts.failure).toEqual({ on: '2026-11-12', reason: '分歧过大', routesTold: ['仲裁', '司法'] });
    expect(after.facts.outcome).toEqual({ on: '2026-11-12', result: '调解不成功' });
  });

  it('terminates with a reason and an explanation', async () => {
    const id = await caseIn('registered');
    await expectRefused(
      () => dispatch('terminate', { caseId: id, actedOn: '2026-11-12', reason: '当事人撤回调解申请', explanation: '' }),
      'VALIDATION',
      'explanation',
      '终止情况说明：不能为空',
    );
    const after = await backend.api.call('mediation.terminate', {
      caseId: id,
      actedOn: '2026-11-12',
      reason: '当事人撤回调解申请',
      explanation: '已自行和解',
    });
    expect(after.facts.termination).toEqual({
      on: '2026-11-12',
      reason: '当事人撤回调解申请',
      explanation: '已自行和解',
    });
  });
});

describe('after the agreement', () => {
  fileOfItsOwnEach();

  it('records performance, follow-up visits and a change of the 防止民转刑 flag', async () => {
    const id = await caseIn('concluded');
    await expectRefused(
      () => dispatch('recordPerformance', { caseId: id, actedOn: '2026-11-15', state: '部分履行', note: '' }),
      'VALIDATION',
      'note',
      '具体情况：部分履行的，须写明具体情况',
    );
    await backend.api.call('mediation.recordPerformance', {
      caseId: id,
      actedOn: '2026-11-15',
      state: '部分履行',
      note: '已改道，赔偿款未付',
    });
    await backend.api.call('mediation.followUp', {
      caseId: id,
      actedOn: '2026-11-18',
      method: '电话',
      reached: '当事人',
      reachedName: '王建国',
      answers: { performed: '部分履行', newDispute: '否' },
      satisfaction: '基本满意',
      remarks: '赔偿款约定月底付清',
    });
    await backend.api.call('mediation.recordPerformance', {
      caseId: id,
      actedOn: '2026-11-20',
      state: '已履行',
      note: '',
    });
    await expectRefused(
      () =>
        dispatch('markCrimePrevention', { caseId: id, actedOn: '2026-11-20', crimePrevention: false, note: '复核' }),
      'VALIDATION',
      'crimePrevention',
      '防止民转刑：与现有认定相同，无需更改',
    );
    const after = await backend.api.call('mediation.markCrimePrevention', {
      caseId: id,
      actedOn: '2026-11-20',
      crimePrevention: true,
      note: '曾持械对峙',
    });
    expect(after.facts.performance).toEqual({ on: '2026-11-20', state: '已履行', note: '' });
    expect(after.facts.followUps).toMatchObject([
      {
        on: '2026-11-18',
        method: '电话',
        reachedName: '王建国',
        satisfaction: '基本满意',
        remarks: '赔偿款约定月底付清',
      },
    ]);
    expect(after.facts.crimePrevention).toBe(true);
  });

  it('takes judicial confirmation from application to result, once, and archives only after the result', async () => {
    const id = await caseIn('concluded');
    await expectRefused(
      () => dispatch('recordConfirmation', { caseId: id, actedOn: '2026-11-12', ...PAYLOADS.recordConfirmation }),
      'CONFLICT',
      'action',
      '尚未申请司法确认，不能登记确认结果',
    );
    await act(id, 'applyConfirmation', '2026-11-12');
    await expectRefused(
      () => dispatch('applyConfirmation', { caseId: id, actedOn: '2026-11-13', ...PAYLOADS.applyConfirmation }),
      'CONFLICT',
      'action',
      '已于2026年11月12日申请司法确认，不能重复申请',
    );
    await expectRefused(
      () => dispatch('archive', { caseId: id, actedOn: '2026-11-13', ...PAYLOADS.archive }),
      'CONFLICT',
      'action',
      '司法确认申请尚无结果，登记确认结果后方可归档',
    );
    const after = await backend.api.call('mediation.recordConfirmation', {
      caseId: id,
      actedOn: '2026-11-20',
      result: '确认调解协议有效',
      rulingNumber: '（2026）湘0111民特88号',
      note: '',
    });
    expect(after.facts.confirmation).toEqual({
      appliedOn: '2026-11-12',
      court: '长沙市雨花区人民法院',
      result: { on: '2026-11-20', result: '确认调解协议有效', rulingNumber: '（2026）湘0111民特88号' },
    });
    expect((await act(id, 'archive', '2026-11-21')).status).toBe('archived');
  });

  it('refuses judicial confirmation of an oral agreement', async () => {
    const { id } = await backend.api.call('mediation.quickOral', validQuickOral());
    await expectRefused(
      () => dispatch('applyConfirmation', { caseId: id, actedOn: '2026-11-21', ...PAYLOADS.applyConfirmation }),
      'CONFLICT',
      'action',
      '口头调解协议不能申请司法确认：须先制作书面调解协议书，由双方当事人共同申请',
    );
  });

  it('refuses an application for confirmation after the 30 days (人民调解法第33条), or before the agreement took effect', async () => {
    const id = await newCase('2026-09-01');
    await act(id, 'recordSession', '2026-09-10');
    await act(id, 'succeed', '2026-09-10', { effectiveOn: '2026-09-14' });
    // 30 days from 2026-09-14 end on 2026-10-14.
    await expectRefused(
      () => dispatch('applyConfirmation', { caseId: id, actedOn: '2026-10-15', ...PAYLOADS.applyConfirmation }),
      'CONFLICT',
      'action',
      '申请司法确认须在调解协议生效之日起三十日内（截至2026年10月14日，人民调解法第33条），已超过期限',
    );
    await expectRefused(
      () => dispatch('applyConfirmation', { caseId: id, actedOn: '2026-09-12', ...PAYLOADS.applyConfirmation }),
      'VALIDATION',
      'actedOn',
      '申请日期：不能早于调解协议生效日期（2026年9月14日）',
    );
    // Past the window today, it is no longer offered; a timely application recorded late is still taken.
    expect((await backend.api.call('mediation.get', { id })).available.map((a) => a.action)).not.toContain(
      'applyConfirmation',
    );
    const after = await act(id, 'applyConfirmation', '2026-10-14');
    expect(after.status).toBe('concluded');
  });
});

describe('以奖代补 subsidy', () => {
  fileOfItsOwnEach();

  async function concludedCase(form: '书面' | '口头', on = '2026-11-10') {
    const id = await newCase();
    await act(id, 'recordSession', on);
    await act(id, 'succeed', on, form === '口头' ? { form, agreementNumber: '' } : {});
    return id;
  }

  it('computes the subsidy from the default rates for the agreement’s form', async () => {
    const written = await concludedCase('书面');
    const oral = (await backend.api.call('mediation.quickOral', validQuickOral())).id;
    const a = await backend.api.call('mediation.recordSubsidy', {
      caseId: written,
      actedOn: '2026-11-21',
      amountFen: null,
      note: '',
    });
    const b = await backend.api.call('mediation.recordSubsidy', {
      caseId: oral,
      actedOn: '2026-11-21',
      amountFen: null,
      note: '',
    });
    expect(a.facts.subsidy).toEqual({
      on: '2026-11-21',
      form: '书面',
      rateFen: 10_000,
      rateEffectiveFrom: '2000-01-01',
      amountFen: 10_000,
      manual: false,
      note: '',
    });
    expect(b.facts.subsidy).toMatchObject({ form: '口头', rateFen: 5_000, amountFen: 5_000, manual: false });
  });

  it('takes the county’s rate in force on the day of the agreement, not of the subsidy', async () => {
    await backend.api.call('mediation.setSubsidyRates', {
      effectiveFrom: '2026-01-01',
      oralFen: 3_000,
      writtenFen: 20_000,
      note: '',
    });
    await backend.api.call('mediation.setSubsidyRates', {
      effectiveFrom: '2026-11-15',
      oralFen: 5_000,
      writtenFen: 30_000,
      note: '提标',
    });
    const before = await concludedCase('书面', '2026-11-10');
    const after = await concludedCase('书面', '2026-11-16');
    expect(
      (
        await backend.api.call('mediation.recordSubsidy', {
          caseId: before,
          actedOn: '2026-11-20',
          amountFen: null,
          note: '',
        })
      ).facts.subsidy,
    ).toMatchObject({ rateFen: 20_000, rateEffectiveFrom: '2026-01-01', amountFen: 20_000 });
    expect(
      (
        await backend.api.call('mediation.recordSubsidy', {
          caseId: after,
          actedOn: '2026-11-20',
          amountFen: null,
          note: '',
        })
      ).facts.subsidy,
    ).toMatchObject({ rateFen: 30_000, rateEffectiveFrom: '2026-11-15', amountFen: 30_000 });
  });

  it('takes a manual amount in whole fen, with a note when it differs from the rate', async () => {
    const id = await concludedCase('书面');
    await expectRefused(
      () => dispatch('recordSubsidy', { caseId: id, actedOn: '2026-11-21', amountFen: 8_000, note: '' }),
      'VALIDATION',
      'note',
      '说明：补贴金额与书面调解案件的补贴标准（100.00元）不同，须写明理由',
    );
    const after = await backend.api.call('mediation.recordSubsidy', {
      caseId: id,
      actedOn: '2026-11-21',
      amountFen: 8_000,
      note: '材料不全，按八成核发',
    });
    expect(after.facts.subsidy).toMatchObject({
      amountFen: 8_000,
      rateFen: 10_000,
      manual: true,
      note: '材料不全，按八成核发',
    });
    await expectRefused(
      () => dispatch('recordSubsidy', { caseId: id, actedOn: '2026-11-21', amountFen: null, note: '' }),
      'CONFLICT',
      'action',
      '已于2026年11月21日登记以奖代补补贴，不能重复登记',
    );
  });

  it.each([
    ['a negative amount', -100, '补贴金额：金额不能为负数'],
    ['a fractional-fen amount', 5_000.5, '补贴金额：金额最多两位小数'],
    ['an amount as text', '50', '补贴金额：格式不正确'],
  ])('refuses %s, and the file is byte-for-byte unchanged', async (_what, amountFen, message) => {
    const id = await concludedCase('口头');
    await expectRefused(
      () => dispatch('recordSubsidy', { caseId: id, actedOn: '2026-11-21', amountFen, note: '说明' }),
      'VALIDATION',
      'amountFen',
      message,
    );
  });

  it('pays only cases that reached an agreement', async () => {
    const failed = await caseIn('failed');
    await expectRefused(
      () => dispatch('recordSubsidy', { caseId: failed, actedOn: '2026-11-21', amountFen: null, note: '' }),
      'CONFLICT',
      'action',
      /^案件当前为“调解不成功”，不能进行“以奖代补补贴”/,
    );
  });
});

describe('time limits', () => {
  fileOfItsOwnEach();

  it('counts one month from registration, met when the mediation ends', async () => {
    const id = await newCase('2026-11-02');
    expect((await backend.api.call('mediation.deadlines', { id })).deadlines).toEqual([
      expect.objectContaining({
        key: 'mediationTerm',
        label: '调解期限',
        startedOn: '2026-11-02',
        due: '2026-12-02',
        doneOn: null,
        status: 'open',
        extendedTo: null,
        optional: false,
      }),
    ]);
    await act(id, 'recordSession', '2026-11-10');
    await act(id, 'succeed', '2026-11-10');
    const { deadlines, statusLabel } = await backend.api.call('mediation.deadlines', { id });
    expect(statusLabel).toBe('调解成功');
    expect(deadlines).toEqual([
      expect.objectContaining({ key: 'mediationTerm', due: '2026-12-02', doneOn: '2026-11-10', status: 'done' }),
      // 30 days from the agreement taking effect; optional: the parties may apply, they need not.
      expect.objectContaining({
        key: 'mediationJudicialConfirmation',
        label: '申请司法确认',
        startedOn: '2026-11-10',
        due: '2026-12-10',
        doneOn: null,
        status: 'open',
        optional: true,
      }),
    ]);
  });

  it('moves the term to the date both parties agreed to', async () => {
    const id = await caseIn('mediating');
    await expectRefused(
      () => dispatch('extend', { caseId: id, actedOn: '2026-11-20', ...PAYLOADS.extend, partiesConsent: false }),
      'VALIDATION',
      'partiesConsent',
      '双方当事人同意：延长调解期限须经双方当事人同意',
    );
    await expectRefused(
      () => dispatch('extend', { caseId: id, actedOn: '2026-11-20', ...PAYLOADS.extend, extendedTo: '2026-12-02' }),
      'VALIDATION',
      'extendedTo',
      '延长至：应晚于现在的调解期限（2026年12月2日）',
    );
    await act(id, 'extend', '2026-11-20');
    expect((await backend.api.call('mediation.deadlines', { id })).deadlines).toEqual([
      expect.objectContaining({
        key: 'mediationTerm',
        label: '调解期限（经双方当事人同意延长）',
        due: '2026-12-31',
        extendedTo: '2026-12-31',
        status: 'open',
        // The article gives the month only; the extension is the county's rule.
        source:
          '《人民调解工作若干规定》第33条（一般在一个月内调结）；延长：县司法局调解规则（经双方当事人同意可延长；第33条未规定延长）',
      }),
    ]);
  });

  it('words the one-month term as the article does', async () => {
    const id = await newCase('2026-11-02');
    const [term] = (await backend.api.call('mediation.deadlines', { id })).deadlines;
    expect(term).toMatchObject({ source: '《人民调解工作若干规定》第33条（一般在一个月内调结）' });
  });

  it('allows extending by default and refuses it once the county’s rules turn it off', async () => {
    expect(await backend.api.call('mediation.rules', {})).toMatchObject({
      rules: { extensionAllowed: true },
      isDefault: true,
    });
    const id = await caseIn('mediating');
    await backend.api.call('mediation.setRules', { extensionAllowed: false });
    await expectRefused(
      () => dispatch('extend', { caseId: id, actedOn: '2026-11-20', ...PAYLOADS.extend }),
      'CONFLICT',
      'action',
      '本县调解规则不允许延长调解期限（《人民调解工作若干规定》第33条：一般在一个月内调结）',
    );
    await backend.api.call('mediation.setRules', { extensionAllowed: true });
    await act(id, 'extend', '2026-11-20');
    expect((await backend.api.call('mediation.get', { id })).status).toBe('mediating');
  });

  it('shows an overdue term and one met late, and drops an unused confirmation window once it has passed', async () => {
    const overdue = await newCase('2026-09-01');
    // One month from 2026-09-01 is 2026-10-01, in the National Day holiday: the term ends on the next working day.
    const [term] = (await backend.api.call('mediation.deadlines', { id: overdue })).deadlines;
    expect(term).toMatchObject({ status: 'overdue' });
    expect(term!.due > '2026-10-01').toBe(true);
    await act(overdue, 'recordSession', '2026-11-10');
    await act(overdue, 'succeed', '2026-11-10', { effectiveOn: '2026-11-10' });
    const late = (await backend.api.call('mediation.deadlines', { id: overdue })).deadlines;
    expect(late.map((d) => [d.key, d.status])).toEqual([
      ['mediationTerm', 'doneLate'],
      ['mediationJudicialConfirmation', 'open'],
    ]);

    const lapsed = await newCase('2026-09-01');
    await act(lapsed, 'recordSession', '2026-09-10');
    await act(lapsed, 'succeed', '2026-09-10');
    expect((await backend.api.call('mediation.deadlines', { id: lapsed })).deadlines.map((d) => d.key)).toEqual([
      'mediationTerm',
    ]);
  });

  it('lists every open limit for the dashboard, the soonest first', async () => {
    const later = await newCase('2026-11-10');
    const sooner = await newCase('2026-11-02');
    const done = await caseIn('terminated');
    const oral = (await backend.api.call('mediation.quickOral', validQuickOral())).id;
    const open = await openMediationDeadlines(backend.store.db, '2026-11-22');
    expect(open.map((c) => c.caseId)).toEqual([sooner, later]);
    expect(open.map((c) => c.caseId)).not.toContain(done);
    expect(open.map((c) => c.caseId)).not.toContain(oral);
    expect(open[0]!.deadlines).toEqual([
      expect.objectContaining({ key: 'mediationTerm', due: '2026-12-02', doneOn: null }),
    ]);
  });
});
