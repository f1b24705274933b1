// 司法所设置: who this office is. Set on first run; the case-number prefix can be changed later.
import { z } from 'zod';
import { isCountyDivisionCode } from './identity';
import { strictObject, text, type Labels } from './validation';

export const OFFICE_LABELS: Labels = {
  name: '司法所名称',
  divisionCode: '县级行政区划代码',
  officeNumber: '司法所编号',
  bureauName: '县（市、区）司法局名称',
  caseNumberPrefix: '案号代字',
};

export const officeSetupSchema = strictObject({
  name: text({ max: 50, required: true }),
  divisionCode: text({ max: 6, required: true }).refine(
    (s) => s === '' || isCountyDivisionCode(s),
    '应为6位县级行政区划代码（如430203）',
  ),
  officeNumber: text({ max: 3, required: true }).refine(
    (s) => s === '' || /^\d{2,3}$/.test(s),
    '应为2至3位数字（由县司法局编排）',
  ),
  bureauName: text({ max: 50, required: true }),
  caseNumberPrefix: text({ max: 10, required: true }).refine(
    (s) => s === '' || /^[\p{Script=Han}A-Za-z0-9]+$/u.test(s),
    '只能包含汉字、字母和数字',
  ),
});
export type OfficeSetup = z.output<typeof officeSetupSchema>;

export interface Office extends OfficeSetup {
  /** Division code and office number: how the bureau names this office in exports. */
  officeCode: string;
  createdAt: string;
  updatedAt: string;
}

export function officeCode(divisionCode: string, officeNumber: string): string {
  return `${divisionCode}${officeNumber}`;
}

/** A first suggestion for 案号代字: the office name without its administrative suffix, at most four characters. */
export function suggestCaseNumberPrefix(officeName: string): string {
  const core = officeName.replace(/(人民政府)?(街道|镇|乡)?司法所$/u, '').replace(/^.*?(区|县|市)/u, '');
  return (core || officeName).slice(0, 4);
}
