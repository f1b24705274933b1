// 修改密码: asked for before anything else when an account is new or its password was reset, and open to
// everyone from the user menu.
import { Alert, Button, Input, Space, Typography } from 'antd';
import { ACCOUNT_LABELS } from '../../shared/accountLabels';
import { PASSWORD_RULE, type SessionUser } from '../../shared/accounts';
import { systemChannels } from '../../shared/channels/system';
import { useApi } from '../app/apiContext';
import { CheckedFormFrame, confirmIssue, schemaIssues, useCheckedForm, useSubmit } from '../forms/checkedForm';
import { FormField } from '../forms/FormField';

interface PasswordValues {
  currentPassword: string;
  newPassword: string;
  confirmPassword: string;
}

const LABELS = { ...ACCOUNT_LABELS, currentPassword: '当前密码', confirmPassword: '确认新密码' };

function passwordIssues({ confirmPassword, ...values }: PasswordValues): Map<string, string> {
  const issues = schemaIssues(systemChannels['auth.changePassword'].input, values, LABELS);
  if (!values.currentPassword) issues.set('currentPassword', `${LABELS.currentPassword}：不能为空`);
  return confirmIssue(issues, 'confirmPassword', LABELS.confirmPassword, confirmPassword, values.newPassword);
}

export function ChangePasswordForm({ onChanged }: { onChanged(user: SessionUser): void }) {
  const api = useApi();
  const checked = useCheckedForm<PasswordValues>({
    formName: 'password',
    labels: LABELS,
    initial: { currentPassword: '', newPassword: '', confirmPassword: '' },
    issuesOf: passwordIssues,
  });
  const {
    busy,
    refusal,
    submit: save,
  } = useSubmit(
    checked,
    async (values) => {
      onChanged(
        await api.call('auth.changePassword', {
          currentPassword: values.currentPassword,
          newPassword: values.newPassword,
        }),
      );
    },
    {
      // A wrong current password comes back as the sign-in's "密码" field: it is the current one here.
      rename: (path) => (path === 'password' ? 'currentPassword' : path),
    },
  );

  return (
    <CheckedFormFrame checked={checked} style={{ maxWidth: 360 }}>
      <FormField path="currentPassword" required>
        <Input.Password autoFocus maxLength={128} autoComplete="current-password" />
      </FormField>
      <FormField path="newPassword" required extra={PASSWORD_RULE}>
        <Input.Password maxLength={128} autoComplete="new-password" />
      </FormField>
      <FormField path="confirmPassword" required>
        <Input.Password maxLength={128} autoComplete="new-password" />
      </FormField>
      {refusal && <Alert className="page-alert" type="error" showIcon title={refusal} role="alert" />}
      <Button type="primary" htmlType="button" loading={busy} onClick={() => void save()}>
        修改密码
      </Button>
    </CheckedFormFrame>
  );
}

/** Before anything else: the initial (or reset) password is the administrator's, not the user's. */
export function ForcedPasswordChangePage({
  user,
  onChanged,
  onSignOut,
}: {
  user: SessionUser;
  onChanged(): void;
  onSignOut(): void;
}) {
  return (
    <div className="session-page change-password">
      <Typography.Title level={2}>修改初始密码</Typography.Title>
      <Typography.Paragraph>
        {user.displayName}，您的账户是新建的或密码已被重置。请先设置您自己的密码，再开始使用。
      </Typography.Paragraph>
      <ChangePasswordForm onChanged={onChanged} />
      <Space style={{ marginTop: 16 }}>
        <Button type="link" htmlType="button" onClick={onSignOut} style={{ paddingInline: 0 }}>
          退出登录
        </Button>
      </Space>
    </div>
  );
}
