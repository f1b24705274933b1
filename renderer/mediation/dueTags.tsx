// How a time limit stands, as a coloured tag the clerk reads at a glance (shared by the mediation and the
// notarization case pages).
import { Tag } from 'antd';
import type { DueStatus } from '../../shared/deadlines';

const DUE_STATUS: Record<DueStatus, { label: string; color: string }> = {
  done: { label: '已按期完成', color: 'green' },
  doneLate: { label: '逾期完成', color: 'orange' },
  overdue: { label: '已逾期', color: 'red' },
  dueSoon: { label: '即将到期', color: 'gold' },
  open: { label: '期限内', color: 'blue' },
};

export function DueTag({ status }: { status: DueStatus | null }) {
  if (status === null) return <Tag>不再计算</Tag>;
  const { label, color } = DUE_STATUS[status];
  return <Tag color={color}>{label}</Tag>;
}
