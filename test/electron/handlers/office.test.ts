import { fileState, OFFICE, testBackend, type TestBackend } from '../../support/fixtures';

let backend: TestBackend;
beforeEach(() => {
  backend = testBackend();
});
afterEach(() => backend.close());

describe('office setup', () => {
  it('has no office on first run, then stores the one set up', async () => {
    expect(await backend.api.call('office.get', {})).toBeNull();
    const office = await backend.api.call('office.setup', OFFICE);
    expect(office).toMatchObject({ ...OFFICE, officeCode: '43011101' });
    expect(await backend.api.call('office.get', {})).toEqual(office);
  });

  it('corrects the office later without creating a second one', async () => {
    await backend.api.call('office.setup', OFFICE);
    await backend.api.call('office.setup', { ...OFFICE, caseNumberPrefix: '雨黎' });
    expect(await backend.api.call('office.get', {})).toMatchObject({ caseNumberPrefix: '雨黎' });
    expect(await backend.store.db.selectFrom('office').select('id').execute()).toEqual([{ id: 1 }]);
  });

  it.each([
    [{ divisionCode: '430100' }, 'divisionCode', '县级行政区划代码：应为6位县级行政区划代码（如430203）'],
    [{ divisionCode: '43011a' }, 'divisionCode', '县级行政区划代码：应为6位县级行政区划代码（如430203）'],
    [{ officeNumber: '1' }, 'officeNumber', '司法所编号：应为2至3位数字（由县司法局编排）'],
    [{ name: '' }, 'name', '司法所名称：不能为空'],
    [{ bureauName: '司法局\u0007' }, 'bureauName', '县（市、区）司法局名称：含有不可见的控制字符'],
    [{ caseNumberPrefix: '黎-托' }, 'caseNumberPrefix', '案号代字：只能包含汉字、字母和数字'],
    [{ extra: true }, 'extra', '不允许的字段“extra”'],
  ])('refuses %j naming the field, with nothing written', async (patch, field, message) => {
    const before = fileState(backend.dataFile);
    const result = await backend.dispatch('office.setup', { ...OFFICE, ...patch });
    expect(result).toEqual({ ok: false, error: expect.objectContaining({ code: 'VALIDATION', field, message }) });
    expect(fileState(backend.dataFile)).toBe(before);
  });

  it('tells what it runs on', async () => {
    expect(await backend.api.call('app.info', {})).toEqual({
      version: expect.stringMatching(/^\d+\.\d+\.\d+/),
      dataFile: backend.dataFile,
      shell: 'preview',
    });
  });
});
