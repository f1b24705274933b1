// 法律援助 option lists, from ../shared/domain/legal-aid.md (法律援助法 and the practice forms).

/** 案件类别 */
export const LEGAL_AID_CATEGORIES = ['刑事', '民事', '行政', '国家赔偿', '非诉讼及其他'] as const;
export type LegalAidCategory = (typeof LEGAL_AID_CATEGORIES)[number];

/** 援助形式 (法律援助法 第22条) */
export const LEGAL_AID_SERVICE_FORMS = [
  '法律咨询',
  '代拟法律文书',
  '刑事辩护与代理',
  '民事、行政、国家赔偿诉讼代理及非诉讼代理',
  '值班律师法律帮助',
  '劳动争议调解与仲裁代理',
  '其他',
] as const;

/**
 * 申请人类别 (tick-boxes on the form). 司法救助对象 is not on the printed form but 法律援助法 第42条第（二）项 exempts it
 * from the financial check beside the social-assistance recipients (低保对象、特困人员), so the clerk can record it.
 */
export const APPLICANT_GROUPS = [
  '未成年人',
  '老年人',
  '残疾人',
  '妇女',
  '农民工',
  '军人军属',
  '低保对象',
  '特困人员',
  '司法救助对象',
  '其他',
] as const;

/** 案件所处阶段 */
export const PROCEEDING_STAGES = ['侦查', '审查起诉', '审判', '仲裁', '执行', '其他'] as const;

/**
 * Why a suspect or defendant applying for a defence has no defender (法律援助法 第24条: "因经济困难或者其他原因没有委托
 * 辩护人的"): financial difficulty is one ground, not a condition, so only 经济困难 brings 第41条's financial check.
 */
export const DEFENCE_GROUNDS = ['经济困难', '其他原因'] as const;
export type DefenceGround = (typeof DEFENCE_GROUNDS)[number];

/**
 * The cases the authorities notify the institution of (通知辩护, 法律援助法 第36条): the seven of 第25条 (in its order) and
 * the respondent of a 强制医疗 procedure (第28条). There is no application review and no financial check.
 */
export const NOTICE_GROUNDS = [
  '未成年人',
  '视力、听力、言语残疾人',
  '不能完全辨认自己行为的成年人',
  '可能被判处无期徒刑、死刑的人',
  '申请法律援助的死刑复核案件被告人',
  '缺席审判案件的被告人',
  '法律法规规定的其他人员',
  '强制医疗案件的被申请人或者被告人',
] as const;
type NoticeGround = (typeof NOTICE_GROUNDS)[number];
/** Each notice ground as the form shows it: with the article and item that names it. */
export const NOTICE_GROUND_LABELS: Record<NoticeGround, string> = {
  未成年人: '未成年人（第25条第一款第（一）项）',
  '视力、听力、言语残疾人': '视力、听力、言语残疾人（第25条第一款第（二）项）',
  不能完全辨认自己行为的成年人: '不能完全辨认自己行为的成年人（第25条第一款第（三）项）',
  '可能被判处无期徒刑、死刑的人': '可能被判处无期徒刑、死刑的人（第25条第一款第（四）项）',
  申请法律援助的死刑复核案件被告人: '申请法律援助的死刑复核案件被告人（第25条第一款第（五）项）',
  缺席审判案件的被告人: '缺席审判案件的被告人（第25条第一款第（六）项）',
  法律法规规定的其他人员: '法律法规规定的其他人员（第25条第一款第（七）项）',
  强制医疗案件的被申请人或者被告人: '强制医疗案件的被申请人或者被告人（第28条）',
};

/** 经济状况核查方式 (法律援助法 第41–42条) */
export const FINANCE_BASES = ['承诺', '证明材料', '免予核查'] as const;

export const AGENT_RELATIONS = ['父母', '配偶', '子女', '其他近亲属', '监护人', '其他'] as const;

/** Categories whose application names the opposing party (civil, administrative and state-compensation suits). */
export const CATEGORIES_WITH_OPPOSING_PARTY: ReadonlySet<LegalAidCategory> = new Set(['民事', '行政', '国家赔偿']);

/** Who made a decision or an assignment: the office itself, or the county centre it forwarded the case to. */
export const DECIDERS = ['司法所', '县法律援助中心'] as const;
export const DECISIONS = ['给予法律援助', '不予法律援助'] as const;
/** 承办机构 (法律援助法 第12–13条: lawyers, grassroots legal-service workers, the centre's own staff). */
export const ORG_TYPES = ['律师事务所', '基层法律服务所', '法律援助中心'] as const;
// 回访 is an action of its own (shared/followUp/form.ts); progress entries of kind 回访 made before it still read as written.
export const PROGRESS_KINDS = ['会见', '阅卷', '调查取证', '开庭', '调解或和解', '文书送达', '其他'] as const;
/**
 * 法律援助法 第48条. The number is confirmed by a county government's service listing (湖南 汨罗市司法局,
 * 终止法律援助) quoting the article with these eight items.
 */
export const TERMINATION_REASONS = [
  '受援人以欺骗或者其他不正当手段获得法律援助',
  '受援人故意隐瞒与案件有关的重要事实或者提供虚假证据',
  '受援人利用法律援助从事违法活动',
  '受援人的经济状况发生变化，不再符合法律援助条件',
  '案件终止审理或者已经被撤销',
  '受援人自行委托律师或者其他代理人',
  '受援人有正当理由要求终止法律援助',
  '法律法规规定的其他情形',
] as const;
export const CLOSING_RESULTS = [
  '胜诉或请求全部支持',
  '部分胜诉或请求部分支持',
  '败诉或请求未获支持',
  '调解结案',
  '和解结案',
  '撤诉',
  '无罪或不起诉',
  '从轻、减轻或免除处罚',
  '法律咨询或代拟文书已完成',
  '其他',
] as const;
/** The document that ended the matter (卷宗材料 item 11). */
export const CLOSING_DOCUMENTS = [
  '判决书',
  '裁定书',
  '调解书',
  '仲裁裁决书',
  '不起诉决定书',
  '和解协议',
  '其他结案文书',
] as const;
/** 法律援助法 第49条: the justice bureau upholds the decision or orders the institution to correct it. */
export const OBJECTION_RESULTS = ['维持原决定', '责令改正'] as const;
