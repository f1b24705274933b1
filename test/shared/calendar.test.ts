import {
  addCalendarDays,
  addMonths,
  addWorkingDays,
  correspondingDay,
  dayKind,
  isWorkingDay,
  weekday,
} from '../../shared/calendar';
import { AppError } from '../../shared/errors';
import { HOLIDAY_TABLE, holidayTableProblems, mergeHolidayTables, type HolidayTable } from '../../shared/holidays';

const only2026: HolidayTable = { 2026: HOLIDAY_TABLE[2026]! };

function fieldOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(AppError);
    expect((e as AppError).code).toBe('VALIDATION');
    return (e as AppError).field;
  }
  throw new Error('expected a validation error');
}

describe('the holiday table', () => {
  it('ships 2026 as the State Council published it', () => {
    const y = HOLIDAY_TABLE[2026]!;
    expect(y.holidays).toHaveLength(3 + 9 + 3 + 5 + 3 + 3 + 7);
    expect(y.holidays).toEqual(
      expect.arrayContaining([
        '2026-01-03',
        '2026-02-15',
        '2026-02-23',
        '2026-04-06',
        '2026-05-05',
        '2026-06-19',
        '2026-09-27',
        '2026-10-07',
      ]),
    );
    expect(y.holidays).not.toContain('2026-10-08');
    expect([...y.workdays]).toEqual([
      '2026-01-04',
      '2026-02-14',
      '2026-02-28',
      '2026-05-09',
      '2026-09-20',
      '2026-10-10',
    ]);
  });

  it('ships 2025 as the State Council published it', () => {
    const y = HOLIDAY_TABLE[2025]!;
    expect(y.holidays).toHaveLength(1 + 8 + 3 + 5 + 3 + 8);
    expect(y.holidays).toEqual(
      expect.arrayContaining(['2025-01-28', '2025-02-04', '2025-05-31', '2025-06-02', '2025-10-08']),
    );
    expect([...y.workdays]).toEqual(['2025-01-26', '2025-02-08', '2025-04-27', '2025-09-28', '2025-10-11']);
  });

  it('finds nothing wrong with the shipped table, and says what is wrong with a bad one', () => {
    expect(holidayTableProblems(HOLIDAY_TABLE)).toEqual([]);
    const bad: HolidayTable = {
      2027: {
        holidays: ['2027-02-30', '2026-12-31', '2027-02-06'],
        workdays: ['2027-02-03', '2027-02-06'],
        source: '',
      },
    };
    expect(holidayTableProblems(bad)).toEqual([
      '2027年：未注明依据的通知',
      '2027年放假日“2027-02-30”不是真实的日期',
      '2027年放假日“2026-12-31”不在该年内',
      '2027年调休上班日“2027-02-03”不是周六或周日',
      '2027年“2027-02-06”同时列为放假日和调休上班日',
    ]);
  });

  it('lets the bureau add a year without losing the shipped ones', () => {
    const with2027 = mergeHolidayTables(HOLIDAY_TABLE, {
      2027: { holidays: ['2027-01-01'], workdays: [], source: '县局配置' },
    });
    expect(Object.keys(with2027)).toEqual(['2025', '2026', '2027']);
    expect(isWorkingDay('2027-01-01', with2027)).toBe(false);
    expect(isWorkingDay('2027-01-01')).toBe(true); // Friday; no 2027 schedule shipped
  });
});

describe('working days', () => {
  it('knows weekdays, weekends, holidays and make-up days', () => {
    expect(weekday('2026-02-14')).toBe(6);
    expect(dayKind('2026-03-09')).toEqual({ kind: 'workday', scheduled: true });
    expect(dayKind('2026-03-07')).toEqual({ kind: 'weekend', scheduled: true });
    expect(dayKind('2026-02-16')).toEqual({ kind: 'holiday', scheduled: true });
    expect(dayKind('2026-02-14')).toEqual({ kind: 'makeUpWorkday', scheduled: true });
    expect(dayKind('2027-01-01')).toEqual({ kind: 'workday', scheduled: false });
    expect(isWorkingDay('2026-01-04')).toBe(true); // Sunday, make-up
    expect(isWorkingDay('2026-09-20')).toBe(true); // Sunday, make-up
    expect(isWorkingDay('2026-10-10')).toBe(true); // Saturday, make-up
    expect(isWorkingDay('2026-10-08')).toBe(true);
    expect(isWorkingDay('2026-10-03')).toBe(false);
    expect(isWorkingDay('2026-03-08')).toBe(false);
    expect(isWorkingDay('2025-01-26')).toBe(true);
    expect(isWorkingDay('2025-10-08')).toBe(false); // Wednesday inside 国庆+中秋 2025
  });

  it('refuses a date that does not exist', () => {
    expect(fieldOf(() => isWorkingDay('2026-02-29'))).toBe('day');
  });
});

describe('calendar-day periods (民法典 第201–203条)', () => {
  it('does not count the first day', () => {
    expect(addCalendarDays('2026-03-03', 7)).toEqual({ due: '2026-03-10', provisional: false, missingYears: [] });
    expect(addCalendarDays('2026-03-03', 1).due).toBe('2026-03-04');
  });

  it('moves a last day on a weekend to the Monday', () => {
    expect(addCalendarDays('2026-03-02', 5).due).toBe('2026-03-09'); // Sat 03-07 → Mon 03-09
    expect(addCalendarDays('2026-03-02', 6).due).toBe('2026-03-09'); // Sun 03-08 → Mon 03-09
  });

  it('moves a last day inside 国庆 to the first working day after it', () => {
    expect(addCalendarDays('2026-09-27', 7).due).toBe('2026-10-08'); // 10-04 is off
    expect(addCalendarDays('2026-09-03', 30).due).toBe('2026-10-08'); // 10-03
  });

  it('moves a last day inside 春节 past the whole week, and stops on a make-up Saturday', () => {
    expect(addCalendarDays('2026-02-13', 3).due).toBe('2026-02-24'); // 02-16 → after 02-23
    expect(addCalendarDays('2026-02-07', 7).due).toBe('2026-02-14'); // make-up Saturday: a working day
    expect(addCalendarDays('2026-02-21', 7).due).toBe('2026-02-28'); // make-up Saturday: stays
    expect(addCalendarDays('2026-02-22', 7).due).toBe('2026-03-02'); // Sun 03-01 → Mon 03-02
  });

  it('ends on a make-up Sunday after 元旦 across the 2025/2026 boundary', () => {
    expect(addCalendarDays('2025-12-25', 7)).toEqual({ due: '2026-01-04', provisional: false, missingYears: [] });
  });

  it('runs into 2027 with weekends only and says it is provisional', () => {
    expect(addCalendarDays('2026-12-28', 7)).toEqual({ due: '2027-01-04', provisional: true, missingYears: [2027] });
    expect(addCalendarDays('2026-12-24', 9)).toEqual({ due: '2027-01-04', provisional: true, missingYears: [2027] }); // Sat 01-02
    expect(addCalendarDays('2026-12-25', 7)).toEqual({ due: '2027-01-01', provisional: true, missingYears: [2027] });
  });

  it('is final when the days it depends on are all in scheduled years', () => {
    expect(addCalendarDays('2026-12-24', 7)).toEqual({ due: '2026-12-31', provisional: false, missingYears: [] });
    expect(addCalendarDays('2026-12-21', 5)).toEqual({ due: '2026-12-28', provisional: false, missingYears: [] }); // Sat → Mon
  });

  it('uses a year the bureau added', () => {
    const with2027 = mergeHolidayTables(HOLIDAY_TABLE, {
      2027: { holidays: ['2027-01-01'], workdays: [], source: '县局配置' },
    });
    expect(addCalendarDays('2026-12-25', 7, with2027)).toEqual({
      due: '2027-01-04',
      provisional: false,
      missingYears: [],
    });
  });

  it('flags a year missing from a custom table', () => {
    expect(addCalendarDays('2025-09-24', 7)).toEqual({ due: '2025-10-09', provisional: false, missingYears: [] });
    expect(addCalendarDays('2025-09-24', 7, only2026)).toEqual({
      due: '2025-10-01',
      provisional: true,
      missingYears: [2025],
    });
  });

  it('refuses bad input', () => {
    expect(fieldOf(() => addCalendarDays('2026-13-01', 7))).toBe('start');
    expect(fieldOf(() => addCalendarDays('2026-03-01', 0))).toBe('n');
    expect(fieldOf(() => addCalendarDays('2026-03-01', 1.5))).toBe('n');
  });
});

describe('working-day periods (工作日)', () => {
  it('counts 15 working days over 春节, skipping 02-15..02-23 and counting 02-14 and 02-28', () => {
    expect(addWorkingDays('2026-02-10', 15)).toEqual({ due: '2026-03-09', provisional: false, missingYears: [] });
  });

  it('counts 15 working days over 国庆 with the 09-20 and 10-10 make-up days', () => {
    expect(addWorkingDays('2026-09-15', 15).due).toBe('2026-10-12');
    expect(addWorkingDays('2026-09-18', 1).due).toBe('2026-09-20'); // Friday → make-up Sunday
    expect(addWorkingDays('2026-09-30', 1).due).toBe('2026-10-08');
  });

  it('counts an ordinary fortnight and starts after a weekend start', () => {
    expect(addWorkingDays('2026-03-02', 15).due).toBe('2026-03-23');
    expect(addWorkingDays('2026-03-07', 1).due).toBe('2026-03-09');
  });

  it('runs into 2027 counting 2027-01-01 as a Friday, provisionally', () => {
    expect(addWorkingDays('2026-12-21', 15)).toEqual({ due: '2027-01-11', provisional: true, missingYears: [2027] });
    expect(addWorkingDays('2026-12-21', 8)).toEqual({ due: '2026-12-31', provisional: false, missingYears: [] });
  });
});

describe('month periods (民法典 第202条)', () => {
  it('ends on the corresponding day, or the last day of a shorter month', () => {
    expect(correspondingDay('2026-01-31', 1)).toBe('2026-02-28');
    expect(correspondingDay('2028-01-31', 1)).toBe('2028-02-29');
    expect(correspondingDay('2028-02-29', 12)).toBe('2029-02-28');
    expect(correspondingDay('2027-02-28', 12)).toBe('2028-02-28');
    expect(correspondingDay('2026-03-31', 1)).toBe('2026-04-30');
    expect(correspondingDay('2026-02-28', 1)).toBe('2026-03-28');
    expect(correspondingDay('2026-12-15', 1)).toBe('2027-01-15');
    expect(correspondingDay('2026-08-31', 6)).toBe('2027-02-28');
  });

  it('applies the holiday shift to the month end', () => {
    expect(addMonths('2026-01-31', 1)).toEqual({ due: '2026-02-28', provisional: false, missingYears: [] }); // make-up Saturday
    expect(addMonths('2026-03-31', 1).due).toBe('2026-04-30');
    expect(addMonths('2026-04-30', 1).due).toBe('2026-06-01'); // Sat 05-30 → Mon 06-01
    expect(addMonths('2026-09-01', 1).due).toBe('2026-10-08');
    expect(addMonths('2026-01-15', 1).due).toBe('2026-02-24'); // 02-15 春节 → 02-24
  });

  it('handles the 2028 leap day, provisionally (no 2028 schedule)', () => {
    expect(addMonths('2028-01-31', 1)).toEqual({ due: '2028-02-29', provisional: true, missingYears: [2028] });
    expect(addMonths('2028-02-29', 1)).toEqual({ due: '2028-03-29', provisional: true, missingYears: [2028] });
    expect(addMonths('2027-01-31', 1)).toEqual({ due: '2027-03-01', provisional: true, missingYears: [2027] }); // Sun 02-28
  });

  it('refuses a month count out of range', () => {
    expect(fieldOf(() => addMonths('2026-01-31', 0))).toBe('n');
  });
});

describe('paused time', () => {
  const asked4th = { from: '2026-03-04', to: '2026-03-06' };

  it('leaves out the days after the request up to and including the day the materials arrive', () => {
    expect(addCalendarDays('2026-03-02', 7).due).toBe('2026-03-09');
    expect(addCalendarDays('2026-03-02', 7, HOLIDAY_TABLE, [asked4th]).due).toBe('2026-03-11'); // 05, 06 not counted
  });

  it('takes nothing away when the materials arrive the day they are asked for', () => {
    expect(addCalendarDays('2026-03-02', 7, HOLIDAY_TABLE, [{ from: '2026-03-04', to: '2026-03-04' }]).due).toBe(
      '2026-03-09',
    );
  });

  it('ignores pauses after the due date and the part of a pause before the start', () => {
    expect(addCalendarDays('2026-03-02', 7, HOLIDAY_TABLE, [{ from: '2026-03-20', to: '2026-03-25' }]).due).toBe(
      '2026-03-09',
    );
    // paused 02-28..03-04; only 03-03 and 03-04 are after the start
    expect(addCalendarDays('2026-03-02', 7, HOLIDAY_TABLE, [{ from: '2026-02-27', to: '2026-03-04' }]).due).toBe(
      '2026-03-11',
    );
  });

  it('merges overlapping pauses', () => {
    const pauses = [asked4th, { from: '2026-03-05', to: '2026-03-07' }]; // 05..07 not counted
    expect(addCalendarDays('2026-03-02', 7, HOLIDAY_TABLE, pauses).due).toBe('2026-03-12');
  });

  it('only loses working days that fall in the pause when counting working days', () => {
    expect(addWorkingDays('2026-03-02', 15, HOLIDAY_TABLE, [asked4th]).due).toBe('2026-03-25'); // Thu, Fri lost
    expect(addWorkingDays('2026-03-02', 15, HOLIDAY_TABLE, [{ from: '2026-03-06', to: '2026-03-09' }]).due).toBe(
      '2026-03-24',
    ); // only Mon lost
  });

  it('does not end a period on a paused day after a weekend last day', () => {
    // 5 days → Sat 03-07; asked that day, materials on Tue 03-10: Mon and Tue are paused
    expect(addCalendarDays('2026-03-02', 5, HOLIDAY_TABLE, [{ from: '2026-03-07', to: '2026-03-10' }]).due).toBe(
      '2026-03-11',
    );
  });

  it('lengthens a month period day for day, then shifts past 清明', () => {
    expect(addMonths('2026-03-02', 1).due).toBe('2026-04-02');
    expect(addMonths('2026-03-02', 1, HOLIDAY_TABLE, [{ from: '2026-03-10', to: '2026-03-12' }]).due).toBe(
      '2026-04-07',
    );
  });

  it('refuses a pause that ends before it starts', () => {
    expect(
      fieldOf(() =>
        addCalendarDays('2026-03-02', 7, HOLIDAY_TABLE, [asked4th, { from: '2026-03-06', to: '2026-03-05' }]),
      ),
    ).toBe('pauses.1.to');
    expect(
      fieldOf(() => addWorkingDays('2026-03-02', 7, HOLIDAY_TABLE, [{ from: '2026-3-6', to: '2026-03-08' }])),
    ).toBe('pauses.0.from');
  });
});
