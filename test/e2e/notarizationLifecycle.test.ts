// A 公证申请 through its whole life at the liaison point, as a clerk carries it in Debian Chromium against the real
// preview server and a fresh data file: take a 学历 request for use abroad (the matter's materials and its
// 最多跑一次 flag shown at intake), check the materials, forward it to the notary office, record its acceptance with
// a 容缺 item on a written commitment (refused on screen without the commitment), the item supplied, the
// certificate issued and handed over against a signed receipt, archive; the timeline shows every step.
import { formatChineseDate, localDate } from '../../shared/dates';
import { MATTER_SEED } from '../../shared/kinds/notarization/matters';
import { APPLICANT_ID, CERTIFICATE_NUMBER, NOTARY_OFFICE } from '../shared/kinds/notarization/fixtures';
import {
  act,
  actions,
  caseStatus as status,
  choose,
  openAction as open,
  receiveMissingMaterials,
  save,
} from './caseSteps';
import { setUpFirstRun, startApp, type RunningApp } from './harness';

jest.setTimeout(180_000);

let app: RunningApp;
beforeEach(async () => {
  app = await startApp();
});
afterEach(async () => {
  await app?.close();
});

it('carries a 学历 request from intake to the archive, accepted with a 容缺 item', async () => {
  const { page } = app;
  await setUpFirstRun(app);
  await page.getByRole('navigation', { name: '主导航' }).getByText('登记公证申请').click();
  await page.getByRole('heading', { name: '公证申请表' }).waitFor();

  await choose(page, '公证事项', '学历', '学历（最多跑一次）');
  // The matter's materials and its 最多跑一次 flag, from the catalogue.
  const education = MATTER_SEED.find((m) => m.code === 'education')!;
  await expect(page.locator('.required-material').allTextContents()).resolves.toEqual(education.requiredMaterials);
  await page.locator('.matter-note').getByText('最多跑一次').waitFor();
  await page.getByLabel('公证书用途').fill('出国留学');
  await page.getByLabel('申请人姓名（名称）').fill('王晓明');
  await page.getByLabel('公民身份号码').fill(APPLICANT_ID);
  await expect(page.getByLabel('出生日期').inputValue()).resolves.toBe('1998-03-15');
  await page.getByLabel('联系电话').fill('13800138000');
  await page.getByLabel('住址').fill('雨花区黎托街道花侯村3组');
  await page.getByLabel('使用地').fill('英国');
  await page.getByLabel('份数').fill('2');
  await page.getByLabel('是否需要翻译').check();
  await page.getByLabel('译文语种').fill('英语');
  await page.getByLabel('收费').fill('160');
  await page.getByLabel('受理人').fill('李娟');
  await app.screenshot('notarization-01-intake');
  await page.getByRole('button', { name: '保存', exact: true }).click();

  const heading = page.getByRole('heading', { name: /^〔\d{4}〕黎托公字第0001号$/ });
  await heading.waitFor();
  const caseNumber = (await heading.textContent()) ?? '';
  await page.getByText(`公证申请已登记，案号 ${caseNumber}`).waitFor();
  await expect(status(page).textContent()).resolves.toBe('待核对材料');
  const id = Number(/#\/cases\/(\d+)/.exec(page.url())?.[1]);

  await act(page, '材料核对／一次性告知', async () => {}); // nothing ticked: every material is there
  await status(page).filter({ hasText: '材料齐全待转递' }).waitFor();
  await act(page, '转递公证处', async (d) => {
    await d.getByLabel('公证处', { exact: true }).fill(NOTARY_OFFICE);
  });
  await status(page).filter({ hasText: '已转递待受理' }).waitFor();

  // 容缺受理 needs the applicant's written commitment: refused on screen without it, nothing stored.
  const tomorrow = localDate(new Date(Date.now() + 86_400_000));
  const accept = await open(page, '受理');
  await accept.getByLabel('受理通知单编号', { exact: true }).fill('（2026）湘长雨证受字第0101号');
  await accept.getByRole('checkbox', { name: /容缺受理/ }).check();
  await accept.getByLabel('容缺材料', { exact: true }).fill('毕业证书原件');
  await accept.getByLabel('承诺补交日期', { exact: true }).fill(tomorrow);
  await accept.getByLabel('承诺补交日期', { exact: true }).press('Enter');
  await accept.getByRole('button', { name: '保存', exact: true }).click();
  await accept.getByText('书面承诺：容缺受理须有申请人签署的书面承诺').waitFor();
  await app.screenshot('notarization-02-no-commitment');
  await expect(app.stored.call('notarization.get', { id })).resolves.toMatchObject({
    status: 'forwarded',
    progress: { accepted: null },
  });
  await accept.getByLabel('书面承诺', { exact: true }).check();
  await save(accept);
  await status(page).filter({ hasText: '已受理办理中' }).waitFor();
  // The certificate waits for the 容缺 item.
  await expect(actions(page).getByRole('button', { name: '出证', exact: true }).count()).resolves.toBe(0);
  await page
    .getByRole('region', { name: '办理期限' })
    .getByText(/容缺材料补交/)
    .waitFor();

  await act(page, '容缺材料补交', async () => {});
  await act(page, '出证', async (d) => {
    await d.getByLabel('公证书编号', { exact: true }).fill(CERTIFICATE_NUMBER);
  });
  await status(page).filter({ hasText: '已出证待领取' }).waitFor();
  await act(page, '送达／领取', async (d) => {
    await choose(page, '送达方式', '本人', '本人领取', d);
    await d.getByLabel('签收人', { exact: true }).fill('王晓明');
    await d.getByLabel('送达回执', { exact: true }).check();
  });
  await status(page).filter({ hasText: '已送达' }).waitFor();

  await receiveMissingMaterials(page);
  await act(page, '归档', async (d) => {
    await d.getByLabel('档案号', { exact: true }).fill('2026-公-001');
  });
  await status(page).filter({ hasText: '已归档' }).waitFor();

  const timeline = page.getByRole('region', { name: '办理过程' });
  await timeline.getByTestId('timeline-entry').nth(7).waitFor();
  // Each entry is headed by its date and what was done.
  const steps = (await timeline.getByTestId('timeline-entry').locator('strong').allTextContents()).map((t) =>
    t.replace(formatChineseDate(localDate()), '').trim(),
  );
  expect(steps).toEqual([
    '登记受理',
    '材料核对／一次性告知',
    '转递公证处',
    '受理',
    '容缺材料补交',
    '出证',
    '送达／领取',
    '归档',
  ]);
  await app.screenshot('notarization-03-archived');

  await expect(app.stored.call('notarization.get', { id })).resolves.toMatchObject({
    caseNumber,
    status: 'archived',
    useScope: '涉外',
    request: { placeOfUse: '英国', copies: 2, needsTranslation: true, translationLanguage: '英语', feeFen: 16_000 },
    progress: {
      forwarded: { notaryOffice: NOTARY_OFFICE },
      deferred: { item: '毕业证书原件', commitmentSigned: true, promisedOn: tomorrow, suppliedOn: localDate() },
      certificate: { number: CERTIFICATE_NUMBER },
      delivery: { method: '本人领取', recipient: '王晓明', receiptSigned: true },
      archived: { archiveNumber: '2026-公-001' },
    },
  });
});
