// 节假日安排 as the director keeps it: the years the due dates count with, a missing year said plainly, and next
// year's schedule entered from the State Council's notice.
import { screen, waitFor, within } from '@testing-library/react';
import type { HolidaySchedule } from '../../../shared/channels/holidays';
import { field, messageOf, renderApp, USERS } from '../support';

jest.setTimeout(30_000);

const SHIPPED: HolidaySchedule = {
  years: [
    {
      year: 2026,
      holidays: ['2026-10-01', '2026-10-02'],
      workdays: ['2026-09-20'],
      source: '国务院办公厅关于2026年部分节假日安排的通知',
      origin: 'shipped',
      installedBy: null,
      installedAt: null,
    },
  ],
  missingYears: [2027],
};
const WITH_2027: HolidaySchedule = {
  years: [
    {
      year: 2027,
      holidays: ['2027-10-01', '2027-10-02'],
      workdays: ['2027-09-26'],
      source: '国务院办公厅关于2027年部分节假日安排的通知',
      origin: 'installed',
      installedBy: '张伟',
      installedAt: '2026-12-10T02:00:00.000Z',
    },
    ...SHIPPED.years,
  ],
  missingYears: [],
};

describe('节假日安排', () => {
  it('shows the years with where they came from, and warns of a missing year', async () => {
    await renderApp('#/holidays', { 'holidays.list': () => SHIPPED }, { as: USERS.clerk });
    expect(await screen.findByText('缺少2027年的节假日安排')).toBeInTheDocument();
    const row = screen.getByText('2026年').closest('tr')!;
    expect(row).toHaveTextContent('2天：2026年10月1日、2026年10月2日');
    expect(row).toHaveTextContent('随程序发布');
    expect(screen.queryByRole('button', { name: '录入一年的安排' })).toBeNull(); // a clerk reads only
  });

  it('lets the director enter next year from the notice, refusing a wrong day on its field before sending', async () => {
    const { user, backend } = await renderApp(
      '#/holidays',
      { 'holidays.list': () => SHIPPED, 'holidays.save': () => WITH_2027 },
      { as: USERS.director },
    );
    await user.click(await screen.findByRole('button', { name: '录入一年的安排' }));
    const dialog = await screen.findByRole('dialog');
    expect(field('年份')).toHaveValue('2027');
    await user.type(field('依据的通知'), '国务院办公厅关于2027年部分节假日安排的通知');
    await user.type(field('放假日期'), '2027-10-01\n2027-10-02');
    await user.type(field('调休上班日期'), '2027-09-27');
    await user.click(within(dialog).getByRole('button', { name: '保存' }));
    await waitFor(() =>
      expect(messageOf(field('调休上班日期'))).toBe('调休上班日期：2027年调休上班日“2027-09-27”不是周六或周日'),
    );
    expect(backend.inputs('holidays.save')).toEqual([]);

    await user.clear(field('调休上班日期'));
    await user.type(field('调休上班日期'), '2027-09-26');
    await user.click(within(dialog).getByRole('button', { name: '保存' }));
    expect(await screen.findByText('张伟录入（2026年12月10日 10:00）', { exact: false })).toBeInTheDocument();
    expect(backend.inputs('holidays.save')).toEqual([
      {
        year: 2027,
        source: '国务院办公厅关于2027年部分节假日安排的通知',
        holidays: ['2027-10-01', '2027-10-02'],
        workdays: ['2027-09-26'],
      },
    ]);
  });
});
