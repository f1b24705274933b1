// Periods (期间) counted by 民法典 第201–203条 over the State Council's holiday schedule (shared/holidays.ts).
// Pure: ISO yyyy-mm-dd strings in, ISO strings out; days are handled as UTC day numbers so the PC's time zone and
// daylight saving never shift a date.
//
// 第201条: the day the period starts is not counted; counting begins the next day. So n days from `start` end on
//   start + n, and n working days end on the n-th working day after `start`.
// 第202条: a period in months ends on the corresponding day of the last month, or that month's last day.
// 第203条: "期间的最后一日是法定休假日的，以法定休假日结束的次日为期间的最后一日". We read 法定休假日 as every day
//   the schedule gives off: statutory holidays *and* the weekly rest days (Saturdays and Sundays), as Chinese courts
//   do (the 民通意见 第198条 that 第203条 codifies named Sunday expressly, and said that when rest days are swapped
//   the actual days off count). So a calendar-day or month period whose last day is a Saturday, a Sunday or a
//   holiday ends on the next working day, and one ending on a make-up working day (调休上班日) stays there.
//
// Paused time (期限中止: the applicant supplying materials, 法律援助法 第43条; 公证法 第30条): a pause `{ from, to }`
// is the time from the day the office asked (`from`, e.g. the 一次性告知 notice) to the day the materials arrived
// (`to`). Counted like any period under 第201条: `from` itself still counts (the clock ran that day), the days
// after it up to and including `to` do not, and counting resumes the day after `to`. So a pause takes away exactly
// to − from calendar days, the days the applicant took; `from === to` takes away none. Pauses may overlap.
import { isRealDate } from './dates';
import { AppError } from './errors';
import { HOLIDAY_TABLE, type HolidayTable, type HolidayYear } from './holidays';

export interface Pause {
  /** The day the applicant was asked to supply materials; this day still counts. */
  from: string;
  /** The day the materials arrived; not counted. Counting resumes the next day. */
  to: string;
}

export interface DueDate {
  /** The last day of the period, ISO yyyy-mm-dd. */
  due: string;
  /** True when a day that decided the result fell in a year with no schedule (counted with weekends only). */
  provisional: boolean;
  /** The years without a schedule that the result depends on, ascending. */
  missingYears: number[];
}

export type DayKind = 'workday' | 'weekend' | 'holiday' | 'makeUpWorkday';

const MS_PER_DAY = 86_400_000;
/** A guard against a table that gives every day off: no period here runs anywhere near 40 years. */
const MAX_SPAN_DAYS = 40 * 366;
const MAX_COUNT = 3660;

function dayNumber(iso: string): number {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return Date.UTC(y, m - 1, d) / MS_PER_DAY;
}

function isoOf(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

function yearOf(day: number): number {
  return new Date(day * MS_PER_DAY).getUTCFullYear();
}

/** `iso` + n calendar days (n may be negative); no holiday rule. */
export function addDays(iso: string, n: number): string {
  return isoOf(dayNumber(iso) + n);
}

/** Calendar days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return dayNumber(to) - dayNumber(from);
}

/** 0 = Sunday … 6 = Saturday */
export function weekday(iso: string): number {
  return new Date(dayNumber(iso) * MS_PER_DAY).getUTCDay();
}

const yearSets = new WeakMap<HolidayYear, { off: ReadonlySet<string>; working: ReadonlySet<string> }>();

function setsOf(entry: HolidayYear) {
  let sets = yearSets.get(entry);
  if (!sets) {
    sets = { off: new Set(entry.holidays), working: new Set(entry.workdays) };
    yearSets.set(entry, sets);
  }
  return sets;
}

/** What kind of day `day` is, and whether its year has a schedule (if not, only weekends are known). */
export function dayKind(day: string, table: HolidayTable = HOLIDAY_TABLE): { kind: DayKind; scheduled: boolean } {
  requireDate(day, 'day');
  const entry = table[Number(day.slice(0, 4))];
  const weekend = weekday(day) === 0 || weekday(day) === 6;
  if (entry) {
    const { off, working } = setsOf(entry);
    if (working.has(day)) return { kind: 'makeUpWorkday', scheduled: true };
    if (off.has(day)) return { kind: 'holiday', scheduled: true };
  }
  return { kind: weekend ? 'weekend' : 'workday', scheduled: entry !== undefined };
}

/** A working day: Monday to Friday unless a holiday, or a make-up working day. */
export function isWorkingDay(day: string, table: HolidayTable = HOLIDAY_TABLE): boolean {
  const { kind } = dayKind(day, table);
  return kind === 'workday' || kind === 'makeUpWorkday';
}

/** n calendar days from `start`, first day not counted, paused days not counted; 第203条 shift at the end. */
export function addCalendarDays(
  start: string,
  n: number,
  table: HolidayTable = HOLIDAY_TABLE,
  pauses: readonly Pause[] = [],
): DueDate {
  requireDate(start, 'start');
  requireCount(n, 'n');
  const period = new Period(start, table, pauses);
  return period.finish(period.countDays(n, false));
}

/** n working days from `start` (weekends and holidays not counted, make-up days counted), first day not counted. */
export function addWorkingDays(
  start: string,
  n: number,
  table: HolidayTable = HOLIDAY_TABLE,
  pauses: readonly Pause[] = [],
): DueDate {
  requireDate(start, 'start');
  requireCount(n, 'n');
  const period = new Period(start, table, pauses);
  // The n-th working day is a working day already, so 第203条 has nothing to move.
  return period.result(period.countDays(n, true));
}

/**
 * n months from `start` (第202条), then the 第203条 shift. Paused days lengthen the period day for day: the months
 * are turned into the calendar days they span, and those are counted skipping paused days.
 */
export function addMonths(
  start: string,
  n: number,
  table: HolidayTable = HOLIDAY_TABLE,
  pauses: readonly Pause[] = [],
): DueDate {
  requireDate(start, 'start');
  if (!Number.isInteger(n) || n < 1 || n > 120) throw new AppError('VALIDATION', '月数应为1到120的整数', 'n');
  const period = new Period(start, table, pauses);
  return period.finish(period.countDays(daysBetween(start, correspondingDay(start, n)), false));
}

/** 第202条: the corresponding day `months` later, or the last day of that month when it has no such day. */
export function correspondingDay(start: string, months: number): string {
  requireDate(start, 'start');
  const [y, m, d] = start.split('-').map(Number) as [number, number, number];
  const monthIndex = y * 12 + (m - 1) + months;
  const ty = Math.floor(monthIndex / 12);
  const tm = monthIndex % 12; // 0-based
  const lastDay = new Date(Date.UTC(ty, tm + 1, 0)).getUTCDate();
  return `${String(ty).padStart(4, '0')}-${String(tm + 1).padStart(2, '0')}-${String(Math.min(d, lastDay)).padStart(2, '0')}`;
}

/** One period being counted: remembers which unscheduled years it had to look at. */
class Period {
  private readonly startDay: number;
  /** Day-number ranges of days not counted, both ends inclusive: from + 1 … to. */
  private readonly paused: Array<readonly [number, number]>;
  private readonly missing = new Set<number>();

  constructor(
    start: string,
    private readonly table: HolidayTable,
    pauses: readonly Pause[],
  ) {
    this.startDay = dayNumber(start);
    this.paused = pauses.map((p, i) => {
      requireDate(p.from, `pauses.${i}.from`);
      requireDate(p.to, `pauses.${i}.to`);
      if (p.to < p.from) throw new AppError('VALIDATION', '补正结束日期不能早于开始日期', `pauses.${i}.to`);
      return [dayNumber(p.from) + 1, dayNumber(p.to)] as const;
    });
  }

  private isPaused(day: number): boolean {
    return this.paused.some(([first, last]) => day >= first && day <= last);
  }

  private isWorking(day: number): boolean {
    const iso = isoOf(day);
    const { kind, scheduled } = dayKind(iso, this.table);
    if (!scheduled) this.missing.add(yearOf(day));
    return kind === 'workday' || kind === 'makeUpWorkday';
  }

  private step(day: number): number {
    if (day - this.startDay > MAX_SPAN_DAYS) throw new AppError('VALIDATION', '期限计算超出范围，请检查节假日表', 'table');
    return day + 1;
  }

  /** The day on which the n-th counted day falls; only working days count when `workingOnly`. */
  countDays(n: number, workingOnly: boolean): number {
    let day = this.startDay;
    let counted = 0;
    while (counted < n) {
      day = this.step(day);
      if (!this.isPaused(day) && (!workingOnly || this.isWorking(day))) counted++;
    }
    return day;
  }

  /** 第203条: a last day that is a day off (or paused) moves to the first working day after it. */
  finish(lastDay: number): DueDate {
    let day = lastDay;
    while (this.isPaused(day) || !this.isWorking(day)) day = this.step(day);
    return this.result(day);
  }

  result(day: number): DueDate {
    const missingYears = [...this.missing].sort((a, b) => a - b);
    return { due: isoOf(day), provisional: missingYears.length > 0, missingYears };
  }
}

function requireDate(iso: string, field: string): void {
  if (typeof iso !== 'string' || !isRealDate(iso)) {
    throw new AppError('VALIDATION', `“${String(iso)}”不是真实的日期（格式应为2026-11-22）`, field);
  }
}

function requireCount(n: number, field: string): void {
  if (!Number.isInteger(n) || n < 1 || n > MAX_COUNT) {
    throw new AppError('VALIDATION', `天数应为1到${MAX_COUNT}的整数`, field);
  }
}
