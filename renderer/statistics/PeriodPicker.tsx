// 统计期间: 月报, 季报 or 年报, then the year and the month or quarter. The value is the period key the channel
// takes: 2026-10, 2026-Q4, 2026.
import { Select, Space } from 'antd';
import { parsePeriod, PERIOD_KIND_LABELS, type PeriodKind } from '../../shared/statistics/period';

const QUARTERS = ['第一季度', '第二季度', '第三季度', '第四季度'];

function keyOf(kind: PeriodKind, year: number, part: number): string {
  if (kind === 'year') return String(year);
  if (kind === 'quarter') return `${year}-Q${part}`;
  return `${year}-${String(part).padStart(2, '0')}`;
}

export function PeriodPicker({
  value,
  onChange,
  thisYear,
}: {
  value: string;
  onChange(key: string): void;
  thisYear: number;
}) {
  const period = parsePeriod(value) ?? parsePeriod(String(thisYear))!;
  const month = Number(period.range.to.slice(5, 7));
  const part = period.kind === 'quarter' ? month / 3 : month;
  const years = Array.from({ length: 10 }, (_, i) => thisYear - i);
  const setKind = (kind: PeriodKind) =>
    onChange(keyOf(kind, period.year, kind === 'quarter' ? Math.ceil(month / 3) : month));
  return (
    <Space wrap>
      <Select<PeriodKind>
        aria-label="报表类型"
        value={period.kind}
        style={{ width: 100 }}
        options={(['month', 'quarter', 'year'] as const).map((k) => ({ value: k, label: PERIOD_KIND_LABELS[k] }))}
        onChange={setKind}
      />
      <Select<number>
        aria-label="年度"
        value={period.year}
        style={{ width: 110 }}
        virtual={false}
        options={years.map((y) => ({ value: y, label: `${y}年` }))}
        onChange={(y) => onChange(keyOf(period.kind, y, part))}
      />
      {period.kind === 'month' ? (
        <Select<number>
          aria-label="月份"
          value={month}
          style={{ width: 90 }}
          virtual={false}
          options={Array.from({ length: 12 }, (_, i) => ({ value: i + 1, label: `${i + 1}月` }))}
          onChange={(m) => onChange(keyOf('month', period.year, m))}
        />
      ) : null}
      {period.kind === 'quarter' ? (
        <Select<number>
          aria-label="季度"
          value={part}
          style={{ width: 120 }}
          options={QUARTERS.map((label, i) => ({ value: i + 1, label }))}
          onChange={(q) => onChange(keyOf('quarter', period.year, q))}
        />
      ) : null}
    </Space>
  );
}
