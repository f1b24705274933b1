// 防止干预司法“三个规定” (the three rules against interference in judicial work, 2015): what a record of an
// inquiry or interference holds, and the monthly statement.
import { z } from 'zod';
import { choice, isoDate, strictObject, text, type Labels } from './validation';

/** The three rules: interference by officials, inquiries from inside the justice system, improper contact. */
export const INTERFERENCE_CATEGORIES = [
  '领导干部干预司法活动',
  '内部人员过问案件',
  '与当事人、律师等不正当接触交往',
  '其他',
] as const;
export const INTERFERENCE_METHODS = ['当面', '电话', '短信或即时通讯', '信函', '其他'] as const;

export const INTERFERENCE_LABELS: Labels = {
  caseId: '案件',
  category: '类别',
  personName: '过问人姓名',
  personUnit: '工作单位',
  personPosition: '职务',
  occurredOn: '过问日期',
  method: '过问方式',
  content: '过问内容',
  handling: '处理情况',
  period: '报告月份',
  note: '说明',
};

export const interferenceRecordSchema = strictObject({
  caseId: z.number({ error: '格式不正确' }).int('格式不正确').positive('格式不正确'),
  category: choice(INTERFERENCE_CATEGORIES),
  personName: text({ max: 50, required: true }),
  personUnit: text({ max: 100, required: true }),
  personPosition: text({ max: 50 }),
  occurredOn: isoDate(),
  method: choice(INTERFERENCE_METHODS),
  content: text({ max: 2000, required: true, multiLine: true }),
  handling: text({ max: 2000, required: true, multiLine: true }),
});
export type InterferenceRecordInput = z.output<typeof interferenceRecordSchema>;

export const period = () =>
  text({ max: 7, required: true }).refine((s) => s === '' || /^\d{4}-(0[1-9]|1[0-2])$/.test(s), '格式应为2026-10');

export interface InterferenceRecord extends InterferenceRecordInput {
  id: number;
  caseNumber: string;
  recordedBy: string;
  recordedAt: string;
}

export interface InterferenceStatement {
  id: number;
  userId: number;
  displayName: string;
  period: string;
  recordCount: number;
  /** 零报告: nothing to report this month. */
  nil: boolean;
  note: string;
  submittedAt: string;
}

export interface StatementOverview {
  period: string;
  statements: InterferenceStatement[];
  /** Active clerks, directors and administrators who have not yet submitted for the period. */
  missing: { userId: number; displayName: string }[];
}
