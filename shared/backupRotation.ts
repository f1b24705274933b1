// Backup file names and which automatic backups to keep: pure functions over names and dates, used by the
// backup service and by the data file's opening (the pre-restore backup).
import type { BackupInfo } from './channels/system';

export type BackupReason = BackupInfo['reason'];

const p2 = (n: number) => String(n).padStart(2, '0');

/** yyyyMMdd-HHmmss in the PC's local time, like the clerk's own calendar. */
function localStamp(at: Date): string {
  return `${at.getFullYear()}${p2(at.getMonth() + 1)}${p2(at.getDate())}-${p2(at.getHours())}${p2(at.getMinutes())}${p2(at.getSeconds())}`;
}

/** casedesk-20261122-100000-daily.sqlite; `copy` > 1 tells apart backups taken in the same second. */
export function backupFileName(at: Date, reason: BackupReason, copy = 1): string {
  return `casedesk-${localStamp(at)}-${reason}${copy > 1 ? `-${copy}` : ''}.sqlite`;
}

const NAME =
  /^casedesk-(\d{4})(\d{2})(\d{2})-(\d{2})(\d{2})(\d{2})-(daily|manual|migration|import|pre-restore)(?:-(\d+))?\.sqlite$/;

/** The time and reason a backup's name records, or null for any other file. */
export function parseBackupFileName(name: string): { takenAt: Date; reason: BackupReason } | null {
  const m = NAME.exec(name);
  if (!m) return null;
  const [y, mo, d, h, mi, s] = m.slice(1, 7).map(Number) as [number, number, number, number, number, number];
  const takenAt = new Date(y, mo - 1, d, h, mi, s);
  // A name like 20261131 is not a time this program wrote.
  if (
    takenAt.getFullYear() !== y ||
    takenAt.getMonth() !== mo - 1 ||
    takenAt.getDate() !== d ||
    takenAt.getHours() !== h
  )
    return null;
  return { takenAt, reason: m[7] as BackupReason };
}

export interface RotationPolicy {
  days: number;
  weeks: number;
  months: number;
}

/** 7 daily, 4 weekly, 12 monthly: a week's mistakes undone day by day, a year's by month. */
const DEFAULT_ROTATION: RotationPolicy = { days: 7, weeks: 4, months: 12 };

function dayKey(at: Date): string {
  return `${at.getFullYear()}-${p2(at.getMonth() + 1)}-${p2(at.getDate())}`;
}

/** ISO 8601 week of the local date, e.g. 2026-W48 (weeks start on Monday; week 1 holds the first Thursday). */
export function isoWeekKey(at: Date): string {
  const date = new Date(Date.UTC(at.getFullYear(), at.getMonth(), at.getDate()));
  const weekday = date.getUTCDay() || 7;
  date.setUTCDate(date.getUTCDate() + 4 - weekday); // the Thursday of this week decides its year
  const yearStart = Date.UTC(date.getUTCFullYear(), 0, 1);
  const week = Math.ceil(((date.getTime() - yearStart) / 86_400_000 + 1) / 7);
  return `${date.getUTCFullYear()}-W${p2(week)}`;
}

function monthKey(at: Date): string {
  return `${at.getFullYear()}-${p2(at.getMonth() + 1)}`;
}

/**
 * Which backups the rotation keeps. Of the `daily` backups: the newest of each of the `days` most recent days
 * that have one, of the `weeks` most recent ISO weeks and of the `months` most recent months. Periods count only
 * when they hold a backup, so weeks without use (holidays, a broken PC) never empty the rotation. Backups taken
 * for any other reason (manual, before a migration, an import or a restore) are always kept.
 */
export function rotateBackups<T extends { takenAt: Date; reason: BackupReason }>(
  backups: readonly T[],
  policy: RotationPolicy = DEFAULT_ROTATION,
): { keep: T[]; remove: T[] } {
  const daily = backups.filter((b) => b.reason === 'daily').sort((a, b) => b.takenAt.getTime() - a.takenAt.getTime());
  const kept = new Set<T>(backups.filter((b) => b.reason !== 'daily'));
  const newestPerPeriod = (key: (at: Date) => string, count: number) => {
    const seen = new Set<string>();
    for (const backup of daily) {
      const k = key(backup.takenAt);
      if (seen.has(k)) continue;
      if (seen.size === count) break;
      seen.add(k);
      kept.add(backup);
    }
  };
  newestPerPeriod(dayKey, policy.days);
  newestPerPeriod(isoWeekKey, policy.weeks);
  newestPerPeriod(monthKey, policy.months);
  return { keep: backups.filter((b) => kept.has(b)), remove: backups.filter((b) => !kept.has(b)) };
}
