// One legal-aid action, in a dialog of its own: its fields (actionForms.ts), checked as the clerk types against
// the channel's schema and the case's previous date, sent through useSubmit so that a refusal from the main
// process shows under the field it names (or above the button when it names none, like an action out of order).
import { Alert, Checkbox, DatePicker, Input, Modal, Radio, Select, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import type { RosterCandidate } from '../../shared/contract';
import { localDate } from '../../shared/dates';
import { LEGAL_AID_ACTION_LABELS, type LegalAidAction } from '../../shared/kinds/legalAid/lifecycle';
import { actionDateProblem } from '../../shared/lifecycle';
import { useApi } from '../app/apiContext';
import { CheckedFormFrame, schemaIssues, SubmitRow, useCheckedForm, useSubmit } from '../forms/checkedForm';
import { FormField } from '../forms/FormField';
import { ACTION_FORMS, actionPayload, visibleFields, type ActionValues, type FieldSpec } from './actionForms';
import { RosterSuggestions } from './RosterSuggestions';

const DATE_FORMATS = ['YYYY-MM-DD', 'YYYYMMDD', 'YYYY/MM/DD', 'YYYY.MM.DD'];
const ROSTER_FIELDS = ['orgType', 'orgName', 'personName'] as const;

/** A message about one item of a list (items.2) belongs under the list's own field. */
const fieldOf = (path: string) => path.replace(/\.\d+(\..*)?$/, '');

/** The control of one field; Form.Item hands it the id, value and onChange, which it passes on. */
function Control({ field, formName, ...bound }: { field: FieldSpec; formName: string } & Record<string, unknown>) {
  switch (field.control) {
    case 'date':
      return <DatePicker {...bound} format={DATE_FORMATS} placeholder={field.placeholder ?? localDate()} style={{ width: '100%' }} />;
    case 'text':
      return <Input {...bound} maxLength={field.max} autoComplete="off" placeholder={field.placeholder} />;
    case 'textarea':
      return <Input.TextArea {...bound} rows={3} maxLength={field.max} placeholder={field.placeholder} />;
    case 'lines':
      return <Input.TextArea {...bound} rows={4} placeholder={field.placeholder} />;
    case 'select':
      return (
        <Select
          {...bound}
          options={field.options.map((o) => ({ value: o, label: field.optionLabels?.[o] ?? o }))}
          showSearch={{ optionFilterProp: 'label' }}
          placeholder="请选择"
        />
      );
    case 'radio':
      return <Radio.Group {...bound} name={`${formName}-${field.path}`} options={field.options.map((o) => ({ value: o, label: o }))} />;
    case 'checkboxes':
      return <Checkbox.Group {...bound} options={field.options.map((o) => ({ value: o, label: o }))} />;
    case 'money':
      return <Input {...bound} suffix="元" inputMode="decimal" autoComplete="off" placeholder="如 800 或 800.50" />;
  }
}

interface Props {
  caseId: number;
  action: LegalAidAction;
  /** The date of the case's latest step: no action may be dated before it. */
  lastActedOn: string;
  /** Values to start from besides the form's own (the 事项类型 the verdict found). */
  defaults?: ActionValues;
  onDone(): void;
  onCancel(): void;
}

export function ActionModal({ action, ...props }: Props) {
  return (
    <Modal open title={LEGAL_AID_ACTION_LABELS[action]} footer={null} onCancel={props.onCancel} destroyOnHidden width={640} mask={{ closable: false }}>
      <ActionFormBody action={action} {...props} />
    </Modal>
  );
}

function ActionFormBody({ caseId, action, lastActedOn, defaults, onDone, onCancel }: Props) {
  const api = useApi();
  const spec = ACTION_FORMS[action];
  const formName = `legalAid-${action}`;
  const [picked, setPicked] = useState<RosterCandidate | null>(null);

  const checked = useCheckedForm<ActionValues>({
    formName,
    labels: spec.labels,
    initial: { actedOn: dayjs(), ...spec.initial, ...defaults },
    issuesOf: (values) => {
      const payload = actionPayload(spec, caseId, values);
      const issues = new Map<string, string>();
      for (const [path, message] of schemaIssues(spec.schema, payload, spec.labels)) if (!issues.has(fieldOf(path))) issues.set(fieldOf(path), message);
      const on = payload.actedOn as string;
      if (on && !issues.has('actedOn')) {
        const problem = actionDateProblem(on, lastActedOn, localDate());
        if (problem) issues.set('actedOn', `${spec.labels.actedOn}：${problem}`);
      }
      return issues;
    },
  });
  const [values, setValues] = useState<ActionValues>(checked.initial);

  const frame = {
    ...checked,
    onValuesChange: (changed: Partial<ActionValues>) => {
      // An assignment keeps its roster entry only while what was taken from the roster is unchanged.
      if (picked && ROSTER_FIELDS.some((k) => k in changed) && ROSTER_FIELDS.some((k) => checked.values()[k] !== picked[k])) {
        checked.form.setFieldValue('rosterId', null);
        setPicked(null);
      }
      checked.onValuesChange(changed);
      setValues(checked.values());
    },
  };

  const pick = (entry: RosterCandidate) => {
    const chosen = { orgType: entry.orgType, orgName: entry.orgName, personName: entry.personName, rosterId: entry.id };
    checked.form.setFieldsValue(chosen);
    setPicked(entry);
    checked.onValuesChange(chosen);
    setValues(checked.values());
  };

  const submission = useSubmit(
    checked,
    async (v) => {
      await api.call(`legalAid.${action}`, actionPayload(spec, caseId, v) as never);
      onDone();
    },
    { rename: fieldOf },
  );

  return (
    <>
      {spec.hint && <Typography.Paragraph type="secondary">{spec.hint}</Typography.Paragraph>}
      {action === 'assign' && <RosterSuggestions caseId={caseId} picked={picked} onPick={pick} />}
      <CheckedFormFrame checked={frame} className="action-form">
        {visibleFields(spec, values).map((field) => (
          <FormField key={field.path} path={field.path} required={field.required} group={field.control === 'radio' || field.control === 'checkboxes'}>
            <Control field={field} formName={formName} />
          </FormField>
        ))}
        {action === 'assign' && picked && (
          <Alert className="page-alert" type="info" showIcon title={`取自名册：${picked.orgName} ${picked.personName}`} />
        )}
        <SubmitRow submission={submission} label="确定" onCancel={onCancel} />
      </CheckedFormFrame>
    </>
  );
}
