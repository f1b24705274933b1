import { AppError } from '../../shared/errors';
import {
  computeDeadline,
  DEADLINE_RULES,
  dueStatus,
  normaliseDay,
  resolveDeadlineRules,
  type DeadlineRuleOverrides,
} from '../../shared/deadlines';
import { HOLIDAY_TABLE, mergeHolidayTables } from '../../shared/holidays';

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

describe('the statutory limits', () => {
  it('default to the statute', () => {
    const summary = Object.entries(DEADLINE_RULES).map(([key, r]) => [key, r.length, r.unit, r.pausable]);
    expect(summary).toEqual([
      ['legalAidDecision', 7, 'calendarDays', true],
      ['legalAidAssignment', 3, 'calendarDays', false],
      ['legalAidNotifiedAssignment', 3, 'calendarDays', false],
      ['legalAidClosingMaterials', 30, 'calendarDays', false],
      ['legalAidClosingReview', 30, 'calendarDays', false],
      ['legalAidObjectionReview', 5, 'calendarDays', false],
      ['mediationTerm', 1, 'months', false],
      ['mediationJudicialConfirmation', 30, 'calendarDays', false],
      ['notarizationIssue', 15, 'workingDays', true],
      ['notarizationDeferredMaterials', 0, 'promisedDate', false],
    ]);
    expect(DEADLINE_RULES.legalAidDecision.source).toContain('法律援助法 第43条');
    expect(DEADLINE_RULES.notarizationIssue.source).toBe('公证法 第30条');
    expect(DEADLINE_RULES.legalAidNotifiedAssignment.source).toContain('法律援助法 第36条');
    // Issue 14 item 6: 第49条 is confirmed; the closing limits' 30 days are the procedure rules', the statute says 及时.
    expect(DEADLINE_RULES.legalAidObjectionReview.source).toBe('法律援助法 第49条（自收到异议之日起五日内审查）');
    for (const key of ['legalAidClosingMaterials', 'legalAidClosingReview'] as const)
      expect(DEADLINE_RULES[key].source).toBe(
        '法律援助法 第50条（及时）；30日：《办理法律援助案件程序规定》及地方实践',
      );
    expect(Object.values(DEADLINE_RULES).filter((r) => r.source.includes('待核'))).toEqual([]);
  });
});

describe('legal aid', () => {
  it('decides within 7 days of receiving the application; a last day in 国庆 moves to 10-08', () => {
    expect(computeDeadline('legalAidDecision', { start: '2026-09-27' })).toEqual({
      due: '2026-10-08',
      provisional: false,
      missingYears: [],
      rule: 'legalAidDecision',
      label: '法律援助审查决定',
      length: 7,
      unit: 'calendarDays',
      source: DEADLINE_RULES.legalAidDecision.source,
    });
  });

  it('does not count the days the applicant takes to supply materials', () => {
    expect(computeDeadline('legalAidDecision', { start: '2026-03-02' }).due).toBe('2026-03-09');
    const pauses = [{ from: '2026-03-04', to: '2026-03-06' }];
    expect(computeDeadline('legalAidDecision', { start: '2026-03-02', pauses }).due).toBe('2026-03-11');
  });

  it('assigns within 3 days of the decision, past 劳动节', () => {
    expect(computeDeadline('legalAidAssignment', { start: '2026-04-30' }).due).toBe('2026-05-06');
  });

  it('takes closing materials 30 days after the matter ends and reviews them within 30 days', () => {
    expect(computeDeadline('legalAidClosingMaterials', { start: '2026-01-15' }).due).toBe('2026-02-14'); // make-up Saturday
    expect(computeDeadline('legalAidClosingReview', { start: '2026-01-20' }).due).toBe('2026-02-24'); // 02-19 in 春节
  });

  it('reviews an objection within 5 days; into 2027 it is provisional', () => {
    expect(computeDeadline('legalAidObjectionReview', { start: '2026-12-28' })).toMatchObject({
      due: '2027-01-04',
      provisional: true,
      missingYears: [2027],
    });
    const with2027 = mergeHolidayTables(HOLIDAY_TABLE, {
      2027: { holidays: ['2027-01-01'], workdays: [], source: '县局配置' },
    });
    expect(computeDeadline('legalAidObjectionReview', { start: '2026-12-28', table: with2027 })).toMatchObject({
      due: '2027-01-04',
      provisional: false,
      missingYears: [],
    });
  });

  it('refuses pauses for a limit the statute does not pause', () => {
    const pauses = [{ from: '2026-05-01', to: '2026-05-02' }];
    expect(fieldOf(() => computeDeadline('legalAidAssignment', { start: '2026-04-30', pauses }))).toBe('pauses');
    expect(computeDeadline('legalAidAssignment', { start: '2026-04-30', pauses: [] }).due).toBe('2026-05-06');
  });

  it('follows a province that still counts the review in working days', () => {
    const rules: DeadlineRuleOverrides = { legalAidDecision: { unit: 'workingDays', source: '某省实施办法' } };
    expect(computeDeadline('legalAidDecision', { start: '2026-03-02', rules })).toMatchObject({
      due: '2026-03-11',
      length: 7,
      unit: 'workingDays',
      source: '某省实施办法',
    });
  });
});

describe('mediation', () => {
  it('concludes within one month of registration', () => {
    expect(computeDeadline('mediationTerm', { start: '2026-01-31' }).due).toBe('2026-02-28');
    expect(computeDeadline('mediationTerm', { start: '2026-09-01' }).due).toBe('2026-10-08');
    expect(computeDeadline('mediationTerm', { start: '2028-01-31' })).toMatchObject({
      due: '2028-02-29',
      provisional: true,
      missingYears: [2028],
    });
  });

  it('leaves 30 days from the agreement taking effect to apply for judicial confirmation', () => {
    expect(computeDeadline('mediationJudicialConfirmation', { start: '2026-09-05' }).due).toBe('2026-10-08');
    expect(computeDeadline('mediationJudicialConfirmation', { start: '2026-06-01' }).due).toBe('2026-07-01');
  });
});

describe('notarization', () => {
  it('issues within 15 working days of acceptance over 春节', () => {
    expect(computeDeadline('notarizationIssue', { start: '2026-02-10' })).toMatchObject({
      due: '2026-03-09',
      provisional: false,
    });
  });

  it('does not count the time taken to supplement materials', () => {
    const pauses = [{ from: '2026-02-11', to: '2026-02-13' }];
    expect(computeDeadline('notarizationIssue', { start: '2026-02-10', pauses }).due).toBe('2026-03-11');
  });

  it('tracks the date promised for a missing item as given, without a holiday shift', () => {
    expect(computeDeadline('notarizationDeferredMaterials', { start: '20260308' })).toMatchObject({
      due: '2026-03-08', // a Sunday: the applicant promised that day
      provisional: false,
      missingYears: [],
    });
    expect(computeDeadline('notarizationDeferredMaterials', { start: ' 2026年3月8日 ' }).due).toBe('2026-03-08');
    expect(computeDeadline('notarizationDeferredMaterials', { start: '2027-1-5' })).toMatchObject({
      due: '2027-01-05',
      provisional: false,
    });
    expect(fieldOf(() => computeDeadline('notarizationDeferredMaterials', { start: '2026-02-29' }))).toBe('start');
  });
});

describe('dates as typed and bad configuration', () => {
  it('normalises the date forms a clerk types', () => {
    expect(normaliseDay('2026-03-05')).toBe('2026-03-05');
    expect(normaliseDay('20260305')).toBe('2026-03-05');
    expect(normaliseDay('2026/3/5')).toBe('2026-03-05');
    expect(normaliseDay('2026.03.5')).toBe('2026-03-05');
    expect(normaliseDay('２０２６年３月５日')).toBe('2026-03-05');
    expect(normaliseDay('2026-02-30')).toBeNull();
    expect(normaliseDay('3/5/2026')).toBeNull();
    expect(normaliseDay('')).toBeNull();
  });

  it('computes from a typed start date and refuses a date that does not exist', () => {
    expect(computeDeadline('legalAidDecision', { start: '20260302' }).due).toBe('2026-03-09');
    expect(fieldOf(() => computeDeadline('legalAidDecision', { start: '2026-13-02' }))).toBe('start');
  });

  it('refuses overrides it cannot count with', () => {
    expect(fieldOf(() => resolveDeadlineRules({ legalAidDecision: { length: 0 } }))).toBe(
      'rules.legalAidDecision.length',
    );
    expect(fieldOf(() => resolveDeadlineRules({ mediationTerm: { length: 2.5 } }))).toBe('rules.mediationTerm.length');
    expect(fieldOf(() => resolveDeadlineRules({ notarizationIssue: { unit: 'weeks' as never } }))).toBe(
      'rules.notarizationIssue.unit',
    );
    expect(fieldOf(() => resolveDeadlineRules({ nope: {} } as DeadlineRuleOverrides))).toBe('rules.nope');
    expect(
      resolveDeadlineRules({ legalAidAssignment: { length: 7, unit: 'workingDays' } }).legalAidAssignment,
    ).toMatchObject({
      label: '指派承办人员',
      length: 7,
      unit: 'workingDays',
    });
  });
});

describe('due status', () => {
  const due = '2026-03-09';

  it('is open until three days before the last day, then due soon through the last day', () => {
    expect(dueStatus(due, '2026-03-01')).toBe('open');
    expect(dueStatus(due, '2026-03-05')).toBe('open');
    expect(dueStatus(due, '2026-03-06')).toBe('dueSoon');
    expect(dueStatus(due, '2026-03-09')).toBe('dueSoon');
  });

  it('is overdue from the day after the last day', () => {
    expect(dueStatus(due, '2026-03-10')).toBe('overdue');
    expect(dueStatus(due, '2027-01-01')).toBe('overdue');
  });

  it('is done, or done late, once the step is done, whatever today is', () => {
    expect(dueStatus(due, '2026-03-20', '2026-03-09')).toBe('done');
    expect(dueStatus(due, '2026-03-02', '2026-03-02')).toBe('done');
    expect(dueStatus(due, '2026-03-20', '2026-03-10')).toBe('doneLate');
    expect(dueStatus(due, '2026-03-10', null)).toBe('overdue');
    expect(dueStatus(due, '2026-03-05', '')).toBe('open');
  });

  it('refuses dates that do not exist', () => {
    expect(fieldOf(() => dueStatus('2026-02-30', '2026-03-01'))).toBe('due');
    expect(fieldOf(() => dueStatus(due, '2026/03/01'))).toBe('today');
    expect(fieldOf(() => dueStatus(due, '2026-03-01', '2026-3-1'))).toBe('doneOn');
  });
});
