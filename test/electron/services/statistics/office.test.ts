// The periodic report of a real office file: cases registered and carried forward through the channels, the
// figures read back through the service and the channel, the workbook read back by LibreOffice.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { officeCaseFacts, officeStatistics } from '../../../../electron/services/statistics/office';
import { statisticsWorkbook } from '../../../../electron/services/statistics/workbook';
import type { ChannelInput } from '../../../../shared/contract';
import {
  computeCounty,
  computeRows,
  type FigureRow,
  type OfficeStatistics,
} from '../../../../shared/statistics/compute';
import { parsePeriod } from '../../../../shared/statistics/period';
import { DEFAULT_TEMPLATE, sheetLines, type ReportTemplate } from '../../../../shared/statistics/template';
import { PAYLOADS as MEDIATION, validQuickOral, validRegistration } from '../../../shared/kinds/mediation/fixtures';
import { step, takeStep, validRequest } from '../../../shared/kinds/notarization/fixtures';
import { fileState, OFFICE, tempDir, testBackend, validApplication, type TestBackend } from '../../../support/fixtures';

// LibreOffice reads the workbooks back; its first start on a loaded machine takes tens of seconds: a budget for a loaded 2-core machine.
jest.setTimeout(180_000);

let backend: TestBackend;

const decide = (caseId: number, actedOn: string, refuse = false): ChannelInput<'legalAid.decide'> => ({
  caseId,
  actedOn,
  decision: refuse ? '不予法律援助' : '给予法律援助',
  decidedBy: '县法律援助中心',
  matterType: refuse ? '不属于法定援助事项' : '赡养费抚养费扶养费',
  mandatoryDefenceGrounds: [],
  documentNumber: '',
  reasons: refuse ? '不属于法律援助范围' : '',
});

/** An October at 黎托街道司法所: three legal-aid applications, three disputes, one notarization request. */
async function octoberOffice(): Promise<void> {
  const { api } = backend;
  await api.call('office.setup', OFFICE);
  // 法律援助: one carried from application to subsidy, one refused, one left undecided past its 7 days.
  const la1 = (
    await api.call('legalAid.create', {
      draftId: null,
      application: { ...validApplication(), receivedOn: '2026-10-09' },
    })
  ).id;
  await api.call('legalAid.notifyMissing', {
    caseId: la1,
    actedOn: '2026-10-10',
    items: ['收入证明'],
    dueOn: '2026-10-20',
    note: '',
  });
  await api.call('legalAid.supplyMaterials', { caseId: la1, actedOn: '2026-10-12', note: '' });
  await api.call('legalAid.decide', decide(la1, '2026-10-14'));
  await api.call('legalAid.assign', {
    caseId: la1,
    actedOn: '2026-10-15',
    assignedBy: '县法律援助中心',
    orgType: '律师事务所',
    orgName: '湖南星城律师事务所',
    personName: '周明',
    rosterId: null,
  });
  // Closed with the dossier incomplete, on the director's written override.
  await api.call('dossier.override', { caseId: la1, action: 'close', reason: '结案文书尚未送达，所长特批先行结案' });
  await api.call('legalAid.close', {
    caseId: la1,
    actedOn: '2026-10-28',
    result: '调解结案',
    closingDocument: '调解书',
    closingDocumentNumber: '',
    matterEndedOn: '2026-10-27',
    materialsSubmittedOn: '2026-10-28',
    summary: '',
  });
  await api.call('legalAid.recordSubsidy', {
    caseId: la1,
    actedOn: '2026-11-02',
    amountFen: 80_000,
    paidOn: '2026-11-02',
    note: '',
  });
  const la2 = (
    await api.call('legalAid.create', {
      draftId: null,
      application: { ...validApplication(), receivedOn: '2026-09-30', category: '行政' },
    })
  ).id;
  await api.call('legalAid.decide', decide(la2, '2026-10-08', true));
  await api.call('legalAid.create', {
    draftId: null,
    application: { ...validApplication(), receivedOn: '2026-10-20', applicantGroups: ['农民工'] },
  });

  // 人民调解: a written agreement confirmed by the court, an oral one on the spot, one left open since August.
  const m1 = (
    await api.call('mediation.create', { draftId: null, registration: validRegistration({ receivedOn: '2026-10-10' }) })
  ).id;
  await api.call('mediation.recordSession', {
    caseId: m1,
    actedOn: '2026-10-12',
    ...MEDIATION.recordSession,
  } as ChannelInput<'mediation.recordSession'>);
  await api.call('mediation.succeed', {
    caseId: m1,
    actedOn: '2026-10-15',
    ...MEDIATION.succeed,
    crimePrevention: true,
  } as ChannelInput<'mediation.succeed'>);
  await api.call('mediation.applyConfirmation', {
    caseId: m1,
    actedOn: '2026-10-20',
    ...MEDIATION.applyConfirmation,
  } as ChannelInput<'mediation.applyConfirmation'>);
  await api.call('mediation.recordConfirmation', {
    caseId: m1,
    actedOn: '2026-10-30',
    ...MEDIATION.recordConfirmation,
  } as ChannelInput<'mediation.recordConfirmation'>);
  await api.call('mediation.quickOral', validQuickOral({ mediatedOn: '2026-10-16' }));
  await api.call('mediation.create', {
    draftId: null,
    registration: validRegistration({ receivedOn: '2026-08-03', disputeType: '婚姻纠纷' }),
  });

  // 公证申请: a missing item told at once, then 容缺受理 with the item supplied in time, issued and handed over.
  const n1 = (
    await api.call('notarization.create', { draftId: null, request: validRequest({ receivedOn: '2026-10-08' }) })
  ).id;
  await takeStep(api, step(n1, 'checkMaterials', '2026-10-08', { missingItems: ['毕业证书原件'], note: '' }));
  await takeStep(api, step(n1, 'supplyMaterials', '2026-10-09'));
  await takeStep(api, step(n1, 'forward', '2026-10-10'));
  await takeStep(
    api,
    step(n1, 'accept', '2026-10-12', {
      noticeNumber: '',
      deferred: { item: '学位证书复印件', commitmentSigned: true, promisedOn: '2026-10-16' },
    }),
  );
  await takeStep(api, step(n1, 'supplyDeferred', '2026-10-15'));
  await takeStep(api, step(n1, 'issue', '2026-10-20'));
  await takeStep(api, step(n1, 'deliver', '2026-10-22'));
}

beforeAll(async () => {
  backend = testBackend(); // today is 2026-11-22
  await octoberOffice();
});
afterAll(() => backend.close());

const value = (s: OfficeStatistics, key: string): [number | null, number | null] => {
  const row = s.rows.find((r) => r.key === key);
  if (!row) throw new Error(`no row ${key}`);
  return [row.period, row.yearToDate];
};

describe('the office’s figures from its own file', () => {
  let october: OfficeStatistics;
  beforeAll(async () => {
    october = await officeStatistics(backend.store.db, '2026-10', '2026-11-22');
  });

  it('names the office and the period', () => {
    expect(october.office).toEqual({ code: '43011101', name: OFFICE.name });
    expect(october.period).toEqual({ key: '2026-10', label: '2026年10月', from: '2026-10-01', to: '2026-10-31' });
  });

  it('counts legal aid as the timelines say', () => {
    expect(value(october, 'legalAid.received')).toEqual([2, 3]);
    expect(value(october, 'legalAid.granted')).toEqual([1, 1]);
    expect(value(october, 'legalAid.refused')).toEqual([1, 1]);
    expect(value(october, 'legalAid.assigned')).toEqual([1, 1]);
    expect(value(october, 'legalAid.closed')).toEqual([1, 1]);
    expect(value(october, 'legalAid.byCategory:民事')).toEqual([2, 2]);
    expect(value(october, 'legalAid.byCategory:行政')).toEqual([0, 1]);
    expect(value(october, 'legalAid.aidedByGroup:老年人')).toEqual([1, 1]);
    expect(value(october, 'legalAid.aidedByGroup:妇女')).toEqual([1, 1]);
    // Received 20 October and still undecided on 22 November: the 7 days ran out in October.
    expect(value(october, 'legalAid.overdueDecisions')).toEqual([1, 1]);
    // The subsidy was paid in November.
    expect(value(october, 'legalAid.subsidyFen')).toEqual([0, 0]);
  });

  it('counts mediation: outcomes, forms, confirmations, 民转刑, and the case left open since August', () => {
    expect(value(october, 'mediation.registered')).toEqual([2, 3]);
    expect(value(october, 'mediation.succeeded')).toEqual([2, 2]);
    expect(value(october, 'mediation.successRate')).toEqual([100, 100]);
    expect(value(october, 'mediation.byAgreementForm:书面')).toEqual([1, 1]);
    expect(value(october, 'mediation.byAgreementForm:口头')).toEqual([1, 1]);
    expect(value(october, 'mediation.confirmationApplied')).toEqual([1, 1]);
    expect(value(october, 'mediation.confirmed')).toEqual([1, 1]);
    expect(value(october, 'mediation.crimePrevention')).toEqual([1, 1]);
    expect(value(october, 'mediation.agreementFen')).toEqual([150_000, 150_000]);
    expect(value(october, 'mediation.overdue')).toEqual([0, 1]);
  });

  it('adds amounts and people as the registrations in the file have them', () => {
    const sums = backend.store.sqlite
      .prepare(
        `SELECT sum(m.amount_fen) AS amount, sum(m.people_count) AS people FROM mediation_cases m JOIN cases c ON c.id = m.case_id WHERE c.received_on BETWEEN '2026-10-01' AND '2026-10-31'`,
      )
      .get() as { amount: number; people: number };
    expect(value(october, 'mediation.amountFen')[0]).toBe(sums.amount);
    expect(value(october, 'mediation.people')[0]).toBe(sums.people);
  });

  it('follows a notarization request from the missing item to the hand-over', () => {
    expect(value(october, 'notarization.received')).toEqual([1, 1]);
    expect(value(october, 'notarization.forwarded')).toEqual([1, 1]);
    expect(value(october, 'notarization.issued')).toEqual([1, 1]);
    expect(value(october, 'notarization.delivered')).toEqual([1, 1]);
    expect(value(october, 'notarization.deferred')).toEqual([1, 1]);
    expect(value(october, 'notarization.deferredOnTime')).toEqual([1, 1]);
    expect(value(october, 'notarization.overdue')).toEqual([0, 0]);
    expect(value(october, `notarization.byMatter:${validRequest().matterCode === 'education' ? '学历' : ''}`)[0]).toBe(
      1,
    );
  });

  it('counts finished cases and the missing-material notices for dossier quality', () => {
    // 结案 of legal aid, two mediations ended, one certificate handed over.
    expect(value(october, 'dossier.closed')).toEqual([4, 4]);
    expect(value(october, 'dossier.missingNotices')).toEqual([2, 2]);
    // The legal-aid case was closed on the director's override; nothing else has passed its dossier gate yet.
    expect(value(october, 'dossier.checkedAtClosing')).toEqual([1, 1]);
    expect(value(october, 'dossier.completeAtClosing')).toEqual([0, 0]);
    expect(value(october, 'dossier.completeRate')).toEqual([0, 0]);
  });

  it('shows November’s subsidy in November, and October in the fourth quarter and the year', async () => {
    const november = await officeStatistics(backend.store.db, '2026-11', '2026-11-22');
    expect(value(november, 'legalAid.subsidyFen')).toEqual([80_000, 80_000]);
    const quarter = await officeStatistics(backend.store.db, '2026-Q4', '2026-11-22');
    expect(value(quarter, 'legalAid.received')).toEqual([2, 3]);
    const year = await officeStatistics(backend.store.db, '2026', '2026-11-22');
    expect(value(year, 'legalAid.received')).toEqual([3, 3]);
    const september = await officeStatistics(backend.store.db, '2026-09', '2026-11-22');
    expect(value(september, 'legalAid.received')).toEqual([1, 1]);
  });

  it('gives the same figures from the cases that can count in a period as from every case of the file', async () => {
    const all = await officeCaseFacts(backend.store.db, { asOf: '2026-11-22' });
    for (const key of ['2026-10', '2026-Q3', '2026-08', '2026', '2025']) {
      const narrowed = await officeStatistics(backend.store.db, key, '2026-11-22');
      expect({ key, rows: narrowed.rows }).toEqual({ key, rows: computeRows(all, parsePeriod(key)!) });
    }
  });

  it('reads every case of the file as facts, with no case counted twice', async () => {
    const facts = await officeCaseFacts(backend.store.db, { asOf: '2026-11-22' });
    expect(facts.map((f) => f.kind).sort()).toEqual([
      'legal_aid',
      'legal_aid',
      'legal_aid',
      'mediation',
      'mediation',
      'mediation',
      'notarization',
    ]);
    expect(new Set(facts.map((f) => f.caseNumber)).size).toBe(7);
    // Read a few cases at a time (as ten years are, a thousand at a time), the facts are the same.
    expect(await officeCaseFacts(backend.store.db, { asOf: '2026-11-22', casesPerBatch: 2 })).toEqual(facts);
    // Nothing of 2025 can count in 2025's report: no case was registered by then.
    expect(
      await officeCaseFacts(backend.store.db, { asOf: '2026-11-22', within: { from: '2025-01-01', to: '2025-12-31' } }),
    ).toEqual([]);
  });
});

describe('the statistics channels', () => {
  it('answers the report for a period and refuses a period that is not one, naming the field', async () => {
    const report = await backend.api.call('statistics.report', { period: '2026-10', scope: 'office' });
    expect(report.scope).toBe('office');
    const result = await backend.dispatch('statistics.report', { period: '2026-13', scope: 'office' });
    expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION', field: 'period' } });
    if (!result.ok) expect(result.error.message).toMatch(/^统计期间/);
  });

  it('refuses the county report in an office’s file', async () => {
    const result = await backend.dispatch('statistics.report', { period: '2026-10', scope: 'county' });
    expect(result).toMatchObject({ ok: false, error: { code: 'CONFLICT', field: 'scope' } });
  });

  it('keeps a template the bureau adjusted, refuses a broken one untouched, and goes back to the default', async () => {
    expect((await backend.api.call('statistics.template', {})).isDefault).toBe(true);
    const before = fileState(backend.dataFile);
    const bad = await backend.dispatch('statistics.setTemplate', {
      template: {
        title: '统计表',
        sheets: [{ name: '法律/援助', rows: [{ key: 'legalAid.received', label: '', breakdown: false }] }],
      },
    });
    expect(bad).toMatchObject({ ok: false, error: { code: 'VALIDATION', field: 'template.sheets.0.name' } });
    if (!bad.ok) expect(bad.error.message).toContain('工作表名称');
    const unknown = await backend.dispatch('statistics.setTemplate', {
      template: {
        title: '统计表',
        sheets: [{ name: '甲', rows: [{ key: 'legalAid.nothing', label: '', breakdown: false }] }],
      },
    });
    expect(unknown).toMatchObject({ ok: false, error: { code: 'VALIDATION', field: 'template.sheets.0.rows.0.key' } });
    expect(fileState(backend.dataFile)).toBe(before);

    const mine: ReportTemplate = {
      title: '湖南省司法所月报',
      sheets: [{ name: '援助', rows: [{ key: 'legalAid.received', label: '收到申请', breakdown: false }] }],
    };
    const saved = await backend.api.call('statistics.setTemplate', { template: mine });
    expect(saved).toMatchObject({ template: mine, isDefault: false, updatedBy: expect.any(String) });
    expect((await backend.api.call('statistics.template', {})).template).toEqual(mine);
    expect((await backend.api.call('statistics.setTemplate', { template: null })).template).toEqual(DEFAULT_TEMPLATE);
  });
});

// The workbook, read back by LibreOffice: each sheet converted to CSV must show the figures the file gives.

/** What a cell of the number formats shows: 1500.00 yuan, 66.7 percent, counts as integers. */
function shown(row: Pick<FigureRow, 'unit'>, v: number | null): string {
  if (v === null) return '—';
  if (row.unit === '元') return (v / 100).toFixed(2);
  if (row.unit === '%') return v.toFixed(1);
  return String(v);
}

/** Every sheet of the workbook as rows of cells, by sheet name (LibreOffice ≥ 7.2 exports each sheet with -1). */
function sheetsOf(xlsx: string): Map<string, string[][]> {
  const dir = path.dirname(xlsx);
  const profile = path.join(tempDir(), 'lo-profile');
  execFileSync(
    'libreoffice',
    [
      `-env:UserInstallation=file://${profile}`,
      '--headless',
      '--convert-to',
      'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1',
      '--outdir',
      dir,
      xlsx,
    ],
    { stdio: 'pipe', timeout: 120_000 },
  );
  const base = path.basename(xlsx, '.xlsx');
  const out = new Map<string, string[][]>();
  for (const file of fs.readdirSync(dir).filter((f) => f.startsWith(`${base}-`) && f.endsWith('.csv'))) {
    const text = fs.readFileSync(path.join(dir, file), 'utf8');
    out.set(
      file.slice(base.length + 1, -4),
      text
        .split('\n')
        .filter((l) => l !== '')
        .map(parseCsvLine),
    );
  }
  return out;
}

function parseCsvLine(line: string): string[] {
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') ((cell += '"'), i++);
      else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') (cells.push(cell), (cell = ''));
    else cell += ch;
  }
  cells.push(cell);
  return cells;
}

describe('the workbook', () => {
  it('has a sheet per template sheet whose table LibreOffice reads back as the figures of the file', async () => {
    const october = await officeStatistics(backend.store.db, '2026-10', '2026-11-22');
    const dir = tempDir();
    const xlsx = path.join(dir, 'report.xlsx');
    fs.writeFileSync(xlsx, await statisticsWorkbook({ scope: 'office', office: october }, DEFAULT_TEMPLATE));
    const sheets = sheetsOf(xlsx);
    expect([...sheets.keys()].sort()).toEqual(DEFAULT_TEMPLATE.sheets.map((s) => s.name).sort());
    for (const sheet of DEFAULT_TEMPLATE.sheets) {
      const cells = sheets.get(sheet.name)!;
      expect(cells[0]?.[0]).toBe(`${DEFAULT_TEMPLATE.title}（${sheet.name}）`);
      expect(cells[1]?.[0]).toBe(`填报单位：${OFFICE.name}（43011101）`);
      expect(cells[2]?.[0]).toContain('统计期间：2026年10月（2026年10月1日至2026年10月31日）');
      expect(cells[3]).toEqual(['指标', '单位', '本期', '本年累计']);
      const byKey = new Map(october.rows.map((r) => [r.key, r]));
      const expected = sheetLines(sheet, october.rows).map((line) => {
        const r = byKey.get(line.key)!;
        return [
          line.level === 1 ? `　其中：${line.label}` : line.label,
          line.unit,
          shown(r, r.period),
          shown(r, r.yearToDate),
        ];
      });
      expect({ sheet: sheet.name, rows: cells.slice(4) }).toEqual({ sheet: sheet.name, rows: expected });
    }
    // Spot checks against the file, so the comparison above cannot pass on two empty tables.
    const legalAid = sheets.get('法律援助')!;
    expect(legalAid.find((r) => r[0] === '受理申请')).toEqual(['受理申请', '件', '2', '3']);
    expect(sheets.get('人民调解')!.find((r) => r[0] === '调解协议涉及金额')).toEqual([
      '调解协议涉及金额',
      '元',
      '1500.00',
      '1500.00',
    ]);
  });
});

describe('the county workbook', () => {
  it('lists the indicators down the side and the offices and 合计 across, for the period and the year to date, and the late offices', async () => {
    const facts = await officeCaseFacts(backend.store.db, { asOf: '2026-11-22' });
    const other = facts.filter((f) => f.kind === 'mediation').map((f) => ({ ...f, officeCode: '43011102' }));
    const county = computeCounty(
      [
        { code: '43011101', name: '黎托街道司法所', facts, lastExportedMonth: '2026-10' },
        { code: '43011102', name: '同升街道司法所', facts: other, lastExportedMonth: '2026-09' },
      ],
      parsePeriod('2026-10')!,
      { countyName: '雨花区司法局', today: '2026-11-22' },
    );
    const dir = tempDir();
    const xlsx = path.join(dir, 'county.xlsx');
    fs.writeFileSync(xlsx, await statisticsWorkbook({ scope: 'county', county }, DEFAULT_TEMPLATE));
    const sheets = sheetsOf(xlsx);
    expect([...sheets.keys()].sort()).toEqual(
      [...DEFAULT_TEMPLATE.sheets.map((s) => s.name), '逾期报送', '案件质量评估'].sort(),
    );
    for (const sheet of DEFAULT_TEMPLATE.sheets) {
      const cells = sheets.get(sheet.name)!;
      expect(cells[1]?.[0]).toBe('填报单位：雨花区司法局');
      const lines = sheetLines(sheet, county.total.rows);
      // Indicators down the side, the offices and 合计 across (forty indicators across printed too small to read).
      expect(cells[3]).toEqual(['指标', '单位', '黎托街道司法所', '同升街道司法所', '合计']);
      const block = (which: 'period' | 'yearToDate') =>
        lines.map((l) => {
          const figure = (rows: readonly FigureRow[]) => {
            const r = rows.find((x) => x.key === l.key)!;
            return shown(r, r[which]);
          };
          return [
            l.level === 1 ? `　其中：${l.label}` : l.label,
            l.unit,
            ...county.offices.map((o) => figure(o.rows)),
            figure(county.total.rows),
          ];
        });
      const periodAt = cells.findIndex((r) => r[0] === '本期');
      const yearAt = cells.findIndex((r) => r[0] === '本年累计');
      expect({ sheet: sheet.name, rows: cells.slice(periodAt + 1, periodAt + 1 + lines.length) }).toEqual({
        sheet: sheet.name,
        rows: block('period'),
      });
      expect({ sheet: sheet.name, rows: cells.slice(yearAt + 1, yearAt + 1 + lines.length) }).toEqual({
        sheet: sheet.name,
        rows: block('yearToDate'),
      });
    }
    const summary = sheets.get('汇总')!;
    const registered = summary.find((r) => r[0] === '受理纠纷')!;
    expect(registered.slice(2)).toEqual(['2', '2', '4']);
    expect(sheets.get('逾期报送')!.find((r) => r[0] === '同升街道司法所')).toEqual([
      '同升街道司法所',
      '43011102',
      '2026-09',
    ]);
    // No closed evaluation round this year: the sheet says so under its header.
    const evaluation = sheets.get('案件质量评估')!;
    expect(evaluation[0]?.[0]).toBe('案件质量评估（2026年度）');
    expect(evaluation[4]?.[0]).toBe('2026年度尚无已结束的评查活动');
  });
});
