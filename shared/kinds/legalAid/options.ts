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

/** 申请人类别 (tick-boxes on the form) */
export const APPLICANT_GROUPS = [
  '未成年人', '老年人', '残疾人', '妇女', '农民工', '军人军属', '低保对象', '特困人员', '其他',
] as const;

/** 案件所处阶段 */
export const PROCEEDING_STAGES = ['侦查', '审查起诉', '审判', '仲裁', '执行', '其他'] as const;

/** 经济状况核查方式 (法律援助法 第41–42条) */
export const FINANCE_BASES = ['承诺', '证明材料', '免予核查'] as const;

export const AGENT_RELATIONS = ['父母', '配偶', '子女', '其他近亲属', '监护人', '其他'] as const;

/** Categories whose application names the opposing party (civil, administrative and state-compensation suits). */
export const CATEGORIES_WITH_OPPOSING_PARTY: ReadonlySet<LegalAidCategory> = new Set(['民事', '行政', '国家赔偿']);

/** Lifecycle states of a legal-aid case; the foundation registers applications as `received`. */
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
  // Added with the lifecycle beyond intake (shared/legalAid/lifecycle.ts).
  'provisional',
  'objection_pending',
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
};
