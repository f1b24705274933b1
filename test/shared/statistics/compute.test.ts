// The report counted from hand-made case facts: every indicator, and where periods begin and end.
import {
  breakdownValuesOf,
  computeCounty,
  computeFigures,
  computeRows,
  expectedExportMonth,
  figureCounter,
  isLate,
  type FigureRow,
} from '../../../shared/statistics/compute';
import type { LegalAidCaseFacts } from '../../../shared/kinds/legalAid/statistics';
import type { MediationCaseFacts } from '../../../shared/kinds/mediation/statistics';
import type { NotarizationCaseFacts } from '../../../shared/kinds/notarization/statistics';
import { caseFactsSchema, type CaseFacts } from '../../../shared/statistics/caseFacts';
import { INDICATORS } from '../../../shared/statistics/indicators';
import { lastFinishedMonth, parsePeriod, type Period } from '../../../shared/statistics/period';

const base = {
  officeCode: '43020301',
  caseNumber: '',
  status: 'received',
  closedOn: null,
  asOf: '2026-11-20',
  limits: [],
  missingNoticeDates: [],
  dossierCompleteAtClosing: null,
  followUps: [],
  handler: '',
};

function legalAid(over: Partial<LegalAidCaseFacts>): LegalAidCaseFacts {
  return {
    ...base,
    kind: 'legal_aid',
    receivedOn: '2026-10-10',
    category: '民事',
    serviceForm: '民事、行政、国家赔偿诉讼代理及非诉讼代理',
    applicantGroups: [],
    grantedOn: null,
    refusedOn: null,
    notifiedOn: null,
    provisionalOn: null,
    assignedOn: null,
    terminatedOn: null,
    subsidy: null,
    ...over,
  };
}
function mediation(over: Partial<MediationCaseFacts>): MediationCaseFacts {
  return {
    ...base,
    kind: 'mediation',
    receivedOn: '2026-10-10',
    disputeType: '邻里纠纷',
    amountFen: 0,
    peopleCount: 2,
    outcome: null,
    agreement: null,
    confirmationAppliedOn: null,
    confirmedOn: null,
    crimePrevention: false,
    subsidy: null,
    ...over,
  };
}
function notarization(over: Partial<NotarizationCaseFacts>): NotarizationCaseFacts {
  return {
    ...base,
    kind: 'notarization',
    receivedOn: '2026-10-10',
    matterName: '学历公证',
    matterCategory: '证明文书',
    forwardedOn: null,
    acceptedOn: null,
    issuedOn: null,
    deliveredOn: null,
    deferred: null,
    ...over,
  };
}

const period = (key: string): Period => parsePeriod(key)!;
function figures(facts: CaseFacts[], key = '2026-10'): Map<string, FigureRow> {
  return new Map(computeRows(facts, period(key)).map((r) => [r.key, r]));
}
/** [period, year to date] of one row. */
function pair(facts: CaseFacts[], rowKey: string, key = '2026-10'): [number | null, number | null] {
  const row = figures(facts, key).get(rowKey);
  if (!row) throw new Error(`no row ${rowKey}`);
  return [row.period, row.yearToDate];
}

describe('periods', () => {
  it('reads months, quarters and years, with their ranges and Chinese names', () => {
    expect(parsePeriod('2026-10')).toMatchObject({
      kind: 'month',
      range: { from: '2026-10-01', to: '2026-10-31' },
      yearToDate: { from: '2026-01-01', to: '2026-10-31' },
      label: '2026年10月',
    });
    expect(parsePeriod('2026-02')?.range.to).toBe('2026-02-28');
    expect(parsePeriod('2028-02')?.range.to).toBe('2028-02-29');
    expect(parsePeriod('2026-Q4')).toMatchObject({
      kind: 'quarter',
      range: { from: '2026-10-01', to: '2026-12-31' },
      label: '2026年第四季度',
    });
    expect(parsePeriod('2026-Q1')?.range).toEqual({ from: '2026-01-01', to: '2026-03-31' });
    expect(parsePeriod('2026')).toMatchObject({
      kind: 'year',
      range: { from: '2026-01-01', to: '2026-12-31' },
      label: '2026年',
    });
    for (const bad of ['2026-13', '2026-00', '2026-Q5', '26-10', '2026/10', '', '2026-1'])
      expect(parsePeriod(bad)).toBeNull();
  });

  it('knows the last finished month and which month a late office should have sent', () => {
    expect(lastFinishedMonth('2026-11-22')).toBe('2026-10');
    expect(lastFinishedMonth('2027-01-03')).toBe('2026-12');
    expect(expectedExportMonth('2026-11-05')).toBe('2026-09');
    expect(expectedExportMonth('2026-11-06')).toBe('2026-10');
    expect(expectedExportMonth('2027-01-10')).toBe('2026-12');
    expect(isLate('2026-10', '2026-11-06')).toBe(false);
    expect(isLate('2026-09', '2026-11-06')).toBe(true);
    expect(isLate('2026-09', '2026-11-04')).toBe(false);
    expect(isLate(null, '2026-11-04')).toBe(true);
  });
});

describe('period boundaries', () => {
  it('counts a case registered on 30 September (even at 23:59) in September, and one of 1 October in October', () => {
    const facts = [
      legalAid({ receivedOn: '2026-09-30' }),
      legalAid({ receivedOn: '2026-10-01' }),
      legalAid({ receivedOn: '2026-10-31' }),
      legalAid({ receivedOn: '2026-11-01' }),
    ];
    expect(pair(facts, 'legalAid.received', '2026-09')).toEqual([1, 1]);
    expect(pair(facts, 'legalAid.received', '2026-10')).toEqual([2, 3]);
    expect(pair(facts, 'legalAid.received', '2026-Q3')).toEqual([1, 1]);
    expect(pair(facts, 'legalAid.received', '2026-Q4')).toEqual([3, 4]);
    expect(pair(facts, 'legalAid.received', '2026')).toEqual([4, 4]);
  });

  it('starts the year to date on 1 January: last December counts in neither', () => {
    const facts = [
      mediation({ receivedOn: '2025-12-31' }),
      mediation({ receivedOn: '2026-01-01' }),
      mediation({ receivedOn: '2026-03-15' }),
    ];
    expect(pair(facts, 'mediation.registered', '2026-01')).toEqual([1, 1]);
    expect(pair(facts, 'mediation.registered', '2026-03')).toEqual([1, 2]);
    expect(pair(facts, 'mediation.registered', '2025')).toEqual([1, 1]);
  });

  it('counts each event on its own day: a case registered in September and closed in October is closed in October', () => {
    const facts = [
      legalAid({ receivedOn: '2026-09-20', grantedOn: '2026-09-25', assignedOn: '2026-09-28', closedOn: '2026-10-15' }),
    ];
    const oct = figures(facts);
    expect([
      oct.get('legalAid.received')?.period,
      oct.get('legalAid.granted')?.period,
      oct.get('legalAid.assigned')?.period,
      oct.get('legalAid.closed')?.period,
    ]).toEqual([0, 0, 0, 1]);
    expect([oct.get('legalAid.received')?.yearToDate, oct.get('legalAid.closed')?.yearToDate]).toEqual([1, 1]);
  });
});

describe('legal aid', () => {
  const facts = [
    legalAid({
      category: '刑事',
      serviceForm: '刑事辩护与代理',
      applicantGroups: ['未成年人'],
      grantedOn: '2026-10-12',
      assignedOn: '2026-10-14',
      closedOn: '2026-10-30',
    }),
    legalAid({
      category: '民事',
      serviceForm: '法律咨询',
      applicantGroups: ['老年人', '低保对象', '特困人员'],
      refusedOn: '2026-10-15',
    }),
    legalAid({
      category: '民事',
      applicantGroups: ['妇女', '农民工'],
      provisionalOn: '2026-10-11',
      grantedOn: '2026-10-20',
      terminatedOn: '2026-10-25',
    }),
    legalAid({
      category: '行政',
      applicantGroups: ['残疾人', '军人军属'],
      grantedOn: '2026-10-13',
      subsidy: { paidOn: '2026-10-28', amountFen: 150_000 },
    }),
    legalAid({
      receivedOn: '2026-08-01',
      category: '国家赔偿',
      serviceForm: '法律咨询',
      applicantGroups: ['其他'],
      grantedOn: '2026-08-03',
      subsidy: { paidOn: '2026-08-30', amountFen: 80_050 },
    }),
  ];
  const rows = figures(facts);
  const v = (key: string) => [rows.get(key)?.period, rows.get(key)?.yearToDate];

  it('counts applications, decisions, provisional aid, assignments, closings and terminations', () => {
    expect(v('legalAid.received')).toEqual([4, 5]);
    expect(v('legalAid.granted')).toEqual([2 + 1, 4]);
    expect(v('legalAid.refused')).toEqual([1, 1]);
    expect(v('legalAid.provisional')).toEqual([1, 1]);
    expect(v('legalAid.assigned')).toEqual([1, 1]);
    expect(v('legalAid.closed')).toEqual([1, 1]);
    expect(v('legalAid.terminated')).toEqual([1, 1]);
  });

  it('breaks applications down by category and by form of service, every listed value shown even at 0', () => {
    expect(v('legalAid.byCategory')).toEqual([4, 5]);
    expect(v('legalAid.byCategory:刑事')).toEqual([1, 1]);
    expect(v('legalAid.byCategory:民事')).toEqual([2, 2]);
    expect(v('legalAid.byCategory:行政')).toEqual([1, 1]);
    expect(v('legalAid.byCategory:国家赔偿')).toEqual([0, 1]);
    expect(v('legalAid.byCategory:非诉讼及其他')).toEqual([0, 0]);
    expect(v('legalAid.byServiceForm:法律咨询')).toEqual([1, 2]);
    expect(v('legalAid.byServiceForm:刑事辩护与代理')).toEqual([1, 1]);
    expect(v('legalAid.consultations')).toEqual([1, 2]);
  });

  it('counts aided persons once, on the day aid began, and by group with 低保 and 特困 as one row', () => {
    expect(v('legalAid.aidedPersons')).toEqual([3, 4]);
    expect(v('legalAid.aidedByGroup:未成年人')).toEqual([1, 1]);
    expect(v('legalAid.aidedByGroup:妇女')).toEqual([1, 1]);
    expect(v('legalAid.aidedByGroup:农民工')).toEqual([1, 1]);
    expect(v('legalAid.aidedByGroup:残疾人')).toEqual([1, 1]);
    expect(v('legalAid.aidedByGroup:军人军属')).toEqual([1, 1]);
    // The refused applicant was never aided.
    expect(v('legalAid.aidedByGroup:老年人')).toEqual([0, 0]);
    expect(v('legalAid.aidedByGroup:低保/特困')).toEqual([0, 0]);
    // The provisional case (11 October) counts once, though it was granted later too.
    expect(v('legalAid.aidedByGroup')).toEqual([5, 5]);
  });

  it('adds up subsidies in fen on the day they were paid', () => {
    expect(v('legalAid.subsidyCases')).toEqual([1, 2]);
    expect(v('legalAid.subsidyFen')).toEqual([150_000, 230_050]);
  });

  it('counts a limit as overdue in the period its due date falls in, when met late or still open after it', () => {
    const limits = [
      legalAid({ limits: [{ key: 'legalAidDecision', due: '2026-10-09', doneOn: '2026-10-09' }] }), // on the last day: in time
      legalAid({ limits: [{ key: 'legalAidDecision', due: '2026-10-09', doneOn: '2026-10-12' }] }), // late
      legalAid({ limits: [{ key: 'legalAidDecision', due: '2026-10-20', doneOn: null }] }), // open, past due on asOf
      legalAid({ limits: [{ key: 'legalAidDecision', due: '2026-11-25', doneOn: null }] }), // open, not yet due
      legalAid({ limits: [{ key: 'legalAidAssignment', due: '2026-09-30', doneOn: '2026-10-02' }] }), // late, due in September
    ];
    expect(pair(limits, 'legalAid.overdueDecisions')).toEqual([2, 2]);
    expect(pair(limits, 'legalAid.overdueAssignments')).toEqual([0, 1]);
    expect(pair(limits, 'legalAid.overdueAssignments', '2026-09')).toEqual([1, 1]);
    expect(pair(limits, 'legalAid.overdueDecisions', '2026-11')).toEqual([0, 2]);
  });
});

describe('mediation', () => {
  const facts = [
    mediation({
      disputeType: '婚姻纠纷',
      amountFen: 500_000,
      peopleCount: 2,
      outcome: { on: '2026-10-20', result: '调解成功' },
      agreement: { form: '书面', amountFen: 300_000 },
      confirmationAppliedOn: '2026-10-25',
      confirmedOn: '2026-10-30',
      crimePrevention: true,
      subsidy: { on: '2026-10-28', form: '书面', amountFen: 20_000 },
    }),
    mediation({
      disputeType: '邻里纠纷',
      amountFen: 0,
      peopleCount: 3,
      outcome: { on: '2026-10-11', result: '调解成功' },
      agreement: { form: '口头', amountFen: 0 },
      subsidy: { on: '2026-10-12', form: '口头', amountFen: 5_000 },
    }),
    mediation({ disputeType: '邻里纠纷', peopleCount: 4, outcome: { on: '2026-10-22', result: '调解不成功' } }),
    mediation({
      disputeType: '水利纠纷',
      peopleCount: 6,
      outcome: { on: '2026-10-23', result: '终止调解' },
      limits: [{ key: 'mediationTerm', due: '2026-10-21', doneOn: '2026-10-23' }],
    }),
    mediation({
      receivedOn: '2026-09-01',
      disputeType: '合同纠纷',
      amountFen: 100_000,
      peopleCount: 2,
      outcome: { on: '2026-09-10', result: '调解成功' },
      agreement: { form: '书面', amountFen: 90_000 },
    }),
  ];
  const rows = figures(facts);
  const v = (key: string) => [rows.get(key)?.period, rows.get(key)?.yearToDate];

  it('counts disputes by type, a type the office added after the listed ones', () => {
    expect(v('mediation.registered')).toEqual([4, 5]);
    expect(v('mediation.byDisputeType:婚姻纠纷')).toEqual([1, 1]);
    expect(v('mediation.byDisputeType:邻里纠纷')).toEqual([2, 2]);
    expect(v('mediation.byDisputeType:合同纠纷')).toEqual([0, 1]);
    expect(v('mediation.byDisputeType:水利纠纷')).toEqual([1, 1]);
    const order = computeRows(facts, period('2026-10'))
      .filter((r) => r.indicatorKey === 'mediation.byDisputeType')
      .map((r) => r.label);
    expect(order.at(-1)).toBe('水利纠纷');
    expect(order.indexOf('其他纠纷')).toBe(order.length - 2);
  });

  it('counts the same figures from facts handed over a batch at a time as from all of them at once', () => {
    const whole = computeFigures(facts, period('2026-10'));
    for (const size of [1, 2, 3]) {
      const counter = figureCounter(period('2026-10'));
      for (let at = 0; at < facts.length; at += size) counter.add(facts.slice(at, at + size));
      expect(counter.count).toBe(facts.length);
      expect(counter.figures()).toEqual(whole);
    }
    // With the breakdowns' rows given (the county's), the same rows as breakdownValuesOf lists.
    const given = figureCounter(period('2026-10'), breakdownValuesOf(facts, period('2026-10')));
    given.add(facts.slice(0, 2));
    given.add(facts.slice(2));
    expect(given.rows()).toEqual(whole.rows);
  });

  it('counts outcomes, the success rate from the counts, and written against oral agreements', () => {
    expect(v('mediation.ended')).toEqual([4, 5]);
    expect(v('mediation.succeeded')).toEqual([2, 3]);
    expect(v('mediation.successRate')).toEqual([50, 60]);
    expect(v('mediation.byAgreementForm:书面')).toEqual([1, 2]);
    expect(v('mediation.byAgreementForm:口头')).toEqual([1, 1]);
  });

  it('adds up amounts and people, judicial confirmations, 民转刑 and 以奖代补 by case form', () => {
    expect(v('mediation.amountFen')).toEqual([500_000, 600_000]);
    expect(v('mediation.agreementFen')).toEqual([300_000, 390_000]);
    expect(v('mediation.people')).toEqual([15, 17]);
    expect(v('mediation.confirmationApplied')).toEqual([1, 1]);
    expect(v('mediation.confirmed')).toEqual([1, 1]);
    expect(v('mediation.crimePrevention')).toEqual([1, 1]);
    expect(v('mediation.overdue')).toEqual([1, 1]);
    expect(v('mediation.subsidyCases:书面')).toEqual([1, 1]);
    expect(v('mediation.subsidyCases:口头')).toEqual([1, 1]);
    expect(v('mediation.subsidyFen')).toEqual([25_000, 25_000]);
    expect(v('mediation.subsidyFen:口头')).toEqual([5_000, 5_000]);
  });

  it('shows no rate when nothing ended', () => {
    expect(pair([mediation({})], 'mediation.successRate')).toEqual([null, null]);
  });
});

describe('notarization', () => {
  const facts = [
    notarization({
      matterName: '学历公证',
      forwardedOn: '2026-10-11',
      acceptedOn: '2026-10-12',
      issuedOn: '2026-10-20',
      deliveredOn: '2026-10-22',
      closedOn: '2026-10-22',
      deferred: { dueOn: '2026-10-19', suppliedOn: '2026-10-18' },
      missingNoticeDates: ['2026-10-10'],
    }),
    notarization({
      matterName: '亲属关系公证',
      forwardedOn: '2026-10-11',
      acceptedOn: '2026-10-13',
      deferred: { dueOn: '2026-10-16', suppliedOn: '2026-10-19' },
      limits: [{ key: 'notarizationIssue', due: '2026-11-03', doneOn: null }],
    }),
    notarization({
      matterName: '亲属关系公证',
      acceptedOn: '2026-10-14',
      deferred: { dueOn: '2026-10-24', suppliedOn: null },
      limits: [{ key: 'notarizationIssue', due: '2026-10-30', doneOn: null }],
    }),
  ];
  const rows = figures(facts);
  const v = (key: string) => [rows.get(key)?.period, rows.get(key)?.yearToDate];

  it('counts the steps from request to hand-over, by matter', () => {
    expect(v('notarization.received')).toEqual([3, 3]);
    expect(v('notarization.forwarded')).toEqual([2, 2]);
    expect(v('notarization.issued')).toEqual([1, 1]);
    expect(v('notarization.delivered')).toEqual([1, 1]);
    expect(v('notarization.byMatter:亲属关系公证')).toEqual([2, 2]);
    expect(v('notarization.byMatter:学历公证')).toEqual([1, 1]);
  });

  it('counts 容缺 acceptances and the items supplied by their promised date', () => {
    expect(v('notarization.deferred')).toEqual([3, 3]);
    expect(v('notarization.deferredOnTime')).toEqual([1, 1]);
  });

  it('counts a certificate not issued in time in the month it fell due', () => {
    expect(v('notarization.overdue')).toEqual([1, 1]);
    // Due on 3 November and still not issued when the facts were taken (20 November).
    expect(pair(facts, 'notarization.overdue', '2026-11')).toEqual([1, 2]);
  });
});

describe('dossier quality', () => {
  it('counts finished cases of every kind and the missing-material notices', () => {
    const facts = [
      legalAid({ closedOn: '2026-10-30', missingNoticeDates: ['2026-10-11'] }),
      mediation({ closedOn: '2026-10-20', outcome: { on: '2026-10-20', result: '调解不成功' } }),
      notarization({ closedOn: '2026-09-22', missingNoticeDates: ['2026-09-01', '2026-10-02'] }),
    ];
    expect(pair(facts, 'dossier.closed')).toEqual([2, 3]);
    expect(pair(facts, 'dossier.missingNotices')).toEqual([2, 3]);
    // No case says whether its dossier was complete: none checked, and no rate rather than a misleading 0%.
    expect(pair(facts, 'dossier.checkedAtClosing')).toEqual([0, 0]);
    expect(pair(facts, 'dossier.completeAtClosing')).toEqual([0, 0]);
    expect(pair(facts, 'dossier.completeRate')).toEqual([null, null]);
  });

  it('gives the share of dossiers complete at closing where the checklist was kept', () => {
    const facts = [
      legalAid({ closedOn: '2026-10-30', dossierCompleteAtClosing: true }),
      legalAid({ closedOn: '2026-10-29', dossierCompleteAtClosing: false }),
      mediation({ closedOn: '2026-10-20', dossierCompleteAtClosing: true }),
      mediation({ closedOn: '2026-10-21' }),
    ];
    expect(pair(facts, 'dossier.completeAtClosing')).toEqual([2, 2]);
    expect(pair(facts, 'dossier.checkedAtClosing')).toEqual([3, 3]);
    expect(pair(facts, 'dossier.completeRate')).toEqual([66.7, 66.7]);
  });
});

describe('the catalogue', () => {
  it('has every indicator exercised above with a Chinese label and a unique key', () => {
    const keys = INDICATORS.map((i) => i.key);
    expect(new Set(keys).size).toBe(keys.length);
    for (const i of INDICATORS) expect(i.label).toMatch(/\p{Script=Han}/u);
    const rows = computeRows([], period('2026-10'));
    for (const key of keys) expect(rows.some((r) => r.key === key)).toBe(true);
  });
});

describe('the county', () => {
  const a = [
    mediation({
      officeCode: 'A',
      outcome: { on: '2026-10-20', result: '调解成功' },
      agreement: { form: '口头', amountFen: 0 },
    }),
  ];
  const b = [
    mediation({ officeCode: 'B', disputeType: '水利纠纷', outcome: { on: '2026-10-21', result: '调解不成功' } }),
    mediation({ officeCode: 'B', outcome: { on: '2026-10-21', result: '调解不成功' } }),
  ];
  const county = computeCounty(
    [
      { code: 'A', name: '甲司法所', facts: a, lastExportedMonth: '2026-10' },
      { code: 'B', name: '乙司法所', facts: b, lastExportedMonth: '2026-09' },
    ],
    period('2026-10'),
    { countyName: '雨花区司法局', today: '2026-11-22' },
  );
  const row = (rows: FigureRow[], key: string) => rows.find((r) => r.key === key)?.period;

  it('gives each office its figures with the same rows, and a total with the rate recomputed from the sums', () => {
    const [first, second] = county.offices;
    expect(first?.rows.map((r) => r.key)).toEqual(second?.rows.map((r) => r.key));
    expect(row(first!.rows, 'mediation.byDisputeType:水利纠纷')).toBe(0);
    expect(row(second!.rows, 'mediation.byDisputeType:水利纠纷')).toBe(1);
    expect(row(first!.rows, 'mediation.successRate')).toBe(100);
    expect(row(second!.rows, 'mediation.successRate')).toBe(0);
    expect(row(county.total.rows, 'mediation.registered')).toBe(3);
    expect(row(county.total.rows, 'mediation.successRate')).toBe(33.3);
  });

  it('lists the offices late with last month’s export', () => {
    expect(county.lateOffices).toEqual([{ code: 'B', name: '乙司法所', lastExportedMonth: '2026-09' }]);
    expect(county.lateRule).toContain('5日');
  });

  it('lines up breakdown values met in any office, leaving out values of earlier years', () => {
    expect(breakdownValuesOf([...a, ...b], period('2026-10')).get('mediation.byDisputeType')).toContain('水利纠纷');
    expect(breakdownValuesOf([...a, ...b], period('2027-01')).get('mediation.byDisputeType')).not.toContain('水利纠纷');
  });
});

describe('trend and facts from outside', () => {
  it('counts registrations per month of the year to date by kind', () => {
    const trend = computeFigures(
      [
        legalAid({ receivedOn: '2026-01-05' }),
        mediation({ receivedOn: '2026-03-05' }),
        notarization({ receivedOn: '2026-03-06' }),
        mediation({ receivedOn: '2025-03-05' }),
      ],
      period('2026-Q1'),
    ).trend;
    expect(trend).toEqual([
      { month: '2026-01', legalAid: 1, mediation: 0, notarization: 0 },
      { month: '2026-02', legalAid: 0, mediation: 0, notarization: 0 },
      { month: '2026-03', legalAid: 0, mediation: 1, notarization: 1 },
    ]);
  });

  it('checks imported facts against the schema', () => {
    expect(caseFactsSchema.safeParse(legalAid({})).success).toBe(true);
    expect(caseFactsSchema.safeParse({ ...mediation({}), amountFen: -1 }).success).toBe(false);
    expect(caseFactsSchema.safeParse({ ...notarization({}), receivedOn: '2026/10/10' }).success).toBe(false);
  });
});
