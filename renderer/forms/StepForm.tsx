// One lifecycle step of a case as a small form: its fields declared as data (what each holds and how it is typed),
// checked against the channel's own zod schema as the clerk types, sent through useSubmit so that a refusal of the
// main process shows under the field it names. The mediation and the notarization case pages build their steps
// from it.
import { Checkbox, Col, DatePicker, Form, Input, Radio, Row, Select } from 'antd';
import dayjs from 'dayjs';
import type { ReactNode } from 'react';
import type { z } from 'zod';
import { localDate } from '../../shared/dates';
import type { Labels } from '../../shared/validation';
import { CheckedFormFrame, schemaIssues, SubmitRow, useCheckedForm, useSubmit } from './checkedForm';
import { FormField } from './FormField';
import { DATE_FORMAT, DATE_FORMATS, isoOf, options, searchable, typedFen, typedInteger } from './typedValues';

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
}

export type StepField = Common &
  (
    | { kind: 'date' }
    | { kind: 'text'; max: number; placeholder?: string }
    | { kind: 'textarea'; max: number; placeholder?: string }
    | { kind: 'select'; choices: readonly string[] }
    | { kind: 'radio'; choices: readonly string[] }
    | { kind: 'flag'; caption: string }
    /** Money typed in yuan; blank sends `blank` (null: "take the rate"; 0: no amount). */
    | { kind: 'yuan'; blank: number | null; placeholder?: string }
    /** A whole number (a year, a count), typed. */
    | { kind: 'whole'; placeholder?: string }
    | { kind: 'multi'; choices: readonly string[] }
    /** One item a line → a list of strings. */
    | { kind: 'lines'; placeholder?: string }
    /** A part that is sent as null unless its box is ticked (容缺受理). */
    | { kind: 'optional'; caption: string; fields: StepField[] }
  );

type Values = Record<string, unknown>;

const segments = (path: string): string[] => path.split('.');

function getAt(values: unknown, path: string): unknown {
  let at: unknown = values;
  for (const key of segments(path)) at = at !== null && typeof at === 'object' ? (at as Record<string, unknown>)[key] : undefined;
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
const toggleName = (path: string) => segments(`${path}Ticked`);

function initialOf(fields: readonly StepField[], into: Values = {}): Values {
  for (const f of fields) {
    if (f.kind === 'optional') {
      setAt(into, `${f.path}Ticked`, f.initial ?? false);
      initialOf(f.fields, into);
      continue;
    }
    const empty: Record<StepField['kind'], unknown> = {
      date: dayjs(localDate(), DATE_FORMAT, true), text: '', textarea: '', select: undefined, radio: undefined, flag: false,
      yuan: '', whole: '', multi: [], lines: '', optional: null,
    };
    setAt(into, f.path, f.initial !== undefined ? f.initial : empty[f.kind]);
  }
  return into;
}

function payloadOf(fields: readonly StepField[], values: Values, into: Values): Values {
  for (const f of fields) {
    const v = getAt(values, f.path);
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
        setAt(into, f.path, String(v ?? '').split('\n').map((s) => s.trim()).filter(Boolean));
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

function Control({ field }: { field: StepField }): ReactNode {
  const common = { path: field.path, ...(field.label ? { label: field.label } : {}), required: field.required ?? false, extra: field.extra };
  switch (field.kind) {
    case 'date':
      return (
        <FormField {...common}>
          <DatePicker format={DATE_FORMATS} placeholder={localDate()} style={{ width: '100%' }} />
        </FormField>
      );
    case 'text':
      return (
        <FormField {...common}>
          <Input maxLength={field.max} autoComplete="off" placeholder={field.placeholder} />
        </FormField>
      );
    case 'textarea':
      return (
        <FormField {...common}>
          <Input.TextArea rows={3} maxLength={field.max} showCount placeholder={field.placeholder} />
        </FormField>
      );
    case 'select':
      return (
        <FormField {...common}>
          <Select options={options(field.choices)} showSearch={searchable} />
        </FormField>
      );
    case 'radio':
      return (
        <FormField {...common} group>
          <Radio.Group name={field.path} options={options(field.choices)} />
        </FormField>
      );
    case 'flag':
      return (
        <FormField {...common} valuePropName="checked">
          <Checkbox>{field.caption}</Checkbox>
        </FormField>
      );
    case 'whole':
      return (
        <FormField {...common}>
          <Input autoComplete="off" inputMode="numeric" placeholder={field.placeholder} />
        </FormField>
      );
    case 'yuan':
      return (
        <FormField {...common}>
          <Input suffix="元" autoComplete="off" inputMode="decimal" placeholder={field.placeholder} />
        </FormField>
      );
    case 'multi':
      return (
        <FormField {...common} group>
          <Checkbox.Group options={options(field.choices)} />
        </FormField>
      );
    case 'lines':
      return (
        <FormField {...common}>
          <Input.TextArea rows={3} placeholder={field.placeholder ?? '每行一项'} />
        </FormField>
      );
    case 'optional':
      return <OptionalPart field={field} />;
  }
}

function OptionalPart({ field }: { field: Extract<StepField, { kind: 'optional' }> }) {
  const form = Form.useFormInstance();
  const ticked = Form.useWatch(toggleName(field.path), form) === true;
  return (
    <>
      <FormField path={field.path} name={toggleName(field.path)} valuePropName="checked" label="">
        <Checkbox>{field.caption}</Checkbox>
      </FormField>
      {ticked && <Fields fields={field.fields} />}
    </>
  );
}

function Fields({ fields }: { fields: readonly StepField[] }) {
  return (
    <Row gutter={16}>
      {fields.map((f) => (
        <Col key={f.path} span={f.half ? 12 : 24}>
          <Control field={f} />
        </Col>
      ))}
    </Row>
  );
}

export interface StepFormProps {
  /** Names the form's controls (`${formName}_${path}`): one per step. */
  formName: string;
  fields: readonly StepField[];
  /** The channel's input schema and labels, so the form says what the main process would. */
  schema: z.ZodType;
  labels: Labels;
  /** What every payload of this step carries besides the fields: the case, the action. */
  fixed: Values;
  submitLabel?: string;
  send(payload: Values): Promise<void>;
  onCancel(): void;
}

export function StepForm({ formName, fields, schema, labels, fixed, submitLabel = '保存', send, onCancel }: StepFormProps) {
  const fieldLabels = { ...labels, ...Object.fromEntries(allFields(fields).flatMap((f) => (f.label ? [[f.path, f.label]] : []))) };
  const payload = (values: Values) => payloadOf(fields, values, JSON.parse(JSON.stringify(fixed)) as Values);
  const checked = useCheckedForm<Values>({
    formName,
    labels: fieldLabels,
    initial: initialOf(fields),
    issuesOf: (values) => schemaIssues(schema, payload(values), fieldLabels),
  });
  const submission = useSubmit(checked, (values) => send(payload(values)));
  return (
    <CheckedFormFrame checked={checked}>
      <Fields fields={fields} />
      <SubmitRow submission={submission} label={submitLabel} onCancel={onCancel} />
    </CheckedFormFrame>
  );
}

function allFields(fields: readonly StepField[]): StepField[] {
  return fields.flatMap((f) => (f.kind === 'optional' ? [f, ...allFields(f.fields)] : [f]));
}
