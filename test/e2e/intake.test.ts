// A clerk's first day, in Debian Chromium against the real preview server and a fresh data file: set up the
// office and its administrator, register a legal-aid application from the keyboard and mouse, find it again by
// part of a name.
import type { Page } from 'playwright-core';
import { formatChineseDate, localDate } from '../../shared/dates';
import { choose } from './caseSteps';
import { setUpFirstRun, startApp, type RunningApp } from './harness';

jest.setTimeout(120_000);

let app: RunningApp;
beforeEach(async () => {
  app = await startApp();
});
afterEach(async () => {
  await app?.close();
});

/** What the data file holds, asked of the same backend the page talks to. */
const stored = () =>
  app.stored.call('cases.list', {
    kind: null,
    status: null,
    query: '',
    page: 1,
    pageSize: 20,
    sortBy: 'receivedOn',
    sortOrder: 'desc',
  });

async function openIntake(page: Page) {
  await page.getByRole('navigation', { name: '主导航' }).getByText('登记申请').click();
  await page.getByRole('heading', { name: '法律援助申请表' }).waitFor();
}

it("registers a legal-aid application and finds it by part of the applicant's name", async () => {
  const { page } = app;
  // Everything the page asks for comes from the loopback preview, and nothing breaks the CSP or throws.
  const origin = new URL(app.url).origin;
  const foreign: string[] = [];
  const problems: string[] = [];
  page.on('request', (request) => {
    if (!request.url().startsWith(`${origin}/`) && !/^(data|blob):/.test(request.url())) foreign.push(request.url());
  });
  page.on('console', (msg) => {
    if (msg.type() === 'error' || msg.type() === 'warning') problems.push(msg.text());
  });
  page.on('pageerror', (error) => problems.push(error.message));
  await page.reload(); // the token is kept in the tab's session storage
  await setUpFirstRun(app, 'intake-01-first-run');
  // The administrator registered nothing yet, and the page signed in as the preview's one session.
  expect(app.server.backend.sessions.get('preview')?.user).toMatchObject({ username: 'admin', role: 'admin' });
  await openIntake(page);

  await page.getByLabel('申请人姓名').fill('张秀英');
  await page.getByLabel('公民身份号码').fill('11010519491231002X');
  // The ID number fills what it carries.
  await expect(page.getByLabel('出生日期').inputValue()).resolves.toBe('1949-12-31');
  await expect(page.getByRole('radio', { name: '女' }).isChecked()).resolves.toBe(true);
  await page.getByLabel('联系电话').fill('13800138000');
  await page.getByLabel('户籍所在地').fill('雨花区黎托街道花侯村3组');
  await page.getByRole('checkbox', { name: '老年人' }).check();
  await page.getByRole('button', { name: '添加对方当事人' }).click();
  await page.getByLabel('对方当事人姓名（名称）').fill('张建国');
  await choose(page, '案件类别', '民事', '民事');
  await choose(page, '援助形式', '诉讼代理', '民事、行政、国家赔偿诉讼代理及非诉讼代理');
  await page.getByLabel('案由').fill('赡养费纠纷');
  await page.getByLabel('案情及申请理由').fill('申请人年逾七旬，子女拒不支付赡养费。');
  await page.getByLabel('家庭人口数').fill('1');
  await page.getByLabel('家庭月人均收入').fill('850.5');
  await choose(page, '经济困难核查方式', '承诺', '承诺');
  // A date typed without separators is taken as it would be written on paper.
  const today = localDate();
  await page.getByLabel('申请日期').fill(today.replace(/-/g, ''));
  await page.getByLabel('申请日期').press('Enter');
  const receivedOn = await page.getByLabel('申请日期').elementHandle();
  await page.waitForFunction(([input, iso]) => (input as HTMLInputElement).value === iso, [receivedOn, today] as const);
  await page.getByLabel('受理人').fill('李娟');
  // Enter in a field moves on; it never saves.
  await page.getByLabel('受理人').press('Enter');
  expect((await stored()).total).toBe(0);
  await app.screenshot('intake-02-filled');

  await page.getByRole('button', { name: '保存', exact: true }).click();
  const caseNumber = page.getByRole('heading', { name: /^〔\d{4}〕黎托援字第0001号$/ });
  await caseNumber.waitFor();
  const number = (await caseNumber.textContent()) ?? '';
  await page.getByText(`申请已登记，案号 ${number}`).waitFor();
  await app.screenshot('intake-03-registered');
  expect((await stored()).rows.map((r) => [r.caseNumber, r.applicantName])).toEqual([[number, '张秀英']]);

  await page.getByRole('navigation', { name: '主导航' }).getByText('案件列表').click();
  await page.getByPlaceholder('搜索姓名、案号、身份证号或案情').fill('秀英');
  const row = page.getByRole('row').filter({ hasText: '张秀英' });
  await row.waitFor();
  await expect(row.textContent()).resolves.toContain('110105********002X');
  await expect(row.textContent()).resolves.toContain('待审查');
  await app.screenshot('intake-04-found');

  await row.click();
  await page.getByRole('heading', { name: number }).waitFor();
  await page.getByText('张秀英', { exact: true }).waitFor();
  await page.getByText('850.50 元').waitFor();
  await page.getByText(formatChineseDate(today), { exact: true }).waitFor();
  await app.screenshot('intake-05-detail');
  expect(foreign).toEqual([]);
  expect(problems).toEqual([]);
});

it('says a wrong ID number is wrong next to the field, and saves nothing', async () => {
  const { page } = app;
  await setUpFirstRun(app);
  await openIntake(page);

  await page.getByLabel('申请人姓名').fill('张秀英');
  await page.getByLabel('公民身份号码').fill('110105194912310021');
  const item = page.locator('.ant-form-item', { has: page.getByLabel('公民身份号码') });
  await item.getByText('公民身份号码：校验码不正确，请核对号码').waitFor();
  await app.screenshot('intake-06-wrong-id');

  await page.getByRole('button', { name: '保存', exact: true }).click();
  await expect(page.getByLabel('申请人姓名').inputValue()).resolves.toBe('张秀英');
  await page.getByText('户籍所在地：不能为空').waitFor();
  expect((await stored()).total).toBe(0);
  await expect(page.getByRole('heading', { name: '法律援助申请表' }).isVisible()).resolves.toBe(true);
});
