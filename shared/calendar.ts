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

// Counting day by day over ISO strings was most of the dashboard's time. Each year is turned once into an index
// over its day numbers: the kind of every day, and a running count of working days, so "the k-th working day
// after" and "working days in a stretch" are a lookup per year crossed instead of a walk per day.
const DAY_KINDS: readonly DayKind[] = ['workday', 'weekend', 'holiday', 'makeUpWorkday'];
const WORKDAY = 0;
const WEEKEND = 1;
const HOLIDAY = 2;
const MAKE_UP_WORKDAY = 3;

interface YearIndex {
  /** Day number of 1 January. */
  firstDay: number;
  /** Index into DAY_KINDS for each day of the year. */
  kinds: Uint8Array;
  /** workingBefore[i]: working days among the year's first i days (length days + 1). */
  workingBefore: Int32Array;
  /** Offsets from 1 January of the year's working days, ascending. */
  workingDays: Int32Array;
}

/** Per schedule entry (a year of the table) and per year it is used for; a year without one, per year. */
const scheduledIndexes = new WeakMap<HolidayYear, Map<number, YearIndex>>();
const unscheduledIndexes = new Map<number, YearIndex>();

function yearIndex(table: HolidayTable, year: number): YearIndex {
  const entry = table[year];
  let byYear = entry ? scheduledIndexes.get(entry) : unscheduledIndexes;
  if (!byYear) scheduledIndexes.set(entry!, (byYear = new Map()));
  let index = byYear.get(year);
  if (!index) byYear.set(year, (index = buildYearIndex(year, entry)));
  return index;
}

function buildYearIndex(year: number, entry: HolidayYear | undefined): YearIndex {
  const firstDay = Date.UTC(year, 0, 1) / MS_PER_DAY;
  const length = Date.UTC(year + 1, 0, 1) / MS_PER_DAY - firstDay;
  const kinds = new Uint8Array(length);
  const firstWeekday = new Date(firstDay * MS_PER_DAY).getUTCDay();
  for (let i = 0; i < length; i++) {
    const wd = (firstWeekday + i) % 7;
    kinds[i] = wd === 0 || wd === 6 ? WEEKEND : WORKDAY;
  }
  // As the schedule's own strings would match a day of this year: a real yyyy-mm-dd date inside it. A make-up
  // day listed as a holiday too is a make-up day (it was looked up first).
  const mark = (days: readonly string[], kind: number) => {
    for (const day of days) {
      if (typeof day !== 'string' || !isRealDate(day)) continue;
      const offset = dayNumber(day) - firstDay;
      if (offset >= 0 && offset < length) kinds[offset] = kind;
    }
  };
  if (entry) {
    mark(entry.holidays, HOLIDAY);
    mark(entry.workdays, MAKE_UP_WORKDAY);
  }
  const workingBefore = new Int32Array(length + 1);
  const workingDays: number[] = [];
  for (let i = 0; i < length; i++) {
    const working = kinds[i] === WORKDAY || kinds[i] === MAKE_UP_WORKDAY;
    if (working) workingDays.push(i);
    workingBefore[i + 1] = workingBefore[i]! + (working ? 1 : 0);
  }
  return { firstDay, kinds, workingBefore, workingDays: Int32Array.from(workingDays) };
}

/** What kind of day `day` is, and whether its year has a schedule (if not, only weekends are known). */
export function dayKind(day: string, table: HolidayTable = HOLIDAY_TABLE): { kind: DayKind; scheduled: boolean } {
  requireDate(day, 'day');
  const year = Number(day.slice(0, 4));
  const index = yearIndex(table, year);
  return { kind: DAY_KINDS[index.kinds[dayNumber(day) - index.firstDay]!]!, scheduled: table[year] !== undefined };
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

const outOfRange = () => new AppError('VALIDATION', '期限计算超出范围，请检查节假日表', 'table');

/**
 * One period being counted over stretches of unpaused days; remembers which unscheduled years it had to look at
 * (the years of every unpaused day whose kind decided the result, exactly those a day-by-day walk would ask about).
 */
class Period {
  private readonly startDay: number;
  /** The last day the count may reach (the span guard). */
  private readonly lastReachable: number;
  /** Days not counted (from + 1 … to) after the start, merged: ascending, disjoint, both ends inclusive. */
  private readonly paused: Array<[number, number]>;
  private readonly missing = new Set<number>();

  constructor(
    start: string,
    private readonly table: HolidayTable,
    pauses: readonly Pause[],
  ) {
    this.startDay = dayNumber(start);
    this.lastReachable = this.startDay + MAX_SPAN_DAYS + 1;
    const ranges = pauses.map((p, i): [number, number] => {
      requireDate(p.from, `pauses.${i}.from`);
      requireDate(p.to, `pauses.${i}.to`);
      if (p.to < p.from) throw new AppError('VALIDATION', '补正结束日期不能早于开始日期', `pauses.${i}.to`);
      return [Math.max(dayNumber(p.from) + 1, this.startDay + 1), dayNumber(p.to)];
    });
    this.paused = [];
    for (const [first, last] of ranges.filter(([first, last]) => first <= last).sort((a, b) => a[0] - b[0])) {
      const previous = this.paused[this.paused.length - 1];
      if (previous && first <= previous[1] + 1) previous[1] = Math.max(previous[1], last);
      else this.paused.push([first, last]);
    }
  }

  /** Working days in from … to (both inclusive, to >= from - 1). */
  private workingIn(from: number, to: number): number {
    let total = 0;
    for (let year = yearOf(from); ; year++) {
      const index = yearIndex(this.table, year);
      const end = index.firstDay + index.kinds.length; // first day of the next year
      const lo = Math.max(from, index.firstDay) - index.firstDay;
      const hi = Math.min(to + 1, end) - index.firstDay;
      if (hi > lo) total += index.workingBefore[hi]! - index.workingBefore[lo]!;
      if (to < end) return total;
    }
  }

  /** The k-th working day (k >= 1) on or after `from`, or null when it is after `limit`. */
  private nthWorkingFrom(from: number, k: number, limit: number): number | null {
    let left = k;
    for (let year = yearOf(from); ; year++) {
      const index = yearIndex(this.table, year);
      if (index.firstDay > limit) return null;
      const before = index.workingBefore[Math.max(from, index.firstDay) - index.firstDay]!;
      const available = index.workingDays.length - before;
      if (left <= available) {
        const day = index.firstDay + index.workingDays[before + left - 1]!;
        return day <= limit ? day : null;
      }
      left -= available;
    }
  }

  /** Every day in from … to had its kind looked at: note the years among them without a schedule. */
  private looked(from: number, to: number): void {
    for (let year = yearOf(from), last = yearOf(to); year <= last; year++) {
      if (this.table[year] === undefined) this.missing.add(year);
    }
  }

  /** The day on which the n-th counted day falls; only working days count when `workingOnly`. */
  countDays(n: number, workingOnly: boolean): number {
    let left = n;
    let from = this.startDay + 1;
    for (let i = 0; ; i++) {
      const pause = this.paused[i];
      // The unpaused stretch from … to, cut at the span guard.
      const to = Math.min(pause ? pause[0] - 1 : Infinity, this.lastReachable);
      if (from > this.lastReachable) throw outOfRange();
      if (from <= to) {
        if (!workingOnly) {
          if (to - from + 1 >= left) return from + left - 1;
          left -= to - from + 1;
        } else {
          const inStretch = this.workingIn(from, to);
          if (inStretch >= left) {
            const day = this.nthWorkingFrom(from, left, to)!;
            this.looked(from, day);
            return day;
          }
          this.looked(from, to);
          left -= inStretch;
        }
      }
      if (!pause || to === this.lastReachable) throw outOfRange();
      from = pause[1] + 1;
    }
  }

  /** 第203条: a last day that is a day off (or paused) moves to the first working day after it. */
  finish(lastDay: number): DueDate {
    let day = lastDay;
    let i = 0;
    while (i < this.paused.length && this.paused[i]![1] < day) i++;
    for (;;) {
      const pause = this.paused[i];
      if (pause && day >= pause[0]) {
        day = pause[1] + 1;
        i++;
        continue;
      }
      if (day > this.lastReachable) throw outOfRange();
      const to = Math.min(pause ? pause[0] - 1 : Infinity, this.lastReachable);
      const working = this.nthWorkingFrom(day, 1, to);
      if (working !== null) {
        this.looked(day, working);
        return this.result(working);
      }
      this.looked(day, to);
      if (!pause || to === this.lastReachable) throw outOfRange();
      day = pause[1] + 1;
      i++;
    }
  }

  result(day: number): DueDate {
    const missingYears = [...this.missing].sort((a, b) => a - b);
    return { due: isoOf(day), provisional: missingYears.length > 0, missingYears };
  }
}

/** isRealDate, remembering the days it accepted: the dashboard checks the same few thousand days over and over. */
const realDays = new Set<string>();
export function isRealDay(iso: string): boolean {
  if (realDays.has(iso)) return true;
  if (!isRealDate(iso)) return false;
  if (realDays.size >= 100_000) realDays.clear();
  realDays.add(iso);
  return true;
}

function requireDate(iso: string, field: string): void {
  if (typeof iso !== 'string' || !isRealDay(iso)) {
    throw new AppError('VALIDATION', `“${String(iso)}”不是真实的日期（格式应为2026-11-22）`, field);
  }
}

function requireCount(n: number, field: string): void {
  if (!Number.isInteger(n) || n < 1 || n > MAX_COUNT) {
    throw new AppError('VALIDATION', `天数应为1到${MAX_COUNT}的整数`, field);
  }
}
