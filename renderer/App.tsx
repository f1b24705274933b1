// The app shell: Chinese locale, first-run office setup, the side navigation and the pages it leads to.
import { App as AntApp, Button, ConfigProvider, Descriptions, Layout, Menu, Result, Spin, Tag, Typography, type MenuProps } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { useCallback, useEffect, useState } from 'react';
import type { AppInfo } from '../shared/contract';
import type { Office } from '../shared/office';
import type { Api } from './api';
import { ApiProvider, errorMessage, useApi } from './app/apiContext';
import { navigate, useRoute, type Route } from './app/route';
import { CaseDetailPage } from './pages/CaseDetailPage';
import { CaseListPage, INITIAL_CASE_QUERY, type CaseListQuery } from './pages/CaseListPage';
import { DraftsPage } from './pages/DraftsPage';
import { LegalAidIntakePage, type Created } from './pages/LegalAidIntakePage';
import { OfficeSetupForm } from './pages/OfficeSetupForm';
import { UnderConstructionPage } from './pages/UnderConstructionPage';

dayjs.locale('zh-cn');

const BUILDING = <Tag style={{ marginInlineStart: 8 }}>建设中</Tag>;
const MENU: MenuProps['items'] = [
  { key: 'cases', label: '案件列表' },
  {
    type: 'group',
    key: 'legal-aid',
    label: '法律援助',
    children: [
      { key: 'intake', label: '登记申请' },
      { key: 'drafts', label: '草稿' },
    ],
  },
  { key: 'mediation', label: <span>人民调解{BUILDING}</span> },
  { key: 'notarization', label: <span>公证申请{BUILDING}</span> },
  { type: 'divider' },
  { key: 'settings', label: '司法所设置' },
];
const MENU_ROUTES: Record<string, Route> = {
  cases: { page: 'cases' },
  intake: { page: 'intake', draftId: null },
  drafts: { page: 'drafts' },
  mediation: { page: 'mediation' },
  notarization: { page: 'notarization' },
  settings: { page: 'settings' },
};
const menuKey = (route: Route) => (route.page === 'case' ? 'cases' : route.page);

export function App({ api }: { api: Api }) {
  return (
    <ConfigProvider locale={zhCN} button={{ autoInsertSpace: false }} theme={{ token: { fontSize: 15 } }}>
      <AntApp>
        <ApiProvider api={api}>
          <OfficeGate />
        </ApiProvider>
      </AntApp>
    </ConfigProvider>
  );
}

/** Nothing can be registered before the office is set up (the case number needs it): ask for it first. */
function OfficeGate() {
  const api = useApi();
  const [office, setOffice] = useState<Office | null | undefined>(undefined);
  const [failure, setFailure] = useState<string | null>(null);

  const load = useCallback(() => {
    setFailure(null);
    api.call('office.get', {}).then(setOffice, (error: unknown) => setFailure(errorMessage(error)));
  }, [api]);
  useEffect(load, [load]);

  if (failure) {
    return <Result status="error" title="无法读取数据" subTitle={failure} extra={<Button onClick={load}>重试</Button>} />;
  }
  if (office === undefined) return <Spin fullscreen description="正在打开" />;
  if (office === null) {
    return (
      <div className="first-run" style={{ maxWidth: 640, margin: '48px auto', padding: '0 24px' }}>
        <Typography.Title level={2}>司法所设置</Typography.Title>
        <Typography.Paragraph>首次使用，请填写本所信息。案号将使用这里的案号代字，如〔2026〕黎托援字第0001号。</Typography.Paragraph>
        <OfficeSetupForm office={null} onSaved={setOffice} />
      </div>
    );
  }
  return <Shell office={office} onOfficeChange={setOffice} />;
}

function Shell({ office, onOfficeChange }: { office: Office; onOfficeChange(office: Office): void }) {
  const route = useRoute();
  const { message } = AntApp.useApp();
  const [caseQuery, setCaseQuery] = useState<CaseListQuery>(INITIAL_CASE_QUERY);
  const [registered, setRegistered] = useState<Created | null>(null);

  const onCreated = (created: Created) => {
    setRegistered(created);
    navigate({ page: 'case', id: created.id });
  };

  let page: React.ReactNode;
  switch (route.page) {
    case 'cases':
      page = <CaseListPage query={caseQuery} onQueryChange={setCaseQuery} onOpen={(id) => navigate({ page: 'case', id })} />;
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
    case 'intake':
      page = <LegalAidIntakePage key={route.draftId ?? 'new'} draftId={route.draftId} onCreated={onCreated} />;
      break;
    case 'drafts':
      page = <DraftsPage onResume={(draft) => navigate({ page: 'intake', draftId: draft.id })} />;
      break;
    case 'mediation':
      page = <UnderConstructionPage title="人民调解" />;
      break;
    case 'notarization':
      page = <UnderConstructionPage title="公证申请" />;
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
  }

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header className="app-header" style={{ display: 'flex', alignItems: 'center', gap: 16, background: '#fff', borderBottom: '1px solid #f0f0f0' }}>
        <Typography.Text strong style={{ fontSize: 18 }}>
          司法所案件台账
        </Typography.Text>
        <Typography.Text className="office-name" data-testid="office-name">
          {office.name}
        </Typography.Text>
      </Layout.Header>
      <Layout>
        <Layout.Sider width={200} theme="light" style={{ borderRight: '1px solid #f0f0f0' }}>
          <nav aria-label="主导航">
            <Menu
              mode="inline"
              items={MENU}
              selectedKeys={[menuKey(route)]}
              onClick={({ key }) => {
                const to = MENU_ROUTES[key];
                if (to) navigate(to);
              }}
            />
          </nav>
        </Layout.Sider>
        <Layout.Content style={{ padding: 24, background: '#fff' }}>
          <main>{page}</main>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}

function SettingsPage({ office, onSaved }: { office: Office; onSaved(office: Office): void }) {
  const api = useApi();
  const [info, setInfo] = useState<AppInfo | null>(null);
  useEffect(() => {
    api.call('app.info', {}).then(setInfo, () => setInfo(null));
  }, [api]);
  return (
    <div className="page">
      <Typography.Title level={3}>司法所设置</Typography.Title>
      <OfficeSetupForm office={office} onSaved={onSaved} />
      {info && (
        <Descriptions
          className="detail-section"
          title="关于本程序"
          size="small"
          column={1}
          style={{ marginTop: 32, maxWidth: 720 }}
          items={[
            { key: 'version', label: '版本', children: info.version },
            { key: 'file', label: '数据文件', children: info.dataFile },
            { key: 'office', label: '本所编码', children: office.officeCode },
          ]}
        />
      )}
    </div>
  );
}
