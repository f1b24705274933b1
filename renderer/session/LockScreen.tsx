// The lock screen: over the open pages, which keep their state underneath, until the same user types their
// password again. The pages are hidden meanwhile: a locked window shows no case data.
import { Alert, Button, Input, Space, Typography } from 'antd';
import { ACCOUNT_LABELS } from '../../shared/accountLabels';
import type { SessionUser } from '../../shared/accounts';
import { systemChannels } from '../../shared/channels/system';
import { ROLE_LABELS } from '../../shared/roles';
import { ApiError } from '../api';
import { useApi } from '../app/apiContext';
import { CheckedFormFrame, schemaIssues, useCheckedForm, useSubmit } from '../forms/checkedForm';
import { FormField } from '../forms/FormField';

interface Props {
  user: SessionUser;
  onUnlocked(): void;
  /** The session is gone (the main process restarted, the account was reset): sign in again. */
  onSessionLost(): void;
  onSignOut(): void;
}

export function LockScreen({ user, onUnlocked, onSessionLost, onSignOut }: Props) {
  const api = useApi();
  const checked = useCheckedForm<{ password: string }>({
    formName: 'unlock',
    labels: ACCOUNT_LABELS,
    initial: { password: '' },
    issuesOf: (values) => schemaIssues(systemChannels['auth.unlock'].input, values, ACCOUNT_LABELS),
  });
  const {
    busy,
    refusal,
    submit: unlock,
  } = useSubmit(
    checked,
    async (values) => {
      await api.call('auth.unlock', values);
      onUnlocked();
    },
    {
      onRefused: (error) => {
        if (error instanceof ApiError && error.data.code === 'UNAUTHENTICATED') {
          onSessionLost();
          return true;
        }
        checked.form.setFieldValue('password', '');
      },
    },
  );

  return (
    <div className="session-page lock-screen" role="dialog" aria-modal="true" aria-labelledby="lock-title">
      <Typography.Title level={2} id="lock-title">
        已锁定
      </Typography.Title>
      <Typography.Paragraph>
        {user.displayName}（{ROLE_LABELS[user.role]}）：为保护案件信息，窗口已锁定。请输入密码解锁，未完成的操作会保留。
      </Typography.Paragraph>
      <CheckedFormFrame checked={checked} onEnter={() => void unlock()} style={{ maxWidth: 360 }}>
        <FormField path="password" required>
          <Input.Password autoFocus maxLength={128} autoComplete="current-password" />
        </FormField>
        {refusal && <Alert className="page-alert" type="error" showIcon title={refusal} role="alert" />}
        <Space>
          <Button type="primary" htmlType="button" size="large" loading={busy} onClick={() => void unlock()}>
            解锁
          </Button>
          <Button type="link" htmlType="button" onClick={onSignOut}>
            退出登录
          </Button>
        </Space>
      </CheckedFormFrame>
    </div>
  );
}
