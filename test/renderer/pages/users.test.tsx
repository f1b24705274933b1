import { screen, waitFor, within } from '@testing-library/react';
import type { SessionUser, UserSummary } from '../../../shared/accounts';
import { field, messageOf, Refusal, renderApp, USERS } from '../support';

jest.setTimeout(30_000);

const summary = (u: SessionUser, extra: Partial<UserSummary> = {}): UserSummary => ({
  ...u,
  active: true,
  lockedUntil: null,
  createdAt: '2026-11-01T01:00:00.000Z',
  ...extra,
});
const LIST: UserSummary[] = [
  summary(USERS.admin),
  summary(USERS.director),
  summary(USERS.clerk, { lockedUntil: '2099-11-22T02:15:00.000Z' }),
  summary(USERS.readonly, { active: false }),
];
const rowOf = (name: string) => screen.getByRole('cell', { name }).closest('tr')!;

describe('用户管理', () => {
  it('lists the accounts with their role and state in Chinese', async () => {
    await renderApp('#/users', { 'users.list': () => LIST });
    expect(await screen.findByRole('cell', { name: '李娟' })).toBeInTheDocument();
    const cells = within(rowOf('李娟'))
      .getAllByRole('cell')
      .map((c) => c.textContent);
    expect(cells.slice(0, 4)).toEqual(['lijuan', '李娟', '办事员', expect.stringMatching(/^已锁定至\d\d:\d\d$/)]);
    expect(within(rowOf('赵敏')).getByText('已停用')).toBeInTheDocument();
    expect(within(rowOf('张伟')).getByText('正常')).toBeInTheDocument();
  });

  it('adds an account with its initial password, checked by the same rules as the main process', async () => {
    const created = summary({
      id: 5,
      username: 'chenfang',
      displayName: '陈芳',
      role: 'clerk',
      mustChangePassword: true,
    });
    let list = LIST;
    const { user, backend } = await renderApp('#/users', {
      'users.list': () => list,
      'users.create': () => {
        list = [...LIST, created];
        return created;
      },
    });
    await user.click(await screen.findByRole('button', { name: '添加用户' }));
    await user.type(field('用户名'), 'chen fang');
    await user.type(field('姓名'), '陈芳');
    await user.type(field('初始密码'), 'password');
    await user.click(screen.getByRole('button', { name: '保存' }));
    expect(messageOf(field('用户名'))).toBe('用户名：只能包含汉字、字母、数字和 _ . -');
    expect(messageOf(field('初始密码'))).toBe('初始密码：须同时包含字母和数字');
    expect(backend.inputs('users.create')).toHaveLength(0);

    await user.clear(field('用户名'));
    await user.type(field('用户名'), 'chenfang');
    await user.clear(field('初始密码'));
    await user.type(field('初始密码'), 'Initial123');
    await user.click(screen.getByRole('button', { name: '保存' }));
    await waitFor(() =>
      expect(backend.inputs('users.create')).toEqual([
        { username: 'chenfang', displayName: '陈芳', role: 'clerk', password: 'Initial123' },
      ]),
    );
    expect(await screen.findByRole('cell', { name: '陈芳' })).toBeInTheDocument();
    expect(within(rowOf('陈芳')).getByText('待修改初始密码')).toBeInTheDocument();
  });

  it('shows a taken user name under the field', async () => {
    const { user } = await renderApp('#/users', {
      'users.list': () => LIST,
      'users.create': () => new Refusal({ code: 'CONFLICT', field: 'username', message: '用户名：已存在' }),
    });
    await user.click(await screen.findByRole('button', { name: '添加用户' }));
    await user.type(field('用户名'), 'lijuan');
    await user.type(field('姓名'), '李娟');
    await user.type(field('初始密码'), 'Initial123');
    await user.click(screen.getByRole('button', { name: '保存' }));
    await waitFor(() => expect(messageOf(field('用户名'))).toBe('用户名：已存在'));
  });

  it('edits a name, role and whether the account is active, and resets a password', async () => {
    const { user, backend } = await renderApp('#/users', {
      'users.list': () => LIST,
      'users.update': (input) => ({ ...LIST[2]!, ...input }),
      'users.resetPassword': () => ({ ...LIST[2]!, mustChangePassword: true }),
    });
    await user.click(await screen.findByRole('button', { name: '编辑“李娟”' }));
    await user.clear(field('姓名'));
    await user.type(field('姓名'), '李娟娟');
    await user.click(field('角色'));
    await user.click(await screen.findByTitle('所长'));
    await user.click(screen.getByRole('checkbox', { name: '启用此账户' }));
    await user.click(screen.getByRole('button', { name: '保存' }));
    await waitFor(() =>
      expect(backend.inputs('users.update')).toEqual([
        { userId: 3, displayName: '李娟娟', role: 'director', active: false },
      ]),
    );
    expect(await screen.findByText('已保存 李娟娟 的账户')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: '重置“李娟”的密码' }));
    await user.type(field('新密码'), 'Reset2026');
    await user.click(screen.getByRole('button', { name: '重置密码' }));
    await waitFor(() =>
      expect(backend.inputs('users.resetPassword')).toEqual([{ userId: 3, newPassword: 'Reset2026' }]),
    );
    expect(await screen.findByText('已重置 李娟 的密码，下次登录须修改密码')).toBeInTheDocument();
  });

  it('shows a director the list, with password resets for clerks and read-only users only, and no adding or editing', async () => {
    await renderApp('#/users', { 'users.list': () => LIST }, { as: USERS.director });
    await screen.findByRole('cell', { name: '李娟' });
    expect(screen.queryByRole('button', { name: '添加用户' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /^编辑/ })).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: '重置“李娟”的密码' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: '重置“赵敏”的密码' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: '重置“王所长”的密码' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: '重置“张伟”的密码' })).not.toBeInTheDocument();
  });
});
