// The calendar counts over per-year working-day indexes (shared/calendar.ts). These tests hold it to the plain
// reading of 民法典 第201–203条: a walk day by day over ISO strings and the holiday table's own lists, as the
// calendar was first written. Thousands of seeded random periods, across year boundaries, holiday weeks with
// make-up Saturdays, leap years, years missing from the table (the provisional warning) and paused time.
import {
  addCalendarDays,
  addMonths,
  addWorkingDays,
  correspondingDay,
  dayKind,
  type DueDate,
  type Pause,
} from '../../shared/calendar';
import { computeDeadline } from '../../shared/deadlines';
import { AppError } from '../../shared/errors';
import { HOLIDAY_TABLE, mergeHolidayTables, type HolidayTable } from '../../shared/holidays';

// ---- The reference: day by day, the way a clerk would count on a paper calendar. ----

const MS_PER_DAY = 86_400_000;
const iso = (day: number) => new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
const dayOf = (date: string) => Date.parse(`${date}T00:00:00Z`) / MS_PER_DAY;

function referenceKind(date: string, table: HolidayTable): { kind: string; scheduled: boolean } {
  const entry = table[Number(date.slice(0, 4))];
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  if (entry?.workdays.includes(date)) return { kind: 'makeUpWorkday', scheduled: true };
  if (entry?.holidays.includes(date)) return { kind: 'holiday', scheduled: true };
  return { kind: weekday === 0 || weekday === 6 ? 'weekend' : 'workday', scheduled: entry !== undefined };
}

const SPAN_LIMIT = 40 * 366;

/** Counts n days (or working days) after `start`, skipping paused days, then 第203条 when `shift`. */
function referenceCount(
  start: string,
  n: number,
  workingOnly: boolean,
  shift: boolean,
  table: HolidayTable,
  pauses: readonly Pause[],
): DueDate {
  const startDay = dayOf(start);
  const missing = new Set<number>();
  const paused = (day: number) => pauses.some((p) => day > dayOf(p.from) && day <= dayOf(p.to));
  const working = (day: number) => {
    const { kind, scheduled } = referenceKind(iso(day), table);
    if (!scheduled) missing.add(Number(iso(day).slice(0, 4)));
    return kind === 'workday' || kind === 'makeUpWorkday';
  };
  const next = (day: number) => {
    if (day - startDay > SPAN_LIMIT) throw new AppError('VALIDATION', '期限计算超出范围，请检查节假日表', 'table');
    return day + 1;
  };
  let day = startDay;
  for (let counted = 0; counted < n;) {
    day = next(day);
    if (!paused(day) && (!workingOnly || working(day))) counted++;
  }
  if (shift) while (paused(day) || !working(day)) day = next(day);
  const missingYears = [...missing].sort((a, b) => a - b);
  return { due: iso(day), provisional: missingYears.length > 0, missingYears };
}

const reference = {
  calendarDays: (start: string, n: number, table: HolidayTable, pauses: readonly Pause[]) =>
    referenceCount(start, n, false, true, table, pauses),
  workingDays: (start: string, n: number, table: HolidayTable, pauses: readonly Pause[]) =>
    referenceCount(start, n, true, false, table, pauses),
  months: (start: string, n: number, table: HolidayTable, pauses: readonly Pause[]) =>
    referenceCount(start, dayOf(correspondingDay(start, n)) - dayOf(start), false, true, table, pauses),
};

const fast = {
  calendarDays: addCalendarDays,
  workingDays: addWorkingDays,
  months: addMonths,
};

/** The result, or the error's code, field and message: both must agree either way. */
function outcome(fn: () => DueDate): DueDate | { error: string } {
  try {
    return fn();
  } catch (e) {
    if (!(e instanceof AppError)) throw e;
    return { error: `${e.code} ${e.field ?? ''} ${e.message}` };
  }
}

// ---- Seeded randomness, so a failure can be replayed. ----

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A made-up schedule for a year: a Spring-Festival-like week with make-up weekend days around it, and more. */
function madeUpYear(year: number, random: () => number) {
  const holidays: string[] = [];
  const workdays: string[] = [];
  const first = dayOf(`${year}-01-01`);
  const length = dayOf(`${year + 1}-01-01`) - first;
  for (let k = 0; k < 4; k++) {
    const begin = first + Math.floor(random() * (length - 10));
    const days = 3 + Math.floor(random() * 6);
    for (let d = begin; d < begin + days; d++) holidays.push(iso(d));
    // the weekend days just before and after the holiday become make-up working days
    for (const d of [begin - 1, begin - 2, begin + days, begin + days + 1]) {
      const weekday = new Date(d * MS_PER_DAY).getUTCDay();
      if ((weekday === 0 || weekday === 6) && iso(d).startsWith(`${year}-`) && !holidays.includes(iso(d)))
        workdays.push(iso(d));
    }
  }
  return { holidays: [...new Set(holidays)].filter((d) => d.startsWith(`${year}-`)), workdays, source: '测试用安排' };
}

function randomTable(random: () => number): HolidayTable {
  // The shipped 2025 and 2026, plus made-up years around them, leaving some years out (2027 or 2029 at times);
  // 2028 is a leap year.
  const added: Record<number, ReturnType<typeof madeUpYear>> = {};
  for (const year of [2023, 2024, 2027, 2028, 2029, 2030]) if (random() < 0.6) added[year] = madeUpYear(year, random);
  return mergeHolidayTables(HOLIDAY_TABLE, added);
}

function randomDate(random: () => number, fromYear: number, toYear: number): string {
  const first = dayOf(`${fromYear}-01-01`);
  return iso(first + Math.floor(random() * (dayOf(`${toYear + 1}-01-01`) - first)));
}

function randomPauses(random: () => number, start: string): Pause[] {
  const pauses: Pause[] = [];
  const count = random() < 0.4 ? 0 : Math.floor(random() * 4);
  for (let i = 0; i < count; i++) {
    const from = dayOf(start) + Math.floor(random() * 60) - 10; // some before the start
    const length = random() < 0.2 ? 0 : Math.floor(random() * 25); // some ending the day they start
    pauses.push({ from: iso(from), to: iso(from + length) });
  }
  return pauses;
}

describe('fast calendar arithmetic against a day-by-day count', () => {
  it('gives every day of 2023–2031 the same kind, scheduled or not', () => {
    const tables = [HOLIDAY_TABLE, randomTable(mulberry32(1)), randomTable(mulberry32(2))];
    let checked = 0;
    for (const table of tables) {
      for (let day = dayOf('2023-01-01'); day <= dayOf('2031-12-31'); day++) {
        expect(dayKind(iso(day), table)).toEqual(referenceKind(iso(day), table));
        checked++;
      }
    }
    expect(checked).toBe(3 * (9 * 365 + 2)); // 2024 and 2028 are leap years
  });

  it.each([1, 2, 3, 4, 5, 6, 7, 8])('agrees on 600 random periods with pauses (seed %i)', (seed) => {
    const random = mulberry32(seed);
    const seen = { provisional: 0, paused: 0, shifted: 0 };
    for (let i = 0; i < 600; i++) {
      const table = i % 3 === 0 ? HOLIDAY_TABLE : randomTable(random);
      const unit = (['calendarDays', 'workingDays', 'months'] as const)[i % 3]!;
      const start = randomDate(random, 2023, 2030);
      const n =
        unit === 'months'
          ? 1 + Math.floor(random() * 14)
          : random() < 0.8
            ? 1 + Math.floor(random() * 40)
            : 1 + Math.floor(random() * 900);
      const pauses = randomPauses(random, start);
      const expected = outcome(() => reference[unit](start, n, table, pauses));
      const actual = outcome(() => fast[unit](start, n, table, pauses));
      if (JSON.stringify(actual) !== JSON.stringify(expected)) {
        throw new Error(
          `seed ${seed} #${i}: ${unit} ${start} + ${n} pauses ${JSON.stringify(pauses)}: ${JSON.stringify(actual)} ≠ ${JSON.stringify(expected)}`,
        );
      }
      expect(actual).toEqual(expected);
      if ('due' in actual) {
        if (actual.provisional) seen.provisional++;
        if (pauses.some((p) => p.to > p.from)) seen.paused++;
        if (unit !== 'workingDays' && actual.due !== reference[unit](start, n, table, []).due) seen.shifted++;
      }
    }
    // the random periods did reach unscheduled years and paused time
    expect(seen.provisional).toBeGreaterThan(20);
    expect(seen.paused).toBeGreaterThan(100);
    expect(seen.shifted).toBeGreaterThan(50);
  });

  it('agrees on every start day of 2025–2027 for the dashboard limits: 3, 5, 7, 30 days, 15 working days, 1 month', () => {
    for (let day = dayOf('2025-01-01'); day <= dayOf('2027-12-31'); day++) {
      const start = iso(day);
      for (const n of [3, 5, 7, 30])
        expect(addCalendarDays(start, n)).toEqual(reference.calendarDays(start, n, HOLIDAY_TABLE, []));
      expect(addWorkingDays(start, 15)).toEqual(reference.workingDays(start, 15, HOLIDAY_TABLE, []));
      expect(addMonths(start, 1)).toEqual(reference.months(start, 1, HOLIDAY_TABLE, []));
    }
  });

  it('warns about each missing year a long period crosses, and not about a year a pause covers whole', () => {
    const only2026: HolidayTable = { 2026: HOLIDAY_TABLE[2026]! };
    const across = addWorkingDays('2026-12-01', 800, only2026);
    expect(across).toEqual(reference.workingDays('2026-12-01', 800, only2026, []));
    expect(across.missingYears).toEqual([2027, 2028, 2029]);
    // 2027 is paused from its first day to its last: no day of it is looked at
    const paused = [{ from: '2026-12-31', to: '2027-12-31' }];
    const skipped = addWorkingDays('2026-12-30', 3, only2026, paused);
    expect(skipped).toEqual(reference.workingDays('2026-12-30', 3, only2026, paused));
    expect(skipped.missingYears).toEqual([2028]);
  });

  it('counts over the 2028 leap day like the day-by-day count', () => {
    for (const start of ['2028-02-27', '2028-02-28', '2028-02-29', '2028-01-29', '2027-12-31']) {
      for (const n of [1, 2, 3, 30, 366]) {
        expect(addCalendarDays(start, n)).toEqual(reference.calendarDays(start, n, HOLIDAY_TABLE, []));
        expect(addWorkingDays(start, n)).toEqual(reference.workingDays(start, n, HOLIDAY_TABLE, []));
      }
      expect(addMonths(start, 12)).toEqual(reference.months(start, 12, HOLIDAY_TABLE, []));
    }
  });

  it('refuses like the day-by-day count when a table gives every day off or a pause runs for decades', () => {
    const allOff: Record<number, { holidays: string[]; workdays: string[]; source: string }> = {};
    for (let year = 2026; year <= 2070; year++) {
      const days: string[] = [];
      for (let d = dayOf(`${year}-01-01`); d < dayOf(`${year + 1}-01-01`); d++) days.push(iso(d));
      allOff[year] = { holidays: days, workdays: [], source: '测试：全年放假' };
    }
    const expected = { error: 'VALIDATION table 期限计算超出范围，请检查节假日表' };
    expect(outcome(() => reference.workingDays('2026-03-02', 1, allOff, []))).toEqual(expected);
    expect(outcome(() => addWorkingDays('2026-03-02', 1, allOff))).toEqual(expected);
    expect(outcome(() => addCalendarDays('2026-03-02', 1, allOff))).toEqual(expected);
    const decades = [{ from: '2026-03-02', to: '2070-01-01' }];
    expect(outcome(() => reference.calendarDays('2026-03-02', 3, HOLIDAY_TABLE, decades))).toEqual(expected);
    expect(outcome(() => addCalendarDays('2026-03-02', 3, HOLIDAY_TABLE, decades))).toEqual(expected);
    expect(outcome(() => addWorkingDays('2026-03-02', 3, HOLIDAY_TABLE, decades))).toEqual(expected);
  });

  it('uses a corrected year the bureau sends, not one it computed before', () => {
    const before = addWorkingDays('2026-12-28', 5);
    const corrected = mergeHolidayTables(HOLIDAY_TABLE, {
      2027: { holidays: ['2027-01-01', '2027-01-04'], workdays: ['2027-01-02'], source: '县局配置' },
    });
    expect(before).toEqual({ due: '2027-01-04', provisional: true, missingYears: [2027] });
    expect(addWorkingDays('2026-12-28', 5, corrected)).toEqual(reference.workingDays('2026-12-28', 5, corrected, []));
    expect(addWorkingDays('2026-12-28', 5, corrected)).toEqual({
      due: '2027-01-05',
      provisional: false,
      missingYears: [],
    });
  });
});

describe('due dates over the fast calendar (computeDeadline)', () => {
  it('keeps answers apart per holiday table and per rule', () => {
    const with2027 = mergeHolidayTables(HOLIDAY_TABLE, {
      2027: { holidays: ['2027-01-15'], workdays: [], source: '县局配置' },
    });
    expect(computeDeadline('mediationTerm', { start: '2026-12-15' })).toMatchObject({
      due: '2027-01-15',
      provisional: true,
      missingYears: [2027],
    });
    expect(computeDeadline('mediationTerm', { start: '2026-12-15', table: with2027 })).toMatchObject({
      due: '2027-01-18',
      provisional: false,
      missingYears: [],
    });
    expect(computeDeadline('mediationTerm', { start: '2026-12-15' }).due).toBe('2027-01-15');
    expect(computeDeadline('mediationJudicialConfirmation', { start: '2026-12-15' }).due).toBe('2027-01-14');
    expect(computeDeadline('mediationTerm', { start: '2026-12-15', rules: { mediationTerm: { length: 2 } } }).due).toBe(
      '2027-02-15',
    );
  });
});
