// A form as data, for the one engine that renders any of them (./FieldsForm.tsx, and ./ActionDialog.tsx for every
// lifecycle action): each field's path in the channel's payload, how it is typed, its label when the channel's would
// not do, its choices, whether it is required, and when it shows. Each kind declares its actions' forms in its own
// folder (renderer/<kind>/actionFields.ts); the values typed become the payload here, before the channel's schema
// judges them.
import dayjs from 'dayjs';
import type { ReactNode } from 'react';
import { localDate } from '../../shared/dates';
import { DATE_FORMAT, isoOf, typedFen, typedInteger } from './typedValues';

export type Values = Record<string, unknown>;

interface Common {
  /** The payload path, e.g. `actedOn` or `data.notaryOffice`: names the label, the message and the value. */
  path: string;
  /** Overrides the channel's label (a step's own word for its date). */
  label?: string;
  required?: boolean;
  /** The value the form starts with, as the control holds it. */
  initial?: unknown;
  extra?: ReactNode;
  /** Half a row (the default is a whole one). */
  half?: boolean;
  placeholder?: string;
  /** Shown only while this holds of the form's values; a hidden field sends its empty value. */
  when?: (values: Values) => boolean;
}

/** What a field's own control may do besides holding its value: the case, and setting other fields. */
export interface FieldContext {
  caseId: number;
  values: Values;
  set(values: Values): void;
}

export type FieldSpec = Common &
  (
    | { kind: 'date' }
    | { kind: 'text'; max: number }
    | { kind: 'textarea'; max: number }
    | { kind: 'select'; choices: readonly string[]; choiceLabels?: Readonly<Record<string, string>> }
    | { kind: 'radio'; choices: readonly string[] }
    | { kind: 'flag'; caption: string }
    /** Money typed in yuan; blank sends `blank` (null: "take the rate", or refused when required; 0: no amount). */
    | { kind: 'yuan'; blank: number | null }
    /** A whole number (a year, a count), typed. */
    | { kind: 'whole' }
    | { kind: 'multi'; choices: readonly string[]; choiceLabels?: Readonly<Record<string, string>> }
    /** One item a line → a list of strings. */
    | { kind: 'lines' }
    /** A part that is sent as null unless its box is ticked (容缺受理). */
    | { kind: 'optional'; caption: string; fields: FieldSpec[] }
    /** A value set by a control of the kind's own (the roster entry an assignment comes from). */
    | { kind: 'custom'; render(context: FieldContext): ReactNode }
  );

export interface ActionForm {
  fields: FieldSpec[];
  /** Said above the fields. */
  hint?: string;
}

/** Each action's form of a kind, from the case as it stands (its checklist, its facts). */
export type ActionForms<A extends string, R> = { readonly [K in A]: (record: R) => ActionForm };

const segments = (path: string): string[] => path.split('.');

function getAt(values: unknown, path: string): unknown {
  let at: unknown = values;
  for (const key of segments(path))
    at = at !== null && typeof at === 'object' ? (at as Record<string, unknown>)[key] : undefined;
  return at;
}

function setAt(target: Values, path: string, value: unknown): void {
  const keys = segments(path);
  let at = target;
  keys.slice(0, -1).forEach((key) => {
    if (typeof at[key] !== 'object' || at[key] === null) at[key] = {};
    at = at[key] as Values;
  });
  at[keys[keys.length - 1]!] = value;
}

/** The form name of an optional part's box: beside the part, never inside what is sent. */
export const toggleName = (path: string) => segments(`${path}Ticked`);

/** Every field, an optional part's own fields included. */
export function allFields(fields: readonly FieldSpec[]): FieldSpec[] {
  return fields.flatMap((f) => (f.kind === 'optional' ? [f, ...allFields(f.fields)] : [f]));
}

export const shown = (field: FieldSpec, values: Values) => !field.when || field.when(values);

/** A message about one item of a list (items.2) belongs under the list's own field. */
export const fieldOf = (path: string) => path.replace(/\.\d+(\..*)?$/, '');

/** The values the form starts with: each field's own (today for a date), then `defaults`. */
export function initialOf(fields: readonly FieldSpec[], defaults: Values = {}, into: Values = {}): Values {
  for (const f of fields) {
    if (f.kind === 'optional') {
      setAt(into, `${f.path}Ticked`, f.initial ?? false);
      initialOf(f.fields, {}, into);
      continue;
    }
    const empty: Record<FieldSpec['kind'], unknown> = {
      date: dayjs(localDate(), DATE_FORMAT, true),
      text: '',
      textarea: '',
      select: undefined,
      radio: undefined,
      flag: false,
      yuan: '',
      whole: '',
      multi: [],
      lines: '',
      optional: null,
      custom: null,
    };
    setAt(into, f.path, f.initial !== undefined ? f.initial : empty[f.kind]);
  }
  for (const [path, value] of Object.entries(defaults)) setAt(into, path, value);
  return into;
}

/** What a hidden field sends. */
const emptyOf = (f: FieldSpec): unknown =>
  f.kind === 'lines' || f.kind === 'multi' ? [] : f.kind === 'optional' || f.kind === 'custom' ? null : '';

/** The channel's payload for these values, unvalidated: the schema and the main process judge it. */
export function payloadOf(fields: readonly FieldSpec[], values: Values, into: Values): Values {
  for (const f of fields) {
    const v = getAt(values, f.path);
    if (!shown(f, values)) {
      setAt(into, f.path, emptyOf(f));
      continue;
    }
    switch (f.kind) {
      case 'date':
        setAt(into, f.path, isoOf(v as never));
        break;
      case 'select':
      case 'radio':
        setAt(into, f.path, v ?? '');
        break;
      case 'yuan':
        setAt(into, f.path, typedFen(v as string | undefined, f.blank));
        break;
      case 'whole':
        setAt(into, f.path, typedInteger(v === undefined || v === null ? undefined : String(v)));
        break;
      case 'lines':
        setAt(
          into,
          f.path,
          String(v ?? '')
            .split('\n')
            .map((s) => s.trim())
            .filter(Boolean),
        );
        break;
      case 'multi':
        setAt(into, f.path, Array.isArray(v) ? v : []);
        break;
      case 'optional': {
        const ticked = getAt(values, `${f.path}Ticked`) === true;
        setAt(into, f.path, ticked ? getAt(payloadOf(f.fields, values, {}), f.path) : null);
        break;
      }
      default:
        setAt(into, f.path, v);
    }
  }
  return into;
}
