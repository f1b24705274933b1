// The payload of each lifecycle action of a notarization request: one schema per action, discriminated by
// `action`, with the Chinese labels of its fields and the rules that span them. Whether the action may be taken
// now (status, order of dates, an outstanding 容缺 item) is decided against the case by the service.
import { z } from 'zod';
import { id } from '../../channel';
import { formatChineseDate } from '../../dates';
import { choice, isoDate, strictObject, text, type Labels } from '../../validation';
import type { NotarizationAction } from './lifecycle';
import { itemList } from './matters';
import { DELIVERY_METHODS, SUSPENSION_REASONS } from './options';

export const NOTARIZATION_ACTION_LABELS: Labels = {
  caseId: '案件',
  action: '操作',
  actedOn: '日期',
  data: '操作内容',
  'data.missingItems': '所缺材料',
  'data.note': '备注',
  'data.notaryOffice': '公证处',
  'data.noticeNumber': '受理通知单编号',
  'data.deferred': '容缺受理',
  'data.deferred.item': '容缺材料',
  'data.deferred.commitmentSigned': '书面承诺',
  'data.deferred.promisedOn': '承诺补交日期',
  'data.reason': '理由',
  'data.certificateNumber': '公证书编号',
  'data.method': '送达方式',
  'data.recipient': '签收人',
  'data.receiptSigned': '送达回执',
  'data.archiveNumber': '档案号',
};

const note = () => text({ max: 500, multiLine: true });
const flag = () => z.boolean({ error: '格式不正确' });

function step<const A extends NotarizationAction, D extends z.ZodType>(action: A, data: D) {
  return strictObject({ caseId: id, action: z.literal(action), actedOn: isoDate(), data });
}

const actionShape = z.discriminatedUnion(
  'action',
  [
    step('checkMaterials', strictObject({ missingItems: itemList({ min: 0, max: 30 }), note: note() })),
    step('supplyMaterials', strictObject({ note: note() })),
    step('forward', strictObject({ notaryOffice: text({ max: 100, required: true }), note: note() })),
    step(
      'accept',
      strictObject({
        noticeNumber: text({ max: 50 }),
        /** 容缺受理: a non-essential item the applicant promised in writing to supply by a date. */
        deferred: strictObject({ item: text({ max: 100, required: true }), commitmentSigned: flag(), promisedOn: isoDate() }).nullable(),
      }),
    ),
    step('suspend', strictObject({ reason: choice(SUSPENSION_REASONS), missingItems: itemList({ min: 0, max: 30 }), note: note() })),
    step('resume', strictObject({ note: note() })),
    step('supplyDeferred', strictObject({ note: note() })),
    step('issue', strictObject({ certificateNumber: text({ max: 50, required: true }) })),
    step('deliver', strictObject({ method: choice(DELIVERY_METHODS), recipient: text({ max: 50, required: true }), receiptSigned: flag() })),
    step('refuse', strictObject({ reason: text({ max: 500, required: true, multiLine: true }) })),
    step('terminate', strictObject({ reason: text({ max: 500, required: true, multiLine: true }) })),
    step('archive', strictObject({ archiveNumber: text({ max: 50 }) })),
  ],
  { error: (iss) => (iss.code === 'invalid_union' ? '不是可进行的操作' : '格式不正确') },
);

export type NotarizationActionRequest = z.output<typeof actionShape>;
export type NotarizationActionInput = z.input<typeof actionShape>;
export type NotarizationActionData<A extends NotarizationAction> = Extract<NotarizationActionRequest, { action: A }>['data'];

export interface ActionIssue {
  path: (string | number)[];
  message: string;
}

/** The rules that span an action's fields (dates against the case's timeline are the service's). */
export function checkNotarizationAction(req: NotarizationActionRequest): ActionIssue[] {
  const issues: ActionIssue[] = [];
  switch (req.action) {
    case 'accept': {
      const deferred = req.data.deferred;
      if (deferred && !deferred.commitmentSigned)
        issues.push({ path: ['data', 'deferred', 'commitmentSigned'], message: '容缺受理须有申请人签署的书面承诺' });
      if (deferred && deferred.promisedOn <= req.actedOn)
        issues.push({ path: ['data', 'deferred', 'promisedOn'], message: `应晚于受理日期（${formatChineseDate(req.actedOn)}）` });
      break;
    }
    case 'suspend':
      if (req.data.reason === '补充材料' && req.data.missingItems.length === 0)
        issues.push({ path: ['data', 'missingItems'], message: '通知补充材料时须一次性列明所缺材料' });
      break;
    case 'deliver':
      if (!req.data.receiptSigned) issues.push({ path: ['data', 'receiptSigned'], message: '须由签收人签收送达回执' });
      break;
    default:
      break;
  }
  return issues;
}

export const notarizationActionSchema = actionShape.superRefine((req, ctx) => {
  for (const issue of checkNotarizationAction(req)) ctx.addIssue({ code: 'custom', ...issue });
});
