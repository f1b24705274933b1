import type { CaseAction } from '../../../../shared/lifecycle';
import { requestDeadlines } from '../../../../shared/kinds/notarization/deadlines';
import { actionProblem, availableActions, progressOf } from '../../../../shared/kinds/notarization/lifecycle';
import { mergeHolidayTables, HOLIDAY_TABLE } from '../../../../shared/holidays';
import { PAYLOADS } from './fixtures';

let nextId = 1;
function entry(
  action: string,
  actedOn: string,
  data: Record<string, unknown> = (PAYLOADS as Record<string, Record<string, unknown>>)[action] ?? {},
): CaseAction {
  return { id: nextId++, action, actedOn, data, fromStatus: null, toStatus: '', username: '李娟', recordedAt: '' };
}

/** Received, checked and forwarded, accepted on `acceptedOn`. */
function acceptedOn(acceptedOn: string, deferred: Record<string, unknown> | null = null): CaseAction[] {
  return [
    entry('register', '2026-09-15'),
    entry('checkMaterials', '2026-09-15'),
    entry('forward', '2026-09-16'),
    entry('accept', acceptedOn, { noticeNumber: '', deferred }),
  ];
}

describe('the 15-working-day limit to issue (公证法 第30条)', () => {
  it('has no limit before the notary office accepts', () => {
    expect(requestDeadlines(progressOf(acceptedOn('2026-09-22').slice(0, 3)), '2026-09-20')).toEqual({
      issue: null,
      deferredMaterials: null,
    });
  });

  it('counts working days across 中秋 and 国庆 2026, the make-up Saturday 10-10 included', () => {
    // 9-23, 9-24 | 9-25–27 off | 9-28, 9-29, 9-30 | 10-01–07 off | 10-08, 10-09, 10-10 (Sat, make-up), 10-12 … 10-16, 10-19, 10-20
    const { issue } = requestDeadlines(progressOf(acceptedOn('2026-09-22')), '2026-10-12');
    expect(issue).toMatchObject({
      startsOn: '2026-09-22',
      due: '2026-10-20',
      provisional: false,
      pauses: [],
      paused: false,
      doneOn: null,
      dueStatus: 'open',
    });
  });

  it('leaves out the days the clock was stopped for materials, from the day after the notice to the day they came', () => {
    const timeline = [
      ...acceptedOn('2026-09-22'),
      entry('suspend', '2026-09-29', { reason: '补充材料', missingItems: ['出生医学证明'], note: '' }),
      entry('resume', '2026-10-09'),
    ];
    // Paused 9-30 … 10-09: three working days (9-30, 10-08, 10-09) not counted, so 10-20 moves to 10-23.
    const { issue } = requestDeadlines(progressOf(timeline), '2026-10-12');
    expect(issue).toMatchObject({
      due: '2026-10-23',
      pauses: [{ from: '2026-09-29', to: '2026-10-09' }],
      paused: false,
      dueStatus: 'open',
    });
  });

  it('keeps when and how the applicant was told of each stop (公证程序规则 第35条); an older stop reads as untold', () => {
    const timeline = [
      ...acceptedOn('2026-09-22'),
      // Recorded before the 告知 was required.
      entry('suspend', '2026-09-29', { reason: '补充材料', missingItems: ['出生医学证明'], note: '' }),
      entry('resume', '2026-10-09'),
      entry('suspend', '2026-10-12', {
        reason: '核实有关情况',
        missingItems: [],
        toldOn: '2026-10-12',
        toldHow: '书面通知',
        note: '',
      }),
    ];
    expect(progressOf(timeline).pauses).toEqual([
      { from: '2026-09-29', to: '2026-10-09', reason: '补充材料', told: null },
      { from: '2026-10-12', to: null, reason: '核实有关情况', told: { on: '2026-10-12', how: '书面通知' } },
    ]);
  });

  it('while the clock is stopped, counts the pause up to today and says so', () => {
    const timeline = [
      ...acceptedOn('2026-09-22'),
      entry('suspend', '2026-09-29', { reason: '核实有关情况', missingItems: [], note: '' }),
    ];
    const { issue } = requestDeadlines(progressOf(timeline), '2026-10-05');
    // Only 9-30 is a working day in 9-30 … 10-05.
    expect(issue).toMatchObject({
      due: '2026-10-21',
      pauses: [{ from: '2026-09-29', to: '2026-10-05' }],
      paused: true,
    });
  });

  it('is done when issued by the due date and done late after it; overdue and due soon before issue', () => {
    const accepted = acceptedOn('2026-09-22');
    const issued = (on: string) => requestDeadlines(progressOf([...accepted, entry('issue', on)]), '2026-11-22').issue;
    expect(issued('2026-10-20')).toMatchObject({ doneOn: '2026-10-20', dueStatus: 'done' });
    expect(issued('2026-10-21')).toMatchObject({ doneOn: '2026-10-21', dueStatus: 'doneLate' });
    expect(requestDeadlines(progressOf(accepted), '2026-10-21').issue?.dueStatus).toBe('overdue');
    expect(requestDeadlines(progressOf(accepted), '2026-10-17').issue?.dueStatus).toBe('dueSoon');
  });

  it('stops running when the request is refused or terminated before issue', () => {
    const timeline = [...acceptedOn('2026-09-22'), entry('terminate', '2026-09-24')];
    expect(requestDeadlines(progressOf(timeline), '2026-11-22').issue).toMatchObject({
      due: '2026-10-20',
      dueStatus: null,
    });
  });

  it('is provisional when it runs into a year with no holiday schedule, until the bureau adds it', () => {
    // 12-16 … 12-31 is 12 working days; 2027-01-01 (Fri) counts as a working day only for want of the 2027 schedule.
    const progress = progressOf(acceptedOn('2026-12-15'));
    expect(requestDeadlines(progress, '2026-12-20').issue).toMatchObject({
      due: '2027-01-05',
      provisional: true,
      missingYears: [2027],
    });
    const with2027 = mergeHolidayTables(HOLIDAY_TABLE, {
      2027: { holidays: ['2027-01-01'], workdays: [], source: '测试用' },
    });
    expect(requestDeadlines(progress, '2026-12-20', with2027).issue).toMatchObject({
      due: '2027-01-06',
      provisional: false,
      missingYears: [],
    });
  });
});

describe('the date promised for a 容缺 item', () => {
  const deferred = { item: '学信网学历认证报告', commitmentSigned: true, promisedOn: '2026-09-30' };
  const base = acceptedOn('2026-09-18', deferred);

  it('is open, due soon, then overdue while the item is outstanding', () => {
    const at = (today: string) => requestDeadlines(progressOf(base), today).deferredMaterials;
    expect(at('2026-09-20')).toMatchObject({
      item: '学信网学历认证报告',
      due: '2026-09-30',
      unit: 'promisedDate',
      doneOn: null,
      dueStatus: 'open',
    });
    expect(at('2026-09-28')?.dueStatus).toBe('dueSoon');
    expect(at('2026-09-30')?.dueStatus).toBe('dueSoon');
    expect(at('2026-10-08')?.dueStatus).toBe('overdue');
  });

  it('is done when supplied on or before the promised date, and done late after it', () => {
    const supplied = (on: string) =>
      requestDeadlines(progressOf([...base, entry('supplyDeferred', on)]), '2026-11-22').deferredMaterials;
    expect(supplied('2026-09-30')).toMatchObject({ doneOn: '2026-09-30', dueStatus: 'done' });
    expect(supplied('2026-10-08')).toMatchObject({ doneOn: '2026-10-08', dueStatus: 'doneLate' });
  });

  it('blocks the certificate until the item has come, and can be supplied only once', () => {
    const before = progressOf(base);
    expect(actionProblem({ status: 'accepted', progress: before }, 'issue')).toBe(
      '容缺材料“学信网学历认证报告”尚未补交，不能出证',
    );
    expect(availableActions({ status: 'accepted', progress: before }).map((a) => a.action)).toEqual([
      'suspend',
      'supplyDeferred',
      'refuse',
      'terminate',
    ]);
    const after = progressOf([...base, entry('supplyDeferred', '2026-09-29')]);
    expect(actionProblem({ status: 'accepted', progress: after }, 'issue')).toBeNull();
    expect(actionProblem({ status: 'accepted', progress: after }, 'supplyDeferred')).toBe(
      '容缺材料已经补交，不能重复登记',
    );
    expect(
      actionProblem({ status: 'accepted', progress: progressOf(acceptedOn('2026-09-18')) }, 'supplyDeferred'),
    ).toBe('本件不是容缺受理，没有待补交的容缺材料');
  });
});

describe('progress read from the timeline', () => {
  it('keeps what the applicant was told is missing until it is supplied', () => {
    const told = [
      entry('register', '2026-09-15'),
      entry('checkMaterials', '2026-09-15', { missingItems: ['毕业证书原件'], note: '' }),
    ];
    expect(progressOf(told).missingItems).toEqual(['毕业证书原件']);
    expect(progressOf([...told, entry('supplyMaterials', '2026-09-17')]).missingItems).toEqual([]);
  });
});
