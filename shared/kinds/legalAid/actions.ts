// The payload of every legal-aid action after intake: one zod schema each, with the Chinese labels of its fields,
// used by the form and by the channel alike. The rules that need the case (its dates, its roster, today) are in
// the service (electron/services/legalAidLifecycle.ts); the ones that only need the payload are here.
import { z } from 'zod';
import { id } from '../../channel';
import { choice, fen, isoDate, strictObject, text, type Labels } from '../../validation';
import { EXPERTISE_AREAS, MANDATORY_DEFENCE_GROUNDS, MATTER_TYPES, PROVISIONAL_GROUNDS } from './eligibility';

/** Who made a decision or an assignment: the office itself, or the county centre it forwarded the case to. */
export const DECIDERS = ['司法所', '县法律援助中心'] as const;
export const DECISIONS = ['给予法律援助', '不予法律援助'] as const;
/** 承办机构 (法律援助法 第12–13条: lawyers, grassroots legal-service workers, the centre's own staff). */
export const ORG_TYPES = ['律师事务所', '基层法律服务所', '法律援助中心'] as const;
export const PROGRESS_KINDS = ['会见', '阅卷', '调查取证', '开庭', '调解或和解', '文书送达', '回访', '其他'] as const;
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
  '胜诉或请求全部支持', '部分胜诉或请求部分支持', '败诉或请求未获支持', '调解结案', '和解结案', '撤诉',
  '无罪或不起诉', '从轻、减轻或免除处罚', '法律咨询或代拟文书已完成', '其他',
] as const;
/** The document that ended the matter (卷宗材料 item 11). */
export const CLOSING_DOCUMENTS = ['判决书', '裁定书', '调解书', '仲裁裁决书', '不起诉决定书', '和解协议', '其他结案文书'] as const;
/** 法律援助法 第49条: the justice bureau upholds the decision or orders the institution to correct it. */
export const OBJECTION_RESULTS = ['维持原决定', '责令改正'] as const;

const NAME_MAX = 50;
const LINE_MAX = 100;
const NOTE_MAX = 2000;

const common = { caseId: id, actedOn: isoDate() };
const COMMON_LABELS = { caseId: '案件' };
const note = () => text({ max: NOTE_MAX, multiLine: true });

/** 一次性告知补充材料 (第43条): everything to supply, at once, and by when. */
export const notifyMissingSchema = strictObject({
  ...common,
  items: z
    .array(text({ max: LINE_MAX, required: true }), { error: '格式不正确' })
    .min(1, '至少列出一项需要补充的材料')
    .max(30, '最多30项')
    .refine((items) => new Set(items).size === items.length, '材料重复'),
  dueOn: isoDate(),
  note: note(),
});
export const NOTIFY_MISSING_LABELS: Labels = { ...COMMON_LABELS, actedOn: '告知日期', items: '补充材料清单', 'items.*': '补充材料', dueOn: '补充期限', note: '说明' };

export const supplyMaterialsSchema = strictObject({ ...common, note: note() });
export const SUPPLY_MATERIALS_LABELS: Labels = { ...COMMON_LABELS, actedOn: '补齐日期', note: '说明' };

export const deemWithdrawnSchema = strictObject({ ...common, note: note() });
export const DEEM_WITHDRAWN_LABELS: Labels = { ...COMMON_LABELS, actedOn: '视为撤回日期', note: '说明' };

/** 审查决定 (第43条): grant or refuse; a refusal in writing with reasons. Records the 事项类型 the decision rests on. */
export const decideSchema = strictObject({
  ...common,
  decision: choice(DECISIONS),
  decidedBy: choice(DECIDERS),
  matterType: choice(MATTER_TYPES),
  mandatoryDefenceGrounds: z.array(choice(MANDATORY_DEFENCE_GROUNDS), { error: '格式不正确' }).max(MANDATORY_DEFENCE_GROUNDS.length, '选项过多'),
  documentNumber: text({ max: LINE_MAX }),
  reasons: text({ max: NOTE_MAX, multiLine: true }),
}).superRefine((d, ctx) => {
  if (d.decision === '不予法律援助' && d.reasons === '') ctx.addIssue({ code: 'custom', path: ['reasons'], message: '不予法律援助须书面写明理由' });
});
export const DECIDE_LABELS: Labels = {
  ...COMMON_LABELS, actedOn: '决定日期', decision: '审查决定', decidedBy: '决定机构', matterType: '事项类型',
  mandatoryDefenceGrounds: '通知辩护情形', documentNumber: '决定书编号', reasons: '理由',
};

/** 先行提供 (第44条): aid before the formalities, on one of the statutory grounds. */
export const provideProvisionallySchema = strictObject({
  ...common,
  ground: choice(PROVISIONAL_GROUNDS),
  limitEndsOn: isoDate({ required: false }),
  decidedBy: choice(DECIDERS),
  reason: text({ max: NOTE_MAX, required: true, multiLine: true }),
}).superRefine((d, ctx) => {
  if (d.ground === '距法定时效或者期限届满不足七日' && d.limitEndsOn === '') {
    ctx.addIssue({ code: 'custom', path: ['limitEndsOn'], message: '以时效或期限将届满为由的，须填写届满日期' });
  }
});
export const PROVIDE_PROVISIONALLY_LABELS: Labels = {
  ...COMMON_LABELS, actedOn: '先行提供日期', ground: '先行提供事由', limitEndsOn: '时效或期限届满日', decidedBy: '决定机构', reason: '具体情况',
};

/** 指派 (第43条): who handles the case, from the roster when it is kept there. */
export const assignSchema = strictObject({
  ...common,
  assignedBy: choice(DECIDERS),
  orgType: choice(ORG_TYPES),
  orgName: text({ max: LINE_MAX, required: true }),
  personName: text({ max: NAME_MAX, required: true }),
  rosterId: id.nullable(),
});
export const ASSIGN_LABELS: Labels = {
  ...COMMON_LABELS, actedOn: '指派日期', assignedBy: '指派机构', orgType: '承办机构类型', orgName: '承办机构名称', personName: '承办人员', rosterId: '名册人员',
};

/** 办理进展: what the assigned person did; no status change. The day the matter ended starts the closing clock. */
export const recordProgressSchema = strictObject({
  ...common,
  kind: choice(PROGRESS_KINDS),
  content: text({ max: NOTE_MAX, required: true, multiLine: true }),
  matterEndedOn: isoDate({ required: false }),
});
export const RECORD_PROGRESS_LABELS: Labels = { ...COMMON_LABELS, actedOn: '进展日期', kind: '进展类型', content: '进展情况', matterEndedOn: '事项办结日期' };

/** 终止 (第48条). */
export const terminateSchema = strictObject({
  ...common,
  reason: choice(TERMINATION_REASONS),
  decidedBy: choice(DECIDERS),
  explanation: text({ max: NOTE_MAX, required: true, multiLine: true }),
});
export const TERMINATE_LABELS: Labels = { ...COMMON_LABELS, actedOn: '终止日期', reason: '终止事由', decidedBy: '决定机构', explanation: '终止说明' };

/** 结案: the result, the document that ended the matter, when it ended and when the closing materials came in. */
export const closeSchema = strictObject({
  ...common,
  result: choice(CLOSING_RESULTS),
  closingDocument: choice(CLOSING_DOCUMENTS),
  closingDocumentNumber: text({ max: LINE_MAX }),
  matterEndedOn: isoDate(),
  materialsSubmittedOn: isoDate(),
  summary: note(),
});
export const CLOSE_LABELS: Labels = {
  ...COMMON_LABELS, actedOn: '结案日期', result: '办理结果', closingDocument: '结案文书', closingDocumentNumber: '结案文书编号',
  matterEndedOn: '事项办结日期', materialsSubmittedOn: '结案材料提交日期', summary: '结案情况',
};

/** 异议 (第49条): the applicant objects to a refusal or a termination; the justice bureau reviews it. */
export const objectSchema = strictObject({ ...common, content: text({ max: NOTE_MAX, required: true, multiLine: true }) });
export const OBJECT_LABELS: Labels = { ...COMMON_LABELS, actedOn: '异议日期', content: '异议内容' };

export const reviewObjectionSchema = strictObject({
  ...common,
  result: choice(OBJECTION_RESULTS),
  reviewedBy: text({ max: LINE_MAX, required: true }),
  opinion: text({ max: NOTE_MAX, required: true, multiLine: true }),
});
export const REVIEW_OBJECTION_LABELS: Labels = { ...COMMON_LABELS, actedOn: '审查日期', result: '审查结果', reviewedBy: '审查机关', opinion: '审查意见' };

/** 办案补贴: after the closing materials have been reviewed; integer fen, never negative (0 for the centre's own staff). */
export const recordSubsidySchema = strictObject({ ...common, amountFen: fen(), paidOn: isoDate(), note: note() });
export const RECORD_SUBSIDY_LABELS: Labels = { ...COMMON_LABELS, actedOn: '结案审查日期', amountFen: '办案补贴金额', paidOn: '补贴发放日期', note: '说明' };

export const archiveSchema = strictObject({ ...common, archiveNumber: text({ max: LINE_MAX }), note: note() });
export const ARCHIVE_LABELS: Labels = { ...COMMON_LABELS, actedOn: '归档日期', archiveNumber: '归档号', note: '说明' };

// The roster of people the office assigns cases to.

const rosterFields = {
  orgType: choice(ORG_TYPES),
  orgName: text({ max: LINE_MAX, required: true }),
  personName: text({ max: NAME_MAX, required: true }),
  phone: text({ max: 30 }),
  expertise: z
    .array(choice(EXPERTISE_AREAS), { error: '格式不正确' })
    .max(EXPERTISE_AREAS.length, '选项过多')
    .refine((areas) => new Set(areas).size === areas.length, '选项重复'),
  note: text({ max: 500, multiLine: true }),
};
export const rosterEntrySchema = strictObject(rosterFields);
export const rosterUpdateSchema = strictObject({ id, ...rosterFields, active: z.boolean({ error: '格式不正确' }) });
export const ROSTER_LABELS: Labels = {
  id: '名册人员', orgType: '承办机构类型', orgName: '承办机构名称', personName: '承办人员', phone: '联系电话',
  expertise: '擅长领域', note: '备注', active: '在册', activeOnly: '仅在册人员', caseId: '案件',
};
export type RosterEntryInput = z.output<typeof rosterEntrySchema>;
export type RosterUpdateInput = z.output<typeof rosterUpdateSchema>;
