// A clerk makes a case's electronic dossier (电子卷宗) from the case page, in Debian Chromium against the real
// preview server: the PDF downloads, pdfinfo and pdftotext read it back; after archiving, the page shows the kept
// dossier's SHA-256 and that the materials still match.
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { tempDir } from '../support/fixtures';
import { validRegistration } from '../shared/kinds/mediation/fixtures';
import { appForEachTest, pageErrors, SCANNED_PDF, setUpFirstRun } from './harness';

jest.setTimeout(180_000);

const currentApp = appForEachTest();

it('makes the electronic dossier from the case page, and shows the archived hash', async () => {
  const app = currentApp();
  const { page, stored } = app;
  const problems = pageErrors(page);
  await setUpFirstRun(app);
  const { id: caseId, caseNumber } = await stored.call('mediation.create', {
    draftId: null,
    registration: validRegistration(),
  });
  await stored.call('mediation.terminate', {
    caseId,
    actedOn: '2026-11-10',
    reason: '当事人撤回调解申请',
    explanation: '双方已自行和解',
  });
  for (const [itemKey, pages] of [
    ['registrationForm', 2],
    ['partyIds', 3],
    ['terminationNotice', 1],
  ] as const)
    await stored.call('dossier.markReceived', {
      caseId,
      itemKey,
      receivedOn: '2026-11-10',
      pages,
      form: '原件',
      note: '',
    });
  const { uploadId } = await stored.call('dossier.uploadBegin', {
    caseId,
    itemKey: 'application',
    fileName: '申请书.pdf',
    size: SCANNED_PDF.length,
  });
  await stored.call('dossier.uploadChunk', { uploadId, offset: 0, data: SCANNED_PDF.toString('base64') });
  await stored.call('dossier.attach', { uploadId, pages: 1 });

  await page.evaluate((id) => (window.location.hash = `#/cases/${id}`), caseId);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: '生成电子卷宗' }).click(),
  ]);
  const file = path.join(tempDir(), download.suggestedFilename());
  await download.saveAs(file);
  expect(download.suggestedFilename()).toBe(`${caseNumber}电子卷宗.pdf`);
  // Cover, 目录, the scan, and one stand-in page for each paper item.
  expect(execFileSync('pdfinfo', [file], { encoding: 'utf8' })).toMatch(/Pages:\s+6\n/);
  const text = execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replace(
    /[ \t]+/g,
    ' ',
  );
  expect(text).toContain('人民调解申请书 2');
  expect(text).toContain('人民调解受理登记表 3-4');
  expect(text).toContain('第5–7页：纸质材料，未扫描');
  await page.getByText(/已生成电子卷宗/).waitFor();
  await app.screenshot('electronic-dossier-01-made');

  await stored.call('mediation.archive', { caseId, actedOn: '2026-11-12', archiveNumber: '2026-调-001', note: '' });
  const { record } = await stored.call('dossier.archiveStatus', { caseId });
  await page.reload();
  const archived = page.getByTestId('archived-dossier');
  await archived.getByText(/电子卷宗已固定：现有材料与归档时一致/).waitFor();
  await archived.getByText(`电子卷宗SHA-256：${record!.pdfSha256}（6页）`).waitFor();
  await page.getByRole('button', { name: '下载归档电子卷宗' }).waitFor();
  await app.screenshot('electronic-dossier-02-archived');
  expect(problems).toEqual([]);
});
