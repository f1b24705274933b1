// What the timeline calls each action and each recorded field, for every kind of case. The words come from each
// kind's action table (shared/kinds/<kind>/actions.ts), the same labels the channels use for their error messages,
// so a field reads the same on the form, in a refusal and in the history.
import { caseStatusLabel } from '../../shared/cases/statuses';
import { kindOf } from '../../shared/kinds';
import type { ActionSpec } from '../../shared/kinds/kind';
import type { CaseKind } from '../../shared/options';
import type { Labels } from '../../shared/validation';
import { formatDate, formatMoney } from '../app/format';

/** The first entry of every timeline, written when the case is registered. */
const REGISTER_ACTION = 'register';

/** Fields that the timeline keeps for the program, not for the clerk (they repeat what is shown beside them). */
const HIDDEN_FIELDS = new Set(['caseId', 'actedOn', 'rosterId']);
/** Fields that hold a status of the case's kind. */
const STATUS_FIELDS = new Set(['against', 'restores']);

const specOf = (kind: CaseKind, action: string): ActionSpec | undefined =>
  (kindOf(kind).actions as Readonly<Record<string, ActionSpec>>)[action];

export function actionLabel(kind: CaseKind, action: string): string {
  if (action === REGISTER_ACTION) return '登记受理';
  return (kindOf(kind).lifecycle.actions as Readonly<Record<string, { label: string }>>)[action]?.label ?? action;
}

/**
 * The labels of what an action recorded: its payload's fields and what the service added. A kind that records its
 * fields under `data` (notarization) has them read without the prefix, as the timeline stores the fields themselves.
 */
function fieldLabels(kind: CaseKind, action: string): Labels {
  const spec = specOf(kind, action);
  if (!spec) return {};
  const labels: Labels = { ...spec.labels, ...spec.recorded };
  const nested = Object.entries(labels).filter(([path]) => path.startsWith('data.'));
  return nested.length > 0
    ? Object.fromEntries(nested.map(([path, label]) => [path.slice('data.'.length), label]))
    : labels;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function formatValue(kind: CaseKind, key: string, value: unknown): string {
  if (typeof value === 'boolean') return value ? '是' : '否';
  if (typeof value === 'number') return /Fen$/.test(key) ? formatMoney(value) : String(value);
  if (typeof value === 'string') {
    if (STATUS_FIELDS.has(key)) return caseStatusLabel(kind, value);
    const named = kindOf(kind).valueLabels?.[key]?.[value];
    if (named) return named;
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
