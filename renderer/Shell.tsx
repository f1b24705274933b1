// The app of one signed-in user: the header (office, who is signed in, their menu), the side navigation with what
// their role may use, and the page of the route.
import { App as AntApp, Result, Typography, type MenuProps } from 'antd';
import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { SessionUser } from '../shared/accounts';
import type { BackupInfo } from '../shared/contract';
import type { Office } from '../shared/office';
import { ROLE_LABELS } from '../shared/roles';
import { CurrentUserProvider, mayOpen, userMay } from './app/currentUser';
import type { Created } from './app/kindPages';
import { KIND_ROUTES, navigate, useRoute, type Route } from './app/route';
import { kindPagesOf } from './kinds';
import { lazyPage, preloadEveryPage } from './app/lazyPage';
import { whenIdle } from './app/whenIdle';
import { ALL_KINDS } from '../shared/kinds';
import { useInstallationMode } from './exchange/useExchangeStatus';
import { useApi } from './app/apiContext';
import { CaseListPage, INITIAL_CASE_QUERY, readFirstCaseListPage, type CaseListQuery } from './cases/CaseListPage';
import { ChangePasswordForm } from './session/ChangePasswordForm';
import { navigationFor, ShellLayout } from './ShellLayout';
import { endShellRehearsal, forgoShellRehearsal, scheduleShellRehearsal } from './shellRehearsal';

// Every page but the case list (the first page after signing in) is a chunk of its own, read when first opened.
const BackupPage = lazyPage(() => import('./pages/BackupPage'), 'BackupPage');
const BureauConflictsPage = lazyPage(() => import('./exchange/BureauPages'), 'BureauConflictsPage');
const BureauImportPage = lazyPage(() => import('./exchange/BureauPages'), 'BureauImportPage');
const BureauOfficesPage = lazyPage(() => import('./exchange/BureauPages'), 'BureauOfficesPage');
const ExchangePage = lazyPage(() => import('./exchange/ExchangePage'), 'ExchangePage');
const CaseDetailPage = lazyPage(() => import('./cases/CaseDetailPage'), 'CaseDetailPage');
const DashboardPage = lazyPage(() => import('./cases/DashboardPage'), 'DashboardPage');
const DraftsPage = lazyPage(() => import('./cases/DraftsPage'), 'DraftsPage');
const AuditLogPage = lazyPage(() => import('./pages/AuditLogPage'), 'AuditLogPage');
const OfficeSetupForm = lazyPage(() => import('./pages/OfficeSetupForm'), 'OfficeSetupForm');
const HolidaysPage = lazyPage(() => import('./pages/HolidaysPage'), 'HolidaysPage');
const SettingsPage = lazyPage(() => import('./pages/SettingsPage'), 'SettingsPage');
const StatementsPage = lazyPage(() => import('./interference/StatementsPage'), 'StatementsPage');
const StatisticsPage = lazyPage(() => import('./statistics/StatisticsPage'), 'StatisticsPage');
const UsersPage = lazyPage(() => import('./pages/UsersPage'), 'UsersPage');
const LedgerImportPage = lazyPage(() => import('./ledger/LedgerImportPage'), 'LedgerImportPage');
const OfficeEvaluationPage = lazyPage(() => import('./evaluation/OfficeEvaluationPage'), 'OfficeEvaluationPage');
const RoundPage = lazyPage(() => import('./evaluation/RoundPage'), 'RoundPage');
const RoundsPage = lazyPage(() => import('./evaluation/RoundsPage'), 'RoundsPage');
const SheetsPage = lazyPage(() => import('./evaluation/SheetsPage'), 'SheetsPage');

// This chunk is read while the sign-in form is shown: the case list is rehearsed meanwhile (renderer/shellRehearsal.tsx).
scheduleShellRehearsal();

const EVALUATION_PAGES: readonly Route['page'][] = [
  'evaluationRounds',
  'evaluationRound',
  'evaluationSheets',
  'password',
];

const menuKey = (route: Route) =>
  route.page === 'case' ? 'cases' : route.page === 'evaluationRound' ? 'evaluationRounds' : route.page;

/** A page of a kind's own, from the kind's module (renderer/kinds.tsx). */
function kindPage(route: Route, onCreated: (created: Created) => void): ReactNode {
  const kind = ALL_KINDS.find((k) => KIND_ROUTES[k.kind].some((r) => r.page === route.page));
  const render = kind && kindPagesOf(kind.kind).pages[route.page];
  return render?.({ draftId: 'draftId' in route ? (route.draftId ?? null) : null, onCreated }) ?? null;
}

interface Props {
  user: SessionUser;
  office: Office | null;
  onOfficeChange(office: Office): void;
  onLock(): void;
  onSignOut(): void;
}

/**
 * The pages under antd's message, notification and modal holders (`App.useApp()`), which only the pages use: they
 * come with the pages' chunk, not with the window's first one.
 */
export function Shell(props: Props) {
  return (
    <AntApp>
      <ShellPages {...props} />
    </AntApp>
  );
}

/** Whether the shell opens on the case list (the first page after signing in, unless the address names another). */
const opensOnCaseList = (user: SessionUser, office: Office | null, route: Route) =>
  route.page === 'cases' && office !== null && user.role !== 'evaluator' && userMay(user, 'cases.list');

function ShellPages({ user, office, onOfficeChange, onLock, onSignOut }: Props) {
  const api = useApi();
  const route = useRoute();
  const { message } = AntApp.useApp();
  const [caseQuery, setCaseQuery] = useState<CaseListQuery>(INITIAL_CASE_QUERY);
  // The case list's first page is asked for as the shell starts to render, not by the list's effect once the shell is
  // drawn: its rows are read while the header, the navigation and the list's filters are drawn.
  const [firstCases] = useState(() => {
    forgoShellRehearsal();
    return opensOnCaseList(user, office, route) ? readFirstCaseListPage(api) : null;
  });
  const [registered, setRegistered] = useState<Created | null>(null);
  /** A restore was staged: until the app restarts, nothing more should be entered (it would be replaced). */
  const [restoreStaged, setRestoreStaged] = useState<BackupInfo | null>(null);
  const exchangeMode = useInstallationMode();

  // What the clerk opens next from the case list is read while they look at it, then every other page when idle:
  // once the first page is on screen, not before (reading and running the chunks held up the case list's first
  // rows), or at once when the first page is another (or the clerk moved on before the list came).
  // Started once, not as the shell's state: setting it rendered the shell (its menu) again right after the rows.
  const preloads = useRef<{ stop(): void } | null>(null);
  const startPreloading = useCallback(() => {
    if (preloads.current) return;
    endShellRehearsal();
    // When the window is next idle: the rows are painted first (a chunk run at once held up the frame's next task).
    const cancel = whenIdle(() => {
      for (const read of [CaseDetailPage.preload, ...ALL_KINDS.map((k) => kindPagesOf(k.kind).preloadCasePage)])
        read().catch(() => {}); // a failure shows when the page is opened
    });
    const stopEvery = preloadEveryPage();
    preloads.current = {
      stop: () => {
        cancel();
        stopEvery();
      },
    };
  }, []);
  useEffect(() => {
    if (route.page !== 'cases') startPreloading();
  }, [route.page, startPreloading]);
  useEffect(
    () => () => {
      preloads.current?.stop();
      preloads.current = null;
    },
    [],
  );
  const openCase = useCallback((id: number) => navigate({ page: 'case', id }), []);
  const navigation = useMemo(() => navigationFor(user, exchangeMode), [user, exchangeMode]);

  // The menu's 备份… and 导出到县司法局… (Electron only) open the backup page and the exchange page (at the bureau,
  // its import page).
  useEffect(
    () =>
      window.casedesk?.onMenu?.((command) => {
        if (command === 'backup') navigate({ page: 'backup' });
        if (command === 'export') navigate({ page: exchangeMode === 'bureau' ? 'bureauImport' : 'exchange' });
      }),
    [exchangeMode],
  );

  const onCreated = (created: Created) => {
    setRegistered(created);
    navigate({ page: 'case', id: created.id });
  };

  let page: ReactNode;
  if (restoreStaged) {
    page = (
      <Result
        status="success"
        title="备份已核对，重新启动后恢复"
        subTitle={`将恢复的备份：${restoreStaged.file}`}
        extra={
          <Typography.Paragraph>
            请退出本程序（文件 →
            退出）并重新打开，恢复才会生效。在此之前录入的内容将被备份中的数据替换，请不要继续录入。
          </Typography.Paragraph>
        }
      />
    );
  } else if (!office) {
    // Accounts made from the command line before the office was set up.
    page = userMay(user, 'office.setup') ? (
      <div className="page">
        <Typography.Title level={3}>司法所设置</Typography.Title>
        <Typography.Paragraph>
          请先填写本所信息。案号将使用这里的案号代字，如〔2026〕黎托援字第0001号。
        </Typography.Paragraph>
        <OfficeSetupForm office={null} onSaved={onOfficeChange} />
      </div>
    ) : (
      <Result status="info" title="尚未完成司法所设置" subTitle="请管理员登录后完成司法所设置。" />
    );
  } else if (user.role === 'evaluator' && !EVALUATION_PAGES.includes(route.page)) {
    // A 评查员 scores and reads the sampled dossiers, nothing else: any other address opens the rounds.
    page = <RoundsPage />;
  } else if (!mayOpen(user, route.page)) {
    page = (
      <Result status="403" title="无权使用此功能" subTitle={`当前角色（${ROLE_LABELS[user.role]}）不能使用此功能。`} />
    );
  } else {
    switch (route.page) {
      case 'dashboard':
        page = <DashboardPage onOpen={(id) => navigate({ page: 'case', id })} />;
        break;
      case 'cases':
        page = (
          <CaseListPage
            query={caseQuery}
            onQueryChange={setCaseQuery}
            onOpen={openCase}
            onShown={startPreloading}
            firstPage={firstCases}
          />
        );
        break;
      case 'case':
        page = (
          <CaseDetailPage
            key={route.id}
            id={route.id}
            justRegistered={registered?.id === route.id ? registered.caseNumber : null}
            onBack={() => navigate({ page: 'cases' })}
          />
        );
        break;
      case 'drafts':
        page = <DraftsPage onResume={navigate} />;
        break;
      case 'statements':
        page = <StatementsPage />;
        break;
      case 'statistics':
        page = <StatisticsPage />;
        break;
      case 'users':
        page = <UsersPage />;
        break;
      case 'audit':
        page = <AuditLogPage />;
        break;
      case 'exchange':
        page = <ExchangePage />;
        break;
      case 'officeEvaluation':
        page = <OfficeEvaluationPage />;
        break;
      case 'bureauOffices':
        page = <BureauOfficesPage />;
        break;
      case 'bureauImport':
        page = <BureauImportPage />;
        break;
      case 'bureauConflicts':
        page = <BureauConflictsPage />;
        break;
      case 'backup':
        page = <BackupPage onRestoreStaged={setRestoreStaged} />;
        break;
      case 'password':
        page = (
          <div className="page">
            <Typography.Title level={3}>修改密码</Typography.Title>
            <ChangePasswordForm
              onChanged={() => {
                message.success('密码已修改');
                navigate({ page: 'cases' });
              }}
            />
          </div>
        );
        break;
      case 'holidays':
        page = <HolidaysPage />;
        break;
      case 'ledgerImport':
        page = <LedgerImportPage />;
        break;
      case 'evaluationSheets':
        page = <SheetsPage />;
        break;
      case 'evaluationRounds':
        page = <RoundsPage />;
        break;
      case 'evaluationRound':
        page = <RoundPage key={route.id} id={route.id} />;
        break;
      case 'settings':
        page = (
          <SettingsPage
            office={office}
            onSaved={(saved) => {
              onOfficeChange(saved);
              message.success('司法所设置已保存');
            }}
          />
        );
        break;
      default:
        page = kindPage(route, onCreated);
    }
  }

  const userMenu: MenuProps = {
    items: [
      { key: 'password', label: '修改密码' },
      { key: 'lock', label: '锁定' },
      { type: 'divider' },
      { key: 'signOut', label: '退出登录' },
    ],
    onClick: ({ key }) => {
      if (key === 'password') navigate({ page: 'password' });
      else if (key === 'lock') onLock();
      else if (key === 'signOut') onSignOut();
    },
  };

  return (
    <CurrentUserProvider user={user}>
      <ShellLayout user={user} office={office} navigation={navigation} selectedKey={menuKey(route)} userMenu={userMenu}>
        {page}
      </ShellLayout>
    </CurrentUserProvider>
  );
}
