import { LOCKOUT_MINUTES } from '../../../shared/accounts';
import { createApi } from '../../../shared/client';
import {
  fileState,
  manualClock,
  OFFICE,
  testBackend,
  type ManualClock,
  type TestBackend,
} from '../../support/fixtures';

let clock: ManualClock;
let backend: TestBackend;
const ADMIN = { username: 'admin', displayName: '王所长', password: 'Admin2026' };

/** A window of its own: a caller with its own session. */
const windowOf = (caller: string) => ({
  call: (channel: string, input: unknown) => backend.dispatch(channel, input, caller),
  api: createApi((channel, input) => backend.dispatch(channel, input, caller)),
});

beforeEach(() => {
  clock = manualClock('2026-11-22T02:00:00Z');
  backend = testBackend(undefined, { clock });
});
afterEach(() => backend.close());

describe('first run', () => {
  it('starts with no accounts, and sets up the office with its administrator, who is then signed in', async () => {
    const w = windowOf('window:1');
    expect(await w.api.call('auth.status', {})).toEqual({
      hasUsers: false,
      office: null,
      user: null,
      locked: false,
      idleLockMinutes: 15,
    });
    expect(
      await w.call('cases.list', {
        kind: null,
        status: null,
        query: '',
        page: 1,
        pageSize: 20,
        sortBy: 'receivedOn',
        sortOrder: 'desc',
      }),
    ).toEqual({
      ok: false,
      error: { code: 'UNAUTHENTICATED', message: '请先登录' },
    });
    const admin = await w.api.call('auth.setup', { office: OFFICE, admin: ADMIN });
    expect(admin).toMatchObject({ username: 'admin', role: 'admin', mustChangePassword: false });
    expect(await w.api.call('auth.status', {})).toMatchObject({
      hasUsers: true,
      office: { name: OFFICE.name },
      user: { username: 'admin' },
    });
  });

  it('cannot be run a second time', async () => {
    await windowOf('window:1').api.call('auth.setup', { office: OFFICE, admin: ADMIN });
    const before = fileState(backend.dataFile);
    const again = await windowOf('window:2').call('auth.setup', {
      office: OFFICE,
      admin: { ...ADMIN, username: 'intruder' },
    });
    expect(again).toEqual({
      ok: false,
      error: expect.objectContaining({ code: 'CONFLICT', message: '本机已完成首次设置，请使用管理员账户登录' }),
    });
    expect(fileState(backend.dataFile)).toBe(before);
  });

  it('refuses a weak password naming the field, with nothing written', async () => {
    const before = fileState(backend.dataFile);
    expect(
      await windowOf('w').call('auth.setup', { office: OFFICE, admin: { ...ADMIN, password: 'abcdefgh' } }),
    ).toEqual({
      ok: false,
      error: expect.objectContaining({
        code: 'VALIDATION',
        field: 'admin.password',
        message: '密码：须同时包含字母和数字',
      }),
    });
    expect(
      await windowOf('w').call('auth.setup', { office: OFFICE, admin: { ...ADMIN, password: 'a1' } }),
    ).toMatchObject({
      error: { field: 'admin.password', message: '密码：至少8个字符' },
    });
    expect(fileState(backend.dataFile)).toBe(before);
  });
});

describe('signing in', () => {
  beforeEach(async () => {
    await windowOf('setup').api.call('auth.setup', { office: OFFICE, admin: ADMIN });
  });

  it('signs in with the right password, per window', async () => {
    const w = windowOf('window:7');
    await w.api.call('auth.signIn', { username: 'ADMIN', password: ADMIN.password });
    expect(await w.api.call('auth.status', {})).toMatchObject({ user: { username: 'admin' } });
    expect(await windowOf('window:8').api.call('auth.status', {})).toMatchObject({ user: null });
    await w.api.call('auth.signOut', {});
    expect(await w.api.call('auth.status', {})).toMatchObject({ user: null });
  });

  it('says the same for an unknown user and a wrong password, and counts the failures', async () => {
    const w = windowOf('w');
    expect(await w.call('auth.signIn', { username: 'nobody', password: 'x' })).toEqual({
      ok: false,
      error: { code: 'FORBIDDEN', field: 'username', message: '用户名或密码不正确' },
    });
    expect(await w.call('auth.signIn', { username: 'admin', password: 'wrong' })).toMatchObject({
      error: { message: '密码不正确（还可尝试4次）' },
    });
  });

  it('locks the account after five failures, until the lockout ends', async () => {
    const w = windowOf('w');
    for (let i = 0; i < 4; i++) await w.call('auth.signIn', { username: 'admin', password: 'wrong' });
    const fifth = await w.call('auth.signIn', { username: 'admin', password: 'wrong' });
    expect(fifth).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN', message: expect.stringContaining('账户已锁定') },
    });
    // Even the right password is refused while locked.
    expect(await w.call('auth.signIn', { username: 'admin', password: ADMIN.password })).toMatchObject({
      ok: false,
      error: { message: expect.stringContaining('账户已锁定') },
    });
    clock.advance(LOCKOUT_MINUTES * 60_000 + 1000);
    expect(await w.call('auth.signIn', { username: 'admin', password: ADMIN.password })).toMatchObject({ ok: true });
    // The failures were written (and audited) although each call failed.
    const audited = backend.store.sqlite
      .prepare(`SELECT count(*) AS n FROM audit_log WHERE channel = 'auth.signIn' AND table_name = 'users'`)
      .get();
    expect(audited).toEqual({ n: 6 });
  });

  it('locks the window after idle time and unlocks it with the password', async () => {
    const w = windowOf('window:3');
    await w.api.call('auth.signIn', { username: 'admin', password: ADMIN.password });
    clock.advance(16 * 60_000);
    expect(await w.call('drafts.list', { kind: null })).toEqual({
      ok: false,
      error: { code: 'LOCKED', message: '窗口已锁定，请输入密码解锁' },
    });
    expect(await w.api.call('auth.status', {})).toMatchObject({ locked: true, user: { username: 'admin' } });
    expect(await w.call('auth.unlock', { password: 'wrong' })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    await w.api.call('auth.unlock', { password: ADMIN.password });
    expect(await w.call('drafts.list', { kind: null })).toEqual({ ok: true, value: [] });
  });

  it('locks the window on request', async () => {
    const w = windowOf('window:4');
    await w.api.call('auth.signIn', { username: 'admin', password: ADMIN.password });
    await w.api.call('auth.lock', {});
    expect(await w.call('drafts.list', { kind: null })).toMatchObject({ ok: false, error: { code: 'LOCKED' } });
  });
});

describe('managing users', () => {
  let admin: ReturnType<typeof windowOf>;
  beforeEach(async () => {
    admin = windowOf('admin-window');
    await admin.api.call('auth.setup', { office: OFFICE, admin: ADMIN });
  });

  async function newUser(role: 'director' | 'clerk' | 'readonly', username: string) {
    return admin.api.call('users.create', { username, displayName: username, role, password: 'Initial123' });
  }

  it('makes a new user change the initial password before anything else', async () => {
    await newUser('clerk', 'lijuan');
    const w = windowOf('clerk-window');
    const user = await w.api.call('auth.signIn', { username: 'lijuan', password: 'Initial123' });
    expect(user.mustChangePassword).toBe(true);
    expect(await w.call('drafts.list', { kind: null })).toEqual({
      ok: false,
      error: { code: 'FORBIDDEN', message: '请先修改初始密码' },
    });
    expect(
      await w.call('auth.changePassword', { currentPassword: 'Initial123', newPassword: 'Initial123' }),
    ).toMatchObject({
      error: { field: 'newPassword', message: '新密码：不能与当前密码相同' },
    });
    await w.api.call('auth.changePassword', { currentPassword: 'Initial123', newPassword: 'Lijuan2026' });
    expect(await w.call('drafts.list', { kind: null })).toEqual({ ok: true, value: [] });
  });

  it('refuses a duplicate user name', async () => {
    await newUser('clerk', 'lijuan');
    expect(
      await admin.call('users.create', {
        username: 'LiJuan',
        displayName: '李',
        role: 'clerk',
        password: 'Initial123',
      }),
    ).toEqual({
      ok: false,
      error: { code: 'CONFLICT', field: 'username', message: '用户名：已存在' },
    });
  });

  it('lets a director reset a clerk’s password but not an administrator’s', async () => {
    const director = await newUser('director', 'suozhang');
    const clerk = await newUser('clerk', 'lijuan');
    const d = windowOf('director-window');
    await d.api.call('auth.signIn', { username: 'suozhang', password: 'Initial123' });
    await d.api.call('auth.changePassword', { currentPassword: 'Initial123', newPassword: 'Director1' });
    expect(await d.api.call('users.resetPassword', { userId: clerk.id, newPassword: 'Reset2026a' })).toMatchObject({
      mustChangePassword: true,
    });
    expect(await d.call('users.resetPassword', { userId: 1, newPassword: 'Reset2026a' })).toEqual({
      ok: false,
      error: {
        code: 'FORBIDDEN',
        field: 'userId',
        message: '所长只能重置办事员或只读用户的密码，不能重置管理员的密码',
      },
    });
    expect(director.role).toBe('director');
    const c = windowOf('clerk-window');
    expect(await c.call('auth.signIn', { username: 'lijuan', password: 'Reset2026a' })).toMatchObject({ ok: true });
  });

  it('keeps at least one active administrator, and a deactivated user cannot sign in', async () => {
    expect(await admin.call('users.update', { userId: 1, displayName: '王所长', role: 'clerk', active: true })).toEqual(
      {
        ok: false,
        error: { code: 'CONFLICT', field: 'role', message: '至少要保留一个启用的管理员' },
      },
    );
    const clerk = await newUser('clerk', 'lijuan');
    await admin.api.call('users.update', { userId: clerk.id, displayName: '李娟', role: 'clerk', active: false });
    expect(await windowOf('x').call('auth.signIn', { username: 'lijuan', password: 'Initial123' })).toMatchObject({
      ok: false,
      error: { message: '用户名或密码不正确' },
    });
  });

  it('never writes a password hash into the audit log', async () => {
    await newUser('clerk', 'lijuan');
    const rows = backend.store.sqlite.prepare(`SELECT after FROM audit_log WHERE table_name = 'users'`).all() as {
      after: string;
    }[];
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) expect(JSON.parse(r.after).password_hash).toBe('***');
    expect(
      backend.store.sqlite
        .prepare(`SELECT count(*) AS n FROM audit_log WHERE after LIKE '%scrypt$%' OR before LIKE '%scrypt$%'`)
        .get(),
    ).toEqual({ n: 0 });
  });
});
