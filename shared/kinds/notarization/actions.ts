// The payload of each lifecycle action of a notarization request: one schema per action — the case, the date, and
// the action's own fields under `data` (what the timeline records) — with the Chinese labels of its fields and the
// rules that span them, and the table of them all (one channel per action, notarization.<action>). Whether the
// action may be taken now (status, order of dates, an outstanding 容缺 item) is decided against the case.
import { z } from 'zod';
import { id } from '../../channel';
import { formatChineseDate } from '../../dates';
import { choice, isoDate, strictObject, text, type Labels } from '../../validation';
import type { ActionTable } from '../kind';
import { itemList } from './matters';
import { DELIVERY_METHODS, SUSPENSION_REASONS, TELLING_METHODS } from './options';

const note = () => text({ max: 500, multiLine: true });
const flag = () => z.boolean({ error: '格式不正确' });

interface Issue {
  path: (string | number)[];
  message: string;
}

/** An action's input: the case, its date, and its own fields; `rules` spans the fields (run once they parse). */
function step<S extends z.ZodRawShape>(
  data: S,
  rules?: (input: { actedOn: string; data: z.output<z.ZodObject<S>> }) => Issue[],
) {
  const shape = strictObject({ caseId: id, actedOn: isoDate(), data: strictObject(data) });
  return rules
    ? shape.superRefine((input, ctx) => rules(input).forEach((issue) => ctx.addIssue({ code: 'custom', ...issue })))
    : shape;
}

/** Each action's labels: the case, its date, and its own fields under `data.`. */
const labels = (fields: Labels): Labels => ({
  caseId: '案件',
  actedOn: '日期',
  data: '操作内容',
  ...Object.fromEntries(Object.entries(fields).map(([path, label]) => [`data.${path}`, label])),
});

const accept = step(
  {
    noticeNumber: text({ max: 50 }),
    /** 容缺受理: a non-essential item the applicant promised in writing to supply by a date. */
    deferred: strictObject({
      item: text({ max: 100, required: true }),
      commitmentSigned: flag(),
      promisedOn: isoDate(),
    }).nullable(),
  },
  ({ actedOn, data: { deferred } }) => [
    ...(deferred && !deferred.commitmentSigned
      ? [{ path: ['data', 'deferred', 'commitmentSigned'], message: '容缺受理须有申请人签署的书面承诺' }]
      : []),
    ...(deferred && deferred.promisedOn <= actedOn
      ? [{ path: ['data', 'deferred', 'promisedOn'], message: `应晚于受理日期（${formatChineseDate(actedOn)}）` }]
      : []),
  ],
);

/** Why the applicant must have been told when the clock stopped, and how the form says so. */
export const TELLING_RULE = '期限中止的，应当及时告知当事人（公证程序规则第35条）';

/**
 * 期限中止: the 15 working days stop for supplementing, verifying or force majeure (公证法 第30条), and the
 * applicant is told promptly (公证程序规则 第35条) — on which day and how is required. Rows recorded before the
 * record was required have neither field; they read as before.
 */
const suspend = step(
  {
    reason: choice(SUSPENSION_REASONS),
    missingItems: itemList({ min: 0, max: 30 }),
    toldOn: isoDate(),
    toldHow: choice(TELLING_METHODS),
    note: note(),
  },
  ({ actedOn, data }) => [
    ...(data.reason === '补充材料' && data.missingItems.length === 0
      ? [{ path: ['data', 'missingItems'], message: '通知补充材料时须一次性列明所缺材料' }]
      : []),
    ...(data.toldOn < actedOn
      ? [{ path: ['data', 'toldOn'], message: `不能早于中止日期（${formatChineseDate(actedOn)}）` }]
      : []),
  ],
);

const deliver = step(
  { method: choice(DELIVERY_METHODS), recipient: text({ max: 50, required: true }), receiptSigned: flag() },
  ({ data }) => (data.receiptSigned ? [] : [{ path: ['data', 'receiptSigned'], message: '须由签收人签收送达回执' }]),
);

const NOTE = { note: '备注' };
const REASON = { reason: '理由' };

/** Every action with its payload's schema and labels, in the lifecycle's order. */
export const NOTARIZATION_ACTION_TABLE = {
  checkMaterials: {
    schema: step({ missingItems: itemList({ min: 0, max: 30 }), note: note() }),
    labels: labels({ missingItems: '所缺材料', ...NOTE }),
  },
  supplyMaterials: { schema: step({ note: note() }), labels: labels(NOTE) },
  forward: {
    schema: step({ notaryOffice: text({ max: 100, required: true }), note: note() }),
    labels: labels({ notaryOffice: '公证处', ...NOTE }),
  },
  accept: {
    schema: accept,
    labels: labels({
      noticeNumber: '受理通知单编号',
      deferred: '容缺受理',
      'deferred.item': '容缺材料',
      'deferred.commitmentSigned': '书面承诺',
      'deferred.promisedOn': '承诺补交日期',
    }),
  },
  suspend: {
    schema: suspend,
    labels: labels({ ...REASON, missingItems: '所缺材料', toldOn: '告知当事人日期', toldHow: '告知方式', ...NOTE }),
  },
  resume: { schema: step({ note: note() }), labels: labels(NOTE) },
  supplyDeferred: { schema: step({ note: note() }), labels: labels(NOTE) },
  issue: {
    schema: step({ certificateNumber: text({ max: 50, required: true }) }),
    labels: labels({ certificateNumber: '公证书编号' }),
  },
  deliver: { schema: deliver, labels: labels({ method: '送达方式', recipient: '签收人', receiptSigned: '送达回执' }) },
  refuse: { schema: step({ reason: text({ max: 500, required: true, multiLine: true }) }), labels: labels(REASON) },
  terminate: { schema: step({ reason: text({ max: 500, required: true, multiLine: true }) }), labels: labels(REASON) },
  archive: { schema: step({ archiveNumber: text({ max: 50 }) }), labels: labels({ archiveNumber: '档案号' }) },
} as const satisfies ActionTable;

/** Each action's input as a caller gives it, and as parsed. */
export type NotarizationActionInputs = {
  [A in keyof typeof NOTARIZATION_ACTION_TABLE]: z.output<(typeof NOTARIZATION_ACTION_TABLE)[A]['schema']>;
};
export type NotarizationActionInput<A extends keyof typeof NOTARIZATION_ACTION_TABLE> = z.input<
  (typeof NOTARIZATION_ACTION_TABLE)[A]['schema']
>;
/** What an action records in the timeline: its own fields. */
export type NotarizationActionData<A extends keyof typeof NOTARIZATION_ACTION_TABLE> =
  NotarizationActionInputs[A]['data'];
