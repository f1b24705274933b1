// What the periodic report counts of a mediation case (../shared/domain/statistics.md): its statistics facts, read
// from the registration and the timeline, their schema for facts from outside, and the 人民调解 section's indicators.
import { z } from 'zod';
import {
  caseFactsBaseShape,
  day,
  fenAmount,
  label,
  overdue,
  type CaseFactsBase,
  type KindIndicator,
} from '../../statistics/facts';
import type { KindStatistics } from '../kind';
import type { MediationDetail } from './detail';
import type { MediationFacts } from './lifecycle';
import { AGREEMENT_FORMS, DISPUTE_TYPE_SEED } from './options';

export interface MediationCaseFacts extends CaseFactsBase {
  kind: 'mediation';
  /** 纠纷类型 as registered. */
  disputeType: string;
  /** 涉及金额 and 涉及人数 from the 受理登记表. */
  amountFen: number;
  peopleCount: number;
  /** The mediation's end: 调解成功 / 调解不成功 / 终止调解, with its date. */
  outcome: { on: string; result: '调解成功' | '调解不成功' | '终止调解' } | null;
  /** The agreement's form (书面 / 口头) and amount, when the mediation succeeded. */
  agreement: { form: string; amountFen: number } | null;
  /** 申请司法确认 and, when recorded, the court's confirmation of the agreement (确认调解协议有效). */
  confirmationAppliedOn: string | null;
  confirmedOn: string | null;
  /** 防止民转刑: counted on the day of the agreement. */
  crimePrevention: boolean;
  /** 以奖代补: the day it was recorded, the case form it was paid for, and the amount. */
  subsidy: { on: string; form: string; amountFen: number } | null;
}

const LIMIT_KEYS = ['mediationTerm'] as const;

const schema: z.ZodType<MediationCaseFacts> = z.strictObject({
  ...caseFactsBaseShape(LIMIT_KEYS),
  kind: z.literal('mediation'),
  disputeType: label,
  amountFen: fenAmount,
  peopleCount: z.number().int().min(0),
  outcome: z.strictObject({ on: day, result: z.enum(['调解成功', '调解不成功', '终止调解']) }).nullable(),
  agreement: z.strictObject({ form: label, amountFen: fenAmount }).nullable(),
  confirmationAppliedOn: day.nullable(),
  confirmedOn: day.nullable(),
  crimePrevention: z.boolean(),
  subsidy: z.strictObject({ on: day, form: label, amountFen: fenAmount }).nullable(),
});

/** The 调解员 as one handler: their names, 、-joined (the column holds a JSON list). */
function mediatorsOf(json: string): string {
  try {
    const names: unknown = JSON.parse(json);
    return Array.isArray(names) ? names.filter((n) => typeof n === 'string').join('、') : '';
  } catch {
    return '';
  }
}

const factsOf: KindStatistics<MediationFacts, MediationDetail, MediationCaseFacts>['factsOf'] = ({
  base,
  facts: f,
  detail,
  limits,
  completeAt,
}) => ({
  ...base,
  kind: 'mediation',
  disputeType: detail?.dispute_type ?? '',
  amountFen: detail?.amount_fen ?? 0,
  peopleCount: detail?.people_count ?? 0,
  handler: detail ? mediatorsOf(detail.mediators) : '',
  closedOn: f.outcome?.on ?? null,
  outcome: f.outcome,
  agreement: f.agreement ? { form: f.agreement.form, amountFen: f.agreement.amountFen } : null,
  confirmationAppliedOn: f.confirmation?.appliedOn ?? null,
  confirmedOn: f.confirmation?.result?.result === '确认调解协议有效' ? f.confirmation.result.on : null,
  crimePrevention: f.crimePrevention,
  subsidy: f.subsidy ? { on: f.subsidy.on, form: f.subsidy.form, amountFen: f.subsidy.amountFen } : null,
  limits: [...limits],
  missingNoticeDates: [],
  // The dossier is checked at 归档.
  dossierCompleteAtClosing: completeAt('archive', base.status === 'archived' && f.outcome !== null),
});

const section = 'mediation';
const INDICATORS: readonly KindIndicator<MediationCaseFacts>[] = [
  {
    key: 'mediation.registered',
    label: '受理纠纷',
    section,
    unit: '件',
    aggregate: 'sum',
    events: (f, emit) => emit(f.receivedOn),
  },
  {
    key: 'mediation.byDisputeType',
    label: '受理纠纷按纠纷类型',
    section,
    unit: '件',
    aggregate: 'sum',
    breakdown: { values: DISPUTE_TYPE_SEED },
    events: (f, emit) => emit(f.receivedOn, 1, f.disputeType),
  },
  {
    key: 'mediation.ended',
    label: '调解终结',
    section,
    unit: '件',
    aggregate: 'sum',
    note: '调解成功、调解不成功和终止调解，按终结之日计',
    events: (f, emit) => emit(f.outcome?.on),
  },
  {
    key: 'mediation.succeeded',
    label: '调解成功',
    section,
    unit: '件',
    aggregate: 'sum',
    events: (f, emit) => f.outcome?.result === '调解成功' && emit(f.outcome.on),
  },
  {
    key: 'mediation.successRate',
    label: '调解成功率',
    section,
    unit: '%',
    aggregate: 'ratio',
    numerator: 'mediation.succeeded',
    denominator: 'mediation.ended',
  },
  {
    key: 'mediation.byAgreementForm',
    label: '调解协议按形式',
    section,
    unit: '件',
    aggregate: 'sum',
    breakdown: { values: AGREEMENT_FORMS },
    events: (f, emit) => f.agreement && f.outcome && emit(f.outcome.on, 1, f.agreement.form),
  },
  {
    key: 'mediation.amountFen',
    label: '受理纠纷涉及金额',
    section,
    unit: '元',
    aggregate: 'sum',
    events: (f, emit) => emit(f.receivedOn, f.amountFen),
  },
  {
    key: 'mediation.agreementFen',
    label: '调解协议涉及金额',
    section,
    unit: '元',
    aggregate: 'sum',
    events: (f, emit) => f.agreement && f.outcome && emit(f.outcome.on, f.agreement.amountFen),
  },
  {
    key: 'mediation.people',
    label: '受理纠纷涉及人数',
    section,
    unit: '人',
    aggregate: 'sum',
    events: (f, emit) => emit(f.receivedOn, f.peopleCount),
  },
  {
    key: 'mediation.confirmationApplied',
    label: '申请司法确认',
    section,
    unit: '件',
    aggregate: 'sum',
    events: (f, emit) => emit(f.confirmationAppliedOn),
  },
  {
    key: 'mediation.confirmed',
    label: '经司法确认有效',
    section,
    unit: '件',
    aggregate: 'sum',
    events: (f, emit) => emit(f.confirmedOn),
  },
  {
    key: 'mediation.crimePrevention',
    label: '防止民转刑',
    section,
    unit: '件',
    aggregate: 'sum',
    note: '认定为防止民间纠纷转化为刑事案件的，按调解成功之日计',
    events: (f, emit) => f.crimePrevention && f.outcome && emit(f.outcome.on),
  },
  {
    key: 'mediation.overdue',
    label: '超期调解',
    section,
    unit: '件',
    aggregate: 'sum',
    note: '调解期限（含经同意延长的）届满未终结或逾期终结的，按期限届满之日计',
    events: overdue('mediationTerm'),
  },
  {
    key: 'mediation.subsidyCases',
    label: '以奖代补案件',
    section,
    unit: '件',
    aggregate: 'sum',
    breakdown: { values: AGREEMENT_FORMS },
    events: (f, emit) => f.subsidy && emit(f.subsidy.on, 1, f.subsidy.form),
  },
  {
    key: 'mediation.subsidyFen',
    label: '以奖代补金额',
    section,
    unit: '元',
    aggregate: 'sum',
    breakdown: { values: AGREEMENT_FORMS },
    events: (f, emit) => f.subsidy && emit(f.subsidy.on, f.subsidy.amountFen, f.subsidy.form),
  },
];

export const MEDIATION_STATISTICS: KindStatistics<MediationFacts, MediationDetail, MediationCaseFacts> = {
  factsOf,
  limitKeys: LIMIT_KEYS,
  schema,
  indicators: INDICATORS,
};
