// The deadline dashboard reads of each case only what its kind's limits are computed from (the kind's
// `deadlineInputs`): checked here against each case's limits computed one case at a time from its whole timeline and
// its kind's row, as the case page computes them, over the demo generator's cases of every kind and status, on days
// before, at and long after the data's end.
import { holidayTableOf } from '../../../../electron/services/calendar/holidayCalendar';
import { deadlineDashboard } from '../../../../electron/services/cases/dashboard';
import { caseFactsOf } from '../../../../electron/services/cases/facts';
import { caseTimeline } from '../../../../electron/services/cases/timeline';
import { dashboardCaseByCase } from '../../../../scripts/bench/measurements/dashboard';
import { makeDemoCases } from '../../../../scripts/demoCases';
import { addDays } from '../../../../shared/calendar';
import { metBefore } from '../../../../shared/deadlines';
import { DONE_LATE_WINDOW_DAYS } from '../../../../shared/cases/dashboard';
import { kindOf } from '../../../../shared/kinds';
import type { HolidayTable } from '../../../../shared/holidays';
import { OFFICE, testBackend, type TestBackend } from '../../../support/fixtures';

// Two hundred cases made through the channels, then every case's limits computed several times: a loaded machine.
jest.setTimeout(180_000);

const UNTIL = '2026-11-20';
/** Before the data's end, at it, within the done-late window of the demo's writes, and long after. */
const DAYS = ['2026-06-30', UNTIL, '2026-12-20', '2027-04-01'];

let backend: TestBackend;
let table: HolidayTable;

beforeAll(async () => {
  backend = testBackend();
  await backend.api.call('office.setup', OFFICE);
  await makeDemoCases(backend.api, { count: 200, seed: 11, until: UNTIL });
  table = await holidayTableOf(backend.store.db);
});
afterAll(() => backend.close());

describe('the deadline dashboard over the demo cases', () => {
  it.each(DAYS)('lists on %s exactly the limits each case computes from its whole timeline', async (today) => {
    const expected = await dashboardCaseByCase(backend.store.db, today);
    // The comparison means something only when the lists are not empty.
    expect(expected.dueSoon.length + expected.overdue.length + expected.doneLate.length).toBeGreaterThan(0);
    expect(await deadlineDashboard(backend.store.db, today)).toEqual(expected);
  });

  it("gives every case's limits from its kind's deadline inputs alone, as from its whole timeline and row", async () => {
    const { db } = backend.store;
    const cases = await db.selectFrom('cases').select(['id', 'kind', 'status', 'received_on']).orderBy('id').execute();
    const kinds = new Set<string>();
    let dropped = 0;
    for (const c of cases) {
      const kind = kindOf(c.kind);
      const { facts, detail } = await caseFactsOf(db, c.id);
      const timeline = await caseTimeline(db, c.id);
      const inputs = timeline.filter((e) => (kind.deadlineInputs.actions as readonly string[]).includes(e.action));
      dropped += timeline.length - inputs.length;
      const head = {
        receivedOn: c.received_on,
        status: c.status,
        detail: kind.deadlineInputs.detail ? detail : undefined,
      };
      const fromInputs = kind.factsOf(head, inputs);
      for (const today of DAYS) {
        expect({ case: c.id, limits: kind.deadlinesOf(fromInputs, today, { table }) }).toEqual({
          case: c.id,
          limits: kind.deadlinesOf(facts, today, { table }),
        });
      }
      kinds.add(c.kind);
    }
    // Every kind took part, and entries were left out: the inputs are a real subset of the timelines.
    expect([...kinds].sort()).toEqual(['legal_aid', 'mediation', 'notarization']);
    expect(dropped).toBeGreaterThan(0);
  });

  it('leaves out, when asked, only limits met before the given day, and those counted', async () => {
    const { db } = backend.store;
    const cases = await db.selectFrom('cases').select(['id', 'kind']).orderBy('id').execute();
    let left = 0;
    for (const c of cases) {
      const kind = kindOf(c.kind);
      const { facts } = await caseFactsOf(db, c.id);
      for (const today of DAYS) {
        const metFrom = addDays(today, -DONE_LATE_WINDOW_DAYS);
        const all = kind.deadlinesOf(facts, today, { table });
        const shown = kind.deadlinesOf(facts, today, { table }, metFrom);
        // What is left out was met before `metFrom`; what is given is as without it.
        expect({ case: c.id, shown }).toEqual({
          case: c.id,
          shown: all.filter((d) => shown.some((s) => s.key === d.key)),
        });
        const missing = all.filter((d) => !shown.some((s) => s.key === d.key));
        expect({ case: c.id, missing: missing.filter((d) => !metBefore(d.doneOn, metFrom)) }).toEqual({
          case: c.id,
          missing: [],
        });
        left += missing.length;
      }
    }
    expect(left).toBeGreaterThan(0);
  });
});
