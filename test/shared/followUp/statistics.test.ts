// 回访 in the periodic report: follow-ups counted on their own dates, by kind and by 满意度, and both rates recomputed
// from the sums — for an office and for the county (never the mean of the offices' rates).
import type { MediationCaseFacts } from '../../../shared/kinds/mediation/statistics';
import { computeCounty, computeFigures, type FigureRow } from '../../../shared/statistics/compute';
import { parsePeriod, type Period } from '../../../shared/statistics/period';

type FollowUp = MediationCaseFacts['followUps'][number];

function mediation(officeCode: string, followUps: FollowUp[]): MediationCaseFacts {
  return {
    officeCode,
    caseNumber: '',
    status: 'concluded',
    closedOn: null,
    asOf: '2026-11-30',
    limits: [],
    missingNoticeDates: [],
    dossierCompleteAtClosing: null,
    followUps,
    handler: '',
    kind: 'mediation',
    receivedOn: '2026-09-10',
    disputeType: '邻里纠纷',
    amountFen: 0,
    peopleCount: 2,
    outcome: null,
    agreement: null,
    confirmationAppliedOn: null,
    confirmedOn: null,
    crimePrevention: false,
    subsidy: null,
  };
}

const period: Period = parsePeriod('2026-10')!;
const figure = (rows: readonly FigureRow[], key: string) => rows.find((r) => r.key === key)!;

describe('follow-up figures', () => {
  it('counts follow-ups on their own dates, by 满意度, with both rates from the counts', () => {
    const facts = [
      mediation('43011101', [
        { on: '2026-09-30', satisfaction: '满意' }, // September: the year to date only
        { on: '2026-10-01', satisfaction: '满意' },
        { on: '2026-10-31', satisfaction: '基本满意' },
      ]),
      mediation('43011101', [
        { on: '2026-10-15', satisfaction: '不满意' },
        { on: '2026-10-20', satisfaction: null }, // recorded before the shared form
      ]),
    ];
    const { rows } = computeFigures(facts, period);
    expect(figure(rows, 'followUp.total')).toMatchObject({ label: '回访数', period: 4, yearToDate: 5 });
    expect(figure(rows, 'followUp.total:人民调解')).toMatchObject({ period: 4, yearToDate: 5 });
    expect(figure(rows, 'followUp.total:法律援助')).toMatchObject({ period: 0 });
    expect(figure(rows, 'followUp.satisfied')).toMatchObject({ period: 1, yearToDate: 2 });
    expect(figure(rows, 'followUp.basicallySatisfied')).toMatchObject({ period: 1 });
    expect(figure(rows, 'followUp.dissatisfied')).toMatchObject({ period: 1 });
    expect(figure(rows, 'followUp.satisfiedRate')).toMatchObject({
      label: '满意率',
      unit: '%',
      period: 25,
      yearToDate: 40,
    });
    expect(figure(rows, 'followUp.satisfiedOrBasicallyRate')).toMatchObject({ period: 50, yearToDate: 60 });
  });

  it('gives the county its rates from the summed counts, not the mean of the offices’ rates', () => {
    // Office 1: 1 of 1 satisfied (100%); office 2: 1 of 4 (25%). Mean 62.5%; from the sums 2 of 5 = 40%.
    const one = [mediation('43011101', [{ on: '2026-10-02', satisfaction: '满意' }])];
    const two = [
      mediation('43011102', [
        { on: '2026-10-03', satisfaction: '满意' },
        { on: '2026-10-04', satisfaction: '不满意' },
        { on: '2026-10-05', satisfaction: '基本满意' },
        { on: '2026-10-06', satisfaction: '不满意' },
      ]),
    ];
    const county = computeCounty(
      [
        { code: '43011101', name: '黎托街道司法所', facts: one, lastExportedMonth: '2026-10' },
        { code: '43011102', name: '同升街道司法所', facts: two, lastExportedMonth: '2026-10' },
      ],
      period,
      { countyName: '长沙市雨花区司法局', today: '2026-11-03' },
    );
    expect(county.offices.map((o) => figure(o.rows, 'followUp.satisfiedRate').period)).toEqual([100, 25]);
    expect(figure(county.total.rows, 'followUp.total').period).toBe(5);
    expect(figure(county.total.rows, 'followUp.satisfiedRate').period).toBe(40);
    expect(figure(county.total.rows, 'followUp.satisfiedOrBasicallyRate').period).toBe(60);
  });
});
