// Channels of the holiday schedule (节假日安排) due dates are computed with: the years shipped with the program and
// those installed after it — by the bureau's configuration package, or entered here from the State Council's notice
// (at the bureau, before it sends its configuration; at an office only when the bureau cannot send one in time).
import { z } from 'zod';
import { channel, empty, read, write } from '../channel';
import { holidayTableProblems } from '../holidays';
import { APPROVERS } from '../roles';
import { integer, isoDate, strictObject, text } from '../validation';

export interface HolidayYearInfo {
  year: number;
  holidays: string[];
  workdays: string[];
  source: string;
  /** Shipped with the program, or installed after it (who and when). */
  origin: 'shipped' | 'installed';
  installedBy: string | null;
  installedAt: string | null;
}

export interface HolidaySchedule {
  years: HolidayYearInfo[];
  /** This year and next when the schedule lacks them: their due dates count weekends only and are provisional. */
  missingYears: number[];
}

export const HOLIDAY_YEAR_LABELS = {
  year: '年份',
  holidays: '放假日期',
  'holidays.*': '放假日期',
  workdays: '调休上班日期',
  'workdays.*': '调休上班日期',
  source: '依据的通知',
} as const;

const dates = z.array(isoDate(), { error: '格式不正确' }).max(80, '最多80天');

export const holidayYearSchema = strictObject({
  year: integer({ min: 1949, max: 9999 }),
  holidays: dates.min(1, '请至少填写一天'),
  workdays: dates,
  source: text({ max: 200, required: true }),
}).superRefine((y, ctx) => {
  // The same checks the configuration package's years pass (shared/holidays.ts), named on their field.
  const problems = holidayTableProblems({ [y.year]: { holidays: y.holidays, workdays: y.workdays, source: y.source } });
  for (const problem of problems)
    ctx.addIssue({ code: 'custom', path: [problem.includes('调休') ? 'workdays' : 'holidays'], message: problem });
});

export const holidayChannels = {
  'holidays.list': channel<HolidaySchedule>()(empty, read()),
  'holidays.save': channel<HolidaySchedule>()(holidayYearSchema, write(HOLIDAY_YEAR_LABELS, APPROVERS)),
} as const;
