// 节假日安排 through the channels: the director enters next year's schedule from the State Council's notice, and a
// wrong date is refused on its field with nothing changed.
import { createApi } from '../../../shared/client';
import type { ChannelInput } from '../../../shared/contract';
import { HOLIDAY_TABLE } from '../../../shared/holidays';
import { fileState, OFFICE, testBackend, validApplication, type TestBackend } from '../../support/fixtures';

let backend: TestBackend;
const as = (caller: string) => createApi((channel, input) => backend.dispatch(channel, input, caller));
let director: ReturnType<typeof createApi>;

const YEAR_2027: ChannelInput<'holidays.save'> = {
  year: 2027,
  holidays: ['2027-10-01', '2027-10-02', '2027-10-03', '2027-10-04', '2027-10-05', '2027-10-06', '2027-10-07'],
  workdays: ['2027-09-26', '2027-10-09'],
  source: '国务院办公厅关于2027年部分节假日安排的通知',
};

beforeEach(async () => {
  backend = testBackend();
  const admin = as('admin');
  await admin.call('auth.setup', {
    office: OFFICE,
    admin: { username: 'admin', displayName: '管理员', password: 'Admin2026' },
  });
  await admin.call('users.create', {
    username: 'suozhang',
    displayName: '王所长',
    role: 'director',
    password: 'Initial123',
  });
  director = as('suozhang');
  await director.call('auth.signIn', { username: 'suozhang', password: 'Initial123' });
  await director.call('auth.changePassword', { currentPassword: 'Initial123', newPassword: 'Changed2026' });
});
afterEach(() => backend.close());

describe('节假日安排', () => {
  it('lists the shipped years and says which of this year and next are missing', async () => {
    const schedule = await director.call('holidays.list', {});
    expect(schedule.years.map((y) => [y.year, y.origin])).toEqual([
      [2026, 'shipped'],
      [2025, 'shipped'],
    ]);
    expect(schedule.missingYears).toEqual([2027]);
  });

  it('takes a year entered from the notice, with who entered it', async () => {
    const schedule = await director.call('holidays.save', YEAR_2027);
    expect(schedule.years[0]).toMatchObject({
      year: 2027,
      origin: 'installed',
      installedBy: '王所长',
      holidays: YEAR_2027.holidays,
      workdays: YEAR_2027.workdays,
    });
    expect(schedule.missingYears).toEqual([]);
  });

  it.each([
    [
      'a day outside the year',
      { holidays: ['2028-01-01'] },
      'holidays',
      '放假日期：2027年放假日“2028-01-01”不在该年内',
    ],
    [
      'a make-up day on a weekday',
      { workdays: ['2027-09-27'] },
      'workdays',
      '调休上班日期：2027年调休上班日“2027-09-27”不是周六或周日',
    ],
    ['an unreal date', { holidays: ['2027-02-30'] }, 'holidays.0', '放假日期：不是真实的日期'],
    ['no notice named', { source: '  ' }, 'source', '依据的通知：不能为空'],
  ])('refuses %s on its field, changing nothing', async (_what, patch, field, message) => {
    const before = fileState(backend.dataFile);
    const result = await backend.dispatch('holidays.save', { ...YEAR_2027, ...patch }, 'suozhang');
    expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION', field, message } });
    expect(fileState(backend.dataFile)).toBe(before);
  });

  it('moves the due dates computed after it: a day declared off no longer ends a limit', async () => {
    const caseId = (await director.call('legalAid.create', { draftId: null, application: validApplication() })).id;
    const [before] = await director.call('legalAid.deadlines', { caseId });
    expect(before!.due).toBe('2026-11-27'); // seven days from 2026-11-20, a Friday
    const shipped = HOLIDAY_TABLE[2026]!;
    await director.call('holidays.save', {
      year: 2026,
      holidays: [...shipped.holidays, '2026-11-27'],
      workdays: [...shipped.workdays],
      source: `${shipped.source}（更正）`,
    });
    const [after] = await director.call('legalAid.deadlines', { caseId });
    expect(after).toMatchObject({ key: before!.key, due: '2026-11-30' }); // past the day off and the weekend
  });
});
