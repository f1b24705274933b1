// The roster of people the office assigns legal-aid cases to: the schemas of an entry and of a change, with the
// Chinese labels of their fields.
import { z } from 'zod';
import { id } from '../../channel';
import { LINE_MAX, NAME_MAX, PHONE_MAX } from '../../cases/fieldLimits';
import { choice, strictObject, text, type Labels } from '../../validation';
import { EXPERTISE_AREAS } from './eligibility';
import { ORG_TYPES } from './options';

const rosterFields = {
  orgType: choice(ORG_TYPES),
  orgName: text({ max: LINE_MAX, required: true }),
  personName: text({ max: NAME_MAX, required: true }),
  phone: text({ max: PHONE_MAX }),
  expertise: z
    .array(choice(EXPERTISE_AREAS), { error: '格式不正确' })
    .max(EXPERTISE_AREAS.length, '选项过多')
    .refine((areas) => new Set(areas).size === areas.length, '选项重复'),
  note: text({ max: 500, multiLine: true }),
};
export const rosterEntrySchema = strictObject(rosterFields);
export const rosterUpdateSchema = strictObject({ id, ...rosterFields, active: z.boolean({ error: '格式不正确' }) });
export const ROSTER_LABELS: Labels = {
  id: '名册人员',
  orgType: '承办机构类型',
  orgName: '承办机构名称',
  personName: '承办人员',
  phone: '联系电话',
  expertise: '擅长领域',
  note: '备注',
  active: '在册',
  activeOnly: '仅在册人员',
  caseId: '案件',
};
export type RosterEntryInput = z.output<typeof rosterEntrySchema>;
export type RosterUpdateInput = z.output<typeof rosterUpdateSchema>;
