import type { CaseAction } from '../../../../shared/lifecycle';
import { transitionProblem } from '../../../../shared/lifecycle';
import { deadlinesOf } from '../../../../shared/kinds/legalAid/deadlines';
import {
  actionProblem,
  availableActions,
  factsOf,
  LEGAL_AID_ACTIONS,
  LEGAL_AID_LIFECYCLE,
  LEGAL_AID_STATUSES,
  type LegalAidAction,
  type LegalAidStatus,
} from '../../../../shared/kinds/legalAid/lifecycle';

// Written out by hand from ../shared/domain/legal-aid.md, not derived from the lifecycle: the statuses each action
// may be taken from.
const ALLOWED_FROM: Record<LegalAidAction, LegalAidStatus[]> = {
  notifyMissing: ['received'],
  supplyMaterials: ['awaiting_materials'],
  deemWithdrawn: ['awaiting_materials'],
  decide: ['received'],
  provideProvisionally: ['received', 'awaiting_materials'],
  assign: ['granted', 'provisional', 'notified'], // 第36条: a notified defence goes straight to the assignment
  recordProgress: ['assigned'],
  followUp: ['assigned', 'closed'],
  terminate: ['notified', 'provisional', 'granted', 'assigned'],
  close: ['assigned'],
  object: ['refused', 'terminated'],
  reviewObjection: ['objection_pending'],
  recordSubsidy: ['closed'],
  archive: ['closed', 'refused', 'terminated', 'withdrawn'],
};

const pairs = LEGAL_AID_ACTIONS.flatMap((action) => LEGAL_AID_STATUSES.map((status) => [action, status] as const));

describe('the legal-aid lifecycle', () => {
  it.each(pairs)('%s from %s: allowed exactly when the table says so', (action, status) => {
    const problem = transitionProblem(LEGAL_AID_LIFECYCLE, status, action);
    if (ALLOWED_FROM[action].includes(status)) expect(problem).toBeNull();
    else
      expect(problem).toMatch(
        new RegExp(
          `^案件当前为“${LEGAL_AID_LIFECYCLE.statusLabels[status]}”，不能进行“${LEGAL_AID_LIFECYCLE.actions[action].label}”`,
        ),
      );
  });

  it('leads a decision to granted or refused by its data, and an objection review back or forward', () => {
    const { decide, reviewObjection } = LEGAL_AID_LIFECYCLE.actions;
    const to = (def: typeof decide, data: Record<string, unknown>) =>
      typeof def.to === 'function' ? def.to(data) : def.to;
    expect(to(decide, { decision: '给予法律援助' })).toBe('granted');
    expect(to(decide, { decision: '不予法律援助' })).toBe('refused');
    expect(to(reviewObjection, { result: '维持原决定', against: 'refused', restores: 'granted' })).toBe('refused');
    expect(to(reviewObjection, { result: '责令改正', against: 'terminated', restores: 'assigned' })).toBe('assigned');
    expect(() => to(reviewObjection, { result: '责令改正', against: 'refused' })).toThrow(/restores/);
  });
});

let nextId = 1;
function entry(
  action: string,
  actedOn: string,
  data: Record<string, unknown>,
  fromStatus: string | null,
  toStatus: string,
): CaseAction {
  return {
    id: nextId++,
    action,
    actedOn,
    data,
    fromStatus,
    toStatus,
    username: '李娟',
    recordedAt: `${actedOn}T08:00:00.000Z`,
  };
}
const register = (on: string) => entry('register', on, {}, null, 'received');
const notify = (on: string, dueOn: string) =>
  entry('notifyMissing', on, { items: ['收入证明'], dueOn, note: '' }, 'received', 'awaiting_materials');
const supply = (on: string) => entry('supplyMaterials', on, { note: '' }, 'awaiting_materials', 'received');
const grant = (on: string) =>
  entry(
    'decide',
    on,
    { decision: '给予法律援助', decidedBy: '司法所', matterType: '支付劳动报酬', mandatoryDefenceGrounds: [] },
    'received',
    'granted',
  );
const refuse = (on: string) =>
  entry(
    'decide',
    on,
    { decision: '不予法律援助', decidedBy: '司法所', matterType: '不属于法定援助事项', mandatoryDefenceGrounds: [] },
    'received',
    'refused',
  );
const assign = (on: string) =>
  entry(
    'assign',
    on,
    { orgType: '律师事务所', orgName: '湖南某律师事务所', personName: '周律师', rosterId: null },
    'granted',
    'assigned',
  );

describe('rules beyond the status', () => {
  it('tells the applicant once: a second 一次性告知 is refused', () => {
    const facts = factsOf({ receivedOn: '2026-11-02', status: 'received' }, [
      register('2026-11-02'),
      notify('2026-11-03', '2026-11-10'),
      supply('2026-11-05'),
    ]);
    expect(actionProblem(facts, 'notifyMissing', { today: '2026-11-06' })).toBe(
      '已于2026年11月3日一次性告知补充材料，不能再次告知（法律援助法第43条：一次性告知）',
    );
    expect(actionProblem(facts, 'decide', { today: '2026-11-06' })).toBeNull();
  });

  it('deems an application withdrawn only after the supply due date', () => {
    const facts = factsOf({ receivedOn: '2026-11-02', status: 'awaiting_materials' }, [
      register('2026-11-02'),
      notify('2026-11-03', '2026-11-10'),
    ]);
    expect(actionProblem(facts, 'deemWithdrawn', { today: '2026-11-10' })).toBe(
      '补充期限（2026年11月10日）尚未届满，不能视为撤回',
    );
    expect(actionProblem(facts, 'deemWithdrawn', { today: '2026-11-11' })).toBeNull();
    expect(availableActions(facts, '2026-11-10').map((a) => a.action)).toEqual([
      'supplyMaterials',
      'provideProvisionally',
    ]);
    expect(availableActions(facts, '2026-11-11').map((a) => a.label)).toEqual(['补齐材料', '视为撤回', '先行提供']);
  });

  it('takes one objection per decision', () => {
    const objected = entry(
      'object',
      '2026-11-06',
      { content: '不服', against: 'refused' },
      'refused',
      'objection_pending',
    );
    const upheld = entry(
      'reviewObjection',
      '2026-11-09',
      { result: '维持原决定', reviewedBy: '区司法局', opinion: '维持', against: 'refused', restores: 'granted' },
      'objection_pending',
      'refused',
    );
    const facts = factsOf({ receivedOn: '2026-11-02', status: 'refused' }, [
      register('2026-11-02'),
      refuse('2026-11-04'),
      objected,
      upheld,
    ]);
    expect(facts.objections).toEqual([
      { on: '2026-11-06', against: 'refused', content: '不服', review: { on: '2026-11-09', result: '维持原决定' } },
    ]);
    expect(actionProblem(facts, 'object', { today: '2026-11-10' })).toBe('已对该决定提出过异议，不能重复提出');
    expect(availableActions(facts, '2026-11-10').map((a) => a.action)).toEqual(['archive']);
  });

  it('archives a closed case only after the subsidy is recorded, and records the subsidy once', () => {
    const close = entry(
      'close',
      '2026-12-10',
      { matterEndedOn: '2026-12-01', materialsSubmittedOn: '2026-12-08' },
      'assigned',
      'closed',
    );
    const timeline = [register('2026-11-02'), grant('2026-11-04'), assign('2026-11-05'), close];
    const closed = factsOf({ receivedOn: '2026-11-02', status: 'closed' }, timeline);
    expect(actionProblem(closed, 'archive', { today: '2026-12-11' })).toBe(
      '结案材料审查后须先登记办案补贴（可为0元），方可归档',
    );
    const subsidy = entry(
      'recordSubsidy',
      '2026-12-15',
      { amountFen: 80_000, paidOn: '2026-12-20' },
      'closed',
      'closed',
    );
    const paid = factsOf({ receivedOn: '2026-11-02', status: 'closed' }, [...timeline, subsidy]);
    expect(paid.subsidy).toEqual({ on: '2026-12-15', amountFen: 80_000, paidOn: '2026-12-20' });
    expect(actionProblem(paid, 'archive', { today: '2026-12-21' })).toBeNull();
    expect(actionProblem(paid, 'recordSubsidy', { today: '2026-12-21' })).toBe(
      '已于2026年12月15日登记办案补贴，不能重复登记',
    );
  });
});

describe('time limits of a legal-aid case', () => {
  const limit = (list: ReturnType<typeof deadlinesOf>, key: string) => list.find((d) => d.key === key);

  it('counts the 7-day decision from receipt, on calendar days, moving a Sunday end to Monday', () => {
    // Received Monday 2 November 2026: seven days end Monday 9 November.
    const facts = factsOf({ receivedOn: '2026-11-02', status: 'received' }, [register('2026-11-02')]);
    expect(limit(deadlinesOf(facts, '2026-11-03'), 'legalAidDecision')).toMatchObject({
      startedOn: '2026-11-02',
      due: '2026-11-09',
      doneOn: null,
      status: 'open',
      paused: false,
      length: 7,
      unit: 'calendarDays',
      source: expect.stringContaining('第43条'),
    });
    expect(limit(deadlinesOf(facts, '2026-11-10'), 'legalAidDecision')?.status).toBe('overdue');
  });

  it('pauses the decision clock while materials are awaited, and resumes it when they arrive', () => {
    // Asked on the 4th; the days after it up to today (the 6th) do not count: 3, 4, 7, 8, 9, 10, 11 → Wednesday 11th.
    const waiting = factsOf({ receivedOn: '2026-11-02', status: 'awaiting_materials' }, [
      register('2026-11-02'),
      notify('2026-11-04', '2026-11-12'),
    ]);
    const whileWaiting = deadlinesOf(waiting, '2026-11-06');
    expect(limit(whileWaiting, 'legalAidDecision')).toMatchObject({
      due: '2026-11-11',
      paused: true,
      pauses: [{ from: '2026-11-04', to: '2026-11-06' }],
    });
    expect(limit(whileWaiting, 'legalAidMaterialsSupply')).toMatchObject({
      due: '2026-11-12',
      doneOn: null,
      status: 'open',
      length: 8,
    });
    // Supplied on the 10th: six days paused, so the seventh counted day is Sunday 15th → Monday 16th (第203条).
    const supplied = factsOf({ receivedOn: '2026-11-02', status: 'received' }, [
      register('2026-11-02'),
      notify('2026-11-04', '2026-11-12'),
      supply('2026-11-10'),
    ]);
    expect(limit(deadlinesOf(supplied, '2026-11-11'), 'legalAidDecision')).toMatchObject({
      due: '2026-11-16',
      paused: false,
      status: 'open',
    });
    expect(limit(deadlinesOf(supplied, '2026-11-11'), 'legalAidMaterialsSupply')).toMatchObject({
      doneOn: '2026-11-10',
      status: 'done',
    });
    // Decided on the 16th: in time only because of the pause.
    const decided = factsOf({ receivedOn: '2026-11-02', status: 'granted' }, [
      register('2026-11-02'),
      notify('2026-11-04', '2026-11-12'),
      supply('2026-11-10'),
      grant('2026-11-16'),
    ]);
    expect(limit(deadlinesOf(decided, '2026-11-17'), 'legalAidDecision')).toMatchObject({
      doneOn: '2026-11-16',
      status: 'done',
    });
  });

  it('counts assignment 3 days from the grant, and shows a late assignment as late', () => {
    const late = factsOf({ receivedOn: '2026-11-02', status: 'assigned' }, [
      register('2026-11-02'),
      grant('2026-11-10'),
      assign('2026-11-14'),
    ]);
    expect(limit(deadlinesOf(late, '2026-11-20'), 'legalAidAssignment')).toMatchObject({
      startedOn: '2026-11-10',
      due: '2026-11-13',
      doneOn: '2026-11-14',
      status: 'doneLate',
    });
  });

  it('counts closing materials 30 days from the end of the matter and the review 30 days from their receipt', () => {
    const progress = entry(
      'recordProgress',
      '2026-11-05',
      { kind: '开庭', content: '已判决', matterEndedOn: '2026-11-03' },
      'assigned',
      'assigned',
    );
    const open = factsOf({ receivedOn: '2026-10-20', status: 'assigned' }, [
      register('2026-10-20'),
      grant('2026-10-21'),
      assign('2026-10-22'),
      progress,
    ]);
    expect(limit(deadlinesOf(open, '2026-11-30'), 'legalAidClosingMaterials')).toMatchObject({
      startedOn: '2026-11-03',
      due: '2026-12-03',
      status: 'dueSoon',
    });
    const close = entry(
      'close',
      '2026-12-01',
      { matterEndedOn: '2026-11-03', materialsSubmittedOn: '2026-12-01' },
      'assigned',
      'closed',
    );
    const closed = factsOf({ receivedOn: '2026-10-20', status: 'closed' }, [
      register('2026-10-20'),
      grant('2026-10-21'),
      assign('2026-10-22'),
      progress,
      close,
    ]);
    const list = deadlinesOf(closed, '2026-12-02');
    expect(limit(list, 'legalAidClosingMaterials')).toMatchObject({ doneOn: '2026-12-01', status: 'done' });
    expect(limit(list, 'legalAidClosingReview')).toMatchObject({
      startedOn: '2026-12-01',
      due: '2026-12-31',
      doneOn: null,
      status: 'open',
    });
  });

  it('counts the objection review 5 days, and drops a limit the case can no longer meet', () => {
    const objected = entry(
      'object',
      '2026-11-16',
      { content: '不服', against: 'refused' },
      'refused',
      'objection_pending',
    );
    const pending = factsOf({ receivedOn: '2026-11-02', status: 'objection_pending' }, [
      register('2026-11-02'),
      refuse('2026-11-04'),
      objected,
    ]);
    // Five days from Monday 16th end Saturday 21st → Monday 23rd.
    expect(limit(deadlinesOf(pending, '2026-11-17'), 'legalAidObjectionReview')).toMatchObject({
      due: '2026-11-23',
      status: 'open',
    });
    const terminate = entry(
      'terminate',
      '2026-11-06',
      { reason: '受援人自行委托律师或者其他代理人' },
      'granted',
      'terminated',
    );
    const terminated = factsOf({ receivedOn: '2026-11-02', status: 'terminated' }, [
      register('2026-11-02'),
      grant('2026-11-04'),
      terminate,
    ]);
    expect(deadlinesOf(terminated, '2026-11-20').map((d) => d.key)).toEqual(['legalAidDecision']);
  });

  it('takes the bureau’s lengths when it overrides them (the 2012 working-day rule)', () => {
    const facts = factsOf({ receivedOn: '2026-11-02', status: 'received' }, [register('2026-11-02')]);
    const [decision] = deadlinesOf(facts, '2026-11-03', {
      rules: { legalAidDecision: { length: 7, unit: 'workingDays' } },
    });
    expect(decision).toMatchObject({ due: '2026-11-11', unit: 'workingDays' });
  });
});
