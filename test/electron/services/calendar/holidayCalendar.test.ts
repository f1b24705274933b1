// The holiday schedule an office computes with: the shipped years, and those the bureau's configuration installs.
import {
  holidayTableOf,
  installHolidayYears,
  installedHolidayYears,
} from '../../../../electron/services/calendar/holidayCalendar';
import { fixedClock } from '../../../../electron/services/system/clock';
import { HOLIDAY_TABLE, type HolidayTable } from '../../../../shared/holidays';
import { fileState, testBackend, type TestBackend } from '../../../support/fixtures';

const clock = fixedClock('2026-12-10T02:00:00Z');
/** 2027's 国庆节 as a notice might give it (a year the program did not ship with). */
const YEAR_2027: HolidayTable = {
  2027: {
    holidays: ['2027-10-01', '2027-10-02', '2027-10-03', '2027-10-04', '2027-10-05', '2027-10-06', '2027-10-07'],
    workdays: ['2027-09-26', '2027-10-09'],
    source: '国务院办公厅关于2027年部分节假日安排的通知',
  },
};

let backend: TestBackend;
beforeEach(() => {
  backend = testBackend();
});
afterEach(() => backend.close());

describe('the holiday schedule of an office', () => {
  it('is the shipped table until the bureau installs a year', async () => {
    expect(await holidayTableOf(backend.store.db)).toEqual(HOLIDAY_TABLE);
    expect(await installHolidayYears(backend.store.db, YEAR_2027, { by: '县司法局（配置包）', clock })).toEqual([2027]);
    const table = await holidayTableOf(backend.store.db);
    expect(table[2027]).toEqual(YEAR_2027[2027]);
    expect(table[2026]).toEqual(HOLIDAY_TABLE[2026]);
  });

  it('takes a reinstalled year as a correction of the earlier one', async () => {
    await installHolidayYears(backend.store.db, YEAR_2027, { by: '县司法局（配置包）', clock });
    const corrected = { 2027: { ...YEAR_2027[2027]!, workdays: ['2027-09-26'] } };
    await installHolidayYears(backend.store.db, corrected, { by: '县司法局（配置包）', clock });
    expect((await installedHolidayYears(backend.store.db))[2027]!.workdays).toEqual(['2027-09-26']);
  });

  it('refuses a table with a wrong date, whole, and changes nothing', async () => {
    await installHolidayYears(backend.store.db, YEAR_2027, { by: '县司法局（配置包）', clock });
    const before = fileState(backend.dataFile);
    const wrong = {
      2028: { holidays: ['2028-02-30'], workdays: [], source: '通知' },
      2029: { holidays: ['2029-01-01'], workdays: [], source: '通知' },
    };
    await expect(
      installHolidayYears(backend.store.db, wrong, { by: '县司法局（配置包）', clock }),
    ).rejects.toMatchObject({
      code: 'VALIDATION',
      field: 'holidays',
      message: expect.stringContaining('2028年放假日“2028-02-30”不是真实的日期'),
    });
    expect(fileState(backend.dataFile)).toBe(before);
    expect(Object.keys(await installedHolidayYears(backend.store.db))).toEqual(['2027']);
  });
});
