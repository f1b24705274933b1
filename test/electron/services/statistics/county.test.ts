// The county report at the bureau: two offices export their October, the bureau imports the packages, and the
// figures it counts from the imported rows are each office's own figures, with their total and the late office.
import { officeStatistics } from '../../../../electron/services/statistics/office';
import type { CountyStatistics } from '../../../../shared/statistics/compute';
import { bureau, introduce, office, type Site } from '../exchange/fixtures';

jest.setTimeout(120_000);

let lituo: Site;
let tongsheng: Site;
let silent: Site;
let county: Site;
let report: CountyStatistics;

beforeAll(async () => {
  lituo = await office({ cases: 36, seed: 5 });
  tongsheng = await office({ number: '02', name: '同升街道司法所', cases: 18, seed: 9 });
  silent = await office({ number: '03', name: '洞井街道司法所', cases: 0 });
  county = await bureau();
  for (const s of [lituo, tongsheng, silent]) await introduce(s, county);
  for (const s of [lituo, tongsheng]) {
    const made = await s.api.call('exchange.export', { period: '2026-10', folder: null });
    const [outcome] = await county.api.call('bureau.importFiles', { files: [made.file] });
    expect(outcome).toMatchObject({ status: 'imported' });
  }
  const answer = await county.api.call('statistics.report', { period: '2026', scope: 'county' });
  if (answer.scope !== 'county') throw new Error('expected the county report');
  report = answer.county;
});
afterAll(async () => {
  for (const s of [lituo, tongsheng, silent, county]) await s?.close();
});

describe('the county report from imported packages', () => {
  it('counts each office from its exported rows exactly as the office counts itself', async () => {
    expect(report.offices.map((o) => o.code)).toEqual(['43011101', '43011102', '43011103']);
    for (const [site, code] of [
      [lituo, '43011101'],
      [tongsheng, '43011102'],
    ] as const) {
      const own = await officeStatistics(site.store.db, '2026', '2026-11-22');
      const fromBureau = report.offices.find((o) => o.code === code)!;
      const byKey = new Map(fromBureau.rows.map((r) => [r.key, r]));
      // The county lines up every breakdown value met in any office: compare the office's own rows.
      expect(
        own.rows.map((r) => ({
          key: r.key,
          period: byKey.get(r.key)?.period,
          yearToDate: byKey.get(r.key)?.yearToDate,
        })),
      ).toEqual(own.rows.map((r) => ({ key: r.key, period: r.period, yearToDate: r.yearToDate })));
      expect(
        own.rows.find((r) => r.key === 'legalAid.received')!.yearToDate! +
          own.rows.find((r) => r.key === 'mediation.registered')!.yearToDate!,
      ).toBeGreaterThan(0);
    }
  });

  it('adds the offices up in the 合计, and recomputes the rates from the sums', () => {
    for (const key of [
      'legalAid.received',
      'mediation.registered',
      'mediation.amountFen',
      'notarization.received',
      'dossier.closed',
      'followUp.total',
      'followUp.satisfied',
      'followUp.basicallySatisfied',
      'followUp.dissatisfied',
    ]) {
      const total = report.total.rows.find((r) => r.key === key)!;
      const sum = report.offices.reduce((n, o) => n + (o.rows.find((r) => r.key === key)!.yearToDate ?? 0), 0);
      expect({ key, total: total.yearToDate }).toEqual({ key, total: sum });
    }
    const of = (key: string) => report.total.rows.find((r) => r.key === key)!.yearToDate!;
    const rate = report.total.rows.find((r) => r.key === 'mediation.successRate')!.yearToDate;
    expect(rate).toBe(
      of('mediation.ended') === 0 ? null : Math.round((of('mediation.succeeded') / of('mediation.ended')) * 1000) / 10,
    );
    // 回访: both satisfaction rates from the county's sums, not the mean of the offices' rates.
    expect(of('followUp.total')).toBeGreaterThan(0);
    const satisfied = report.total.rows.find((r) => r.key === 'followUp.satisfiedRate')!.yearToDate;
    expect(satisfied).toBe(Math.round((of('followUp.satisfied') / of('followUp.total')) * 1000) / 10);
    const atLeastBasically = report.total.rows.find((r) => r.key === 'followUp.satisfiedOrBasicallyRate')!.yearToDate;
    expect(atLeastBasically).toBe(
      Math.round(((of('followUp.satisfied') + of('followUp.basicallySatisfied')) / of('followUp.total')) * 1000) / 10,
    );
  });

  it('names the office that has sent nothing as late', () => {
    expect(report.lateOffices).toEqual([{ code: '43011103', name: '洞井街道司法所', lastExportedMonth: null }]);
    expect(report.county.name).toBe('长沙市雨花区司法局');
  });
});
