// A 人民调解 case through its whole life, as a clerk carries it in Debian Chromium against the real preview server
// and a fresh data file: register a neighbours' dispute between two villagers, investigate, record the mediation,
// conclude it with a written agreement (after an oral one without its content is refused on screen), record the
// performance and a follow-up visit (不满意 without remarks refused on screen first), apply for judicial confirmation and record the ruling, archive; the timeline
// shows every step, and the page printed keeps every step (those off screen are drawn only when scrolled to).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { formatChineseDate, localDate } from '../../shared/dates';
import { LI_ID, WANG_ID } from '../shared/kinds/mediation/fixtures';
import { act, caseStatus as status, choose, openAction, receiveMissingMaterials, save } from './caseSteps';
import { setUpFirstRun, startApp, type RunningApp } from './harness';

jest.setTimeout(180_000);

let app: RunningApp;
beforeEach(async () => {
  app = await startApp();
});
afterEach(async () => {
  await app?.close();
});

it("carries a neighbours' dispute from registration to the archive", async () => {
  const { page } = app;
  await setUpFirstRun(app);
  await page.getByRole('navigation', { name: '主导航' }).getByText('登记调解').click();
  await page.getByRole('heading', { name: '人民调解受理登记表' }).waitFor();

  await choose(page, '纠纷来源', '当事人', '当事人申请');
  await page.getByLabel('调解组织').fill('花侯村人民调解委员会');
  const nth = (label: string, i: number) => page.getByLabel(label, { exact: true }).nth(i);
  await nth('当事人姓名（名称）', 0).fill('王建国');
  await nth('公民身份号码', 0).fill(WANG_ID);
  await nth('联系电话', 0).fill('13800138000');
  await nth('住址（住所）', 0).fill('雨花区黎托街道花侯村3组12号');
  await nth('当事人姓名（名称）', 1).fill('李秀梅');
  await nth('公民身份号码', 1).fill(LI_ID);
  await nth('联系电话', 1).fill('0731-85123456');
  await nth('住址（住所）', 1).fill('雨花区黎托街道花侯村3组14号');
  // The ID numbers carry the birth dates.
  await expect(nth('出生日期', 1).inputValue()).resolves.toBe('1972-09-03');
  await choose(page, '纠纷类型', '邻里', '邻里纠纷');
  await page.getByLabel('涉及金额').fill('3000');
  await page.getByLabel('纠纷简要情况').fill('双方房屋相邻，李秀梅家新修排水沟将雨水排向王建国家院墙，致墙基受损。');
  await page.getByLabel('当事人申请事项').fill('请求调解排水沟改道并赔偿墙基修复费用');
  await page.getByLabel('调解员', { exact: true }).fill('赵德明、周小兰');
  await page.getByLabel('登记人').fill('李娟');
  await app.screenshot('mediation-01-registration');
  await page.getByRole('button', { name: '保存', exact: true }).click();

  const heading = page.getByRole('heading', { name: /^〔\d{4}〕黎托调字第0001号$/ });
  await heading.waitFor();
  const caseNumber = (await heading.textContent()) ?? '';
  await page.getByText(`纠纷已登记，案号 ${caseNumber}`).waitFor();
  await expect(status(page).textContent()).resolves.toBe('已受理');
  const id = Number(/#\/cases\/(\d+)/.exec(page.url())?.[1]);

  await act(page, '调查记录', async (d) => {
    await d.getByLabel('调查人', { exact: true }).fill('赵德明');
    await d.getByLabel('被调查人', { exact: true }).fill('王建国');
    await d.getByLabel('调查情况', { exact: true }).fill('查看院墙，墙基有明显水渍和裂缝。');
  });
  await status(page).filter({ hasText: '调解中' }).waitFor();
  await act(page, '调解记录', async (d) => {
    await d.getByLabel('调解地点', { exact: true }).fill('花侯村村委会');
    await d.getByLabel('调解情况', { exact: true }).fill('双方陈述意见，同意排水沟改道。');
  });

  // An oral agreement must have its content recorded: refused on screen, nothing stored.
  const dialog = await openAction(page, '调解成功');
  await dialog.getByRole('radio', { name: '口头' }).check();
  await choose(page, '履行方式', '即时', '即时履行', dialog);
  await dialog.getByRole('button', { name: '保存', exact: true }).click();
  await dialog.getByText('协议内容：口头协议须由调解员记录协议内容（人民调解法第28条）').waitFor();
  await app.screenshot('mediation-02-oral-without-content');
  await expect(app.stored.call('mediation.get', { id })).resolves.toMatchObject({
    status: 'mediating',
    facts: { agreement: null },
  });

  await dialog.getByRole('radio', { name: '书面' }).check();
  await dialog.getByLabel('调解协议书编号', { exact: true }).fill('花调〔2026〕12号');
  await dialog
    .getByLabel('协议内容', { exact: true })
    .fill('李秀梅于十日内将排水沟改道，并赔偿王建国墙基修复费1500元。');
  await dialog.getByLabel('协议金额', { exact: true }).fill('1500');
  await dialog.getByRole('button', { name: '保存', exact: true }).click();
  await dialog.waitFor({ state: 'hidden' });
  await status(page).filter({ hasText: '调解成功' }).waitFor();

  await act(page, '履行情况', async (d) => {
    await d.getByRole('radio', { name: '已履行' }).check();
  });
  // 回访 on the shared form: 不满意 without remarks is refused on screen, naming the field; then recorded.
  const followUp = await openAction(page, '回访');
  await followUp.getByRole('radio', { name: '上门', exact: true }).check();
  await followUp.getByLabel('回访对象姓名', { exact: true }).fill('王建国');
  await followUp.getByRole('radio', { name: '已履行', exact: true }).check();
  await followUp.getByRole('radio', { name: '否', exact: true }).check();
  await followUp.getByRole('radio', { name: '不满意', exact: true }).check();
  await followUp.getByRole('button', { name: '保存', exact: true }).click();
  await followUp.getByText('须写明不满意的具体意见').first().waitFor();
  await followUp.getByRole('radio', { name: '基本满意', exact: true }).check();
  await followUp.getByLabel('回访意见及情况', { exact: true }).fill('排水沟已改道，赔偿款已付清，双方关系缓和。');
  await save(followUp);
  await page.getByText(/上门回访当事人（王建国）；满意度：基本满意/).waitFor();
  await act(page, '申请司法确认', async (d) => {
    await d.getByLabel('受理法院', { exact: true }).fill('长沙市雨花区人民法院');
  });
  await act(page, '司法确认结果', async (d) => {
    await d.getByRole('radio', { name: '确认调解协议有效' }).check();
    await d.getByLabel('裁定书编号', { exact: true }).fill('（2026）湘0111民特88号');
  });
  await receiveMissingMaterials(page);
  await act(page, '归档', async (d) => {
    await d.getByLabel('归档号', { exact: true }).fill('2026-调-012');
  });
  await status(page).filter({ hasText: '已归档' }).waitFor();
  await expect(page.getByRole('region', { name: '可进行的操作' }).textContent()).resolves.toContain(
    '本案当前没有可进行的操作',
  );

  // The timeline has every step, oldest first.
  const timeline = page.getByRole('region', { name: '办理过程' });
  await timeline.getByTestId('timeline-entry').nth(8).waitFor();
  // Each entry is headed by its date and what was done.
  const steps = (await timeline.getByTestId('timeline-entry').locator('strong').allTextContents()).map((t) =>
    t.replace(formatChineseDate(localDate()), '').trim(),
  );
  expect(steps).toEqual([
    '登记受理',
    '调查记录',
    '调解记录',
    '调解成功',
    '履行情况',
    '回访',
    '申请司法确认',
    '司法确认结果',
    '归档',
  ]);
  await app.screenshot('mediation-03-archived');

  // On screen Chromium skips the steps below the fold (content-visibility, renderer/styles.css); on paper every
  // step is there.
  await page.evaluate(() => window.scrollTo(0, 0));
  const last = await timeline.getByTestId('timeline-entry').last().elementHandle();
  await page.waitForFunction((e) => !e!.checkVisibility({ contentVisibilityAuto: true }), last, { timeout: 30_000 });
  await page.emulateMedia({ media: 'print' });
  const pdf = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'casedesk-e2e-case-print-')), 'case.pdf');
  fs.writeFileSync(pdf, await page.pdf({ format: 'A4' }));
  await page.emulateMedia({ media: 'screen' });
  const printed = execFileSync('pdftotext', ['-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
  expect(printed.match(/记录于/g)).toHaveLength(steps.length);
  for (const step of steps) expect(printed).toContain(step);
  expect(printed).toContain('确认调解协议有效');

  const stored = await app.stored.call('mediation.get', { id });
  expect(stored).toMatchObject({
    caseNumber,
    status: 'archived',
    facts: {
      agreement: { form: '书面', amountFen: 150_000, effectiveOn: localDate() },
      performance: { state: '已履行' },
      confirmation: { court: '长沙市雨花区人民法院', result: { result: '确认调解协议有效' } },
      archivedOn: localDate(),
    },
  });
  expect(stored.registration.parties.map((p) => p.name)).toEqual(['王建国', '李秀梅']);
});
