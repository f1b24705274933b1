// A mediation case's lifecycle, as data for the engine (shared/lifecycle.ts): its statuses and actions; what its
// timeline says (`factsOf`); the rules that are not a matter of status alone; which actions are possible now. The
// time limits are in deadlines.ts.
//
//   registered ──investigate / recordSession──▶ mediating ──investigate / recordSession / extend──▶ mediating
//   registered, mediating ──succeed (协议, after a 调解记录; a 口头调解登记 needs none)──▶ concluded
//   registered, mediating ──fail (第26条: told of other routes; after a 调解记录)──▶ failed
//   registered, mediating ──terminate──▶ terminated
//   concluded ──recordPerformance / followUp / applyConfirmation / recordConfirmation / markCrimePrevention /
//              recordSubsidy──▶ concluded
//   concluded, failed, terminated ──archive──▶ archived
//
// `concluded` is 调解成功: an agreement was reached (written or oral). Failure and termination end the mediation
// too, with no agreement. A 口头调解登记 (`simple`) is registered straight into `concluded`.
import { computeDeadline } from '../../deadlines';
import { formatChineseDate } from '../../dates';
import { followUpRecordOf, type FollowUpRecord } from '../../followUp/form';
import { transitionProblem, type CaseAction, type Lifecycle } from '../../lifecycle';
import type { ActionMoment, ActionOption, CaseHead, DeadlineCalendar } from '../kind';
import type { MediationDetail } from './detail';
import type {
  AgreementForm,
  CONFIRMATION_RESULTS,
  MEDIATION_TERMINATION_REASONS,
  OTHER_ROUTES,
  PERFORMANCE_METHODS,
  PERFORMANCE_STATES,
} from './options';

export const MEDIATION_STATUSES = ['registered', 'mediating', 'concluded', 'failed', 'terminated', 'archived'] as const;
export type MediationStatus = (typeof MEDIATION_STATUSES)[number];

export const MEDIATION_STATUS_LABELS: Record<MediationStatus, string> = {
  registered: '已受理',
  mediating: '调解中',
  concluded: '调解成功',
  failed: '调解不成功',
  terminated: '已终止调解',
  archived: '已归档',
};

export const MEDIATION_ACTIONS = [
  'investigate',
  'recordSession',
  'extend',
  'succeed',
  'fail',
  'terminate',
  'recordPerformance',
  'followUp',
  'applyConfirmation',
  'recordConfirmation',
  'markCrimePrevention',
  'recordSubsidy',
  'archive',
] as const;
export type MediationAction = (typeof MEDIATION_ACTIONS)[number];

/** Statuses in which the mediation has not ended. */
export const UNDER_WAY: readonly MediationStatus[] = ['registered', 'mediating'];

export const MEDIATION_LIFECYCLE: Lifecycle<MediationStatus, MediationAction> = {
  statusLabels: MEDIATION_STATUS_LABELS,
  actions: {
    investigate: { label: '调查记录', from: UNDER_WAY, to: 'mediating' },
    recordSession: { label: '调解记录', from: UNDER_WAY, to: 'mediating' },
    extend: { label: '延长调解期限', from: ['mediating'], to: 'mediating' },
    succeed: { label: '调解成功', from: UNDER_WAY, to: 'concluded' },
    fail: { label: '调解不成功', from: UNDER_WAY, to: 'failed' },
    terminate: { label: '终止调解', from: UNDER_WAY, to: 'terminated' },
    recordPerformance: { label: '履行情况', from: ['concluded'], to: 'concluded' },
    followUp: { label: '回访', from: ['concluded'], to: 'concluded' },
    applyConfirmation: { label: '申请司法确认', from: ['concluded'], to: 'concluded' },
    recordConfirmation: { label: '司法确认结果', from: ['concluded'], to: 'concluded' },
    markCrimePrevention: { label: '防止民转刑认定', from: ['concluded'], to: 'concluded' },
    recordSubsidy: { label: '以奖代补补贴', from: ['concluded'], to: 'concluded' },
    archive: { label: '归档', from: ['concluded', 'failed', 'terminated'], to: 'archived' },
  },
};

const MEDIATION_ACTION_LABELS: Record<MediationAction, string> = Object.fromEntries(
  MEDIATION_ACTIONS.map((a) => [a, MEDIATION_LIFECYCLE.actions[a].label]),
) as Record<MediationAction, string>;

export interface MediationAgreement {
  /** The day the mediation succeeded. */
  on: string;
  form: AgreementForm;
  content: string;
  amountFen: number;
  performanceMethod: (typeof PERFORMANCE_METHODS)[number];
  /** '' when the method has no due date. */
  performanceDueOn: string;
  /** Written: when all parties and the mediator signed and the committee sealed (第29条); oral: the day agreed (第30条). */
  effectiveOn: string;
  agreementNumber: string;
}

interface SubsidyRecord {
  on: string;
  form: AgreementForm;
  /** The county's rate for the form, in force on the day of the agreement. */
  rateFen: number;
  rateEffectiveFrom: string;
  amountFen: number;
  /** The amount was entered by hand rather than taken from the rate. */
  manual: boolean;
  note: string;
}

/** What a mediation case's timeline says. */
export interface MediationFacts {
  status: MediationStatus;
  /** Registered as a 口头调解登记 (no full dossier). */
  simple: boolean;
  receivedOn: string;
  /** The date of the latest action (or of registration): no later action may be dated before it. */
  lastActedOn: string;
  investigations: { on: string; investigator: string; subject: string; place: string; content: string }[];
  sessions: { on: string; place: string; attendees: string; content: string }[];
  /** The latest extension of the time limit, agreed by both parties. */
  extension: { on: string; extendedTo: string; reason: string } | null;
  outcome: { on: string; result: '调解成功' | '调解不成功' | '终止调解' } | null;
  agreement: MediationAgreement | null;
  failure: { on: string; reason: string; routesTold: (typeof OTHER_ROUTES)[number][] } | null;
  termination: { on: string; reason: (typeof MEDIATION_TERMINATION_REASONS)[number]; explanation: string } | null;
  /** The latest 履行情况. */
  performance: { on: string; state: (typeof PERFORMANCE_STATES)[number]; note: string } | null;
  /** 回访, oldest first (rows recorded before the shared form read as it, shared/followUp/form.ts). */
  followUps: FollowUpRecord[];
  confirmation: {
    appliedOn: string;
    court: string;
    result: { on: string; result: (typeof CONFIRMATION_RESULTS)[number]; rulingNumber: string } | null;
  } | null;
  crimePrevention: boolean;
  subsidy: SubsidyRecord | null;
  archivedOn: string | null;
}

const str = (d: Record<string, unknown>, k: string): string => (typeof d[k] === 'string' ? (d[k] as string) : '');
const num = (d: Record<string, unknown>, k: string): number => (typeof d[k] === 'number' ? (d[k] as number) : 0);

/** Folds a case's timeline (oldest first) into its facts; a 口头调解登记 says so in its own row (`simple`). */
export function factsOf(
  { receivedOn, status: stored, detail }: CaseHead<Pick<MediationDetail, 'simple'>>,
  timeline: readonly CaseAction[],
): MediationFacts {
  const status = stored as MediationStatus;
  const simple = detail?.simple === 1;
  const facts: MediationFacts = {
    status,
    simple,
    receivedOn,
    lastActedOn: receivedOn,
    investigations: [],
    sessions: [],
    extension: null,
    outcome: null,
    agreement: null,
    failure: null,
    termination: null,
    performance: null,
    followUps: [],
    confirmation: null,
    crimePrevention: false,
    subsidy: null,
    archivedOn: null,
  };
  for (const entry of timeline) {
    const d = entry.data;
    const on = entry.actedOn;
    if (on > facts.lastActedOn) facts.lastActedOn = on;
    switch (entry.action as MediationAction | 'register') {
      case 'investigate':
        facts.investigations.push({
          on,
          investigator: str(d, 'investigator'),
          subject: str(d, 'subject'),
          place: str(d, 'place'),
          content: str(d, 'content'),
        });
        break;
      case 'recordSession':
        facts.sessions.push({ on, place: str(d, 'place'), attendees: str(d, 'attendees'), content: str(d, 'content') });
        break;
      case 'extend':
        facts.extension = { on, extendedTo: str(d, 'extendedTo'), reason: str(d, 'reason') };
        break;
      case 'succeed':
        facts.outcome = { on, result: '调解成功' };
        facts.agreement = {
          on,
          form: str(d, 'form') as AgreementForm,
          content: str(d, 'content'),
          amountFen: num(d, 'amountFen'),
          performanceMethod: str(d, 'performanceMethod') as MediationAgreement['performanceMethod'],
          performanceDueOn: str(d, 'performanceDueOn'),
          effectiveOn: str(d, 'effectiveOn') || on,
          agreementNumber: str(d, 'agreementNumber'),
        };
        facts.crimePrevention = d.crimePrevention === true;
        break;
      case 'fail':
        facts.outcome = { on, result: '调解不成功' };
        facts.failure = {
          on,
          reason: str(d, 'reason'),
          routesTold: (d.routesTold as (typeof OTHER_ROUTES)[number][]) ?? [],
        };
        break;
      case 'terminate':
        facts.outcome = { on, result: '终止调解' };
        facts.termination = {
          on,
          reason: str(d, 'reason') as (typeof MEDIATION_TERMINATION_REASONS)[number],
          explanation: str(d, 'explanation'),
        };
        break;
      case 'recordPerformance':
        facts.performance = { on, state: str(d, 'state') as (typeof PERFORMANCE_STATES)[number], note: str(d, 'note') };
        break;
      case 'followUp':
        facts.followUps.push(followUpRecordOf(entry));
        break;
      case 'applyConfirmation':
        facts.confirmation = { appliedOn: on, court: str(d, 'court'), result: null };
        break;
      case 'recordConfirmation':
        if (facts.confirmation) {
          facts.confirmation = {
            ...facts.confirmation,
            result: {
              on,
              result: str(d, 'result') as (typeof CONFIRMATION_RESULTS)[number],
              rulingNumber: str(d, 'rulingNumber'),
            },
          };
        }
        break;
      case 'markCrimePrevention':
        facts.crimePrevention = d.crimePrevention === true;
        break;
      case 'recordSubsidy':
        facts.subsidy = {
          on,
          form: str(d, 'form') as AgreementForm,
          rateFen: num(d, 'rateFen'),
          rateEffectiveFrom: str(d, 'rateEffectiveFrom'),
          amountFen: num(d, 'amountFen'),
          manual: d.manual === true,
          note: str(d, 'note'),
        };
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

/** The last day to apply for judicial confirmation: 30 days from the agreement taking effect (人民调解法 第33条). */
export function confirmationDue(
  agreement: Pick<MediationAgreement, 'effectiveOn'>,
  { table, rules }: DeadlineCalendar = {},
): string {
  return computeDeadline('mediationJudicialConfirmation', {
    start: agreement.effectiveOn,
    ...(rules ? { rules } : {}),
    ...(table ? { table } : {}),
  }).due;
}

/**
 * Null when the action may be taken now; otherwise the Chinese reason it may not. The status rule is the engine's;
 * the rest are mediation's own, judged on the action's own date (a timely application recorded late is still
 * timely), never after today.
 */
export function actionProblem(
  facts: MediationFacts,
  action: MediationAction,
  { actedOn, today }: ActionMoment,
): string | null {
  const on = actedOn < today ? actedOn : today;
  const byStatus = transitionProblem(MEDIATION_LIFECYCLE, facts.status, action);
  if (byStatus) return byStatus;
  switch (action) {
    case 'succeed':
    case 'fail':
      return !facts.simple && facts.sessions.length === 0
        ? `尚无调解记录，不能登记“${MEDIATION_ACTION_LABELS[action]}”：须先记录调解情况（人民调解法第27条）`
        : null;
    case 'applyConfirmation': {
      const { agreement, confirmation } = facts;
      if (!agreement) return '没有调解协议，不能申请司法确认';
      if (agreement.form === '口头')
        return '口头调解协议不能申请司法确认：须先制作书面调解协议书，由双方当事人共同申请';
      if (confirmation) return `已于${formatChineseDate(confirmation.appliedOn)}申请司法确认，不能重复申请`;
      const due = confirmationDue(agreement);
      return on > due
        ? `申请司法确认须在调解协议生效之日起三十日内（截至${formatChineseDate(due)}，人民调解法第33条），已超过期限`
        : null;
    }
    case 'recordConfirmation':
      if (!facts.confirmation) return '尚未申请司法确认，不能登记确认结果';
      return facts.confirmation.result
        ? `已于${formatChineseDate(facts.confirmation.result.on)}登记司法确认结果，不能重复登记`
        : null;
    case 'recordSubsidy':
      return facts.subsidy ? `已于${formatChineseDate(facts.subsidy.on)}登记以奖代补补贴，不能重复登记` : null;
    case 'archive':
      return facts.confirmation && !facts.confirmation.result ? '司法确认申请尚无结果，登记确认结果后方可归档' : null;
    default:
      return null;
  }
}

export type MediationActionOption = ActionOption<MediationAction>;

/** The actions that may be taken today, in the lifecycle's order: what the UI should offer. */
export function availableActions(facts: MediationFacts, today: string): MediationActionOption[] {
  return MEDIATION_ACTIONS.filter((a) => actionProblem(facts, a, { actedOn: today, today }) === null).map((action) => ({
    action,
    label: MEDIATION_ACTION_LABELS[action],
  }));
}
