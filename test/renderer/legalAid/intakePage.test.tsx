import { screen, waitFor } from '@testing-library/react';
import type { UserEvent } from '@testing-library/user-event';
import { localDate } from '../../../shared/dates';
import { idCheckChar } from '../../../shared/identity';
import { APPLICATION, field, legalAidCase, messageOf, Refusal, renderApp } from '../support';

/** Picks an option of a select as a clerk does with the keyboard: type to filter, Enter to take it. */
async function choose(user: UserEvent, label: string, option: string) {
  await user.click(field(label));
  await user.keyboard(option);
  await waitFor(() => expect(field(label)).toHaveAttribute('aria-expanded', 'true'));
  await user.keyboard('{Enter}');
  await waitFor(() => expect(field(label).closest('.ant-select')).toHaveTextContent(option));
}

async function typeDate(user: UserEvent, label: string, iso: string) {
  await user.clear(field(label));
  await user.type(field(label), iso);
  await user.keyboard('{Enter}');
}

/** Everything a complete civil application needs, typed in the form's order. */
async function fillValidApplication(user: UserEvent) {
  await user.type(field('申请人姓名'), '张秀英');
  await user.type(field('公民身份号码'), '11010519491231002X');
  await user.type(field('联系电话'), '13800138000');
  await user.type(field('户籍所在地'), '雨花区黎托街道花侯村3组');
  await user.click(screen.getByRole('checkbox', { name: '老年人' }));
  await user.click(screen.getByRole('button', { name: '添加对方当事人' }));
  await user.type(field('对方当事人姓名（名称）'), '张建国');
  await choose(user, '案件类别', '民事');
  await choose(user, '援助形式', '诉讼代理');
  await user.type(field('案由'), '赡养费纠纷');
  await user.type(field('案情及申请理由'), '申请人年逾七旬，子女拒不支付赡养费。');
  await user.type(field('家庭人口数'), '1');
  await user.type(field('家庭月人均收入'), '850.5');
  await choose(user, '经济困难核查方式', '承诺');
  await user.type(field('受理人'), '李娟');
}

// The conflict check waits for a pause in typing, then asks: on a busy machine that can take over a second.
jest.setTimeout(60_000);

describe('法律援助申请表', () => {
  it('labels every field as the printed form does and fills the defaults', async () => {
    await renderApp('#/legal-aid/new');
    const labels = [
      '申请人姓名',
      '性别',
      '民族',
      '出生日期',
      '证件类型',
      '公民身份号码',
      '户籍所在地',
      '经常居住地',
      '联系电话',
      '工作单位',
      '无民事行为能力或限制民事行为能力',
      '申请人类别',
      '案件类别',
      '援助形式',
      '案由',
      '案件所处阶段',
      '办案机关',
      '案情及申请理由',
      '家庭人口数',
      '家庭月人均收入',
      '经济困难核查方式',
      '申请日期',
      '受理人',
    ];
    for (const label of labels) expect(await screen.findByLabelText(label)).toBeInTheDocument();
    expect(field('民族').closest('.ant-select')).toHaveTextContent('汉族');
    expect(field('证件类型').closest('.ant-select')).toHaveTextContent('居民身份证');
    expect(field('申请日期')).toHaveValue(localDate());
    expect(field('申请人姓名')).toHaveFocus();
  });

  it('says a wrong check character is wrong as the clerk types it, and fills birth date and sex from a right one', async () => {
    const { user } = await renderApp('#/legal-aid/new');
    await user.type(await screen.findByLabelText('公民身份号码'), '110105194912310021');
    expect(messageOf(field('公民身份号码'))).toBe('公民身份号码：校验码不正确，请核对号码');
    expect(field('公民身份号码')).toHaveAccessibleDescription('公民身份号码：校验码不正确，请核对号码');
    // Fields the clerk has not reached stay quiet.
    expect(messageOf(field('户籍所在地'))).toBe('');

    await user.clear(field('公民身份号码'));
    await user.type(field('公民身份号码'), '11010519491231002X');
    expect(messageOf(field('公民身份号码'))).toBe('');
    expect(field('出生日期')).toHaveValue('1949-12-31');
    expect(screen.getByRole('radio', { name: '女' })).toBeChecked();
  });

  it('shows every message on 保存, focuses the first, and sends nothing while the form is wrong', async () => {
    const { user, backend } = await renderApp('#/legal-aid/new');
    await user.type(await screen.findByLabelText('家庭月人均收入'), '12.345');
    await user.click(screen.getByRole('button', { name: '保存' }));

    expect(messageOf(field('申请人姓名'))).toBe('申请人姓名：不能为空');
    expect(messageOf(field('公民身份号码'))).toBe('公民身份号码：不能为空');
    expect(messageOf(field('案件类别'))).toBe('案件类别：请选择');
    expect(messageOf(field('家庭月人均收入'))).toBe('家庭月人均收入：金额最多两位小数');
    expect(messageOf(field('受理人'))).toBe('受理人：不能为空');
    expect(field('申请人姓名')).toHaveFocus();
    expect(backend.inputs('legalAid.create')).toHaveLength(0);
  });

  it('requires an agent for a minor and shows the agent fields', async () => {
    const { user, backend } = await renderApp('#/legal-aid/new');
    const body = `430111${Number(localDate().slice(0, 4)) - 10}0501003`;
    expect(screen.queryByLabelText('代理人姓名')).not.toBeInTheDocument();
    await user.type(await screen.findByLabelText('公民身份号码'), body + idCheckChar(body));
    expect(await screen.findByLabelText('代理人姓名')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: '保存' }));
    expect(messageOf(field('代理人姓名'))).toBe('代理人姓名：不能为空');
    expect(messageOf(field('与申请人关系'))).toBe('与申请人关系：请选择');
    expect(backend.inputs('legalAid.create')).toHaveLength(0);
  });

  it('sends a complete application with the income in fen and ISO dates, then opens the case', async () => {
    const { user, backend } = await renderApp('#/legal-aid/new', {
      'legalAid.create': () => ({ id: 7, caseNumber: '〔2026〕黎托援字第0001号' }),
      'legalAid.get': () => legalAidCase({ id: 7 }),
    });
    await screen.findByLabelText('申请人姓名');
    await fillValidApplication(user);
    await typeDate(user, '申请日期', '2026-11-20');
    // The form is autosaved as the clerk types; the case is registered from that draft (which goes with it).
    await waitFor(() => expect(backend.inputs('drafts.save').length).toBeGreaterThan(0), { timeout: 20_000 });
    await user.click(screen.getByRole('button', { name: '保存' }));

    await waitFor(() => expect(backend.inputs('legalAid.create')).toHaveLength(1));
    const sent = backend.inputs('legalAid.create')[0]!;
    // Exactly the stored form of the sample application (which also ticks 妇女): income in fen, dates in ISO.
    expect(sent).toEqual({ draftId: 1, application: { ...APPLICATION, applicantGroups: ['老年人'] } });
    expect(sent.application.finance.monthlyIncomePerCapitaFen).toBe(85_050);
    expect([sent.application.applicant.birthDate, sent.application.receivedOn]).toEqual(['1949-12-31', '2026-11-20']);
    expect(await screen.findByText('申请已登记，案号 〔2026〕黎托援字第0001号')).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: '〔2026〕黎托援字第0001号' })).toBeInTheDocument();
    expect(window.location.hash).toBe('#/cases/7');
  });

  it('marks the fields the main process refused, under the right field, and focuses the first', async () => {
    const { user, backend } = await renderApp('#/legal-aid/new', {
      'legalAid.create': () =>
        new Refusal({
          code: 'VALIDATION',
          field: 'application.applicant.phone',
          message: '联系电话：应为手机号码或带区号的固定电话',
          issues: [
            { field: 'application.applicant.phone', message: '联系电话：应为手机号码或带区号的固定电话' },
            { field: 'application.receivedBy', message: '受理人：不是本所工作人员' },
          ],
        }),
    });
    await screen.findByLabelText('申请人姓名');
    await fillValidApplication(user);
    await user.click(screen.getByRole('button', { name: '保存' }));

    await waitFor(() => expect(messageOf(field('联系电话'))).toBe('联系电话：应为手机号码或带区号的固定电话'));
    expect(messageOf(field('受理人'))).toBe('受理人：不是本所工作人员');
    expect(messageOf(field('申请人姓名'))).toBe('');
    expect(field('联系电话')).toHaveFocus();
    expect(backend.inputs('legalAid.create')).toHaveLength(1);
    expect(window.location.hash).toBe('#/legal-aid/new');

    // Changing the refused value clears the main process's message for it.
    await user.type(field('受理人'), '华');
    expect(messageOf(field('受理人'))).toBe('');
  });

  it('shows a refusal that names no field above the 保存 button', async () => {
    const { user } = await renderApp('#/legal-aid/new', {
      'legalAid.create': () => new Refusal({ code: 'NOT_SET_UP', message: '请先完成司法所设置' }),
    });
    await screen.findByLabelText('申请人姓名');
    await fillValidApplication(user);
    await user.click(screen.getByRole('button', { name: '保存' }));
    expect(await screen.findByText('请先完成司法所设置')).toBeInTheDocument();
  });

  it('never saves on Enter: Enter moves to the next field, and a textarea keeps its newline', async () => {
    // Saving happens only from the click at the end: a save that Enter started would reach the main process
    // before the click's (the same path, begun earlier), so it shows as a call before the click or a second call.
    let clicked = false;
    const beforeClick: unknown[] = [];
    const { user, backend } = await renderApp('#/legal-aid/new', {
      'legalAid.create': (input) => {
        if (!clicked) beforeClick.push(input);
        return { id: 7, caseNumber: '〔2026〕黎托援字第0001号' };
      },
      'legalAid.get': () => legalAidCase({ id: 7 }),
    });
    await screen.findByLabelText('申请人姓名');
    await fillValidApplication(user);

    await user.click(field('申请人姓名'));
    await user.keyboard('{Enter}');
    expect(screen.getByRole('radio', { name: '女' })).toHaveFocus();

    await user.click(field('案由'));
    await user.keyboard('{Enter}');
    expect(field('案件所处阶段')).toHaveFocus();
    await user.keyboard('{Enter}');
    expect(field('办案机关')).toHaveFocus();

    await user.click(field('案情及申请理由'));
    await user.keyboard('{End}{Enter}另有一子。');
    expect(field('案情及申请理由')).toHaveValue('申请人年逾七旬，子女拒不支付赡养费。\n另有一子。');

    await user.click(field('受理人'));
    await user.keyboard('{Enter}');
    clicked = true;
    await user.click(screen.getByRole('button', { name: '保存' }));
    expect(await screen.findByText('申请已登记，案号 〔2026〕黎托援字第0001号')).toBeInTheDocument();
    expect(beforeClick).toEqual([]);
    expect(backend.inputs('legalAid.create')).toHaveLength(1);
  });
});

describe('利益冲突提示 at intake', () => {
  const opposingBody = '11010519700101001';
  const opposingId = opposingBody + idCheckChar(opposingBody);
  const MATCH = {
    partyIndex: 1,
    partyName: '张建国',
    partyRole: 'opposing' as const,
    matchedBy: 'idNumber' as const,
    otherCase: {
      id: 3,
      kind: 'legal_aid' as const,
      caseNumber: '〔2026〕黎托援字第0002号',
      status: 'assigned',
      title: '劳动报酬纠纷',
      receivedOn: '2026-10-08',
    },
    otherName: '张建国',
    otherRole: 'applicant' as const,
    aidedElsewhere: true,
    adverse: true,
    severity: 'high' as const,
    message:
      '对方当事人“张建国”是本所法律援助案件〔2026〕黎托援字第0002号的法律援助申请人（受援人），本案与其利益相对，请注意利益冲突',
  };

  it('warns that the opposing party is aided in another case, and saves only once the clerk acknowledged it', async () => {
    const { user, backend } = await renderApp('#/legal-aid/new', {
      'cases.conflicts': ({ parties }) => ({
        checked: parties.length,
        matches: parties.some((p) => p.idNumber === opposingId) ? [MATCH] : [],
      }),
      'legalAid.create': () => ({ id: 7, caseNumber: '〔2026〕黎托援字第0001号' }),
      'cases.acknowledgeConflicts': (input) => ({
        id: 1,
        caseId: input.caseId,
        matches: input.matches,
        note: input.note ?? '',
        username: '王所长',
        acknowledgedAt: '2026-11-22T02:00:00.000Z',
      }),
      'legalAid.get': () => legalAidCase({ id: 7 }),
    });
    await screen.findByLabelText('申请人姓名');
    await fillValidApplication(user);
    // Nobody typed so far is in another case: no warning.
    await waitFor(() => expect(backend.inputs('cases.conflicts').length).toBeGreaterThan(0));
    expect(screen.queryByRole('region', { name: '利益冲突提示' })).toBeNull();

    await user.type(field('对方当事人证件号码'), opposingId);
    const warning = await screen.findByRole('region', { name: '利益冲突提示' });
    expect(warning).toHaveTextContent(MATCH.message);
    expect(warning).toHaveTextContent('利益冲突');
    expect(warning).toHaveTextContent('证件号码相同');
    expect(backend.inputs('cases.conflicts').at(-1)).toEqual({
      caseId: null,
      parties: [
        { name: '张秀英', idNumber: '11010519491231002X', birthDate: '1949-12-31', role: 'applicant' },
        { name: '张建国', idNumber: opposingId, birthDate: '', role: 'opposing' },
      ],
    });

    await user.click(screen.getByRole('button', { name: '保存' }));
    expect(
      await screen.findByText('当事人涉及其他案件：请查看利益冲突提示，并勾选“已知悉”后再保存'),
    ).toBeInTheDocument();
    expect(backend.inputs('legalAid.create')).toHaveLength(0);

    await user.type(screen.getByLabelText('利益冲突说明'), '经核实系同名同号，已报所长');
    await user.click(screen.getByRole('checkbox', { name: '已知悉上述情况（保存时记录在本案）' }));
    await user.click(screen.getByRole('button', { name: '保存' }));
    await waitFor(() => expect(backend.inputs('cases.acknowledgeConflicts')).toHaveLength(1));
    expect(backend.inputs('legalAid.create')).toHaveLength(1);
    expect(backend.inputs('cases.acknowledgeConflicts')[0]).toEqual({
      caseId: 7,
      matches: [{ otherCaseId: 3, partyName: '张建国', matchedBy: 'idNumber' }],
      note: '经核实系同名同号，已报所长',
    });
    await waitFor(() => expect(window.location.hash).toBe('#/cases/7'));
  });

  it('waits for a check still running when 保存 is clicked, and then judges by what it found', async () => {
    let answer: (found: { checked: number; matches: (typeof MATCH)[] }) => void = () => {};
    const { user, backend } = await renderApp('#/legal-aid/new', {
      'cases.conflicts': ({ parties }) =>
        parties.some((p) => p.idNumber === opposingId)
          ? new Promise((resolve) => (answer = resolve))
          : { checked: parties.length, matches: [] },
      'legalAid.create': () => ({ id: 7, caseNumber: '〔2026〕黎托援字第0001号' }),
    });
    await screen.findByLabelText('申请人姓名');
    await fillValidApplication(user);
    await user.type(field('对方当事人证件号码'), opposingId);
    await user.click(screen.getByRole('button', { name: '保存' }));
    // The check of the ID just typed has not answered: the save waits for it, neither sending nor refusing.
    await waitFor(() =>
      expect(backend.inputs('cases.conflicts').some((c) => c.parties.some((p) => p.idNumber === opposingId))).toBe(
        true,
      ),
    );
    expect(screen.queryByText(/请稍候/)).toBeNull();
    expect(backend.inputs('legalAid.create')).toHaveLength(0);
    answer({ checked: 2, matches: [MATCH] });
    expect(
      await screen.findByText('当事人涉及其他案件：请查看利益冲突提示，并勾选“已知悉”后再保存'),
    ).toBeInTheDocument();
    expect(backend.inputs('legalAid.create')).toHaveLength(0);
  });
});
