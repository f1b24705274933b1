// ISO-8601 calendar dates (yyyy-mm-dd) and their Chinese display form (2026年11月22日).

export function isRealDate(iso: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

/** The local calendar date of a moment, as yyyy-mm-dd (a clerk's "today" is the PC's local date). */
export function localDate(at: Date = new Date()): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${at.getFullYear()}-${p(at.getMonth() + 1)}-${p(at.getDate())}`;
}

/**
 * The moment a local calendar day (yyyy-mm-dd) begins, as the ISO-8601 UTC timestamp stored moments use: a
 * clerk's "22 November" in China starts at 2026-11-21T16:00:00.000Z. `offsetDays` moves to a later day.
 */
export function localDayStart(iso: string, offsetDays = 0): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return new Date(y, m - 1, d + offsetDays).toISOString();
}

/** 2026-11-22 → 2026年11月22日 */
export function formatChineseDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!m) return iso;
  return `${m[1]}年${Number(m[2])}月${Number(m[3])}日`;
}

/** An instant (ISO-8601 UTC) as the clerk's local date and time: 2026年11月22日 10:05. */
export function formatMoment(iso: string): string {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return iso;
  const p = (n: number) => String(n).padStart(2, '0');
  return `${formatChineseDate(localDate(at))} ${p(at.getHours())}:${p(at.getMinutes())}`;
}

/** Full years of age on a given date. */
export function ageOn(birthDate: string, on: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number) as [number, number, number];
  const [y, m, d] = on.split('-').map(Number) as [number, number, number];
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}
