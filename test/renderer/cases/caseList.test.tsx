import { screen, waitFor, within } from '@testing-library/react';
import type { CaseListRow } from '../../../shared/contract';
import { fakeSession, field, legalAidCase, Refusal, renderApp, USERS } from '../support';

jest.setTimeout(30_000);

const row: CaseListRow = {
  id: 7,
  kind: 'legal_aid',
  caseNumber: '〔2026〕黎托援字第0001号',
  status: 'received',
  title: '赡养费纠纷',
  applicantName: '张秀英',
  applicantIdMasked: '110105********002X',
  receivedOn: '2026-11-20',
  receivedBy: '李娟',
};

/** An option of the open select's list (the same words may also be in the navigation). */
async function option(title: string): Promise<HTMLElement> {
  return waitFor(() => {
    const found = screen.getAllByTitle(title).find((el) => el.classList.contains('ant-select-item-option'));
    if (!found) throw new Error(`no option ${title}`);
    return found;
  });
}

describe('案件列表', () => {
  it('shows a page of cases with Chinese status and dates, and opens a case from its row', async () => {
    const { user, backend } = await renderApp('#/cases', {
      'cases.list': () => ({ total: 1, rows: [row] }),
      'legalAid.get': () => legalAidCase(),
    });
    const cells = within((await screen.findByText('张秀英')).closest('tr')!)
      .getAllByRole('cell')
      .map((c) => c.textContent);
    expect(cells).toEqual([
      '〔2026〕黎托援字第0001号',
      '张秀英',
      '110105********002X',
      '赡养费纠纷',
      '待审查',
      '2026年11月20日',
      '李娟',
    ]);
    expect(backend.inputs('cases.list')[0]).toEqual({
      kind: null,
      status: null,
      query: '',
      page: 1,
      pageSize: 20,
      sortBy: 'receivedOn',
      sortOrder: 'desc',
    });
    expect(screen.getByText('共 1 件')).toBeInTheDocument();

    await user.click(screen.getByText('赡养费纠纷'));
    expect(window.location.hash).toBe('#/cases/7');
    expect(await screen.findByRole('heading', { name: '〔2026〕黎托援字第0001号' })).toBeInTheDocument();
  });

  it('searches as the clerk types, once they pause, and at once on Enter', async () => {
    const { user, backend } = await renderApp('#/cases', {
      'cases.list': ({ query }) => ({ total: query ? 1 : 0, rows: query ? [row] : [] }),
    });
    const search = await screen.findByPlaceholderText('搜索姓名、案号、身份证号或案情');
    await user.type(search, '秀英');
    await waitFor(() => expect(backend.inputs('cases.list').at(-1)).toMatchObject({ query: '秀英', page: 1 }));
    // One search for the pause, not one per character.
    expect(backend.inputs('cases.list').filter((q) => q.query)).toHaveLength(1);
    expect(await screen.findByText('张秀英')).toBeInTheDocument();

    await user.clear(search);
    await user.type(search, '0001{Enter}');
    expect(backend.inputs('cases.list').at(-1)).toMatchObject({ query: '0001' });
  });

  it('filters by status and kind, sorts by a column, and pages', async () => {
    const rows = Array.from({ length: 20 }, (_, i) => ({ ...row, id: i + 1, applicantName: `申请人${i + 1}` }));
    const { user, backend } = await renderApp('#/cases', { 'cases.list': () => ({ total: 45, rows }) });
    await screen.findByText('申请人1');
    const last = () => backend.inputs('cases.list').at(-1);

    await user.click(screen.getByLabelText('状态'));
    await user.click(await option('已指派'));
    await waitFor(() => expect(last()).toMatchObject({ status: 'assigned', page: 1 }));

    await user.click(screen.getByLabelText('案件类型'));
    await user.click(await option('法律援助'));
    await waitFor(() => expect(last()).toMatchObject({ kind: 'legal_aid', status: 'assigned' }));

    await user.click(screen.getByRole('columnheader', { name: /案号/ }));
    await waitFor(() => expect(last()).toMatchObject({ sortBy: 'caseNumber', sortOrder: 'asc' }));

    await user.click(screen.getByTitle('3'));
    await waitFor(() => expect(last()).toMatchObject({ page: 3, sortBy: 'caseNumber', status: 'assigned' }));
  });

  it("labels each row's status in its own kind, and offers the statuses of the kind chosen", async () => {
    const notarization: CaseListRow = {
      ...row,
      id: 8,
      kind: 'notarization',
      caseNumber: '〔2026〕黎托公字第0001号',
      applicantName: '李四',
      status: 'forwarded',
    };
    const { user, backend } = await renderApp('#/cases', {
      'cases.list': () => ({ total: 2, rows: [row, notarization] }),
    });
    const cells = (name: string) =>
      within(screen.getByText(name).closest('tr')!)
        .getAllByRole('cell')
        .map((c) => c.textContent);
    expect((await screen.findByText('李四')) && cells('李四')[4]).toBe('已转递待受理');
    expect(cells('张秀英')[4]).toBe('待审查');
    // Every kind opens: its case number leads to its case page.
    expect(screen.getByText('〔2026〕黎托公字第0001号').closest('a')).toHaveAttribute('href', '#/cases/8');

    await user.click(screen.getByLabelText('状态'));
    await user.click(await option('已指派'));
    await waitFor(() => expect(backend.inputs('cases.list').at(-1)).toMatchObject({ status: 'assigned' }));
    await user.click(screen.getByLabelText('案件类型'));
    await user.click(await option('公证申请'));
    await waitFor(() =>
      expect(backend.inputs('cases.list').at(-1)).toMatchObject({ kind: 'notarization', status: null }),
    );
    await user.click(screen.getByLabelText('状态'));
    expect(await option('已转递待受理')).toBeInTheDocument();
  });

  it('says why when the list cannot be read', async () => {
    await renderApp('#/cases', {
      'cases.list': () => new Refusal({ code: 'DATA_FILE', message: '数据文件来自更新版本的程序，无法打开' }),
    });
    expect(await screen.findByText('数据文件来自更新版本的程序，无法打开')).toBeInTheDocument();
  });
});

describe('登录后的案件列表', () => {
  it('asks for the first page as the sign-in answers, before the pages are drawn, and only once', async () => {
    const session = fakeSession({ accounts: [{ user: USERS.clerk, password: 'Lijuan2026' }] });
    /** Whether the pages (their header) were on screen when the list was asked for. */
    const shellDrawnAtCall: boolean[] = [];
    const { user, backend } = await renderApp('#/cases', {
      ...session.replies,
      'cases.list': () => {
        shellDrawnAtCall.push(document.querySelector('[data-testid="current-user"]') !== null);
        return { total: 1, rows: [row] };
      },
      'dossier.completeness': ({ caseIds }) =>
        caseIds.map((caseId) => ({ caseId, missingCount: 0, missing: [], ruleSetVersion: 1 })),
    });
    expect(await screen.findByRole('heading', { name: '登录' })).toBeInTheDocument();
    await user.type(field('用户名'), 'lijuan');
    await user.type(field('密码'), 'Lijuan2026{Enter}');
    expect(await screen.findByText('张秀英')).toBeInTheDocument();
    expect(screen.getByText('卷宗齐全')).toBeInTheDocument();
    expect(shellDrawnAtCall).toEqual([false]);
    expect(backend.inputs('dossier.completeness')).toEqual([{ caseIds: [7] }]);
  });

  it('reads the list again when the clerk comes back to it, and not at all when the address names another page', async () => {
    const { user, backend } = await renderApp('#/dashboard', {
      'cases.list': () => ({ total: 1, rows: [row] }),
      'dashboard.deadlines': () => ({ today: '2026-11-22', dueSoon: [], overdue: [], doneLate: [] }),
      'dossier.incomplete': () => ({ total: 0, cases: [] }),
    });
    const nav = () => within(screen.getByRole('navigation', { name: '主导航' }));
    expect(await screen.findByTestId('current-user')).toBeInTheDocument();
    expect(backend.inputs('cases.list')).toEqual([]);
    await user.click(nav().getByText('案件列表'));
    expect(await screen.findByText('张秀英')).toBeInTheDocument();
    expect(backend.inputs('cases.list')).toHaveLength(1);

    await user.click(nav().getByText('期限提醒'));
    expect(await screen.findByText('没有逾期未办的事项')).toBeInTheDocument();
    await user.click(nav().getByText('案件列表'));
    expect(await screen.findByText('张秀英')).toBeInTheDocument();
    expect(backend.inputs('cases.list')).toHaveLength(2);
  });
});

describe('案件详情', () => {
  it('shows every field under its printed label, dates in Chinese and money in yuan', async () => {
    const { backend } = await renderApp('#/cases/7', { 'legalAid.get': () => legalAidCase() });
    expect(await screen.findByRole('heading', { name: '〔2026〕黎托援字第0001号' })).toBeInTheDocument();
    expect(backend.inputs('legalAid.get')).toEqual([{ id: 7 }]);
    const value = (label: string) =>
      screen.getByText(label, { selector: 'th, th *' }).closest('th')!.nextElementSibling!.textContent;
    expect(value('申请人姓名')).toBe('张秀英');
    expect(value('出生日期')).toBe('1949年12月31日');
    expect(value('公民身份号码')).toBe('11010519491231002X');
    expect(value('申请人类别')).toBe('老年人、妇女');
    expect(value('对方当事人姓名（名称）')).toBe('张建国');
    expect(value('家庭月人均收入')).toBe('850.50 元');
    expect(value('家庭人口数')).toBe('1 人');
    expect(value('申请日期')).toBe('2026年11月20日');
    expect(value('受理人')).toBe('李娟');
    expect(screen.getByText('待审查')).toBeInTheDocument();
  });

  it('says so when the case does not exist', async () => {
    await renderApp('#/cases/99', {
      'legalAid.get': () => new Refusal({ code: 'NOT_FOUND', field: 'id', message: '案件不存在' }),
    });
    expect(await screen.findByText('案件不存在')).toBeInTheDocument();
  });
});

describe('导航', () => {
  it('shows the office in the header and every kind of case in the navigation', async () => {
    const { user } = await renderApp('#/cases', {
      'mediation.disputeTypes': () => [],
      'notarization.matters': () => [],
    });
    expect(await screen.findByTestId('office-name')).toHaveTextContent('黎托街道司法所');
    const nav = screen.getByRole('navigation', { name: '主导航' });
    expect(within(nav).queryByText('建设中')).toBeNull();
    await user.click(within(nav).getByText('登记调解'));
    expect(await screen.findByRole('heading', { name: '人民调解受理登记表' })).toBeInTheDocument();
    await user.click(within(nav).getByText('登记公证申请'));
    expect(await screen.findByRole('heading', { name: '公证申请表' })).toBeInTheDocument();
    await user.click(within(nav).getByText('登记申请'));
    expect(await screen.findByRole('heading', { name: '法律援助申请表' })).toBeInTheDocument();
  });
});
