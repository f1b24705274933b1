// Signing in on a PC several clerks share, in Debian Chromium against the real preview server: the administrator
// adds a clerk; the clerk mistypes the password, signs in, must change the initial password, starts a form,
// locks the window and unlocks it with the form as it was; the window locks itself when left idle; signing out
// and in again.
import type { Page } from 'playwright-core';
import { ADMIN, setUpFirstRun, startApp, type RunningApp } from './harness';

jest.setTimeout(120_000);

let app: RunningApp;
beforeEach(async () => {
  app = await startApp({ clock: true });
});
afterEach(async () => {
  await app?.close();
});

async function userMenu(page: Page, item: string) {
  await page.getByTestId('current-user').click();
  await page.getByRole('menuitem', { name: item }).click();
}

async function signIn(page: Page, username: string, password: string) {
  await page.getByRole('heading', { name: '登录' }).waitFor();
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码', { exact: true }).fill(password);
  await page.getByLabel('密码', { exact: true }).press('Enter');
}

const previewSession = () => app.server.backend.sessions.get('preview');

it('signs out, signs in again after a wrong password, changes the initial password, and locks and unlocks', async () => {
  const { page } = app;
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(error.message));
  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.push(msg.text());
  });
  await setUpFirstRun(app, 'session-01-first-run');

  // The administrator adds a clerk with an initial password.
  await page.getByRole('navigation', { name: '主导航' }).getByText('用户管理').click();
  await page.getByRole('button', { name: '添加用户' }).click();
  await page.getByLabel('用户名').fill('lijuan');
  await page.getByLabel('姓名').fill('李娟');
  await page.getByLabel('初始密码').fill('Initial123');
  await page.getByRole('button', { name: '保存', exact: true }).click();
  await page.getByRole('cell', { name: '李娟', exact: true }).waitFor();
  await app.screenshot('session-02-users');

  await userMenu(page, '退出登录');
  await page.getByRole('heading', { name: '登录' }).waitFor();
  expect(previewSession()).toBeNull();

  // A wrong password is refused in Chinese, and counted.
  await signIn(page, 'lijuan', 'Wrong1234');
  await page.getByRole('alert').filter({ hasText: '密码不正确（还可尝试4次）' }).waitFor();
  await app.screenshot('session-03-wrong-password');
  expect(previewSession()).toBeNull();

  // The initial password opens only the password change.
  await signIn(page, 'lijuan', 'Initial123');
  await page.getByRole('heading', { name: '修改初始密码' }).waitFor();
  expect(await page.getByRole('navigation', { name: '主导航' }).count()).toBe(0);
  await page.getByLabel('当前密码').fill('Initial123');
  await page.getByLabel('新密码', { exact: true }).fill('Lijuan2026');
  await page.getByLabel('确认新密码').fill('Lijuan2026');
  await app.screenshot('session-04-change-password');
  await page.getByRole('button', { name: '修改密码' }).click();
  await page.getByTestId('current-user').filter({ hasText: '李娟' }).waitFor();
  await expect(page.getByTestId('current-user').textContent()).resolves.toContain('办事员');
  // A clerk is not offered the administrator's pages.
  const nav = page.getByRole('navigation', { name: '主导航' });
  expect(await nav.getByText('用户管理').count()).toBe(0);
  expect(await nav.getByText('审计日志').count()).toBe(0);

  // Half a form, then the lock: the form is hidden, and the main process refuses the window's calls.
  await nav.getByText('登记申请').click();
  await page.getByLabel('申请人姓名').fill('张秀英');
  await page.getByLabel('户籍所在地').fill('雨花区黎托街道');
  await userMenu(page, '锁定');
  await page.getByRole('heading', { name: '已锁定' }).waitFor();
  expect(await page.getByLabel('申请人姓名').isVisible()).toBe(false);
  expect(previewSession()?.locked).toBe(true);
  await app.screenshot('session-05-locked');

  const lock = page.getByRole('dialog', { name: '已锁定' });
  await lock.getByLabel('密码').fill('Lijuan2025');
  await lock.getByLabel('密码').press('Enter');
  await page.getByRole('alert').filter({ hasText: '密码不正确' }).waitFor();
  expect(previewSession()?.locked).toBe(true);
  await lock.getByLabel('密码').fill('Lijuan2026');
  await lock.getByRole('button', { name: '解锁' }).click();
  await page.getByRole('heading', { name: '法律援助申请表' }).waitFor();
  await expect(page.getByLabel('申请人姓名').inputValue()).resolves.toBe('张秀英');
  await expect(page.getByLabel('户籍所在地').inputValue()).resolves.toBe('雨花区黎托街道');
  expect(previewSession()?.locked).toBe(false);

  // Left alone for the idle time, the window locks itself.
  await page.clock.fastForward('16:00');
  await page.getByRole('heading', { name: '已锁定' }).waitFor();
  expect(previewSession()?.locked).toBe(true);
  await page.getByRole('dialog', { name: '已锁定' }).getByLabel('密码').fill('Lijuan2026');
  await page.getByRole('dialog', { name: '已锁定' }).getByLabel('密码').press('Enter');
  await page.getByRole('heading', { name: '法律援助申请表' }).waitFor();
  await expect(page.getByLabel('申请人姓名').inputValue()).resolves.toBe('张秀英');

  // Signing out closes the pages; the administrator signs in again and finds it all in the audit log.
  await userMenu(page, '退出登录');
  await signIn(page, ADMIN.username, ADMIN.password);
  await page.getByTestId('current-user').filter({ hasText: ADMIN.displayName }).waitFor();
  await page.getByRole('navigation', { name: '主导航' }).getByText('审计日志').click();
  await page.getByRole('heading', { name: '审计日志' }).waitFor();
  await page
    .getByRole('table', { name: /的字段变化$/ })
    .first()
    .waitFor();
  await page.getByRole('button', { name: '校验' }).click();
  await page
    .getByRole('status')
    .filter({ hasText: /^审计日志完整：共\d+条记录/ })
    .waitFor();
  await app.screenshot('session-06-audit');
  // The clerk's half-filled form was kept as a draft as they typed.
  const drafts = await app.stored.call('drafts.list', { kind: 'legal_aid' });
  expect(drafts.map((d) => d.title)).toEqual(['张秀英']);
  // The password change is in the log under the clerk's own name, the hash left out.
  const log = await app.stored.call('audit.list', {
    username: 'lijuan',
    channel: 'auth.changePassword',
    tableName: 'users',
    rowKey: null,
    from: null,
    to: null,
    page: 1,
    pageSize: 20,
  });
  expect(log.rows.map((r) => r.op)).toEqual(['update']);
  expect(log.rows[0]!.after).toMatchObject({ username: 'lijuan', must_change_password: 0 });
  expect(JSON.stringify(log.rows[0])).not.toContain('scrypt');
  expect(problems).toEqual([]);
});

it("opens a signed-out window on the sign-in form, drawn by itself in antd's look, and signs in to the pages", async () => {
  const { page } = app;
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(error.message));
  await setUpFirstRun(app);
  await userMenu(page, '退出登录');
  await page.getByRole('heading', { name: '登录' }).waitFor();
  await page.reload(); // a cold window, nobody signed in: the window's usual start
  await page.getByRole('heading', { name: '登录' }).waitFor();
  expect(await page.evaluate(() => document.activeElement?.getAttribute('autocomplete'))).toBe('username');
  // The form's own rules (renderer/styles.css) in antd's colours: the primary button, the fields' borders.
  const button = page.getByRole('button', { name: '登录' });
  expect(await button.evaluate((b) => getComputedStyle(b).backgroundColor)).toBe('rgb(22, 119, 255)');
  expect(await page.getByLabel('用户名').evaluate((i) => getComputedStyle(i).borderRadius)).toBe('6px');
  await button.click();
  await page.getByText('用户名：不能为空').waitFor();
  await app.screenshot('session-00-sign-in');
  await signIn(page, ADMIN.username, ADMIN.password);
  await page.getByRole('navigation', { name: '主导航' }).waitFor();
  await page.getByTestId('current-user').filter({ hasText: ADMIN.displayName }).waitFor();
  expect(problems).toEqual([]);
});

it("draws the first-run form and the pages with antd's styles made by the build, making none of them again", async () => {
  const { page } = app;
  // What antd made in the window itself: cssinjs's <style> elements (the theme's variables aside).
  const madeHere = () =>
    page.evaluate(() =>
      [...document.querySelectorAll('style')]
        .map((s) => s.textContent ?? '')
        .filter((css) => !/^\.css-var-/.test(css))
        .join('\n'),
    );
  const done = page.getByRole('button', { name: '完成设置' });
  await done.waitFor();
  expect(await done.evaluate((b) => getComputedStyle(b).cursor)).toBe('pointer'); // antd's button rule applies
  expect(await madeHere()).not.toMatch(/\.ant-(btn|input|form)(?![\w-])[^{]*\{/);
  await setUpFirstRun(app);
  await page.getByRole('navigation', { name: '主导航' }).waitFor();
  await page.locator('.ant-table').first().waitFor();
  expect(await madeHere()).not.toMatch(/\.ant-(btn|input|form|table|menu|layout)(?![\w-])[^{]*\{/);
  // antd's styles, read with the app, sit ahead of the app's own stylesheet (which overrides some of antd's rules).
  const sheets = await page.evaluate(() =>
    [...document.querySelectorAll<HTMLLinkElement>('link[rel="stylesheet"]')].map((l) => l.getAttribute('href')),
  );
  expect(sheets).toEqual([
    expect.stringMatching(/^\.\/assets\/antd-[0-9a-f]{8}\.css$/),
    expect.stringMatching(/^\.\/assets\/index-.*\.css$/),
  ]);
  // antd's table rule applies (a div's background is transparent without it).
  expect(
    await page
      .locator('.ant-table')
      .first()
      .evaluate((t) => getComputedStyle(t).backgroundColor),
  ).toBe('rgb(255, 255, 255)');
});
