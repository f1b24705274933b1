// The 补正材料通知书 (issue 14 item 8): printed when materials are missing, refused with a message when none are.
import { OFFICE, testBackend, validApplication, type TestBackend } from '../../support/fixtures';
import { fileWholeDossier } from '../../shared/dossier/filing';

let backend: TestBackend;
beforeEach(async () => {
  backend = testBackend();
  await backend.api.call('office.setup', OFFICE);
});
afterEach(() => backend.close());

describe('the missing-materials notice', () => {
  it('lists what is missing', async () => {
    const { id } = await backend.api.call('legalAid.create', { draftId: null, application: validApplication() });
    const page = await backend.api.call('dossier.print', { caseId: id, doc: 'notice', noticeDueOn: '' });
    expect(page.html).toContain('补正材料通知书');
    expect(page.html).toContain('《办理法律援助案件程序规定》');
  });

  it('is refused with a message when nothing is missing', async () => {
    const { id } = await backend.api.call('legalAid.create', { draftId: null, application: validApplication() });
    await fileWholeDossier(backend.api, id);
    expect(await backend.dispatch('dossier.print', { caseId: id, doc: 'notice', noticeDueOn: '' })).toEqual({
      ok: false,
      error: {
        code: 'CONFLICT',
        field: 'doc',
        message: '卷宗材料齐全，没有需要补正的材料，不能出具补正材料通知书',
      },
    });
  });
});
