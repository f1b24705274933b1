// 首次设置: the office (prefilled when the CLI already set it up) and its first administrator, in one call
// (auth.setup), which also signs the administrator in; then the recovery key (恢复密钥) of the encrypted data file,
// shown and printable, which the administrator confirms is kept before the app opens.
import { Alert, Button, Input, Radio, Typography } from 'antd';
import { useState } from 'react';
import type { RecoveryKeyInfo } from '../../shared/contract';
import { ACCOUNT_LABELS } from '../../shared/accountLabels';
import { PASSWORD_RULE } from '../../shared/accounts';
import { prefixed } from '../../shared/channel';
import { contract } from '../../shared/contract';
import { OFFICE_LABELS, type Office, type OfficeSetup } from '../../shared/office';
import { useApi } from '../app/apiContext';
import { CheckedFormFrame, confirmIssue, schemaIssues, useCheckedForm } from '../forms/checkedForm';
import { FormField } from '../forms/FormField';
import { OfficeFields, officeSetupOf, usePrefixSuggestion } from '../pages/OfficeSetupForm';
import { RecoveryKeyPanel } from './RecoveryKeyPanel';

interface FirstRunValues {
  office: OfficeSetup;
  admin: { username: string; displayName: string; password: string; confirm: string };
}

const LABELS = {
  ...prefixed('office', OFFICE_LABELS),
  ...prefixed('admin', ACCOUNT_LABELS),
  'admin.confirm': '确认密码',
};
const payload = ({ office, admin: { confirm: _confirm, ...admin } }: FirstRunValues) => ({ office, admin });

function firstRunIssues(values: FirstRunValues): Map<string, string> {
  const issues = schemaIssues(contract['auth.setup'].input, payload(values), LABELS);
  return confirmIssue(issues, 'admin.confirm', LABELS['admin.confirm']!, values.admin.confirm, values.admin.password);
}

export function FirstRunPage({ office, onDone }: { office: Office | null; onDone(): void }) {
  const api = useApi();
  const checked = useCheckedForm<FirstRunValues>({
    formName: 'firstRun',
    labels: LABELS,
    initial: { office: officeSetupOf(office), admin: { username: '', displayName: '', password: '', confirm: '' } },
    issuesOf: firstRunIssues,
  });
  const suggestPrefix = usePrefixSuggestion(checked.form, ['office'], office !== null);
  const [refusal, setRefusal] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  // 县局模式 is chosen here, once: a file keeps its mode after cases or packages are in it.
  const [mode, setMode] = useState<'office' | 'bureau'>('office');
  const [recovery, setRecovery] = useState<RecoveryKeyInfo | null>(null);
  const frame = {
    ...checked,
    onValuesChange(changed: Partial<FirstRunValues>) {
      suggestPrefix(changed.office);
      checked.onValuesChange(changed);
    },
  };

  const save = async () => {
    if (saving) return;
    setRefusal(null);
    const values = checked.check();
    if (!values) return;
    setSaving(true);
    try {
      await api.call('auth.setup', payload(values));
      if (mode === 'bureau') await api.call('exchange.setMode', { mode });
      // Set up: from here a failure must not send the form again. The key is shown again on 设置 → 数据加密.
      try {
        setRecovery(await api.call('dataKey.show', {}));
      } catch {
        onDone();
      }
    } catch (error) {
      setRefusal(checked.refuse(error));
      setSaving(false);
    }
  };

  if (recovery) {
    return (
      <div className="session-page first-run">
        <Typography.Title level={2}>首次设置</Typography.Title>
        <RecoveryKeyPanel info={recovery} onConfirmed={onDone} confirmLabel="已妥善保管，开始使用" />
      </div>
    );
  }

  return (
    <div className="session-page first-run">
      <Typography.Title level={2}>首次设置</Typography.Title>
      <Typography.Paragraph>
        首次使用，请填写本所信息并设置管理员账户。案号将使用这里的案号代字，如〔2026〕黎托援字第0001号。管理员登录后可为其他工作人员添加账户。
      </Typography.Paragraph>
      <CheckedFormFrame checked={frame} style={{ maxWidth: 560 }}>
        <Typography.Title level={4}>使用方式</Typography.Title>
        <Radio.Group
          value={mode}
          onChange={(e) => setMode(e.target.value as 'office' | 'bureau')}
          aria-label="使用方式"
        >
          <Radio value="office">司法所（登记案件，向县司法局报送）</Radio>
          <Radio value="bureau">县司法局（县局模式：导入各司法所的数据包，全县汇总）</Radio>
        </Radio.Group>
        <Typography.Title level={4}>司法所信息</Typography.Title>
        {office && <Alert className="page-alert" type="info" showIcon title="本所信息已设置，请核对后继续。" />}
        <OfficeFields form={checked.form} at={['office']} />
        <Typography.Title level={4}>管理员账户</Typography.Title>
        <FormField path="admin.username" required extra="登录时使用，如 admin 或 姓名拼音">
          <Input maxLength={32} autoComplete="off" />
        </FormField>
        <FormField path="admin.displayName" required>
          <Input maxLength={50} autoComplete="off" />
        </FormField>
        <FormField path="admin.password" required extra={PASSWORD_RULE}>
          <Input.Password maxLength={128} autoComplete="new-password" />
        </FormField>
        <FormField path="admin.confirm" required>
          <Input.Password maxLength={128} autoComplete="new-password" />
        </FormField>
        {refusal && <Alert className="page-alert" type="error" showIcon title={refusal} />}
        <Button type="primary" htmlType="button" size="large" loading={saving} onClick={() => void save()}>
          完成设置
        </Button>
      </CheckedFormFrame>
    </div>
  );
}
