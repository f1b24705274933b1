// The office's reports kept for reuse: the clerk opens November's report, then exports November, and the package
// carries the figures she saw without computing them again; any write in between (a new case, a timeline step, a
// holiday change, a second connection's commit, even one rolled back) makes the next report compute afresh, and
// what is served always equals a fresh computation.
import { officeStatistics } from '../../../../electron/services/statistics/office';
import { officeReportsOf } from '../../../../electron/services/statistics/officeReports';
import type { OfficeStatistics } from '../../../../shared/statistics/compute';
import { openTestFile } from '../../../support/testKey';
import { testBackend, validApplication } from '../../../support/fixtures';
import { bureau, introduce, office, type Site } from '../exchange/fixtures';

// Demo cases through the channels and two exports on a loaded 2-core machine.
jest.setTimeout(120_000);

const PERIOD = '2026-11';
const AS_OF = '2026-11-22';

let site: Site;
let county: Site;

beforeEach(async () => {
  site = await office({ cases: 12 });
  county = await bureau();
  await introduce(site, county);
});
afterEach(async () => {
  await site.close();
  await county.close();
});

const reports = () => officeReportsOf(site.store.sqlite);
async function opened(): Promise<OfficeStatistics> {
  const report = await site.api.call('statistics.report', { period: PERIOD, scope: 'office' });
  if (report.scope !== 'office') throw new Error('not an office report');
  return report.office;
}
const fresh = () => officeStatistics(site.store.db, PERIOD, AS_OF);

/** The figures the last package carries (its statistics.json, as kept with the export). */
function packaged(): OfficeStatistics {
  const { statistics } = site.store.sqlite
    .prepare('SELECT statistics FROM exchange_exports ORDER BY sequence DESC LIMIT 1')
    .get() as { statistics: string };
  return (JSON.parse(statistics) as { figures: OfficeStatistics }).figures;
}

describe('统计报表 reused by the export', () => {
  it('exports the figures the clerk just opened without computing them again', async () => {
    const seen = await opened();
    const computed = reports().computed;
    await site.api.call('exchange.export', { period: PERIOD, folder: null });
    expect(reports().computed).toBe(computed);
    expect(packaged()).toEqual(seen);
    expect(packaged()).toEqual(await fresh());
    // The export's own writes (its record, the audit entry) are a new state: the report is computed again.
    await opened();
    expect(reports().computed).toBe(computed + 1);
  });

  it('computes the export afresh after a new case, with the case counted', async () => {
    const before = await opened();
    const computed = reports().computed;
    await site.api.call('legalAid.create', {
      draftId: null,
      application: { ...validApplication(), receivedOn: '2026-11-20' },
    });
    await site.api.call('exchange.export', { period: PERIOD, folder: null });
    expect(reports().computed).toBe(computed + 1);
    expect(packaged().caseCount).toBe(before.caseCount + 1);
    expect(packaged()).toEqual(await fresh());
  });

  it('computes the report afresh after a timeline step', async () => {
    const { id } = await site.api.call('legalAid.create', {
      draftId: null,
      application: { ...validApplication(), receivedOn: '2026-11-16' },
    });
    const before = await opened();
    const computed = reports().computed;
    await site.api.call('legalAid.decide', {
      caseId: id,
      actedOn: '2026-11-20',
      decision: '不予法律援助',
      decidedBy: '县法律援助中心',
      matterType: '不属于法定援助事项',
      mandatoryDefenceGrounds: [],
      documentNumber: '',
      reasons: '不属于法律援助范围',
    });
    const after = await opened();
    expect(reports().computed).toBe(computed + 1);
    expect(after).not.toEqual(before);
    expect(after).toEqual(await fresh());
  });

  it('computes the report afresh after a holiday change', async () => {
    await opened();
    const computed = reports().computed;
    await site.api.call('holidays.save', {
      year: 2027,
      holidays: ['2027-10-01', '2027-10-02', '2027-10-03', '2027-10-04', '2027-10-05', '2027-10-06', '2027-10-07'],
      workdays: ['2027-09-26', '2027-10-09'],
      source: '国务院办公厅关于2027年部分节假日安排的通知',
    });
    expect(await opened()).toEqual(await fresh());
    expect(reports().computed).toBe(computed + 1);
  });

  it("computes the report afresh after another connection's commit to the same file", async () => {
    const before = await opened();
    const other = openTestFile(site.dataFile);
    try {
      other.prepare('UPDATE office SET name = ? WHERE id = 1').run('黎托街道司法所（更名）');
    } finally {
      other.close();
    }
    const computed = reports().computed;
    const after = await opened();
    expect(reports().computed).toBe(computed + 1);
    expect(after.office.name).toBe('黎托街道司法所（更名）');
    expect(after).toEqual({ ...before, office: { ...before.office, name: '黎托街道司法所（更名）' } });
    expect(after).toEqual(await fresh());
  });

  it('never keeps figures read inside a transaction that is rolled back', async () => {
    const before = await opened();
    await expect(
      site.store.db.transaction().execute(async (trx) => {
        await trx.updateTable('office').set({ name: '未提交的名称' }).where('id', '=', 1).execute();
        const inside = await reports().report(trx, PERIOD, AS_OF);
        expect(inside.office.name).toBe('未提交的名称');
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    expect(await opened()).toEqual(before);
    expect(await opened()).toEqual(await fresh());
  });

  it('keeps nothing across a re-opened store', async () => {
    await opened();
    await site.close();
    const reopened = testBackend(site.dataFile, { clock: site.clock });
    try {
      expect(officeReportsOf(reopened.store.sqlite).computed).toBe(0);
      await reopened.api.call('statistics.report', { period: PERIOD, scope: 'office' });
      expect(officeReportsOf(reopened.store.sqlite).computed).toBe(1);
    } finally {
      await reopened.close();
    }
    site = { ...site, close: async () => {} };
  });
});
