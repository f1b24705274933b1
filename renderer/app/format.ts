// Display forms the clerk reads; the stored forms (ISO dates, fen, UTC instants) never appear on screen.
import { formatChineseDate, localDate } from '../../shared/dates';
import { formatYuan } from '../../shared/money';

/** An instant (ISO-8601 UTC) as the clerk's local date and time: 2026年11月22日 10:05. */
export function formatMoment(iso: string): string {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return iso;
  const p = (n: number) => String(n).padStart(2, '0');
  return `${formatChineseDate(localDate(at))} ${p(at.getHours())}:${p(at.getMinutes())}`;
}

export function formatDate(iso: string): string {
  return iso ? formatChineseDate(iso) : '';
}

export function formatMoney(fen: number): string {
  return `${formatYuan(fen)} 元`;
}
