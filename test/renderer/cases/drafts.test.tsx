import { screen, waitFor, within } from '@testing-library/react';
import { CREDIT_CODE, WANG_ID } from '../../shared/kinds/mediation/fixtures';
import { APPLICANT_ID } from '../../shared/kinds/notarization/fixtures';
import { MATTER_SEED } from '../../../shared/kinds/notarization/matters';
import { field, renderApp, type Replies } from '../support';

jest.setTimeout(30_000);

const summary = {
  id: 5,
  kind: 'legal_aid' as const,
  title: '王小红',
  createdAt: '2026-11-21T01:00:00.000Z',
  updatedAt: '2026-11-21T02:30:00.000Z',
};

describe('草稿', () => {
  it('autosaves the form after the clerk pauses, and saves again into the same draft', async () => {
    const { user, backend } = await renderApp('#/legal-aid/new', {
      'drafts.save': (input) => ({ ...summary, id: input.id ?? 12, title: input.title }),
    });
    await user.type(await screen.findByLabelText('申请人姓名'), '张秀英');
    expect(backend.inputs('drafts.save')).toHaveLength(0); // not on every keystroke

    await waitFor(() => expect(backend.inputs('drafts.save')).toHaveLength(1), { timeout: 20_000 });
    const first = backend.inputs('drafts.save')[0]!;
    expect(first).toMatchObject({ id: null, kind: 'legal_aid', title: '张秀英' });
    expect(first.data).toMatchObject({ applicant: { name: '张秀英', idType: '居民身份证', ethnicity: '汉族' } });
    expect(await screen.findByText(/草稿已自动保存/)).toBeInTheDocument();

    await user.type(field('户籍所在地'), '黎托街道');
    await waitFor(() => expect(backend.inputs('drafts.save')).toHaveLength(2), { timeout: 20_000 });
    expect(backend.inputs('drafts.save')[1]).toMatchObject({
      id: 12,
      data: { applicant: { householdAddress: '黎托街道' } },
    });
    expect(backend.inputs('drafts.discard')).toHaveLength(0);
  });

  it('lists unfinished drafts and resumes one where the clerk left it', async () => {
    const { user, backend } = await renderApp('#/drafts', {
      'drafts.list': () => [summary],
      'drafts.get': () => ({
        ...summary,
        data: {
          applicant: {
            name: '王小红',
            idType: '居民身份证',
            ethnicity: '汉族',
            idNumber: '110105194912310021',
            birthDate: '1949-12-31',
            sex: '女',
          },
          finance: { monthlyIncomePerCapitaYuan: '850.50' },
          receivedOn: '2026-11-20',
        },
      }),
      'legalAid.create': () => ({ id: 9, caseNumber: '〔2026〕黎托援字第0002号' }),
    });
    const row = (await screen.findByText('王小红')).closest('tr')!;
    expect(within(row).getAllByText(/^2026年11月21日 \d\d:\d\d$/)).toHaveLength(2);
    await user.click(within(row).getByRole('button', { name: '继续填写“王小红”' }));

    expect(await screen.findByDisplayValue('王小红')).toBe(field('申请人姓名'));
    expect(backend.inputs('drafts.get')).toEqual([{ id: 5 }]);
    expect(window.location.hash).toBe('#/legal-aid/new?draft=5');
    expect(field('家庭月人均收入')).toHaveValue('850.50');
    expect(field('申请日期')).toHaveValue('2026-11-20');
    // What was typed before is judged at once: the wrong check character is pointed out.
    expect(screen.getByText('公民身份号码：校验码不正确，请核对号码')).toBeInTheDocument();
  });

  const mediationSummary = { ...summary, id: 7, kind: 'mediation' as const, title: '王建国、李秀梅' };
  const oralSummary = { ...summary, id: 8, kind: 'mediation' as const, title: '陈立、长沙市黎托家电经营部' };
  const notarizationSummary = { ...summary, id: 9, kind: 'notarization' as const, title: '王晓明' };
  /** The drafts as the forms autosaved them: plain JSON, dates as ISO days, money and counts as typed. */
  const draftData: Record<number, Record<string, unknown>> = {
    7: {
      form: 'registration',
      source: '当事人申请',
      sourceDetail: '',
      committee: '花侯村人民调解委员会',
      parties: [
        {
          kind: 'person',
          name: '王建国',
          sex: '男',
          birthDate: '1968-04-12',
          ethnicity: '汉族',
          idNumber: WANG_ID,
          address: '雨花区黎托街道花侯村3组12号',
          phone: '13800138000',
          occupation: '务农',
          creditCode: '',
          legalRepresentative: '',
        },
        {
          kind: 'organisation',
          name: '长沙市花侯物业管理有限公司',
          sex: null,
          birthDate: null,
          ethnicity: '汉族',
          idNumber: '',
          address: '雨花区黎托街道88号',
          phone: '0731-84000000',
          occupation: '',
          creditCode: CREDIT_CODE,
          legalRepresentative: '刘强',
        },
      ],
      disputeType: '邻里纠纷',
      summary: '物业公司清理排水沟时损坏王建国家院墙。',
      requests: '请求赔偿院墙修复费用',
      amountFen: '3000',
      peopleCount: '2',
      major: false,
      mass: false,
      mediators: '赵德明、周小兰',
      receivedOn: '2026-11-02',
      receivedBy: '李娟',
    },
    8: {
      form: 'quickOral',
      committee: '黎托街道人民调解委员会',
      agreementContent: '经营部当场更换同型号新品一台。',
      mediatedOn: '2026-11-03',
    },
    9: {
      matterCode: 'education',
      purpose: '出国留学',
      applicants: [{ kind: 'person', name: '王晓明', idNumber: APPLICANT_ID, birthDate: '1998-03-15' }],
      receivedOn: '2026-11-04',
    },
  };
  const everyKind: Replies = {
    'drafts.list': () => [summary, mediationSummary, oralSummary, notarizationSummary],
    'drafts.get': ({ id }) => {
      const listed = [mediationSummary, oralSummary, notarizationSummary].find((d) => d.id === id)!;
      return { ...listed, data: draftData[id]! };
    },
    'mediation.disputeTypes': () =>
      ['邻里纠纷', '消费纠纷'].map((name, i) => ({ name, position: i + 1, active: true })),
    'notarization.matters': () => MATTER_SEED.map((m) => ({ ...m, active: true })),
    'cases.conflicts': ({ parties }) => ({ checked: parties.length, matches: [] }),
  };

  it('opens a mediation draft in the mediation form with its values back, and registers the case from it', async () => {
    const { user, backend } = await renderApp('#/drafts', {
      ...everyKind,
      'mediation.create': () => ({ id: 17, caseNumber: '〔2026〕黎托调字第0003号' }),
    });
    const row = (await screen.findByText('王建国、李秀梅')).closest('tr')!;
    expect(backend.inputs('drafts.list')).toContainEqual({ kind: null }); // every kind is listed
    expect(within(row).getByText('人民调解')).toBeInTheDocument();
    await user.click(within(row).getByRole('button', { name: '继续填写“王建国、李秀梅”' }));

    await waitFor(() => expect(window.location.hash).toBe('#/mediation/new?draft=7'));
    expect(await screen.findByRole('heading', { name: '人民调解受理登记表' })).toBeInTheDocument();
    expect(await screen.findByDisplayValue('花侯村人民调解委员会')).toBe(field('调解组织'));
    expect(screen.getAllByLabelText('当事人姓名（名称）').map((el) => (el as HTMLInputElement).value)).toEqual([
      '王建国',
      '长沙市花侯物业管理有限公司',
    ]);
    expect(screen.getAllByLabelText('出生日期')[0]).toHaveValue('1968-04-12');
    expect(field('统一社会信用代码')).toHaveValue(CREDIT_CODE);
    expect(field('涉及金额')).toHaveValue('3000');
    expect(field('调解员')).toHaveValue('赵德明、周小兰');
    expect(field('受理日期')).toHaveValue('2026-11-02');
    expect(field('纠纷类型').closest('.ant-select')).toHaveTextContent('邻里纠纷');

    // The conflict check asks about the resumed parties after its pause; until its answer is in, 保存 only says
    // to wait, so the clerk (and the test) clicks again. A click decides at once: it sends, or says to wait.
    await waitFor(() => expect(backend.inputs('cases.conflicts')).not.toHaveLength(0));
    await waitFor(async () => {
      if (backend.inputs('mediation.create').length === 0)
        await user.click(screen.getByRole('button', { name: '保存' }));
      expect(backend.inputs('mediation.create')).toHaveLength(1);
    });
    const sent = backend.inputs('mediation.create')[0]!;
    expect(sent.draftId).toBe(7);
    expect(sent.registration).toMatchObject({
      source: '当事人申请',
      committee: '花侯村人民调解委员会',
      amountFen: 300_000,
      peopleCount: 2,
      mediators: ['赵德明', '周小兰'],
      receivedOn: '2026-11-02',
      receivedBy: '李娟',
      parties: [
        { name: '王建国', birthDate: '1968-04-12', idNumber: WANG_ID },
        { kind: 'organisation', creditCode: CREDIT_CODE },
      ],
    });
  });

  it('opens a 口头调解 draft in the short form and a notarization draft in the notarization form', async () => {
    const { user } = await renderApp('#/drafts', everyKind);
    await user.click(await screen.findByRole('button', { name: '继续填写“陈立、长沙市黎托家电经营部”' }));
    await waitFor(() => expect(window.location.hash).toBe('#/mediation/oral?draft=8'));
    expect(await screen.findByDisplayValue('经营部当场更换同型号新品一台。')).toBe(field('协议内容'));
    expect(field('调解日期')).toHaveValue('2026-11-03');

    window.location.hash = '#/drafts';
    await user.click(await screen.findByRole('button', { name: '继续填写“王晓明”' }));
    await waitFor(() => expect(window.location.hash).toBe('#/notarization/new?draft=9'));
    expect(await screen.findByDisplayValue('出国留学')).toBe(field('公证书用途'));
    expect(field('申请人姓名（名称）')).toHaveValue('王晓明');
    expect(field('出生日期')).toHaveValue('1998-03-15');
    expect(field('受理日期')).toHaveValue('2026-11-04');
  });

  it('discards a draft only after the clerk confirms', async () => {
    let drafts = [summary];
    const { user, backend } = await renderApp('#/drafts', {
      'drafts.list': () => drafts,
      'drafts.discard': ({ id }) => {
        drafts = drafts.filter((d) => d.id !== id);
        return { id };
      },
    });
    await user.click(await screen.findByRole('button', { name: '删除“王小红”' }));
    await user.click(await screen.findByRole('button', { name: '取消' }));
    expect(backend.inputs('drafts.discard')).toHaveLength(0);
    expect(screen.getByText('王小红')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: '删除“王小红”' }));
    const confirm = await screen.findByText('删除这份草稿？');
    await user.click(within(confirm.closest('.ant-popover') as HTMLElement).getByRole('button', { name: '删除' }));
    await waitFor(() => expect(backend.inputs('drafts.discard')).toEqual([{ id: 5 }]));
    expect(await screen.findByText('没有未完成的草稿')).toBeInTheDocument();
  });
});
