import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEventLib from '@testing-library/user-event';
import { App } from '../../../renderer/App';
import { WindowRoot } from '../../../renderer/WindowRoot';
import { askStatus } from '../../../renderer/session/authStatus';
import {
  fakeBackend,
  fakeSession,
  field,
  messageOf,
  OFFICE,
  Refusal,
  renderApp,
  statusOf,
  USERS,
  type Replies,
} from '../support';

jest.setTimeout(30_000);

/** The app as it opens, against a main process whose sessions are `session`. */
async function open(hash: string, session: ReturnType<typeof fakeSession>, replies: Replies = {}) {
  return renderApp(hash, { ...session.replies, ...replies });
}

const userMenu = async (user: ReturnType<typeof userEventLib.setup>, item: string) => {
  await user.click(screen.getByTestId('current-user'));
  await user.click(await screen.findByRole('menuitem', { name: item }));
};

describe('首次设置', () => {
  it('asks for the office and the first administrator, sends them as auth.setup, and opens the app signed in', async () => {
    const session = fakeSession({ accounts: [], office: null });
    const { backend, user } = await open('#/cases', session);
    expect(await screen.findByRole('heading', { name: '首次设置' })).toBeInTheDocument();
    expect(screen.queryByRole('navigation', { name: '主导航' })).not.toBeInTheDocument();

    await user.type(field('司法所名称'), '黎托街道司法所');
    expect(field('案号代字')).toHaveValue('黎托');
    await user.type(field('县级行政区划代码'), '430111');
    await user.type(field('司法所编号'), '01');
    await user.type(field('县（市、区）司法局名称'), '长沙市雨花区司法局');
    await user.type(field('用户名'), 'admin');
    await user.type(field('姓名'), '王所长');
    await user.type(field('密码'), 'Admin2026');
    await user.type(field('确认密码'), 'Admin2025');
    await user.click(screen.getByRole('button', { name: '完成设置' }));
    expect(messageOf(field('确认密码'))).toBe('确认密码：两次输入的密码不一致');
    expect(backend.inputs('auth.setup')).toHaveLength(0);

    await user.clear(field('确认密码'));
    await user.type(field('确认密码'), 'Admin2026');
    await user.click(screen.getByRole('button', { name: '完成设置' }));
    await waitFor(() => expect(backend.inputs('auth.setup')).toHaveLength(1));
    expect(backend.inputs('auth.setup')[0]).toEqual({
      office: {
        name: '黎托街道司法所',
        divisionCode: '430111',
        officeNumber: '01',
        bureauName: '长沙市雨花区司法局',
        caseNumberPrefix: '黎托',
      },
      admin: { username: 'admin', displayName: '王所长', password: 'Admin2026' },
    });
    // The recovery key of the encrypted data file, with what losing it means; the app opens once it is kept.
    expect(await screen.findByTestId('recovery-key')).toHaveTextContent(
      'AM0E2 9NZFF 85X57 3B37N XM9T9 T9KMJ CSMH3 CX0DF VTQ4W 6HVBH 3Q13G JHKD2 2XH02',
    );
    expect(screen.getByTestId('key-id')).toHaveTextContent('F2FE-9342-59D3');
    expect(
      screen.getByText(/如果本机的密钥和恢复密钥都丢失，任何人（包括技术支持人员）都无法再打开这些数据和备份/),
    ).toBeInTheDocument();
    expect(screen.getByRole('button', { name: '打印恢复密钥' })).toBeInTheDocument();
    const start = screen.getByRole('button', { name: '已妥善保管，开始使用' });
    expect(start).toBeDisabled();
    await user.click(screen.getByRole('checkbox', { name: '我已打印或抄写恢复密钥，并会妥善保管' }));
    await user.click(start);
    expect(await screen.findByTestId('current-user')).toHaveTextContent('王所长管理员');
    expect(screen.getByTestId('office-name')).toHaveTextContent('黎托街道司法所');
    expect(screen.getByRole('heading', { name: '案件列表' })).toBeInTheDocument();
  });

  it('prefills the office the command line already set up, and shows the password rule a weak password breaks', async () => {
    const session = fakeSession({ accounts: [], office: { ...OFFICE, caseNumberPrefix: '黎托街' } });
    const { backend, user } = await open('#/cases', session);
    expect(await screen.findByLabelText('司法所名称')).toHaveValue('黎托街道司法所');
    expect(field('案号代字')).toHaveValue('黎托街');
    await user.type(field('密码'), 'abcdefgh');
    await user.tab();
    expect(messageOf(field('密码'))).toBe('密码：须同时包含字母和数字');
    await user.click(screen.getByRole('button', { name: '完成设置' }));
    expect(messageOf(field('用户名'))).toBe('用户名：不能为空');
    expect(field('用户名')).toHaveFocus(); // the first field with a message: the office is complete
    expect(backend.inputs('auth.setup')).toHaveLength(0);
  });
});

// The window asks auth.status before React is read (renderer/firstCall.ts) and hands the answer to the app.
describe("the window's first answer", () => {
  it('draws the sign-in form in the first render, without asking auth.status again', async () => {
    const backend = fakeBackend(fakeSession().replies);
    const first = await askStatus(backend.api);
    render(<App api={backend.api} first={first} />);
    expect(screen.getByRole('heading', { name: '登录' })).toBeInTheDocument(); // no spinner drawn before it
    expect(screen.queryByText('正在打开')).not.toBeInTheDocument();
    expect(field('用户名')).toBeInTheDocument();
    // The gate's effects ran with the render (act): a second call would have been made by now.
    expect(backend.inputs('auth.status')).toHaveLength(1);
  });

  it('opens the pages of the user still signed in, and asks for the data key when the file needs it', async () => {
    const signedIn = fakeBackend(fakeSession({ signedIn: USERS.admin }).replies);
    const view = render(<App api={signedIn.api} first={await askStatus(signedIn.api)} />);
    expect(await screen.findByTestId('current-user')).toBeInTheDocument();
    expect(signedIn.inputs('auth.status')).toHaveLength(1);
    view.unmount();

    const locked = fakeBackend({
      'auth.status': () => new Refusal({ code: 'DATA_KEY', message: '本机没有数据文件的密钥，请输入恢复密钥' }),
    });
    render(<App api={locked.api} first={await askStatus(locked.api)} />);
    expect(await screen.findByText('本机没有数据文件的密钥，请输入恢复密钥')).toBeInTheDocument();
    expect(locked.inputs('auth.status')).toHaveLength(1);
  });
});

// The window's root (renderer/main.tsx): the sign-in form by itself when nobody is signed in, else the app.
describe("the window's first screen", () => {
  /** Any element antd drew: its components' classes all start with `ant-`. */
  const antdElement = () => document.querySelector('[class^="ant-"], [class*=" ant-"]');

  it('is the sign-in form without antd, checks both fields are filled, and opens the app as the user signed in', async () => {
    const session = fakeSession({ accounts: [{ user: USERS.clerk, password: 'Lijuan2026' }] });
    const backend = fakeBackend(session.replies);
    const user = userEventLib.setup({ delay: null });
    render(<WindowRoot api={backend.api} first={await askStatus(backend.api)} />);
    expect(screen.getByRole('heading', { name: '登录' })).toBeInTheDocument(); // the first render
    expect(screen.getByText(`司法所案件台账 · ${OFFICE.name}`)).toBeInTheDocument();
    expect(field('用户名')).toHaveFocus();
    expect(antdElement()).toBeNull();

    await user.click(screen.getByRole('button', { name: '登录' }));
    expect(screen.getByText('用户名：不能为空')).toBeInTheDocument();
    expect(screen.getByText('密码：不能为空')).toBeInTheDocument();
    expect(field('用户名')).toHaveAccessibleDescription('用户名：不能为空');
    expect(field('用户名')).toHaveFocus();
    expect(backend.inputs('auth.signIn')).toHaveLength(0);

    await user.type(field('用户名'), 'lijuan');
    expect(screen.queryByText('用户名：不能为空')).not.toBeInTheDocument();
    await user.type(field('密码'), 'wrong1234{Enter}'); // Enter signs in here
    expect(await screen.findByRole('alert')).toHaveTextContent('密码不正确（还可尝试4次）');
    expect(field('密码')).toHaveValue('');
    expect(field('密码')).toHaveFocus();
    expect(antdElement()).toBeNull();

    await user.click(screen.getByRole('button', { name: '显示' }));
    expect(field('密码')).toHaveAttribute('type', 'text');
    await user.type(field('密码'), 'Lijuan2026{Enter}');
    expect(await screen.findByTestId('current-user')).toHaveTextContent('李娟办事员');
    expect(screen.queryByRole('heading', { name: '登录' })).not.toBeInTheDocument();
    expect(backend.inputs('auth.signIn')).toEqual([
      { username: 'lijuan', password: 'wrong1234' },
      { username: 'lijuan', password: 'Lijuan2026' },
    ]);
    // The sign-in's answer names the user: the app opens without asking the session's state again.
    expect(backend.inputs('auth.status')).toHaveLength(1);
  });

  it("draws the app at once at any other start: the first run's setup, a user still signed in", async () => {
    const firstRun = fakeBackend(fakeSession({ accounts: [], office: null }).replies);
    const view = render(<WindowRoot api={firstRun.api} first={await askStatus(firstRun.api)} />);
    expect(screen.getByRole('status')).toHaveTextContent('正在打开…');
    expect(await screen.findByRole('heading', { name: '首次设置' })).toBeInTheDocument();
    view.unmount();

    const signedIn = fakeBackend(fakeSession({ signedIn: USERS.admin }).replies);
    render(<WindowRoot api={signedIn.api} first={await askStatus(signedIn.api)} />);
    expect(await screen.findByTestId('current-user')).toHaveTextContent('王所长管理员');
    expect(screen.queryByRole('heading', { name: '登录' })).not.toBeInTheDocument();
    expect(signedIn.inputs('auth.status')).toHaveLength(1);
  });
});

describe('登录', () => {
  it("shows the main process's Chinese refusal, lets the clerk try again, and opens the app as them", async () => {
    const session = fakeSession({ accounts: [{ user: USERS.clerk, password: 'Lijuan2026' }] });
    const { backend, user } = await open('#/cases', session);
    expect(await screen.findByRole('heading', { name: '登录' })).toBeInTheDocument();
    await user.type(field('用户名'), 'lijuan');
    await user.type(field('密码'), 'wrong1234{Enter}'); // Enter signs in here
    expect(await screen.findByRole('alert')).toHaveTextContent('密码不正确（还可尝试4次）');
    expect(field('密码')).toHaveValue('');
    expect(backend.inputs('auth.signIn')).toEqual([{ username: 'lijuan', password: 'wrong1234' }]);

    await user.type(field('密码'), 'Lijuan2026');
    await user.click(screen.getByRole('button', { name: '登录' }));
    expect(await screen.findByTestId('current-user')).toHaveTextContent('李娟办事员');
    expect(screen.queryByRole('heading', { name: '登录' })).not.toBeInTheDocument();
    // The sign-in's answer names the user: the pages open without asking the session's state again.
    expect(backend.inputs('auth.status')).toHaveLength(1);
  });

  it('says a locked account is locked, as the main process words it', async () => {
    const { user } = await renderApp('#/cases', {
      'auth.status': () => statusOf(null),
      'auth.signIn': () =>
        new Refusal({
          code: 'FORBIDDEN',
          field: 'password',
          message: '密码错误次数过多，账户已锁定，请于10:15后再试或请管理员重置密码',
        }),
    });
    await user.type(await screen.findByLabelText('用户名'), 'lijuan');
    await user.type(field('密码'), 'Lijuan2026');
    await user.click(screen.getByRole('button', { name: '登录' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      '密码错误次数过多，账户已锁定，请于10:15后再试或请管理员重置密码',
    );
    expect(screen.queryByTestId('current-user')).not.toBeInTheDocument();
  });

  it('signs out from the user menu back to the sign-in page', async () => {
    const session = fakeSession({ signedIn: USERS.admin });
    const { backend, user } = await open('#/cases', session);
    await screen.findByTestId('current-user');
    await userMenu(user, '退出登录');
    expect(await screen.findByRole('heading', { name: '登录' })).toBeInTheDocument();
    expect(backend.inputs('auth.signOut')).toHaveLength(1);
    expect(screen.queryByRole('navigation', { name: '主导航' })).not.toBeInTheDocument();
  });
  it('saves the half-typed form as a draft before signing out', async () => {
    const session = fakeSession({ signedIn: USERS.clerk, accounts: [{ user: USERS.clerk, password: 'Lijuan2026' }] });
    const { backend, user } = await open('#/legal-aid/new', session);
    await user.type(await screen.findByLabelText('申请人姓名'), '张秀英');
    await userMenu(user, '退出登录'); // before the autosave's pause is over
    expect(await screen.findByRole('heading', { name: '登录' })).toBeInTheDocument();
    const order = backend.calls.map((c) => c.channel).filter((c) => c === 'drafts.save' || c === 'auth.signOut');
    expect(order).toEqual(['drafts.save', 'auth.signOut']);
    expect(backend.inputs('drafts.save')[0]).toMatchObject({ title: '张秀英' });
  });
});

describe('修改初始密码', () => {
  it('asks a new account for its own password before anything else', async () => {
    const fresh = { ...USERS.clerk, mustChangePassword: true };
    const session = fakeSession({ accounts: [{ user: fresh, password: 'Initial123' }], signedIn: fresh });
    const { backend, user } = await open('#/cases', session);
    expect(await screen.findByRole('heading', { name: '修改初始密码' })).toBeInTheDocument();
    expect(screen.queryByRole('navigation', { name: '主导航' })).not.toBeInTheDocument();
    expect(backend.inputs('cases.list')).toHaveLength(0);

    await user.type(field('当前密码'), 'Initial123');
    await user.type(field('新密码'), 'short1');
    await user.type(field('确认新密码'), 'short1');
    await user.click(screen.getByRole('button', { name: '修改密码' }));
    expect(messageOf(field('新密码'))).toBe('新密码：至少8个字符');
    expect(backend.inputs('auth.changePassword')).toHaveLength(0);

    await user.clear(field('新密码'));
    await user.type(field('新密码'), 'Lijuan2026');
    await user.clear(field('确认新密码'));
    await user.type(field('确认新密码'), 'Lijuan2026');
    await user.click(screen.getByRole('button', { name: '修改密码' }));
    await waitFor(() =>
      expect(backend.inputs('auth.changePassword')).toEqual([
        { currentPassword: 'Initial123', newPassword: 'Lijuan2026' },
      ]),
    );
    expect(await screen.findByRole('heading', { name: '案件列表' })).toBeInTheDocument();
    expect(screen.getByTestId('current-user')).toHaveTextContent('李娟');
  });

  it('says so when the current password is wrong', async () => {
    const fresh = { ...USERS.clerk, mustChangePassword: true };
    const session = fakeSession({ accounts: [{ user: fresh, password: 'Initial123' }], signedIn: fresh });
    const { user } = await open('#/cases', session);
    await user.type(await screen.findByLabelText('当前密码'), 'Initial999');
    await user.type(field('新密码'), 'Lijuan2026');
    await user.type(field('确认新密码'), 'Lijuan2026');
    await user.click(screen.getByRole('button', { name: '修改密码' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('密码不正确（还可尝试4次）');
    expect(screen.queryByRole('navigation', { name: '主导航' })).not.toBeInTheDocument();
  });
});

describe('锁定', () => {
  it('shows the lock screen when a call is answered LOCKED, and unlocking returns to the same form as it was', async () => {
    const session = fakeSession({ signedIn: USERS.clerk, accounts: [{ user: USERS.clerk, password: 'Lijuan2026' }] });
    let lockNext = true;
    const { backend, user } = await open('#/legal-aid/new', session, {
      // The main process locked the window after idle time; the autosave is the first to hear it.
      'drafts.save': (input) => {
        if (lockNext) {
          lockNext = false;
          session.state.locked = true;
          return new Refusal({ code: 'LOCKED', message: '窗口已锁定，请输入密码解锁' });
        }
        return {
          id: 12,
          kind: input.kind,
          title: input.title,
          createdAt: '2026-11-22T02:00:00.000Z',
          updatedAt: '2026-11-22T02:00:00.000Z',
        };
      },
    });
    await user.type(await screen.findByLabelText('申请人姓名'), '张秀英');
    await user.type(field('户籍所在地'), '雨花区黎托街道');

    expect(await screen.findByRole('heading', { name: '已锁定' }, { timeout: 20_000 })).toBeInTheDocument();
    // The form is hidden under the lock screen, not gone.
    expect(screen.queryByRole('heading', { name: '法律援助申请表' })).not.toBeInTheDocument();
    expect(field('申请人姓名')).not.toBeVisible();

    await user.type(within(screen.getByRole('dialog')).getByLabelText('密码'), 'Wrong2026{Enter}');
    expect(await screen.findByRole('alert')).toHaveTextContent('密码不正确（还可尝试4次）');
    expect(screen.getByRole('heading', { name: '已锁定' })).toBeInTheDocument();

    await user.type(within(screen.getByRole('dialog')).getByLabelText('密码'), 'Lijuan2026');
    await user.click(screen.getByRole('button', { name: '解锁' }));
    expect(await screen.findByRole('heading', { name: '法律援助申请表' })).toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: '已锁定' })).not.toBeInTheDocument();
    expect(field('申请人姓名')).toHaveValue('张秀英');
    expect(field('户籍所在地')).toHaveValue('雨花区黎托街道');
    expect(backend.inputs('auth.unlock')).toEqual([{ password: 'Wrong2026' }, { password: 'Lijuan2026' }]);
    // The save that met the lock is made again once unlocked, with what was typed.
    await waitFor(() => expect(backend.inputs('drafts.save')).toHaveLength(2));
    expect(backend.inputs('drafts.save')[1]).toMatchObject({
      id: null,
      data: { applicant: { name: '张秀英', householdAddress: '雨花区黎托街道' } },
    });
  });

  it('locks from the user menu, and after the idle time with no keyboard or mouse', async () => {
    const session = fakeSession({ signedIn: USERS.admin });
    // Long while the menu is used (a busy machine may pause anywhere for a moment); read again on unlocking.
    let idleLockMinutes = 30;
    const idle = {
      ...session.replies,
      'auth.status': () => ({ ...statusOf(session.state.user, { locked: session.state.locked }), idleLockMinutes }),
    };
    const { backend, user } = await renderApp('#/cases', idle);
    await screen.findByRole('heading', { name: '案件列表' });
    await userMenu(user, '锁定');
    expect(await screen.findByRole('heading', { name: '已锁定' })).toBeInTheDocument();
    expect(backend.inputs('auth.lock')).toHaveLength(1);
    idleLockMinutes = 0.02;
    await user.type(within(screen.getByRole('dialog')).getByLabelText('密码'), 'Admin2026{Enter}');
    expect(await screen.findByRole('heading', { name: '案件列表' })).toBeInTheDocument();

    // 0.02 minutes = 1.2 s of nothing: the window locks itself.
    expect(await screen.findByRole('heading', { name: '已锁定' }, { timeout: 20_000 })).toBeInTheDocument();
    expect(backend.inputs('auth.lock')).toHaveLength(2);
  });

  it('returns to the sign-in page when the session is gone, and the same user continues where they were', async () => {
    const session = fakeSession({ signedIn: USERS.clerk, accounts: [{ user: USERS.clerk, password: 'Lijuan2026' }] });
    let gone = true;
    const { backend, user } = await open('#/cases', session, {
      'cases.list': ({ query }) => {
        if (query && gone) {
          gone = false;
          session.state.user = null; // say, an administrator reset this account meanwhile
          return new Refusal({ code: 'UNAUTHENTICATED', message: '请先登录' });
        }
        return { total: 0, rows: [] };
      },
    });
    await user.type(await screen.findByPlaceholderText('搜索姓名、案号、身份证号或案情'), '秀英{Enter}');
    expect(await screen.findByRole('heading', { name: '登录' })).toBeInTheDocument();
    expect(screen.getByText('登录已失效，请重新登录')).toBeInTheDocument();
    expect(field('用户名')).toHaveValue('lijuan');
    await user.type(field('密码'), 'Lijuan2026{Enter}');
    expect(await screen.findByRole('heading', { name: '案件列表' })).toBeInTheDocument();
    expect(screen.getByPlaceholderText('搜索姓名、案号、身份证号或案情')).toHaveValue('秀英');
    await waitFor(() => expect(backend.inputs('cases.list').filter((q) => q.query === '秀英')).toHaveLength(2));
  });
});

describe('what each role is shown', () => {
  it('gives a read-only user no 登记 and no 保存', async () => {
    const { user } = await renderApp('#/cases', {}, { as: USERS.readonly });
    const nav = await screen.findByRole('navigation', { name: '主导航' });
    expect(screen.getByTestId('current-user')).toHaveTextContent('赵敏只读');
    expect(within(nav).queryByText('登记申请')).not.toBeInTheDocument();
    expect(within(nav).queryByText('草稿')).not.toBeInTheDocument();
    expect(within(nav).queryByText('用户管理')).not.toBeInTheDocument();
    expect(within(nav).queryByText('审计日志')).not.toBeInTheDocument();

    // Typed into the address: the form is not offered either.
    act(() => {
      window.location.hash = '#/legal-aid/new';
    });
    expect(await screen.findByText('无权使用此功能')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: '保存' })).not.toBeInTheDocument();

    await user.click(within(nav).getByText('司法所设置'));
    expect(await screen.findByLabelText('司法所名称')).toHaveValue('黎托街道司法所');
    expect(screen.queryByRole('button', { name: '保存' })).not.toBeInTheDocument();
  });

  it('gives a clerk the intake form and the backup, but not the users or the audit log', async () => {
    await renderApp('#/cases', {}, { as: USERS.clerk });
    const nav = await screen.findByRole('navigation', { name: '主导航' });
    for (const shown of ['登记申请', '草稿', '月度报告', '数据备份'])
      expect(within(nav).getByText(shown)).toBeInTheDocument();
    for (const hidden of ['用户管理', '审计日志']) expect(within(nav).queryByText(hidden)).not.toBeInTheDocument();
  });

  it('opens the backup page when the Electron menu says 备份…', async () => {
    let menu: ((command: string) => void) | undefined;
    const stopped = jest.fn();
    window.casedesk = {
      invoke: async () => ({ ok: false, error: { code: 'INTERNAL', message: '测试不经过 preload' } }),
      onMenu: (callback) => {
        menu = callback;
        return stopped;
      },
    };
    try {
      const { unmount } = await renderApp('#/cases', { 'backup.list': () => [] });
      await screen.findByRole('heading', { name: '案件列表' });
      act(() => menu!('backup'));
      expect(await screen.findByRole('heading', { name: '数据备份' })).toBeInTheDocument();
      unmount();
      expect(stopped).toHaveBeenCalled();
    } finally {
      delete window.casedesk;
    }
  });
});
