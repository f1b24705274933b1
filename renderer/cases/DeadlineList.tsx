// 办理期限: a case's statutory time limits, of any kind — when each started, when it falls due, and where it
// stands: 剩余N日 / 今日届满 / 逾期N日 while open, 按时完成 / 逾期完成 once met. Also the tag the dashboard uses.
import { Table, Tag, Tooltip, Typography } from 'antd';
import { daysBetween } from '../../shared/calendar';
import { localDate } from '../../shared/dates';
import type { DueStatus } from '../../shared/deadlines';
import { formatDate } from '../app/format';

/** What every kind's limits have in common. */
export interface DeadlineRow {
  key: string;
  label: string;
  startsFrom?: string;
  startedOn?: string;
  due: string;
  doneOn: string | null;
  status: DueStatus;
  paused?: boolean;
  provisional?: boolean;
  source?: string;
}

/** 剩余3日, 今日届满, 逾期2日, 按时完成 (2026年11月5日), 逾期完成 (逾期1日). */
function dueText(
  { due, doneOn, status }: Pick<DeadlineRow, 'due' | 'doneOn' | 'status'>,
  today: string = localDate(),
): string {
  if (doneOn) {
    const late = daysBetween(due, doneOn);
    return status === 'doneLate' || late > 0 ? `逾期完成（逾期${late}日）` : `按时完成（${formatDate(doneOn)}）`;
  }
  const left = daysBetween(today, due);
  if (left < 0) return `逾期${-left}日`;
  if (left === 0) return '今日届满';
  return `剩余${left}日`;
}

const COLORS: Record<DueStatus, string> = {
  done: 'green',
  doneLate: 'orange',
  overdue: 'red',
  dueSoon: 'gold',
  open: 'blue',
};
const STATUS_LABELS: Record<DueStatus, string> = {
  done: '已按期完成',
  doneLate: '逾期完成',
  overdue: '已逾期',
  dueSoon: '即将到期',
  open: '期限内',
};

/** How a limit stands, in a word (the mediation and notarization pages put it beside their own dates). */
export function DueStatusTag({ status }: { status: DueStatus | null }) {
  if (status === null) return <Tag>不再计算</Tag>;
  return <Tag color={COLORS[status]}>{STATUS_LABELS[status]}</Tag>;
}

export function DueTag({
  row,
  today,
}: {
  row: Pick<DeadlineRow, 'due' | 'doneOn' | 'status' | 'paused'>;
  today?: string;
}) {
  return (
    <span className="due-tag">
      <Tag color={COLORS[row.status]}>{dueText(row, today)}</Tag>
      {row.paused && <Tag>补充材料期间，期限中止</Tag>}
    </span>
  );
}

export function DeadlineList({ rows, today }: { rows: DeadlineRow[]; today?: string }) {
  return (
    <section className="detail-section deadlines" aria-label="办理期限">
      <Typography.Title level={4}>办理期限</Typography.Title>
      <Table<DeadlineRow>
        size="small"
        pagination={false}
        rowKey="key"
        dataSource={rows}
        locale={{ emptyText: '目前没有需要计算的期限' }}
        columns={[
          { key: 'label', title: '期限', dataIndex: 'label' },
          {
            key: 'start',
            title: '起算',
            render: (_, r) => (r.startedOn ? `${r.startsFrom ?? ''} ${formatDate(r.startedOn)}` : ''),
          },
          {
            key: 'due',
            title: '届满日',
            render: (_, r) =>
              r.provisional ? (
                <Tooltip title="该年度节假日安排尚未录入，暂按周末计算，请核对">
                  <span>{formatDate(r.due)}（待核）</span>
                </Tooltip>
              ) : (
                formatDate(r.due)
              ),
          },
          { key: 'status', title: '状态', render: (_, r) => <DueTag row={r} today={today} /> },
          {
            key: 'source',
            title: '依据',
            dataIndex: 'source',
            render: (s?: string) => <Typography.Text type="secondary">{s ?? ''}</Typography.Text>,
          },
        ]}
      />
    </section>
  );
}
