// The bureau's evaluation pages (案卷评查, 县局模式) against a fake main process: the navigation (a 评查员 sees only
// these pages), the score sheets viewed and saved as a new version, a round planned and drawn with a seed and its
// 抽查清单 printed, a sampled case scored with the total and grade shown while typing (a remark required where
// points are lost), a draft saved and the score submitted, a director's reopening with a reason, and the results
// with their chart.
import { screen, waitFor, within } from '@testing-library/react';
import type { SessionUser } from '../../../shared/accounts';
import type { RoundDetail, RoundResults, SampleView, ScoreView, SheetsInfo } from '../../../shared/channels/evaluation';
import type { ExchangeStatus } from '../../../shared/contract';
import { gradeFigures } from '../../../shared/evaluation/results';
import { DEFAULT_SHEETS, SHEET_KINDS, type SheetKind, type VersionedSheet } from '../../../shared/evaluation/sheets';
import { Refusal, renderApp, USERS, type Replies } from '../support';

jest.setTimeout(60_000);

const BUREAU: ExchangeStatus = {
  mode: 'bureau',
  publicKey: 'casedesk1:AAAA',
  fingerprint: '1a2b-3c4d-5e6f-7a8b-9c0d-1e2f-3a4b-5c6d',
  bureauPublicKey: '',
  bureauFingerprint: null,
};
const EVALUATOR: SessionUser = {
  id: 9,
  username: 'pingcha',
  displayName: '评查员甲',
  role: 'evaluator',
  mustChangePassword: false,
};

const shipped = (kind: SheetKind): VersionedSheet => ({
  version: 1,
  sheet: DEFAULT_SHEETS[kind],
  isDefault: true,
  savedBy: '',
  savedAt: '',
});
const SHEETS: SheetsInfo = {
  current: Object.fromEntries(SHEET_KINDS.map((k) => [k, shipped(k)])) as SheetsInfo['current'],
  versions: SHEET_KINDS.map((kind) => ({ kind, ...shipped(kind) })),
};

const sample = (over: Partial<SampleView> = {}): SampleView => ({
  id: 31,
  position: 1,
  officeCode: '43011101',
  officeName: '黎托街道司法所',
  caseNumber: '〔2026〕黎托调字第0003号',
  caseKind: 'mediation',
  sheetKind: 'mediation',
  receivedOn: '2026-03-01',
  closedOn: '2026-03-20',
  handler: '李华、赵敏',
  scores: [],
  result: null,
  ...over,
});

const ROUND: RoundDetail = {
  id: 3,
  name: '2026年度人民调解卷宗评查',
  year: 2026,
  theme: '',
  status: 'scoring',
  method: 'perOffice',
  sampled: 2,
  scored: 0,
  createdAt: '2026-11-20T01:00:00.000Z',
  sheetKinds: ['mediation'],
  closedFrom: '2026-01-01',
  closedTo: '2026-12-31',
  officeCodes: [],
  perOffice: 1,
  percent: null,
  scoresPerCase: 1,
  seed: 'seed-2026',
  candidates: 37,
  sampledAt: '2026-11-20T02:00:00.000Z',
  closedAt: null,
  closedBy: null,
  evaluators: [{ id: 9, name: '评查员甲' }],
  samples: [
    sample(),
    sample({ id: 32, position: 2, officeCode: '43011102', officeName: '同升街道司法所', handler: '周杰' }),
  ],
  iEvaluate: true,
};

const bureauReplies = (more: Replies = {}): Replies => ({
  'exchange.status': () => BUREAU,
  'evaluation.sheets': () => SHEETS,
  'evaluation.rounds': () => [ROUND],
  'evaluation.round': () => ROUND,
  'evaluation.dossierPdf': () =>
    new Refusal({ code: 'NOT_FOUND', field: 'sampleId', message: '抽查案件：尚未收到电子卷宗，可按纸质卷宗评分' }),
  ...more,
});

describe('the navigation in 县局模式', () => {
  it('offers 评查活动 and 评查表; a 评查员 sees those pages and nothing else', async () => {
    // Any other address opens the rounds.
    await renderApp('#/cases', bureauReplies(), { as: EVALUATOR });
    expect(await screen.findByRole('menuitem', { name: '评查活动' }, { timeout: 20_000 })).toBeInTheDocument();
    expect(await screen.findByRole('heading', { name: '评查活动' })).toBeInTheDocument();
    expect(screen.getByRole('menuitem', { name: '评查表' })).toBeInTheDocument();
    expect(screen.queryByRole('menuitem', { name: '案件列表' })).toBeNull();
    expect(screen.queryByRole('menuitem', { name: '机构管理' })).toBeNull();
    // Reading the list; planning a round is not theirs.
    expect(await screen.findByText('2026年度人民调解卷宗评查')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: '新建评查活动' })).toBeNull();
  });

  it('is not shown at an office', async () => {
    await renderApp('#/cases', { 'exchange.status': () => ({ ...BUREAU, mode: 'office' }) });
    expect(await screen.findByRole('menuitem', { name: '数据报送' }, { timeout: 20_000 })).toBeInTheDocument();
    expect(screen.queryByRole('menuitem', { name: '评查活动' })).toBeNull();
  });
});

describe('评查表', () => {
  it('shows a kind’s sheet, and saves a director’s change as a new version', async () => {
    const { user, backend } = await renderApp(
      '#/evaluation/sheets',
      bureauReplies({
        'evaluation.saveSheet': ({ sheet }) => ({ version: 2, sheet, isDefault: false, savedBy: '张伟', savedAt: '' }),
      }),
      { as: USERS.director },
    );
    expect(await screen.findByText('刑事法律援助案件质量评查表', {}, { timeout: 20_000 })).toBeInTheDocument();
    expect(screen.getByText('第1版')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: '修改评查表' }));
    const first = screen.getByLabelText('第1项分值');
    await user.clear(first);
    await user.type(first, '5');
    expect(screen.getByTestId('sheet-total')).toHaveTextContent('95');
    expect(screen.getByText('各项分值之和应为100分')).toBeInTheDocument();
    const second = screen.getByLabelText('第2项分值');
    await user.clear(second);
    await user.type(second, '20');
    expect(screen.getByTestId('sheet-total')).toHaveTextContent('100');
    await user.click(screen.getByRole('button', { name: '保存为新版本' }));
    await waitFor(() => expect(backend.inputs('evaluation.saveSheet')).toHaveLength(1));
    const saved = backend.inputs('evaluation.saveSheet')[0]!.sheet;
    expect(saved.items.slice(0, 2).map((i) => i.max)).toEqual([5, 20]);
    expect(saved.kind).toBe('legalAidCriminal');
  });

  it('is read only for a 评查员', async () => {
    await renderApp('#/evaluation/sheets', bureauReplies(), { as: EVALUATOR });
    expect(await screen.findByText('刑事法律援助案件质量评查表', {}, { timeout: 20_000 })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: '修改评查表' })).toBeNull();
  });
});

describe('评查活动', () => {
  it('plans a round with its evaluators and shows the refusal under the field named', async () => {
    let refuse = true;
    const { user, backend } = await renderApp(
      '#/evaluation/rounds',
      bureauReplies({
        'evaluation.rounds': () => [],
        'bureau.offices': () => [],
        'users.list': () => [
          { ...EVALUATOR, active: true, lockedUntil: null, createdAt: '' },
          { ...USERS.clerk, active: true, lockedUntil: null, createdAt: '' },
        ],
        'evaluation.createRound': () => {
          if (!refuse) return { ...ROUND, status: 'planned', samples: [], sampled: 0, seed: null };
          refuse = false;
          return new Refusal({ code: 'VALIDATION', field: 'round.evaluatorIds', message: '评查员：至少一名评查员' });
        },
      }),
      { as: USERS.director },
    );
    await user.click(await screen.findByRole('button', { name: '新建评查活动' }, { timeout: 20_000 }));
    await user.type(screen.getByLabelText('活动名称'), '2026年度案卷评查');
    await user.click(screen.getByRole('button', { name: '建立' }));
    expect(await screen.findByText('评查员：至少一名评查员')).toBeInTheDocument();
    await user.click(screen.getByLabelText('评查员'));
    await user.click(await screen.findByTitle('评查员甲'));
    expect(screen.queryByTitle('李娟')).toBeNull();
    await user.click(screen.getByRole('button', { name: '建立' }));
    await waitFor(() => expect(window.location.hash).toBe('#/evaluation/rounds/3'));
    const sent = backend.inputs('evaluation.createRound').at(-1)!.round;
    expect(sent).toMatchObject({
      name: '2026年度案卷评查',
      method: 'perOffice',
      perOffice: 5,
      percent: null,
      evaluatorIds: [9],
      sheetKinds: [...SHEET_KINDS],
    });
  });

  it('draws the sample with the seed typed and prints the 抽查清单 on A4', async () => {
    let round: RoundDetail = { ...ROUND, status: 'planned', samples: [], sampled: 0, seed: null, candidates: null };
    const { user, backend } = await renderApp(
      '#/evaluation/rounds/3',
      bureauReplies({
        'evaluation.round': () => round,
        'evaluation.draw': () => (round = ROUND),
      }),
      { as: USERS.director },
    );
    await user.type(await screen.findByLabelText('随机种子', {}, { timeout: 20_000 }), 'seed-2026');
    await user.click(screen.getByRole('button', { name: '抽样' }));
    expect(await screen.findByText(/随机种子：seed-2026；范围内已办结37件，抽取2件/)).toBeInTheDocument();
    expect(backend.inputs('evaluation.draw')).toEqual([{ roundId: 3, seed: 'seed-2026' }]);
    await user.click(screen.getByRole('button', { name: '打印抽查清单' }));
    const sheet = await screen.findByRole('dialog', { name: '抽查清单：2026年度人民调解卷宗评查' });
    expect(within(sheet).getByText('同升街道司法所')).toBeInTheDocument();
    expect(within(sheet).getByText('李华、赵敏')).toBeInTheDocument();
    expect(sheet.querySelector('style')?.textContent).toContain('size: A4');
  });
});

describe('scoring a sampled case', () => {
  it('shows the total and grade as the evaluator types, requires a remark for lost points, saves a draft and submits', async () => {
    let own: ScoreView | null = null;
    const round = (): RoundDetail => ({
      ...ROUND,
      samples: [sample({ scores: own ? [own] : [] }), ROUND.samples[1]!],
    });
    const { user, backend } = await renderApp(
      '#/evaluation/rounds/3',
      bureauReplies({
        'evaluation.round': round,
        'evaluation.saveScore': ({ items, submit }) =>
          (own = {
            id: 50,
            evaluatorId: 9,
            evaluatorName: '评查员甲',
            sheetVersion: 1,
            items,
            total: items.reduce((s, i) => s + (i.points ?? 0), 0),
            grade: submit ? '良好' : null,
            status: submit ? 'submitted' : 'draft',
            submittedAt: submit ? '2026-11-22T02:00:00.000Z' : null,
            reopened: null,
          }),
      }),
      { as: EVALUATOR },
    );
    const rows = await screen.findAllByRole('button', { name: '评分' }, { timeout: 20_000 });
    await user.click(rows[0]!);
    await waitFor(() => expect(screen.getByTestId('evaluation-dossier')).toHaveTextContent('纸质卷宗评查'));
    const items = DEFAULT_SHEETS.mediation.items;
    for (const item of items) await user.type(screen.getByLabelText(`${item.label}得分`), String(item.max));
    expect(screen.getByTestId('score-summary')).toHaveTextContent('总分 100 分 等次：优秀');
    const agreement = screen.getByLabelText('调解协议得分');
    await user.clear(agreement);
    await user.type(agreement, '5');
    expect(screen.getByTestId('score-summary')).toHaveTextContent('总分 85 分 等次：良好');
    expect(screen.getByText('「调解协议」扣分须写明扣分理由')).toBeInTheDocument();
    await user.type(screen.getByLabelText('调解协议点评'), '缺少调解员签名');
    expect(screen.queryByText('「调解协议」扣分须写明扣分理由')).toBeNull();

    await user.click(screen.getByRole('button', { name: '保存草稿' }));
    await waitFor(() => expect(backend.inputs('evaluation.saveScore')).toHaveLength(1));
    await user.click(screen.getByRole('button', { name: '提交评分' }));
    await waitFor(() => expect(backend.inputs('evaluation.saveScore')).toHaveLength(2));
    expect(backend.inputs('evaluation.saveScore').map((i) => i.submit)).toEqual([false, true]);
    const sent = backend.inputs('evaluation.saveScore')[1]!;
    expect(sent.sampleId).toBe(31);
    expect(sent.items.find((i) => i.key === 'agreement')).toEqual({
      key: 'agreement',
      points: 5,
      remark: '缺少调解员签名',
    });
    expect(await screen.findByText('已提交')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: '提交评分' })).toBeNull();

    await user.click(screen.getByRole('button', { name: '打印评查表' }));
    const printed = await screen.findByRole('dialog', { name: '人民调解卷宗评查表' });
    expect(within(printed).getByText('缺少调解员签名')).toBeInTheDocument();
  });
});

describe('a closed round', () => {
  it('lets the director reopen one score with a reason, and shows the results with their chart', async () => {
    const submitted: ScoreView = {
      id: 50,
      evaluatorId: 9,
      evaluatorName: '评查员甲',
      sheetVersion: 1,
      items: [],
      total: 85,
      grade: '良好',
      status: 'submitted',
      submittedAt: '2026-11-22T02:00:00.000Z',
      reopened: null,
    };
    const closed: RoundDetail = {
      ...ROUND,
      status: 'closed',
      scored: 2,
      samples: ROUND.samples.map((s) => ({ ...s, scores: [submitted], result: { score: 85, grade: '良好' } })),
    };
    const figures = gradeFigures([
      { score: 85, grade: '良好' },
      { score: 55, grade: '不合格' },
    ]);
    const before = gradeFigures([{ score: 70, grade: '合格' }]);
    const results: RoundResults = {
      round: { id: 3, name: ROUND.name, year: 2026 },
      total: figures,
      byOffice: [{ group: '黎托街道司法所', figures, lastYear: before }],
      byHandler: [{ office: '黎托街道司法所', group: '李华、赵敏', figures, lastYear: null }],
      byKind: [{ group: '人民调解', figures, lastYear: before }],
      lastYear: { id: 1, name: '2025年度评查', total: before },
    };
    const { user, backend } = await renderApp(
      '#/evaluation/rounds/3',
      bureauReplies({
        'evaluation.round': () => closed,
        'evaluation.results': () => results,
        'evaluation.reopenScore': () => ({ ...closed, status: 'scoring' }),
      }),
      { as: USERS.director },
    );
    const reopen = await screen.findAllByRole('button', { name: '重新打开评查员甲的评分' }, { timeout: 20_000 });
    await user.click(reopen[0]!);
    await user.type(await screen.findByLabelText('重新打开的理由'), '漏看了补充协议');
    await user.click(screen.getByRole('button', { name: '重新打开' }));
    await waitFor(() =>
      expect(backend.inputs('evaluation.reopenScore')).toEqual([{ scoreId: 50, reason: '漏看了补充协议' }]),
    );

    await user.click(screen.getByRole('tab', { name: '评查结果' }));
    expect(await screen.findByText('上年对照：2025年度评查')).toBeInTheDocument();
    const chart = screen.getByRole('img', { name: '各司法所优良率（本年与上年）' });
    expect(within(chart).getByText('50.00%')).toBeInTheDocument();
    expect(within(chart).getByText('0.00%')).toBeInTheDocument();
    expect(screen.getByText('黎托街道司法所 李华、赵敏')).toBeInTheDocument();
  });
});
