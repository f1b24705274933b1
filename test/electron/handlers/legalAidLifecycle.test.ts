import { createApi } from '../../../shared/client';
import type { ChannelInput } from '../../../shared/contract';
import type { LegalAidAction } from '../../../shared/kinds/legalAid/lifecycle';
import type { LegalAidStatus } from '../../../shared/kinds/legalAid/lifecycle';
import {
  fileState,
  manualClock,
  OFFICE,
  testBackend,
  validApplication,
  validNotifiedDefence,
  type TestBackend,
} from '../../support/fixtures';
import { fileWholeDossier } from '../../shared/dossier/filing';

const TODAY = '2026-11-22';
type ActionChannel = `legalAid.${LegalAidAction}`;

/** A valid input for every action, dated today (the 一次性告知 two days earlier, due yesterday). */
function validInput(caseId: number): { [A in LegalAidAction]: ChannelInput<`legalAid.${A}`> } {
  return {
    notifyMissing: {
      caseId,
      actedOn: '2026-11-20',
      items: ['收入证明', '赡养关系证明'],
      dueOn: '2026-11-21',
      note: '',
    },
    supplyMaterials: { caseId, actedOn: TODAY, note: '' },
    deemWithdrawn: { caseId, actedOn: TODAY, note: '逾期未补充' },
    decide: {
      caseId,
      actedOn: TODAY,
      decision: '给予法律援助',
      decidedBy: '县法律援助中心',
      matterType: '赡养费抚养费扶养费',
      mandatoryDefenceGrounds: [],
      documentNumber: '雨法援决〔2026〕12号',
      reasons: '',
    },
    provideProvisionally: {
      caseId,
      actedOn: TODAY,
      ground: '需要立即申请财产保全、证据保全或者先予执行',
      limitEndsOn: '',
      decidedBy: '司法所',
      reason: '被申请人正在转移财产',
    },
    assign: {
      caseId,
      actedOn: TODAY,
      assignedBy: '县法律援助中心',
      orgType: '律师事务所',
      orgName: '湖南星城律师事务所',
      personName: '周明',
      rosterId: null,
    },
    recordProgress: { caseId, actedOn: TODAY, kind: '会见', content: '会见申请人，了解赡养情况', matterEndedOn: '' },
    followUp: {
      caseId,
      actedOn: TODAY,
      method: '电话',
      reached: '受援人',
      reachedName: '',
      answers: { timelyContact: '是', progressTold: '是', handlerRating: '好' },
      satisfaction: '满意',
      remarks: '',
    },
    terminate: {
      caseId,
      actedOn: TODAY,
      reason: '受援人自行委托律师或者其他代理人',
      decidedBy: '县法律援助中心',
      explanation: '受援人已另行委托律师',
    },
    close: {
      caseId,
      actedOn: TODAY,
      result: '调解结案',
      closingDocument: '调解书',
      closingDocumentNumber: '（2026）湘0111民初1234号',
      matterEndedOn: TODAY,
      materialsSubmittedOn: TODAY,
      summary: '',
    },
    object: { caseId, actedOn: TODAY, content: '申请人认为其家庭经济困难，符合法律援助条件' },
    reviewObjection: {
      caseId,
      actedOn: TODAY,
      result: '维持原决定',
      reviewedBy: '长沙市雨花区司法局',
      opinion: '经审查，维持原决定',
    },
    recordSubsidy: { caseId, actedOn: TODAY, amountFen: 80_000, paidOn: TODAY, note: '' },
    archive: { caseId, actedOn: TODAY, archiveNumber: '2026-援-001', note: '' },
  };
}

const refusal = (caseId: number): ChannelInput<'legalAid.decide'> => ({
  ...validInput(caseId).decide,
  decision: '不予法律援助',
  matterType: '不属于法定援助事项',
  reasons: '申请事项不属于法律援助范围',
});

/** The actions that bring a fresh application to each status, written out by hand. */
const PATHS: Record<LegalAidStatus, (c: number) => [ActionChannel, unknown][]> = {
  received: () => [],
  notified: () => [], // registered from a notice (validNotifiedDefence)
  awaiting_materials: (c) => [['legalAid.notifyMissing', validInput(c).notifyMissing]],
  withdrawn: (c) => [
    ['legalAid.notifyMissing', validInput(c).notifyMissing],
    ['legalAid.deemWithdrawn', validInput(c).deemWithdrawn],
  ],
  granted: (c) => [['legalAid.decide', validInput(c).decide]],
  refused: (c) => [['legalAid.decide', refusal(c)]],
  provisional: (c) => [['legalAid.provideProvisionally', validInput(c).provideProvisionally]],
  assigned: (c) => [
    ['legalAid.decide', validInput(c).decide],
    ['legalAid.assign', validInput(c).assign],
  ],
  closed: (c) => [...PATHS.assigned(c), ['legalAid.close', validInput(c).close]],
  terminated: (c) => [...PATHS.granted(c), ['legalAid.terminate', validInput(c).terminate]],
  objection_pending: (c) => [...PATHS.refused(c), ['legalAid.object', validInput(c).object]],
  archived: (c) => [...PATHS.refused(c), ['legalAid.archive', validInput(c).archive]],
};

let backend: TestBackend;

async function caseIn(status: LegalAidStatus): Promise<number> {
  const application = status === 'notified' ? validNotifiedDefence() : validApplication();
  const { id } = await backend.api.call('legalAid.create', { draftId: null, application });
  await fileWholeDossier(backend.api, id); // closing and archiving check the dossier (tested in dossier.test.ts)
  for (const [channel, input] of PATHS[status](id)) {
    const result = await backend.dispatch(channel, input);
    if (!result.ok) throw new Error(`${channel}: ${result.error.message}`);
  }
  expect((await backend.api.call('legalAid.get', { id })).status).toBe(status);
  return id;
}

// Hand-written: from each status, which actions are legal (status rules and the kind's own rules together) and
// where each legal one leads. From `closed`, archiving waits for the subsidy; from `awaiting_materials`, 视为撤回
// is legal because the supply due date (yesterday) has passed.
const LEGAL: Record<LegalAidStatus, Partial<Record<LegalAidAction, LegalAidStatus>>> = {
  received: { notifyMissing: 'awaiting_materials', decide: 'granted', provideProvisionally: 'provisional' },
  // 通知辩护 (第36条): no review, no 一次性告知, no 先行提供 — only the assignment, or a termination.
  notified: { assign: 'assigned', terminate: 'terminated' },
  awaiting_materials: { supplyMaterials: 'received', deemWithdrawn: 'withdrawn', provideProvisionally: 'provisional' },
  withdrawn: { archive: 'archived' },
  granted: { assign: 'assigned', terminate: 'terminated' },
  refused: { object: 'objection_pending', archive: 'archived' },
  provisional: { assign: 'assigned', terminate: 'terminated' },
  assigned: { recordProgress: 'assigned', followUp: 'assigned', terminate: 'terminated', close: 'closed' },
  closed: { followUp: 'closed', recordSubsidy: 'closed' },
  terminated: { object: 'objection_pending', archive: 'archived' },
  objection_pending: { reviewObjection: 'refused' },
  archived: {},
};

const ACTIONS = Object.keys(validInput(0)) as LegalAidAction[];
const STATUSES = Object.keys(LEGAL) as LegalAidStatus[];

describe('each action from each status', () => {
  beforeAll(async () => {
    backend = testBackend();
    await backend.api.call('office.setup', OFFICE);
  });
  afterAll(() => backend.close());

  // A refused action changes nothing (each refusal below is checked byte for byte), so the case it was tried on is
  // still in its status and the next action of that status is tried on it: a fresh case only after a legal action.
  const unchanged = new Map<LegalAidStatus, number>();

  it.each(STATUSES.flatMap((status) => ACTIONS.map((action) => [action, status] as const)))(
    '%s from %s',
    async (action, status) => {
      const caseId = unchanged.get(status) ?? (await caseIn(status));
      unchanged.delete(status);
      const before = fileState(backend.dataFile);
      const result = await backend.dispatch(`legalAid.${action}`, validInput(caseId)[action]);
      const to = LEGAL[status][action];
      if (to) {
        expect(result).toEqual({ ok: true, value: expect.objectContaining({ caseId, status: to }) });
        const timeline = await backend.api.call('cases.timeline', { caseId });
        expect(timeline.at(-1)).toMatchObject({ action, fromStatus: status, toStatus: to, username: '命令行' });
      } else {
        expect(result).toEqual({
          ok: false,
          error: { code: 'CONFLICT', field: 'action', message: expect.stringMatching(/不能|须/) },
        });
        expect(fileState(backend.dataFile)).toBe(before);
        unchanged.set(status, caseId);
      }
    },
  );

  it('explains a refused transition in Chinese, naming the statuses', async () => {
    const caseId = await caseIn('received');
    expect(await backend.dispatch('legalAid.close', validInput(caseId).close)).toEqual({
      ok: false,
      error: { code: 'CONFLICT', field: 'action', message: '案件当前为“待审查”，不能进行“结案”（须在“已指派”时进行）' },
    });
    const closed = await caseIn('closed');
    expect(await backend.dispatch('legalAid.archive', validInput(closed).archive)).toEqual({
      ok: false,
      error: { code: 'CONFLICT', field: 'action', message: '结案材料审查后须先登记办案补贴（可为0元），方可归档' },
    });
  });

  it('offers only the legal actions of the current status', async () => {
    for (const status of STATUSES) {
      const caseId = await caseIn(status);
      const { available, statusLabel } = await backend.api.call('legalAid.actions', { caseId });
      expect({ status, actions: available.map((a) => a.action).sort() }).toEqual({
        status,
        actions: Object.keys(LEGAL[status]).sort(),
      });
      expect(statusLabel).toMatch(/\p{Script=Han}/u);
    }
  });
});

describe('a case through its life', () => {
  beforeEach(async () => {
    backend = testBackend();
    await backend.api.call('office.setup', OFFICE);
  });
  afterEach(() => backend.close());

  it('asks for materials once, decides, assigns, records progress, closes, pays the subsidy and archives', async () => {
    const { id: caseId } = await backend.api.call('legalAid.create', {
      draftId: null,
      application: validApplication(),
    });
    await fileWholeDossier(backend.api, caseId);
    const v = validInput(caseId);
    await backend.api.call('legalAid.notifyMissing', { ...v.notifyMissing, dueOn: '2026-11-30' });
    await backend.api.call('legalAid.supplyMaterials', { ...v.supplyMaterials, actedOn: '2026-11-21' });
    await backend.api.call('legalAid.decide', v.decide);
    await backend.api.call('legalAid.assign', v.assign);
    await backend.api.call('legalAid.recordProgress', {
      ...v.recordProgress,
      kind: '调解或和解',
      content: '达成调解协议',
      matterEndedOn: TODAY,
    });
    await backend.api.call('legalAid.close', v.close);
    const paid = await backend.api.call('legalAid.recordSubsidy', v.recordSubsidy);
    expect(paid).toEqual({
      caseId,
      status: 'closed',
      statusLabel: '已结案',
      available: [
        { action: 'followUp', label: '回访' },
        { action: 'archive', label: '归档' },
      ],
    });
    const archived = await backend.api.call('legalAid.archive', v.archive);
    expect(archived).toEqual({ caseId, status: 'archived', statusLabel: '已归档', available: [] });

    const timeline = await backend.api.call('cases.timeline', { caseId });
    expect(timeline.map((t) => [t.action, t.actedOn, t.toStatus])).toEqual([
      ['register', '2026-11-20', 'received'],
      ['notifyMissing', '2026-11-20', 'awaiting_materials'],
      ['supplyMaterials', '2026-11-21', 'received'],
      ['decide', TODAY, 'granted'],
      ['assign', TODAY, 'assigned'],
      ['recordProgress', TODAY, 'assigned'],
      ['close', TODAY, 'closed'],
      ['recordSubsidy', TODAY, 'closed'],
      ['archive', TODAY, 'archived'],
    ]);
    expect(timeline[1]!.data).toEqual({ items: ['收入证明', '赡养关系证明'], dueOn: '2026-11-30', note: '' });
    expect(timeline[7]!.data).toEqual({ amountFen: 80_000, paidOn: TODAY, note: '' });
    // The intake detail still reads as entered, with the new status.
    const detail = await backend.api.call('legalAid.get', { id: caseId });
    expect(detail).toMatchObject({ status: 'archived', application: validApplication() });
    const { facts } = await backend.api.call('legalAid.actions', { caseId });
    expect(facts).toMatchObject({
      decision: { decision: '给予法律援助', decidedBy: '县法律援助中心', matterType: '赡养费抚养费扶养费' },
      assignment: { orgType: '律师事务所', orgName: '湖南星城律师事务所', personName: '周明' },
      closing: { matterEndedOn: TODAY, materialsSubmittedOn: TODAY },
      subsidy: { amountFen: 80_000, paidOn: TODAY },
      archivedOn: TODAY,
    });
  });

  it('refuses in writing; the bureau orders a correction on objection and the case is granted, then assigned', async () => {
    const { id: caseId } = await backend.api.call('legalAid.create', {
      draftId: null,
      application: validApplication(),
    });
    await backend.api.call('legalAid.decide', refusal(caseId));
    await backend.api.call('legalAid.object', validInput(caseId).object);
    const corrected = await backend.api.call('legalAid.reviewObjection', {
      ...validInput(caseId).reviewObjection,
      result: '责令改正',
      opinion: '申请人符合条件',
    });
    expect(corrected.status).toBe('granted');
    const timeline = await backend.api.call('cases.timeline', { caseId });
    expect(timeline.at(-1)!.data).toMatchObject({ result: '责令改正', against: 'refused', restores: 'granted' });
    expect((await backend.api.call('legalAid.assign', validInput(caseId).assign)).status).toBe('assigned');
  });

  it('returns a wrongly terminated case to where it was; an upheld termination stays terminated', async () => {
    const { id: caseId } = await backend.api.call('legalAid.create', {
      draftId: null,
      application: validApplication(),
    });
    const v = validInput(caseId);
    await backend.api.call('legalAid.provideProvisionally', v.provideProvisionally);
    await backend.api.call('legalAid.assign', v.assign);
    await backend.api.call('legalAid.terminate', {
      ...v.terminate,
      reason: '受援人的经济状况发生变化，不再符合法律援助条件',
      explanation: '补充材料显示不符合经济困难标准',
    });
    await backend.api.call('legalAid.object', v.object);
    expect(
      (await backend.api.call('legalAid.reviewObjection', { ...v.reviewObjection, result: '责令改正' })).status,
    ).toBe('assigned');
    await backend.api.call('legalAid.terminate', v.terminate);
    await backend.api.call('legalAid.object', v.object);
    expect((await backend.api.call('legalAid.reviewObjection', v.reviewObjection)).status).toBe('terminated');
    expect(await backend.dispatch('legalAid.object', v.object)).toEqual({
      ok: false,
      error: { code: 'CONFLICT', field: 'action', message: '已对该决定提出过异议，不能重复提出' },
    });
  });

  it('refuses a second 一次性告知 after the materials came in', async () => {
    const { id: caseId } = await backend.api.call('legalAid.create', {
      draftId: null,
      application: validApplication(),
    });
    await backend.api.call('legalAid.notifyMissing', validInput(caseId).notifyMissing);
    await backend.api.call('legalAid.supplyMaterials', validInput(caseId).supplyMaterials);
    const before = fileState(backend.dataFile);
    expect(
      await backend.dispatch('legalAid.notifyMissing', {
        ...validInput(caseId).notifyMissing,
        actedOn: TODAY,
        dueOn: '2026-11-30',
      }),
    ).toEqual({
      ok: false,
      error: {
        code: 'CONFLICT',
        field: 'action',
        message: '已于2026年11月20日一次性告知补充材料，不能再次告知（法律援助法第43条：一次性告知）',
      },
    });
    expect(fileState(backend.dataFile)).toBe(before);
  });
});

describe('refusing bad input, naming the field, with the file unchanged', () => {
  beforeAll(async () => {
    backend = testBackend();
    await backend.api.call('office.setup', OFFICE);
  });
  afterAll(() => backend.close());

  // [action, status the case is in, change to the valid input, field, message, code]
  const BAD: [LegalAidAction, LegalAidStatus, Record<string, unknown>, string, string, string?][] = [
    ['notifyMissing', 'received', { items: [] }, 'items', '补充材料清单：至少列出一项需要补充的材料'],
    ['notifyMissing', 'received', { items: ['收入证明', ''] }, 'items.1', '补充材料：不能为空'],
    ['notifyMissing', 'received', { items: ['收入证明', '收入证明'] }, 'items', '补充材料清单：材料重复'],
    ['notifyMissing', 'received', { dueOn: '2026-11-20' }, 'dueOn', '补充期限：应晚于告知日期'],
    ['notifyMissing', 'received', { dueOn: '2026-13-01' }, 'dueOn', '补充期限：不是真实的日期'],
    ['supplyMaterials', 'awaiting_materials', { note: '已补\u0007' }, 'note', '说明：含有不可见的控制字符'],
    [
      'deemWithdrawn',
      'awaiting_materials',
      { actedOn: '2026-11-21' },
      'actedOn',
      '视为撤回日期：须在补充期限（2026年11月21日）届满之后',
    ],
    ['decide', 'received', { decision: '不予法律援助', reasons: '' }, 'reasons', '理由：不予法律援助须书面写明理由'],
    ['decide', 'received', { decision: '同意' }, 'decision', '审查决定：不是可选的值'],
    ['decide', 'received', { decidedBy: '县司法局' }, 'decidedBy', '决定机构：不是可选的值'],
    ['decide', 'received', { matterType: '刑事辩护' }, 'matterType', '事项类型：民事案件不能选择刑事事项'],
    [
      'decide',
      'received',
      { mandatoryDefenceGrounds: ['未成年人'] },
      'mandatoryDefenceGrounds',
      '通知辩护情形：仅刑事辩护可以选择',
    ],
    [
      'provideProvisionally',
      'received',
      { ground: '距法定时效或者期限届满不足七日' },
      'limitEndsOn',
      '时效或期限届满日：以时效或期限将届满为由的，须填写届满日期',
    ],
    [
      'provideProvisionally',
      'received',
      { ground: '距法定时效或者期限届满不足七日', limitEndsOn: '2026-11-29' },
      'limitEndsOn',
      '时效或期限届满日：距先行提供日期还有7日，不足七日方可以此为由先行提供（法律援助法第44条）',
    ],
    [
      'provideProvisionally',
      'received',
      { ground: '距法定时效或者期限届满不足七日', limitEndsOn: '2026-11-21' },
      'limitEndsOn',
      '时效或期限届满日：不能早于先行提供日期',
    ],
    ['provideProvisionally', 'received', { reason: '  ' }, 'reason', '具体情况：不能为空'],
    ['assign', 'granted', { orgType: '公证处' }, 'orgType', '承办机构类型：不是可选的值'],
    ['assign', 'granted', { personName: '' }, 'personName', '承办人员：不能为空'],
    ['assign', 'granted', { orgName: '所'.repeat(101) }, 'orgName', '承办机构名称：不能超过100个字符'],
    ['assign', 'granted', { rosterId: 999 }, 'rosterId', '名册中没有该人员', 'NOT_FOUND'],
    ['recordProgress', 'assigned', { content: '' }, 'content', '进展情况：不能为空'],
    ['recordProgress', 'assigned', { kind: '喝茶' }, 'kind', '进展类型：不是可选的值'],
    ['recordProgress', 'assigned', { matterEndedOn: '2026-11-23' }, 'matterEndedOn', '事项办结日期：不能晚于进展日期'],
    ['terminate', 'granted', { reason: '受援人死亡' }, 'reason', '终止事由：不是可选的值'],
    ['terminate', 'granted', { explanation: '' }, 'explanation', '终止说明：不能为空'],
    ['close', 'assigned', { closingDocument: '' }, 'closingDocument', '结案文书：请选择'],
    [
      'close',
      'assigned',
      { matterEndedOn: '2026-11-21' },
      'matterEndedOn',
      '事项办结日期：不能早于指派日期（2026年11月22日）',
    ],
    [
      'close',
      'assigned',
      { materialsSubmittedOn: '2026-11-21' },
      'materialsSubmittedOn',
      '结案材料提交日期：不能早于事项办结日期',
    ],
    ['close', 'assigned', { matterEndedOn: '' }, 'matterEndedOn', '事项办结日期：不能为空'],
    ['object', 'refused', { content: '' }, 'content', '异议内容：不能为空'],
    ['reviewObjection', 'objection_pending', { result: '撤销' }, 'result', '审查结果：不是可选的值'],
    ['reviewObjection', 'objection_pending', { opinion: '' }, 'opinion', '审查意见：不能为空'],
    ['recordSubsidy', 'closed', { amountFen: -1 }, 'amountFen', '办案补贴金额：金额不能为负数'],
    ['recordSubsidy', 'closed', { amountFen: 800.5 }, 'amountFen', '办案补贴金额：金额最多两位小数'],
    ['recordSubsidy', 'closed', { amountFen: '800' }, 'amountFen', '办案补贴金额：格式不正确'],
    ['recordSubsidy', 'closed', { paidOn: '2026-11-23' }, 'paidOn', '补贴发放日期：不能晚于今天'],
    ['recordSubsidy', 'closed', { paidOn: '2026-11-21' }, 'paidOn', '补贴发放日期：不能早于结案审查日期'],
    ['archive', 'refused', { archiveNumber: '援😀' }, 'archiveNumber', '归档号：不能包含表情符号'],
    ['archive', 'refused', { shelf: 'A3' }, 'shelf', '不允许的字段“shelf”'],
    // Dates: in the future, before the previous step, not a date.
    ['decide', 'received', { actedOn: '2026-11-23' }, 'actedOn', '决定日期：不能晚于今天'],
    ['decide', 'received', { actedOn: '2026-11-19' }, 'actedOn', '决定日期：不能早于上一步的日期（2026年11月20日）'],
    ['assign', 'granted', { actedOn: '2026-11-21' }, 'actedOn', '指派日期：不能早于上一步的日期（2026年11月22日）'],
    ['close', 'assigned', { actedOn: '2026-02-30' }, 'actedOn', '结案日期：不是真实的日期'],
    ['recordSubsidy', 'closed', { actedOn: '2099-01-01' }, 'actedOn', '结案审查日期：不能晚于今天'],
    [
      'supplyMaterials',
      'awaiting_materials',
      { actedOn: '2026-11-19' },
      'actedOn',
      '补齐日期：不能早于上一步的日期（2026年11月20日）',
    ],
    ['terminate', 'granted', { caseId: 999 }, 'caseId', '案件不存在', 'NOT_FOUND'],
    ['terminate', 'granted', { caseId: 0 }, 'caseId', '案件：格式不正确'],
  ];

  it.each(BAD)('%s (case %s) refuses %j', async (action, status, patch, field, message, code = 'VALIDATION') => {
    const caseId = await caseIn(status);
    const before = fileState(backend.dataFile);
    const result = await backend.dispatch(`legalAid.${action}`, { ...validInput(caseId)[action], ...patch });
    expect(result).toEqual({ ok: false, error: expect.objectContaining({ code, field, message }) });
    expect(fileState(backend.dataFile)).toBe(before);
    expect((await backend.api.call('legalAid.get', { id: caseId })).status).toBe(status);
  });

  it('accepts a subsidy of 0 fen (the centre’s own staff)', async () => {
    const caseId = await caseIn('closed');
    expect(
      (await backend.api.call('legalAid.recordSubsidy', { ...validInput(caseId).recordSubsidy, amountFen: 0 })).status,
    ).toBe('closed');
  });
});

describe('eligibility of a case', () => {
  const ask = (
    caseId: number,
    patch: Partial<ChannelInput<'legalAid.eligibility'>> = {},
  ): ChannelInput<'legalAid.eligibility'> => ({
    caseId,
    matterType: null,
    mandatoryDefenceGrounds: null,
    limitEndsOn: null,
    urgentPreservation: null,
    ...patch,
  });
  const as = (caller: string) => createApi((channel, input) => backend.dispatch(channel, input, caller));

  beforeEach(async () => {
    backend = testBackend();
    const admin = as('admin');
    await admin.call('auth.setup', {
      office: OFFICE,
      admin: { username: 'admin', displayName: '管理员', password: 'Admin2026' },
    });
    for (const [username, displayName, role] of [
      ['lijuan', '李娟', 'clerk'],
      ['suozhang', '王所长', 'director'],
    ] as const) {
      await admin.call('users.create', { username, displayName, role, password: 'Initial123' });
      await as(username).call('auth.signIn', { username, password: 'Initial123' });
      await as(username).call('auth.changePassword', { currentPassword: 'Initial123', newPassword: 'Changed2026' });
    }
  });
  afterEach(() => backend.close());

  it('judges the intake: 赡养费 is a 第31条 matter, an elderly applicant is exempt from verification if without fixed income', async () => {
    const clerk = as('lijuan');
    const { id } = await clerk.call('legalAid.create', { draftId: null, application: validApplication() });
    const report = await clerk.call('legalAid.eligibility', ask(id));
    expect(report).toMatchObject({
      caseId: id,
      matterType: '赡养费抚养费扶养费',
      matterTypeSource: 'inferred',
      scope: { inScope: true, article: '法律援助法第31条第（四）项' },
      financial: { test: 'exemptIfNoFixedIncome', article: '法律援助法第42条第（一）项' },
      provisional: { grounds: false },
      mandatoryDefence: null,
      overrides: [],
      overridden: {},
    });
    // Trying a 事项类型 and a deadline before deciding.
    const tried = await clerk.call(
      'legalAid.eligibility',
      ask(id, { matterType: '遭受虐待遗弃或者家庭暴力主张相关权益', limitEndsOn: '2026-11-25' }),
    );
    expect(tried).toMatchObject({
      matterTypeSource: 'given',
      financial: { test: 'notRequired', article: '法律援助法第32条第（四）项' },
      provisional: { grounds: true, daysLeft: 3, article: '法律援助法第44条第（一）项' },
    });
    // After the decision, the recorded 事项类型 is the one judged.
    await clerk.call('legalAid.decide', { ...validInput(id).decide, matterType: '法律法规规章规定的其他事项' });
    expect(await clerk.call('legalAid.eligibility', ask(id))).toMatchObject({
      matterType: '法律法规规章规定的其他事项',
      matterTypeSource: 'recorded',
    });
  });

  it('lets a director, not a clerk, override a part of the verdict with a written reason', async () => {
    const clerk = as('lijuan');
    const director = as('suozhang');
    const { id } = await clerk.call('legalAid.create', {
      draftId: null,
      application: { ...validApplication(), matter: '民间借贷纠纷' },
    });
    expect((await clerk.call('legalAid.eligibility', ask(id))).scope.inScope).toBeNull();
    const override = {
      caseId: id,
      part: '事项范围',
      conclusion: '符合',
      reason: '依《湖南省法律援助条例》属于援助事项',
    } as const;

    const before = fileState(backend.dataFile);
    expect(await backend.dispatch('legalAid.overrideEligibility', override, 'lijuan')).toEqual({
      ok: false,
      error: { code: 'FORBIDDEN', message: '当前角色（办事员）无权进行此操作' },
    });
    expect(await backend.dispatch('legalAid.overrideEligibility', { ...override, reason: ' ' }, 'suozhang')).toEqual({
      ok: false,
      error: expect.objectContaining({ code: 'VALIDATION', field: 'reason', message: '书面理由：不能为空' }),
    });
    expect(fileState(backend.dataFile)).toBe(before);

    const made = await director.call('legalAid.overrideEligibility', override);
    expect(made).toMatchObject({
      part: '事项范围',
      conclusion: '符合',
      username: '王所长',
      recordedAt: '2026-11-22T02:00:00.000Z',
    });
    const report = await clerk.call('legalAid.eligibility', ask(id));
    expect(report.overrides).toEqual([made]);
    expect(report.overridden).toEqual({ 事项范围: made });
    expect(() => backend.store.sqlite.prepare(`UPDATE legal_aid_eligibility_overrides SET reason = 'x'`).run()).toThrow(
      /append-only/,
    );
  });

  it('names the field of a bad eligibility query', async () => {
    const { id } = await as('lijuan').call('legalAid.create', { draftId: null, application: validApplication() });
    expect(await backend.dispatch('legalAid.eligibility', ask(id, { matterType: '借贷' as never }), 'lijuan')).toEqual({
      ok: false,
      error: expect.objectContaining({ field: 'matterType', message: '事项类型：不是可选的值' }),
    });
    expect(await backend.dispatch('legalAid.eligibility', ask(id, { limitEndsOn: '2026-02-30' }), 'lijuan')).toEqual({
      ok: false,
      error: expect.objectContaining({ field: 'limitEndsOn', message: '时效或期限届满日：不是真实的日期' }),
    });
  });
});

describe('time limits through the channel', () => {
  it('pauses the decision limit while materials are awaited and shows it met after the decision', async () => {
    const clock = manualClock('2026-11-06T02:00:00Z');
    backend = testBackend(undefined, { clock });
    await backend.api.call('office.setup', OFFICE);
    const { id: caseId } = await backend.api.call('legalAid.create', {
      draftId: null,
      application: { ...validApplication(), receivedOn: '2026-11-02' },
    });
    const limits = async () =>
      Object.fromEntries((await backend.api.call('legalAid.deadlines', { caseId })).map((d) => [d.key, d]));

    expect((await limits()).legalAidDecision).toMatchObject({ due: '2026-11-09', status: 'dueSoon', paused: false });
    await backend.api.call('legalAid.notifyMissing', {
      ...validInput(caseId).notifyMissing,
      actedOn: '2026-11-04',
      dueOn: '2026-11-12',
    });
    expect((await limits()).legalAidDecision).toMatchObject({ due: '2026-11-11', paused: true });
    expect((await limits()).legalAidMaterialsSupply).toMatchObject({ due: '2026-11-12', status: 'open' });

    clock.advance(4 * 86_400_000); // the 10th
    await backend.api.call('legalAid.supplyMaterials', {
      ...validInput(caseId).supplyMaterials,
      actedOn: '2026-11-10',
    });
    expect((await limits()).legalAidDecision).toMatchObject({ due: '2026-11-16', paused: false, status: 'open' });

    clock.advance(6 * 86_400_000); // the 16th
    await backend.api.call('legalAid.decide', { ...validInput(caseId).decide, actedOn: '2026-11-16' });
    const after = await limits();
    expect(after.legalAidDecision).toMatchObject({ doneOn: '2026-11-16', status: 'done' });
    expect(after.legalAidAssignment).toMatchObject({ startedOn: '2026-11-16', due: '2026-11-19', status: 'dueSoon' });
    await backend.close();
  });
});
