// 通知辩护 (法律援助法 第36条): a case registered from an authority's notice has its own path — no application review,
// no financial check, the assignment due 3 days from receiving the notice, the 通知辩护公函 on file instead of the
// application form, and counted apart from applications in the periodic figures.
import { OFFICE, testBackend, validApplication, validNotifiedDefence, type TestBackend } from '../../support/fixtures';

let backend: TestBackend;
beforeEach(async () => {
  backend = testBackend();
  await backend.api.call('office.setup', OFFICE);
});
afterEach(() => backend.close());

const register = () => backend.api.call('legalAid.create', { draftId: null, application: validNotifiedDefence() });

describe('a notified defence (第36条)', () => {
  it('registers from the notice, reads back as entered, and waits only for the assignment', async () => {
    const { id } = await register();
    const stored = await backend.api.call('legalAid.get', { id });
    expect(stored.status).toBe('notified');
    expect(stored.application).toEqual(validNotifiedDefence());
    const progress = await backend.api.call('legalAid.actions', { caseId: id });
    expect(progress.available.map((a) => a.action)).toEqual(['assign', 'terminate']);
  });

  it('has the 3-day assignment limit from the notice and no 7-day review limit', async () => {
    const { id } = await register();
    const limits = await backend.api.call('legalAid.deadlines', { caseId: id });
    expect(limits).toEqual([
      expect.objectContaining({
        key: 'legalAidNotifiedAssignment',
        label: '通知辩护指派',
        startsFrom: '收到通知之日',
        startedOn: '2026-11-20',
        due: '2026-11-23',
        doneOn: null,
        source: expect.stringContaining('法律援助法 第36条'),
      }),
    ]);
  });

  it('asks no financial check', async () => {
    const { id } = await register();
    const verdict = await backend.api.call('legalAid.eligibility', {
      caseId: id,
      matterType: null,
      mandatoryDefenceGrounds: null,
      limitEndsOn: null,
      urgentPreservation: null,
    });
    expect(verdict.financial).toMatchObject({ test: 'notRequired', article: '法律援助法第36条' });
    expect(verdict.mandatoryDefence).toMatchObject({ applies: true, grounds: ['视力、听力、言语残疾人'] });
  });

  it('files the 通知辩护公函 instead of the application form, and no financial material', async () => {
    const { id } = await register();
    const { checklist } = await backend.api.call('dossier.get', { caseId: id });
    const required = checklist.items.filter((i) => i.required).map((i) => i.name);
    expect(required).toContain('通知辩护公函');
    expect(required).not.toContain('法律援助申请表');
    expect(required.filter((name) => /经济困难|诚信承诺/.test(name))).toEqual([]);
  });

  it('refuses a notice on a case that is not criminal, naming the field', async () => {
    const result = await backend.dispatch('legalAid.create', {
      draftId: null,
      application: { ...validNotifiedDefence(), category: '民事', opposingParties: [{ name: '张建国', idNumber: '' }] },
    });
    expect(result).toEqual({
      ok: false,
      error: expect.objectContaining({
        field: 'application.category',
        message: '案件类别：通知辩护案件的案件类别应为刑事（法律援助法第36条）',
      }),
    });
  });

  it('is counted apart from applications in the figures', async () => {
    await register();
    await backend.api.call('legalAid.create', { draftId: null, application: validApplication() });
    const report = await backend.api.call('statistics.report', { period: '2026-11', scope: 'office' });
    if (report.scope !== 'office') throw new Error('an office report was asked for');
    const figure = (key: string) => report.office.rows.find((r) => r.key === key);
    expect(figure('legalAid.received')).toMatchObject({ period: 1 });
    expect(figure('legalAid.notified')).toMatchObject({ period: 1 });
  });
});
