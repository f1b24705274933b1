// Quality evaluation in Debian Chromium against the preview (县局模式): an office's closed cases imported, a round
// planned with a 评查员 and its sample drawn; the 评查员 signs in (changing the initial password), opens the round,
// scores a sampled case item by item (the total and grade shown as they type, a remark where points are lost) and
// submits; the bureau's file holds the submitted score.
import { tempDir } from '../support/fixtures';
import { ADMIN, confirmRecoveryKey, startApp, type RunningApp } from './harness';
import { office } from '../electron/services/exchange/fixtures';
import { DEFAULT_SHEETS } from '../../shared/evaluation/sheets';
import { mediationRound } from '../electron/services/evaluation/fixtures';

jest.setTimeout(240_000);

let county: RunningApp;
afterEach(async () => {
  await county?.close();
});

it('lets an evaluator sign in, score a sampled case and submit the score', async () => {
  county = await startApp();
  const problems: string[] = [];
  county.page.on('pageerror', (error) => problems.push(error.message));
  const page = county.page;

  // The bureau's first run, in 县局模式.
  await page.getByRole('heading', { name: '首次设置' }).waitFor();
  await page.getByText('县司法局（县局模式：导入各司法所的数据包，全县汇总）').click();
  await page.getByLabel('司法所名称').fill('长沙市雨花区司法局');
  await page.getByLabel('县级行政区划代码').fill('430111');
  await page.getByLabel('司法所编号').fill('00');
  await page.getByLabel('县（市、区）司法局名称').fill('长沙市雨花区司法局');
  await page.getByLabel('案号代字').fill('雨司');
  await page.getByLabel('用户名').fill(ADMIN.username);
  await page.getByLabel('姓名').fill(ADMIN.displayName);
  await page.getByLabel('密码', { exact: true }).fill(ADMIN.password);
  await page.getByLabel('确认密码').fill(ADMIN.password);
  await page.getByRole('button', { name: '完成设置' }).click();
  await confirmRecoveryKey(page);
  await page.getByRole('menuitem', { name: '评查活动' }).waitFor();

  // An office's cases, exported and imported; a round with one 评查员, its sample drawn.
  const site = await office({ number: '01', name: '黎托街道司法所', cases: 40, seed: 3 });
  try {
    // As in real life: the office enters the bureau's key, the bureau registers the office by its own.
    const bureauKey = await county.stored.call('exchange.keys', {});
    await site.api.call('exchange.setBureauKey', { publicKey: bureauKey.publicKey! });
    const keys = await site.api.call('exchange.keys', {});
    await county.stored.call('bureau.registerOffice', {
      code: '43011101',
      name: '黎托街道司法所',
      publicKey: keys.publicKey!,
      fingerprint: keys.fingerprint!,
    });
    const { file } = await site.api.call('exchange.export', { period: null, folder: tempDir() });
    expect((await county.stored.call('bureau.importFiles', { files: [file] }))[0]!.status).toBe('imported');
  } finally {
    await site.close();
  }
  const evaluator = await county.stored.call('users.create', {
    username: 'pingcha',
    displayName: '评查员甲',
    role: 'evaluator',
    password: 'Initial123',
  });
  const round = await county.stored.call('evaluation.createRound', { round: mediationRound([evaluator.id], 1) });
  const { samples } = await county.stored.call('evaluation.draw', { roundId: round.id, seed: 'e2e' });
  expect(samples).toHaveLength(1);

  // The administrator signs out; the 评查员 signs in and sets their own password.
  await page.getByTestId('current-user').click();
  await page.getByRole('menuitem', { name: '退出登录' }).click();
  await page.getByRole('heading', { name: '登录' }).waitFor();
  await page.getByLabel('用户名').fill('pingcha');
  await page.getByLabel('密码', { exact: true }).fill('Initial123');
  await page.getByLabel('密码', { exact: true }).press('Enter');
  await page.getByRole('heading', { name: '修改初始密码' }).waitFor();
  await page.getByLabel('当前密码').fill('Initial123');
  await page.getByLabel('新密码', { exact: true }).fill('Pingcha2026');
  await page.getByLabel('确认新密码').fill('Pingcha2026');
  await page.getByRole('button', { name: '修改密码' }).click();
  await page.getByTestId('current-user').filter({ hasText: '评查员甲' }).waitFor();
  // Scoring and reading only: the evaluation pages are all the navigation offers.
  const nav = page.getByRole('navigation', { name: '主导航' });
  expect(await nav.getByText('案件列表').count()).toBe(0);

  await nav.getByText('评查活动').click();
  await page.getByText('2026年度人民调解卷宗评查').click();
  await page.getByRole('button', { name: '评分', exact: true }).click();
  await page.getByTestId('evaluation-dossier').filter({ hasText: '纸质卷宗评查' }).waitFor();
  for (const item of DEFAULT_SHEETS.mediation.items)
    await page.getByLabel(`${item.label}得分`).fill(String(item.key === 'followUp' ? item.max - 5 : item.max));
  await page.getByText('「回访与履行」扣分须写明扣分理由').waitFor();
  await page.getByLabel('回访与履行点评').fill('回访记录不完整');
  await page.getByTestId('score-summary').filter({ hasText: '总分 95 分' }).filter({ hasText: '优秀' }).waitFor();
  await county.screenshot('evaluation-01-scoring');
  await page.getByRole('button', { name: '提交评分' }).click();
  await page.getByText('已提交', { exact: true }).waitFor();

  const stored = await county.stored.call('evaluation.round', { roundId: round.id });
  // Another's points stay hidden until the round closes; the case's result (one score required) shows them.
  expect(stored.samples[0]!.scores).toMatchObject([{ evaluatorName: '评查员甲', status: 'submitted' }]);
  expect(stored.samples[0]!.result).toEqual({ score: 95, grade: '优秀' });
  expect(problems).toEqual([]);
});
