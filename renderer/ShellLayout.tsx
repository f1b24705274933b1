// The frame of the signed-in user's pages: the header (office, who is signed in, their menu) and the side navigation
// with what their role may use, around the page. Apart from the shell's routing (renderer/Shell.tsx) so that the
// shell's rehearsal (renderer/shellRehearsal.tsx) draws the same frame.
import { Button, Dropdown, Layout, Menu, Space, Tag, Typography, type MenuProps } from 'antd';
import { Suspense, type ReactNode } from 'react';
import type { SessionUser } from '../shared/accounts';
import type { InstallationMode } from '../shared/exchange/types';
import { ALL_KINDS } from '../shared/kinds';
import type { Office } from '../shared/office';
import { ROLE_LABELS } from '../shared/roles';
import { mayOpen } from './app/currentUser';
import { PageLoading } from './app/lazyPage';
import { KIND_ROUTES, navigate, type Route } from './app/route';

type MenuItems = NonNullable<MenuProps['items']>;

/** A kind's group in the navigation: its pages this role may open (the group is left out when there are none). */
function kindGroup(user: SessionUser, kind: (typeof ALL_KINDS)[number]): MenuItems {
  const items = KIND_ROUTES[kind.kind]
    .filter((r) => mayOpen(user, r.page))
    .map((r) => ({ key: r.page, label: r.label }));
  return items.length ? [{ type: 'group' as const, key: kind.key, label: kind.label, children: items }] : [];
}

export function navigationFor(user: SessionUser, mode: InstallationMode = 'office'): MenuItems {
  const may = (page: Route['page']) => mayOpen(user, page);
  // 案卷评查 is the bureau's; a 评查员 scores and reads there, nothing else.
  const evaluation: MenuItems =
    mode === 'bureau'
      ? [
          {
            type: 'group',
            key: 'evaluation',
            label: '案卷评查',
            children: [
              { key: 'evaluationRounds', label: '评查活动' },
              { key: 'evaluationSheets', label: '评查表' },
            ],
          },
        ]
      : [];
  if (user.role === 'evaluator') return evaluation;
  const system = [
    ...(may('users') ? [{ key: 'users', label: '用户管理' }] : []),
    ...(may('audit') ? [{ key: 'audit', label: '审计日志' }] : []),
    ...(may('backup') ? [{ key: 'backup', label: '数据备份' }] : []),
    { key: 'settings', label: '司法所设置' },
    { key: 'holidays', label: '节假日安排' },
    ...(may('ledgerImport') ? [{ key: 'ledgerImport', label: '导入台账' }] : []),
  ];
  // The exchange with the county bureau: an office reports; the bureau (县局模式) registers and imports.
  const exchange =
    mode === 'bureau'
      ? [
          { key: 'bureauOffices', label: '机构管理' },
          { key: 'bureauImport', label: '导入数据包' },
          { key: 'bureauConflicts', label: '待核冲突' },
        ]
      : [
          { key: 'exchange', label: '数据报送' },
          ...(may('officeEvaluation') ? [{ key: 'officeEvaluation', label: '案卷评查' }] : []),
        ];
  return [
    { key: 'cases', label: '案件列表' },
    { key: 'dashboard', label: '期限提醒' },
    { key: 'statistics', label: '统计报表' },
    ...ALL_KINDS.flatMap((kind) => kindGroup(user, kind)),
    { type: 'group', key: 'interference', label: '防止干预司法', children: [{ key: 'statements', label: '月度报告' }] },
    { type: 'group', key: 'exchange', label: mode === 'bureau' ? '县局汇总' : '向县局报送', children: exchange },
    ...evaluation,
    { type: 'divider' },
    { type: 'group', key: 'system', label: '系统', children: system },
  ];
}

/** The route a menu entry opens: its page (a kind's intake form opens empty). */
const menuRoute = (key: string): Route => ({ page: key }) as Route;

interface LayoutProps {
  user: SessionUser;
  office: Office | null;
  navigation: MenuItems;
  /** The navigation's entry of the page shown. */
  selectedKey: string;
  userMenu: MenuProps;
  /** The page. */
  children: ReactNode;
}

/** The header (office, who is signed in, their menu), the side navigation and the page under them. */
export function ShellLayout({ user, office, navigation, selectedKey, userMenu, children }: LayoutProps) {
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header
        className="app-header"
        style={{
          display: 'flex',
          alignItems: 'center',
          gap: 16,
          background: '#fff',
          borderBottom: '1px solid #f0f0f0',
        }}
      >
        <Typography.Text strong style={{ fontSize: 18 }}>
          司法所案件台账
        </Typography.Text>
        <Typography.Text className="office-name" data-testid="office-name">
          {office?.name ?? ''}
        </Typography.Text>
        <Space style={{ marginInlineStart: 'auto' }}>
          <Dropdown menu={userMenu} trigger={['click']}>
            <Button
              type="text"
              data-testid="current-user"
              aria-label={`当前用户：${user.displayName}（${ROLE_LABELS[user.role]}）`}
            >
              {user.displayName}
              <Tag style={{ marginInlineStart: 8 }}>{ROLE_LABELS[user.role]}</Tag>
            </Button>
          </Dropdown>
        </Space>
      </Layout.Header>
      <Layout>
        <Layout.Sider width={200} theme="light" style={{ borderRight: '1px solid #f0f0f0' }}>
          <nav aria-label="主导航">
            <Menu
              mode="inline"
              items={navigation}
              selectedKeys={[selectedKey]}
              onClick={({ key }) => {
                navigate(menuRoute(key));
              }}
            />
          </nav>
        </Layout.Sider>
        <Layout.Content style={{ padding: 24, background: '#fff' }}>
          <main>
            <Suspense fallback={<PageLoading />}>{children}</Suspense>
          </main>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
