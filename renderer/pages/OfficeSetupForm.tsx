// 司法所设置: who this office is. Asked for on first run (with the administrator, FirstRunPage); corrected later
// from the settings page by an administrator, and shown to everyone else as it is.
import { Alert, Button, Form, Input, Space, Typography, type FormInstance } from 'antd';
import { useState } from 'react';
import { formatCaseNumber } from '../../shared/cases/caseNumber';
import { localDate } from '../../shared/dates';
import {
  OFFICE_LABELS,
  officeSetupSchema,
  suggestCaseNumberPrefix,
  type Office,
  type OfficeSetup,
} from '../../shared/office';
import { fieldIssues } from '../../shared/validation';
import { errorMessage, useApi } from '../app/apiContext';
import { enterMovesFocus } from '../forms/enterMovesFocus';
import { FieldMessagesContext, FormField } from '../forms/FormField';
import { useFieldMessages } from '../forms/useFieldMessages';

const FORM_NAME = 'office';
const BLANK_OFFICE: OfficeSetup = {
  name: '',
  divisionCode: '',
  officeNumber: '',
  bureauName: '',
  caseNumberPrefix: '',
};

function officeIssues(values: OfficeSetup, prefix = ''): Map<string, string> {
  const parsed = officeSetupSchema.safeParse(values);
  return parsed.success
    ? new Map()
    : new Map(fieldIssues(parsed.error, OFFICE_LABELS).map((i) => [prefix + i.field, i.message]));
}

export function officeSetupOf(office: Office | null): OfficeSetup {
  return office
    ? {
        name: office.name,
        divisionCode: office.divisionCode,
        officeNumber: office.officeNumber,
        bureauName: office.bureauName,
        caseNumberPrefix: office.caseNumberPrefix,
      }
    : BLANK_OFFICE;
}

/**
 * The suggested 案号代字 follows the office's name until the clerk types one of their own. Returns the handler
 * for the office's part of the form's changes.
 */
export function usePrefixSuggestion(form: FormInstance, at: string[], typedAlready: boolean) {
  const [typed, setTyped] = useState(typedAlready);
  return (changed: Partial<OfficeSetup> | undefined) => {
    if (!changed) return;
    if (changed.caseNumberPrefix !== undefined) setTyped(changed.caseNumberPrefix !== '');
    if (changed.name !== undefined && (!typed || !form.getFieldValue([...at, 'caseNumberPrefix']))) {
      form.setFieldValue(
        [...at, 'caseNumberPrefix'],
        changed.name.trim() ? suggestCaseNumberPrefix(changed.name.trim()) : '',
      );
    }
  };
}

/** The office's five fields, at `at` in the form (the first-run form nests them under `office`). */
export function OfficeFields({
  form,
  at = [],
  readOnly = false,
  autoFocus = true,
}: {
  form: FormInstance;
  at?: string[];
  readOnly?: boolean;
  autoFocus?: boolean;
}) {
  const path = (key: keyof OfficeSetup) => [...at, key].join('.');
  const name = (key: keyof OfficeSetup) => [...at, key];
  const prefix = (Form.useWatch([...at, 'caseNumberPrefix'], form) as string | undefined) ?? '';
  const example = /^[\p{Script=Han}A-Za-z0-9]{1,10}$/u.test(prefix.trim())
    ? formatCaseNumber(prefix.trim(), 'legal_aid', Number(localDate().slice(0, 4)), 1)
    : null;
  return (
    <>
      <FormField path={path('name')} name={name('name')} required>
        <Input
          autoFocus={autoFocus && !readOnly}
          readOnly={readOnly}
          maxLength={50}
          autoComplete="off"
          placeholder="如 黎托街道司法所"
        />
      </FormField>
      <FormField
        path={path('divisionCode')}
        name={name('divisionCode')}
        required
        extra="6位数字，见县（市、区）司法局通知，如 430111"
      >
        <Input readOnly={readOnly} maxLength={6} autoComplete="off" inputMode="numeric" />
      </FormField>
      <FormField path={path('officeNumber')} name={name('officeNumber')} required extra="2至3位数字，由县司法局编排">
        <Input readOnly={readOnly} maxLength={3} autoComplete="off" inputMode="numeric" />
      </FormField>
      <FormField path={path('bureauName')} name={name('bureauName')} required>
        <Input readOnly={readOnly} maxLength={50} autoComplete="off" placeholder="如 长沙市雨花区司法局" />
      </FormField>
      <FormField
        path={path('caseNumberPrefix')}
        name={name('caseNumberPrefix')}
        required
        extra={example ? `案号示例：${example}` : '用于案号，如“黎托”'}
      >
        <Input readOnly={readOnly} maxLength={10} autoComplete="off" />
      </FormField>
    </>
  );
}

interface Props {
  office: Office | null;
  onSaved(office: Office): void;
  /** Shown, not edited: only administrators may change the office (office.setup). */
  readOnly?: boolean;
}

export function OfficeSetupForm({ office, onSaved, readOnly = false }: Props) {
  const api = useApi();
  const [form] = Form.useForm<OfficeSetup>();
  const [initial] = useState(() => officeSetupOf(office));
  const messages = useFieldMessages({ formName: FORM_NAME, initialIssues: () => officeIssues(initial) });
  const [refusal, setRefusal] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const suggestPrefix = usePrefixSuggestion(form, [], office !== null);

  const values = () => ({ ...BLANK_OFFICE, ...form.getFieldsValue(true) }) as OfficeSetup;

  const onValuesChange = (changed: Partial<OfficeSetup>) => {
    suggestPrefix(changed);
    messages.changed(changed);
    messages.store.setIssues(officeIssues(values()));
  };

  const save = async () => {
    if (saving) return;
    setRefusal(null);
    const found = officeIssues(values());
    messages.store.setIssues(found);
    if (found.size > 0) {
      messages.showAll();
      return;
    }
    setSaving(true);
    try {
      onSaved(await api.call('office.setup', values()));
    } catch (error) {
      if (!messages.showRefusal(error)) setRefusal(errorMessage(error));
    } finally {
      setSaving(false);
    }
  };

  return (
    <FieldMessagesContext.Provider value={{ formName: FORM_NAME, labels: OFFICE_LABELS, store: messages.store }}>
      <div ref={messages.holder} onKeyDownCapture={enterMovesFocus} onBlurCapture={messages.onBlurCapture}>
        <Form<OfficeSetup>
          form={form}
          name={FORM_NAME}
          layout="vertical"
          initialValues={initial}
          onValuesChange={onValuesChange}
          style={{ maxWidth: 560 }}
        >
          <OfficeFields form={form} readOnly={readOnly} />
          {refusal && <Alert className="page-alert" type="error" showIcon title={refusal} />}
          {readOnly ? (
            <Typography.Text type="secondary">司法所设置只有管理员可以修改。</Typography.Text>
          ) : (
            <Space>
              <Button type="primary" htmlType="button" loading={saving} onClick={() => void save()}>
                保存
              </Button>
              {office && (
                <Typography.Text type="secondary">修改后，新登记的案件使用新的案号代字；已有案号不变。</Typography.Text>
              )}
            </Space>
          )}
        </Form>
      </div>
    </FieldMessagesContext.Provider>
  );
}
