// A fake main process for renderer tests: answers each channel with an envelope, as the real one does, and
// records every call. The app itself is rendered whole, with nothing mocked.
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { SessionUser } from '../../shared/accounts';
import type { AppErrorData, Envelope } from '../../shared/errors';
import type { AuthStatus, Channel, ChannelInput, ChannelOutput, LegalAidCase } from '../../shared/contract';
import type { Office } from '../../shared/office';
import { createApi } from '../../renderer/api';
import { App } from '../../renderer/App';
import { loadEveryPage } from '../../renderer/app/lazyPage';
import { validApplication } from '../support/samples';

// The app's pages are lazy chunks (renderer/app/lazyPage.tsx). Each test file loads them all before its first test,
// as the window has them once its idle preload is done: a test's clock and its queries' timeouts then count the
// test's work, not loading the app's modules — on a loaded machine that took longer than a query waits.
beforeAll(() => loadEveryPage(), 120_000);

type Reply<C extends Channel> = (
  input: ChannelInput<C>,
) => ChannelOutput<C> | Refusal | Promise<ChannelOutput<C> | Refusal>;
export type Replies = { [C in Channel]?: Reply<C> };

export class Refusal {
  constructor(readonly error: AppErrorData) {}
}

interface Call {
  channel: Channel;
  input: unknown;
}

export const OFFICE: Office = {
  name: '黎托街道司法所',
  divisionCode: '430111',
  officeNumber: '01',
  bureauName: '长沙市雨花区司法局',
  caseNumberPrefix: '黎托',
  officeCode: '43011101',
  createdAt: '2026-11-01T01:00:00.000Z',
  updatedAt: '2026-11-01T01:00:00.000Z',
};

/** One account of each role. */
export const USERS = {
  admin: { id: 1, username: 'admin', displayName: '王所长', role: 'admin', mustChangePassword: false },
  director: { id: 2, username: 'zhangwei', displayName: '张伟', role: 'director', mustChangePassword: false },
  clerk: { id: 3, username: 'lijuan', displayName: '李娟', role: 'clerk', mustChangePassword: false },
  readonly: { id: 4, username: 'zhaomin', displayName: '赵敏', role: 'readonly', mustChangePassword: false },
} satisfies Record<string, SessionUser>;

/** auth.status of a window where `user` is signed in (or nobody, with null). */
export function statusOf(user: SessionUser | null, overrides: Partial<AuthStatus> = {}): AuthStatus {
  return { hasUsers: true, office: OFFICE, user, locked: false, idleLockMinutes: 15, ...overrides };
}

const DEFAULTS: Replies = {
  'auth.status': () => statusOf(USERS.admin),
  'auth.lock': () => ({ locked: true }),
  'auth.signOut': () => ({ signedOut: true }),
  'interference.list': () => [],
  'app.info': () => ({ version: '0.1.0', dataFile: '/tmp/casedesk.sqlite', shell: 'preview' }),
  'office.get': () => OFFICE,
  'cases.list': () => ({ total: 0, rows: [] }),
  'drafts.list': () => [],
  'drafts.save': (input) => ({
    id: input.id ?? 1,
    kind: input.kind,
    title: input.title || '未命名草稿',
    createdAt: '2026-11-22T02:00:00.000Z',
    updatedAt: '2026-11-22T02:00:00.000Z',
  }),
};

export function fakeBackend(replies: Replies = {}) {
  const calls: Call[] = [];
  const all = { ...DEFAULTS, ...replies } as Record<string, ((input: unknown) => unknown) | undefined>;
  const invoke = async (channel: string, input: unknown): Promise<Envelope<unknown>> => {
    calls.push({ channel: channel as Channel, input: JSON.parse(JSON.stringify(input ?? null)) as unknown });
    const reply = all[channel];
    if (!reply) return { ok: false, error: { code: 'INTERNAL', message: `测试未设置 ${channel}` } };
    const value = await reply(input);
    return value instanceof Refusal ? { ok: false, error: value.error } : { ok: true, value };
  };
  return {
    api: createApi(invoke),
    calls,
    /** The inputs of every call to one channel, in order. */
    inputs<C extends Channel>(channel: C): ChannelInput<C>[] {
      return calls.filter((c) => c.channel === channel).map((c) => c.input as ChannelInput<C>);
    },
  };
}

/**
 * A main process's sessions for one window, as data the test can look at: the accounts with their passwords, who
 * is signed in, whether the window is locked. Answers every auth.* channel the way electron/handlers/system.ts does.
 */
export function fakeSession({
  accounts = [{ user: USERS.admin, password: 'Admin2026' }],
  signedIn = null,
  office = OFFICE,
}: {
  accounts?: { user: SessionUser; password: string }[];
  signedIn?: SessionUser | null;
  office?: AuthStatus['office'];
} = {}) {
  const state = { accounts, user: signedIn, locked: false, office, failures: 0 };
  const wrongPassword = () => {
    state.failures++;
    return new Refusal({
      code: 'FORBIDDEN',
      field: 'password',
      message: `密码不正确（还可尝试${5 - state.failures}次）`,
    });
  };
  const replies: Replies = {
    'dataKey.show': () => ({
      keyId: 'F2FE-9342-59D3',
      recoveryKey: 'AM0E2-9NZFF-85X57-3B37N-XM9T9-T9KMJ-CSMH3-CX0DF-VTQ4W-6HVBH-3Q13G-JHKD2-2XH02',
    }),
    'auth.status': () => ({
      hasUsers: state.accounts.length > 0,
      office: state.office,
      user: state.user,
      locked: state.locked,
      idleLockMinutes: 15,
    }),
    'auth.setup': ({ office: o, admin }) => {
      const user: SessionUser = {
        id: 1,
        username: admin.username,
        displayName: admin.displayName,
        role: 'admin',
        mustChangePassword: false,
      };
      state.accounts = [{ user, password: admin.password }];
      state.office = { ...OFFICE, ...o, officeCode: `${o.divisionCode}${o.officeNumber}` };
      state.user = user;
      return user;
    },
    'auth.signIn': ({ username, password }) => {
      const found = state.accounts.find((a) => a.user.username === username);
      if (!found) return new Refusal({ code: 'FORBIDDEN', field: 'username', message: '用户名或密码不正确' });
      if (found.password !== password) return wrongPassword();
      state.user = found.user;
      state.locked = false;
      return found.user;
    },
    'auth.signOut': () => {
      state.user = null;
      state.locked = false;
      return { signedOut: true };
    },
    'auth.lock': () => {
      if (!state.user) return new Refusal({ code: 'UNAUTHENTICATED', message: '请先登录' });
      state.locked = true;
      return { locked: true };
    },
    'auth.unlock': ({ password }) => {
      if (!state.user) return new Refusal({ code: 'UNAUTHENTICATED', message: '请先登录' });
      if (state.accounts.find((a) => a.user.id === state.user!.id)?.password !== password) return wrongPassword();
      state.locked = false;
      return state.user;
    },
    'auth.changePassword': ({ currentPassword, newPassword }) => {
      const account = state.accounts.find((a) => a.user.id === state.user?.id);
      if (!account) return new Refusal({ code: 'UNAUTHENTICATED', message: '请先登录' });
      if (account.password !== currentPassword) return wrongPassword();
      account.password = newPassword;
      account.user = { ...account.user, mustChangePassword: false };
      state.user = account.user;
      return account.user;
    },
  };
  return { state, replies };
}

/** Renders the whole app at a hash route, against a fake backend, with a user who types as a clerk does. */
export async function renderApp(hash: string, replies: Replies = {}, { as }: { as?: SessionUser } = {}) {
  window.location.hash = hash;
  const backend = fakeBackend({ ...(as ? { 'auth.status': () => statusOf(as) } : {}), ...replies });
  const user = userEvent.setup({ delay: null });
  const view = render(<App api={backend.api} />);
  // Who is signed in is asked first; every page waits for it.
  await waitFor(() => expect(backend.inputs('auth.status').length).toBeGreaterThan(0));
  return { ...view, backend, user };
}

/** The message shown under a field, found from the field as the clerk sees it (its description). */
export function messageOf(field: HTMLElement): string {
  const item = field.closest('.ant-form-item');
  return item?.querySelector('.ant-form-item-explain')?.textContent ?? '';
}

export const field = (label: string) => screen.getByLabelText(label);

/** The sample application as the main process stores it (shared with the node tests). */
export const APPLICATION: LegalAidCase['application'] = validApplication();

export function legalAidCase(overrides: Partial<LegalAidCase> = {}): LegalAidCase {
  return {
    id: 7,
    caseNumber: '〔2026〕黎托援字第0001号',
    status: 'received',
    createdAt: '2026-11-22T02:00:00.000Z',
    updatedAt: '2026-11-22T02:00:00.000Z',
    application: APPLICATION,
    ...overrides,
  };
}
