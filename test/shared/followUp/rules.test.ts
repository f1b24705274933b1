// The county's follow-up rules over a case's timeline: which follow-ups are owed, by when, and whether they were made;
// the rules' own checks; and follow-ups recorded before the shared form reading as follow-ups.
import { followUpRecordOf } from '../../../shared/followUp/form';
import {
  DEFAULT_FOLLOW_UP_RULES,
  followUpRulesSchema,
  followUpsDue,
  type FollowUpRules,
} from '../../../shared/followUp/rules';
import type { CaseAction } from '../../../shared/lifecycle';

let nextId = 1;
const entry = (action: string, actedOn: string, data: Record<string, unknown> = {}): CaseAction => ({
  id: nextId++,
  action,
  actedOn,
  data,
  fromStatus: null,
  toStatus: '',
  username: '李文',
  recordedAt: '',
});
const followUp = (on: string, satisfaction = '满意') => entry('followUp', on, { method: '电话', satisfaction });

describe('follow-ups owed by a legal-aid case under the shipped rules', () => {
  const assigned = [entry('register', '2026-10-01'), entry('decide', '2026-10-02'), entry('assign', '2026-10-03')];

  it('is due within 15 days of the assignment, then overdue', () => {
    expect(followUpsDue('legal_aid', 'assigned', assigned, DEFAULT_FOLLOW_UP_RULES, '2026-10-18')).toEqual([
      expect.objectContaining({
        after: 'assign',
        label: '指派后回访',
        from: '2026-10-03',
        due: '2026-10-18',
        status: 'due',
      }),
    ]);
    expect(followUpsDue('legal_aid', 'assigned', assigned, DEFAULT_FOLLOW_UP_RULES, '2026-10-19')).toEqual([
      expect.objectContaining({ due: '2026-10-18', status: 'overdue', done: 0, doneOn: null }),
    ]);
  });

  it('matches each follow-up to the latest step before it: one while assigned, one after closing', () => {
    const timeline = [
      ...assigned,
      followUp('2026-10-20'),
      entry('close', '2026-11-01'),
      followUp('2026-11-05', '基本满意'),
    ];
    expect(followUpsDue('legal_aid', 'closed', timeline, DEFAULT_FOLLOW_UP_RULES, '2026-11-22')).toEqual([
      expect.objectContaining({ after: 'assign', doneOn: '2026-10-20', status: 'doneLate' }),
      expect.objectContaining({
        after: 'close',
        label: '结案后回访',
        due: '2026-12-01',
        doneOn: '2026-11-05',
        status: 'done',
      }),
    ]);
  });

  it('owes nothing once the case can no longer be followed up (archived)', () => {
    const timeline = [...assigned, entry('close', '2026-10-10'), entry('archive', '2026-10-20')];
    expect(followUpsDue('legal_aid', 'closed', timeline, DEFAULT_FOLLOW_UP_RULES, '2026-12-22')).toHaveLength(2);
    expect(followUpsDue('legal_aid', 'archived', timeline, DEFAULT_FOLLOW_UP_RULES, '2026-12-22')).toEqual([]);
  });

  it('follows the county’s rules: two follow-ups within 7 days of closing', () => {
    const rules: FollowUpRules = { rules: [{ kind: 'legal_aid', after: 'close', withinDays: 7, count: 2 }] };
    const timeline = [...assigned, followUp('2026-10-05'), entry('close', '2026-11-01'), followUp('2026-11-03')];
    expect(followUpsDue('legal_aid', 'closed', timeline, rules, '2026-11-09')).toEqual([
      expect.objectContaining({ after: 'close', due: '2026-11-08', required: 2, done: 1, status: 'overdue' }),
    ]);
    const twice = [...timeline, followUp('2026-11-08')];
    expect(followUpsDue('legal_aid', 'closed', twice, rules, '2026-11-09')).toEqual([
      expect.objectContaining({ done: 2, doneOn: '2026-11-08', status: 'done' }),
    ]);
  });

  it('asks nothing of a notarization request', () => {
    expect(
      followUpsDue(
        'notarization',
        'accepted',
        [entry('register', '2026-10-01')],
        DEFAULT_FOLLOW_UP_RULES,
        '2026-12-01',
      ),
    ).toEqual([]);
  });
});

describe('follow-ups owed by a mediation case', () => {
  it('is due within 30 days of the agreement', () => {
    const timeline = [
      entry('register', '2026-10-01'),
      entry('recordSession', '2026-10-02'),
      entry('succeed', '2026-10-02'),
    ];
    expect(followUpsDue('mediation', 'concluded', timeline, DEFAULT_FOLLOW_UP_RULES, '2026-11-02')).toEqual([
      expect.objectContaining({ label: '调解成功后回访', due: '2026-11-01', status: 'overdue' }),
    ]);
  });
});

describe('the rules’ own checks', () => {
  it('takes the shipped rules', () => {
    expect(followUpRulesSchema.parse(DEFAULT_FOLLOW_UP_RULES)).toEqual(DEFAULT_FOLLOW_UP_RULES);
  });

  it.each([
    [
      { rules: [{ kind: 'notarization', after: 'issue', withinDays: 5, count: 1 }] },
      ['rules', 0, 'kind'],
      '不是可回访的案件类型',
    ],
    [
      { rules: [{ kind: 'legal_aid', after: 'succeed', withinDays: 5, count: 1 }] },
      ['rules', 0, 'after'],
      '应为指派、结案之一',
    ],
    [
      { rules: [{ kind: 'mediation', after: 'succeed', withinDays: 0, count: 1 }] },
      ['rules', 0, 'withinDays'],
      '至少1天',
    ],
    [
      {
        rules: [
          { kind: 'mediation', after: 'succeed', withinDays: 10, count: 1 },
          { kind: 'mediation', after: 'succeed', withinDays: 20, count: 1 },
        ],
      },
      ['rules', 1, 'after'],
      '同一案件类型的同一环节只能有一条回访要求',
    ],
  ])('refuses %j', (rules, path, message) => {
    const result = followUpRulesSchema.safeParse(rules);
    expect(result.success).toBe(false);
    expect(result.error!.issues[0]).toMatchObject({ path, message });
  });
});

describe('follow-ups recorded before the shared form', () => {
  it('reads an old mediation row as a follow-up without a 满意度', () => {
    const old = entry('followUp', '2026-06-01', { method: '上门回访', visited: '王建国', content: '协议已履行' });
    expect(followUpRecordOf(old)).toMatchObject({
      on: '2026-06-01',
      method: '上门',
      reached: '王建国',
      satisfaction: null,
      remarks: '协议已履行',
      recordedBy: '李文',
    });
  });
});
