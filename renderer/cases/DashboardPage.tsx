// 期限提醒: every kind's statutory limits in three lists — due within three days, overdue, and met late (recently) —
// the follow-ups (回访) overdue and due, and the open cases whose dossier lacks required materials. Each row opens its case.
import { Alert, Button, Space, Spin, Table, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { DONE_LATE_WINDOW_DAYS, type Dashboard, type DashboardItem } from '../../shared/cases/dashboard';
import { DUE_SOON_DAYS } from '../../shared/deadlines';
import { caseKindLabel } from '../../shared/kinds';
import { errorMessage, useApi } from '../app/apiContext';
import { formatDate } from '../app/format';
import { DueTag } from './DeadlineList';
import { IncompleteDossiers } from '../dossier/completeness';
import { FollowUpsDue } from '../followUp/FollowUpsDue';

interface Props {
  onOpen(caseId: number): void;
}

function ItemTable({
  title,
  items,
  today,
  onOpen,
  empty,
}: {
  title: string;
  items: DashboardItem[];
  today: string;
  onOpen(id: number): void;
  empty: string;
}) {
  return (
    <section className="detail-section" aria-label={title}>
      <Typography.Title level={4}>
        {title} <Tag>{items.length}</Tag>
      </Typography.Title>
      <Table<DashboardItem>
        size="small"
        pagination={items.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
        rowKey={(i) => `${i.caseId}-${i.limit}-${i.due}`}
        dataSource={items}
        locale={{ emptyText: empty }}
        onRow={(i) => ({ onClick: () => onOpen(i.caseId), style: { cursor: 'pointer' } })}
        columns={[
          { key: 'caseNumber', title: '案号', dataIndex: 'caseNumber' },
          { key: 'kind', title: '案件类型', render: (_, i) => caseKindLabel(i.kind) },
          { key: 'limit', title: '期限', dataIndex: 'limit' },
          { key: 'due', title: '届满日', render: (_, i) => `${formatDate(i.due)}${i.provisional ? '（待核）' : ''}` },
          { key: 'status', title: '状态', render: (_, i) => <DueTag row={i} today={today} /> },
          { key: 'doneOn', title: '完成日期', render: (_, i) => (i.doneOn ? formatDate(i.doneOn) : '') },
        ]}
      />
    </section>
  );
}

export function DashboardPage({ onOpen }: Props) {
  const api = useApi();
  const [dashboard, setDashboard] = useState<Dashboard | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  /** Bumped by 刷新 so that the dossier list asks again too. */
  const [loads, setLoads] = useState(0);

  const load = useCallback(() => {
    setFailure(null);
    setLoads((n) => n + 1);
    api.call('dashboard.deadlines', {}).then(setDashboard, (error: unknown) => setFailure(errorMessage(error)));
  }, [api]);
  useEffect(load, [load]);

  return (
    <div className="page dashboard-page">
      <Space align="baseline">
        <Typography.Title level={3}>期限提醒</Typography.Title>
        {dashboard && <Typography.Text type="secondary">今天是 {formatDate(dashboard.today)}</Typography.Text>}
        <Button onClick={load}>刷新</Button>
      </Space>
      {failure && <Alert className="page-alert" type="error" showIcon title={failure} />}
      {!dashboard && !failure && <Spin description="正在计算期限" />}
      {dashboard && (
        <>
          <ItemTable
            title="已逾期"
            items={dashboard.overdue}
            today={dashboard.today}
            onOpen={onOpen}
            empty="没有逾期未办的事项"
          />
          <ItemTable
            title={`${DUE_SOON_DAYS}日内到期`}
            items={dashboard.dueSoon}
            today={dashboard.today}
            onOpen={onOpen}
            empty={`${DUE_SOON_DAYS}日内没有到期的事项`}
          />
          <ItemTable
            title={`逾期完成（近${DONE_LATE_WINDOW_DAYS}日）`}
            items={dashboard.doneLate}
            today={dashboard.today}
            onOpen={onOpen}
            empty="没有逾期完成的事项"
          />
          <FollowUpsDue key={`followUps-${loads}`} onOpen={onOpen} />
          <IncompleteDossiers key={loads} onOpen={onOpen} />
        </>
      )}
    </div>
  );
}
