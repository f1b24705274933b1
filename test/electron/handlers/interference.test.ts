import { createApi } from '../../../shared/client';
import type { ChannelInput } from '../../../shared/contract';
import { fileState, OFFICE, testBackend, validApplication, type TestBackend } from '../../support/fixtures';

let backend: TestBackend;
let clerk: ReturnType<typeof createApi>;
let director: ReturnType<typeof createApi>;
let caseId: number;

const as = (caller: string) => createApi((channel, input) => backend.dispatch(channel, input, caller));

const record = (patch: Record<string, unknown> = {}): ChannelInput<'interference.record'> => ({
  caseId,
  category: '领导干部干预司法活动',
  personName: '赵某',
  personUnit: '某街道办事处',
  personPosition: '副主任',
  occurredOn: '2026-10-12',
  method: '电话',
  content: '询问案件何时指派律师，要求尽快给予援助。',
  handling: '告知依法办理，已如实记录。',
  ...(patch as object),
});

beforeEach(async () => {
  backend = testBackend();
  const admin = as('admin');
  await admin.call('auth.setup', {
    office: OFFICE,
    admin: { username: 'admin', displayName: '管理员', password: 'Admin2026' },
  });
  for (const [username, role] of [
    ['lijuan', 'clerk'],
    ['suozhang', 'director'],
  ] as const) {
    await admin.call('users.create', {
      username,
      displayName: username === 'lijuan' ? '李娟' : '王所长',
      role,
      password: 'Initial123',
    });
    const api = as(username);
    await api.call('auth.signIn', { username, password: 'Initial123' });
    await api.call('auth.changePassword', { currentPassword: 'Initial123', newPassword: 'Changed2026' });
  }
  clerk = as('lijuan');
  director = as('suozhang');
  caseId = (await clerk.call('legalAid.create', { draftId: null, application: validApplication() })).id;
});
afterEach(() => backend.close());

describe('interference records (三个规定)', () => {
  it('records an inquiry on a case and lists it by case and by month', async () => {
    await clerk.call('interference.record', record());
    const byCase = await director.call('interference.list', { caseId, period: null });
    expect(byCase).toEqual([
      expect.objectContaining({
        caseNumber: '〔2026〕黎托援字第0001号',
        personName: '赵某',
        method: '电话',
        recordedBy: '李娟',
        occurredOn: '2026-10-12',
      }),
    ]);
    expect(await director.call('interference.list', { caseId: null, period: '2026-10' })).toHaveLength(1);
    expect(await director.call('interference.list', { caseId: null, period: '2026-09' })).toHaveLength(0);
  });

  it('is append-only: the database itself refuses to change or delete a record', async () => {
    await clerk.call('interference.record', record());
    expect(() => backend.store.sqlite.prepare(`UPDATE interference_records SET handling = '无'`).run()).toThrow(
      /append-only/,
    );
    expect(() => backend.store.sqlite.prepare(`DELETE FROM interference_records`).run()).toThrow(/append-only/);
  });

  it.each([
    [{ personName: '' }, 'personName', '过问人姓名：不能为空'],
    [{ method: '托人带话' }, 'method', '过问方式：不是可选的值'],
    [{ occurredOn: '2026-02-30' }, 'occurredOn', '过问日期：不是真实的日期'],
    [{ occurredOn: '2099-01-01' }, 'occurredOn', '过问日期：不能晚于今天'],
    [{ caseId: 999 }, 'caseId', '案件不存在'],
  ])('refuses %j naming the field, with nothing written', async (patch, field, message) => {
    const before = fileState(backend.dataFile);
    const result = await backend.dispatch('interference.record', record(patch), 'lijuan');
    expect(result).toEqual({ ok: false, error: expect.objectContaining({ field, message }) });
    expect(fileState(backend.dataFile)).toBe(before);
  });

  it('makes a monthly statement per clerk: the count, or a nil statement', async () => {
    await clerk.call('interference.record', record());
    await clerk.call('interference.record', record({ occurredOn: '2026-10-20', method: '当面' }));
    const clerkOctober = await clerk.call('interference.submitStatement', { period: '2026-10', note: '' });
    expect(clerkOctober).toMatchObject({ displayName: '李娟', recordCount: 2, nil: false });
    const directorOctober = await director.call('interference.submitStatement', {
      period: '2026-10',
      note: '本月无过问',
    });
    expect(directorOctober).toMatchObject({ displayName: '王所长', recordCount: 0, nil: true });
    const overview = await director.call('interference.statements', { period: '2026-10' });
    expect(overview.statements.map((s) => [s.displayName, s.nil])).toEqual([
      ['李娟', false],
      ['王所长', true],
    ]);
    expect(overview.missing).toEqual([{ userId: 1, displayName: '管理员' }]);
  });

  it('refuses a second statement for the same month and a month in the future', async () => {
    await clerk.call('interference.submitStatement', { period: '2026-10', note: '' });
    expect(await backend.dispatch('interference.submitStatement', { period: '2026-10', note: '' }, 'lijuan')).toEqual({
      ok: false,
      error: { code: 'CONFLICT', field: 'period', message: '报告月份：2026-10的报告已提交，不能重复提交' },
    });
    expect(
      await backend.dispatch('interference.submitStatement', { period: '2026-12', note: '' }, 'lijuan'),
    ).toMatchObject({
      ok: false,
      error: { field: 'period', message: '报告月份：不能晚于本月' },
    });
    expect(
      await backend.dispatch('interference.submitStatement', { period: '2026-13', note: '' }, 'lijuan'),
    ).toMatchObject({
      error: { field: 'period', message: '报告月份：格式应为2026-10' },
    });
  });

  it('needs a personal account, not the command line', async () => {
    expect(await backend.dispatch('interference.record', record())).toEqual({
      ok: false,
      error: { code: 'FORBIDDEN', message: '请使用个人账户登录后记录' },
    });
  });
});

describe('the audit viewer', () => {
  it('shows who changed what, newest first, filtered by user, table and record', async () => {
    await clerk.call('interference.record', record());
    const page = await director.call('audit.list', {
      username: 'lijuan',
      channel: null,
      tableName: 'cases',
      rowKey: null,
      from: null,
      to: null,
      page: 1,
      pageSize: 50,
    });
    expect(page.total).toBe(1);
    expect(page.rows[0]).toMatchObject({
      username: 'lijuan',
      channel: 'legalAid.create',
      tableName: 'cases',
      op: 'insert',
      before: null,
      after: expect.objectContaining({ case_number: '〔2026〕黎托援字第0001号' }),
    });
    const byRecord = await director.call('audit.list', {
      username: null,
      channel: null,
      tableName: 'cases',
      rowKey: String(caseId),
      from: '2026-11-22',
      to: '2026-11-22',
      page: 1,
      pageSize: 50,
    });
    expect(byRecord.rows.map((r) => r.channel)).toEqual(['legalAid.create']);
    const all = await director.call('audit.list', {
      username: null,
      channel: null,
      tableName: null,
      rowKey: null,
      from: null,
      to: null,
      page: 1,
      pageSize: 3,
    });
    expect(all.rows.map((r) => r.seq)).toEqual([all.total, all.total - 1, all.total - 2]);
    expect(all.rows[0]).toMatchObject({ channel: 'interference.record', tableName: 'interference_records' });
  });

  it('verifies the chain on request', async () => {
    expect(await director.call('audit.verify', {})).toMatchObject({ ok: true });
    backend.store.sqlite.prepare(`UPDATE audit_log SET username = 'someone' WHERE seq = 2`).run();
    expect(await director.call('audit.verify', {})).toMatchObject({ ok: false, seq: 2 });
  });
});
