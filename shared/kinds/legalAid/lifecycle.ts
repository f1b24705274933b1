// The legal-aid lifecycle after intake, as data for the engine (shared/lifecycle.ts): its statuses, each action, the
// statuses it may be taken from and the status it leads to. Plus what the timeline says about a case (`factsOf`),
// the rules that are not a matter of status alone (一次性告知 happens once; a closed case is archived only after the
// subsidy review), and which actions are possible now. The time limits are in deadlines.ts.
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
// 通知辩护 (法律援助法 第36条) registers as `notified`, not `received`: the case starts from an authority's notice,
// with no application review and no financial check, so it goes straight to the assignment (3 days from receipt):
//   notified ──assign──▶ assigned;  notified ──terminate (第48条, e.g. the case was withdrawn)──▶ terminated
//
// 先行提供 is a status, not a flag: it is the institution's decision to provide aid before the formalities (第44条
// "法律援助机构可以决定先行提供"), so it meets the 7-day decision limit and starts the 3-day assignment limit like a
// grant. If the follow-up materials show the applicant does not qualify, the aid is terminated (第48条第（四）项 or
// 第（一）项), which is what the statute provides; there is no separate refusal after provisional aid.
import { formatChineseDate } from '../../dates';
import { followUpRecordOf, stageOf, type FollowUpRecord } from '../../followUp/form';
import { transitionProblem, type CaseAction, type Lifecycle } from '../../lifecycle';
import type { ActionMoment, ActionOption, CaseHead } from '../kind';
import { LEGAL_AID_FOLLOW_UP } from './followUp';
import type { MandatoryDefenceGround, MatterType, ProvisionalGround } from './eligibility';
import type { DECIDERS, DECISIONS, OBJECTION_RESULTS, ORG_TYPES, TERMINATION_REASONS } from './options';

/** Lifecycle states of a legal-aid case; an application is registered as `received`. */
export const LEGAL_AID_STATUSES = [
  'received',
  'awaiting_materials',
  'granted',
  'refused',
  'assigned',
  'closed',
  'terminated',
  'withdrawn',
  'archived',
  'provisional',
  'objection_pending',
  'notified',
] as const;
export type LegalAidStatus = (typeof LEGAL_AID_STATUSES)[number];
export const LEGAL_AID_STATUS_LABELS: Record<LegalAidStatus, string> = {
  received: '待审查',
  awaiting_materials: '待补充材料',
  granted: '已决定给予',
  refused: '不予援助',
  assigned: '已指派',
  closed: '已结案',
  terminated: '已终止',
  withdrawn: '视为撤回',
  archived: '已归档',
  provisional: '先行提供',
  objection_pending: '异议审查中',
  notified: '待指派（通知辩护）',
};

export const LEGAL_AID_ACTIONS = [
  'notifyMissing',
  'supplyMaterials',
  'deemWithdrawn',
  'decide',
  'provideProvisionally',
  'assign',
  'recordProgress',
  'followUp',
  'terminate',
  'close',
  'object',
  'reviewObjection',
  'recordSubsidy',
  'archive',
] as const;
export type LegalAidAction = (typeof LEGAL_AID_ACTIONS)[number];

const FOLLOW_UP_STATUSES: readonly LegalAidStatus[] = LEGAL_AID_FOLLOW_UP.statuses;

const STATUSES_AN_OBJECTION_RESTORES: readonly LegalAidStatus[] = ['granted', 'provisional', 'assigned'];

function statusField(data: Record<string, unknown>, key: string, allowed: readonly LegalAidStatus[]): LegalAidStatus {
  const value = data[key];
  if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return value as LegalAidStatus;
  throw new Error(`legal-aid action data lacks a valid ${key}`); // the service always sets it
}

export const LEGAL_AID_LIFECYCLE: Lifecycle<LegalAidStatus, LegalAidAction> = {
  statusLabels: LEGAL_AID_STATUS_LABELS,
  actions: {
    notifyMissing: { label: '一次性告知补充材料', from: ['received'], to: 'awaiting_materials' },
    supplyMaterials: { label: '补齐材料', from: ['awaiting_materials'], to: 'received' },
    deemWithdrawn: { label: '视为撤回', from: ['awaiting_materials'], to: 'withdrawn' },
    decide: {
      label: '审查决定',
      from: ['received'],
      to: (d) => (d.decision === '给予法律援助' ? 'granted' : 'refused'),
    },
    provideProvisionally: { label: '先行提供', from: ['received', 'awaiting_materials'], to: 'provisional' },
    assign: { label: '指派', from: ['granted', 'provisional', 'notified'], to: 'assigned' },
    recordProgress: { label: '办理进展', from: ['assigned'], to: 'assigned' },
    // 回访受援人: while the case is handled and after it is closed; the case stays where it was.
    followUp: { label: '回访', from: FOLLOW_UP_STATUSES, to: stageOf(FOLLOW_UP_STATUSES) },
    terminate: { label: '终止', from: ['notified', 'provisional', 'granted', 'assigned'], to: 'terminated' },
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
  LEGAL_AID_ACTIONS.map((a) => [a, LEGAL_AID_LIFECYCLE.actions[a].label]),
) as Record<LegalAidAction, string>;

/** What a legal-aid case's timeline says, in the terms the rules and the limits need. */
export interface LegalAidFacts {
  status: LegalAidStatus;
  receivedOn: string;
  /** 通知辩护 (第36条): the day the authority's notice was received (the case's receipt); null for an application. */
  noticeReceivedOn: string | null;
  /** The date of the latest action (or of receipt): no later action may be dated before it. */
  lastActedOn: string;
  materials: {
    notifiedOn: string;
    items: string[];
    dueOn: string;
    suppliedOn: string | null;
    endedOn: string | null;
  } | null;
  /** The first decision (the one the 7-day limit is about) and the latest one (the one in force). */
  firstDecisionOn: string | null;
  decision: {
    on: string;
    decision: (typeof DECISIONS)[number];
    decidedBy: (typeof DECIDERS)[number];
    matterType: MatterType;
    mandatoryDefenceGrounds: MandatoryDefenceGround[];
  } | null;
  provisional: {
    on: string;
    ground: ProvisionalGround;
    limitEndsOn: string;
    decidedBy: (typeof DECIDERS)[number];
  } | null;
  /** When aid was granted (a grant, provisional aid, or a bureau's order to correct a refusal): the assignment limit starts. */
  grantedOn: string | null;
  assignment: {
    on: string;
    orgType: (typeof ORG_TYPES)[number];
    orgName: string;
    personName: string;
    rosterId: number | null;
  } | null;
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
  /** 回访受援人, oldest first. */
  followUps: FollowUpRecord[];
  withdrawnOn: string | null;
  archivedOn: string | null;
}

const str = (d: Record<string, unknown>, k: string): string => (typeof d[k] === 'string' ? (d[k] as string) : '');

/** Folds a case's timeline (oldest first) into its facts. */
export function factsOf({ receivedOn, status: stored }: CaseHead, timeline: readonly CaseAction[]): LegalAidFacts {
  const status = stored as LegalAidStatus;
  const facts: LegalAidFacts = {
    status,
    receivedOn,
    noticeReceivedOn: null,
    lastActedOn: receivedOn,
    materials: null,
    firstDecisionOn: null,
    decision: null,
    provisional: null,
    grantedOn: null,
    assignment: null,
    matterEndedOn: null,
    closing: null,
    termination: null,
    objections: [],
    objectedToDecisionInForce: false,
    subsidy: null,
    followUps: [],
    withdrawnOn: null,
    archivedOn: null,
  };
  for (const entry of timeline) {
    const d = entry.data;
    const on = entry.actedOn;
    if (on > facts.lastActedOn) facts.lastActedOn = on;
    switch (entry.action as LegalAidAction | 'register') {
      case 'register':
        if (entry.toStatus === 'notified') facts.noticeReceivedOn = on;
        break;
      case 'notifyMissing':
        facts.materials = {
          notifiedOn: on,
          items: (d.items as string[]) ?? [],
          dueOn: str(d, 'dueOn'),
          suppliedOn: null,
          endedOn: null,
        };
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
          on,
          decision: str(d, 'decision') as (typeof DECISIONS)[number],
          decidedBy: str(d, 'decidedBy') as (typeof DECIDERS)[number],
          matterType: str(d, 'matterType') as MatterType,
          mandatoryDefenceGrounds: (d.mandatoryDefenceGrounds as MandatoryDefenceGround[]) ?? [],
        };
        if (entry.toStatus === 'granted') facts.grantedOn ??= on;
        break;
      case 'provideProvisionally':
        facts.firstDecisionOn ??= on;
        facts.grantedOn ??= on;
        facts.provisional = {
          on,
          ground: str(d, 'ground') as ProvisionalGround,
          limitEndsOn: str(d, 'limitEndsOn'),
          decidedBy: str(d, 'decidedBy') as (typeof DECIDERS)[number],
        };
        if (facts.materials && facts.materials.endedOn === null) facts.materials = { ...facts.materials, endedOn: on };
        break;
      case 'assign':
        facts.assignment = {
          on,
          orgType: str(d, 'orgType') as (typeof ORG_TYPES)[number],
          orgName: str(d, 'orgName'),
          personName: str(d, 'personName'),
          rosterId: typeof d.rosterId === 'number' ? d.rosterId : null,
        };
        break;
      case 'recordProgress':
        if (str(d, 'matterEndedOn')) facts.matterEndedOn = str(d, 'matterEndedOn');
        break;
      case 'terminate':
        facts.objectedToDecisionInForce = false;
        facts.termination = {
          on,
          reason: str(d, 'reason') as (typeof TERMINATION_REASONS)[number],
          statusBefore: (entry.fromStatus ?? 'assigned') as LegalAidStatus,
        };
        break;
      case 'close':
        facts.matterEndedOn = str(d, 'matterEndedOn');
        facts.closing = {
          on,
          matterEndedOn: str(d, 'matterEndedOn'),
          materialsSubmittedOn: str(d, 'materialsSubmittedOn'),
        };
        break;
      case 'object':
        facts.objectedToDecisionInForce = true;
        facts.objections.push({
          on,
          against: str(d, 'against') as 'refused' | 'terminated',
          content: str(d, 'content'),
          review: null,
        });
        break;
      case 'reviewObjection': {
        const open = facts.objections.findLast((o) => o.review === null);
        if (open) open.review = { on, result: str(d, 'result') as (typeof OBJECTION_RESULTS)[number] };
        if (entry.toStatus === 'granted') facts.grantedOn = on;
        break;
      }
      case 'followUp':
        facts.followUps.push(followUpRecordOf(entry));
        break;
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
 * engine; the rest are this kind's own. Only 视为撤回 looks at the day, today's (after the supply due date).
 */
export function actionProblem(
  facts: LegalAidFacts,
  action: LegalAidAction,
  { today }: Pick<ActionMoment, 'today'>,
): string | null {
  const byStatus = transitionProblem(LEGAL_AID_LIFECYCLE, facts.status, action);
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

/** The actions that may be taken now, in the order of the lifecycle: what the UI should offer. */
export function availableActions(facts: LegalAidFacts, today: string): ActionOption<LegalAidAction>[] {
  return LEGAL_AID_ACTIONS.filter((a) => actionProblem(facts, a, { today }) === null).map((action) => ({
    action,
    label: LEGAL_AID_ACTION_LABELS[action],
  }));
}
