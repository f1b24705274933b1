// The State Council's holiday and make-up working-day schedules (国务院办公厅关于某年部分节假日安排的通知), as data.
// The General Office publishes next year's schedule each November or December; the county bureau's configuration
// package adds it with `mergeHolidayTables` until a release ships it. A year missing here is computed with
// weekends only and the result is flagged provisional (see shared/calendar.ts).
import { isRealDate } from './dates';

export interface HolidayYear {
  /** Days off (放假), ISO yyyy-mm-dd, weekends inside a holiday included. */
  holidays: readonly string[];
  /** Make-up working days (调休上班日): Saturdays or Sundays declared working days. */
  workdays: readonly string[];
  /** The notice the dates come from. */
  source: string;
}

export type HolidayTable = Readonly<Record<number, HolidayYear>>;

export const HOLIDAY_TABLE: HolidayTable = {
  2025: {
    holidays: [
      // 元旦
      '2025-01-01',
      // 春节
      '2025-01-28',
      '2025-01-29',
      '2025-01-30',
      '2025-01-31',
      '2025-02-01',
      '2025-02-02',
      '2025-02-03',
      '2025-02-04',
      // 清明节
      '2025-04-04',
      '2025-04-05',
      '2025-04-06',
      // 劳动节
      '2025-05-01',
      '2025-05-02',
      '2025-05-03',
      '2025-05-04',
      '2025-05-05',
      // 端午节
      '2025-05-31',
      '2025-06-01',
      '2025-06-02',
      // 国庆节、中秋节
      '2025-10-01',
      '2025-10-02',
      '2025-10-03',
      '2025-10-04',
      '2025-10-05',
      '2025-10-06',
      '2025-10-07',
      '2025-10-08',
    ],
    workdays: ['2025-01-26', '2025-02-08', '2025-04-27', '2025-09-28', '2025-10-11'],
    source: '国务院办公厅关于2025年部分节假日安排的通知（国办发明电〔2024〕12号，2024年11月12日）',
  },
  2026: {
    holidays: [
      // 元旦
      '2026-01-01',
      '2026-01-02',
      '2026-01-03',
      // 春节
      '2026-02-15',
      '2026-02-16',
      '2026-02-17',
      '2026-02-18',
      '2026-02-19',
      '2026-02-20',
      '2026-02-21',
      '2026-02-22',
      '2026-02-23',
      // 清明节
      '2026-04-04',
      '2026-04-05',
      '2026-04-06',
      // 劳动节
      '2026-05-01',
      '2026-05-02',
      '2026-05-03',
      '2026-05-04',
      '2026-05-05',
      // 端午节
      '2026-06-19',
      '2026-06-20',
      '2026-06-21',
      // 中秋节
      '2026-09-25',
      '2026-09-26',
      '2026-09-27',
      // 国庆节
      '2026-10-01',
      '2026-10-02',
      '2026-10-03',
      '2026-10-04',
      '2026-10-05',
      '2026-10-06',
      '2026-10-07',
    ],
    workdays: ['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10'],
    source: '国务院办公厅关于2026年部分节假日安排的通知（2025年11月4日，新华社发布）',
  },
};

/** The shipped table with the bureau's years added; a year present in both is taken from `additions` (a correction). */
export function mergeHolidayTables(base: HolidayTable, additions: HolidayTable): HolidayTable {
  return { ...base, ...additions };
}

/**
 * What is wrong with a table (Chinese, for whoever loads the bureau's configuration); empty when it is sound.
 * Checks real dates inside their year, no day both off and working, and make-up days falling on weekends.
 */
export function holidayTableProblems(table: HolidayTable): string[] {
  const problems: string[] = [];
  for (const [key, entry] of Object.entries(table)) {
    const year = Number(key);
    if (!Number.isInteger(year) || year < 1949 || year > 9999) {
      problems.push(`年份“${key}”不正确`);
      continue;
    }
    if (!entry || !Array.isArray(entry.holidays) || !Array.isArray(entry.workdays)) {
      problems.push(`${year}年：缺少放假日或调休上班日列表`);
      continue;
    }
    if (typeof entry.source !== 'string' || entry.source.trim() === '') problems.push(`${year}年：未注明依据的通知`);
    const check = (day: unknown, what: string): day is string => {
      if (typeof day !== 'string' || !isRealDate(day)) {
        problems.push(`${year}年${what}“${String(day)}”不是真实的日期`);
        return false;
      }
      if (!day.startsWith(`${year}-`)) {
        problems.push(`${year}年${what}“${day}”不在该年内`);
        return false;
      }
      return true;
    };
    const off = new Set<string>();
    for (const day of entry.holidays) if (check(day, '放假日')) off.add(day);
    for (const day of entry.workdays) {
      if (!check(day, '调休上班日')) continue;
      if (off.has(day)) problems.push(`${year}年“${day}”同时列为放假日和调休上班日`);
      const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
      if (weekday !== 0 && weekday !== 6) problems.push(`${year}年调休上班日“${day}”不是周六或周日`);
    }
  }
  return problems;
}
