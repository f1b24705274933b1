// The office's list of 纠纷类型: seeded with the county report's statistics categories (options.ts), then kept by
// the director or the administrator. A type once used is never deleted, only retired (inactive), so every case
// keeps the type it was registered with.
import { z } from 'zod';
import { strictObject, text, type Labels } from '../../validation';

export interface DisputeType {
  name: string;
  position: number;
  active: boolean;
}

export const disputeTypeListSchema = strictObject({
  /** The whole list in its new order; a stored type left out is retired. */
  types: z
    .array(strictObject({ name: text({ max: 20, required: true }), active: z.boolean({ error: '格式不正确' }) }), {
      error: '格式不正确',
    })
    .min(1, '至少保留一个纠纷类型')
    .max(200, '最多200个')
    .superRefine((types, ctx) => {
      const seen = new Set<string>();
      types.forEach((t, i) => {
        if (seen.has(t.name)) ctx.addIssue({ code: 'custom', path: [i, 'name'], message: `“${t.name}”重复` });
        seen.add(t.name);
      });
      if (!types.some((t) => t.active)) ctx.addIssue({ code: 'custom', message: '至少保留一个启用的纠纷类型' });
    }),
});
export type DisputeTypeList = z.output<typeof disputeTypeListSchema>;
export const DISPUTE_TYPE_LABELS: Labels = {
  types: '纠纷类型',
  'types.*': '纠纷类型',
  'types.*.name': '纠纷类型名称',
  'types.*.active': '启用',
  includeInactive: '包括停用的类型',
};
