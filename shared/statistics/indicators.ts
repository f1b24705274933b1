// The catalogue of the report's indicators (../shared/domain/statistics.md): each kind's section (its own
// indicators, shared/kinds/<kind>/statistics.ts), then 卷宗质量 over every kind — each with its Chinese label, its
// section, its unit, and how it is counted: as dated events a case contributes (summed over the days of a period),
// or as the ratio of two other indicators (recomputed from the sums, never averaged). A breakdown indicator also says
// which value each event belongs to (案件类别, 纠纷类型 ...): its rows are `key:value`.
import { FOLLOW_UP_INDICATORS } from '../followUp/statistics';
import { ALL_KINDS, type KindKey } from '../kinds';
import type { CaseKind } from '../options';
import type { CaseFacts } from './caseFacts';
import type { KindIndicator, SumIndicator as SumOf, Unit } from './facts';

export type { Unit };
export const SECTIONS = [...ALL_KINDS.map((k) => k.key as KindKey), 'dossier', 'followUp'] as const;
export type Section = KindKey | 'dossier' | 'followUp';
export const SECTION_LABELS: Record<Section, string> = {
  ...(Object.fromEntries(ALL_KINDS.map((k) => [k.key, k.label])) as Record<KindKey, string>),
  dossier: '卷宗质量',
  followUp: '回访',
};

/** The kind of case a section's indicators count (dossier quality counts every kind): the rest are not asked. */
export const SECTION_KINDS: Record<Section, CaseKind | null> = {
  ...(Object.fromEntries(ALL_KINDS.map((k) => [k.key, k.kind])) as Record<KindKey, CaseKind>),
  dossier: null,
  followUp: null,
};

export type SumIndicator = SumOf<CaseFacts> & { section: Section };
export type Indicator = KindIndicator<CaseFacts> & { section: Section };

const DOSSIER_INDICATORS: readonly Indicator[] = [
  {
    key: 'dossier.closed',
    label: '办结案件',
    section: 'dossier',
    unit: '件',
    aggregate: 'sum',
    note: '法律援助结案、人民调解终结、公证书送达',
    events: (f, emit) => emit(f.closedOn),
  },
  {
    key: 'dossier.completeAtClosing',
    label: '办结时卷宗齐全',
    section: 'dossier',
    unit: '件',
    aggregate: 'sum',
    note: '法律援助结案、人民调解和公证申请归档时卷宗材料齐全（未经所长特批）的，按办结之日计',
    events: (f, emit) => f.dossierCompleteAtClosing === true && emit(f.closedOn),
  },
  {
    key: 'dossier.checkedAtClosing',
    label: '办结时核查卷宗',
    section: 'dossier',
    unit: '件',
    aggregate: 'sum',
    note: '已结案的法律援助和已归档的人民调解、公证申请',
    events: (f, emit) => f.dossierCompleteAtClosing !== null && emit(f.closedOn),
  },
  {
    key: 'dossier.completeRate',
    label: '卷宗齐全率',
    section: 'dossier',
    unit: '%',
    aggregate: 'ratio',
    numerator: 'dossier.completeAtClosing',
    denominator: 'dossier.checkedAtClosing',
  },
  {
    key: 'dossier.missingNotices',
    label: '发出补正材料通知',
    section: 'dossier',
    unit: '件次',
    aggregate: 'sum',
    note: '法律援助一次性告知、公证申请材料补正通知',
    events: (f, emit) => f.missingNoticeDates.forEach((on) => emit(on)),
  },
];

/** A kind's indicators, each asking only that kind's facts. */
const sectionOf = (kind: (typeof ALL_KINDS)[number]): Indicator[] =>
  kind.statistics.indicators.map((ind) =>
    ind.aggregate === 'sum'
      ? {
          ...ind,
          section: kind.key as Section,
          events: (f: CaseFacts, emit) => (f.kind === kind.kind ? ind.events(f, emit) : undefined),
        }
      : { ...ind, section: kind.key as Section },
  );

export const INDICATORS: readonly Indicator[] = [
  ...ALL_KINDS.flatMap(sectionOf),
  ...DOSSIER_INDICATORS,
  ...FOLLOW_UP_INDICATORS,
];

export const INDICATOR_BY_KEY: ReadonlyMap<string, Indicator> = new Map(INDICATORS.map((i) => [i.key, i]));
