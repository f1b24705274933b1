// The sample's dossiers and 整改 in the pages (issue 16 items 3 and 5), against a fake main process. At an office:
// 案卷评查 in the navigation, the bureau's dossier requests made into a dossier package, the 整改要求 listed with
// their state and the correction recorded (a refusal under the field it names), and the case page's block. At the
// bureau: a closed round's 整改 tab (the requirement starting from the remarks, the due date refused under its
// field, the states), dossier packages uploaded on the round page, a configuration package for one office, and the
// received PDF beside the score sheet (paper when none has arrived).
import { screen, waitFor, within } from '@testing-library/react';
import type { SessionUser } from '../../../shared/accounts';
import type { RoundDetail, SampleView, SheetsInfo } from '../../../shared/channels/evaluation';
import type { BureauOffice, ExchangeStatus } from '../../../shared/contract';
import type { CorrectionView, DossierRequestView, FeedbackView } from '../../../shared/evaluation/travel';
import { DEFAULT_SHEETS, SHEET_KINDS, type SheetKind, type VersionedSheet } from '../../../shared/evaluation/sheets';
import { legalAidCase, Refusal, renderApp, USERS, type Replies } from '../support';

jest.setTimeout(60_000);

const OFFICE_STATUS: ExchangeStatus = {
  mode: 'office',
  publicKey: 'casedesk1:AAAA',
  fingerprint: '1a2b-3c4d-5e6f-7a8b-9c0d-1e2f-3a4b-5c6d',
  bureauPublicKey: 'casedesk1:BBBB',
  bureauFingerprint: '9f8e-7d6c-5b4a-3928-1706-f5e4-d3c2-b1a0',
};
const BUREAU_STATUS: ExchangeStatus = {
  ...OFFICE_STATUS,
  mode: 'bureau',
  bureauPublicKey: '',
  bureauFingerprint: null,
};

const REQUEST: DossierRequestView = {
  roundId: 3,
  roundName: '2026年度人民调解卷宗评查',
  bureauName: '长沙市雨花区司法局',
  requestedAt: '2026-11-20T02:00:00.000Z',
  sentAt: null,
  cases: [
    { caseNumber: '〔2026〕黎托调字第0003号', caseId: 7, title: '邻里纠纷' },
    { caseNumber: '〔2026〕黎托调字第0009号', caseId: null, title: null },
  ],
};

const feedback = (over: Partial<FeedbackView> = {}): FeedbackView => ({
  roundId: 3,
  roundName: '2026年度人民调解卷宗评查',
  caseNumber: '〔2026〕黎托调字第0003号',
  caseId: 7,
  title: '邻里纠纷',
  score: 72,
  grade: '合格',
  remarks: ['调解协议：缺少调解员签名'],
  requirement: '1. 调解协议：缺少调解员签名',
  dueOn: '2026-11-30',
  overdue: false,
  reply: null,
  ...over,
});

describe('案卷评查 at an office', () => {
  it('is in the navigation for a 办事员 and makes the dossier package of a request into the folder given', async () => {
    const { user, backend } = await renderApp(
      '#/officeEvaluation',
      {
        'exchange.status': () => OFFICE_STATUS,
        'evaluation.dossierRequests': () => [REQUEST],
        'evaluation.feedback': () => [],
        'evaluation.dossierPackage': ({ roundId }) => ({
          file: `/media/usb/43011101-dossiers-${roundId}-2026-11-22.casedesk`,
          fileName: `43011101-dossiers-${roundId}-2026-11-22.casedesk`,
          cases: ['〔2026〕黎托调字第0003号'],
        }),
      },
      { as: USERS.clerk },
    );
    expect(await screen.findByRole('menuitem', { name: '案卷评查' }, { timeout: 20_000 })).toBeInTheDocument();
    const requests = screen.getByRole('region', { name: '调卷通知' });
    expect(await within(requests).findByText('2026年度人民调解卷宗评查')).toBeInTheDocument();
    expect(within(requests).getByText('长沙市雨花区司法局')).toBeInTheDocument();
    expect(within(requests).getByText('未报送')).toBeInTheDocument();
    expect(within(requests).getByText('〔2026〕黎托调字第0009号（本所无此案）')).toBeInTheDocument();
    expect(screen.getByText('暂无评查结果')).toBeInTheDocument();

    await user.type(screen.getByLabelText('保存到文件夹（可不填）'), '/media/usb');
    await user.click(within(requests).getByRole('button', { name: '生成案卷包' }));
    expect(
      await screen.findByText('已生成案卷包（1件，已签名加密）：/media/usb/43011101-dossiers-3-2026-11-22.casedesk'),
    ).toBeInTheDocument();
    expect(backend.inputs('evaluation.dossierPackage')).toEqual([{ roundId: 3, folder: '/media/usb' }]);
    // The list is read again: its 上次报送 changes.
    expect(backend.inputs('evaluation.dossierRequests').length).toBeGreaterThan(1);
  });

  it('is not offered to a read-only account', async () => {
    await renderApp('#/cases', { 'exchange.status': () => OFFICE_STATUS }, { as: USERS.readonly });
    expect(await screen.findByRole('menuitem', { name: '数据报送' }, { timeout: 20_000 })).toBeInTheDocument();
    expect(screen.queryByRole('menuitem', { name: '案卷评查' })).toBeNull();
  });

  it('lists the 整改要求 with their state and records a correction, a refusal shown under its field', async () => {
    let replied: FeedbackView['reply'] = null;
    let refuse = true;
    const { user, backend } = await renderApp(
      '#/officeEvaluation',
      {
        'exchange.status': () => OFFICE_STATUS,
        'evaluation.dossierRequests': () => [],
        'evaluation.feedback': () => [
          feedback({ reply: replied }),
          feedback({
            caseNumber: '〔2026〕黎托调字第0011号',
            caseId: 11,
            score: 55,
            grade: '不合格',
            dueOn: '2026-11-10',
            overdue: true,
          }),
        ],
        'evaluation.recordCorrection': (input) => {
          if (refuse) {
            refuse = false;
            return new Refusal({ code: 'VALIDATION', field: 'doneOn', message: '整改完成日期：不能晚于今天' });
          }
          replied = { doneOn: input.doneOn, note: input.note, recordedBy: '李娟', recordedAt: '2026-11-22T02:00:00Z' };
          return feedback({ reply: replied });
        },
      },
      { as: USERS.clerk },
    );
    const list = await screen.findByRole('region', { name: '整改要求' }, { timeout: 20_000 });
    expect(await within(list).findByText('〔2026〕黎托调字第0003号')).toBeInTheDocument();
    expect(within(list).getAllByText('1. 调解协议：缺少调解员签名')).toHaveLength(2);
    expect(within(list).getByText('2026年11月30日')).toBeInTheDocument();
    expect(within(list).getByText('整改中')).toBeInTheDocument();
    expect(within(list).getByText('整改逾期')).toBeInTheDocument();

    await user.click(within(list).getAllByRole('button', { name: '登记整改' })[0]!);
    const date = screen.getByLabelText('整改完成日期（如 2026-11-22）');
    await user.clear(date);
    await user.type(date, '2026-12-01');
    await user.type(screen.getByLabelText('整改情况'), '已补调解员签名并归档');
    await user.click(screen.getByRole('button', { name: '登记整改完成' }));
    expect(await screen.findByText('整改完成日期：不能晚于今天')).toBeInTheDocument();
    expect(screen.getByLabelText('整改完成日期（如 2026-11-22）').closest('.ant-form-item')).toHaveTextContent(
      '整改完成日期：不能晚于今天',
    );

    await user.clear(screen.getByLabelText('整改完成日期（如 2026-11-22）'));
    await user.type(screen.getByLabelText('整改完成日期（如 2026-11-22）'), '2026-11-21');
    await user.click(screen.getByRole('button', { name: '登记整改完成' }));
    expect(await within(list).findByText('已整改（2026年11月21日）')).toBeInTheDocument();
    expect(backend.inputs('evaluation.recordCorrection').at(-1)).toEqual({
      roundId: 3,
      caseId: 7,
      doneOn: '2026-11-21',
      note: '已补调解员签名并归档',
    });
    expect(screen.queryByLabelText('整改情况')).toBeNull();
  });

  it('shows a case’s evaluation and 整改 on its page, and nothing for a case never evaluated', async () => {
    const { user, backend } = await renderApp(
      '#/cases/7',
      {
        'exchange.status': () => OFFICE_STATUS,
        'legalAid.get': () => legalAidCase(),
        'evaluation.feedback': ({ caseId }) => (caseId === 7 ? [feedback({ overdue: true })] : []),
        'evaluation.recordCorrection': (input) =>
          feedback({
            reply: { doneOn: input.doneOn, note: input.note, recordedBy: '李娟', recordedAt: '2026-11-22T02:00:00Z' },
          }),
      },
      { as: USERS.clerk },
    );
    const block = await screen.findByRole('region', { name: '案卷评查结果' }, { timeout: 20_000 });
    expect(within(block).getByText('72分（合格）')).toBeInTheDocument();
    expect(within(block).getByText('整改逾期')).toBeInTheDocument();
    expect(backend.inputs('evaluation.feedback')).toEqual([{ caseId: 7 }]);
    await user.click(within(block).getByRole('button', { name: '登记整改' }));
    await user.type(within(block).getByLabelText('整改情况'), '已补签名');
    await user.click(within(block).getByRole('button', { name: '登记整改完成' }));
    await waitFor(() => expect(backend.inputs('evaluation.recordCorrection')).toHaveLength(1));
    expect(backend.inputs('evaluation.recordCorrection')[0]).toMatchObject({ roundId: 3, caseId: 7, note: '已补签名' });

    window.location.hash = '#/cases/8';
    await waitFor(() => expect(backend.inputs('evaluation.feedback')).toContainEqual({ caseId: 8 }));
    await waitFor(() => expect(screen.queryByRole('region', { name: '案卷评查结果' })).toBeNull());
  });
});

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
const SAMPLE: SampleView = {
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
};
const ROUND: RoundDetail = {
  id: 3,
  name: '2026年度人民调解卷宗评查',
  year: 2026,
  theme: '',
  status: 'scoring',
  method: 'perOffice',
  sampled: 1,
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
  samples: [SAMPLE],
  iEvaluate: true,
};
const EVALUATOR: SessionUser = {
  id: 9,
  username: 'pingcha',
  displayName: '评查员甲',
  role: 'evaluator',
  mustChangePassword: false,
};
const bureau = (more: Replies = {}): Replies => ({
  'exchange.status': () => BUREAU_STATUS,
  'evaluation.sheets': () => SHEETS,
  'evaluation.round': () => ROUND,
  ...more,
});

describe('the bureau’s side', () => {
  let clicked: string[];
  let created: Blob[];
  let click: jest.SpyInstance;
  beforeEach(() => {
    clicked = [];
    created = [];
    URL.createObjectURL = (blob: Blob) => (created.push(blob), 'blob:casedesk/dossier');
    URL.revokeObjectURL = () => {};
    click = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push(this.download);
    });
  });
  afterEach(() => click.mockRestore());

  it('sets a closed round’s 整改要求 from the remarks, the due date refused under its field, and shows the states', async () => {
    const row = (over: Partial<CorrectionView> = {}): CorrectionView => ({
      sampleId: 31,
      officeCode: '43011101',
      officeName: '黎托街道司法所',
      caseNumber: '〔2026〕黎托调字第0003号',
      score: 72,
      grade: '合格',
      remarks: ['调解协议：缺少调解员签名', '送达：未附送达回证'],
      requirement: null,
      dueOn: null,
      state: null,
      reply: null,
      ...over,
    });
    let refuse = true;
    const { user, backend } = await renderApp(
      '#/evaluation/rounds/3',
      bureau({
        'evaluation.round': () => ({ ...ROUND, status: 'closed', closedAt: '2026-11-21T02:00:00.000Z' }),
        'evaluation.results': () => new Refusal({ code: 'NOT_FOUND', message: '评查活动：不存在' }),
        'evaluation.corrections': () => [
          row(),
          row({
            sampleId: 32,
            officeName: '同升街道司法所',
            caseNumber: '〔2026〕同升调字第0001号',
            requirement: '补齐送达回证',
            dueOn: '2026-11-25',
            state: 'done',
            reply: { doneOn: '2026-11-24', note: '已补送达回证', recordedBy: '周杰' },
          }),
          row({
            sampleId: 33,
            caseNumber: '〔2026〕黎托调字第0005号',
            requirement: '补签',
            dueOn: '2026-11-01',
            state: 'overdue',
          }),
        ],
        'evaluation.setCorrection': (input) => {
          if (refuse) {
            refuse = false;
            return new Refusal({
              code: 'VALIDATION',
              field: 'dueOn',
              message: '整改期限：不能早于评查活动结束之日（2026-11-21）',
            });
          }
          return row({ requirement: input.requirement, dueOn: input.dueOn, state: 'open' });
        },
      }),
      { as: USERS.director },
    );
    await user.click(await screen.findByRole('tab', { name: '整改' }, { timeout: 20_000 }));
    expect(await screen.findByText('已整改')).toBeInTheDocument();
    expect(screen.getByText('整改逾期')).toBeInTheDocument();
    expect(screen.getByText('2026年11月24日完成（周杰）：已补送达回证')).toBeInTheDocument();
    // A reply closes the requirement: it can no longer be changed.
    expect(screen.getAllByRole('button', { name: /整改要求$/ })).toHaveLength(2);

    await user.click(screen.getByRole('button', { name: '下达整改要求' }));
    const requirement = screen.getByLabelText('整改要求（默认为评查员的点评）');
    expect(requirement).toHaveValue('1. 调解协议：缺少调解员签名\n2. 送达：未附送达回证');
    await user.type(screen.getByLabelText('整改期限（如 2026-12-31）'), '2026-11-01');
    await user.click(screen.getByRole('button', { name: '保存整改要求' }));
    expect(await screen.findByText('整改期限：不能早于评查活动结束之日（2026-11-21）')).toBeInTheDocument();
    const due = screen.getByLabelText('整改期限（如 2026-12-31）');
    await user.clear(due);
    await user.type(due, '2026-12-31');
    await user.click(screen.getByRole('button', { name: '保存整改要求' }));
    expect(await screen.findByText('整改中')).toBeInTheDocument();
    expect(screen.getByText('2026年12月31日')).toBeInTheDocument();
    expect(backend.inputs('evaluation.setCorrection').at(-1)).toEqual({
      sampleId: 31,
      requirement: '1. 调解协议：缺少调解员签名\n2. 送达：未附送达回证',
      dueOn: '2026-12-31',
    });
  });

  it('imports dossier packages on the round page, each with its outcome', async () => {
    const { user, backend } = await renderApp(
      '#/evaluation/rounds/3',
      bureau({
        'evaluation.importDossierUploads': () => [
          {
            fileName: 'a.casedesk',
            status: 'imported',
            officeCode: '43011101',
            officeName: '黎托街道司法所',
            roundName: '2026年度人民调解卷宗评查',
            caseNumbers: ['〔2026〕黎托调字第0003号'],
          },
          { fileName: 'b.casedesk', status: 'rejected', reason: '签名校验失败：清单被改动或不是该机构签发的' },
        ],
      }),
      { as: USERS.director },
    );
    await user.upload(await screen.findByLabelText('导入案卷包（.casedesk，可多选）', {}, { timeout: 20_000 }), [
      new File([new Uint8Array([1, 2, 3])], 'a.casedesk'),
      new File([new Uint8Array([4, 5])], 'b.casedesk'),
    ]);
    expect(await screen.findByText('签名校验失败：清单被改动或不是该机构签发的')).toBeInTheDocument();
    expect(screen.getByText('黎托街道司法所，2026年度人民调解卷宗评查：〔2026〕黎托调字第0003号')).toBeInTheDocument();
    expect(backend.inputs('evaluation.importDossierUploads')).toEqual([
      {
        packages: [
          { fileName: 'a.casedesk', base64: 'AQID' },
          { fileName: 'b.casedesk', base64: 'BAU=' },
        ],
      },
    ]);
    // The round is read again after an import.
    await waitFor(() => expect(backend.inputs('evaluation.round').length).toBeGreaterThan(1));
  });

  it('offers the received PDF beside the score sheet, and the paper dossier when none has arrived', async () => {
    let received = false;
    const { user, backend } = await renderApp(
      '#/evaluation/rounds/3',
      bureau({
        'evaluation.dossierPdf': ({ sampleId }) =>
          received
            ? {
                sampleId,
                caseNumber: SAMPLE.caseNumber,
                fileName: `${SAMPLE.caseNumber}电子卷宗.pdf`,
                base64: Buffer.from('%PDF-1.7 test').toString('base64'),
                pages: 12,
                sha256: 'ab'.repeat(32),
                receivedAt: '2026-11-21T02:00:00.000Z',
                receivedBy: '张伟',
              }
            : new Refusal({
                code: 'NOT_FOUND',
                field: 'sampleId',
                message: '抽查案件：尚未收到黎托街道司法所报送的电子卷宗，可按纸质卷宗评分',
              }),
      }),
      { as: EVALUATOR },
    );
    await user.click(await screen.findByRole('button', { name: '评分' }, { timeout: 20_000 }));
    await waitFor(() => expect(screen.getByTestId('evaluation-dossier')).toHaveTextContent('纸质卷宗评查'));
    expect(screen.getByTestId('evaluation-dossier')).not.toHaveTextContent('尚未收到');
    expect(screen.queryByRole('button', { name: '下载电子卷宗' })).toBeNull();

    received = true;
    await user.click(screen.getByRole('button', { name: '返回抽查清单' }));
    await user.click(await screen.findByRole('button', { name: '评分' }));
    await user.click(await screen.findByRole('button', { name: '下载电子卷宗' }));
    expect(screen.getByTestId('evaluation-dossier')).toHaveTextContent('电子卷宗共12页');
    expect(screen.getByTestId('evaluation-dossier')).not.toHaveTextContent('纸质卷宗评查');
    expect(clicked).toEqual([`${SAMPLE.caseNumber}电子卷宗.pdf`]);
    expect(created[0]!.size).toBe('%PDF-1.7 test'.length);
    expect(backend.inputs('evaluation.dossierPdf')).toEqual([{ sampleId: 31 }, { sampleId: 31 }]);
  });

  it('makes the configuration package for one office chosen on 机构管理', async () => {
    const office: BureauOffice = {
      code: '43011101',
      name: '黎托街道司法所',
      fingerprint: '1a2b-3c4d-5e6f-7a8b-9c0d-1e2f-3a4b-5c6d',
      registeredAt: '2026-11-01T01:00:00.000Z',
      lastPeriod: null,
      lastSequence: null,
      lastImportedAt: null,
      late: false,
      missingSequences: [],
      lastRestore: null,
      retiredKeys: [],
    };
    const { user, backend } = await renderApp(
      '#/bureau/offices',
      {
        'exchange.status': () => BUREAU_STATUS,
        'bureau.offices': () => [office],
        'bureau.exportConfig': ({ office: code }) => ({
          file: `/data/exports/config-${code ?? 'county'}.casedesk`,
          fileName: `config-${code ?? 'county'}.casedesk`,
          base64: 'AQID',
        }),
      },
      { as: USERS.director },
    );
    await user.click(await screen.findByRole('button', { name: '生成配置包' }, { timeout: 20_000 }));
    expect(await screen.findByText('已生成配置包：/data/exports/config-county.casedesk')).toBeInTheDocument();
    await user.click(screen.getByLabelText('配置包发给'));
    await user.click(await screen.findByTitle('黎托街道司法所（含调卷通知和评查整改）'));
    await user.click(screen.getByRole('button', { name: '生成配置包' }));
    expect(
      await screen.findByText('已生成黎托街道司法所的配置包：/data/exports/config-43011101.casedesk'),
    ).toBeInTheDocument();
    expect(backend.inputs('bureau.exportConfig')).toEqual([
      { folder: null, office: null },
      { folder: null, office: '43011101' },
    ]);
    expect(clicked).toEqual(['config-county.casedesk', 'config-43011101.casedesk']);
  });
});
