// Display forms the clerk reads; the stored forms (ISO dates, fen, UTC instants) never appear on screen.
import { formatChineseDate, formatMoment } from '../../shared/dates';
import { formatYuan } from '../../shared/money';

export { formatMoment };

export function formatDate(iso: string): string {
  return iso ? formatChineseDate(iso) : '';
}

export function formatMoney(fen: number): string {
  return `${formatYuan(fen)} 元`;
}
