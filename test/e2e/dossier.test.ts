// A clerk keeps a legal-aid dossier, in Debian Chromium against the real preview server: sees what is missing,
// attaches a scanned ID card, sees the item turn complete, and prints the completeness checklist — only the
// sheet goes to paper, and pdftotext reads it back.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openFile } from '../../electron/services/fileStore';
import { validApplication } from '../support/samples';
import { TEST_KEY } from '../support/testKey';
import { appForEachTest, pageErrors, SCANNED_PDF, setUpFirstRun } from './harness';

jest.setTimeout(120_000);

const currentApp = appForEachTest();

it('attaches a scan, sees the item turn complete, and prints the checklist', async () => {
  const app = currentApp();
  const { page } = app;
  const problems = pageErrors(page);
  await setUpFirstRun(app);
  const { id, caseNumber } = await app.stored.call('legalAid.create', {
    draftId: null,
    application: validApplication(),
  });
  await page.evaluate((caseId) => (window.location.hash = `#/cases/${caseId}`), id);

  const status = page.getByTestId('dossier-status');
  await status
    .filter({
      hasText: '现缺少4项：法律援助申请表、申请人身份证明、个人诚信承诺书、与所申请法律援助事项有关的案件材料',
    })
    .waitFor();
  const idRow = page.getByTestId('dossier-item-applicantId');
  await idRow.getByText('缺少', { exact: true }).waitFor();
  await app.screenshot('dossier-01-missing');

  // A file that only claims to be a PDF is refused at once, and nothing is filed.
  const [fakeChooser] = await Promise.all([
    page.waitForEvent('filechooser'),
    idRow.getByRole('button', { name: '上传扫描件' }).click(),
  ]);
  await fakeChooser.setFiles({
    name: '身份证.pdf',
    mimeType: 'application/pdf',
    buffer: Buffer.from('not a pdf at all'),
  });
  await page.getByText('文件“身份证.pdf”的扩展名是PDF，但内容不是PDF文件').waitFor();
  expect((await app.stored.call('dossier.get', { caseId: id })).attachments).toEqual([]);

  const [chooser] = await Promise.all([
    page.waitForEvent('filechooser'),
    idRow.getByRole('button', { name: '上传扫描件' }).click(),
  ]);
  await chooser.setFiles({ name: '张秀英身份证.pdf', mimeType: 'application/pdf', buffer: SCANNED_PDF });
  await idRow.getByText('已收到', { exact: true }).waitFor();
  await idRow.getByText('张秀英身份证.pdf').waitFor();
  await status
    .filter({ hasText: '现缺少3项：法律援助申请表、个人诚信承诺书、与所申请法律援助事项有关的案件材料' })
    .waitFor();
  await app.screenshot('dossier-02-scan-attached');
  const stored = await app.stored.call('dossier.get', { caseId: id });
  expect(stored.attachments).toEqual([
    expect.objectContaining({
      fileName: '张秀英身份证.pdf',
      contentType: 'application/pdf',
      sizeBytes: SCANNED_PDF.length,
    }),
  ]);
  // Kept encrypted under the data key (the harness's test key), and whole.
  const kept = fs.readFileSync(path.join(path.dirname(app.dataFile), 'attachments', stored.attachments[0]!.sha256));
  expect(kept.includes(SCANNED_PDF.subarray(0, 32))).toBe(false);
  expect(openFile(kept, { current: TEST_KEY, previous: null }, 'scan')).toEqual(SCANNED_PDF);

  // 登记收到 for the application form, from the form.
  const formRow = page.getByTestId('dossier-item-applicationForm');
  await formRow.getByRole('button', { name: '登记收到' }).click();
  await page.getByLabel('页数').fill('0');
  await page.getByRole('button', { name: '保存' }).click();
  await page
    .getByText(/不能小于1/)
    .first()
    .waitFor();
  await page.getByLabel('页数').fill('3');
  await page.getByRole('button', { name: '保存' }).click();
  await formRow.getByText('已收到', { exact: true }).waitFor();
  await status.filter({ hasText: '现缺少2项' }).waitFor();

  // Print the checklist: the print view shows the sheet over the app.
  await page.getByRole('button', { name: '打印卷宗材料核对表' }).click();
  const sheet = page.locator('.dossier-print-view .dossier-sheet');
  await sheet.getByText('卷宗材料核对表').waitFor();
  await sheet.getByText(caseNumber).waitFor();
  expect(await page.evaluate(() => window.location.hash)).toBe(`#/cases/${id}/print/checklist`);
  await app.screenshot('dossier-03-print-view');
  await page.evaluate(() => {
    (window as unknown as { printed: number }).printed = 0;
    window.print = () => void ((window as unknown as { printed: number }).printed += 1);
  });
  await page.getByRole('button', { name: '打印', exact: true }).click();
  expect(await page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);

  // What reaches paper: the sheet alone, not the app around it.
  await page.emulateMedia({ media: 'print' });
  const pdf = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'casedesk-e2e-print-')), 'checklist.pdf');
  fs.writeFileSync(pdf, await page.pdf({ format: 'A4', preferCSSPageSize: true }));
  const text = execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8' }).replace(
    /\s+/g,
    '',
  );
  expect(text).toContain('卷宗材料核对表');
  expect(text).toContain(caseNumber);
  expect(text).toContain('现缺少2项：个人诚信承诺书；与所申请法律援助事项有关的案件材料');
  expect(text).not.toContain('案件列表');
  expect(text).not.toContain('打印卷宗封面');
  await page.emulateMedia({ media: 'screen' });

  await page.getByRole('button', { name: '返回案件', exact: true }).click();
  await page.locator('.dossier-print-view').waitFor({ state: 'detached' });
  expect(problems).toEqual([]);
});
