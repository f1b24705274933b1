// The legal-aid lifecycle after intake, as data for the engine (shared/lifecycle.ts): each action, the statuses it
// may be taken from and the status it leads to. Plus what the timeline says about a case (`legalAidFacts`), the
// rules that are not a matter of status alone (一次性告知 happens once; a closed case is archived only after the
// subsidy review), which actions are possible now, and the case's statutory time limits.
//
//   received ──notifyMissing──▶ awaiting_materials ──supplyMaterials──▶ received
//                                 └──deemWithdrawn (after the supply due date)──▶ withdrawn
//   received ──decide──▶ granted | refused
//   received, awaiting_materials ──provideProvisionally (第44条)──▶ provisional
//   granted, provisional ──assign──▶ assigned ──recordProgress──▶ assigned ──close──▶ closed ──recordSubsidy──▶ closed
//   provisional, granted, assigned ──terminate (第48条)──▶ terminated
//   refused, terminated ──object (第49条)──▶ objection_pending ──reviewObjection──▶ upheld: back; corrected: granted
//                                                                   (a refusal) or the status before the termination
//   closed (after the subsidy), refused, terminated, withdrawn ──archive──▶ archived
//
// 先行提供 is a status, not a flag: it is the institution's decision to provide aid before the formalities (第44条
// "法律援助机构可以决定先行提供"), so it meets the 7-day decision limit and starts the 3-day assignment limit like a
// grant. If the follow-up materials show the applicant does not qualify, the aid is terminated (第48条第（四）项 or
// 第（一）项), which is what the statute provides; there is no separate refusal after provisional aid.
import { daysBetween, type Pause } from '../../calendar';
import type { HolidayTable } from '../../holidays';
import { computeDeadline, DEADLINE_RULES, dueStatus, resolveDeadlineRules, type DeadlineRuleKey, type DeadlineRuleOverrides, type DeadlineUnit, type DueStatus } from '../../deadlines';
import { formatChineseDate } from '../../dates';
import { transitionProblem, type CaseAction, type Lifecycle } from '../../lifecycle';
import type { DECIDERS, DECISIONS, OBJECTION_RESULTS, ORG_TYPES, TERMINATION_REASONS } from './actions';
import type { MandatoryDefenceGround, MatterType, ProvisionalGround } from './eligibility';
import { LEGAL_AID_STATUS_LABELS, type LegalAidStatus } from './options';

export const LEGAL_AID_ACTIONS = [
  'notifyMissing',
  'supplyMaterials',
  'deemWithdrawn',
  'decide',
  'provideProvisionally',
  'assign',
  'recordProgress',
  'terminate',
  'close',
  'object',
  'reviewObjection',
  'recordSubsidy',
  'archive',
] as const;
export type LegalAidAction = (typeof LEGAL_AID_ACTIONS)[number];

const STATUSES_AN_OBJECTION_RESTORES: readonly LegalAidStatus[] = ['granted', 'provisional', 'assigned'];

function statusField(data: Record<string, unknown>, key: string, allowed: readonly LegalAidStatus[]): LegalAidStatus {
  const value = data[key];
  if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return value as LegalAidStatus;
  throw new Error(`legal-aid action data lacks a valid ${key}`); // the service always sets it
}

export const legalAidLifecycle: Lifecycle<LegalAidStatus, LegalAidAction> = {
  statusLabels: LEGAL_AID_STATUS_LABELS,
  actions: {
    notifyMissing: { label: '一次性告知补充材料', from: ['received'], to: 'awaiting_materials' },
    supplyMaterials: { label: '补齐材料', from: ['awaiting_materials'], to: 'received' },
    deemWithdrawn: { label: '视为撤回', from: ['awaiting_materials'], to: 'withdrawn' },
    decide: { label: '审查决定', from: ['received'], to: (d) => (d.decision === '给予法律援助' ? 'granted' : 'refused') },
    provideProvisionally: { label: '先行提供', from: ['received', 'awaiting_materials'], to: 'provisional' },
    assign: { label: '指派', from: ['granted', 'provisional'], to: 'assigned' },
    recordProgress: { label: '办理进展', from: ['assigned'], to: 'assigned' },
    terminate: { label: '终止', from: ['provisional', 'granted', 'assigned'], to: 'terminated' },
    close: { label: '结案', from: ['assigned'], to: 'closed' },
    object: { label: '异议', from: ['refused', 'terminated'], to: 'objection_pending' },
    reviewObjection: {
      label: '异议审查',
      from: ['objection_pending'],
      // `against` and `restores` are written by the service from the timeline: what was objected to, and the
      // status the case returns to when the bureau orders the institution to correct its decision.
      to: (d) =>
        d.result === '维持原决定'
          ? statusField(d, 'against', ['refused', 'terminated'])
          : statusField(d, 'restores', STATUSES_AN_OBJECTION_RESTORES),
    },
    recordSubsidy: { label: '办案补贴', from: ['closed'], to: 'closed' },
    archive: { label: '归档', from: ['closed', 'refused', 'terminated', 'withdrawn'], to: 'archived' },
  },
};

export const LEGAL_AID_ACTION_LABELS: Record<LegalAidAction, string> = Object.fromEntries(
  LEGAL_AID_ACTIONS.map((a) => [a, legalAidLifecycle.actions[a].label]),
) as Record<LegalAidAction, string>;

/** What a legal-aid case's timeline says, in the terms the rules and the limits need. */
export interface LegalAidFacts {
  status: LegalAidStatus;
  receivedOn: string;
  /** The date of the latest action (or of receipt): no later action may be dated before it. */
  lastActedOn: string;
  materials: { notifiedOn: string; items: string[]; dueOn: string; suppliedOn: string | null; endedOn: string | null } | null;
  /** The first decision (the one the 7-day limit is about) and the latest one (the one in force). */
  firstDecisionOn: string | null;
  decision: {
    on: string;
    decision: (typeof DECISIONS)[number];
    decidedBy: (typeof DECIDERS)[number];
    matterType: MatterType;
    mandatoryDefenceGrounds: MandatoryDefenceGround[];
  } | null;
  provisional: { on: string; ground: ProvisionalGround; limitEndsOn: string; decidedBy: (typeof DECIDERS)[number] } | null;
  /** When aid was granted (a grant, provisional aid, or a bureau's order to correct a refusal): the assignment limit starts. */
  grantedOn: string | null;
  assignment: { on: string; orgType: (typeof ORG_TYPES)[number]; orgName: string; personName: string; rosterId: number | null } | null;
  /** The latest 事项办结日期 reported (by a progress record or at closing). */
  matterEndedOn: string | null;
  closing: { on: string; matterEndedOn: string; materialsSubmittedOn: string } | null;
  termination: { on: string; reason: (typeof TERMINATION_REASONS)[number]; statusBefore: LegalAidStatus } | null;
  objections: {
    on: string;
    against: 'refused' | 'terminated';
    content: string;
    review: { on: string; result: (typeof OBJECTION_RESULTS)[number] } | null;
  }[];
  /** Whether the refusal or termination in force has been objected to already (one objection per decision). */
  objectedToDecisionInForce: boolean;
  subsidy: { on: string; amountFen: number; paidOn: string } | null;
  withdrawnOn: string | null;
  archivedOn: string | null;
}

const str = (d: Record<string, unknown>, k: string): string => (typeof d[k] === 'string' ? (d[k] as string) : '');

/** Folds a case's timeline (oldest first) into its facts. */
export function legalAidFacts(receivedOn: string, status: LegalAidStatus, timeline: readonly CaseAction[]): LegalAidFacts {
  const facts: LegalAidFacts = {
    status, receivedOn, lastActedOn: receivedOn, materials: null, firstDecisionOn: null, decision: null, provisional: null,
    grantedOn: null, assignment: null, matterEndedOn: null, closing: null, termination: null, objections: [], objectedToDecisionInForce: false, subsidy: null,
    withdrawnOn: null, archivedOn: null,
  };
  for (const entry of timeline) {
    const d = entry.data;
    const on = entry.actedOn;
    if (on > facts.lastActedOn) facts.lastActedOn = on;
    switch (entry.action as LegalAidAction | 'register') {
      case 'notifyMissing':
        facts.materials = { notifiedOn: on, items: (d.items as string[]) ?? [], dueOn: str(d, 'dueOn'), suppliedOn: null, endedOn: null };
        break;
      case 'supplyMaterials':
        if (facts.materials) facts.materials = { ...facts.materials, suppliedOn: on, endedOn: on };
        break;
      case 'deemWithdrawn':
        facts.withdrawnOn = on;
        if (facts.materials) facts.materials = { ...facts.materials, endedOn: on };
        break;
      case 'decide':
        facts.objectedToDecisionInForce = false;
        facts.firstDecisionOn ??= on;
        facts.decision = {
          on, decision: str(d, 'decision') as (typeof DECISIONS)[number], decidedBy: str(d, 'decidedBy') as (typeof DECIDERS)[number],
          matterType: str(d, 'matterType') as MatterType, mandatoryDefenceGrounds: (d.mandatoryDefenceGrounds as MandatoryDefenceGround[]) ?? [],
        };
        if (entry.toStatus === 'granted') facts.grantedOn ??= on;
        break;
      case 'provideProvisionally':
        facts.firstDecisionOn ??= on;
        facts.grantedOn ??= on;
        facts.provisional = { on, ground: str(d, 'ground') as ProvisionalGround, limitEndsOn: str(d, 'limitEndsOn'), decidedBy: str(d, 'decidedBy') as (typeof DECIDERS)[number] };
        if (facts.materials && facts.materials.endedOn === null) facts.materials = { ...facts.materials, endedOn: on };
        break;
      case 'assign':
        facts.assignment = {
          on, orgType: str(d, 'orgType') as (typeof ORG_TYPES)[number], orgName: str(d, 'orgName'), personName: str(d, 'personName'),
          rosterId: typeof d.rosterId === 'number' ? d.rosterId : null,
        };
        break;
      case 'recordProgress':
        if (str(d, 'matterEndedOn')) facts.matterEndedOn = str(d, 'matterEndedOn');
        break;
      case 'terminate':
        facts.objectedToDecisionInForce = false;
        facts.termination = { on, reason: str(d, 'reason') as (typeof TERMINATION_REASONS)[number], statusBefore: (entry.fromStatus ?? 'assigned') as LegalAidStatus };
        break;
      case 'close':
        facts.matterEndedOn = str(d, 'matterEndedOn');
        facts.closing = { on, matterEndedOn: str(d, 'matterEndedOn'), materialsSubmittedOn: str(d, 'materialsSubmittedOn') };
        break;
      case 'object':
        facts.objectedToDecisionInForce = true;
        facts.objections.push({ on, against: str(d, 'against') as 'refused' | 'terminated', content: str(d, 'content'), review: null });
        break;
      case 'reviewObjection': {
        const open = facts.objections.findLast((o) => o.review === null);
        if (open) open.review = { on, result: str(d, 'result') as (typeof OBJECTION_RESULTS)[number] };
        if (entry.toStatus === 'granted') facts.grantedOn = on;
        break;
      }
      case 'recordSubsidy':
        facts.subsidy = { on, amountFen: Number(d.amountFen), paidOn: str(d, 'paidOn') };
        break;
      case 'archive':
        facts.archivedOn = on;
        break;
      default:
        break;
    }
  }
  return facts;
}

/**
 * Null when the action may be taken now; otherwise the Chinese reason it may not. The status rule comes from the
 * engine; the rest are this kind's own. `today` matters only to 视为撤回 (after the supply due date).
 */
export function legalAidActionProblem(facts: LegalAidFacts, action: LegalAidAction, today: string): string | null {
  const byStatus = transitionProblem(legalAidLifecycle, facts.status, action);
  if (byStatus) return byStatus;
  switch (action) {
    case 'notifyMissing':
      return facts.materials
        ? `已于${formatChineseDate(facts.materials.notifiedOn)}一次性告知补充材料，不能再次告知（法律援助法第43条：一次性告知）`
        : null;
    case 'deemWithdrawn':
      return facts.materials && today <= facts.materials.dueOn
        ? `补充期限（${formatChineseDate(facts.materials.dueOn)}）尚未届满，不能视为撤回`
        : null;
    case 'object':
      return facts.objectedToDecisionInForce ? '已对该决定提出过异议，不能重复提出' : null;
    case 'recordSubsidy':
      return facts.subsidy ? `已于${formatChineseDate(facts.subsidy.on)}登记办案补贴，不能重复登记` : null;
    case 'archive':
      return facts.status === 'closed' && !facts.subsidy ? '结案材料审查后须先登记办案补贴（可为0元），方可归档' : null;
    default:
      return null;
  }
}

export interface ActionOption {
  action: LegalAidAction;
  label: string;
}

/** The actions that may be taken now, in the order of the lifecycle: what the UI should offer. */
export function availableLegalAidActions(facts: LegalAidFacts, today: string): ActionOption[] {
  return LEGAL_AID_ACTIONS.filter((a) => legalAidActionProblem(facts, a, today) === null).map((action) => ({
    action,
    label: LEGAL_AID_ACTION_LABELS[action],
  }));
}

// Time limits.

export type LegalAidLimitKey = Extract<DeadlineRuleKey, `legalAid${string}`> | 'legalAidMaterialsSupply';

export interface LegalAidDeadline {
  key: LegalAidLimitKey;
  label: string;
  /** The event whose date starts the clock, in Chinese, and that date. */
  startsFrom: string;
  startedOn: string;
  length: number;
  unit: DeadlineUnit;
  due: string;
  /** When the limit was met (the action that meets it), or null while open. */
  doneOn: string | null;
  status: DueStatus;
  /** The clock is stopped now: the applicant is supplying materials. */
  paused: boolean;
  pauses: Pause[];
  /** True when the due date depends on a year the holiday table does not cover yet. */
  provisional: boolean;
  source: string;
}

/**
 * Each limit that applies to the case on `today`. A limit still open is listed only while the action that meets it
 * can still be taken (a case terminated before assignment has no assignment limit left to miss); a met limit is
 * always listed, with whether it was met in time.
 */
export function legalAidDeadlinesOf(facts: LegalAidFacts, today: string, rules?: DeadlineRuleOverrides, table?: HolidayTable): LegalAidDeadline[] {
  const out: LegalAidDeadline[] = [];
  const resolved = rules ? resolveDeadlineRules(rules) : DEADLINE_RULES;
  const add = (
    key: Exclude<LegalAidLimitKey, 'legalAidMaterialsSupply'>,
    startedOn: string,
    doneOn: string | null,
    openWhile: readonly LegalAidStatus[],
    pauses: Pause[] = [],
    paused = false,
  ) => {
    if (doneOn === null && !openWhile.includes(facts.status)) return;
    const d = computeDeadline(key, { start: startedOn, pauses, ...(rules ? { rules } : {}), ...(table ? { table } : {}) });
    out.push({
      key, label: d.label, startsFrom: resolved[key].startsFrom, startedOn, length: d.length, unit: d.unit, due: d.due,
      doneOn, status: dueStatus(d.due, today, doneOn), paused, pauses, provisional: d.provisional, source: d.source,
    });
  };

  const { materials } = facts;
  if (materials) {
    const pauseEnd = materials.endedOn ?? today;
    const pause = { from: materials.notifiedOn, to: pauseEnd < materials.notifiedOn ? materials.notifiedOn : pauseEnd };
    add('legalAidDecision', facts.receivedOn, facts.firstDecisionOn, ['received', 'awaiting_materials'], [pause], materials.endedOn === null);
    if (materials.suppliedOn !== null || facts.status === 'awaiting_materials') {
      out.push({
        key: 'legalAidMaterialsSupply', label: '补充材料', startsFrom: '一次性告知之日', startedOn: materials.notifiedOn,
        length: daysBetween(materials.notifiedOn, materials.dueOn), unit: 'calendarDays', due: materials.dueOn, doneOn: materials.suppliedOn,
        status: dueStatus(materials.dueOn, today, materials.suppliedOn), paused: false, pauses: [], provisional: false,
        source: '一次性告知书确定的补充期限（法律援助法第43条）',
      });
    }
  } else {
    add('legalAidDecision', facts.receivedOn, facts.firstDecisionOn, ['received']);
  }
  if (facts.grantedOn) add('legalAidAssignment', facts.grantedOn, facts.assignment?.on ?? null, ['granted', 'provisional']);
  if (facts.matterEndedOn) add('legalAidClosingMaterials', facts.matterEndedOn, facts.closing?.materialsSubmittedOn ?? null, ['assigned']);
  if (facts.closing) add('legalAidClosingReview', facts.closing.materialsSubmittedOn, facts.subsidy?.on ?? null, ['closed']);
  for (const o of facts.objections) add('legalAidObjectionReview', o.on, o.review?.on ?? null, ['objection_pending']);
  return out;
}
