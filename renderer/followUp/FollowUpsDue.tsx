// 期限提醒's 回访 lists: the follow-ups the county's rules call for that are overdue, and those still due, each row
// opening its case. Asked again whenever the page is refreshed (its `key`).
import { Alert, Table, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { FollowUpDashboard, FollowUpDashboardItem } from '../../shared/channels/followUp';
import { caseKindLabel } from '../../shared/kinds';
import { errorMessage, useApi } from '../app/apiContext';
import { formatDate } from '../app/format';

function DueTable({
  title,
  items,
  onOpen,
  empty,
}: {
  title: string;
  items: FollowUpDashboardItem[];
  onOpen(id: number): void;
  empty: string;
}) {
  return (
    <section className="detail-section" aria-label={title}>
      <Typography.Title level={4}>
        {title} <Tag>{items.length}</Tag>
      </Typography.Title>
      <Table<FollowUpDashboardItem>
        size="small"
        pagination={items.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
        rowKey={(i) => `${i.caseId}-${i.after}`}
        dataSource={items}
        locale={{ emptyText: empty }}
        onRow={(i) => ({ onClick: () => onOpen(i.caseId), style: { cursor: 'pointer' } })}
        columns={[
          { key: 'caseNumber', title: '案号', dataIndex: 'caseNumber' },
          { key: 'kind', title: '案件类型', render: (_, i) => caseKindLabel(i.kind) },
          { key: 'label', title: '回访要求', dataIndex: 'label' },
          { key: 'from', title: '起算日', render: (_, i) => formatDate(i.from) },
          { key: 'due', title: '应回访日期', render: (_, i) => `${formatDate(i.due)}前` },
          { key: 'done', title: '已回访', render: (_, i) => `${i.done}/${i.required}次` },
          {
            key: 'status',
            title: '状态',
            render: (_, i) => (i.status === 'overdue' ? <Tag color="red">逾期未回访</Tag> : <Tag>待回访</Tag>),
          },
        ]}
      />
    </section>
  );
}

export function FollowUpsDue({ onOpen }: { onOpen(caseId: number): void }) {
  const api = useApi();
  const [due, setDue] = useState<FollowUpDashboard | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  useEffect(() => {
    api.call('dashboard.followUps', {}).then(setDue, (error: unknown) => setFailure(errorMessage(error)));
  }, [api]);
  if (failure) return <Alert className="page-alert" type="error" showIcon title={failure} />;
  if (!due) return null;
  return (
    <>
      <DueTable title="逾期未回访" items={due.overdue} onOpen={onOpen} empty="没有逾期未回访的案件" />
      <DueTable title="待回访" items={due.due} onOpen={onOpen} empty="没有待回访的案件" />
    </>
  );
}
