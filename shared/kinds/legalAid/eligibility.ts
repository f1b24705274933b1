// Whether a legal-aid application qualifies, as a pure function of what the case records: in scope (法律援助法
// 第24、25、28、29、31、32、33条), whether financial difficulty must be shown or its verification is exempt (第32、41、42条),
// and whether aid may be provided first (第44条). Every part of the verdict names the article behind it.
//
// The matter (案由) is free text on the form, so it is mapped to a structured 事项类型: the clerk's choice when
// given (the decision records it), otherwise a suggestion from keywords of the 案由 that the verdict marks as
// inferred. Texts of the articles: 法律援助法 (2021). Articles 第48、49条 are used in actions.ts.
import { ageOn } from '../../dates';
import { daysBetween } from '../../calendar';
import type { APPLICANT_GROUPS, DefenceGround, FINANCE_BASES, LegalAidCategory } from './options';

type ApplicantGroup = (typeof APPLICANT_GROUPS)[number];
type FinanceBasis = (typeof FINANCE_BASES)[number];

/** Areas a roster entry may list as expertise, and that a matter type calls for. */
export const EXPERTISE_AREAS = [
  '刑事辩护与代理',
  '婚姻家庭与赡养抚养',
  '劳动争议与劳动报酬',
  '工伤与人身损害赔偿',
  '社会保障与抚恤',
  '行政诉讼与国家赔偿',
  '环境资源',
  '其他民事',
] as const;
export type ExpertiseArea = (typeof EXPERTISE_AREAS)[number];

/** Which list of the statute a matter type belongs to. */
type MatterList =
  | 'article31'
  | 'article32'
  /** 第33条: 申诉、再审, in any category, on financial difficulty. */
  | 'article33'
  | 'criminalDefence'
  | 'criminalVictim'
  /** 第28条: the respondent of a 强制医疗 procedure, assigned on the court's notice (第36条), no financial check. */
  | 'compulsoryTreatment'
  | 'outside';

interface MatterTypeDef {
  list: MatterList;
  article: string;
  expertise: ExpertiseArea;
  /** Words in the 案由 that suggest this type (only for the non-criminal types). */
  keywords: RegExp | null;
}

/**
 * 事项类型, in the order keywords are tried: the 第32条 items first (a domestic-violence claim for maintenance is a
 * 第32条 case), 工伤 before 劳动报酬 before 劳动关系.
 */
const MATTER_TYPE_DEFS = {
  英雄烈士近亲属维护英雄烈士人格权益: {
    list: 'article32',
    article: '法律援助法第32条第（一）项',
    expertise: '其他民事',
    keywords: /英雄|烈士|英烈/,
  },
  见义勇为主张相关民事权益: {
    list: 'article32',
    article: '法律援助法第32条第（二）项',
    expertise: '工伤与人身损害赔偿',
    keywords: /见义勇为/,
  },
  再审改判无罪请求国家赔偿: {
    list: 'article32',
    article: '法律援助法第32条第（三）项',
    expertise: '行政诉讼与国家赔偿',
    keywords: /改判无罪|再审.*无罪/,
  },
  遭受虐待遗弃或者家庭暴力主张相关权益: {
    list: 'article32',
    article: '法律援助法第32条第（四）项',
    expertise: '婚姻家庭与赡养抚养',
    keywords: /家庭暴力|家暴|虐待|遗弃/,
  },
  其他不受经济困难条件限制的情形: {
    list: 'article32',
    article: '法律援助法第32条第（五）项',
    expertise: '其他民事',
    keywords: null,
  },
  申诉再审: {
    list: 'article33',
    article: '法律援助法第33条',
    expertise: '其他民事',
    keywords: /申诉|再审|抗诉/,
  },
  国家赔偿: {
    list: 'article31',
    article: '法律援助法第31条第（一）项',
    expertise: '行政诉讼与国家赔偿',
    keywords: /国家赔偿/,
  },
  工伤事故人身损害赔偿: {
    list: 'article31',
    article: '法律援助法第31条第（七）项',
    expertise: '工伤与人身损害赔偿',
    keywords: /工伤/,
  },
  支付劳动报酬: {
    list: 'article31',
    article: '法律援助法第31条第（五）项',
    expertise: '劳动争议与劳动报酬',
    keywords: /劳动报酬|工资|欠薪|薪酬|工钱|劳务费/,
  },
  确认劳动关系: {
    list: 'article31',
    article: '法律援助法第31条第（五）项',
    expertise: '劳动争议与劳动报酬',
    keywords: /劳动关系/,
  },
  赡养费抚养费扶养费: {
    list: 'article31',
    article: '法律援助法第31条第（四）项',
    expertise: '婚姻家庭与赡养抚养',
    keywords: /赡养|抚养费|扶养/,
  },
  社会保险待遇或者社会救助: {
    list: 'article31',
    article: '法律援助法第31条第（二）项',
    expertise: '社会保障与抚恤',
    keywords: /社会保险|社保|养老保险|医疗保险|失业保险|生育保险|养老金|最低生活保障|低保|社会救助|特困供养/,
  },
  抚恤金: { list: 'article31', article: '法律援助法第31条第（三）项', expertise: '社会保障与抚恤', keywords: /抚恤/ },
  交通食品药品医疗事故人身损害赔偿: {
    list: 'article31',
    article: '法律援助法第31条第（七）项',
    expertise: '工伤与人身损害赔偿',
    keywords: /交通事故|车祸|食品安全|药品|医疗事故|医疗损害|医疗纠纷/,
  },
  认定无民事行为能力或者限制民事行为能力: {
    list: 'article31',
    article: '法律援助法第31条第（六）项',
    expertise: '婚姻家庭与赡养抚养',
    keywords: /行为能力/,
  },
  环境污染生态破坏损害赔偿: {
    list: 'article31',
    article: '法律援助法第31条第（八）项',
    expertise: '环境资源',
    keywords: /环境污染|污染|生态破坏/,
  },
  法律法规规章规定的其他事项: {
    list: 'article31',
    article: '法律援助法第31条第（九）项',
    expertise: '其他民事',
    keywords: null,
  },
  刑事辩护: { list: 'criminalDefence', article: '法律援助法第24条', expertise: '刑事辩护与代理', keywords: null },
  刑事被害人自诉人附带民事诉讼原告人代理: {
    list: 'criminalVictim',
    article: '法律援助法第29条',
    expertise: '刑事辩护与代理',
    keywords: null,
  },
  强制医疗案件被申请人或者被告人代理: {
    list: 'compulsoryTreatment',
    article: '法律援助法第28条',
    expertise: '刑事辩护与代理',
    keywords: null,
  },
  不属于法定援助事项: { list: 'outside', article: '法律援助法第31条', expertise: '其他民事', keywords: null },
} as const satisfies Record<string, MatterTypeDef>;

export type MatterType = keyof typeof MATTER_TYPE_DEFS;
export const MATTER_TYPES = Object.keys(MATTER_TYPE_DEFS) as [MatterType, ...MatterType[]];

/** Labels as the select shows them (the keys are the stored values; these add the wording of the article). */
export const MATTER_TYPE_LABELS: Record<MatterType, string> = {
  英雄烈士近亲属维护英雄烈士人格权益: '英雄烈士近亲属为维护英雄烈士的人格权益',
  见义勇为主张相关民事权益: '因见义勇为行为主张相关民事权益',
  再审改判无罪请求国家赔偿: '再审改判无罪请求国家赔偿',
  遭受虐待遗弃或者家庭暴力主张相关权益: '遭受虐待、遗弃或者家庭暴力的受害人主张相关权益',
  其他不受经济困难条件限制的情形: '法律、法规、规章规定的其他不受经济困难条件限制的情形',
  申诉再审: '不服生效裁判、决定提出申诉或者申请再审，人民法院决定、裁定再审或者人民检察院提出抗诉（第33条）',
  国家赔偿: '依法请求国家赔偿',
  工伤事故人身损害赔偿: '请求工伤事故人身损害赔偿',
  支付劳动报酬: '请求支付劳动报酬',
  确认劳动关系: '请求确认劳动关系',
  赡养费抚养费扶养费: '请求给付赡养费、抚养费、扶养费',
  社会保险待遇或者社会救助: '请求给予社会保险待遇或者社会救助',
  抚恤金: '请求发给抚恤金',
  交通食品药品医疗事故人身损害赔偿: '请求交通事故、食品药品安全事故、医疗事故人身损害赔偿',
  认定无民事行为能力或者限制民事行为能力: '请求认定公民无民事行为能力或者限制民事行为能力',
  环境污染生态破坏损害赔偿: '请求环境污染、生态破坏损害赔偿',
  法律法规规章规定的其他事项: '法律、法规、规章规定的其他情形',
  刑事辩护: '刑事案件犯罪嫌疑人、被告人的辩护',
  刑事被害人自诉人附带民事诉讼原告人代理: '刑事被害人、自诉人、附带民事诉讼原告人的代理',
  强制医疗案件被申请人或者被告人代理: '强制医疗案件的被申请人或者被告人的代理（第28条，由人民法院通知）',
  不属于法定援助事项: '不属于上述事项',
};

export function expertiseFor(type: MatterType): ExpertiseArea {
  return MATTER_TYPE_DEFS[type].expertise;
}

const CRIMINAL_LISTS: ReadonlySet<MatterList> = new Set(['criminalDefence', 'criminalVictim', 'compulsoryTreatment']);
/** 申诉、再审 (第33条) may be of a criminal, civil, administrative or state-compensation judgment. */
const ANY_CATEGORY_LISTS: ReadonlySet<MatterList> = new Set(['article33']);

/** Matter types the statute puts outside the financial condition: 第32条's list and 第28条's 强制医疗. */
export function freeOfFinancialCondition(type: MatterType): boolean {
  const { list } = MATTER_TYPE_DEFS[type];
  return list === 'article32' || list === 'compulsoryTreatment';
}

/** Null when the matter type fits the case category; otherwise why not (for the decision's 事项类型 field). */
export function matterTypeProblem(category: LegalAidCategory, type: MatterType): string | null {
  if (ANY_CATEGORY_LISTS.has(MATTER_TYPE_DEFS[type].list)) return null;
  const criminal = CRIMINAL_LISTS.has(MATTER_TYPE_DEFS[type].list);
  if (category === '刑事' && !criminal) return '刑事案件应选择刑事辩护、刑事代理、强制医疗或者申诉再审';
  if (category !== '刑事' && criminal) return `${category}案件不能选择刑事事项`;
  return null;
}

/** A suggestion from the 案由's words; null when nothing fits (the clerk chooses). */
export function inferMatterType(category: LegalAidCategory, matter: string): MatterType | null {
  if (category === '刑事') {
    if (/强制医疗/.test(matter)) return '强制医疗案件被申请人或者被告人代理';
    if (MATTER_TYPE_DEFS.申诉再审.keywords.test(matter)) return '申诉再审';
    return /被害|自诉|附带民事/.test(matter) ? '刑事被害人自诉人附带民事诉讼原告人代理' : '刑事辩护';
  }
  if (category === '国家赔偿') {
    if (/改判无罪|再审.*无罪/.test(matter)) return '再审改判无罪请求国家赔偿';
    return MATTER_TYPE_DEFS.申诉再审.keywords.test(matter) ? '申诉再审' : '国家赔偿';
  }
  for (const type of MATTER_TYPES) {
    const { keywords } = MATTER_TYPE_DEFS[type];
    if (keywords && keywords.test(matter)) return type;
  }
  return null;
}

/** 法律援助法 第25条第一款 (seven items, in order): suspects and defendants the authorities must notify a defence for. */
export const MANDATORY_DEFENCE_GROUNDS = [
  '未成年人',
  '视力、听力、言语残疾人',
  '不能完全辨认自己行为的成年人',
  '可能被判处无期徒刑、死刑的人',
  '申请法律援助的死刑复核案件被告人',
  '缺席审判案件的被告人',
  '法律法规规定的其他人员',
] as const;
export type MandatoryDefenceGround = (typeof MANDATORY_DEFENCE_GROUNDS)[number];
const CHINESE_ITEM = ['（一）', '（二）', '（三）', '（四）', '（五）', '（六）', '（七）', '（八）', '（九）'];

/**
 * 法律援助法 第44条: grounds to provide aid before the formalities. The values are stored on the 先行提供 action as
 * they have always been; what the clerk reads is the article's full wording (PROVISIONAL_GROUND_LABELS).
 */
export const PROVISIONAL_GROUNDS = [
  '距法定时效或者期限届满不足七日',
  '需要立即申请财产保全、证据保全或者先予执行',
  '法律法规规章规定的其他情形',
] as const;
export type ProvisionalGround = (typeof PROVISIONAL_GROUNDS)[number];
export const PROVISIONAL_GROUND_LABELS: Record<ProvisionalGround, string> = {
  距法定时效或者期限届满不足七日:
    '距法定时效或者期限届满不足七日，需要及时提起诉讼或者申请仲裁、行政复议（第44条第（一）项）',
  '需要立即申请财产保全、证据保全或者先予执行': '需要立即申请财产保全、证据保全或者先予执行（第44条第（二）项）',
  法律法规规章规定的其他情形: '法律、法规、规章规定的其他情形（第44条第（三）项）',
};
export const PROVISIONAL_DAYS = 7;

export interface EligibilityFacts {
  category: LegalAidCategory;
  matter: string;
  applicantGroups: readonly ApplicantGroup[];
  applicantBirthDate: string;
  receivedOn: string;
  lacksCapacity: boolean;
  financeBasis: FinanceBasis | '';
  /** Why a suspect or defendant has no defender (第24条); '' when the application does not say. */
  defenceGround: DefenceGround | '';
  /** Registered from an authority's notice (通知辩护, 第36条): no review, no financial check. */
  notified: boolean;
  /** The clerk's or the decision's 事项类型; null to infer from the 案由. */
  matterType: MatterType | null;
  matterTypeSource: 'given' | 'recorded' | null;
  /** 第25条 grounds stated for a criminal defence (a minor is also found from the birth date). */
  mandatoryDefenceGrounds: readonly MandatoryDefenceGround[];
  /** When the limitation period or procedural deadline ends; '' or null when none was stated. */
  limitEndsOn: string | null;
  urgentPreservation: boolean;
  /** The day the provisional-aid grounds are judged on (today, or the day aid was provided first). */
  on: string;
}

interface VerdictPart {
  /** Chinese, for the clerk. */
  reason: string;
  /** The article behind it, in Chinese. */
  article: string;
}

type FinancialTest = 'notRequired' | 'exemptFromVerification' | 'exemptIfNoFixedIncome' | 'mustShow';

export interface EligibilityVerdict {
  matterType: MatterType | null;
  matterTypeSource: 'given' | 'recorded' | 'inferred' | 'unknown';
  /** In the statute's lists; null when the matter type is unknown. */
  scope: VerdictPart & { inScope: boolean | null };
  /** Criminal defences only: whether 第25条 requires the authorities to notify (no application, no financial test). */
  mandatoryDefence: (VerdictPart & { applies: boolean; grounds: MandatoryDefenceGround[] }) | null;
  financial: VerdictPart & { test: FinancialTest };
  provisional: VerdictPart & { grounds: boolean; daysLeft: number | null };
  /** Things the clerk should check: an inferred matter type, a financial basis that does not fit, ... */
  warnings: string[];
}

function article42(
  groups: ReadonlySet<ApplicantGroup>,
  type: MatterType | null,
  minor: boolean,
): (VerdictPart & { test: FinancialTest }) | null {
  // 第42条第（二）项: 社会救助、司法救助或者优抚对象 (优抚对象 is only suggested, from 军人军属: see the warning below).
  const assisted = [
    groups.has('低保对象') || groups.has('特困人员') ? '社会救助对象' : '',
    groups.has('司法救助对象') ? '司法救助对象' : '',
  ].filter(Boolean);
  if (assisted.length > 0) {
    const detail = [groups.has('低保对象') ? '低保对象' : '', groups.has('特困人员') ? '特困人员' : ''].filter(Boolean);
    return {
      test: 'exemptFromVerification',
      reason: `申请人为${assisted.join('、')}${detail.length > 0 ? `（${detail.join('、')}）` : ''}，免予核查经济困难状况`,
      article: '法律援助法第42条第（二）项',
    };
  }
  if (groups.has('农民工') && (type === '支付劳动报酬' || type === '工伤事故人身损害赔偿')) {
    return {
      test: 'exemptFromVerification',
      reason: '进城务工人员申请支付劳动报酬或者请求工伤事故人身损害赔偿，免予核查经济困难状况',
      article: '法律援助法第42条第（三）项',
    };
  }
  const who = [
    minor || groups.has('未成年人') ? '未成年人' : '',
    groups.has('老年人') ? '老年人' : '',
    groups.has('残疾人') ? '残疾人' : '',
  ].filter(Boolean);
  if (who.length > 0) {
    return {
      test: 'exemptIfNoFixedIncome',
      reason: `申请人为${who.join('、')}，有材料证明无固定生活来源的，免予核查经济困难状况；有固定生活来源的仍须核查`,
      article: '法律援助法第42条第（一）项',
    };
  }
  return null;
}

function provisionalPart(facts: EligibilityFacts): VerdictPart & { grounds: boolean; daysLeft: number | null } {
  const daysLeft = facts.limitEndsOn ? daysBetween(facts.on, facts.limitEndsOn) : null;
  if (facts.urgentPreservation) {
    return {
      grounds: true,
      daysLeft,
      reason: '需要立即申请财产保全、证据保全或者先予执行，可以先行提供法律援助',
      article: '法律援助法第44条第（二）项',
    };
  }
  if (daysLeft === null)
    return {
      grounds: false,
      daysLeft,
      reason: '未填写时效或期限届满日期，也无紧急保全或先予执行的需要',
      article: '法律援助法第44条',
    };
  if (daysLeft < 0)
    return { grounds: false, daysLeft, reason: '时效或期限已经届满', article: '法律援助法第44条第（一）项' };
  if (daysLeft < PROVISIONAL_DAYS) {
    return {
      grounds: true,
      daysLeft,
      reason: `距法定时效或者期限届满不足七日（还有${daysLeft}日），需要及时提起诉讼或者申请仲裁、行政复议的，可以先行提供法律援助`,
      article: '法律援助法第44条第（一）项',
    };
  }
  return {
    grounds: false,
    daysLeft,
    reason: `距时效或期限届满还有${daysLeft}日；距法定时效或者期限届满不足七日，需要及时提起诉讼或者申请仲裁、行政复议的，方可先行提供`,
    article: '法律援助法第44条第（一）项',
  };
}

export function assessEligibility(facts: EligibilityFacts): EligibilityVerdict {
  const warnings: string[] = [];
  const inferred = facts.matterType === null ? inferMatterType(facts.category, facts.matter) : null;
  const type = facts.matterType ?? inferred;
  const matterTypeSource =
    facts.matterType !== null ? (facts.matterTypeSource ?? 'given') : inferred !== null ? 'inferred' : 'unknown';
  if (matterTypeSource === 'inferred')
    warnings.push(`事项类型系根据案由“${facts.matter}”推断为“${MATTER_TYPE_LABELS[type!]}”，请核对`);
  if (type !== null) {
    const problem = matterTypeProblem(facts.category, type);
    if (problem) warnings.push(`事项类型与案件类别不符：${problem}`);
  }
  const groups = new Set(facts.applicantGroups);
  const minor =
    facts.applicantBirthDate !== '' &&
    facts.applicantBirthDate <= facts.receivedOn &&
    ageOn(facts.applicantBirthDate, facts.receivedOn) < 18;

  let scope: EligibilityVerdict['scope'];
  let mandatoryDefence: EligibilityVerdict['mandatoryDefence'] = null;
  let financial: EligibilityVerdict['financial'];
  const def = type === null ? null : MATTER_TYPE_DEFS[type];

  if (type === null || def === null) {
    scope = {
      inScope: null,
      reason: `未能根据案由“${facts.matter}”判断事项类型，请选择事项类型`,
      article: '法律援助法第31条',
    };
  } else if (def.list === 'outside') {
    scope = {
      inScope: false,
      reason: '不属于法律援助法第31条、第32条、第33条所列事项（地方性法规、规章另有规定的除外）',
      article: '法律援助法第31条',
    };
  } else {
    const what: Record<Exclude<MatterList, 'outside'>, string> = {
      article31: '属于可以申请法律援助的民事、行政事项',
      article32: '属于不受经济困难条件限制的事项',
      article33:
        '当事人不服司法机关生效裁判、决定提出申诉或者申请再审，人民法院决定、裁定再审或者人民检察院提出抗诉，因经济困难没有委托辩护人或者诉讼代理人的，本人及其近亲属可以申请法律援助',
      compulsoryTreatment: '强制医疗案件的被申请人或者被告人没有委托诉讼代理人的，人民法院应当通知法律援助机构指派律师',
      criminalDefence: '刑事案件犯罪嫌疑人、被告人没有委托辩护人的，可以申请法律援助',
      criminalVictim: '刑事被害人、自诉人、附带民事诉讼原告人没有委托诉讼代理人的，可以申请法律援助',
    };
    scope = { inScope: true, reason: `${what[def.list]}：${MATTER_TYPE_LABELS[type]}`, article: def.article };
  }

  if (def?.list === 'criminalDefence') {
    const grounds = new Set<MandatoryDefenceGround>(facts.mandatoryDefenceGrounds);
    if (minor) grounds.add('未成年人');
    const listed = MANDATORY_DEFENCE_GROUNDS.filter((g) => grounds.has(g));
    if (facts.lacksCapacity && !grounds.has('不能完全辨认自己行为的成年人') && !minor) {
      warnings.push(
        '申请人无民事行为能力或限制民事行为能力，请核实是否属于不能完全辨认自己行为的成年人（第25条第一款第（三）项）',
      );
    }
    mandatoryDefence =
      listed.length > 0
        ? {
            applies: true,
            grounds: listed,
            reason: `属于应当通知辩护的情形（${listed.join('、')}），由办案机关通知法律援助机构指派律师`,
            article: `法律援助法第25条第一款${listed.map((g) => `第${CHINESE_ITEM[MANDATORY_DEFENCE_GROUNDS.indexOf(g)]}项`).join('、')}`,
          }
        : { applies: false, grounds: [], reason: '不属于应当通知辩护的情形，依申请审查', article: '法律援助法第25条' };
  }

  if (facts.notified) {
    financial = {
      test: 'notRequired',
      reason: '通知辩护案件不经申请审查，不审查经济困难状况；法律援助机构收到通知后三日内指派律师',
      article: '法律援助法第36条',
    };
  } else if (def?.list === 'article32') {
    financial = { test: 'notRequired', reason: '不受经济困难条件的限制', article: def.article };
  } else if (def?.list === 'compulsoryTreatment') {
    financial = {
      test: 'notRequired',
      reason: '强制医疗案件由人民法院通知法律援助机构指派律师，不审查经济困难状况',
      article: '法律援助法第28条',
    };
  } else if (mandatoryDefence?.applies) {
    financial = { test: 'notRequired', reason: '通知辩护案件不审查经济困难状况', article: mandatoryDefence.article };
  } else if (def?.list === 'criminalDefence' && facts.defenceGround === '其他原因') {
    financial = {
      test: 'notRequired',
      reason: '因经济困难以外的其他原因没有委托辩护人，不以经济困难为条件，不审查经济困难状况',
      article: '法律援助法第24条',
    };
  } else {
    if (def?.list === 'criminalDefence' && facts.defenceGround === '')
      warnings.push('申请未记录没有委托辩护人的原因（经济困难或者其他原因，第24条），按经济困难审查，请核对');
    const base =
      def?.list === 'criminalDefence'
        ? '法律援助法第24条'
        : def?.list === 'criminalVictim'
          ? '法律援助法第29条'
          : def?.list === 'article33'
            ? '法律援助法第33条'
            : '法律援助法第31条';
    financial = article42(groups, type, minor) ?? {
      test: 'mustShow',
      reason: '须因经济困难；申请人如实说明经济状况，由法律援助机构核查或者由申请人作出个人诚信承诺',
      article: `${base}、第41条`,
    };
  }
  if (def?.list === 'compulsoryTreatment' && !facts.notified) {
    warnings.push(
      '强制医疗案件由人民法院通知法律援助机构指派律师（第28条），请按通知辩护登记，收到通知后三日内指派（第36条）',
    );
  }
  if (facts.financeBasis === '免予核查' && financial.test === 'mustShow') {
    warnings.push('申请表选择了“免予核查”，但现有信息不属于第42条免予核查的情形，请核对申请人类别或核查方式');
  }
  if (groups.has('军人军属') && financial.test === 'mustShow') {
    warnings.push('申请人为军人军属：属于优抚对象的，免予核查经济困难状况（第42条第（二）项），请核实');
  }

  return {
    matterType: type,
    matterTypeSource,
    scope,
    mandatoryDefence,
    financial,
    provisional: provisionalPart(facts),
    warnings,
  };
}

/** What a director may override, with a written reason (legalAid.overrideEligibility). */
export const ELIGIBILITY_PARTS = ['事项范围', '经济困难条件', '先行提供条件', '通知辩护'] as const;
export type EligibilityPart = (typeof ELIGIBILITY_PARTS)[number];
export const ELIGIBILITY_CONCLUSIONS = ['符合', '不符合'] as const;

export interface EligibilityOverride {
  id: number;
  part: EligibilityPart;
  conclusion: (typeof ELIGIBILITY_CONCLUSIONS)[number];
  reason: string;
  username: string;
  recordedAt: string;
}
