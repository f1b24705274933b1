import type { CaseAction } from '../../../../shared/lifecycle';
import { deadlinesOf, mediationTermDue } from '../../../../shared/kinds/mediation/deadlines';
import {
  actionProblem,
  availableActions,
  factsOf,
  MEDIATION_ACTIONS,
  MEDIATION_STATUSES,
  type MediationAction,
  type MediationStatus,
} from '../../../../shared/kinds/mediation/lifecycle';

let seq = 0;
function entry(action: string, actedOn: string, data: Record<string, unknown> = {}): CaseAction {
  seq += 1;
  return { id: seq, action, actedOn, data, fromStatus: null, toStatus: 'x', username: '李娟', recordedAt: 't' };
}
const REGISTER = entry('register', '2026-11-02');
const SESSION = entry('recordSession', '2026-11-05', { place: '村委会', attendees: '', content: '双方陈述' });
const WRITTEN = entry('succeed', '2026-11-10', {
  form: '书面',
  content: '',
  amountFen: 150_000,
  performanceMethod: '即时履行',
  performanceDueOn: '',
  effectiveOn: '2026-11-11',
  agreementNumber: '12',
  crimePrevention: true,
});

const facts = (status: MediationStatus, timeline: CaseAction[], simple = false) =>
  factsOf({ receivedOn: '2026-11-02', status, detail: { simple: simple ? 1 : 0 } }, [REGISTER, ...timeline]);

// By status alone (the engine's rule), written out by hand.
const BY_STATUS: Record<MediationStatus, MediationAction[]> = {
  registered: ['investigate', 'recordSession', 'succeed', 'fail', 'terminate'],
  mediating: ['investigate', 'recordSession', 'extend', 'succeed', 'fail', 'terminate'],
  concluded: [
    'recordPerformance',
    'followUp',
    'applyConfirmation',
    'recordConfirmation',
    'markCrimePrevention',
    'recordSubsidy',
  ],
  failed: [],
  terminated: [],
  archived: [],
};

describe('the mediation lifecycle', () => {
  it.each(MEDIATION_STATUSES)('allows from %s exactly the actions its status permits', (status) => {
    const allowed = MEDIATION_ACTIONS.filter(
      (a) =>
        !actionProblem(facts(status, [SESSION, WRITTEN]), a, {
          actedOn: '2026-11-12',
          today: '2026-11-12',
        })?.startsWith('案件当前为'),
    );
    const expected = [
      ...BY_STATUS[status],
      ...(['concluded', 'failed', 'terminated'].includes(status) ? ['archive'] : []),
    ];
    expect(new Set(allowed)).toEqual(new Set(expected));
  });

  it('asks for a mediation record before success or failure, except for a 口头调解登记', () => {
    expect(actionProblem(facts('registered', []), 'succeed', { actedOn: '2026-11-12', today: '2026-11-12' })).toMatch(
      /^尚无调解记录/,
    );
    expect(
      actionProblem(facts('mediating', [entry('investigate', '2026-11-03')]), 'fail', {
        actedOn: '2026-11-12',
        today: '2026-11-12',
      }),
    ).toMatch(/^尚无调解记录/);
    expect(
      actionProblem(facts('mediating', [SESSION]), 'succeed', { actedOn: '2026-11-12', today: '2026-11-12' }),
    ).toBeNull();
    expect(
      actionProblem(facts('registered', [], true), 'succeed', { actedOn: '2026-11-12', today: '2026-11-12' }),
    ).toBeNull();
  });

  it('folds the timeline into the case’s facts', () => {
    const f = facts('concluded', [
      SESSION,
      WRITTEN,
      entry('recordPerformance', '2026-11-12', { state: '部分履行', note: '尚欠500元' }),
      entry('followUp', '2026-11-15', { method: '电话回访', content: '已付清' }),
      entry('recordPerformance', '2026-11-15', { state: '已履行', note: '' }),
      entry('applyConfirmation', '2026-11-16', { court: '雨花区人民法院' }),
      entry('markCrimePrevention', '2026-11-17', { crimePrevention: false, note: '复核' }),
    ]);
    expect(f).toMatchObject({
      lastActedOn: '2026-11-17',
      sessions: [{ on: '2026-11-05', place: '村委会', content: '双方陈述' }],
      outcome: { on: '2026-11-10', result: '调解成功' },
      agreement: { form: '书面', amountFen: 150_000, effectiveOn: '2026-11-11' },
      performance: { on: '2026-11-15', state: '已履行' },
      // A follow-up recorded before the shared form reads as one, without a 满意度.
      followUps: [{ on: '2026-11-15', method: '电话', remarks: '已付清', satisfaction: null }],
      confirmation: { appliedOn: '2026-11-16', court: '雨花区人民法院', result: null },
      crimePrevention: false,
    });
    // A pending confirmation holds the archive; nothing holds a second follow-up.
    expect(actionProblem(f, 'archive', { actedOn: '2026-11-20', today: '2026-11-20' })).toBe(
      '司法确认申请尚无结果，登记确认结果后方可归档',
    );
    expect(availableActions(f, '2026-11-20').map((a) => a.action)).toEqual([
      'recordPerformance',
      'followUp',
      'recordConfirmation',
      'markCrimePrevention',
      'recordSubsidy',
    ]);
  });

  it('closes the judicial-confirmation window 30 days after the agreement took effect', () => {
    const f = facts('concluded', [SESSION, WRITTEN]);
    // 2026-11-11 + 30 days = 2026-12-11 (a Friday).
    expect(actionProblem(f, 'applyConfirmation', { actedOn: '2026-12-11', today: '2026-12-11' })).toBeNull();
    expect(actionProblem(f, 'applyConfirmation', { actedOn: '2026-12-12', today: '2026-12-12' })).toMatch(
      /^申请司法确认须在调解协议生效之日起三十日内（截至2026年12月11日/,
    );
  });
});

describe('mediation time limits', () => {
  it('counts one month from registration, moved to the next working day when it ends on a rest day', () => {
    expect(mediationTermDue({ receivedOn: '2026-11-02', extension: null })).toBe('2026-12-02');
    // 2026-10-31 + 1 month: November has no 31st, so its last day, 2026-11-30 (a Monday).
    expect(mediationTermDue({ receivedOn: '2026-10-31', extension: null })).toBe('2026-11-30');
    // 2026-11-05 + 1 month = 2026-12-05, a Saturday → Monday 2026-12-07.
    expect(mediationTermDue({ receivedOn: '2026-11-05', extension: null })).toBe('2026-12-07');
    expect(
      mediationTermDue({
        receivedOn: '2026-11-02',
        extension: { on: '2026-11-20', extendedTo: '2026-12-20', reason: '' },
      }),
    ).toBe('2026-12-20');
  });

  it('reports the term open, due soon, overdue, done or done late', () => {
    const open = facts('registered', []);
    const status = (f: ReturnType<typeof facts>, today: string) =>
      deadlinesOf(f, today).find((d) => d.key === 'mediationTerm')?.status;
    expect(status(open, '2026-11-22')).toBe('open');
    expect(status(open, '2026-11-30')).toBe('dueSoon');
    expect(status(open, '2026-12-02')).toBe('dueSoon');
    expect(status(open, '2026-12-03')).toBe('overdue');
    expect(status(facts('concluded', [SESSION, WRITTEN]), '2027-01-01')).toBe('done');
    const late = facts('failed', [SESSION, entry('fail', '2026-12-03', { reason: '', routesTold: ['司法'] })]);
    expect(status(late, '2027-01-01')).toBe('doneLate');
  });

  it('lists the confirmation window for written agreements only, while it can still be used or once used', () => {
    const keys = (f: ReturnType<typeof facts>, today: string) => deadlinesOf(f, today).map((d) => d.key);
    const written = facts('concluded', [SESSION, WRITTEN]);
    expect(keys(written, '2026-12-11')).toEqual(['mediationTerm', 'mediationJudicialConfirmation']);
    expect(keys(written, '2026-12-12')).toEqual(['mediationTerm']);
    const applied = facts('concluded', [SESSION, WRITTEN, entry('applyConfirmation', '2026-11-20', { court: '法院' })]);
    expect(deadlinesOf(applied, '2027-03-01').find((d) => d.key === 'mediationJudicialConfirmation')).toMatchObject({
      doneOn: '2026-11-20',
      status: 'done',
      optional: true,
    });
    const oral = facts('concluded', [
      SESSION,
      entry('succeed', '2026-11-10', { ...WRITTEN.data, form: '口头', effectiveOn: '2026-11-10' }),
    ]);
    expect(keys(oral, '2026-11-12')).toEqual(['mediationTerm']);
  });
});
