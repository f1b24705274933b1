// Each notarization action's form as data (renderer/forms/fieldSpecs.ts): its own word for the date, and its fields
// under `data`, in the order the liaison point fills them in. The schemas and labels are the channels' own
// (shared/kinds/notarization/actions.ts).
import type { NotarizationCase } from '../../shared/contract';
import type { NotarizationAction } from '../../shared/kinds/notarization/lifecycle';
import { TELLING_RULE } from '../../shared/kinds/notarization/actions';
import { DELIVERY_METHODS, SUSPENSION_REASONS, TELLING_METHODS } from '../../shared/kinds/notarization/options';
import type { FieldSpec, ActionForms } from '../forms/fieldSpecs';

const on = (label: string): FieldSpec => ({ path: 'actedOn', kind: 'date', label, required: true, half: true });
const note = (): FieldSpec => ({ path: 'data.note', kind: 'textarea', max: 500 });

export const NOTARIZATION_ACTION_FORMS: ActionForms<NotarizationAction, NotarizationCase> = {
  checkMaterials: (record) => ({
    fields: [
      on('核对日期'),
      {
        path: 'data.missingItems',
        kind: 'multi',
        choices: record.checklist,
        extra: '勾选所缺的材料，一次性告知申请人；材料齐全的不勾选',
      },
      note(),
    ],
  }),
  supplyMaterials: () => ({ fields: [on('补齐日期'), note()] }),
  forward: () => ({
    fields: [on('转递日期'), { path: 'data.notaryOffice', kind: 'text', max: 100, required: true, half: true }, note()],
  }),
  accept: (record) => ({
    fields: [
      on('受理日期'),
      { path: 'data.noticeNumber', kind: 'text', max: 50, half: true },
      {
        path: 'data.deferred',
        kind: 'optional',
        caption: '容缺受理（次要材料暂缺，申请人书面承诺限期补交）',
        fields: [
          {
            path: 'data.deferred.item',
            kind: 'text',
            max: 100,
            required: true,
            half: true,
            placeholder: record.checklist.at(-1) ?? '',
          },
          { path: 'data.deferred.promisedOn', kind: 'date', required: true, half: true, initial: null },
          { path: 'data.deferred.commitmentSigned', kind: 'flag', caption: '申请人已签署书面承诺' },
        ],
      },
    ],
  }),
  suspend: () => ({
    fields: [
      on('中止日期'),
      { path: 'data.reason', kind: 'select', choices: SUSPENSION_REASONS, required: true, half: true },
      { path: 'data.missingItems', kind: 'lines', placeholder: '补充材料的，每行写一项所缺材料' },
      { path: 'data.toldOn', kind: 'date', required: true, half: true, extra: TELLING_RULE },
      { path: 'data.toldHow', kind: 'select', choices: TELLING_METHODS, required: true, half: true },
      note(),
    ],
  }),
  resume: () => ({ fields: [on('恢复日期'), note()] }),
  supplyDeferred: () => ({ fields: [on('补交日期'), note()] }),
  issue: () => ({
    fields: [on('出证日期'), { path: 'data.certificateNumber', kind: 'text', max: 50, required: true, half: true }],
  }),
  deliver: () => ({
    fields: [
      on('送达日期'),
      { path: 'data.method', kind: 'select', choices: DELIVERY_METHODS, required: true, half: true },
      { path: 'data.recipient', kind: 'text', max: 50, required: true, half: true },
      { path: 'data.receiptSigned', kind: 'flag', caption: '签收人已签收送达回执' },
    ],
  }),
  refuse: () => ({ fields: [on('决定日期'), { path: 'data.reason', kind: 'textarea', max: 500, required: true }] }),
  terminate: () => ({ fields: [on('终止日期'), { path: 'data.reason', kind: 'textarea', max: 500, required: true }] }),
  archive: () => ({ fields: [on('归档日期'), { path: 'data.archiveNumber', kind: 'text', max: 50, half: true }] }),
};
