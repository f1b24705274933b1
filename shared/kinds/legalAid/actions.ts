// The payload of every legal-aid action after intake: one zod schema each, with the Chinese labels of its fields,
// used by the form and by the channel alike, and the table of them all (one channel per action, legalAid.<action>).
// The rules that need the case (its dates, its roster, today) are in the service (electron/services/legalAid/
// actions.ts); the ones that only need the payload are here.
import { z } from 'zod';
import { id } from '../../channel';
import { LINE_MAX, NAME_MAX, NOTE_MAX } from '../../cases/fieldLimits';
import { choice, fen, isoDate, strictObject, text, type Labels } from '../../validation';
import { followUpAction } from '../../followUp/form';
import type { ActionTable } from '../kind';
import { LEGAL_AID_FOLLOW_UP } from './followUp';
import { MANDATORY_DEFENCE_GROUNDS, MATTER_TYPES, PROVISIONAL_GROUNDS } from './eligibility';
import {
  CLOSING_DOCUMENTS,
  CLOSING_RESULTS,
  DECIDERS,
  DECISIONS,
  OBJECTION_RESULTS,
  ORG_TYPES,
  PROGRESS_KINDS,
  TERMINATION_REASONS,
} from './options';

const common = { caseId: id, actedOn: isoDate() };
const COMMON_LABELS = { caseId: '案件' };
const note = () => text({ max: NOTE_MAX, multiLine: true });

/** 一次性告知补充材料 (第43条): everything to supply, at once, and by when. */
const notifyMissingSchema = strictObject({
  ...common,
  items: z
    .array(text({ max: LINE_MAX, required: true }), { error: '格式不正确' })
    .min(1, '至少列出一项需要补充的材料')
    .max(30, '最多30项')
    .refine((items) => new Set(items).size === items.length, '材料重复'),
  dueOn: isoDate(),
  note: note(),
});
const NOTIFY_MISSING_LABELS: Labels = {
  ...COMMON_LABELS,
  actedOn: '告知日期',
  items: '补充材料清单',
  'items.*': '补充材料',
  dueOn: '补充期限',
  note: '说明',
};

const supplyMaterialsSchema = strictObject({ ...common, note: note() });
const SUPPLY_MATERIALS_LABELS: Labels = { ...COMMON_LABELS, actedOn: '补齐日期', note: '说明' };

const deemWithdrawnSchema = strictObject({ ...common, note: note() });
const DEEM_WITHDRAWN_LABELS: Labels = { ...COMMON_LABELS, actedOn: '视为撤回日期', note: '说明' };

/** 审查决定 (第43条): grant or refuse; a refusal in writing with reasons. Records the 事项类型 the decision rests on. */
const decideSchema = strictObject({
  ...common,
  decision: choice(DECISIONS),
  decidedBy: choice(DECIDERS),
  matterType: choice(MATTER_TYPES),
  mandatoryDefenceGrounds: z
    .array(choice(MANDATORY_DEFENCE_GROUNDS), { error: '格式不正确' })
    .max(MANDATORY_DEFENCE_GROUNDS.length, '选项过多'),
  documentNumber: text({ max: LINE_MAX }),
  reasons: text({ max: NOTE_MAX, multiLine: true }),
}).superRefine((d, ctx) => {
  if (d.decision === '不予法律援助' && d.reasons === '')
    ctx.addIssue({ code: 'custom', path: ['reasons'], message: '不予法律援助须书面写明理由' });
});
const DECIDE_LABELS: Labels = {
  ...COMMON_LABELS,
  actedOn: '决定日期',
  decision: '审查决定',
  decidedBy: '决定机构',
  matterType: '事项类型',
  mandatoryDefenceGrounds: '通知辩护情形',
  documentNumber: '决定书编号',
  reasons: '理由',
};

/** 先行提供 (第44条): aid before the formalities, on one of the statutory grounds. */
const provideProvisionallySchema = strictObject({
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
const PROVIDE_PROVISIONALLY_LABELS: Labels = {
  ...COMMON_LABELS,
  actedOn: '先行提供日期',
  ground: '先行提供事由',
  limitEndsOn: '时效或期限届满日',
  decidedBy: '决定机构',
  reason: '具体情况',
};

/** 指派 (第43条): who handles the case, from the roster when it is kept there. */
const assignSchema = strictObject({
  ...common,
  assignedBy: choice(DECIDERS),
  orgType: choice(ORG_TYPES),
  orgName: text({ max: LINE_MAX, required: true }),
  personName: text({ max: NAME_MAX, required: true }),
  rosterId: id.nullable(),
});
const ASSIGN_LABELS: Labels = {
  ...COMMON_LABELS,
  actedOn: '指派日期',
  assignedBy: '指派机构',
  orgType: '承办机构类型',
  orgName: '承办机构名称',
  personName: '承办人员',
  rosterId: '名册人员',
};

/** 办理进展: what the assigned person did; no status change. The day the matter ended starts the closing clock. */
const recordProgressSchema = strictObject({
  ...common,
  kind: choice(PROGRESS_KINDS),
  content: text({ max: NOTE_MAX, required: true, multiLine: true }),
  matterEndedOn: isoDate({ required: false }),
});
const RECORD_PROGRESS_LABELS: Labels = {
  ...COMMON_LABELS,
  actedOn: '进展日期',
  kind: '进展类型',
  content: '进展情况',
  matterEndedOn: '事项办结日期',
};

/** 终止 (第48条). */
const terminateSchema = strictObject({
  ...common,
  reason: choice(TERMINATION_REASONS),
  decidedBy: choice(DECIDERS),
  explanation: text({ max: NOTE_MAX, required: true, multiLine: true }),
});
const TERMINATE_LABELS: Labels = {
  ...COMMON_LABELS,
  actedOn: '终止日期',
  reason: '终止事由',
  decidedBy: '决定机构',
  explanation: '终止说明',
};

/** 结案: the result, the document that ended the matter, when it ended and when the closing materials came in. */
const closeSchema = strictObject({
  ...common,
  result: choice(CLOSING_RESULTS),
  closingDocument: choice(CLOSING_DOCUMENTS),
  closingDocumentNumber: text({ max: LINE_MAX }),
  matterEndedOn: isoDate(),
  materialsSubmittedOn: isoDate(),
  summary: note(),
});
const CLOSE_LABELS: Labels = {
  ...COMMON_LABELS,
  actedOn: '结案日期',
  result: '办理结果',
  closingDocument: '结案文书',
  closingDocumentNumber: '结案文书编号',
  matterEndedOn: '事项办结日期',
  materialsSubmittedOn: '结案材料提交日期',
  summary: '结案情况',
};

/** 异议 (第49条): the applicant objects to a refusal or a termination; the justice bureau reviews it. */
const objectSchema = strictObject({ ...common, content: text({ max: NOTE_MAX, required: true, multiLine: true }) });
const OBJECT_LABELS: Labels = { ...COMMON_LABELS, actedOn: '异议日期', content: '异议内容' };

const reviewObjectionSchema = strictObject({
  ...common,
  result: choice(OBJECTION_RESULTS),
  reviewedBy: text({ max: LINE_MAX, required: true }),
  opinion: text({ max: NOTE_MAX, required: true, multiLine: true }),
});
const REVIEW_OBJECTION_LABELS: Labels = {
  ...COMMON_LABELS,
  actedOn: '审查日期',
  result: '审查结果',
  reviewedBy: '审查机关',
  opinion: '审查意见',
};

/** 办案补贴: after the closing materials have been reviewed; integer fen, never negative (0 for the centre's own staff). */
const recordSubsidySchema = strictObject({ ...common, amountFen: fen(), paidOn: isoDate(), note: note() });
const RECORD_SUBSIDY_LABELS: Labels = {
  ...COMMON_LABELS,
  actedOn: '结案审查日期',
  amountFen: '办案补贴金额',
  paidOn: '补贴发放日期',
  note: '说明',
};

const archiveSchema = strictObject({ ...common, archiveNumber: text({ max: LINE_MAX }), note: note() });
const ARCHIVE_LABELS: Labels = { ...COMMON_LABELS, actedOn: '归档日期', archiveNumber: '归档号', note: '说明' };

/** Every action with its payload's schema and labels, in the lifecycle's order. */
export const LEGAL_AID_ACTION_TABLE = {
  notifyMissing: { schema: notifyMissingSchema, labels: NOTIFY_MISSING_LABELS },
  supplyMaterials: { schema: supplyMaterialsSchema, labels: SUPPLY_MATERIALS_LABELS },
  deemWithdrawn: { schema: deemWithdrawnSchema, labels: DEEM_WITHDRAWN_LABELS },
  decide: { schema: decideSchema, labels: DECIDE_LABELS },
  provideProvisionally: { schema: provideProvisionallySchema, labels: PROVIDE_PROVISIONALLY_LABELS },
  assign: { schema: assignSchema, labels: ASSIGN_LABELS },
  recordProgress: { schema: recordProgressSchema, labels: RECORD_PROGRESS_LABELS },
  followUp: followUpAction(LEGAL_AID_FOLLOW_UP.questions),
  terminate: { schema: terminateSchema, labels: TERMINATE_LABELS },
  close: { schema: closeSchema, labels: CLOSE_LABELS },
  // The service records what was objected to and, for a review, the status a correction restores.
  object: { schema: objectSchema, labels: OBJECT_LABELS, recorded: { against: '异议所针对的决定' } },
  reviewObjection: {
    schema: reviewObjectionSchema,
    labels: REVIEW_OBJECTION_LABELS,
    recorded: { against: '异议所针对的决定', restores: '责令改正后恢复为' },
  },
  recordSubsidy: { schema: recordSubsidySchema, labels: RECORD_SUBSIDY_LABELS },
  archive: { schema: archiveSchema, labels: ARCHIVE_LABELS },
} as const satisfies ActionTable;

/** Each action's parsed input: the case, the date, and the action's own fields. */
export type LegalAidActionInputs = {
  [A in keyof typeof LEGAL_AID_ACTION_TABLE]: z.output<(typeof LEGAL_AID_ACTION_TABLE)[A]['schema']>;
};
