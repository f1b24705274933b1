// 司法所设置: who this office is. Asked for on first run; corrected later from the settings page.
import { Alert, Button, Form, Input, Space, Typography } from 'antd';
import { useState } from 'react';
import { formatCaseNumber } from '../../shared/caseNumber';
import { localDate } from '../../shared/dates';
import { OFFICE_LABELS, officeSetupSchema, suggestCaseNumberPrefix, type Office, type OfficeSetup } from '../../shared/office';
import { fieldIssues } from '../../shared/validation';
import { errorMessage, useApi } from '../app/apiContext';
import { enterMovesFocus } from '../forms/enterMovesFocus';
import { FieldMessagesContext, FormField } from '../forms/FormField';
import { useFieldMessages } from '../forms/useFieldMessages';

const FORM_NAME = 'office';
const BLANK: OfficeSetup = { name: '', divisionCode: '', officeNumber: '', bureauName: '', caseNumberPrefix: '' };

function officeIssues(values: OfficeSetup): Map<string, string> {
  const parsed = officeSetupSchema.safeParse(values);
  return parsed.success ? new Map() : new Map(fieldIssues(parsed.error, OFFICE_LABELS).map((i) => [i.field, i.message]));
}

interface Props {
  office: Office | null;
  onSaved(office: Office): void;
}

export function OfficeSetupForm({ office, onSaved }: Props) {
  const api = useApi();
  const [form] = Form.useForm<OfficeSetup>();
  const initial: OfficeSetup = office
    ? { name: office.name, divisionCode: office.divisionCode, officeNumber: office.officeNumber, bureauName: office.bureauName, caseNumberPrefix: office.caseNumberPrefix }
    : BLANK;
  const messages = useFieldMessages({ formName: FORM_NAME, initialIssues: () => officeIssues(initial) });
  const [refusal, setRefusal] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  // The suggested 案号代字 follows the name until the clerk types one of their own.
  const [prefixTyped, setPrefixTyped] = useState(office !== null);
  const prefix = Form.useWatch('caseNumberPrefix', form) ?? initial.caseNumberPrefix;

  const values = () => ({ ...BLANK, ...form.getFieldsValue(true) }) as OfficeSetup;

  const onValuesChange = (changed: Partial<OfficeSetup>) => {
    if (changed.caseNumberPrefix !== undefined) setPrefixTyped(changed.caseNumberPrefix !== '');
    if (changed.name !== undefined && (!prefixTyped || !form.getFieldValue('caseNumberPrefix'))) {
      form.setFieldValue('caseNumberPrefix', changed.name.trim() ? suggestCaseNumberPrefix(changed.name.trim()) : '');
    }
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

  const example = /^[\p{Script=Han}A-Za-z0-9]{1,10}$/u.test(prefix.trim())
    ? formatCaseNumber(prefix.trim(), 'legal_aid', Number(localDate().slice(0, 4)), 1)
    : null;
  return (
    <FieldMessagesContext.Provider value={{ formName: FORM_NAME, labels: OFFICE_LABELS, store: messages.store }}>
      <div ref={messages.holder} onKeyDownCapture={enterMovesFocus} onBlurCapture={messages.onBlurCapture}>
        <Form<OfficeSetup> form={form} name={FORM_NAME} layout="vertical" initialValues={initial} onValuesChange={onValuesChange} style={{ maxWidth: 560 }}>
          <FormField path="name" required>
            <Input autoFocus maxLength={50} autoComplete="off" placeholder="如 黎托街道司法所" />
          </FormField>
          <FormField path="divisionCode" required extra="6位数字，见县（市、区）司法局通知，如 430111">
            <Input maxLength={6} autoComplete="off" inputMode="numeric" />
          </FormField>
          <FormField path="officeNumber" required extra="2至3位数字，由县司法局编排">
            <Input maxLength={3} autoComplete="off" inputMode="numeric" />
          </FormField>
          <FormField path="bureauName" required>
            <Input maxLength={50} autoComplete="off" placeholder="如 长沙市雨花区司法局" />
          </FormField>
          <FormField path="caseNumberPrefix" required extra={example ? `案号示例：${example}` : '用于案号，如“黎托”'}>
            <Input maxLength={10} autoComplete="off" />
          </FormField>
          {refusal && <Alert className="page-alert" type="error" showIcon title={refusal} />}
          <Space>
            <Button type="primary" htmlType="button" loading={saving} onClick={() => void save()}>
              保存
            </Button>
            {office && <Typography.Text type="secondary">修改后，新登记的案件使用新的案号代字；已有案号不变。</Typography.Text>}
          </Space>
        </Form>
      </div>
    </FieldMessagesContext.Provider>
  );
}
