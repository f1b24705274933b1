// The monthly export in Debian Chromium against two real preview servers: an office sets the bureau's key, makes
// its package and saves it; the county bureau, set up in 县局模式 at first run, registers the office by its key and
// fingerprint, imports the package and refuses a damaged copy with the reason.
import fs from 'node:fs';
import path from 'node:path';
import { validApplication } from '../support/samples';
import { tempDir } from '../support/fixtures';
import { ADMIN, confirmRecoveryKey, setUpFirstRun, startApp, type RunningApp } from './harness';

jest.setTimeout(180_000);

let office: RunningApp;
let county: RunningApp;
afterEach(async () => {
  await office?.close();
  await county?.close();
});

it('carries an office’s package to the bureau, which imports it and refuses a damaged copy', async () => {
  office = await startApp();
  county = await startApp();
  const problems: string[] = [];
  for (const app of [office, county]) app.page.on('pageerror', (error) => problems.push(error.message));

  await setUpFirstRun(office);
  await office.stored.call('legalAid.create', { draftId: null, application: validApplication() });

  // The bureau chooses 县局模式 at its first run.
  const bureau = county.page;
  await bureau.getByRole('heading', { name: '首次设置' }).waitFor();
  await bureau.getByText('县司法局（县局模式：导入各司法所的数据包，全县汇总）').click();
  await bureau.getByLabel('司法所名称').fill('长沙市雨花区司法局');
  await bureau.getByLabel('县级行政区划代码').fill('430111');
  await bureau.getByLabel('司法所编号').fill('00');
  await bureau.getByLabel('县（市、区）司法局名称').fill('长沙市雨花区司法局');
  await bureau.getByLabel('案号代字').fill('雨司');
  await bureau.getByLabel('用户名').fill(ADMIN.username);
  await bureau.getByLabel('姓名').fill(ADMIN.displayName);
  await bureau.getByLabel('密码', { exact: true }).fill(ADMIN.password);
  await bureau.getByLabel('确认密码').fill(ADMIN.password);
  await bureau.getByRole('button', { name: '完成设置' }).click();
  await confirmRecoveryKey(bureau);
  await bureau.getByRole('menuitem', { name: '机构管理' }).click();
  await bureau.getByRole('heading', { name: '机构管理' }).waitFor();
  const bureauKey = (await county.stored.call('exchange.status', {})).publicKey!;
  // The page shows the key once its status has loaded (the heading comes first).
  await bureau.getByText(bureauKey).waitFor();
  expect(await bureau.getByText(bureauKey).count()).toBe(1);

  // The office enters the bureau's key and makes its package.
  const page = office.page;
  await page.getByRole('menuitem', { name: '数据报送' }).click();
  await page.getByLabel('县司法局公钥（由县局提供，以 casedesk1: 开头）').fill(bureauKey);
  await page.getByRole('button', { name: '保存县司法局公钥' }).click();
  await page.getByRole('status').filter({ hasText: '已设置县司法局公钥' }).waitFor();
  await page.getByRole('button', { name: '生成数据包' }).click();
  await page.getByRole('status').filter({ hasText: '已生成第1次报送' }).waitFor();
  await office.screenshot('exchange-01-office-export');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: '下载' }).click(),
  ]);
  const usb = tempDir();
  const good = path.join(usb, download.suggestedFilename());
  await download.saveAs(good);
  expect(path.basename(good)).toBe(
    '43011101-2026-11-0001.casedesk'.replace('2026-11', new Date().toISOString().slice(0, 7)),
  );
  const damaged = path.join(usb, 'damaged.casedesk');
  const bytes = fs.readFileSync(good);
  bytes[bytes.length - 3] = bytes[bytes.length - 3]! ^ 0x40;
  fs.writeFileSync(damaged, bytes);

  // The bureau registers the office by its key and the fingerprint the office reads out.
  const officeKeys = await office.stored.call('exchange.status', {});
  await bureau.getByLabel('机构代码（县级行政区划代码加司法所编号，如43011101）').fill('43011101');
  await bureau.getByLabel('机构名称').fill('黎托街道司法所');
  await bureau.getByLabel('司法所公钥（以 casedesk1: 开头）').fill(officeKeys.publicKey!);
  await bureau.getByLabel('公钥指纹（与司法所电话或书面核对）').fill(officeKeys.fingerprint!);
  await bureau.getByRole('button', { name: '登记', exact: true }).click();
  await bureau.getByRole('status').filter({ hasText: '已登记：黎托街道司法所（43011101）' }).waitFor();
  await bureau.getByRole('cell', { name: '逾期未报' }).waitFor();

  await bureau.getByRole('menuitem', { name: '导入数据包' }).click();
  await bureau.getByLabel('选择数据包文件（.casedesk，可多选）').setInputFiles([good, damaged]);
  await bureau.getByText(/黎托街道司法所，\d{4}-\d{2}，第1次报送：新增\d+行/).waitFor();
  await bureau.getByText(/SHA-256校验失败/).waitFor();
  await county.screenshot('exchange-02-bureau-import');
  expect(await bureau.getByText('已拒收').count()).toBe(1);
  expect((await county.stored.call('bureau.offices', {}))[0]).toMatchObject({ code: '43011101', lastSequence: 1 });
  expect(problems).toEqual([]);
});
