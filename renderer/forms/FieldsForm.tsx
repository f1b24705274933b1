// The one engine that renders a form declared as data (./fieldSpecs.ts): every lifecycle action of every kind
// (./ActionDialog.tsx) and the small settings forms. Checked as the clerk types against the channel's own zod schema
// and labels (and, where the case's previous date is given, the date against it), sent once through useSubmit so
// that a refusal of the main process shows under the field it names, or above the button when it names none.
import { Checkbox, Col, DatePicker, Form, Input, Radio, Row, Select } from 'antd';
import { useState, type ReactNode } from 'react';
import type { z } from 'zod';
import { localDate } from '../../shared/dates';
import { actionDateProblem } from '../../shared/lifecycle';
import type { Labels } from '../../shared/validation';
import {
  allFields,
  fieldOf,
  initialOf,
  payloadOf,
  shown,
  toggleName,
  type FieldSpec,
  type FieldContext,
  type Values,
} from './fieldSpecs';
import { CheckedFormFrame, schemaIssues, SubmitRow, useCheckedForm, useSubmit } from './checkedForm';
import { FormField } from './FormField';
import { DATE_FORMATS, options, searchable } from './typedValues';

function Control({ field, context }: { field: FieldSpec; context: FieldContext }): ReactNode {
  const common = {
    path: field.path,
    ...(field.label ? { label: field.label } : {}),
    required: field.required ?? false,
    extra: field.extra,
  };
  switch (field.kind) {
    case 'date':
      return (
        <FormField {...common}>
          <DatePicker format={DATE_FORMATS} placeholder={field.placeholder ?? localDate()} style={{ width: '100%' }} />
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
          <Select
            options={field.choices.map((c) => ({ value: c, label: field.choiceLabels?.[c] ?? c }))}
            showSearch={searchable}
            placeholder={field.placeholder ?? '请选择'}
          />
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
          <Input
            suffix="元"
            autoComplete="off"
            inputMode="decimal"
            placeholder={field.placeholder ?? '如 800 或 800.50'}
          />
        </FormField>
      );
    case 'multi':
      return (
        <FormField {...common} group>
          <Checkbox.Group options={options(field.choices, field.choiceLabels)} />
        </FormField>
      );
    case 'lines':
      return (
        <FormField {...common}>
          <Input.TextArea rows={3} placeholder={field.placeholder ?? '每行一项'} />
        </FormField>
      );
    case 'optional':
      return <OptionalPart field={field} context={context} />;
    case 'custom':
      return field.render(context);
  }
}

function OptionalPart({ field, context }: { field: Extract<FieldSpec, { kind: 'optional' }>; context: FieldContext }) {
  const form = Form.useFormInstance();
  const ticked = Form.useWatch(toggleName(field.path), form) === true;
  return (
    <>
      <FormField path={field.path} name={toggleName(field.path)} valuePropName="checked" label="">
        <Checkbox>{field.caption}</Checkbox>
      </FormField>
      {ticked && <Fields fields={field.fields} context={context} />}
    </>
  );
}

function Fields({ fields, context }: { fields: readonly FieldSpec[]; context: FieldContext }) {
  return (
    <Row gutter={16}>
      {fields
        .filter((f) => shown(f, context.values))
        .map((f) => (
          <Col key={f.path} span={f.half ? 12 : 24}>
            <Control field={f} context={context} />
          </Col>
        ))}
    </Row>
  );
}

interface FieldsFormProps {
  /** Names the form's controls (`${name}_${path}`): one per form, `legalAid-decide`. */
  name: string;
  fields: readonly FieldSpec[];
  /** The channel's schema and labels, so the form says what the main process would. */
  schema: z.ZodType;
  labels: Labels;
  /** What every payload carries besides the fields (the case; a kind's `data`). */
  fixed: Values;
  /** Values to start from besides the fields' own. */
  defaults?: Values;
  /** The date of the case's latest step: checked as typed, no action may be dated before it. */
  lastActedOn?: string;
  /** The case a field's own control may ask about. */
  caseId?: number;
  submitLabel?: string;
  send(payload: Values): Promise<void>;
  onCancel(): void;
}

export function FieldsForm({
  name,
  fields,
  schema,
  labels: given,
  fixed,
  defaults,
  lastActedOn,
  caseId = 0,
  submitLabel = '保存',
  send,
  onCancel,
}: FieldsFormProps) {
  const labels = {
    ...given,
    ...Object.fromEntries(allFields(fields).flatMap((f) => (f.label ? [[f.path, f.label]] : []))),
  };
  const payload = (values: Values) => payloadOf(fields, values, JSON.parse(JSON.stringify(fixed)) as Values);
  const checked = useCheckedForm<Values>({
    formName: name,
    labels,
    initial: initialOf(fields, defaults),
    issuesOf: (values) => {
      const sent = payload(values);
      const issues = new Map<string, string>();
      for (const [path, text] of schemaIssues(schema, sent, labels))
        if (!issues.has(fieldOf(path))) issues.set(fieldOf(path), text);
      const on = sent.actedOn as string;
      if (lastActedOn !== undefined && on && !issues.has('actedOn')) {
        const problem = actionDateProblem(on, lastActedOn, localDate());
        if (problem) issues.set('actedOn', `${labels.actedOn}：${problem}`);
      }
      return issues;
    },
  });
  const [values, setValues] = useState<Values>(checked.initial);
  const context: FieldContext = {
    caseId,
    values,
    set: (changed) => {
      checked.form.setFieldsValue(changed);
      checked.onValuesChange(changed);
      setValues(checked.values());
    },
  };
  const frame = {
    ...checked,
    onValuesChange: (changed: Partial<Values>) => {
      checked.onValuesChange(changed);
      setValues(checked.values());
    },
  };
  const submission = useSubmit(checked, (v) => send(payload(v)), { rename: fieldOf });
  return (
    <CheckedFormFrame checked={frame}>
      <Fields fields={fields} context={context} />
      <SubmitRow submission={submission} label={submitLabel} onCancel={onCancel} />
    </CheckedFormFrame>
  );
}
