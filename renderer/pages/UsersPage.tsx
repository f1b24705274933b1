// 用户管理: the office's accounts. Administrators add accounts (with an initial password the user must change),
// change a name, role or whether the account is active, and reset passwords; directors see the list and reset
// the passwords of clerks and read-only users.
import { Alert, App as AntApp, Button, Card, Checkbox, Input, Select, Space, Table, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { ACCOUNT_LABELS } from '../../shared/accountLabels';
import { newUserSchema, PASSWORD_RULE, type UserSummary } from '../../shared/accounts';
import { contract } from '../../shared/contract';
import { ROLE_LABELS, ROLES, type Role } from '../../shared/roles';
import { errorMessage, useApi } from '../app/apiContext';
import { useCurrentUser, userMay } from '../app/currentUser';
import { formatMoment } from '../app/format';
import { CheckedFormFrame, schemaIssues, useCheckedForm, SubmitRow, useSubmit } from '../forms/checkedForm';
import { FormField } from '../forms/FormField';

const ROLE_OPTIONS = ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] }));

type Panel = { mode: 'add' } | { mode: 'edit'; user: UserSummary } | { mode: 'reset'; user: UserSummary } | null;

function stateOf(u: UserSummary, now = new Date()): { text: string; color?: string } {
  if (!u.active) return { text: '已停用', color: 'default' };
  if (u.lockedUntil && new Date(u.lockedUntil) > now)
    return { text: `已锁定至${formatMoment(u.lockedUntil).slice(-5)}`, color: 'red' };
  if (u.mustChangePassword) return { text: '待修改初始密码', color: 'orange' };
  return { text: '正常', color: 'green' };
}

/** A director resets only clerks' and read-only users' passwords (the main process says so too). */
function mayReset(actor: Role, target: Role): boolean {
  return actor === 'admin' || (actor === 'director' && (target === 'clerk' || target === 'readonly'));
}

export function UsersPage() {
  const api = useApi();
  const me = useCurrentUser();
  const { message } = AntApp.useApp();
  const [users, setUsers] = useState<UserSummary[] | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [panel, setPanel] = useState<Panel>(null);
  const manage = userMay(me, 'users.update');

  const load = useCallback(() => {
    api.call('users.list', {}).then(
      (list) => {
        setUsers(list);
        setFailure(null);
      },
      (error: unknown) => setFailure(errorMessage(error)),
    );
  }, [api]);
  useEffect(load, [load]);

  const done = (text: string) => {
    message.success(text);
    setPanel(null);
    load();
  };

  return (
    <div className="page users-page">
      <Space align="baseline" style={{ width: '100%', justifyContent: 'space-between' }}>
        <Typography.Title level={3}>用户管理</Typography.Title>
        {userMay(me, 'users.create') && (
          <Button type="primary" onClick={() => setPanel({ mode: 'add' })} disabled={panel?.mode === 'add'}>
            添加用户
          </Button>
        )}
      </Space>
      <Typography.Paragraph type="secondary">
        新添加或被重置密码的用户，登录后须先修改密码。连续5次输错密码，账户锁定15分钟；管理员或所长重置密码即可解除。
      </Typography.Paragraph>
      {failure && <Alert className="page-alert" type="error" showIcon title={failure} />}
      {panel?.mode === 'add' && (
        <AddUserCard
          onDone={(u) => done(`已添加用户 ${u.displayName}（${u.username}）`)}
          onCancel={() => setPanel(null)}
        />
      )}
      {panel?.mode === 'edit' && (
        <EditUserCard
          key={panel.user.id}
          user={panel.user}
          onDone={(u) => done(`已保存 ${u.displayName} 的账户`)}
          onCancel={() => setPanel(null)}
        />
      )}
      {panel?.mode === 'reset' && (
        <ResetPasswordCard
          key={panel.user.id}
          user={panel.user}
          onDone={(u) => done(`已重置 ${u.displayName} 的密码，下次登录须修改密码`)}
          onCancel={() => setPanel(null)}
        />
      )}
      <Table<UserSummary>
        rowKey="id"
        loading={users === null && !failure}
        dataSource={users ?? []}
        pagination={false}
        columns={[
          { title: '用户名', dataIndex: 'username', key: 'username' },
          { title: '姓名', dataIndex: 'displayName', key: 'displayName' },
          { title: '角色', dataIndex: 'role', key: 'role', render: (role: Role) => ROLE_LABELS[role] },
          {
            title: '状态',
            key: 'state',
            render: (_: unknown, u) => {
              const state = stateOf(u);
              return <Tag color={state.color}>{state.text}</Tag>;
            },
          },
          { title: '添加时间', dataIndex: 'createdAt', key: 'createdAt', render: (at: string) => formatMoment(at) },
          {
            title: '操作',
            key: 'actions',
            render: (_: unknown, u) => (
              <Space>
                {manage && (
                  <Button
                    type="link"
                    onClick={() => setPanel({ mode: 'edit', user: u })}
                    aria-label={`编辑“${u.displayName}”`}
                  >
                    编辑
                  </Button>
                )}
                {mayReset(me.role, u.role) && (
                  <Button
                    type="link"
                    onClick={() => setPanel({ mode: 'reset', user: u })}
                    aria-label={`重置“${u.displayName}”的密码`}
                  >
                    重置密码
                  </Button>
                )}
              </Space>
            ),
          },
        ]}
      />
    </div>
  );
}

interface NewUserValues {
  username: string;
  displayName: string;
  role: Role | undefined;
  password: string;
}
const NEW_USER_LABELS = { ...ACCOUNT_LABELS, password: '初始密码' };

function AddUserCard({ onDone, onCancel }: { onDone(user: UserSummary): void; onCancel(): void }) {
  const api = useApi();
  const checked = useCheckedForm<NewUserValues>({
    formName: 'newUser',
    labels: NEW_USER_LABELS,
    initial: { username: '', displayName: '', role: 'clerk', password: '' },
    issuesOf: (values) => schemaIssues(newUserSchema, values, NEW_USER_LABELS),
  });
  const submission = useSubmit(checked, async ({ role, ...values }) => {
    if (role) onDone(await api.call('users.create', { ...values, role }));
  });

  return (
    <Card title="添加用户" className="detail-section" style={{ maxWidth: 560 }}>
      <CheckedFormFrame checked={checked}>
        <FormField path="username" required extra="登录时使用">
          <Input autoFocus maxLength={32} autoComplete="off" />
        </FormField>
        <FormField path="displayName" required>
          <Input maxLength={50} autoComplete="off" />
        </FormField>
        <FormField path="role" required>
          <Select options={ROLE_OPTIONS} />
        </FormField>
        <FormField path="password" required extra={`${PASSWORD_RULE}；告知本人，首次登录后须修改`}>
          <Input.Password maxLength={128} autoComplete="new-password" />
        </FormField>
        <SubmitRow submission={submission} onCancel={onCancel} />
      </CheckedFormFrame>
    </Card>
  );
}

interface EditValues {
  displayName: string;
  role: Role;
  active: boolean;
}

function EditUserCard({
  user,
  onDone,
  onCancel,
}: {
  user: UserSummary;
  onDone(user: UserSummary): void;
  onCancel(): void;
}) {
  const api = useApi();
  const checked = useCheckedForm<EditValues>({
    formName: 'editUser',
    labels: ACCOUNT_LABELS,
    initial: { displayName: user.displayName, role: user.role, active: user.active },
    issuesOf: (values) => schemaIssues(contract['users.update'].input, { ...values, userId: user.id }, ACCOUNT_LABELS),
  });
  const submission = useSubmit(checked, async (values) => {
    onDone(await api.call('users.update', { userId: user.id, ...values }));
  });

  return (
    <Card title={`编辑用户：${user.username}`} className="detail-section" style={{ maxWidth: 560 }}>
      <CheckedFormFrame checked={checked}>
        <FormField path="displayName" required>
          <Input autoFocus maxLength={50} autoComplete="off" />
        </FormField>
        <FormField path="role" required>
          <Select options={ROLE_OPTIONS} />
        </FormField>
        <FormField path="active" valuePropName="checked" label="" extra="停用后不能登录；其记录和审计日志保留">
          <Checkbox>启用此账户</Checkbox>
        </FormField>
        <SubmitRow submission={submission} onCancel={onCancel} />
      </CheckedFormFrame>
    </Card>
  );
}

function ResetPasswordCard({
  user,
  onDone,
  onCancel,
}: {
  user: UserSummary;
  onDone(user: UserSummary): void;
  onCancel(): void;
}) {
  const api = useApi();
  const checked = useCheckedForm<{ newPassword: string }>({
    formName: 'resetPassword',
    labels: ACCOUNT_LABELS,
    initial: { newPassword: '' },
    issuesOf: (values) =>
      schemaIssues(contract['users.resetPassword'].input, { ...values, userId: user.id }, ACCOUNT_LABELS),
  });
  const submission = useSubmit(checked, async (values) => {
    onDone(await api.call('users.resetPassword', { userId: user.id, newPassword: values.newPassword }));
  });

  return (
    <Card
      title={`重置密码：${user.displayName}（${user.username}）`}
      className="detail-section"
      style={{ maxWidth: 560 }}
    >
      <CheckedFormFrame checked={checked}>
        <FormField path="newPassword" required extra={`${PASSWORD_RULE}；${user.displayName}下次登录须修改`}>
          <Input.Password autoFocus maxLength={128} autoComplete="new-password" />
        </FormField>
        <SubmitRow submission={submission} label="重置密码" onCancel={onCancel} />
      </CheckedFormFrame>
    </Card>
  );
}
