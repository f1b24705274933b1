import { screen, waitFor, within } from '@testing-library/react';
import type { InterferenceRecord, InterferenceStatement } from '../../../shared/interference';
import { localDate } from '../../../shared/dates';
import { field, legalAidCase, messageOf, renderApp, USERS } from '../support';

jest.setTimeout(30_000);

const RECORD: InterferenceRecord = {
  id: 1,
  caseId: 7,
  caseNumber: '〔2026〕黎托援字第0001号',
  category: '内部人员过问案件',
  personName: '周某',
  personUnit: '某街道办事处',
  personPosition: '副主任',
  occurredOn: '2026-11-21',
  method: '电话',
  content: '询问审查进度，希望尽快批准。',
  handling: '告知按规定程序办理，已记录。',
  recordedBy: '李娟',
  recordedAt: '2026-11-21T03:00:00.000Z',
};

describe('过问或干预记录 on a case', () => {
  it('records an inquiry with every field of the three rules, then lists it', async () => {
    let records: InterferenceRecord[] = [];
    const { user, backend } = await renderApp(
      '#/cases/7',
      {
        'legalAid.get': () => legalAidCase(),
        'interference.list': () => records,
        'interference.record': (input) => {
          records = [{ ...RECORD, ...input, id: 2 } as InterferenceRecord];
          return { id: 2 };
        },
      },
      { as: USERS.clerk },
    );
    expect(await screen.findByText('本案没有过问或干预记录')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: '记录过问/干预情况' }));
    expect(field('过问日期')).toHaveValue(localDate());

    await user.click(screen.getByRole('button', { name: '保存' }));
    expect(messageOf(field('类别'))).toBe('类别：请选择');
    expect(messageOf(field('过问人姓名'))).toBe('过问人姓名：不能为空');
    expect(messageOf(screen.getByRole('radiogroup', { name: '过问方式' }))).toBe('过问方式：请选择');
    expect(backend.inputs('interference.record')).toHaveLength(0);

    await user.click(field('类别'));
    await user.click(await screen.findByTitle('内部人员过问案件'));
    await user.type(field('过问人姓名'), '周某');
    await user.type(field('工作单位'), '某街道办事处');
    await user.type(field('职务'), '副主任');
    await user.clear(field('过问日期'));
    await user.type(field('过问日期'), '2026-11-21{Enter}');
    await user.click(screen.getByRole('radio', { name: '电话' }));
    await user.type(field('过问内容'), '询问审查进度，希望尽快批准。');
    await user.type(field('处理情况'), '告知按规定程序办理，已记录。');
    await user.click(screen.getByRole('button', { name: '保存' }));

    await waitFor(() => expect(backend.inputs('interference.record')).toHaveLength(1));
    expect(backend.inputs('interference.record')[0]).toEqual({
      caseId: 7,
      category: '内部人员过问案件',
      personName: '周某',
      personUnit: '某街道办事处',
      personPosition: '副主任',
      occurredOn: '2026-11-21',
      method: '电话',
      content: '询问审查进度，希望尽快批准。',
      handling: '告知按规定程序办理，已记录。',
    });
    const listed = await screen.findByText('2026年11月21日 · 周某（某街道办事处，副主任）');
    const record = listed.closest('.interference-record') as HTMLElement;
    expect(within(record).getByText('告知按规定程序办理，已记录。')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: '保存' })).not.toBeInTheDocument();
    expect(backend.inputs('interference.list')).toEqual([
      { caseId: 7, period: null },
      { caseId: 7, period: null },
    ]);
  });

  it('does not offer a read-only user to record one', async () => {
    await renderApp(
      '#/cases/7',
      { 'legalAid.get': () => legalAidCase(), 'interference.list': () => [RECORD] },
      { as: USERS.readonly },
    );
    expect(await screen.findByText('询问审查进度，希望尽快批准。')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: '记录过问/干预情况' })).not.toBeInTheDocument();
  });
});

describe('月度报告', () => {
  const period = localDate().slice(0, 7);
  const statement = (over: Partial<InterferenceStatement>): InterferenceStatement => ({
    id: 1,
    userId: 1,
    displayName: '王所长',
    period,
    recordCount: 0,
    nil: true,
    note: '',
    submittedAt: '2026-11-22T02:00:00.000Z',
    ...over,
  });

  it('submits a nil statement when nothing was recorded, and shows who has not submitted', async () => {
    let statements: InterferenceStatement[] = [statement({})];
    const { user, backend } = await renderApp(
      '#/statements',
      {
        'interference.list': () => [],
        'interference.statements': () => ({
          period,
          statements,
          missing: statements.some((s) => s.userId === 3)
            ? [{ userId: 2, displayName: '张伟' }]
            : [
                { userId: 2, displayName: '张伟' },
                { userId: 3, displayName: '李娟' },
              ],
        }),
        'interference.submitStatement': (input) => {
          const made = statement({ id: 2, userId: 3, displayName: '李娟', note: input.note });
          statements = [...statements, made];
          return made;
        },
      },
      { as: USERS.clerk },
    );
    expect(await screen.findByTestId('statements-missing')).toHaveTextContent('尚未提交：张伟李娟');
    expect(screen.getByText('本月没有过问或干预记录，提交即为零报告。')).toBeInTheDocument();
    await user.type(screen.getByLabelText('说明（可不填）'), '本月无');
    await user.click(screen.getByRole('button', { name: '提交零报告' }));
    await waitFor(() => expect(backend.inputs('interference.submitStatement')).toEqual([{ period, note: '本月无' }]));
    await waitFor(() => expect(screen.getByTestId('statements-missing')).toHaveTextContent('尚未提交：张伟'));
    const mine = screen.getByRole('region', { name: '我的报告' });
    expect(within(mine).getByText('零报告')).toBeInTheDocument();
    expect(within(mine).getByText('本月无')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /提交/ })).not.toBeInTheDocument();
  });
});
