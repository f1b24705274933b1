// The sample's dossiers travelling to the bureau and 整改 travelling back (issue 16 items 3 and 5), through real
// packages between real data files: the bureau's configuration package for one office asks for its sampled cases;
// the office makes one signed, encrypted dossier package of their electronic dossiers; the bureau imports it, from
// a path or uploaded as bytes from the page (a tampered one, one for another bureau and one from an unregistered
// office refused, the file unchanged), keeps each PDF encrypted with its sampled case and returns it; after the
// round closes the bureau sets 整改要求, the office receives them in its next configuration package, records the
// correction, and its next export brings the state back to the bureau, which also sees 整改 overdue.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { blankPdfRenderer } from '../../../support/blankPdfRenderer';
import { ApiError, type Api } from '../../../../shared/client';
import { DEFAULT_SHEETS } from '../../../../shared/evaluation/sheets';
import { fileState, tempDir } from '../../../support/fixtures';
import { bureau, introduce, office, type Site } from '../exchange/fixtures';
import { mediationRound, signedInEvaluator } from './fixtures';

jest.setTimeout(180_000);

const plainRenderer = blankPdfRenderer();

let county: Site;
let officeA: Site;
let officeB: Site;
let evaluator: { id: number; api: Api };
let roundId: number;
const CODE_A = '43011101';

async function refusal(p: Promise<unknown>) {
  try {
    await p;
  } catch (error) {
    if (error instanceof ApiError)
      return { code: error.data.code, field: error.data.field, message: error.data.message };
    throw error;
  }
  throw new Error('not refused');
}

async function configFor(code: string | null): Promise<string> {
  return (await county.api.call('bureau.exportConfig', { folder: county.folder, office: code })).base64;
}

const install = (s: Site, base64: string) =>
  s.api.call('exchange.importConfig', { fileName: 'config.casedesk', base64 });

async function exportAndImport(s: Site): Promise<void> {
  const { file } = await s.api.call('exchange.export', { period: null, folder: s.folder });
  const outcomes = await county.api.call('bureau.importFiles', { files: [file] });
  expect(outcomes.map((o) => o.status)).toEqual(['imported']);
}

beforeAll(async () => {
  county = await bureau();
  officeA = await office({ number: '01', name: '黎托街道司法所', cases: 30, seed: 3, pdfRenderer: plainRenderer });
  officeB = await office({ number: '02', name: '同升街道司法所', cases: 30, seed: 5, pdfRenderer: plainRenderer });
  for (const s of [officeA, officeB]) {
    await introduce(s, county);
    await exportAndImport(s);
  }
  evaluator = await signedInEvaluator(county, 'pingcha1');
  const round = await county.api.call('evaluation.createRound', { round: mediationRound([evaluator.id], 2) });
  roundId = round.id;
  await county.api.call('evaluation.draw', { roundId, seed: 'travel' });
});
afterAll(async () => {
  for (const s of [county, officeA, officeB]) await s?.close();
});

const samplesOf = async (code: string) =>
  (await county.api.call('evaluation.round', { roundId })).samples.filter((s) => s.officeCode === code);

describe('the sample’s dossiers', () => {
  let packageFile: string;

  it('asks each office, in its own configuration package, for its sampled cases only', async () => {
    const wanted = (await samplesOf(CODE_A)).map((s) => s.caseNumber).sort();
    expect(wanted).toHaveLength(2);
    // The county-wide package asks nothing.
    expect((await install(officeA, await configFor(null))).evaluation).toBeNull();
    const summary = await install(officeA, await configFor(CODE_A));
    expect(summary.evaluation).toEqual({ requested: 2, feedback: 0 });
    const [request, ...others] = await officeA.api.call('evaluation.dossierRequests', {});
    expect(others).toEqual([]);
    expect(request).toMatchObject({ roundId, roundName: '2026年度人民调解卷宗评查', sentAt: null });
    expect(request!.cases.map((c) => c.caseNumber).sort()).toEqual(wanted);
    expect(request!.cases.every((c) => c.caseId !== null)).toBe(true);
  });

  it('refuses at an office the package the bureau made for another office, changing nothing', async () => {
    const forA = await configFor(CODE_A);
    const before = fileState(officeB.dataFile);
    expect(await refusal(install(officeB, forA))).toEqual({
      code: 'VALIDATION',
      field: 'base64',
      message: `配置包：这是县局为机构 ${CODE_A} 生成的配置包，不是给本所（43011102）的，未作任何改动`,
    });
    expect(fileState(officeB.dataFile)).toBe(before);
  });

  it('makes one signed package encrypted to the bureau holding the requested dossiers', async () => {
    // The clerk has filed the paper of each requested case (one item, on paper: a stand-in page in the PDF).
    for (const c of (await officeA.api.call('evaluation.dossierRequests', {}))[0]!.cases) {
      const view = await officeA.api.call('dossier.get', { caseId: c.caseId! });
      const item = view.checklist.items.find((i) => !i.generated)!;
      await officeA.api.call('dossier.markReceived', {
        caseId: c.caseId!,
        itemKey: item.key,
        receivedOn: '2026-11-20',
        pages: 2,
        form: '原件',
        note: '',
      });
    }
    const made = await officeA.api.call('evaluation.dossierPackage', { roundId, folder: officeA.folder });
    packageFile = made.file;
    expect(path.basename(made.file)).toBe(`${CODE_A}-dossiers-${roundId}-2026-11-22.casedesk`);
    expect(made.cases.sort()).toEqual((await samplesOf(CODE_A)).map((s) => s.caseNumber).sort());
    const bytes = fs.readFileSync(made.file);
    // Encrypted: no PDF is readable in the file.
    expect(bytes.includes(Buffer.from('%PDF-'))).toBe(false);
    expect((await officeA.api.call('evaluation.dossierRequests', {}))[0]!.sentAt).toBe('2026-11-22T02:00:00.000Z');
  });

  it('says a dossier is not yet received, so the evaluator scores from paper', async () => {
    const [first] = await samplesOf(CODE_A);
    expect(await refusal(county.api.call('evaluation.dossierPdf', { sampleId: first!.id }))).toEqual({
      code: 'NOT_FOUND',
      field: 'sampleId',
      message: `抽查案件：尚未收到黎托街道司法所报送的“${first!.caseNumber}”电子卷宗，可按纸质卷宗评分`,
    });
  });

  it('refuses a tampered package, one for another bureau and one from an unregistered office, changing nothing', async () => {
    const tampered = path.join(tempDir(), 'tampered.casedesk');
    const bytes = Buffer.from(fs.readFileSync(packageFile));
    bytes.writeUInt8(bytes.readUInt8(bytes.length - 100) ^ 0x01, bytes.length - 100);
    fs.writeFileSync(tampered, bytes);
    const before = fileState(county.dataFile);
    const [outcome] = await county.api.call('evaluation.importDossiers', { files: [tampered] });
    expect(outcome).toEqual({
      fileName: 'tampered.casedesk',
      status: 'rejected',
      reason: expect.stringMatching(/SHA-256校验失败/),
    });
    expect(fileState(county.dataFile)).toBe(before);
    // Uploaded from the page (bytes, no path): the same checks.
    expect(
      await county.api.call('evaluation.importDossierUploads', {
        packages: [{ fileName: 'tampered.casedesk', base64: bytes.toString('base64') }],
      }),
    ).toEqual([outcome]);
    expect(fileState(county.dataFile)).toBe(before);

    const other = await bureau('长沙市天心区司法局');
    try {
      const otherBefore = fileState(other.dataFile);
      expect(await other.api.call('evaluation.importDossiers', { files: [packageFile] })).toEqual([
        {
          fileName: path.basename(packageFile),
          status: 'rejected',
          reason: `机构 ${CODE_A}（黎托街道司法所）未登记，请先在机构管理中登记其公钥指纹`,
        },
      ]);
      expect(fileState(other.dataFile)).toBe(otherBefore);
      const keys = await officeA.api.call('exchange.keys', {});
      await other.api.call('bureau.registerOffice', {
        code: CODE_A,
        name: '黎托街道司法所',
        publicKey: keys.publicKey!,
        fingerprint: keys.fingerprint!,
      });
      const registered = fileState(other.dataFile);
      const [forAnother] = await other.api.call('evaluation.importDossiers', { files: [packageFile] });
      expect(forAnother).toMatchObject({ status: 'rejected', reason: expect.stringMatching(/不是本县局的公钥/) });
      expect(fileState(other.dataFile)).toBe(registered);
    } finally {
      await other.close();
    }
  });

  it('imports the package and returns each PDF as the office made it, kept encrypted', async () => {
    // As the page uploads it: the file's bytes.
    const [outcome] = await county.api.call('evaluation.importDossierUploads', {
      packages: [{ fileName: path.basename(packageFile), base64: fs.readFileSync(packageFile).toString('base64') }],
    });
    expect(outcome).toMatchObject({ status: 'imported', officeCode: CODE_A, roundName: '2026年度人民调解卷宗评查' });
    for (const sample of await samplesOf(CODE_A)) {
      const pdf = await county.api.call('evaluation.dossierPdf', { sampleId: sample.id });
      const bytes = Buffer.from(pdf.base64, 'base64');
      expect(crypto.createHash('sha256').update(bytes).digest('hex')).toBe(pdf.sha256);
      const caseId = (await officeA.api.call('evaluation.dossierRequests', {}))[0]!.cases.find(
        (c) => c.caseNumber === sample.caseNumber,
      )!.caseId!;
      const atOffice = await officeA.api.call('dossier.electronic', { caseId });
      expect(pdf.sha256).toBe(atOffice.sha256);
      expect(pdf).toMatchObject({ caseNumber: sample.caseNumber, fileName: `${sample.caseNumber}电子卷宗.pdf` });
      // At rest the file store holds it encrypted.
      const stored = fs.readFileSync(path.join(path.dirname(county.dataFile), 'attachments', pdf.sha256));
      expect(stored.includes(bytes.subarray(0, 64))).toBe(false);
    }
    // The next package for the office no longer asks for what arrived.
    expect((await install(officeA, await configFor(CODE_A))).evaluation).toEqual({ requested: 0, feedback: 0 });
  });
});

describe('整改', () => {
  let evaluated: { id: number; caseNumber: string }[];

  it('refuses a 整改要求 before the round closes, and a due date before it closed', async () => {
    const [first] = await samplesOf(CODE_A);
    expect(
      await refusal(
        county.api.call('evaluation.setCorrection', { sampleId: first!.id, requirement: '', dueOn: '2026-12-31' }),
      ),
    ).toEqual({ code: 'CONFLICT', field: 'sampleId', message: '抽查案件：评查活动结束后才能下达整改要求' });
    // Every sampled case scored: one item loses a point, with the evaluator's remark.
    const items = DEFAULT_SHEETS.mediation.items.map((i, n) => ({
      key: i.key,
      points: n === 0 ? i.max - 2 : i.max,
      remark: n === 0 ? '卷内目录未编页号' : '',
    }));
    for (const s of (await county.api.call('evaluation.round', { roundId })).samples)
      await evaluator.api.call('evaluation.saveScore', { sampleId: s.id, items, submit: true });
    await county.api.call('evaluation.close', { roundId });
    evaluated = (await samplesOf(CODE_A)).map((s) => ({ id: s.id, caseNumber: s.caseNumber }));
    const before = fileState(county.dataFile);
    expect(
      await refusal(
        county.api.call('evaluation.setCorrection', {
          sampleId: evaluated[0]!.id,
          requirement: '',
          dueOn: '2026-11-21',
        }),
      ),
    ).toEqual({ code: 'VALIDATION', field: 'dueOn', message: '整改期限：不能早于评查活动结束之日（2026-11-22）' });
    expect(fileState(county.dataFile)).toBe(before);
  });

  it('sets the requirement from the remarks by default, and the office receives its own in the next configuration package', async () => {
    const set = await county.api.call('evaluation.setCorrection', {
      sampleId: evaluated[0]!.id,
      requirement: '',
      dueOn: '2026-12-31',
    });
    expect(set).toMatchObject({
      requirement: `1. ${DEFAULT_SHEETS.mediation.items[0]!.label}：卷内目录未编页号`,
      state: 'open',
    });
    await county.api.call('evaluation.setCorrection', {
      sampleId: evaluated[1]!.id,
      requirement: '补齐调解协议书送达回证',
      dueOn: '2026-11-23',
    });
    expect((await install(officeA, await configFor(CODE_A))).evaluation).toEqual({ requested: 0, feedback: 2 });
    // Office B's package carries none of A's.
    expect((await install(officeB, await configFor('43011102'))).evaluation).toEqual({ requested: 0, feedback: 0 });
    const list = await officeA.api.call('evaluation.feedback', { caseId: null });
    expect(list.map((f) => f.caseNumber).sort()).toEqual(evaluated.map((e) => e.caseNumber).sort());
    const first = list.find((f) => f.caseNumber === evaluated[0]!.caseNumber)!;
    expect(first).toMatchObject({
      roundName: '2026年度人民调解卷宗评查',
      score: 98,
      grade: '优秀',
      remarks: [`${DEFAULT_SHEETS.mediation.items[0]!.label}：卷内目录未编页号`],
      dueOn: '2026-12-31',
      overdue: false,
      reply: null,
    });
    expect(await officeA.api.call('evaluation.feedback', { caseId: first.caseId! })).toEqual([first]);
  });

  it('refuses a reply for a case never evaluated and a second reply, changing nothing', async () => {
    const list = await officeA.api.call('evaluation.feedback', { caseId: null });
    const evaluatedIds = new Set(list.map((f) => f.caseId));
    const { rows } = await officeA.api.call('cases.list', {
      kind: null,
      status: null,
      query: '',
      page: 1,
      pageSize: 50,
      sortBy: 'caseNumber',
      sortOrder: 'asc',
    });
    const never = rows.find((c) => !evaluatedIds.has(c.id))!;
    const before = fileState(officeA.dataFile);
    expect(
      await refusal(
        officeA.api.call('evaluation.recordCorrection', {
          roundId,
          caseId: never.id,
          doneOn: '2026-11-22',
          note: '已补正',
        }),
      ),
    ).toMatchObject({ code: 'VALIDATION', field: 'caseId' });
    expect(fileState(officeA.dataFile)).toBe(before);

    const first = list.find((f) => f.caseNumber === evaluated[0]!.caseNumber)!;
    const done = await officeA.api.call('evaluation.recordCorrection', {
      roundId,
      caseId: first.caseId!,
      doneOn: '2026-11-22',
      note: '已补编页号并重新装订',
    });
    expect(done.reply).toMatchObject({ doneOn: '2026-11-22', note: '已补编页号并重新装订' });
    const after = fileState(officeA.dataFile);
    expect(
      await refusal(
        officeA.api.call('evaluation.recordCorrection', {
          roundId,
          caseId: first.caseId!,
          doneOn: '2026-11-22',
          note: '改',
        }),
      ),
    ).toEqual({ code: 'CONFLICT', field: 'doneOn', message: '整改完成日期：该案已于2026-11-22整改完成，不能再改' });
    expect(fileState(officeA.dataFile)).toBe(after);
  });

  it('brings the correction back in the office’s next export; the bureau sees it done, the other overdue', async () => {
    await exportAndImport(officeA);
    county.clock.advance(2 * 24 * 3600 * 1000);
    const states = await county.api.call('evaluation.corrections', { roundId });
    const byCase = new Map(states.map((s) => [s.caseNumber, s]));
    expect(byCase.get(evaluated[0]!.caseNumber)).toMatchObject({
      state: 'done',
      reply: { doneOn: '2026-11-22', note: '已补编页号并重新装订' },
    });
    expect(byCase.get(evaluated[1]!.caseNumber)).toMatchObject({ state: 'overdue', reply: null });
    // Office B's evaluated cases have no requirement set yet.
    expect(states.filter((s) => s.officeCode === '43011102').every((s) => s.state === null)).toBe(true);
    // A requirement the office has answered is not changed.
    expect(
      await refusal(
        county.api.call('evaluation.setCorrection', {
          sampleId: evaluated[0]!.id,
          requirement: '再改',
          dueOn: '2026-12-31',
        }),
      ),
    ).toEqual({ code: 'CONFLICT', field: 'sampleId', message: '抽查案件：司法所已报整改完成，整改要求不能再改' });
  });
});
