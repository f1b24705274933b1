import {
  manualClock,
  OFFICE,
  testBackend,
  validApplication,
  type ManualClock,
  type TestBackend,
} from '../../support/fixtures';

const DAY = 86_400_000;
let clock: ManualClock;
let backend: TestBackend;

beforeEach(async () => {
  clock = manualClock('2026-11-22T02:00:00Z');
  backend = testBackend(undefined, { clock });
  await backend.api.call('office.setup', OFFICE);
});
afterEach(() => backend.close());

describe('the deadline dashboard', () => {
  it('moves a legal-aid decision from not yet due, to due soon, to overdue, to done late', async () => {
    const { id, caseNumber } = await backend.api.call('legalAid.create', {
      draftId: null,
      application: { ...validApplication(), receivedOn: '2026-11-20' },
    });
    const lists = async () => {
      const d = await backend.api.call('dashboard.deadlines', {});
      return {
        dueSoon: d.dueSoon.map((i) => i.caseNumber),
        overdue: d.overdue.map((i) => i.caseNumber),
        doneLate: d.doneLate.map((i) => i.caseNumber),
        d,
      };
    };
    // Received on Friday 2026-11-20: 7 days → Friday 2026-11-27.
    expect(await lists()).toMatchObject({ dueSoon: [], overdue: [], doneLate: [] });

    clock.advance(3 * DAY); // 11-25: within three days of the due date
    const soon = await lists();
    expect(soon.dueSoon).toEqual([caseNumber]);
    expect(soon.d.dueSoon[0]).toMatchObject({
      caseId: id,
      kind: 'legal_aid',
      due: '2026-11-27',
      status: 'dueSoon',
      limit: expect.stringContaining('决定'),
    });

    clock.advance(4 * DAY); // 11-29
    expect(await lists()).toMatchObject({ dueSoon: [], overdue: [caseNumber], doneLate: [] });

    await backend.api.call('legalAid.decide', {
      caseId: id,
      actedOn: '2026-11-29',
      decision: '给予法律援助',
      decidedBy: '县法律援助中心',
      matterType: '赡养费抚养费扶养费',
      mandatoryDefenceGrounds: [],
      documentNumber: '',
      reasons: '',
    });
    const after = await lists();
    expect(after.overdue).toEqual([]);
    expect(after.doneLate).toContain(caseNumber);
    expect(after.d.doneLate.find((i) => i.limit.includes('决定'))).toMatchObject({
      doneOn: '2026-11-29',
      status: 'doneLate',
    });
    // The decision starts the 3-day assignment limit, not yet due soon on the day of the decision? It is: due 12-02.
    expect(after.d.dueSoon.map((i) => [i.limit.includes('指派'), i.due])).toEqual([[true, '2026-12-02']]);
  });

  it('shows mediation and notarization limits beside legal aid', async () => {
    const mediation = await backend.store.db.selectFrom('cases').select('id').execute();
    expect(mediation).toEqual([]);
    const d = await backend.api.call('dashboard.deadlines', {});
    expect(d).toEqual({ today: '2026-11-22', dueSoon: [], overdue: [], doneLate: [] });
  });
});
