// What the periodic report counts of a legal-aid case (../shared/domain/statistics.md): its statistics facts, read
// from the application and the timeline, their schema for facts from outside, and the 法律援助 section's indicators.
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
import type { LegalAidDetail } from './detail';
import type { LegalAidFacts } from './lifecycle';
import { LEGAL_AID_CATEGORIES, LEGAL_AID_SERVICE_FORMS } from './options';

export interface LegalAidCaseFacts extends CaseFactsBase {
  kind: 'legal_aid';
  /** 案件类别 (LEGAL_AID_CATEGORIES). */
  category: string;
  /** 援助形式 */
  serviceForm: string;
  /** 申请人类别 ticked on the application. */
  applicantGroups: string[];
  /** The first decision to grant aid (审查决定 or a bureau's order to correct a refusal); not 先行提供. */
  grantedOn: string | null;
  /** The first decision to refuse aid. */
  refusedOn: string | null;
  /** 通知辩护 (法律援助法 第36条): the day the notice was received; such a case is not an application (counted apart). */
  notifiedOn: string | null;
  /** 先行提供 (法律援助法 第44条). */
  provisionalOn: string | null;
  assignedOn: string | null;
  terminatedOn: string | null;
  /** 办案补贴 as paid (the amount may be 0 for the centre's own staff). */
  subsidy: { paidOn: string; amountFen: number } | null;
}

const LIMIT_KEYS = ['legalAidDecision', 'legalAidAssignment', 'legalAidNotifiedAssignment'] as const;

const schema: z.ZodType<LegalAidCaseFacts> = z.strictObject({
  ...caseFactsBaseShape(LIMIT_KEYS),
  kind: z.literal('legal_aid'),
  category: label,
  serviceForm: label,
  applicantGroups: z.array(label),
  grantedOn: day.nullable(),
  refusedOn: day.nullable(),
  // Absent from facts made before 通知辩护 was counted: none was notified.
  notifiedOn: day.nullable().default(null),
  provisionalOn: day.nullable(),
  assignedOn: day.nullable(),
  terminatedOn: day.nullable(),
  subsidy: z.strictObject({ paidOn: day, amountFen: fenAmount }).nullable(),
});

function parseJson<T>(text: string, fallback: T): T {
  try {
    return JSON.parse(text) as T;
  } catch {
    return fallback;
  }
}

const factsOf: KindStatistics<LegalAidFacts, LegalAidDetail, LegalAidCaseFacts>['factsOf'] = ({
  base,
  facts: f,
  detail,
  timeline,
  limits,
  completeAt,
}) => {
  const firstTo = (action: string, to: string) =>
    timeline.find((a) => a.action === action && a.toStatus === to)?.actedOn ?? null;
  // 先行提供 is not a grant; a bureau's order to correct a refusal is.
  const grants = [firstTo('decide', 'granted'), firstTo('reviewObjection', 'granted')]
    .filter((d): d is string => d !== null)
    .sort();
  return {
    ...base,
    kind: 'legal_aid',
    category: detail?.category ?? '',
    serviceForm: detail?.service_form ?? '',
    applicantGroups: detail ? parseJson<string[]>(detail.applicant_groups, []) : [],
    grantedOn: grants[0] ?? null,
    refusedOn: firstTo('decide', 'refused'),
    notifiedOn: f.noticeReceivedOn,
    provisionalOn: f.provisional?.on ?? null,
    assignedOn: f.assignment?.on ?? null,
    handler: f.assignment ? `${f.assignment.personName}（${f.assignment.orgName}）` : '',
    closedOn: f.closing?.on ?? null,
    terminatedOn: f.termination?.on ?? null,
    subsidy: f.subsidy ? { paidOn: f.subsidy.paidOn, amountFen: f.subsidy.amountFen } : null,
    limits: [...limits],
    missingNoticeDates: f.materials ? [f.materials.notifiedOn] : [],
    // The dossier is checked at 结案.
    dossierCompleteAtClosing: completeAt('close', f.closing !== null),
  };
};

/** 申请人类别 as the report groups them: 低保对象 and 特困人员 are one row. */
const AIDED_GROUPS = ['未成年人', '老年人', '残疾人', '妇女', '农民工', '军人军属', '低保/特困'] as const;
function reportGroups(applicantGroups: readonly string[]): string[] {
  const out = new Set<string>();
  for (const g of applicantGroups) {
    if (g === '低保对象' || g === '特困人员') out.add('低保/特困');
    else if ((AIDED_GROUPS as readonly string[]).includes(g)) out.add(g);
  }
  return [...out];
}
/** The day aid began: granted, or provided provisionally (第44条), whichever came first. */
function aidStartedOn(f: LegalAidCaseFacts): string | null {
  const days = [f.grantedOn, f.provisionalOn, f.notifiedOn].filter((d): d is string => d !== null).sort();
  return days[0] ?? null;
}

const section = 'legalAid';
const INDICATORS: readonly KindIndicator<LegalAidCaseFacts>[] = [
  {
    key: 'legalAid.received',
    label: '受理申请',
    section,
    unit: '件',
    aggregate: 'sum',
    // Applications only: a notified defence is counted apart (legalAid.notified).
    events: (f, emit) => f.notifiedOn === null && emit(f.receivedOn),
  },
  {
    key: 'legalAid.notified',
    label: '通知辩护',
    section,
    unit: '件',
    aggregate: 'sum',
    note: '办案机关通知法律援助机构指派律师的案件（法律援助法第36条），按收到通知之日计，不计入受理申请',
    events: (f, emit) => emit(f.notifiedOn),
  },
  {
    key: 'legalAid.granted',
    label: '决定给予法律援助',
    section,
    unit: '件',
    aggregate: 'sum',
    events: (f, emit) => emit(f.grantedOn),
  },
  {
    key: 'legalAid.refused',
    label: '决定不予法律援助',
    section,
    unit: '件',
    aggregate: 'sum',
    events: (f, emit) => emit(f.refusedOn),
  },
  {
    key: 'legalAid.provisional',
    label: '先行提供法律援助',
    section,
    unit: '件',
    aggregate: 'sum',
    events: (f, emit) => emit(f.provisionalOn),
  },
  {
    key: 'legalAid.assigned',
    label: '指派',
    section,
    unit: '件',
    aggregate: 'sum',
    events: (f, emit) => emit(f.assignedOn),
  },
  {
    key: 'legalAid.closed',
    label: '结案',
    section,
    unit: '件',
    aggregate: 'sum',
    events: (f, emit) => emit(f.closedOn),
  },
  {
    key: 'legalAid.terminated',
    label: '终止法律援助',
    section,
    unit: '件',
    aggregate: 'sum',
    events: (f, emit) => emit(f.terminatedOn),
  },
  {
    key: 'legalAid.byCategory',
    label: '受理申请按案件类别',
    section,
    unit: '件',
    aggregate: 'sum',
    breakdown: { values: LEGAL_AID_CATEGORIES },
    events: (f, emit) => f.notifiedOn === null && emit(f.receivedOn, 1, f.category),
  },
  {
    key: 'legalAid.byServiceForm',
    label: '受理申请按援助形式',
    section,
    unit: '件',
    aggregate: 'sum',
    breakdown: { values: LEGAL_AID_SERVICE_FORMS },
    events: (f, emit) => f.notifiedOn === null && emit(f.receivedOn, 1, f.serviceForm),
  },
  {
    key: 'legalAid.consultations',
    label: '法律咨询人次',
    section,
    unit: '人次',
    aggregate: 'sum',
    note: '援助形式为“法律咨询”的申请，按申请日期计',
    events: (f, emit) => f.serviceForm === '法律咨询' && emit(f.receivedOn),
  },
  {
    key: 'legalAid.aidedPersons',
    label: '受援人数',
    section,
    unit: '人',
    aggregate: 'sum',
    note: '决定给予或先行提供法律援助的申请人，及通知辩护的犯罪嫌疑人、被告人，按首次给予（收到通知）之日计',
    events: (f, emit) => emit(aidStartedOn(f)),
  },
  {
    key: 'legalAid.aidedByGroup',
    label: '受援人按人群',
    section,
    unit: '人',
    aggregate: 'sum',
    note: '一人属于多个人群的，分别计入各人群',
    breakdown: { values: AIDED_GROUPS },
    events: (f, emit) => {
      const on = aidStartedOn(f);
      if (on) for (const by of reportGroups(f.applicantGroups)) emit(on, 1, by);
    },
  },
  {
    key: 'legalAid.overdueDecisions',
    label: '逾期审查决定',
    section,
    unit: '件',
    aggregate: 'sum',
    note: '审查决定期限届满未作决定或逾期作出决定的，按期限届满之日计',
    events: overdue('legalAidDecision'),
  },
  {
    key: 'legalAid.overdueAssignments',
    label: '逾期指派',
    section,
    unit: '件',
    aggregate: 'sum',
    note: '指派期限届满未指派或逾期指派的，按期限届满之日计',
    events: overdue('legalAidAssignment'),
  },
  {
    key: 'legalAid.overdueNotifiedAssignments',
    label: '通知辩护逾期指派',
    section,
    unit: '件',
    aggregate: 'sum',
    note: '收到通知后三日内未指派或逾期指派的（法律援助法第36条），按期限届满之日计',
    events: overdue('legalAidNotifiedAssignment'),
  },
  {
    key: 'legalAid.subsidyCases',
    label: '发放办案补贴',
    section,
    unit: '件',
    aggregate: 'sum',
    events: (f, emit) => f.subsidy && emit(f.subsidy.paidOn),
  },
  {
    key: 'legalAid.subsidyFen',
    label: '办案补贴金额',
    section,
    unit: '元',
    aggregate: 'sum',
    events: (f, emit) => f.subsidy && emit(f.subsidy.paidOn, f.subsidy.amountFen),
  },
];

export const LEGAL_AID_STATISTICS: KindStatistics<LegalAidFacts, LegalAidDetail, LegalAidCaseFacts> = {
  factsOf,
  limitKeys: LIMIT_KEYS,
  schema,
  indicators: INDICATORS,
};
