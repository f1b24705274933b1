// 从县局恢复 in Debian Chromium against a real preview server: an office that lost a case (and changed another since
// its last export) installs the county bureau's recovery package on 数据报送 — checks it, chooses the bureau's
// version of the one row that differs on both sides, installs — and enters again the ID number that came back
// masked.
import path from 'node:path';
import type { TestBackend } from '../support/fixtures';
import { tempDir, testBackend } from '../support/fixtures';
import { validApplication } from '../support/samples';
import { setUpFirstRun, startApp, type RunningApp } from './harness';

jest.setTimeout(180_000);

let office: RunningApp;
let county: TestBackend | undefined;
afterEach(async () => {
  await office?.close();
  await county?.close();
});

it('installs a recovery package with one row that differs on both sides, the clerk choosing the bureau’s version', async () => {
  office = await startApp();
  const problems: string[] = [];
  office.page.on('pageerror', (error) => problems.push(error.message));
  await setUpFirstRun(office);
  const application = validApplication();
  const kept = await office.stored.call('legalAid.create', { draftId: null, application });
  const lost = await office.stored.call('legalAid.create', {
    draftId: null,
    application: { ...application, applicant: { ...application.applicant, name: '欧阳秀英' } },
  });

  // The county bureau, introduced to the office, imports its export.
  county = testBackend(path.join(tempDir(), 'casedesk.sqlite'));
  await county.api.call('office.setup', {
    name: '长沙市雨花区司法局',
    divisionCode: '430111',
    officeNumber: '00',
    bureauName: '长沙市雨花区司法局',
    caseNumberPrefix: '雨司',
  });
  await county.api.call('exchange.setMode', { mode: 'bureau' });
  await office.stored.call('exchange.setBureauKey', {
    publicKey: (await county.api.call('exchange.keys', {})).publicKey!,
  });
  const keys = await office.stored.call('exchange.keys', {});
  await county.api.call('bureau.registerOffice', {
    code: '43011101',
    name: '黎托街道司法所',
    publicKey: keys.publicKey!,
    fingerprint: keys.fingerprint!,
  });
  const made = await office.stored.call('exchange.export', { period: null, folder: null });
  expect((await county.api.call('bureau.importFiles', { files: [made.file] }))[0]).toMatchObject({
    status: 'imported',
  });
  const bureauTitle = (await office.stored.call('legalAid.get', { id: kept.id })).application.matter;

  // The office loses one case (as to a restore) and changes the other's title since its export.
  const sqlite = office.server.backend.store.sqlite;
  sqlite.prepare('DELETE FROM cases WHERE id = ?').run(lost.id);
  sqlite.prepare(`UPDATE cases SET title = '本所改过的案由' WHERE id = ?`).run(kept.id);
  sqlite.prepare('DELETE FROM audit_pending').run();
  const recovery = await county.api.call('bureau.recoveryPackage', {
    code: '43011101',
    folder: tempDir(),
    download: false,
  });

  const page = office.page;
  await page.getByRole('menuitem', { name: '数据报送' }).click();
  await page.getByLabel('选择恢复包文件（.casedesk）').setInputFiles(recovery.file);
  const differing = page.getByRole('region', { name: '两边不同的行' });
  await differing.getByText(`案件 ${kept.caseNumber}`).waitFor();
  // Both versions of the differing field, side by side.
  await differing.getByRole('cell', { name: '本所改过的案由', exact: true }).waitFor();
  await differing.getByRole('cell', { name: bureauTitle, exact: true }).waitFor();
  await page.getByRole('region', { name: '恢复包核对结果' }).getByText(lost.caseNumber).waitFor();
  await office.screenshot('recovery-01-office-check');
  expect(
    await office.stored.call('cases.list', {
      kind: null,
      status: null,
      query: '',
      page: 1,
      pageSize: 10,
      sortBy: 'caseNumber',
      sortOrder: 'asc',
    }),
  ).toMatchObject({ total: 1 });

  await differing.getByRole('radio', { name: '采用县局的' }).check();
  await page.getByRole('button', { name: '安装恢复包' }).click();
  await page.getByRole('status').filter({ hasText: '已安装恢复包' }).filter({ hasText: '采用县局的1行' }).waitFor();
  const list = await office.stored.call('cases.list', {
    kind: null,
    status: null,
    query: '',
    page: 1,
    pageSize: 10,
    sortBy: 'caseNumber',
    sortOrder: 'asc',
  });
  expect(list.rows.map((r) => r.caseNumber).sort()).toEqual([kept.caseNumber, lost.caseNumber].sort());
  expect(sqlite.prepare('SELECT title FROM cases WHERE id = ?').pluck().get(kept.id)).toBe(bureauTitle);

  // The lost applicant's ID number came back masked: the clerk enters it again.
  const masked = page.getByRole('region', { name: '需重新录入证件号码的当事人' });
  await masked.getByText('110105********002X').first().waitFor();
  await masked.getByLabel('欧阳秀英的完整证件号码').fill(application.applicant.idNumber);
  await masked.getByRole('row').filter({ hasText: '欧阳秀英' }).getByRole('button', { name: '保存' }).click();
  await page.getByRole('status').filter({ hasText: '已保存证件号码' }).waitFor();
  await masked.waitFor({ state: 'detached' }); // nobody left to enter
  await office.screenshot('recovery-02-office-installed');
  expect(
    sqlite.prepare(`SELECT id_number FROM parties WHERE case_id = ? AND role = 'applicant'`).pluck().get(lost.id),
  ).toBe(application.applicant.idNumber);
  expect(problems).toEqual([]);
});
