// 公证申请 in the renderer: the intake form with the matter catalogue's materials and 最多跑一次 flag, checked as
// the clerk types and sent as notarization.create expects; the case page whose steps (容缺受理 above all) are small
// forms, each for its action's channel (notarization.accept ...); the director's matter catalogue.
import { screen, waitFor, within } from '@testing-library/react';
import type { UserEvent } from '@testing-library/user-event';
import type { NotarizationCase, NotarizationCaseDeadlines, NotarizationMatter } from '../../../shared/contract';
import type { CaseAction } from '../../../shared/lifecycle';
import { requestDeadlines } from '../../../shared/kinds/notarization/deadlines';
import {
  availableActions,
  NOTARIZATION_STATUS_LABELS,
  progressOf,
  type NotarizationStatus,
} from '../../../shared/kinds/notarization/lifecycle';
import { MATTER_SEED } from '../../../shared/kinds/notarization/matters';
import type { NotarizationRequest } from '../../../shared/kinds/notarization/intake';
import {
  APPLICANT_ID,
  CERTIFICATE_NUMBER,
  NOTARY_OFFICE,
  validRequest,
} from '../../shared/kinds/notarization/fixtures';
import { field, messageOf, Refusal, renderApp, USERS, type Replies } from '../support';

// The intake forms type many fields through user-event in jsdom: over a minute a test on a loaded 2-core machine.
jest.setTimeout(120_000);

const TODAY = '2026-11-22';
const MATTERS: NotarizationMatter[] = MATTER_SEED.map((m) => ({ ...m, active: true }));
const EDUCATION = MATTERS.find((m) => m.code === 'education')!;

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

const RECEIVED = entry(1, 'register', '2026-11-20', {}, null, 'received');
const CHECKED = entry(2, 'checkMaterials', '2026-11-20', { missingItems: [], note: '' }, 'received', 'ready');
const FORWARDED = entry(3, 'forward', '2026-11-21', { notaryOffice: NOTARY_OFFICE, note: '' }, 'ready', 'forwarded');

/** The case as notarization.get answers, built by the same pure rules the service uses. */
function notarizationCase(status: NotarizationStatus, timeline: CaseAction[]): NotarizationCase {
  const progress = progressOf(timeline);
  const { code, name, category, requiredMaterials, oneVisit } = EDUCATION;
  return {
    id: 8,
    caseNumber: '〔2026〕黎托公字第0001号',
    status,
    statusLabel: NOTARIZATION_STATUS_LABELS[status],
    createdAt: '2026-11-20T02:00:00.000Z',
    updatedAt: '2026-11-21T02:00:00.000Z',
    request: validRequest() as NotarizationRequest,
    useScope: '涉外',
    matter: { code, name, category, requiredMaterials, oneVisit },
    checklist: requiredMaterials,
    progress,
    allowedActions: availableActions({ status, progress }),
  };
}

const deadlinesOf = (record: NotarizationCase): NotarizationCaseDeadlines => ({
  caseId: record.id,
  caseNumber: record.caseNumber,
  status: record.status,
  ...requestDeadlines(record.progress, TODAY),
});

const NOT_FOUND = () => new Refusal({ code: 'NOT_FOUND', field: 'id', message: '案件不存在' });

function casePage(record: NotarizationCase, timeline: CaseAction[], more: Replies = {}): Replies {
  return {
    'legalAid.get': NOT_FOUND,
    'mediation.get': NOT_FOUND,
    'notarization.get': () => record,
    'notarization.deadlines': () => deadlinesOf(record),
    'cases.timeline': () => timeline,
    ...more,
  };
}

const INTAKE: Replies = {
  'notarization.matters': () => MATTERS,
  'cases.conflicts': ({ parties }) => ({ checked: parties.length, matches: [] }),
};

async function choose(user: UserEvent, control: HTMLElement, option: string) {
  await user.click(control);
  await user.keyboard(option);
  await waitFor(() => expect(control).toHaveAttribute('aria-expanded', 'true'));
  await user.keyboard('{Enter}');
  await waitFor(() => expect(control.closest('.ant-select')).toHaveTextContent(option));
}

async function paste(user: UserEvent, control: HTMLElement, text: string) {
  await user.click(control);
  await user.paste(text);
}

async function fillRequest(user: UserEvent) {
  await screen.findByRole('heading', { name: '公证申请表' });
  await choose(user, field('公证事项'), '学历');
  await paste(user, field('公证书用途'), '出国留学');
  await user.type(field('申请人姓名（名称）'), '王晓明');
  await user.type(field('公民身份号码'), APPLICANT_ID);
  await user.type(field('联系电话'), '13800138000');
  await paste(user, field('住址'), '雨花区黎托街道花侯村3组');
  await user.clear(field('使用地'));
  await paste(user, field('使用地'), '英国');
  await user.clear(field('份数'));
  await user.type(field('份数'), '2');
  await user.type(field('收费'), '160');
  await user.type(field('受理人'), '李娟');
}

describe('公证申请表', () => {
  it("shows the chosen matter's materials and 最多跑一次, and sends the request with ISO dates and fen", async () => {
    const { user, backend } = await renderApp('#/notarization/new', {
      ...INTAKE,
      ...casePage(notarizationCase('received', [RECEIVED]), [RECEIVED]),
      'notarization.create': () => ({ id: 8, caseNumber: '〔2026〕黎托公字第0001号' }),
    });
    await fillRequest(user);
    const materials = screen
      .getAllByText((_, el) => el?.classList.contains('required-material') ?? false)
      .map((el) => el.textContent);
    expect(materials).toEqual(EDUCATION.requiredMaterials);
    expect(screen.getAllByText('最多跑一次').length).toBeGreaterThan(0);
    // The ID number carries the birth date and sex.
    expect(field('出生日期')).toHaveValue('1998-03-15');
    await user.click(field('是否需要翻译'));
    await user.click(screen.getByRole('button', { name: '保存' }));
    // A translation needs its language: nothing is sent until it is given.
    await waitFor(() => expect(messageOf(field('译文语种'))).toBe('译文语种：需要翻译时须填写译文语种'));
    expect(backend.inputs('notarization.create')).toHaveLength(0);
    await paste(user, field('译文语种'), '英语');
    await user.click(screen.getByRole('button', { name: '保存' }));

    await waitFor(() => expect(backend.inputs('notarization.create')).toHaveLength(1));
    expect(backend.inputs('notarization.create')[0]).toEqual({
      // The draft autosaved while typing, if the clerk paused long enough for one (the fake backend's first id is 1).
      draftId: backend.inputs('drafts.save').length > 0 ? 1 : null,
      request: { ...validRequest(), receivedOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) },
    });
    expect(await screen.findByText('公证申请已登记，案号 〔2026〕黎托公字第0001号')).toBeInTheDocument();
    expect(window.location.hash).toBe('#/cases/8');
  });

  it('autosaves what the clerk types as a notarization draft, dates as ISO days, and registers from that draft', async () => {
    const { user, backend } = await renderApp('#/notarization/new', {
      ...INTAKE,
      ...casePage(notarizationCase('received', [RECEIVED]), [RECEIVED]),
      'drafts.save': (input) => ({
        id: input.id ?? 23,
        kind: input.kind,
        title: input.title,
        createdAt: '2026-11-22T02:00:00.000Z',
        updatedAt: '2026-11-22T02:10:00.000Z',
      }),
      'notarization.create': () => ({ id: 8, caseNumber: '〔2026〕黎托公字第0001号' }),
    });
    await fillRequest(user);
    await waitFor(() => expect(backend.inputs('drafts.save').at(-1)?.data).toMatchObject({ receivedBy: '李娟' }), {
      timeout: 20_000,
    });
    expect(await screen.findByText(/草稿已自动保存/)).toBeInTheDocument();
    const saved = backend.inputs('drafts.save');
    expect(saved.map((d) => d.id)).toEqual([null, ...saved.slice(1).map(() => 23)]);
    expect(saved.at(-1)).toMatchObject({
      kind: 'notarization',
      title: '王晓明',
      data: {
        matterCode: 'education',
        purpose: '出国留学',
        placeOfUse: '英国',
        copies: '2',
        feeFen: '160',
        hasAgent: false,
        pickupOn: null,
        receivedOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
        applicants: [
          { kind: 'person', name: '王晓明', idNumber: APPLICANT_ID, birthDate: '1998-03-15', sex: expect.any(String) },
        ],
      },
    });

    await user.click(screen.getByRole('button', { name: '保存' }));
    await waitFor(() => expect(backend.inputs('notarization.create')).toHaveLength(1));
    expect(backend.inputs('notarization.create')[0]!.draftId).toBe(23);
    await waitFor(() => expect(window.location.hash).toBe('#/cases/8'));
  });

  it("says an organisation's credit code with a wrong check character is wrong, and sends nothing", async () => {
    const { user, backend } = await renderApp('#/notarization/new', INTAKE);
    await screen.findByRole('heading', { name: '公证申请表' });
    await user.click(screen.getByRole('radio', { name: '法人或其他组织' }));
    await user.type(await screen.findByLabelText('统一社会信用代码'), '91350100M000100Y44');
    await user.tab();
    await waitFor(() =>
      expect(messageOf(field('统一社会信用代码'))).toBe(
        '统一社会信用代码：应为18位有效的统一社会信用代码（校验不通过）',
      ),
    );
    await user.click(screen.getByRole('button', { name: '保存' }));
    expect(backend.inputs('notarization.create')).toHaveLength(0);
  });

  it('marks the agent when the main process refuses an agent for an in-person matter', async () => {
    const { user } = await renderApp('#/notarization/new', {
      ...INTAKE,
      'notarization.create': () =>
        new Refusal({
          code: 'VALIDATION',
          field: 'request.agent',
          message: '代理人：学历公证须由申请人本人亲自申办，不能委托他人代理（公证法 第26条）',
        }),
    });
    await fillRequest(user);
    await user.click(screen.getByRole('button', { name: '保存' }));
    expect(
      await screen.findByText('代理人：学历公证须由申请人本人亲自申办，不能委托他人代理（公证法 第26条）'),
    ).toBeInTheDocument();
    expect(window.location.hash).toBe('#/notarization/new');
  });
});

describe('公证申请案件', () => {
  it('accepts a request with a 容缺 item only on a written commitment, and sends it through notarization.accept', async () => {
    const timeline = [RECEIVED, CHECKED, FORWARDED];
    const accepted = entry(
      4,
      'accept',
      TODAY,
      { noticeNumber: '', deferred: { item: '学历证书原件', commitmentSigned: true, promisedOn: '2099-12-31' } },
      'forwarded',
      'accepted',
    );
    let current = notarizationCase('forwarded', timeline);
    const { user, backend } = await renderApp(
      '#/cases/8',
      casePage(current, timeline, {
        'notarization.accept': () => (current = notarizationCase('accepted', [...timeline, accepted])),
        'notarization.deadlines': () => deadlinesOf(current),
      }),
    );
    expect(await screen.findByRole('heading', { name: '〔2026〕黎托公字第0001号' })).toBeInTheDocument();
    expect(screen.getByTestId('case-status')).toHaveTextContent('已转递待受理');
    expect(within(screen.getByRole('region', { name: '材料清单' })).getAllByRole('listitem')).toHaveLength(
      EDUCATION.requiredMaterials.length,
    );

    await user.click(screen.getByRole('button', { name: '受理' }));
    const dialog = within(await screen.findByRole('dialog'));
    await user.click(dialog.getByRole('checkbox', { name: /容缺受理/ }));
    await paste(user, await dialog.findByLabelText('容缺材料'), '学历证书原件');
    await user.type(dialog.getByLabelText('承诺补交日期'), '2099-12-31{Enter}');
    await user.click(dialog.getByRole('button', { name: '保存' }));
    await waitFor(() =>
      expect(messageOf(dialog.getByLabelText('书面承诺'))).toBe('书面承诺：容缺受理须有申请人签署的书面承诺'),
    );
    expect(backend.inputs('notarization.accept')).toHaveLength(0);

    await user.click(dialog.getByLabelText('书面承诺'));
    await user.click(dialog.getByRole('button', { name: '保存' }));
    await waitFor(() => expect(backend.inputs('notarization.accept')).toHaveLength(1));
    expect(backend.inputs('notarization.accept')[0]).toEqual({
      caseId: 8,
      actedOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
      data: { noticeNumber: '', deferred: { item: '学历证书原件', promisedOn: '2099-12-31', commitmentSigned: true } },
    });
    await waitFor(() => expect(screen.getByTestId('case-status')).toHaveTextContent('已受理办理中'));
    // The certificate waits for the 容缺 item: 出证 is not offered until it is supplied.
    expect(screen.getByRole('button', { name: '容缺材料补交' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: '出证' })).toBeNull();
    expect(within(screen.getByRole('region', { name: '办理期限' })).getByText(/容缺材料补交/)).toBeInTheDocument();
  });

  it('hands the certificate over only against a signed receipt', async () => {
    const issued = entry(5, 'issue', TODAY, { certificateNumber: CERTIFICATE_NUMBER }, 'accepted', 'issued');
    const timeline = [
      RECEIVED,
      CHECKED,
      FORWARDED,
      entry(4, 'accept', TODAY, { noticeNumber: '', deferred: null }, 'forwarded', 'accepted'),
      issued,
    ];
    const { user, backend } = await renderApp('#/cases/8', casePage(notarizationCase('issued', timeline), timeline));
    await user.click(await screen.findByRole('button', { name: '送达／领取' }));
    const dialog = within(await screen.findByRole('dialog'));
    await choose(user, dialog.getByLabelText('送达方式'), '本人领取');
    await user.type(dialog.getByLabelText('签收人'), '王晓明');
    await user.click(dialog.getByRole('button', { name: '保存' }));
    await waitFor(() => expect(messageOf(dialog.getByLabelText('送达回执'))).toBe('送达回执：须由签收人签收送达回执'));
    expect(backend.inputs('notarization.deliver')).toHaveLength(0);
  });
});

describe('公证事项目录', () => {
  it("lets the director change a matter's materials and 最多跑一次", async () => {
    const { user, backend } = await renderApp(
      '#/notarization/matters',
      { 'notarization.matters': () => MATTERS, 'notarization.updateMatter': (input) => ({ ...EDUCATION, ...input }) },
      { as: USERS.director },
    );
    await user.click(await screen.findByRole('button', { name: '修改学历' }));
    const dialog = within(await screen.findByRole('dialog'));
    const materials = dialog.getByLabelText('所需材料');
    expect(materials).toHaveValue(EDUCATION.requiredMaterials.join('\n'));
    await user.click(materials);
    await user.keyboard('{Control>}{End}{/Control}');
    await user.paste('\n学信网学历认证报告');
    await user.click(dialog.getByRole('button', { name: '保存' }));
    await waitFor(() => expect(backend.inputs('notarization.updateMatter')).toHaveLength(1));
    expect(backend.inputs('notarization.updateMatter')[0]).toEqual({
      code: 'education',
      name: '学历',
      category: EDUCATION.category,
      requiredMaterials: [...EDUCATION.requiredMaterials, '学信网学历认证报告'],
      oneVisit: EDUCATION.oneVisit,
      inPersonOnly: EDUCATION.inPersonOnly,
      active: true,
    });
  });

  it('shows a clerk the catalogue without changing it', async () => {
    await renderApp('#/notarization/matters', { 'notarization.matters': () => MATTERS }, { as: USERS.clerk });
    expect(await screen.findByText('学历')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: '修改学历' })).toBeNull();
  });
});
