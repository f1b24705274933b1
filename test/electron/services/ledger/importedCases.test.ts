// Imported cases are real cases, and what an old ledger did not say stays unsaid: an office brings in its 2023
// 人民调解台账 and a 公证申请登记簿 without a 使用地 column; a conflict check finds an imported party; the export to the
// bureau carries the cases with their 历史导入 record, and the county counts them in 2023 exactly as the office does;
// the dossiers are 历史卷宗 (nothing demanded) until the county's rule, sent in its configuration package, says so.
import fs from 'node:fs';
import path from 'node:path';
import { verifyPackage } from '../../../../electron/services/exchange/container';
import { officeStatistics } from '../../../../electron/services/statistics/office';
import type { ChannelInput } from '../../../../shared/contract';
import { tempDir } from '../../../support/fixtures';
import { idNumber, writeXlsx } from '../../../support/ledgers';
import { libreofficeRows } from '../../../support/officeReaders';
import { bureau, bureauRows, introduce, office, type Site } from '../exchange/fixtures';

// Two sites, spreadsheets written and read back by LibreOffice, packages sealed and opened: a loaded 2-core machine.
jest.setTimeout(180_000);

const ZHANG = idNumber('19800715', '011');
const WANG = idNumber('19750120', '024');
const CHEN = idNumber('19660606', '035');

const MEDIATION_HEADER = ['案号', '受理日期', '申请人', '身份证号码', '被申请人', '纠纷类型', '调解结果', '结案日期'];
const NOTARIZATION_HEADER = ['受理日期', '申请人', '身份证号码', '公证事项', '用途', '结果', '领证日期'];

let lituo: Site;
let county: Site;
let dir: string;
let mediationSha: string;
/** Case id → row of the mediation ledger, as the import made them. */
let mediationRows: Map<number, number>;
let notarizationIds: number[];

const run = async (kind: ChannelInput<'ledgerImport.run'>['kind'], file: string) =>
  lituo.api.call('ledgerImport.run', {
    kind,
    fileName: path.basename(file),
    base64: fs.readFileSync(file).toString('base64'),
    sheet: null,
    mapping: null,
    allOrNothing: true,
  });

beforeAll(async () => {
  dir = tempDir();
  lituo = await office({ cases: 0 });
  county = await bureau();
  await introduce(lituo, county);
  const mediation = await writeXlsx(path.join(dir, '2023年调解台账.xlsx'), {
    title: '黎托街道人民调解委员会2023年度矛盾纠纷调解登记台账',
    header: MEDIATION_HEADER,
    rows: [
      ['〔2023〕黎托调字第3号', '2023-03-06', '张三', ZHANG, '李四', '婚姻纠纷', '调解成功', '2023-03-20'],
      ['', '2023-05-06', '王芳', WANG, '赵六', '邻里纠纷', '调解不成功', '2023-05-09'],
      ['', '2023-07-07', '陈七', CHEN, '周八', '邻里纠纷', '', ''],
    ],
  });
  const made = await run('mediation', mediation);
  mediationSha = made.report.sha256;
  mediationRows = new Map(made.imported.map((i) => [i.caseId, i.row]));
  const notarization = await writeXlsx(path.join(dir, '公证申请登记簿.xlsx'), {
    header: NOTARIZATION_HEADER,
    rows: [
      ['2023-04-03', '孙九', idNumber('19900101', '045'), '委托', '办理房产过户', '已领证', '2023-04-20'],
      ['2023-08-15', '吴一', idNumber('19850505', '056'), '声明', '', '已领证', '2023-08-30'],
    ],
  });
  notarizationIds = (await run('notarization', notarization)).imported.map((i) => i.caseId);
});
afterAll(async () => {
  for (const s of [lituo, county]) await s?.close();
});

describe('imported cases are real cases', () => {
  it('finds an imported case’s party in a conflict check of a new case', async () => {
    const report = await lituo.api.call('cases.conflicts', {
      caseId: null,
      parties: [{ name: '王芳', idNumber: WANG, birthDate: '', role: 'applicant' }],
    });
    expect(report.matches).toEqual([
      expect.objectContaining({
        partyName: '王芳',
        matchedBy: 'idNumber',
        otherCase: expect.objectContaining({ kind: 'mediation', receivedOn: '2023-05-06', status: 'failed' }),
      }),
    ]);
  });

  it('raises no deadline for the closed imported cases', async () => {
    const dashboard = await lituo.api.call('dashboard.deadlines', {});
    const listed = [...dashboard.dueSoon, ...dashboard.overdue, ...dashboard.doneLate].map((i) => i.caseId);
    const closed = [...mediationRows.keys()].slice(0, 2).concat(notarizationIds);
    expect(listed.filter((id) => closed.includes(id))).toEqual([]);
  });
});

describe('a notarization row without 使用地', () => {
  it('is stored and shown as 未登记, never as 国内', async () => {
    for (const id of notarizationIds) {
      const record = await lituo.api.call('notarization.get', { id });
      expect([record.request.placeOfUse, record.useScope]).toEqual(['未登记', '未登记']);
    }
  });

  it('prints 未登记 in the exported 公证申请登记簿, read back by LibreOffice', async () => {
    const made = await lituo.api.call('ledger.export', { kind: 'notarization', year: 2023 });
    const file = path.join(tempDir(), made.fileName);
    fs.writeFileSync(file, Buffer.from(made.base64, 'base64'));
    const rows = libreofficeRows(file);
    const header = rows[2]!;
    const places = rows.slice(3).map((r) => r[header.indexOf('使用地')]);
    expect(places).toEqual(['未登记', '未登记']);
  });
});

describe('the export to the bureau', () => {
  let formatVersion: number;
  beforeAll(async () => {
    const made = await lituo.api.call('exchange.export', { period: '2026-11', folder: null });
    formatVersion = verifyPackage(fs.readFileSync(made.file)).manifest.formatVersion;
    const [outcome] = await county.api.call('bureau.importFiles', { files: [made.file] });
    expect(outcome).toMatchObject({ status: 'imported' });
  });

  it('is a version 3 package, which a bureau that does not know the 历史导入 records refuses as too new', () => {
    expect(formatVersion).toBe(3);
  });

  it('carries every imported case with its 历史导入 record: the file’s SHA-256 and row', () => {
    const office = bureauRows(county, '43011101').live;
    for (const [caseId, row] of mediationRows) {
      expect(office.get(`cases ${caseId}`)).toMatchObject({ kind: 'mediation' });
      expect(office.get(`ledger_import_rows ${caseId}`)).toMatchObject({
        case_id: caseId,
        file_sha256: mediationSha,
        file_name: '2023年调解台账.xlsx',
        row_number: row,
      });
    }
    expect(office.get(`ledger_import_rows ${[...mediationRows.keys()][0]}`)).toMatchObject({
      ledger_number: '〔2023〕黎托调字第3号',
    });
    const historical = [...office.keys()].filter((k) => k.startsWith('ledger_import_rows '));
    expect(historical).toHaveLength(mediationRows.size + notarizationIds.length);
    expect(office.get(`notarization_requests ${notarizationIds[0]}`)).toMatchObject({ use_scope: '未登记' });
  });

  it('counts the imported cases in the county’s 2023 exactly as the office counts them', async () => {
    const answer = await county.api.call('statistics.report', { period: '2023', scope: 'county' });
    if (answer.scope !== 'county') throw new Error('expected the county report');
    const fromBureau = new Map(answer.county.offices.find((o) => o.code === '43011101')!.rows.map((r) => [r.key, r]));
    const own = await officeStatistics(lituo.store.db, '2023', '2026-11-22');
    expect(own.rows.find((r) => r.key === 'mediation.registered')!.period).toBe(3);
    expect(own.rows.map((r) => [r.key, fromBureau.get(r.key)?.period, fromBureau.get(r.key)?.yearToDate])).toEqual(
      own.rows.map((r) => [r.key, r.period, r.yearToDate]),
    );
  });
});

describe('their dossiers are 历史卷宗', () => {
  const firstCase = () => [...mediationRows.keys()][0]!;

  it('demand nothing: no missing material, the panel and the printed checklist say 历史卷宗', async () => {
    const view = await lituo.api.call('dossier.get', { caseId: firstCase() });
    expect(view.checklist).toMatchObject({ historical: true, missing: [], complete: true });
    expect(view.gates.every((g) => g.missing.length === 0)).toBe(true);
    expect((await lituo.api.call('dossier.incomplete', {})).total).toBe(0);
    const printed = await lituo.api.call('dossier.print', { caseId: firstCase(), doc: 'checklist', noticeDueOn: '' });
    expect(printed.html).toContain('卷宗材料核对表（历史卷宗）');
    expect(printed.html).toContain('历史卷宗（台账导入），不要求材料齐全');
  });

  it('are held to the rules once the county demands it in its configuration package', async () => {
    await county.api.call('dossier.setHistoricalRules', { completenessRequired: true });
    const made = await county.api.call('bureau.exportConfig', { folder: county.folder });
    const summary = await lituo.api.call('exchange.importConfig', { fileName: made.fileName, base64: made.base64 });
    expect(summary).toMatchObject({ historicalDossierRules: true });
    expect((await lituo.api.call('dossier.historicalRules', {})).rules).toEqual({ completenessRequired: true });
    const view = await lituo.api.call('dossier.get', { caseId: firstCase() });
    expect(view.checklist.historical).toBe(false);
    expect(view.checklist.missing.length).toBeGreaterThan(0);
    // The recorded checks follow the rule: the dashboard's list now has the open imported case.
    const incomplete = await lituo.api.call('dossier.incomplete', {});
    expect(incomplete.cases.map((c) => c.caseId)).toContain([...mediationRows.keys()][2]);
  });
});
