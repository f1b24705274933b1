// The form of each legal-aid action, as data: which fields it has, in what order, with what control, and when a
// field shows. The schemas and labels are the channels' own (shared/legalAid/actions.ts), so the form says what
// the main process would say, before anything is sent.
import type { Dayjs } from 'dayjs';
import type { z } from 'zod';
import { LEGAL_AID_ACTION_TABLE as TABLE } from '../../shared/kinds/legalAid/actions';
import {
  CLOSING_DOCUMENTS,
  CLOSING_RESULTS,
  DECIDERS,
  DECISIONS,
  OBJECTION_RESULTS,
  ORG_TYPES,
  PROGRESS_KINDS,
  TERMINATION_REASONS,
} from '../../shared/kinds/legalAid/options';
import { MANDATORY_DEFENCE_GROUNDS, MATTER_TYPE_LABELS, MATTER_TYPES, PROVISIONAL_GROUNDS } from '../../shared/kinds/legalAid/eligibility';
import type { LegalAidAction } from '../../shared/kinds/legalAid/lifecycle';
import { yuanToFen } from '../../shared/money';
import type { Labels } from '../../shared/validation';

export type FieldControl =
  | { control: 'date' }
  | { control: 'text'; max: number }
  | { control: 'textarea'; max: number }
  /** One item a line, sent as a list. */
  | { control: 'lines'; max: number }
  | { control: 'select'; options: readonly string[]; optionLabels?: Readonly<Record<string, string>> }
  | { control: 'radio'; options: readonly string[] }
  | { control: 'checkboxes'; options: readonly string[] }
  /** Typed in yuan, sent in fen. */
  | { control: 'money' };

export type ActionValues = Record<string, unknown>;

export type FieldSpec = FieldControl & {
  path: string;
  required?: boolean;
  /** Shown only when this holds of the form's values; a hidden field sends its empty value. */
  when?: (values: ActionValues) => boolean;
  placeholder?: string;
};

export interface ActionForm {
  schema: z.ZodType;
  labels: Labels;
  fields: FieldSpec[];
  /** Values the form starts with besides the date (today). */
  initial?: ActionValues;
  /** Said above the fields. */
  hint?: string;
}

const date = (path: string, required = true): FieldSpec => ({ path, control: 'date', required });
const note = (path = 'note', required = false, max = 2000): FieldSpec => ({ path, control: 'textarea', max, required });

export const ACTION_FORMS: Record<LegalAidAction, ActionForm> = {
  notifyMissing: {
    ...TABLE.notifyMissing,
    hint: '申请材料不齐全的，应当一次性告知申请人需要补充的全部材料（法律援助法第43条）。补充材料期间不计入审查期限。',
    fields: [
      date('actedOn'),
      { path: 'items', control: 'lines', max: 100, required: true, placeholder: '每行一项，如：户口簿复印件' },
      date('dueOn'),
      note(),
    ],
  },
  supplyMaterials: { ...TABLE.supplyMaterials, fields: [date('actedOn'), note()] },
  deemWithdrawn: {
    ...TABLE.deemWithdrawn,
    hint: '申请人未在补充期限内补齐材料的，视为撤回申请。',
    fields: [date('actedOn'), note()],
  },
  decide: {
    ...TABLE.decide,
    initial: { decision: '给予法律援助', decidedBy: '司法所', mandatoryDefenceGrounds: [] },
    fields: [
      date('actedOn'),
      { path: 'decision', control: 'radio', options: DECISIONS, required: true },
      { path: 'decidedBy', control: 'radio', options: DECIDERS, required: true },
      { path: 'matterType', control: 'select', options: MATTER_TYPES, optionLabels: MATTER_TYPE_LABELS, required: true },
      { path: 'mandatoryDefenceGrounds', control: 'checkboxes', options: MANDATORY_DEFENCE_GROUNDS, when: (v) => v.matterType === '刑事辩护' },
      { path: 'documentNumber', control: 'text', max: 100 },
      { path: 'reasons', control: 'textarea', max: 2000, placeholder: '不予法律援助的，须书面写明理由' },
    ],
  },
  provideProvisionally: {
    ...TABLE.provideProvisionally,
    initial: { decidedBy: '司法所' },
    hint: '法律援助法第44条：情况紧急的，可以先行提供法律援助，申请人应当在其后补交有关材料。',
    fields: [
      date('actedOn'),
      { path: 'ground', control: 'select', options: PROVISIONAL_GROUNDS, required: true },
      { ...date('limitEndsOn', true), when: (v) => v.ground === '距法定时效或者期限届满不足七日' },
      { path: 'decidedBy', control: 'radio', options: DECIDERS, required: true },
      note('reason', true),
    ],
  },
  assign: {
    ...TABLE.assign,
    initial: { assignedBy: '司法所', rosterId: null },
    fields: [
      date('actedOn'),
      { path: 'assignedBy', control: 'radio', options: DECIDERS, required: true },
      { path: 'orgType', control: 'select', options: ORG_TYPES, required: true },
      { path: 'orgName', control: 'text', max: 100, required: true },
      { path: 'personName', control: 'text', max: 50, required: true },
    ],
  },
  recordProgress: {
    ...TABLE.recordProgress,
    fields: [
      date('actedOn'),
      { path: 'kind', control: 'select', options: PROGRESS_KINDS, required: true },
      note('content', true),
      { ...date('matterEndedOn', false), placeholder: '事项已办结的，填写办结日期' },
    ],
  },
  terminate: {
    ...TABLE.terminate,
    initial: { decidedBy: '司法所' },
    hint: '终止法律援助须属于法律援助法第48条规定的情形之一。',
    fields: [
      date('actedOn'),
      { path: 'reason', control: 'select', options: TERMINATION_REASONS, required: true },
      { path: 'decidedBy', control: 'radio', options: DECIDERS, required: true },
      note('explanation', true),
    ],
  },
  close: {
    ...TABLE.close,
    fields: [
      date('actedOn'),
      { path: 'result', control: 'select', options: CLOSING_RESULTS, required: true },
      { path: 'closingDocument', control: 'select', options: CLOSING_DOCUMENTS, required: true },
      { path: 'closingDocumentNumber', control: 'text', max: 100 },
      date('matterEndedOn'),
      date('materialsSubmittedOn'),
      note('summary'),
    ],
  },
  object: {
    ...TABLE.object,
    hint: '申请人对不予法律援助或终止法律援助的决定有异议的，可以向司法行政部门提出（法律援助法第49条）。',
    fields: [date('actedOn'), note('content', true)],
  },
  reviewObjection: {
    ...TABLE.reviewObjection,
    fields: [
      date('actedOn'),
      { path: 'result', control: 'radio', options: OBJECTION_RESULTS, required: true },
      { path: 'reviewedBy', control: 'text', max: 100, required: true },
      note('opinion', true),
    ],
  },
  recordSubsidy: {
    ...TABLE.recordSubsidy,
    hint: '结案材料审查后登记办案补贴；法律援助中心工作人员承办的填0。',
    fields: [date('actedOn'), { path: 'amountFen', control: 'money', required: true }, date('paidOn'), note()],
  },
  archive: { ...TABLE.archive, fields: [date('actedOn'), { path: 'archiveNumber', control: 'text', max: 100 }, note()] },
};

const shown = (field: FieldSpec, values: ActionValues) => !field.when || field.when(values);

export function visibleFields(form: ActionForm, values: ActionValues): FieldSpec[] {
  return form.fields.filter((f) => shown(f, values));
}

/** Yuan as typed → fen; a malformed amount is passed on in a form the schema refuses with the right message. */
export function typedFen(typed: string): number | string {
  const t = typed.trim();
  if (t === '') return t;
  const fen = yuanToFen(t);
  if (fen !== null) return fen;
  const n = Number(t.replace(/[,，]/g, ''));
  return Number.isFinite(n) ? n * 100 : t; // 1.234 → not whole fen; -5 → negative; "abc" → format
}

function sent(field: FieldSpec, value: unknown): unknown {
  switch (field.control) {
    case 'date': {
      const d = value as Dayjs | null | undefined;
      return d && d.isValid() ? d.format('YYYY-MM-DD') : '';
    }
    case 'lines':
      return String(value ?? '')
        .split('\n')
        .map((line) => line.trim())
        .filter(Boolean);
    case 'checkboxes':
      return Array.isArray(value) ? value : [];
    case 'money':
      return typedFen(String(value ?? ''));
    default:
      return value ?? '';
  }
}

const emptyOf = (field: FieldSpec): unknown => (field.control === 'lines' || field.control === 'checkboxes' ? [] : '');

/** The channel's payload for these form values, unvalidated: the schema and the main process judge it. */
export function actionPayload(form: ActionForm, caseId: number, values: ActionValues): Record<string, unknown> {
  const payload: Record<string, unknown> = { caseId };
  for (const field of form.fields) payload[field.path] = shown(field, values) ? sent(field, values[field.path]) : emptyOf(field);
  // Fields the form sets without a control of their own (the roster entry an assignment came from).
  for (const [key, value] of Object.entries(form.initial ?? {})) if (!(key in payload)) payload[key] = values[key] ?? value;
  return payload;
}
