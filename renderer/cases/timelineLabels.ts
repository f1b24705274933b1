// What the timeline calls each action and each recorded field, for every kind of case. The words come from the
// same label tables the channels use for their error messages, so a field reads the same on the form, in a
// refusal and in the history.
import { caseStatusLabel } from '../../shared/cases/statuses';
import * as legalAid from '../../shared/kinds/legalAid/actions';
import { MATTER_TYPE_LABELS } from '../../shared/kinds/legalAid/eligibility';
import { LEGAL_AID_ACTION_LABELS, type LegalAidAction } from '../../shared/kinds/legalAid/lifecycle';
import * as mediation from '../../shared/kinds/mediation/actions';
import { MEDIATION_ACTION_LABELS, type MediationAction } from '../../shared/kinds/mediation/lifecycle';
import { NOTARIZATION_ACTION_LABELS } from '../../shared/kinds/notarization/actions';
import { NOTARIZATION_LIFECYCLE } from '../../shared/kinds/notarization/lifecycle';
import type { CaseKind } from '../../shared/options';
import type { Labels } from '../../shared/validation';
import { formatDate, formatMoney } from '../app/format';

/** The first entry of every timeline, written when the case is registered. */
export const REGISTER_ACTION = 'register';

const LEGAL_AID_FIELDS: Record<LegalAidAction, Labels> = {
  notifyMissing: legalAid.NOTIFY_MISSING_LABELS,
  supplyMaterials: legalAid.SUPPLY_MATERIALS_LABELS,
  deemWithdrawn: legalAid.DEEM_WITHDRAWN_LABELS,
  decide: legalAid.DECIDE_LABELS,
  provideProvisionally: legalAid.PROVIDE_PROVISIONALLY_LABELS,
  assign: legalAid.ASSIGN_LABELS,
  recordProgress: legalAid.RECORD_PROGRESS_LABELS,
  terminate: legalAid.TERMINATE_LABELS,
  close: legalAid.CLOSE_LABELS,
  // The service adds what was objected to and, for a review, the status a correction restores.
  object: { ...legalAid.OBJECT_LABELS, against: '异议所针对的决定' },
  reviewObjection: { ...legalAid.REVIEW_OBJECTION_LABELS, against: '异议所针对的决定', restores: '责令改正后恢复为' },
  recordSubsidy: legalAid.RECORD_SUBSIDY_LABELS,
  archive: legalAid.ARCHIVE_LABELS,
};

const MEDIATION_FIELDS: Record<MediationAction, Labels> = {
  investigate: mediation.INVESTIGATE_LABELS,
  recordSession: mediation.RECORD_SESSION_LABELS,
  extend: mediation.EXTEND_LABELS,
  succeed: mediation.SUCCEED_LABELS,
  fail: mediation.FAIL_LABELS,
  terminate: mediation.TERMINATE_LABELS,
  recordPerformance: mediation.RECORD_PERFORMANCE_LABELS,
  followUp: mediation.FOLLOW_UP_LABELS,
  applyConfirmation: mediation.APPLY_CONFIRMATION_LABELS,
  recordConfirmation: mediation.RECORD_CONFIRMATION_LABELS,
  markCrimePrevention: mediation.MARK_CRIME_PREVENTION_LABELS,
  recordSubsidy: mediation.RECORD_SUBSIDY_LABELS,
  archive: mediation.ARCHIVE_LABELS,
};

/** Notarization labels its payload under `data.`; the timeline stores the payload itself. */
const NOTARIZATION_FIELDS: Labels = Object.fromEntries(
  Object.entries(NOTARIZATION_ACTION_LABELS)
    .filter(([path]) => path.startsWith('data.'))
    .map(([path, label]) => [path.slice('data.'.length), label]),
);

/** Fields that the timeline keeps for the program, not for the clerk (they repeat what is shown beside them). */
const HIDDEN_FIELDS = new Set(['caseId', 'actedOn', 'rosterId']);
/** Fields that hold a status of the case's kind. */
const STATUS_FIELDS = new Set(['against', 'restores']);

export function actionLabel(kind: CaseKind, action: string): string {
  if (action === REGISTER_ACTION) return '登记受理';
  const table: Record<string, string> =
    kind === 'legal_aid'
      ? LEGAL_AID_ACTION_LABELS
      : kind === 'mediation'
        ? MEDIATION_ACTION_LABELS
        : Object.fromEntries(Object.entries(NOTARIZATION_LIFECYCLE.actions).map(([a, def]) => [a, def.label]));
  return table[action] ?? action;
}

function fieldLabels(kind: CaseKind, action: string): Labels {
  if (kind === 'legal_aid') return LEGAL_AID_FIELDS[action as LegalAidAction] ?? {};
  if (kind === 'mediation') return MEDIATION_FIELDS[action as MediationAction] ?? {};
  return NOTARIZATION_FIELDS;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function formatValue(kind: CaseKind, key: string, value: unknown): string {
  if (typeof value === 'boolean') return value ? '是' : '否';
  if (typeof value === 'number') return /Fen$/.test(key) ? formatMoney(value) : String(value);
  if (typeof value === 'string') {
    if (STATUS_FIELDS.has(key)) return caseStatusLabel(kind, value);
    if (kind === 'legal_aid' && key === 'matterType') return MATTER_TYPE_LABELS[value as keyof typeof MATTER_TYPE_LABELS] ?? value;
    return ISO_DATE.test(value) ? formatDate(value) : value;
  }
  if (Array.isArray(value)) return value.map((v) => formatValue(kind, key, v)).join('、');
  return '';
}

export interface ChangedField {
  key: string;
  label: string;
  value: string;
}

/**
 * What an action recorded, as the clerk reads it: each field with its label, in the order recorded; empty values
 * and fields with no label of their own are left out (a nested object's fields are read one level down).
 */
export function changedFields(kind: CaseKind, action: string, data: Record<string, unknown>): ChangedField[] {
  const labels = fieldLabels(kind, action);
  const out: ChangedField[] = [];
  const visit = (path: string, value: unknown) => {
    if (HIDDEN_FIELDS.has(path) || value === null || value === undefined || value === '') return;
    if (typeof value === 'object' && !Array.isArray(value)) {
      for (const [k, v] of Object.entries(value as Record<string, unknown>)) visit(`${path}.${k}`, v);
      return;
    }
    const label = labels[path];
    if (!label) return;
    const shown = formatValue(kind, path.split('.').pop() ?? path, value);
    if (shown !== '') out.push({ key: path, label, value: shown });
  };
  for (const [k, v] of Object.entries(data)) visit(k, v);
  return out;
}
