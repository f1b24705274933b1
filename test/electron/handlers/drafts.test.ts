import { fileState, OFFICE, testBackend, validApplication, type TestBackend } from '../../support/fixtures';

let backend: TestBackend;
beforeEach(async () => {
  backend = testBackend();
  await backend.api.call('office.setup', OFFICE);
});
afterEach(() => backend.close());

describe('drafts of the intake form', () => {
  it('saves a half-filled form, updates it, lists it and reads it back', async () => {
    const saved = await backend.api.call('drafts.save', {
      id: null,
      kind: 'legal_aid',
      title: '',
      data: { applicant: { name: '张' } },
    });
    expect(saved).toMatchObject({ kind: 'legal_aid', title: '未命名草稿' });
    const updated = await backend.api.call('drafts.save', {
      id: saved.id,
      kind: 'legal_aid',
      title: '张秀英',
      data: { applicant: { name: '张秀英' } },
    });
    expect(updated.id).toBe(saved.id);
    expect(await backend.api.call('drafts.list', { kind: 'legal_aid' })).toEqual([updated]);
    expect(await backend.api.call('drafts.list', { kind: 'mediation' })).toEqual([]);
    expect(await backend.api.call('drafts.get', { id: saved.id })).toMatchObject({
      title: '张秀英',
      data: { applicant: { name: '张秀英' } },
    });
  });

  it('survives closing and reopening the data file', async () => {
    const saved = await backend.api.call('drafts.save', {
      id: null,
      kind: 'legal_aid',
      title: '王',
      data: { matter: '追索劳动报酬' },
    });
    await backend.close();
    backend = testBackend(backend.dataFile);
    expect(await backend.api.call('drafts.get', { id: saved.id })).toMatchObject({ data: { matter: '追索劳动报酬' } });
  });

  it('is removed in the same transaction that registers the case', async () => {
    const draft = await backend.api.call('drafts.save', { id: null, kind: 'legal_aid', title: '张秀英', data: {} });
    await backend.api.call('legalAid.create', { draftId: draft.id, application: validApplication() });
    expect(await backend.api.call('drafts.list', { kind: null })).toEqual([]);
  });

  it('is kept when registering the case fails', async () => {
    const draft = await backend.api.call('drafts.save', { id: null, kind: 'legal_aid', title: '张秀英', data: {} });
    const result = await backend.dispatch('legalAid.create', {
      draftId: draft.id,
      application: { ...validApplication(), matter: '' },
    });
    expect(result.ok).toBe(false);
    expect(await backend.api.call('drafts.list', { kind: null })).toHaveLength(1);
  });

  it('is discarded only when asked, and an unknown draft is reported', async () => {
    const draft = await backend.api.call('drafts.save', { id: null, kind: 'legal_aid', title: '', data: {} });
    expect(await backend.api.call('drafts.discard', { id: draft.id })).toEqual({ id: draft.id });
    expect(await backend.dispatch('drafts.discard', { id: draft.id })).toEqual({
      ok: false,
      error: { code: 'NOT_FOUND', field: 'id', message: '草稿不存在或已删除' },
    });
    expect(await backend.dispatch('drafts.get', { id: draft.id })).toEqual({
      ok: false,
      error: expect.objectContaining({ code: 'NOT_FOUND' }),
    });
    expect(await backend.dispatch('drafts.save', { id: draft.id, kind: 'legal_aid', title: '', data: {} })).toEqual({
      ok: false,
      error: expect.objectContaining({ code: 'NOT_FOUND', field: 'id' }),
    });
  });

  it.each([
    [{ data: 'text' }, 'data', '草稿内容：格式不正确'],
    [{ kind: 'other' }, 'kind', '案件类型：不是可选的值'],
    [{ title: '😀' }, 'title', '草稿标题：不能包含表情符号'],
    [{ id: 1.5 }, 'id', '草稿：格式不正确'],
  ])('refuses %j naming the field, with nothing written', async (patch, field, message) => {
    const before = fileState(backend.dataFile);
    const result = await backend.dispatch('drafts.save', {
      id: null,
      kind: 'legal_aid',
      title: '',
      data: {},
      ...patch,
    });
    expect(result).toEqual({ ok: false, error: expect.objectContaining({ code: 'VALIDATION', field, message }) });
    expect(fileState(backend.dataFile)).toBe(before);
  });
});
