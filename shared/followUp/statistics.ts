// What the periodic report counts of 回访 (../shared/domain/quality.md): every follow-up of a case of any kind, on
// its own date — 回访数 by kind, each 满意度, and both rates (满意 / 回访 and (满意 + 基本满意) / 回访), recomputed from
// the sums for an office and for the county, never averaged. A follow-up recorded before the shared form has no
// 满意度: it counts as a follow-up and in neither numerator.
import { kindOf } from '../kinds';
import type { CaseFacts } from '../statistics/caseFacts';
import type { KindIndicator } from '../statistics/facts';
import type { Satisfaction } from './form';

const section = 'followUp';
const KIND_VALUES = ['法律援助', '人民调解'] as const;

const bySatisfaction =
  (levels: readonly Satisfaction[]) =>
  (f: CaseFacts, emit: (on: string) => void): void => {
    for (const u of f.followUps) if (u.satisfaction !== null && levels.includes(u.satisfaction)) emit(u.on);
  };

export const FOLLOW_UP_INDICATORS: readonly (KindIndicator<CaseFacts> & { section: 'followUp' })[] = [
  {
    key: 'followUp.total',
    label: '回访数',
    section,
    unit: '件次',
    aggregate: 'sum',
    note: '法律援助回访受援人、人民调解回访当事人，按回访日期计',
    breakdown: { values: KIND_VALUES },
    events: (f, emit) => f.followUps.forEach((u) => emit(u.on, 1, kindOf(f.kind).label)),
  },
  {
    key: 'followUp.satisfied',
    label: '满意',
    section,
    unit: '件次',
    aggregate: 'sum',
    events: bySatisfaction(['满意']),
  },
  {
    key: 'followUp.basicallySatisfied',
    label: '基本满意',
    section,
    unit: '件次',
    aggregate: 'sum',
    events: bySatisfaction(['基本满意']),
  },
  {
    key: 'followUp.dissatisfied',
    label: '不满意',
    section,
    unit: '件次',
    aggregate: 'sum',
    events: bySatisfaction(['不满意']),
  },
  {
    key: 'followUp.satisfiedOrBasically',
    label: '满意及基本满意',
    section,
    unit: '件次',
    aggregate: 'sum',
    events: bySatisfaction(['满意', '基本满意']),
  },
  {
    key: 'followUp.satisfiedRate',
    label: '满意率',
    section,
    unit: '%',
    aggregate: 'ratio',
    note: '满意 / 回访数',
    numerator: 'followUp.satisfied',
    denominator: 'followUp.total',
  },
  {
    key: 'followUp.satisfiedOrBasicallyRate',
    label: '满意及基本满意率',
    section,
    unit: '%',
    aggregate: 'ratio',
    note: '（满意 + 基本满意）/ 回访数',
    numerator: 'followUp.satisfiedOrBasically',
    denominator: 'followUp.total',
  },
];
