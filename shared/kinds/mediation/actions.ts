// The payload of every mediation action after registration: one zod schema each, with the Chinese labels of its
// fields, used by the forms and the channels alike, and the table of them all (one channel per action,
// mediation.<action>). The rules that need the case (its dates, its agreement, the county's subsidy rates, today)
// are the service's (electron/services/mediation/actions.ts); those that need only the payload are here.
import { z } from 'zod';
import { id } from '../../channel';
import { FACTS_MAX, LINE_MAX, NAME_MAX, NOTE_MAX } from '../../cases/fieldLimits';
import { choice, fen, isoDate, strictObject, text, type Labels } from '../../validation';
import { followUpAction } from '../../followUp/form';
import type { ActionTable } from '../kind';
import { MEDIATION_FOLLOW_UP } from './followUp';
import {
  AGREEMENT_FORMS,
  CONFIRMATION_RESULTS,
  MEDIATION_TERMINATION_REASONS,
  METHODS_NEEDING_DUE_DATE,
  OTHER_ROUTES,
  PERFORMANCE_METHODS,
  PERFORMANCE_STATES,
} from './options';
import { ORAL_CONTENT_MESSAGE } from './intake';

const common = { caseId: id, actedOn: isoDate() };
const COMMON_LABELS = { caseId: '案件' };
const note = () => text({ max: NOTE_MAX, multiLine: true });
const record = (required: boolean) => text({ max: FACTS_MAX, required, multiLine: true });

/** 调查记录: who investigated whom, where, and what was found. */
const investigateSchema = strictObject({
  ...common,
  investigator: text({ max: NAME_MAX, required: true }),
  subject: text({ max: LINE_MAX }),
  place: text({ max: LINE_MAX }),
  content: record(true),
});
const INVESTIGATE_LABELS: Labels = {
  ...COMMON_LABELS,
  actedOn: '调查日期',
  investigator: '调查人',
  subject: '被调查人',
  place: '调查地点',
  content: '调查情况',
};

/** 调解记录 (人民调解法 第27条: the mediator records the mediation). */
const recordSessionSchema = strictObject({
  ...common,
  place: text({ max: LINE_MAX }),
  attendees: text({ max: 500 }),
  content: record(true),
});
const RECORD_SESSION_LABELS: Labels = {
  ...COMMON_LABELS,
  actedOn: '调解日期',
  place: '调解地点',
  attendees: '参加人员',
  content: '调解情况',
};

/**
 * 延长调解期限: 《人民调解工作若干规定》第33条 says only "一般在一个月内调结"; continuing past the month with both
 * parties' consent is the county's rule (countyRules.ts), which the service checks before recording this.
 */
const extendSchema = strictObject({
  ...common,
  extendedTo: isoDate(),
  partiesConsent: z.boolean({ error: '格式不正确' }).refine((v) => v, '延长调解期限须经双方当事人同意'),
  reason: text({ max: 500, required: true, multiLine: true }),
});
const EXTEND_LABELS: Labels = {
  ...COMMON_LABELS,
  actedOn: '延长日期',
  extendedTo: '延长至',
  partiesConsent: '双方当事人同意',
  reason: '延长理由',
};

const agreementFields = {
  form: choice(AGREEMENT_FORMS),
  /** Required for an oral agreement (the rule gives the statute's reason). */
  content: record(false),
  amountFen: fen(),
  performanceMethod: choice(PERFORMANCE_METHODS),
  performanceDueOn: isoDate({ required: false }),
  /** Blank: the day of the agreement. */
  effectiveOn: isoDate({ required: false }),
  agreementNumber: text({ max: LINE_MAX }),
  crimePrevention: z.boolean({ error: '格式不正确' }),
  note: note(),
};

/** 调解成功: the agreement, written (调解协议书) or oral (the mediator records its content). */
const succeedSchema = strictObject({ ...common, ...agreementFields }).superRefine((d, ctx) => {
  const add = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
  if (d.form === '口头' && d.content === '') add('content', ORAL_CONTENT_MESSAGE);
  if (METHODS_NEEDING_DUE_DATE.has(d.performanceMethod) && d.performanceDueOn === '')
    add('performanceDueOn', `${d.performanceMethod}的，须填写履行期限`);
  if (d.performanceDueOn !== '' && d.performanceDueOn < d.actedOn) add('performanceDueOn', '不能早于调解成功日期');
  if (d.effectiveOn !== '') {
    if (d.form === '口头' && d.effectiveOn !== d.actedOn)
      add('effectiveOn', '口头调解协议自各方当事人达成协议之日起生效（人民调解法第30条），应与调解成功日期相同');
    else if (d.effectiveOn < d.actedOn) add('effectiveOn', '不能早于调解成功日期');
  }
});
const SUCCEED_LABELS: Labels = {
  ...COMMON_LABELS,
  actedOn: '调解成功日期',
  form: '协议形式',
  content: '协议内容',
  amountFen: '协议金额',
  performanceMethod: '履行方式',
  performanceDueOn: '履行期限',
  effectiveOn: '协议生效日期',
  agreementNumber: '调解协议书编号',
  crimePrevention: '防止民转刑',
  note: '说明',
};

/** 调解不成功 (人民调解法 第26条): mediation ends and the parties are told of the other routes. */
const failSchema = strictObject({
  ...common,
  reason: text({ max: NOTE_MAX, required: true, multiLine: true }),
  routesTold: z
    .array(choice(OTHER_ROUTES), { error: '格式不正确' })
    .min(1, '调解不成的，须告知当事人可以依法通过仲裁、行政、司法等途径维护权利（人民调解法第26条）')
    .max(OTHER_ROUTES.length, '选项过多')
    .refine((r) => new Set(r).size === r.length, '选项重复'),
});
const FAIL_LABELS: Labels = {
  ...COMMON_LABELS,
  actedOn: '调解终结日期',
  reason: '调解不成功原因',
  routesTold: '已告知的其他途径',
};

const terminateSchema = strictObject({
  ...common,
  reason: choice(MEDIATION_TERMINATION_REASONS),
  explanation: text({ max: NOTE_MAX, required: true, multiLine: true }),
});
const TERMINATE_LABELS: Labels = {
  ...COMMON_LABELS,
  actedOn: '终止日期',
  reason: '终止原因',
  explanation: '终止情况说明',
};

/** 履行情况 (人民调解法 第31条): a partial or missing performance needs its explanation. */
const recordPerformanceSchema = strictObject({
  ...common,
  state: choice(PERFORMANCE_STATES),
  note: note(),
}).superRefine((d, ctx) => {
  if (d.state !== '已履行' && d.note === '')
    ctx.addIssue({ code: 'custom', path: ['note'], message: `${d.state}的，须写明具体情况` });
});
const RECORD_PERFORMANCE_LABELS: Labels = {
  ...COMMON_LABELS,
  actedOn: '登记日期',
  state: '履行情况',
  note: '具体情况',
};

/** 申请司法确认 (人民调解法 第33条): both parties, jointly, to the court, within 30 days of the agreement taking effect. */
const applyConfirmationSchema = strictObject({
  ...common,
  court: text({ max: LINE_MAX, required: true }),
  note: note(),
});
const APPLY_CONFIRMATION_LABELS: Labels = { ...COMMON_LABELS, actedOn: '申请日期', court: '受理法院', note: '说明' };

const recordConfirmationSchema = strictObject({
  ...common,
  result: choice(CONFIRMATION_RESULTS),
  rulingNumber: text({ max: LINE_MAX }),
  note: note(),
});
const RECORD_CONFIRMATION_LABELS: Labels = {
  ...COMMON_LABELS,
  actedOn: '裁定日期',
  result: '确认结果',
  rulingNumber: '裁定书编号',
  note: '说明',
};

/** 防止民转刑: a later correction of the flag set with the agreement (counted in the county's statistics). */
const markCrimePreventionSchema = strictObject({
  ...common,
  crimePrevention: z.boolean({ error: '格式不正确' }),
  note: text({ max: NOTE_MAX, required: true, multiLine: true }),
});
const MARK_CRIME_PREVENTION_LABELS: Labels = {
  ...COMMON_LABELS,
  actedOn: '认定日期',
  crimePrevention: '防止民转刑',
  note: '认定理由',
};

/**
 * 以奖代补: `amountFen` null takes the county's rate for the agreement's form; a manual amount is integer fen, never
 * negative, and needs a note when it differs from the rate (checked by the service, which knows the rate).
 */
const recordSubsidySchema = strictObject({
  ...common,
  amountFen: fen().nullable(),
  note: note(),
});
const RECORD_SUBSIDY_LABELS: Labels = { ...COMMON_LABELS, actedOn: '登记日期', amountFen: '补贴金额', note: '说明' };

const archiveSchema = strictObject({ ...common, archiveNumber: text({ max: LINE_MAX }), note: note() });
const ARCHIVE_LABELS: Labels = { ...COMMON_LABELS, actedOn: '归档日期', archiveNumber: '归档号', note: '说明' };

/** Every action with its payload's schema and labels, in the lifecycle's order. */
export const MEDIATION_ACTION_TABLE = {
  investigate: { schema: investigateSchema, labels: INVESTIGATE_LABELS },
  recordSession: { schema: recordSessionSchema, labels: RECORD_SESSION_LABELS },
  extend: { schema: extendSchema, labels: EXTEND_LABELS },
  succeed: { schema: succeedSchema, labels: SUCCEED_LABELS },
  fail: { schema: failSchema, labels: FAIL_LABELS },
  terminate: { schema: terminateSchema, labels: TERMINATE_LABELS },
  recordPerformance: { schema: recordPerformanceSchema, labels: RECORD_PERFORMANCE_LABELS },
  followUp: followUpAction(MEDIATION_FOLLOW_UP.questions),
  applyConfirmation: { schema: applyConfirmationSchema, labels: APPLY_CONFIRMATION_LABELS },
  recordConfirmation: { schema: recordConfirmationSchema, labels: RECORD_CONFIRMATION_LABELS },
  markCrimePrevention: { schema: markCrimePreventionSchema, labels: MARK_CRIME_PREVENTION_LABELS },
  recordSubsidy: { schema: recordSubsidySchema, labels: RECORD_SUBSIDY_LABELS },
  archive: { schema: archiveSchema, labels: ARCHIVE_LABELS },
} as const satisfies ActionTable;

/** Each action's parsed input: the case, the date, and the action's own fields. */
export type MediationActionInputs = {
  [A in keyof typeof MEDIATION_ACTION_TABLE]: z.output<(typeof MEDIATION_ACTION_TABLE)[A]['schema']>;
};
