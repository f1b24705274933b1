// 口头调解登记 from a draft: the short form autosaves like the others, and registering it removes its draft in the
// same transaction as the case; a refused registration keeps the draft, and an unknown draft is refused with
// nothing written.
import { fileState, OFFICE, testBackend, type TestBackend } from '../../support/fixtures';
import { validQuickOral } from '../../shared/kinds/mediation/fixtures';

let backend: TestBackend;
beforeEach(async () => {
  backend = testBackend(); // today is 2026-11-22
  await backend.api.call('office.setup', OFFICE);
});
afterEach(() => backend.close());

const oralDraft = () =>
  backend.api.call('drafts.save', {
    id: null,
    kind: 'mediation',
    title: '陈立、长沙市黎托家电经营部',
    data: { form: 'quickOral' },
  });

describe('口头调解登记 from its draft', () => {
  it('removes the draft in the transaction that registers and concludes the case', async () => {
    const draft = await oralDraft();
    const { id } = await backend.api.call('mediation.quickOral', { ...validQuickOral(), draftId: draft.id });
    expect(await backend.api.call('drafts.list', { kind: null })).toEqual([]);
    expect(await backend.api.call('mediation.get', { id })).toMatchObject({ status: 'concluded', simple: true });
  });

  it('still registers without a draft', async () => {
    const draft = await oralDraft();
    await backend.api.call('mediation.quickOral', validQuickOral());
    expect((await backend.api.call('drafts.list', { kind: 'mediation' })).map((d) => d.id)).toEqual([draft.id]);
  });

  it('keeps the draft when the registration is refused', async () => {
    const draft = await oralDraft();
    const before = fileState(backend.dataFile);
    const result = await backend.dispatch('mediation.quickOral', {
      ...validQuickOral({ agreementContent: '' }),
      draftId: draft.id,
    });
    expect(result).toEqual({
      ok: false,
      error: expect.objectContaining({ code: 'VALIDATION', field: 'agreementContent' }),
    });
    expect(fileState(backend.dataFile)).toBe(before);
    expect((await backend.api.call('drafts.list', { kind: 'mediation' })).map((d) => d.id)).toEqual([draft.id]);
  });

  it('refuses a draft that is gone, naming it, with no case registered and no number taken', async () => {
    const before = fileState(backend.dataFile);
    const result = await backend.dispatch('mediation.quickOral', { ...validQuickOral(), draftId: 999 });
    expect(result).toEqual({
      ok: false,
      error: expect.objectContaining({ code: 'NOT_FOUND', field: 'draftId', message: '草稿不存在或已删除' }),
    });
    expect(fileState(backend.dataFile)).toBe(before);
    expect(await backend.store.db.selectFrom('case_number_counters').selectAll().execute()).toEqual([]);
  });

  it('names a malformed draft id as 草稿', async () => {
    const result = await backend.dispatch('mediation.quickOral', { ...validQuickOral(), draftId: 1.5 });
    expect(result).toEqual({
      ok: false,
      error: expect.objectContaining({ code: 'VALIDATION', field: 'draftId', message: '草稿：格式不正确' }),
    });
  });
});
