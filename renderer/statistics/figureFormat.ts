// A figure as the page shows it: counts as they are, money in yuan with two decimals, rates with a percent sign,
// and a dash for what no case recorded.
import { formatYuan } from '../../shared/money';
import type { Unit } from '../../shared/statistics/indicators';

export function formatFigure(unit: Unit, value: number | null): string {
  if (value === null) return '—';
  if (unit === '元') return formatYuan(value);
  if (unit === '%') return `${value.toFixed(1)}%`;
  return String(value);
}
