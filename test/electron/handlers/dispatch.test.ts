import { contract, MAX_PAYLOAD_CHARS } from '../../../shared/contract';
import { fileState, OFFICE, testBackend, validApplication, type TestBackend } from '../../support/fixtures';

let backend: TestBackend;
beforeEach(async () => {
  backend = testBackend();
  await backend.api.call('office.setup', OFFICE);
});
afterEach(() => backend.close());

describe('the dispatcher', () => {
  it('refuses a channel that does not exist, with nothing written', async () => {
    const before = fileState(backend.dataFile);
    for (const channel of ['cases.drop', '__proto__', 'constructor', 42, null]) {
      const result = await backend.dispatch(channel, {});
      expect(result).toEqual({ ok: false, error: expect.objectContaining({ code: 'UNKNOWN_CHANNEL', message: expect.stringContaining('未知的请求类型') }) });
    }
    expect(fileState(backend.dataFile)).toBe(before);
  });

  it('refuses an oversized payload before looking at it', async () => {
    const before = fileState(backend.dataFile);
    const app = validApplication();
    const result = await backend.dispatch('legalAid.create', { draftId: null, application: { ...app, facts: '案'.repeat(MAX_PAYLOAD_CHARS + 1) } });
    expect(result).toEqual({ ok: false, error: { code: 'PAYLOAD_TOO_LARGE', message: '请求数据过大' } });
    expect(fileState(backend.dataFile)).toBe(before);
  });

  it('refuses a payload of the wrong type as a whole', async () => {
    for (const input of ['x', 7, null, [], undefined]) {
      const result = await backend.dispatch('legalAid.create', input);
      expect(result).toEqual({ ok: false, error: expect.objectContaining({ code: 'VALIDATION', message: '请求数据格式不正确' }) });
    }
  });

  it('refuses a cyclic payload as malformed', async () => {
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(await backend.dispatch('office.get', cyclic)).toEqual({ ok: false, error: expect.objectContaining({ code: 'MALFORMED_PAYLOAD' }) });
  });

  it('turns an unexpected failure into a Chinese INTERNAL error, not a throw', async () => {
    await backend.store.db.schema.dropTable('drafts').execute();
    const result = await backend.dispatch('drafts.list', { kind: null });
    expect(result).toEqual({ ok: false, error: { code: 'INTERNAL', message: '程序内部错误，操作未完成，数据未改动' } });
  });

  it('has a handler and labels for every channel of the contract', () => {
    expect(Object.keys(backend.handlers).sort()).toEqual(Object.keys(contract).sort());
  });
});
