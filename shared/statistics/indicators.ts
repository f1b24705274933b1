// The catalogue of the report's indicators (../shared/domain/statistics.md): each with its Chinese label, its
// section, its unit, and how it is counted — as dated events a case contributes (summed over the days of a
// period), or as the ratio of two other indicators (recomputed from the sums, never averaged). A breakdown
// indicator also says which value each event belongs to (案件类别, 纠纷类型 ...): its rows are `key:value`.
import { LEGAL_AID_CATEGORIES, LEGAL_AID_SERVICE_FORMS } from '../kinds/legalAid/options';
import { AGREEMENT_FORMS, DISPUTE_TYPE_SEED } from '../kinds/mediation/options';
import type { CaseFacts, CaseLimit, LegalAidCaseFacts, MediationCaseFacts, NotarizationCaseFacts } from './facts';

export const SECTIONS = ['legalAid', 'mediation', 'notarization', 'dossier'] as const;
export type Section = (typeof SECTIONS)[number];
export const SECTION_LABELS: Record<Section, string> = {
  legalAid: '法律援助',
  mediation: '人民调解',
  notarization: '公证申请',
  dossier: '卷宗质量',
};

export type Unit = '件' | '件次' | '人' | '人次' | '元' | '%';

/** The kind of case a section's indicators count (dossier quality counts every kind): the rest are not asked. */
export const SECTION_KINDS: Record<Section, CaseFacts['kind'] | null> = {
  legalAid: 'legal_aid',
  mediation: 'mediation',
  notarization: 'notarization',
  dossier: null,
};

/**
 * Hands over one dated contribution of a case: `value` (1 unless said) on day `on` (nothing when null), in
 * breakdown value `by` when the indicator has one. A callback rather than a returned list: 20,000 cases times every
 * indicator would otherwise allocate a list each.
 */
export type Emit = (on: string | null | undefined, value?: number, by?: string) => void;

interface IndicatorBase {
  key: string;
  label: string;
  section: Section;
  unit: Unit;
  /** What the figure counts, in a sentence: printed under the page's tables and in the README. */
  note?: string;
}

export interface SumIndicator extends IndicatorBase {
  aggregate: 'sum';
  events: (facts: CaseFacts, emit: Emit) => unknown;
  /** A breakdown: its rows, in this order first; values met in the data but not listed follow, sorted. */
  breakdown?: { values: readonly string[] };
}

export interface RatioIndicator extends IndicatorBase {
  aggregate: 'ratio';
  numerator: string;
  denominator: string;
}

export type Indicator = SumIndicator | RatioIndicator;

const la = (f: CaseFacts): f is LegalAidCaseFacts => f.kind === 'legal_aid';
const md = (f: CaseFacts): f is MediationCaseFacts => f.kind === 'mediation';
const nt = (f: CaseFacts): f is NotarizationCaseFacts => f.kind === 'notarization';


/** A limit met late, or still open on the day the facts were taken with its due date past: counted on the due date. */
export function limitOverdue(limit: CaseLimit, asOf: string): boolean {
  return limit.doneOn !== null ? limit.doneOn > limit.due : asOf > limit.due;
}
const overdue = (key: CaseLimit['key']) => (f: CaseFacts, emit: Emit) => {
  for (const l of f.limits) if (l.key === key && limitOverdue(l, f.asOf)) emit(l.due);
};

/** 申请人类别 as the report groups them: 低保对象 and 特困人员 are one row. */
export const AIDED_GROUPS = ['未成年人', '老年人', '残疾人', '妇女', '农民工', '军人军属', '低保/特困'] as const;
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
  const days = [f.grantedOn, f.provisionalOn].filter((d): d is string => d !== null).sort();
  return days[0] ?? null;
}

export const INDICATORS: readonly Indicator[] = [
  // 法律援助
  { key: 'legalAid.received', label: '受理申请', section: 'legalAid', unit: '件', aggregate: 'sum', events: (f, emit) => la(f) && emit(f.receivedOn) },
  { key: 'legalAid.granted', label: '决定给予法律援助', section: 'legalAid', unit: '件', aggregate: 'sum', events: (f, emit) => la(f) && emit(f.grantedOn) },
  { key: 'legalAid.refused', label: '决定不予法律援助', section: 'legalAid', unit: '件', aggregate: 'sum', events: (f, emit) => la(f) && emit(f.refusedOn) },
  { key: 'legalAid.provisional', label: '先行提供法律援助', section: 'legalAid', unit: '件', aggregate: 'sum', events: (f, emit) => la(f) && emit(f.provisionalOn) },
  { key: 'legalAid.assigned', label: '指派', section: 'legalAid', unit: '件', aggregate: 'sum', events: (f, emit) => la(f) && emit(f.assignedOn) },
  { key: 'legalAid.closed', label: '结案', section: 'legalAid', unit: '件', aggregate: 'sum', events: (f, emit) => la(f) && emit(f.closedOn) },
  { key: 'legalAid.terminated', label: '终止法律援助', section: 'legalAid', unit: '件', aggregate: 'sum', events: (f, emit) => la(f) && emit(f.terminatedOn) },
  {
    key: 'legalAid.byCategory', label: '受理申请按案件类别', section: 'legalAid', unit: '件', aggregate: 'sum',
    breakdown: { values: LEGAL_AID_CATEGORIES }, events: (f, emit) => la(f) && emit(f.receivedOn, 1, f.category),
  },
  {
    key: 'legalAid.byServiceForm', label: '受理申请按援助形式', section: 'legalAid', unit: '件', aggregate: 'sum',
    breakdown: { values: LEGAL_AID_SERVICE_FORMS }, events: (f, emit) => la(f) && emit(f.receivedOn, 1, f.serviceForm),
  },
  {
    key: 'legalAid.consultations', label: '法律咨询人次', section: 'legalAid', unit: '人次', aggregate: 'sum',
    note: '援助形式为“法律咨询”的申请，按申请日期计',
    events: (f, emit) => la(f) && f.serviceForm === '法律咨询' && emit(f.receivedOn),
  },
  {
    key: 'legalAid.aidedPersons', label: '受援人数', section: 'legalAid', unit: '人', aggregate: 'sum',
    note: '决定给予或先行提供法律援助的申请人，按首次给予之日计',
    events: (f, emit) => la(f) && emit(aidStartedOn(f)),
  },
  {
    key: 'legalAid.aidedByGroup', label: '受援人按人群', section: 'legalAid', unit: '人', aggregate: 'sum',
    note: '一人属于多个人群的，分别计入各人群',
    breakdown: { values: AIDED_GROUPS },
    events: (f, emit) => {
      if (!la(f)) return;
      const on = aidStartedOn(f);
      if (on) for (const by of reportGroups(f.applicantGroups)) emit(on, 1, by);
    },
  },
  {
    key: 'legalAid.overdueDecisions', label: '逾期审查决定', section: 'legalAid', unit: '件', aggregate: 'sum',
    note: '审查决定期限届满未作决定或逾期作出决定的，按期限届满之日计', events: overdue('legalAidDecision'),
  },
  {
    key: 'legalAid.overdueAssignments', label: '逾期指派', section: 'legalAid', unit: '件', aggregate: 'sum',
    note: '指派期限届满未指派或逾期指派的，按期限届满之日计', events: overdue('legalAidAssignment'),
  },
  {
    key: 'legalAid.subsidyCases', label: '发放办案补贴', section: 'legalAid', unit: '件', aggregate: 'sum',
    events: (f, emit) => la(f) && f.subsidy && emit(f.subsidy.paidOn),
  },
  {
    key: 'legalAid.subsidyFen', label: '办案补贴金额', section: 'legalAid', unit: '元', aggregate: 'sum',
    events: (f, emit) => la(f) && f.subsidy && emit(f.subsidy.paidOn, f.subsidy.amountFen),
  },

  // 人民调解
  { key: 'mediation.registered', label: '受理纠纷', section: 'mediation', unit: '件', aggregate: 'sum', events: (f, emit) => md(f) && emit(f.receivedOn) },
  {
    key: 'mediation.byDisputeType', label: '受理纠纷按纠纷类型', section: 'mediation', unit: '件', aggregate: 'sum',
    breakdown: { values: DISPUTE_TYPE_SEED }, events: (f, emit) => md(f) && emit(f.receivedOn, 1, f.disputeType),
  },
  {
    key: 'mediation.ended', label: '调解终结', section: 'mediation', unit: '件', aggregate: 'sum',
    note: '调解成功、调解不成功和终止调解，按终结之日计', events: (f, emit) => md(f) && emit(f.outcome?.on),
  },
  {
    key: 'mediation.succeeded', label: '调解成功', section: 'mediation', unit: '件', aggregate: 'sum',
    events: (f, emit) => md(f) && f.outcome?.result === '调解成功' && emit(f.outcome.on),
  },
  { key: 'mediation.successRate', label: '调解成功率', section: 'mediation', unit: '%', aggregate: 'ratio', numerator: 'mediation.succeeded', denominator: 'mediation.ended' },
  {
    key: 'mediation.byAgreementForm', label: '调解协议按形式', section: 'mediation', unit: '件', aggregate: 'sum',
    breakdown: { values: AGREEMENT_FORMS },
    events: (f, emit) => md(f) && f.agreement && f.outcome && emit(f.outcome.on, 1, f.agreement.form),
  },
  {
    key: 'mediation.amountFen', label: '受理纠纷涉及金额', section: 'mediation', unit: '元', aggregate: 'sum',
    events: (f, emit) => md(f) && emit(f.receivedOn, f.amountFen),
  },
  {
    key: 'mediation.agreementFen', label: '调解协议涉及金额', section: 'mediation', unit: '元', aggregate: 'sum',
    events: (f, emit) => md(f) && f.agreement && f.outcome && emit(f.outcome.on, f.agreement.amountFen),
  },
  {
    key: 'mediation.people', label: '受理纠纷涉及人数', section: 'mediation', unit: '人', aggregate: 'sum',
    events: (f, emit) => md(f) && emit(f.receivedOn, f.peopleCount),
  },
  {
    key: 'mediation.confirmationApplied', label: '申请司法确认', section: 'mediation', unit: '件', aggregate: 'sum',
    events: (f, emit) => md(f) && emit(f.confirmationAppliedOn),
  },
  {
    key: 'mediation.confirmed', label: '经司法确认有效', section: 'mediation', unit: '件', aggregate: 'sum',
    events: (f, emit) => md(f) && emit(f.confirmedOn),
  },
  {
    key: 'mediation.crimePrevention', label: '防止民转刑', section: 'mediation', unit: '件', aggregate: 'sum',
    note: '认定为防止民间纠纷转化为刑事案件的，按调解成功之日计',
    events: (f, emit) => md(f) && f.crimePrevention && f.outcome && emit(f.outcome.on),
  },
  {
    key: 'mediation.overdue', label: '超期调解', section: 'mediation', unit: '件', aggregate: 'sum',
    note: '调解期限（含经同意延长的）届满未终结或逾期终结的，按期限届满之日计', events: overdue('mediationTerm'),
  },
  {
    key: 'mediation.subsidyCases', label: '以奖代补案件', section: 'mediation', unit: '件', aggregate: 'sum',
    breakdown: { values: AGREEMENT_FORMS }, events: (f, emit) => md(f) && f.subsidy && emit(f.subsidy.on, 1, f.subsidy.form),
  },
  {
    key: 'mediation.subsidyFen', label: '以奖代补金额', section: 'mediation', unit: '元', aggregate: 'sum',
    breakdown: { values: AGREEMENT_FORMS },
    events: (f, emit) => md(f) && f.subsidy && emit(f.subsidy.on, f.subsidy.amountFen, f.subsidy.form),
  },

  // 公证申请
  { key: 'notarization.received', label: '受理申请', section: 'notarization', unit: '件', aggregate: 'sum', events: (f, emit) => nt(f) && emit(f.receivedOn) },
  { key: 'notarization.forwarded', label: '转递公证处', section: 'notarization', unit: '件', aggregate: 'sum', events: (f, emit) => nt(f) && emit(f.forwardedOn) },
  { key: 'notarization.issued', label: '出具公证书', section: 'notarization', unit: '件', aggregate: 'sum', events: (f, emit) => nt(f) && emit(f.issuedOn) },
  { key: 'notarization.delivered', label: '送达当事人', section: 'notarization', unit: '件', aggregate: 'sum', events: (f, emit) => nt(f) && emit(f.deliveredOn) },
  {
    key: 'notarization.byMatter', label: '受理申请按公证事项', section: 'notarization', unit: '件', aggregate: 'sum',
    breakdown: { values: [] }, events: (f, emit) => nt(f) && emit(f.receivedOn, 1, f.matterName),
  },
  {
    key: 'notarization.deferred', label: '容缺受理', section: 'notarization', unit: '件', aggregate: 'sum',
    events: (f, emit) => nt(f) && f.deferred && emit(f.acceptedOn),
  },
  {
    key: 'notarization.deferredOnTime', label: '容缺材料按期补交', section: 'notarization', unit: '件', aggregate: 'sum',
    note: '在承诺期限内补交的，按补交之日计',
    events: (f, emit) => nt(f) && f.deferred?.suppliedOn && f.deferred.suppliedOn <= f.deferred.dueOn && emit(f.deferred.suppliedOn),
  },
  {
    key: 'notarization.overdue', label: '超期未出证', section: 'notarization', unit: '件', aggregate: 'sum',
    note: '受理后十五个工作日（中止期间不计）届满未出证或逾期出证的，按期限届满之日计', events: overdue('notarizationIssue'),
  },

  // 卷宗质量
  {
    key: 'dossier.closed', label: '办结案件', section: 'dossier', unit: '件', aggregate: 'sum',
    note: '法律援助结案、人民调解终结、公证书送达', events: (f, emit) => emit(f.closedOn),
  },
  {
    key: 'dossier.completeAtClosing', label: '办结时卷宗齐全', section: 'dossier', unit: '件', aggregate: 'sum',
    note: '法律援助结案、人民调解和公证申请归档时卷宗材料齐全（未经所长特批）的，按办结之日计',
    events: (f, emit) => f.dossierCompleteAtClosing === true && emit(f.closedOn),
  },
  {
    key: 'dossier.checkedAtClosing', label: '办结时核查卷宗', section: 'dossier', unit: '件', aggregate: 'sum',
    note: '已结案的法律援助和已归档的人民调解、公证申请',
    events: (f, emit) => f.dossierCompleteAtClosing !== null && emit(f.closedOn),
  },
  { key: 'dossier.completeRate', label: '卷宗齐全率', section: 'dossier', unit: '%', aggregate: 'ratio', numerator: 'dossier.completeAtClosing', denominator: 'dossier.checkedAtClosing' },
  {
    key: 'dossier.missingNotices', label: '发出补正材料通知', section: 'dossier', unit: '件次',
    aggregate: 'sum', note: '法律援助一次性告知、公证申请材料补正通知', events: (f, emit) => f.missingNoticeDates.forEach((on) => emit(on)),
  },
];

export const INDICATOR_BY_KEY: ReadonlyMap<string, Indicator> = new Map(INDICATORS.map((i) => [i.key, i]));
