import { screen, within } from '@testing-library/react';
import type { IncompleteDossiers } from '../../../shared/contract';
import type { Dashboard, DashboardItem } from '../../../shared/cases/dashboard';
import { legalAidCase, renderApp, USERS } from '../support';

jest.setTimeout(30_000);

const item = (overrides: Partial<DashboardItem>): DashboardItem => ({
  caseId: 7,
  kind: 'legal_aid',
  caseNumber: '〔2026〕黎托援字第0001号',
  limit: '法律援助审查决定',
  due: '2026-11-24',
  doneOn: null,
  status: 'dueSoon',
  provisional: false,
  paused: false,
  ...overrides,
});

const DASHBOARD: Dashboard = {
  today: '2026-11-22',
  dueSoon: [item({})],
  overdue: [
    item({
      caseId: 8,
      kind: 'mediation',
      caseNumber: '〔2026〕黎托调字第0003号',
      limit: '调解期限',
      due: '2026-11-19',
      status: 'overdue',
    }),
  ],
  doneLate: [
    item({
      caseId: 9,
      kind: 'notarization',
      caseNumber: '〔2026〕黎托公字第0002号',
      limit: '出具公证书',
      due: '2026-11-10',
      doneOn: '2026-11-11',
      status: 'doneLate',
    }),
  ],
};

const INCOMPLETE: IncompleteDossiers = {
  total: 1,
  cases: [
    {
      caseId: 8,
      kind: 'mediation',
      caseNumber: '〔2026〕黎托调字第0003号',
      status: 'mediating',
      missingCount: 2,
      missing: ['调解笔录', '调查笔录'],
      ruleSetVersion: 1,
    },
  ],
};

describe('期限提醒', () => {
  it('lists what is overdue, due within three days and done late, over every kind, and opens a case from its row', async () => {
    const replies = {
      'dashboard.deadlines': () => DASHBOARD,
      'dossier.incomplete': () => INCOMPLETE,
      'legalAid.get': () => legalAidCase(),
    };
    const { user, backend } = await renderApp('#/cases', replies, { as: USERS.clerk });
    await user.click(within(await screen.findByRole('navigation', { name: '主导航' })).getByText('期限提醒'));
    expect(window.location.hash).toBe('#/dashboard');
    expect(await screen.findByText('今天是 2026年11月22日')).toBeInTheDocument();
    expect(backend.inputs('dashboard.deadlines')).toEqual([{}]);

    const row = (section: string, text: string) =>
      within(screen.getByRole('region', { name: section }))
        .getByText(text)
        .closest('tr')!;
    expect(row('已逾期', '〔2026〕黎托调字第0003号')).toHaveTextContent('人民调解调解期限2026年11月19日逾期3日');
    expect(row('3日内到期', '〔2026〕黎托援字第0001号')).toHaveTextContent(
      '法律援助法律援助审查决定2026年11月24日剩余2日',
    );
    expect(row('逾期完成（近90日）', '〔2026〕黎托公字第0002号')).toHaveTextContent(
      '逾期完成（逾期1日）2026年11月11日',
    );
    const dossiers = (await screen.findByText('卷宗材料不全（1件）')).closest('.incomplete-dossiers') as HTMLElement;
    expect(within(dossiers).getByText('〔2026〕黎托调字第0003号').closest('tr')).toHaveTextContent(
      '2项：调解笔录、调查笔录',
    );

    await user.click(row('3日内到期', '〔2026〕黎托援字第0001号'));
    expect(window.location.hash).toBe('#/cases/7');
    expect(await screen.findByRole('heading', { name: '〔2026〕黎托援字第0001号' })).toBeInTheDocument();
  });

  it('says when nothing is due', async () => {
    await renderApp('#/dashboard', {
      'dashboard.deadlines': () => ({ today: '2026-11-22', dueSoon: [], overdue: [], doneLate: [] }),
      'dossier.incomplete': () => ({ total: 0, cases: [] }),
    });
    expect(await screen.findByText('没有逾期未办的事项')).toBeInTheDocument();
    expect(await screen.findByText('在办案件的卷宗材料都已齐全')).toBeInTheDocument();
    expect(screen.getByText('3日内没有到期的事项')).toBeInTheDocument();
  });
});
