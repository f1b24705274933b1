// The report's periods: a month (2026-10), a quarter (2026-Q4) or a year (2026). Each has its own range of days
// and the year-to-date range that ends with it; both include their first and last day.
import { z } from 'zod';

export type PeriodKind = 'month' | 'quarter' | 'year';

export interface DayRange {
  from: string;
  to: string;
}

export interface Period {
  /** As typed: 2026-10, 2026-Q4, 2026. */
  key: string;
  kind: PeriodKind;
  year: number;
  range: DayRange;
  /** From 1 January of the period's year to the period's last day. */
  yearToDate: DayRange;
  /** 2026年10月, 2026年第四季度, 2026年 */
  label: string;
}

const PERIOD_PATTERN = /^(\d{4})(?:-(0[1-9]|1[0-2])|-Q([1-4]))?$/;
export const PERIOD_KIND_LABELS: Record<PeriodKind, string> = { month: '月报', quarter: '季报', year: '年报' };
const QUARTER_WORDS = ['一', '二', '三', '四'] as const;

const pad = (n: number) => String(n).padStart(2, '0');
const lastDayOfMonth = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** The period a key names, or null when the key is not one (2026-13, 2026-Q5, 26-10 ...). */
export function parsePeriod(key: string): Period | null {
  const m = PERIOD_PATTERN.exec(key);
  if (!m) return null;
  const year = Number(m[1]);
  if (year < 2000 || year > 2099) return null;
  let first: number;
  let last: number;
  let kind: PeriodKind;
  let label: string;
  if (m[2]) {
    kind = 'month';
    first = last = Number(m[2]);
    label = `${year}年${first}月`;
  } else if (m[3]) {
    kind = 'quarter';
    const q = Number(m[3]);
    first = q * 3 - 2;
    last = q * 3;
    label = `${year}年第${QUARTER_WORDS[q - 1]}季度`;
  } else {
    kind = 'year';
    first = 1;
    last = 12;
    label = `${year}年`;
  }
  const to = `${year}-${pad(last)}-${pad(lastDayOfMonth(year, last))}`;
  return {
    key,
    kind,
    year,
    range: { from: `${year}-${pad(first)}-01`, to },
    yearToDate: { from: `${year}-01-01`, to },
    label,
  };
}

/** A zod field for a period key, with the Chinese message the form shows. */
export const periodKey = () =>
  z
    .string({ error: '请选择统计期间' })
    .refine((s) => parsePeriod(s) !== null, '统计期间应为年月（2026-10）、季度（2026-Q4）或年度（2026）');

export function inRange(on: string | null, range: DayRange): boolean {
  return on !== null && on >= range.from && on <= range.to;
}

/** The months (yyyy-mm) from January of the period's year to its last month: the trend chart's axis. */
export function monthsToDate(period: Period): string[] {
  const last = Number(period.range.to.slice(5, 7));
  return Array.from({ length: last }, (_, i) => `${period.year}-${pad(i + 1)}`);
}

/** The month before the one `today` falls in (yyyy-mm): the last finished month. */
export function lastFinishedMonth(today: string): string {
  const [y, m] = today.split('-').map(Number) as [number, number];
  return m === 1 ? `${y - 1}-12` : `${y}-${pad(m - 1)}`;
}
