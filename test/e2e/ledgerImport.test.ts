// 导入台账 in Debian Chromium against the preview: a clerk chooses an office's 人民调解台账 whose applicant column the
// synonym table does not know, corrects that one column's mapping, checks again, reads the dry run and imports; the
// cases are then in the case list, and the mapping is remembered for the next file.
import path from 'node:path';
import { tempDir } from '../support/fixtures';
import { idNumber, writeXlsx } from '../support/ledgers';
import { setUpFirstRun, startApp, type RunningApp } from './harness';

jest.setTimeout(180_000);

let app: RunningApp;
afterEach(async () => {
  await app?.close();
});

it('imports a ledger after the clerk corrects one column’s mapping, the cases’ dossiers 历史卷宗', async () => {
  const file = await writeXlsx(path.join(tempDir(), '2023年调解台账.xlsx'), {
    title: '2023年人民调解案件登记台账',
    header: ['序号', '受理日期', '纠纷一方', '身份证号码', '被申请人', '纠纷类型', '调解结果', '结案日期'],
    rows: [
      [1, '2023-05-06', '张三', idNumber('19800715', '011'), '李四', '婚姻纠纷', '调解成功', '2023/5/20'],
      [2, '2023年6月1日', '王芳', '', '赵六', '邻里纠纷', '', ''],
      [3, '2023-02-30', '陈七', '', '周八', '邻里纠纷', '', ''],
      ['合计', '', '', '', '', '', '', ''],
    ],
  });
  app = await startApp();
  const problems: string[] = [];
  app.page.on('pageerror', (error) => problems.push(error.message));
  await setUpFirstRun(app);
  const { page } = app;

  await page.getByRole('menuitem', { name: '导入台账' }).click();
  await page.getByRole('heading', { name: '导入台账' }).waitFor();
  await page.getByLabel('台账文件').setInputFiles(file);
  // “纠纷一方” is no header the synonym table knows: the check says which field is missing.
  await page.getByText('没有“当事人（申请人）”列：请在映射中指定哪一列是当事人（申请人）').waitFor();
  await app.screenshot('ledger-import-01-mapping-problem');

  await page.getByLabel('C列“纠纷一方”导入为').selectOption({ label: '当事人（申请人）' });
  await page.getByRole('button', { name: '按此对应重新检查' }).click();
  await page.getByRole('note').filter({ hasText: '可导入2行，未通过1行，跳过1行，已有案件0行' }).waitFor();
  await page.getByText('“2023年2月30日”不是真实日期').waitFor();
  expect(await page.getByRole('table', { name: '可导入的行' }).getByRole('row').count()).toBe(3);
  await app.screenshot('ledger-import-02-dry-run');

  await page.getByRole('button', { name: '导入2行' }).click();
  await page.getByRole('status').filter({ hasText: '已导入2件（标记为历史导入）' }).waitFor();
  await app.screenshot('ledger-import-03-imported');

  const list = await app.stored.call('cases.list', {
    kind: 'mediation',
    status: null,
    query: '',
    page: 1,
    pageSize: 20,
    sortBy: 'receivedOn',
    sortOrder: 'asc',
  });
  expect(list.rows.map((r) => [r.applicantName, r.status, r.receivedOn])).toEqual([
    ['张三', 'concluded', '2023-05-06'],
    ['王芳', 'registered', '2023-06-01'],
  ]);
  // The corrected mapping was saved for next time.
  const again = await app.stored.call('ledgerImport.check', {
    kind: 'mediation',
    fileName: '2023年调解台账.xlsx',
    base64: (await import('node:fs')).readFileSync(file).toString('base64'),
    sheet: null,
    mapping: null,
  });
  expect(again.columns.find((c) => c.header === '纠纷一方')).toMatchObject({ field: 'applicantName', source: 'saved' });
  expect(again.duplicates.map((d) => d.reason)).toEqual(['已从本文件导入', '已从本文件导入']);

  // The imported case's dossier is a 历史卷宗: nothing is demanded of it, and the panel says so.
  await page.evaluate((caseId) => (window.location.hash = `#/cases/${caseId}`), list.rows[1]!.id);
  await page.getByTestId('dossier-status').filter({ hasText: '历史卷宗（台账导入），不要求材料齐全' }).waitFor();
  await page.getByText('卷宗材料（历史卷宗）').waitFor();
  await app.screenshot('ledger-import-04-historical-dossier');
  expect(problems).toEqual([]);
});
