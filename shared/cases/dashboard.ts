// The deadline dashboard: every kind's limits brought to one shape, and sorted into what is due in the next
// three days, what is overdue, and what was done late (recently).
import type { DueStatus } from '../deadlines';
import type { CaseKind } from '../options';

export interface DashboardItem {
  caseId: number;
  kind: CaseKind;
  caseNumber: string;
  /** The limit, in Chinese: 审查决定期限, 调解期限, 出证期限 ... */
  limit: string;
  due: string;
  doneOn: string | null;
  status: DueStatus;
  /** The due date runs through a year without a holiday schedule: weekends only, to be confirmed. */
  provisional: boolean;
  /** The clock is stopped (materials awaited); the due date moves on each day until it restarts. */
  paused: boolean;
}

export interface Dashboard {
  today: string;
  dueSoon: DashboardItem[];
  overdue: DashboardItem[];
  /** Limits met late within the last `DONE_LATE_WINDOW_DAYS` days. */
  doneLate: DashboardItem[];
}

export const DONE_LATE_WINDOW_DAYS = 90;

const byDue = (a: DashboardItem, b: DashboardItem) =>
  a.due.localeCompare(b.due) || a.caseNumber.localeCompare(b.caseNumber);

/** Sorts limits into the dashboard's three lists; `since` is the first day a late completion still shows. */
export function sortDashboard(items: readonly DashboardItem[], today: string, since: string): Dashboard {
  return {
    today,
    dueSoon: items.filter((i) => i.status === 'dueSoon').sort(byDue),
    overdue: items.filter((i) => i.status === 'overdue').sort(byDue),
    doneLate: items
      .filter((i) => i.status === 'doneLate' && i.doneOn !== null && i.doneOn >= since)
      .sort((a, b) => b.doneOn!.localeCompare(a.doneOn!)),
  };
}
