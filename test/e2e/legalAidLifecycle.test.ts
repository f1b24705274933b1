// A legal-aid case from intake to archive, as a clerk carries it in Debian Chromium against the real preview
// server: the roster first, then the application, 一次性告知 of the missing materials (the dashboard shows the
// supply limit), the materials supplied, the decision to grant, the assignment taken from the roster's rotation,
// a progress record (one with an impossible date refused on screen, nothing stored), closing, the subsidy and the
// archive — the timeline checked on the way.
import type { Page } from 'playwright-core';
import { addDays } from '../../shared/calendar';
import { formatChineseDate, localDate } from '../../shared/dates';
import { choose, openAction } from './caseSteps';
import { setUpFirstRun, startApp, type RunningApp } from './harness';

jest.setTimeout(240_000);

let app: RunningApp;
beforeEach(async () => {
  app = await startApp();
});
afterEach(async () => {
  await app?.close();
});

/** Waits until the field shows `want` (React fills it on its next render). */
async function showsValue(page: Page, field: ReturnType<Page['getByLabel']>, want: string) {
  const handle = await field.elementHandle();
  await page.waitForFunction(([el, value]) => (el as HTMLInputElement).value === value, [handle, want] as const);
}

async function typeDate(page: Page, label: string, iso: string) {
  const input = page.getByLabel(label, { exact: true });
  await input.fill(iso);
  await input.press('Enter');
  await showsValue(page, input, iso);
}

const nav = (page: Page) => page.getByRole('navigation', { name: '主导航' });

/** Signs the current user out and `username` in for the first time, setting their own password. */
async function signInFirstTime(page: Page, username: string, displayName: string, password: string) {
  await page.getByTestId('current-user').click();
  await page.getByRole('menuitem', { name: '退出登录' }).click();
  await page.getByRole('heading', { name: '登录' }).waitFor();
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码', { exact: true }).fill('Initial123');
  await page.getByLabel('密码', { exact: true }).press('Enter');
  await page.getByRole('heading', { name: '修改初始密码' }).waitFor();
  await page.getByLabel('当前密码').fill('Initial123');
  await page.getByLabel('新密码', { exact: true }).fill(password);
  await page.getByLabel('确认新密码').fill(password);
  await page.getByRole('button', { name: '修改密码' }).click();
  await page.getByTestId('current-user').filter({ hasText: displayName }).waitFor();
}

/**
 * Confirms the open dialog and waits for the case to reach `status`. `within`: how long the action may take — 10 s
 * for a step that writes rows; archiving makes the electronic dossier (Chromium renders its pages), so it is given
 * a budget for a loaded 2-core machine.
 */
async function confirm(page: Page, dialog: ReturnType<Page['getByRole']>, status: string, within = 10_000) {
  await dialog.getByRole('button', { name: '确定' }).click();
  // A refusal keeps the dialog open: say what it said rather than time out silently.
  await dialog.waitFor({ state: 'detached', timeout: within }).catch(async (error: unknown) => {
    throw new Error(`对话框未关闭：${await dialog.textContent()}`, { cause: error });
  });
  await page
    .getByTestId('case-status')
    .filter({ hasText: new RegExp(`^${status}$`) })
    .waitFor();
}

it('carries a legal-aid case from intake through every stage to the archive', async () => {
  const { page } = app;
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(error.message));
  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.push(msg.text());
  });
  const today = localDate();
  const tomorrow = addDays(today, 1);

  // The administrator sets up the office and the accounts of a clerk and the director; the clerk signs in.
  await setUpFirstRun(app);
  await app.stored.call('users.create', {
    username: 'lijuan',
    displayName: '李娟',
    role: 'clerk',
    password: 'Initial123',
  });
  await app.stored.call('users.create', {
    username: 'zhangwei',
    displayName: '张伟',
    role: 'director',
    password: 'Initial123',
  });
  await signInFirstTime(page, 'lijuan', '李娟', 'Lijuan2026');

  // The roster: a lawyer for family matters and a legal-service worker for wages.
  await nav(page).getByText('援助人员名册').click();
  await page.getByRole('heading', { name: '援助人员名册' }).waitFor();
  for (const [orgType, typed, orgName, personName, expertise] of [
    ['律师事务所', '律师', '湖南弘毅律师事务所', '王律师', '婚姻家庭与赡养抚养'],
    ['基层法律服务所', '基层', '黎托法律服务所', '刘明', '劳动争议与劳动报酬'],
  ] as const) {
    await page.getByRole('button', { name: '添加人员' }).click();
    const dialog = page.getByRole('dialog', { name: '添加援助人员' });
    await choose(page, '承办机构类型', typed, orgType);
    await dialog.getByLabel('承办机构名称').fill(orgName);
    await dialog.getByLabel('承办人员').fill(personName);
    await dialog.getByRole('checkbox', { name: expertise }).check();
    await dialog.getByRole('button', { name: '保存', exact: true }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByRole('cell', { name: personName, exact: true }).waitFor();
  }
  await app.screenshot('lifecycle-01-roster');

  // Intake.
  await nav(page).getByText('登记申请').click();
  await page.getByRole('heading', { name: '法律援助申请表' }).waitFor();
  await page.getByLabel('申请人姓名').fill('张秀英');
  await page.getByLabel('公民身份号码').fill('11010519491231002X');
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
  await page.getByLabel('受理人').fill('李娟');
  await page.getByRole('button', { name: '保存', exact: true }).click();
  const heading = page.getByRole('heading', { name: /^〔\d{4}〕黎托援字第0001号$/ });
  await heading.waitFor();
  const caseNumber = (await heading.textContent()) ?? '';
  const caseId = (
    await app.stored.call('cases.list', {
      kind: null,
      status: null,
      query: '',
      page: 1,
      pageSize: 20,
      sortBy: 'receivedOn',
      sortOrder: 'desc',
    })
  ).rows[0]!.id;
  const timeline = () => app.stored.call('cases.timeline', { caseId });
  /** Files every required material not on file yet (on the dossier page, which is not this test's: here through the same backend). */
  const fileDossier = async () => {
    const { checklist } = await app.stored.call('dossier.get', { caseId });
    for (const item of checklist.items.filter((i) => i.required && !i.present)) {
      await app.stored.call('dossier.markReceived', {
        caseId,
        itemKey: item.key,
        receivedOn: today,
        pages: 1,
        form: '复印件',
        note: '',
      });
    }
  };
  await page.getByTestId('case-status').filter({ hasText: '待审查' }).waitFor();
  await page.getByRole('region', { name: '办理期限' }).getByText('剩余7日').waitFor();
  // The verdict names its articles.
  await page.getByRole('region', { name: '援助条件审查' }).getByText('依据：法律援助法第31条第（四）项').waitFor();
  await app.screenshot('lifecycle-02-received');

  // 一次性告知: everything missing at once, with a supply limit two days out.
  let dialog = await openAction(page, '一次性告知补充材料');
  await dialog.getByLabel('补充材料清单').fill('户口簿复印件\n村民委员会出具的无固定生活来源证明');
  await typeDate(page, '补充期限', addDays(today, 2));
  await confirm(page, dialog, '待补充材料');
  const history = page.getByRole('region', { name: '办理过程' });
  await history.getByText('户口簿复印件、村民委员会出具的无固定生活来源证明').waitFor();

  // The dashboard shows the supply limit due in two days; its row leads back to the case.
  await nav(page).getByText('期限提醒').click();
  const dueSoon = page.getByRole('region', { name: '3日内到期' });
  const row = dueSoon.getByRole('row').filter({ hasText: caseNumber });
  await row.filter({ hasText: '补充材料' }).waitFor();
  await expect(row.textContent()).resolves.toContain('剩余2日');
  await app.screenshot('lifecycle-03-dashboard');
  await row.click();
  await page.getByRole('heading', { name: caseNumber }).waitFor();

  dialog = await openAction(page, '补齐材料');
  await confirm(page, dialog, '待审查');

  // The village committee's certificate shows no fixed income: the director records that the applicant meets the
  // financial condition, with the written reason; a clerk is not offered this.
  const verdict = page.getByRole('region', { name: '援助条件审查' });
  expect(await verdict.getByRole('button', { name: '改变认定' }).count()).toBe(0);
  await signInFirstTime(page, 'zhangwei', '张伟', 'Zhangwei2026');
  await page.getByRole('heading', { name: caseNumber }).waitFor();
  await verdict.getByRole('button', { name: '改变认定' }).click();
  await choose(page, '认定事项', '经济', '经济困难条件');
  await verdict.getByRole('radio', { name: '符合', exact: true }).check();
  await verdict.getByRole('button', { name: '记录认定' }).click();
  await verdict.getByText('书面理由：不能为空').waitFor();
  await verdict.getByLabel('书面理由').fill('村民委员会证明申请人无固定生活来源，免予核查经济困难状况。');
  await verdict.getByRole('button', { name: '记录认定' }).click();
  await verdict.getByText(/^改变认定为“符合”（张伟，/).waitFor();
  await app.screenshot('lifecycle-03b-override');
  await page.getByTestId('current-user').click();
  await page.getByRole('menuitem', { name: '退出登录' }).click();
  await page.getByLabel('用户名').fill('lijuan');
  await page.getByLabel('密码', { exact: true }).fill('Lijuan2026');
  await page.getByLabel('密码', { exact: true }).press('Enter');
  await page.getByRole('heading', { name: caseNumber }).waitFor();

  // The decision starts from the 事项类型 the verdict found.
  dialog = await openAction(page, '审查决定');
  await expect(
    dialog.locator('.ant-select', { has: page.getByLabel('事项类型', { exact: true }) }).textContent(),
  ).resolves.toContain('请求给付赡养费、抚养费、扶养费');
  expect(await dialog.getByRole('radio', { name: '给予法律援助' }).isChecked()).toBe(true);
  await dialog.getByLabel('决定书编号').fill('黎援决〔2026〕1号');
  await confirm(page, dialog, '已决定给予');
  // Three days to assign (a last day on a rest day moves to the next working day).
  await page
    .getByRole('region', { name: '办理期限' })
    .getByRole('row')
    .filter({ hasText: '指派承办人员' })
    .filter({ hasText: /剩余[3-9]日/ })
    .waitFor();

  // The assignment takes the roster's suggestion: the family lawyer, next in rotation.
  dialog = await openAction(page, '指派');
  await dialog.getByText('轮换建议：王律师').waitFor();
  await dialog.getByRole('button', { name: '采用建议' }).click();
  await showsValue(page, dialog.getByLabel('承办人员'), '王律师');
  await showsValue(page, dialog.getByLabel('承办机构名称'), '湖南弘毅律师事务所');
  await app.screenshot('lifecycle-04-assign');
  await confirm(page, dialog, '已指派');
  const assigned = (await timeline()).find((e) => e.action === 'assign');
  expect(assigned?.data).toMatchObject({ orgType: '律师事务所', orgName: '湖南弘毅律师事务所', personName: '王律师' });
  expect(assigned?.data.rosterId).toEqual(expect.any(Number));

  // A progress record whose matter ended after the record itself is refused under that field; nothing is stored.
  const before = (await timeline()).length;
  dialog = await openAction(page, '办理进展');
  await choose(page, '进展类型', '调解', '调解或和解');
  await dialog.getByLabel('进展情况').fill('经王律师主持，双方达成赡养协议，法院出具调解书。');
  await typeDate(page, '事项办结日期', tomorrow);
  await dialog.getByRole('button', { name: '确定' }).click();
  await dialog.getByText('事项办结日期：不能晚于进展日期').waitFor();
  await app.screenshot('lifecycle-05-refused');
  expect((await timeline()).length).toBe(before);
  expect((await app.stored.call('legalAid.actions', { caseId })).status).toBe('assigned');
  await typeDate(page, '事项办结日期', today);
  await confirm(page, dialog, '已指派');
  expect((await timeline()).length).toBe(before + 1);

  dialog = await openAction(page, '结案');
  await choose(page, '办理结果', '调解', '调解结案');
  await choose(page, '结案文书', '调解书', '调解书');
  await typeDate(page, '事项办结日期', today);
  await typeDate(page, '结案材料提交日期', today);
  // The dossier is not complete yet: closing is refused on screen, and nothing changes.
  await dialog.getByRole('button', { name: '确定' }).click();
  await dialog.getByText(/^卷宗材料不全，不能结案：缺少/).waitFor();
  await app.screenshot('lifecycle-06-dossier-incomplete');
  expect((await app.stored.call('legalAid.actions', { caseId })).status).toBe('assigned');
  await fileDossier();
  await confirm(page, dialog, '已结案');

  dialog = await openAction(page, '办案补贴');
  await dialog.getByLabel('办案补贴金额').fill('800');
  await typeDate(page, '补贴发放日期', today);
  await confirm(page, dialog, '已结案');

  await fileDossier(); // the subsidy's approval form joins the file
  dialog = await openAction(page, '归档');
  await dialog.getByLabel('归档号').fill('2026-援-001');
  await confirm(page, dialog, '已归档', 120_000);
  await page.getByRole('region', { name: '可进行的操作' }).getByText('本案目前没有可进行的操作。').waitFor();

  // The timeline tells the whole story, step by step, with who recorded each.
  const steps = [
    '登记受理',
    '一次性告知补充材料',
    '补齐材料',
    '审查决定',
    '指派',
    '办理进展',
    '结案',
    '办案补贴',
    '归档',
  ];
  const entries = history.getByTestId('timeline-entry');
  await entries.nth(steps.length - 1).waitFor(); // the timeline reloads after the action
  await expect(entries.count()).resolves.toBe(steps.length);
  for (const [i, label] of steps.entries())
    await expect(entries.nth(i).textContent()).resolves.toMatch(new RegExp(`^${formatChineseDate(today)} ${label}`));
  await expect(entries.nth(4).textContent()).resolves.toContain('承办人员王律师');
  await expect(entries.nth(7).textContent()).resolves.toContain('办案补贴金额800.00 元');
  await expect(entries.nth(8).textContent()).resolves.toContain('李娟 记录于');
  expect((await timeline()).map((e) => e.action)).toEqual([
    'register',
    'notifyMissing',
    'supplyMaterials',
    'decide',
    'assign',
    'recordProgress',
    'close',
    'recordSubsidy',
    'archive',
  ]);
  await app.screenshot('lifecycle-07-archived');
  expect(problems).toEqual([]);
});
