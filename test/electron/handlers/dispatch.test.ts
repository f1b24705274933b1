import fs from 'node:fs';
import { contract, MAX_PAYLOAD_CHARS } from '../../../shared/contract';
import { dataState, fileState, OFFICE, testBackend, validApplication, type TestBackend } from '../../support/fixtures';

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
      expect(result).toEqual({
        ok: false,
        error: expect.objectContaining({ code: 'UNKNOWN_CHANNEL', message: expect.stringContaining('未知的请求类型') }),
      });
    }
    expect(fileState(backend.dataFile)).toBe(before);
  });

  it('refuses an oversized payload before looking at it', async () => {
    const before = fileState(backend.dataFile);
    const app = validApplication();
    const result = await backend.dispatch('legalAid.create', {
      draftId: null,
      application: { ...app, facts: '案'.repeat(MAX_PAYLOAD_CHARS + 1) },
    });
    expect(result).toEqual({ ok: false, error: { code: 'PAYLOAD_TOO_LARGE', message: '请求数据过大' } });
    expect(fileState(backend.dataFile)).toBe(before);
  });

  it('refuses a payload of the wrong type as a whole', async () => {
    for (const input of ['x', 7, null, [], undefined]) {
      const result = await backend.dispatch('legalAid.create', input);
      expect(result).toEqual({
        ok: false,
        error: expect.objectContaining({ code: 'VALIDATION', message: '请求数据格式不正确' }),
      });
    }
  });

  it('names a key it does not allow even when the key is named with nothing', async () => {
    // Found by the contract fuzzer: a key '' was taken for the request as a whole (“请求数据不允许的字段”).
    expect(await backend.dispatch('office.get', { '': 1 })).toEqual({
      ok: false,
      error: { code: 'VALIDATION', message: '不允许的字段“”', issues: [{ field: '', message: '不允许的字段“”' }] },
    });
  });

  it('refuses a relative or empty path in a path field, before anything is written anywhere', async () => {
    // Found by the contract fuzzer: a relative folder was resolved against the program's working folder, so an
    // export or a configuration package landed wherever the app had been started.
    const cwd = fs.readdirSync(process.cwd()).sort();
    const before = dataState(backend.dataFile);
    const calls: [string, unknown, string, string][] = [
      ['exchange.export', { period: null, folder: 'exports-here' }, 'folder', '保存位置：请选择文件夹的完整路径'],
      ['exchange.exportAgain', { sequence: 1, folder: 'exports-here' }, 'folder', '保存位置：请选择文件夹的完整路径'],
      ['bureau.exportConfig', { folder: '.' }, 'folder', '保存位置：请选择文件夹的完整路径'],
      ['backup.create', { folder: '' }, 'folder', '备份位置：不能为空'],
      ['backup.restore', { file: 'casedesk.sqlite' }, 'file', '备份文件：请选择文件的完整路径'],
      [
        'bureau.verifyFiles',
        { files: ['/tmp/a.casedesk', 'b.casedesk'] },
        'files.1',
        '数据包文件：请选择文件的完整路径',
      ],
      ['bureau.importFiles', { files: ['  '] }, 'files.0', '数据包文件：不能为空'],
    ];
    for (const [channel, input, field, message] of calls) {
      expect({ channel, result: await backend.dispatch(channel, input) }).toEqual({
        channel,
        result: { ok: false, error: expect.objectContaining({ code: 'VALIDATION', field, message }) },
      });
    }
    expect(dataState(backend.dataFile)).toBe(before);
    expect(fs.readdirSync(process.cwd()).sort()).toEqual(cwd);
  });

  it('refuses a cyclic payload as malformed', async () => {
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(await backend.dispatch('office.get', cyclic)).toEqual({
      ok: false,
      error: expect.objectContaining({ code: 'MALFORMED_PAYLOAD' }),
    });
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
