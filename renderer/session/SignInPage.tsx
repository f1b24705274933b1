// 登录: who is at the desk. Several clerks share one PC; each signs in with their own account.
import { Alert, Button, Input, Typography } from 'antd';
import { ACCOUNT_LABELS, type SessionUser } from '../../shared/accounts';
import { systemChannels } from '../../shared/channels/system';
import type { Office } from '../../shared/office';
import { useApi } from '../app/apiContext';
import { CheckedFormFrame, schemaIssues, useCheckedForm, useSubmit } from '../forms/checkedForm';
import { FormField } from '../forms/FormField';

interface SignInValues {
  username: string;
  password: string;
}

interface Props {
  office: Office | null;
  /** The user whose pages are still open under this screen (their session ended): they continue where they were. */
  resuming: SessionUser | null;
  /** With the user the main process signed in (its answer: the session gate needs no second call to know it). */
  onSignedIn(user: SessionUser): void;
}

export function SignInPage({ office, resuming, onSignedIn }: Props) {
  const api = useApi();
  const checked = useCheckedForm<SignInValues>({
    formName: 'signIn',
    labels: ACCOUNT_LABELS,
    initial: { username: resuming?.username ?? '', password: '' },
    issuesOf: (values) => schemaIssues(systemChannels['auth.signIn'].input, values, ACCOUNT_LABELS),
  });
  const {
    busy,
    refusal,
    submit: signIn,
  } = useSubmit(
    checked,
    async (values) => {
      onSignedIn(await api.call('auth.signIn', values));
    },
    {
      // A wrong password or a locked account: said above the button, and the password is typed again.
      onRefused: () => void checked.form.setFieldValue('password', ''),
    },
  );

  return (
    <div className="session-page sign-in">
      <Typography.Title level={2}>登录</Typography.Title>
      <Typography.Paragraph type="secondary">司法所案件台账{office ? ` · ${office.name}` : ''}</Typography.Paragraph>
      {resuming && (
        <Alert
          className="page-alert"
          type="warning"
          showIcon
          title="登录已失效，请重新登录"
          description={`${resuming.displayName}重新登录后，可继续刚才的操作；填写中的申请已自动保存为草稿。`}
        />
      )}
      <CheckedFormFrame checked={checked} onEnter={() => void signIn()} style={{ maxWidth: 360 }}>
        <FormField path="username" required>
          <Input autoFocus={!resuming} maxLength={32} autoComplete="username" />
        </FormField>
        <FormField path="password" required>
          <Input.Password autoFocus={!!resuming} maxLength={128} autoComplete="current-password" />
        </FormField>
        {refusal && <Alert className="page-alert" type="error" showIcon title={refusal} role="alert" />}
        <Button type="primary" htmlType="button" size="large" block loading={busy} onClick={() => void signIn()}>
          登录
        </Button>
      </CheckedFormFrame>
      <Typography.Paragraph type="secondary" style={{ marginTop: 24 }}>
        忘记密码请联系管理员或所长重置。
      </Typography.Paragraph>
    </div>
  );
}
