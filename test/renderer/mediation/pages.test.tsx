// 人民调解 in the renderer: the 受理登记表 and the 口头调解登记 checked as the clerk types and sent as the channels
// expect; the case page with its facts, limits and actions, each action a small form whose refusals show on the
// field; the director's 纠纷类型 and 以奖代补 rates.
import { screen, waitFor, within } from '@testing-library/react';
import type { UserEvent } from '@testing-library/user-event';
import type { MediationCase, MediationCaseDeadlines } from '../../../shared/contract';
import { formatChineseDate } from '../../../shared/dates';
import type { CaseAction } from '../../../shared/lifecycle';
import { deadlinesOf as mediationDeadlinesOf } from '../../../shared/kinds/mediation/deadlines';
import {
  availableActions,
  factsOf,
  MEDIATION_STATUS_LABELS,
  type MediationStatus,
} from '../../../shared/kinds/mediation/lifecycle';
import { DEFAULT_SUBSIDY_RATES } from '../../../shared/kinds/mediation/options';
import { CREDIT_CODE, validQuickOral, validRegistration, WANG_ID } from '../../shared/kinds/mediation/fixtures';
import { field, messageOf, Refusal, renderApp, USERS, type Replies } from '../support';

// The intake forms type many fields through user-event in jsdom: over a minute a test on a loaded 2-core machine.
jest.setTimeout(120_000);

const TODAY = '2026-11-22';

function entry(
  id: number,
  action: string,
  actedOn: string,
  data: Record<string, unknown>,
  fromStatus: string | null,
  toStatus: string,
): CaseAction {
  return {
    id,
    action,
    actedOn,
    data,
    fromStatus,
    toStatus,
    username: 'lijuan',
    recordedAt: `${actedOn}T02:00:00.000Z`,
  };
}

const REGISTERED = entry(1, 'register', '2026-11-02', {}, null, 'registered');
const SESSION = entry(
  2,
  'recordSession',
  '2026-11-05',
  { place: '花侯村村委会', attendees: '王建国、李秀梅', content: '双方同意排水沟改道。' },
  'registered',
  'mediating',
);
const SUCCEEDED = entry(
  3,
  'succeed',
  '2026-11-06',
  {
    form: '书面',
    content: '李秀梅于十日内将排水沟改道，并赔偿王建国墙基修复费1500元。',
    amountFen: 150_000,
    performanceMethod: '即时履行',
    performanceDueOn: '',
    effectiveOn: '2026-11-06',
    agreementNumber: '花调〔2026〕12号',
    crimePrevention: false,
    note: '',
  },
  'mediating',
  'concluded',
);

/** The case as mediation.get answers, built by the same pure rules the service uses. */
function mediationCase(status: MediationStatus, timeline: CaseAction[]): MediationCase {
  const facts = factsOf({ receivedOn: '2026-11-02', status, detail: { simple: 0 } }, timeline);
  return {
    id: 7,
    caseNumber: '〔2026〕黎托调字第0001号',
    title: '王建国与李秀梅邻里纠纷',
    status,
    statusLabel: MEDIATION_STATUS_LABELS[status],
    simple: false,
    createdAt: '2026-11-02T02:00:00.000Z',
    updatedAt: '2026-11-06T02:00:00.000Z',
    registration: validRegistration() as MediationCase['registration'],
    facts,
    available: availableActions(facts, TODAY),
  };
}

const deadlinesOf = (record: MediationCase): MediationCaseDeadlines => ({
  caseId: record.id,
  caseNumber: record.caseNumber,
  status: record.status,
  statusLabel: record.statusLabel,
  deadlines: mediationDeadlinesOf(record.facts, TODAY),
});

/** A mediation case page: the legal-aid read says NOT_FOUND, the mediation read answers. */
function casePage(record: MediationCase, timeline: CaseAction[], more: Replies = {}): Replies {
  return {
    'legalAid.get': () => new Refusal({ code: 'NOT_FOUND', field: 'id', message: '案件不存在' }),
    'mediation.get': () => record,
    'mediation.deadlines': () => deadlinesOf(record),
    'cases.timeline': () => timeline,
    ...more,
  };
}

const DISPUTE_TYPES: Replies = {
  'mediation.disputeTypes': () => ['邻里纠纷', '消费纠纷'].map((name, i) => ({ name, position: i + 1, active: true })),
  'cases.conflicts': ({ parties }) => ({ checked: parties.length, matches: [] }),
};

const nth = (label: string, i: number) => screen.getAllByLabelText(label)[i]!;

/** Long text is pasted, as a clerk does from the written record (typing it key by key only slows the test). */
async function paste(user: UserEvent, control: HTMLElement, text: string) {
  await user.click(control);
  await user.paste(text);
}

/** Picks an option of a select as a clerk does with the keyboard: type to filter, Enter to take it. */
async function choose(user: UserEvent, control: HTMLElement, option: string) {
  await user.click(control);
  await user.keyboard(option);
  await waitFor(() => expect(control).toHaveAttribute('aria-expanded', 'true'));
  await user.keyboard('{Enter}');
  await waitFor(() => expect(control.closest('.ant-select')).toHaveTextContent(option));
}

/** The 受理登记表 of the sample dispute, the second party an organisation. */
async function fillRegistration(user: UserEvent) {
  await screen.findByRole('heading', { name: '人民调解受理登记表' });
  await choose(user, field('纠纷来源'), '当事人申请');
  await paste(user, field('调解组织'), '花侯村人民调解委员会');
  await user.type(nth('当事人姓名（名称）', 0), '王建国');
  await user.type(nth('公民身份号码', 0), WANG_ID);
  await user.type(nth('联系电话', 0), '13800138000');
  await paste(user, nth('住址（住所）', 0), '雨花区黎托街道花侯村3组12号');
  await user.click(screen.getAllByRole('radio', { name: '法人或非法人组织' })[1]!);
  await paste(user, nth('当事人姓名（名称）', 1), '长沙市花侯物业管理有限公司');
  await paste(user, field('统一社会信用代码'), CREDIT_CODE.toLowerCase());
  await user.type(field('法定代表人（负责人）'), '刘强');
  await user.type(nth('联系电话', 1), '0731-84000000');
  await paste(user, nth('住址（住所）', 1), '雨花区黎托街道88号');
  await choose(user, field('纠纷类型'), '邻里纠纷');
  await user.type(field('涉及金额'), '3000');
  await paste(user, field('纠纷简要情况'), '物业公司清理排水沟时损坏王建国家院墙。');
  await paste(user, field('当事人申请事项'), '请求赔偿院墙修复费用');
  await user.type(field('调解员'), '赵德明、周小兰');
  await user.type(field('登记人'), '李娟');
}

describe('人民调解受理登记表', () => {
  it('registers a dispute between a villager and a company, with ISO dates, fen and the mediators as a list, then opens it', async () => {
    const record = mediationCase('registered', [REGISTERED]);
    const { user, backend } = await renderApp('#/mediation/new', {
      ...DISPUTE_TYPES,
      ...casePage(record, [REGISTERED]),
      'mediation.create': () => ({ id: 7, caseNumber: '〔2026〕黎托调字第0001号' }),
    });
    await fillRegistration(user);
    // The ID number carries the birth date and sex, filled for the clerk.
    expect(nth('出生日期', 0)).toHaveValue('1968-04-12');
    await user.click(screen.getByRole('button', { name: '保存' }));

    await waitFor(() => expect(backend.inputs('mediation.create')).toHaveLength(1));
    const { registration } = backend.inputs('mediation.create')[0]!;
    expect(registration).toMatchObject({
      source: '当事人申请',
      committee: '花侯村人民调解委员会',
      disputeType: '邻里纠纷',
      amountFen: 300_000,
      peopleCount: 2,
      mediators: ['赵德明', '周小兰'],
      receivedBy: '李娟',
    });
    expect(registration.parties).toEqual([
      {
        kind: 'person',
        name: '王建国',
        sex: '男',
        birthDate: '1968-04-12',
        ethnicity: '汉族',
        idNumber: WANG_ID,
        address: '雨花区黎托街道花侯村3组12号',
        phone: '13800138000',
        occupation: '',
      },
      {
        kind: 'organisation',
        name: '长沙市花侯物业管理有限公司',
        creditCode: CREDIT_CODE.toLowerCase(),
        legalRepresentative: '刘强',
        address: '雨花区黎托街道88号',
        phone: '0731-84000000',
      },
    ]);
    expect(registration.receivedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(await screen.findByText('纠纷已登记，案号 〔2026〕黎托调字第0001号')).toBeInTheDocument();
    expect(window.location.hash).toBe('#/cases/7');
  });

  it('refuses a dispute with one party, and sends nothing', async () => {
    const { user, backend } = await renderApp('#/mediation/new', DISPUTE_TYPES);
    await fillRegistration(user);
    await user.click(screen.getByRole('button', { name: '删除第2方当事人' }));
    await user.click(screen.getByRole('button', { name: '保存' }));
    expect(await screen.findByText('当事人：纠纷须有两方或以上当事人')).toBeInTheDocument();
    expect(backend.inputs('mediation.create')).toHaveLength(0);
  });

  it('says a credit code with a wrong check character is wrong under the field, and sends nothing', async () => {
    const { user, backend } = await renderApp('#/mediation/new', DISPUTE_TYPES);
    await screen.findByRole('heading', { name: '人民调解受理登记表' });
    await user.click(screen.getAllByRole('radio', { name: '法人或非法人组织' })[1]!);
    await user.type(await screen.findByLabelText('统一社会信用代码'), '91350100M000100Y44');
    await user.tab();
    await waitFor(() =>
      expect(messageOf(field('统一社会信用代码'))).toMatch(/^统一社会信用代码：应为18位有效的统一社会信用代码/),
    );
    await user.click(screen.getByRole('button', { name: '保存' }));
    expect(messageOf(field('统一社会信用代码'))).toMatch(/^统一社会信用代码：应为18位有效的统一社会信用代码/);
    expect(backend.inputs('mediation.create')).toHaveLength(0);
  });

  it('autosaves what the clerk types as a mediation draft, dates as ISO days, and registers from that draft', async () => {
    const { user, backend } = await renderApp('#/mediation/new', {
      ...DISPUTE_TYPES,
      ...casePage(mediationCase('registered', [REGISTERED]), [REGISTERED]),
      'drafts.save': (input) => ({
        id: input.id ?? 31,
        kind: input.kind,
        title: input.title,
        createdAt: '2026-11-22T02:00:00.000Z',
        updatedAt: '2026-11-22T02:10:00.000Z',
      }),
      'mediation.create': () => ({ id: 7, caseNumber: '〔2026〕黎托调字第0001号' }),
    });
    await fillRegistration(user);
    await waitFor(() => expect(backend.inputs('drafts.save').at(-1)?.data).toMatchObject({ receivedBy: '李娟' }), {
      timeout: 20_000,
    });
    expect(await screen.findByText(/草稿已自动保存/)).toBeInTheDocument();

    const saved = backend.inputs('drafts.save');
    // Every save after the first goes into the same draft.
    expect(saved.map((d) => d.id)).toEqual([null, ...saved.slice(1).map(() => 31)]);
    const last = saved.at(-1)!;
    expect(last).toMatchObject({ kind: 'mediation', title: '王建国、长沙市花侯物业管理有限公司' });
    expect(last.data).toMatchObject({
      form: 'registration',
      source: '当事人申请',
      committee: '花侯村人民调解委员会',
      disputeType: '邻里纠纷',
      amountFen: '3000',
      mediators: '赵德明、周小兰',
      receivedOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
      parties: [
        { kind: 'person', name: '王建国', idNumber: WANG_ID, birthDate: '1968-04-12', sex: '男' },
        { kind: 'organisation', name: '长沙市花侯物业管理有限公司', legalRepresentative: '刘强' },
      ],
    });

    await user.click(screen.getByRole('button', { name: '保存' }));
    await waitFor(() => expect(backend.inputs('mediation.create')).toHaveLength(1));
    expect(backend.inputs('mediation.create')[0]!.draftId).toBe(31);
    await waitFor(() => expect(window.location.hash).toBe('#/cases/7'));
    expect(backend.inputs('drafts.discard')).toHaveLength(0); // the main process removes it with the registration
  });

  it('marks the field the main process refused', async () => {
    const { user, backend } = await renderApp('#/mediation/new', {
      ...DISPUTE_TYPES,
      'mediation.create': () =>
        new Refusal({ code: 'VALIDATION', field: 'registration.disputeType', message: '纠纷类型：“邻里纠纷”已停用' }),
    });
    await fillRegistration(user);
    await user.click(screen.getByRole('button', { name: '保存' }));
    await waitFor(() => expect(messageOf(field('纠纷类型'))).toBe('纠纷类型：“邻里纠纷”已停用'));
    expect(backend.inputs('mediation.create')).toHaveLength(1);
    expect(window.location.hash).toBe('#/mediation/new');
  });
});

describe('口头调解登记', () => {
  async function fillQuickOral(user: UserEvent) {
    await screen.findByRole('heading', { name: '口头调解登记' });
    await paste(user, field('调解组织'), '黎托街道人民调解委员会');
    await user.type(nth('当事人姓名（名称）', 0), '陈立');
    await user.click(screen.getAllByRole('radio', { name: '法人或非法人组织' })[1]!);
    await paste(user, nth('当事人姓名（名称）', 1), '长沙市黎托家电经营部');
    await choose(user, field('纠纷类型'), '消费纠纷');
    await user.type(field('调解员'), '赵德明');
    await paste(user, field('纠纷简要情况'), '电暖器使用三天即损坏，经营部拒绝退货。');
    await user.type(field('登记人'), '李娟');
  }

  it('refuses an oral agreement whose content was not recorded, citing the statute, and sends nothing', async () => {
    const { user, backend } = await renderApp('#/mediation/oral', DISPUTE_TYPES);
    await fillQuickOral(user);
    await user.click(screen.getByRole('button', { name: '登记并结案' }));
    await waitFor(() =>
      expect(messageOf(field('协议内容'))).toBe('协议内容：口头协议须由调解员记录协议内容（人民调解法第28条）'),
    );
    expect(backend.inputs('mediation.quickOral')).toHaveLength(0);
  });

  it('registers and concludes a simple dispute in one step', async () => {
    const { user, backend } = await renderApp('#/mediation/oral', {
      ...DISPUTE_TYPES,
      'mediation.quickOral': () => ({ id: 9, caseNumber: '〔2026〕黎托调字第0002号' }),
      'legalAid.get': () => new Refusal({ code: 'NOT_FOUND', field: 'id', message: '案件不存在' }),
      'mediation.get': () => new Refusal({ code: 'NOT_FOUND', field: 'id', message: '案件不存在' }),
      'notarization.get': () => new Refusal({ code: 'NOT_FOUND', field: 'id', message: '案件不存在' }),
    });
    await fillQuickOral(user);
    await user.type(field('协议内容'), '经营部当场更换同型号新品一台。');
    await user.click(screen.getByRole('button', { name: '登记并结案' }));
    await waitFor(() => expect(backend.inputs('mediation.quickOral')).toHaveLength(1));
    const expected = validQuickOral();
    expect(backend.inputs('mediation.quickOral')[0]).toMatchObject({
      source: '当事人申请',
      committee: expected.committee,
      disputeType: '消费纠纷',
      agreementContent: '经营部当场更换同型号新品一台。',
      agreementAmountFen: 0,
      performanceMethod: '即时履行',
      performanceDueOn: '',
      mediator: '赵德明',
      receivedBy: '李娟',
      crimePrevention: false,
      parties: [
        { kind: 'person', name: '陈立', idNumber: '', phone: '', address: '' },
        { kind: 'organisation', name: '长沙市黎托家电经营部', creditCode: '', phone: '' },
      ],
    });
    await waitFor(() => expect(window.location.hash).toBe('#/cases/9'));
  });

  it("autosaves the short form as a mediation draft marked 口头调解, and registers from it with the draft's id", async () => {
    const { user, backend } = await renderApp('#/mediation/oral', {
      ...DISPUTE_TYPES,
      'drafts.save': (input) => ({
        id: input.id ?? 44,
        kind: input.kind,
        title: input.title,
        createdAt: '2026-11-22T02:00:00.000Z',
        updatedAt: '2026-11-22T02:10:00.000Z',
      }),
      'mediation.quickOral': () => ({ id: 9, caseNumber: '〔2026〕黎托调字第0002号' }),
      'legalAid.get': () => new Refusal({ code: 'NOT_FOUND', field: 'id', message: '案件不存在' }),
      'mediation.get': () => new Refusal({ code: 'NOT_FOUND', field: 'id', message: '案件不存在' }),
      'notarization.get': () => new Refusal({ code: 'NOT_FOUND', field: 'id', message: '案件不存在' }),
    });
    await fillQuickOral(user);
    await paste(user, field('协议内容'), '经营部当场更换同型号新品一台。');
    await waitFor(
      () =>
        expect(backend.inputs('drafts.save').at(-1)?.data).toMatchObject({
          agreementContent: '经营部当场更换同型号新品一台。',
        }),
      { timeout: 20_000 },
    );
    expect(await screen.findByText(/草稿已自动保存/)).toBeInTheDocument();
    expect(backend.inputs('drafts.save').at(-1)).toMatchObject({
      kind: 'mediation',
      title: '陈立、长沙市黎托家电经营部',
      data: {
        form: 'quickOral',
        mediator: '赵德明',
        mediatedOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
        performanceDueOn: null,
        performanceMethod: '即时履行',
      },
    });

    await user.click(screen.getByRole('button', { name: '登记并结案' }));
    await waitFor(() => expect(backend.inputs('mediation.quickOral')).toHaveLength(1));
    expect(backend.inputs('mediation.quickOral')[0]).toMatchObject({ draftId: 44, mediator: '赵德明' });
    await waitFor(() => expect(window.location.hash).toBe('#/cases/9'));
  });
});

describe('人民调解案件', () => {
  it('shows the parties, the agreement, the limits and the actions possible now', async () => {
    const timeline = [REGISTERED, SESSION, SUCCEEDED];
    const { backend } = await renderApp('#/cases/7', casePage(mediationCase('concluded', timeline), timeline));
    expect(await screen.findByRole('heading', { name: '〔2026〕黎托调字第0001号' })).toBeInTheDocument();
    // Every kind's read is asked at once to find the case's kind, and the case found is not read again.
    expect(
      backend.calls.map((c) => c.channel).filter((c) => /^(legalAid|mediation|notarization)\.get$/.test(c)),
    ).toEqual(['legalAid.get', 'mediation.get', 'notarization.get']);
    expect(screen.getByTestId('case-status')).toHaveTextContent('调解成功');
    expect(within(screen.getByRole('region', { name: '当事人' })).getByText('王建国')).toBeInTheDocument();
    const progress = within(screen.getByRole('region', { name: '办理情况' }));
    expect(progress.getByText('1,500.00 元')).toBeInTheDocument();
    expect(progress.getByText('书面协议')).toBeInTheDocument();
    const actions = within(screen.getByRole('region', { name: '可进行的操作' }));
    for (const name of ['履行情况', '回访', '申请司法确认', '以奖代补补贴', '归档'])
      expect(actions.getByRole('button', { name })).toBeInTheDocument();
    expect(actions.queryByRole('button', { name: '调解成功' })).toBeNull();
    // The 30 days for judicial confirmation run from the agreement taking effect (the last day, a Sunday, moves
    // to the Monday); the one-month term was met by the agreement.
    const limits = within(screen.getByRole('region', { name: '办理期限' }));
    expect(limits.getByText(formatChineseDate('2026-12-07'))).toBeInTheDocument();
    expect(
      within(limits.getByText(formatChineseDate('2026-12-02')).closest('tr')!).getByText('已按期完成'),
    ).toBeInTheDocument();
    expect(await screen.findAllByTestId('timeline-entry')).toHaveLength(3);
  });

  it('records a mediation session from its dialog and shows the case as it now stands', async () => {
    const after = mediationCase('mediating', [REGISTERED, SESSION]);
    const { user, backend } = await renderApp(
      '#/cases/7',
      casePage(mediationCase('registered', [REGISTERED]), [REGISTERED], { 'mediation.recordSession': () => after }),
    );
    await user.click(await screen.findByRole('button', { name: '调解记录' }));
    const dialog = within(await screen.findByRole('dialog'));
    await user.type(dialog.getByLabelText('调解地点'), '花侯村村委会');
    await user.type(dialog.getByLabelText('调解情况'), '双方同意排水沟改道。');
    await user.click(dialog.getByRole('button', { name: '保存' }));
    await waitFor(() => expect(backend.inputs('mediation.recordSession')).toHaveLength(1));
    expect(backend.inputs('mediation.recordSession')[0]).toEqual({
      caseId: 7,
      actedOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
      place: '花侯村村委会',
      attendees: '',
      content: '双方同意排水沟改道。',
    });
    await waitFor(() => expect(screen.getByTestId('case-status')).toHaveTextContent('调解中'));
    expect(screen.getByRole('button', { name: '调解成功' })).toBeInTheDocument();
  });

  it('refuses a subsidy of 12.345 元 or of a negative amount under the field, and sends nothing', async () => {
    const timeline = [REGISTERED, SESSION, SUCCEEDED];
    const { user, backend } = await renderApp('#/cases/7', casePage(mediationCase('concluded', timeline), timeline));
    await user.click(await screen.findByRole('button', { name: '以奖代补补贴' }));
    const dialog = within(await screen.findByRole('dialog'));
    await user.type(dialog.getByLabelText('补贴金额'), '12.345');
    await user.click(dialog.getByRole('button', { name: '保存' }));
    await waitFor(() => expect(messageOf(dialog.getByLabelText('补贴金额'))).toBe('补贴金额：金额最多两位小数'));
    await user.clear(dialog.getByLabelText('补贴金额'));
    await user.type(dialog.getByLabelText('补贴金额'), '-5');
    await waitFor(() => expect(messageOf(dialog.getByLabelText('补贴金额'))).toBe('补贴金额：金额不能为负数'));
    await user.click(dialog.getByRole('button', { name: '保存' }));
    expect(backend.inputs('mediation.recordSubsidy')).toHaveLength(0);
  });

  it("shows the main process's refusal of a step under its field, and keeps the dialog open", async () => {
    const timeline = [REGISTERED, SESSION, SUCCEEDED];
    const { user, backend } = await renderApp(
      '#/cases/7',
      casePage(mediationCase('concluded', timeline), timeline, {
        'mediation.followUp': () =>
          new Refusal({
            code: 'VALIDATION',
            field: 'actedOn',
            message: '回访日期：不能早于上一步的日期（2026年11月6日）',
          }),
      }),
    );
    await user.click(await screen.findByRole('button', { name: '回访' }));
    const dialog = within(await screen.findByRole('dialog'));
    await user.click(dialog.getByRole('radio', { name: '已履行' }));
    await user.click(dialog.getByRole('radio', { name: '否' }));
    await user.click(dialog.getByRole('radio', { name: '满意' }));
    await user.type(dialog.getByLabelText('回访意见及情况'), '双方均表示协议已履行。');
    await user.click(dialog.getByRole('button', { name: '保存' }));
    await waitFor(() =>
      expect(messageOf(dialog.getByLabelText('回访日期'))).toBe('回访日期：不能早于上一步的日期（2026年11月6日）'),
    );
    expect(backend.inputs('mediation.followUp')).toHaveLength(1);
    expect(screen.getByRole('dialog')).toBeInTheDocument();
  });

  it('shows a read-only user the case without its actions', async () => {
    const timeline = [REGISTERED];
    await renderApp('#/cases/7', casePage(mediationCase('registered', timeline), timeline), { as: USERS.readonly });
    expect(await screen.findByText('当前角色只能查看')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: '调解记录' })).toBeNull();
  });
});

describe('人民调解设置', () => {
  const rates = {
    inForce: { ...DEFAULT_SUBSIDY_RATES, setBy: '', recordedAt: '' },
    history: [{ ...DEFAULT_SUBSIDY_RATES, setBy: '', recordedAt: '' }],
  };
  const rules = { rules: { extensionAllowed: true }, isDefault: true, updatedBy: '', updatedAt: '' };

  it("sets the county's subsidy rates in fen from a date", async () => {
    const { user, backend } = await renderApp(
      '#/mediation/settings',
      {
        'mediation.disputeTypes': () => [{ name: '邻里纠纷', position: 1, active: true }],
        'mediation.subsidyRates': () => rates,
        'mediation.rules': () => rules,
        'mediation.setSubsidyRates': (input) => ({
          inForce: { ...input, setBy: '张伟', recordedAt: '2026-11-22T02:00:00.000Z' },
          history: [],
        }),
      },
      { as: USERS.director },
    );
    expect(await screen.findByText('50.00 元／件')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: '设定新的补贴标准' }));
    await user.type(field('口头调解案件补贴标准'), '80');
    await user.type(field('书面调解案件补贴标准'), '150.5');
    await user.type(field('依据或说明'), '雨司发〔2026〕8号');
    await user.click(screen.getAllByRole('button', { name: '保存' })[0]!);
    await waitFor(() => expect(backend.inputs('mediation.setSubsidyRates')).toHaveLength(1));
    expect(backend.inputs('mediation.setSubsidyRates')[0]).toEqual({
      effectiveFrom: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
      oralFen: 8_000,
      writtenFen: 15_050,
      note: '雨司发〔2026〕8号',
    });
    expect(await screen.findByText('80.00 元／件')).toBeInTheDocument();
  });

  it("turns the county's extension rule off, citing the article's one month and the county's rule", async () => {
    const { user, backend } = await renderApp(
      '#/mediation/settings',
      {
        'mediation.disputeTypes': () => [{ name: '邻里纠纷', position: 1, active: true }],
        'mediation.subsidyRates': () => rates,
        'mediation.rules': () => rules,
        'mediation.setRules': (input) => ({
          rules: input,
          isDefault: false,
          updatedBy: '张伟',
          updatedAt: '2026-11-22T02:00:00.000Z',
        }),
      },
      { as: USERS.director },
    );
    const section = within(await screen.findByRole('region', { name: '调解规则' }));
    expect(section.getByText(/《人民调解工作若干规定》第33条（一般在一个月内调结）/)).toBeInTheDocument();
    expect(section.getByText(/县司法局调解规则/)).toBeInTheDocument();
    const toggle = section.getByRole('switch', { name: '允许经双方当事人同意延长调解期限' });
    expect(toggle).toBeChecked();
    await user.click(toggle);
    await waitFor(() => expect(backend.inputs('mediation.setRules')).toEqual([{ extensionAllowed: false }]));
    await waitFor(() => expect(toggle).not.toBeChecked());
    expect(section.getByText(/张伟 设定于/)).toBeInTheDocument();
  });

  it('adds a dispute type and retires another', async () => {
    const { user, backend } = await renderApp(
      '#/mediation/settings',
      {
        'mediation.disputeTypes': () => [
          { name: '邻里纠纷', position: 1, active: true },
          { name: '消费纠纷', position: 2, active: true },
        ],
        'mediation.subsidyRates': () => rates,
        'mediation.rules': () => rules,
        'mediation.saveDisputeTypes': ({ types }) => types.map((t, i) => ({ ...t, position: i + 1 })),
      },
      { as: USERS.director },
    );
    await user.click(await screen.findByRole('button', { name: '添加纠纷类型' }));
    await user.type(field('第3项'), '彩礼纠纷');
    await user.click(screen.getByRole('checkbox', { name: '启用第2项' }));
    const section = within(screen.getByRole('region', { name: '纠纷类型' }));
    await user.click(section.getByRole('button', { name: '保存' }));
    await waitFor(() => expect(backend.inputs('mediation.saveDisputeTypes')).toHaveLength(1));
    expect(backend.inputs('mediation.saveDisputeTypes')[0]).toEqual({
      types: [
        { name: '邻里纠纷', active: true },
        { name: '消费纠纷', active: false },
        { name: '彩礼纠纷', active: true },
      ],
    });
  });

  it('offers a read-only user neither registration form', async () => {
    await renderApp('#/mediation/new', {}, { as: USERS.readonly });
    expect(await screen.findByText('无权使用此功能')).toBeInTheDocument();
    const nav = within(screen.getByRole('navigation', { name: '主导航' }));
    expect(nav.queryByText('登记调解')).toBeNull();
    expect(nav.queryByText('口头调解')).toBeNull();
    expect(nav.queryByText('登记公证申请')).toBeNull();
    expect(nav.getByText('公证事项')).toBeInTheDocument();
  });

  it('is not offered to a clerk', async () => {
    await renderApp('#/mediation/settings', {}, { as: USERS.clerk });
    expect(await screen.findByText('无权使用此功能')).toBeInTheDocument();
  });
});
