// 人民调解 option lists, from ../shared/domain/mediation.md (人民调解法, 《人民调解工作若干规定》 and the practice
// forms). Values are the words on the forms, so what is stored reads as what is printed.

/** 纠纷来源 (人民调解法 第17–18条: a party applies, the committee acts on its own, or a body refers it). */
export const MEDIATION_SOURCES = ['当事人申请', '主动调解', '法院委托/移送', '公安移送', '信访移送', '其他'] as const;
export type MediationSource = (typeof MEDIATION_SOURCES)[number];
/** Sources whose 来源说明 must name who referred the dispute (or, for 其他, say what the source was). */
export const SOURCES_NEEDING_DETAIL: ReadonlySet<MediationSource> = new Set([
  '法院委托/移送',
  '公安移送',
  '信访移送',
  '其他',
]);

/**
 * 纠纷类型: the statistics categories of the county report. Seeded into `mediation_dispute_types` by migration 0009;
 * the office (director or administrator) may reorder the list, add types and retire them, as bureaus vary.
 */
export const DISPUTE_TYPE_SEED = [
  '婚姻纠纷',
  '家庭纠纷',
  '邻里纠纷',
  '房屋宅基地纠纷',
  '合同纠纷',
  '生产经营纠纷',
  '损害赔偿纠纷',
  '山林土地纠纷',
  '劳动争议纠纷',
  '征地拆迁纠纷',
  '村务管理纠纷',
  '环境污染纠纷',
  '医疗纠纷',
  '道路交通事故纠纷',
  '物业纠纷',
  '消费纠纷',
  '旅游纠纷',
  '知识产权纠纷',
  '其他纠纷',
] as const;

export const PARTY_KINDS = ['person', 'organisation'] as const;
export type MediationPartyKind = (typeof PARTY_KINDS)[number];
export const PARTY_KIND_LABELS: Record<MediationPartyKind, string> = {
  person: '自然人',
  organisation: '法人或非法人组织',
};

/** 协议形式 (人民调解法 第28条). */
export const AGREEMENT_FORMS = ['书面', '口头'] as const;
export type AgreementForm = (typeof AGREEMENT_FORMS)[number];

/** 履行方式 of an agreement; 限期 and 分期 need the (last) due date. */
export const PERFORMANCE_METHODS = ['即时履行', '限期履行', '分期履行', '无给付内容', '其他'] as const;
export const METHODS_NEEDING_DUE_DATE: ReadonlySet<(typeof PERFORMANCE_METHODS)[number]> = new Set([
  '限期履行',
  '分期履行',
]);

/** 履行情况 (人民调解法 第31条: the committee supervises performance). */
export const PERFORMANCE_STATES = ['已履行', '部分履行', '未履行'] as const;

/** The routes the parties are told of when mediation fails (人民调解法 第26条: 仲裁、行政、司法等途径). */
export const OTHER_ROUTES = ['仲裁', '行政', '司法'] as const;

/** 终止调解 (人民调解法 第26条; 《人民调解工作若干规定》; practice). */
export const MEDIATION_TERMINATION_REASONS = [
  '当事人撤回调解申请',
  '一方当事人明确拒绝继续调解',
  '当事人已向人民法院起诉或申请仲裁',
  '纠纷已由其他机关受理或处理',
  '依法不宜由人民调解解决',
  '其他',
] as const;

/** 司法确认 (民事诉讼法 特别程序: 裁定调解协议有效, or 裁定驳回申请). */
export const CONFIRMATION_RESULTS = ['确认调解协议有效', '驳回申请'] as const;

/**
 * 以奖代补 rates used until the county sets its own (`mediation.setSubsidyRates`): 50 yuan per oral case (the
 * figure one district raised oral cases to in 2025, mediation.md) and 100 yuan per written case, a common county
 * figure and twice the oral rate. Effective from 2000-01-01 so that every case finds a rate.
 */
export const DEFAULT_SUBSIDY_RATES = {
  effectiveFrom: '2000-01-01',
  oralFen: 5_000,
  writtenFen: 10_000,
  note: '默认标准（县司法局未设定前使用）',
} as const;
