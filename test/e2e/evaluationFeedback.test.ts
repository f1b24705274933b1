// 整改 at an office, in Debian Chromium against the preview (issue 16 item 5): prepared through the services — an
// office's closed cases exported to the county bureau, a round drawn, scored with points lost and a remark, closed,
// a 整改要求 set, and the bureau's configuration package for that office installed — the office's 办事员 signs in,
// opens 案卷评查, sees the 整改要求 with its due date and records the correction; the office's file holds the reply,
// and its next data package, imported at the bureau, shows the case 已整改.
import { startApp, type RunningApp } from './harness';
import { clerk, introduce, office, bureau, type Site } from '../electron/services/exchange/fixtures';
import { DEFAULT_SHEETS } from '../../shared/evaluation/sheets';
import { mediationRound, signedInEvaluator } from '../electron/services/evaluation/fixtures';

jest.setTimeout(240_000);

let app: RunningApp | undefined;
let county: Site | undefined;
let site: Site | undefined;
afterEach(async () => {
  await app?.close();
  await county?.close();
  await site?.close();
});

it('shows the office its 整改要求 and records the correction, which reaches the bureau as 已整改', async () => {
  county = await bureau();
  site = await office({ number: '01', name: '黎托街道司法所', cases: 30, seed: 3 });
  await introduce(site, county);
  const first = await site.api.call('exchange.export', { period: null, folder: site.folder });
  expect((await county.api.call('bureau.importFiles', { files: [first.file] }))[0]!.status).toBe('imported');

  // The bureau: a round of one mediation dossier, scored by its 评查员 with points lost, closed, 整改 required.
  const { id: evaluatorId, api: evaluator } = await signedInEvaluator(county, 'pingcha');
  const round = await county.api.call('evaluation.createRound', { round: mediationRound([evaluatorId], 1) });
  const [sample] = (await county.api.call('evaluation.draw', { roundId: round.id, seed: 'e2e-feedback' })).samples;
  await evaluator.call('evaluation.saveScore', {
    sampleId: sample!.id,
    submit: true,
    items: DEFAULT_SHEETS.mediation.items.map((item) =>
      item.key === 'agreement'
        ? { key: item.key, points: item.max - 10, remark: '调解协议缺少调解员签名' }
        : { key: item.key, points: item.max, remark: '' },
    ),
  });
  await county.api.call('evaluation.close', { roundId: round.id });
  await county.api.call('evaluation.setCorrection', { sampleId: sample!.id, requirement: '', dueOn: '2027-01-31' });
  const config = await county.api.call('bureau.exportConfig', { folder: county.folder, office: '43011101' });
  const installed = await site.api.call('exchange.importConfig', { fileName: config.fileName, base64: config.base64 });
  expect(installed.evaluation).toEqual({ requested: 0, feedback: 1 });

  // The office's file goes to the preview; its 办事员 signs in there.
  await clerk(site);
  const dataFile = site.dataFile;
  await site.close();
  site = undefined;
  app = await startApp({ dataFile });
  const problems: string[] = [];
  app.page.on('pageerror', (error) => problems.push(error.message));
  const page = app.page;
  await page.getByRole('heading', { name: '登录' }).waitFor();
  await page.getByLabel('用户名').fill('lijuan');
  await page.getByLabel('密码', { exact: true }).fill('Changed2026');
  await page.getByLabel('密码', { exact: true }).press('Enter');
  await page.getByTestId('current-user').filter({ hasText: '李娟' }).waitFor();

  await page.getByRole('navigation', { name: '主导航' }).getByText('案卷评查').click();
  const list = page.getByRole('region', { name: '整改要求' });
  const row = list.getByRole('row').filter({ hasText: sample!.caseNumber });
  await row.filter({ hasText: '1. 调解协议：调解协议缺少调解员签名' }).waitFor();
  await row.filter({ hasText: '2027年1月31日' }).filter({ hasText: '整改中' }).waitFor();
  await app.screenshot('evaluation-02-office-feedback');
  await row.getByRole('button', { name: '登记整改' }).click();
  await page.getByLabel('整改情况').fill('已补调解员签名，重新归档');
  await page.getByRole('button', { name: '登记整改完成' }).click();
  await row.getByText(/^已整改/).waitFor();
  expect(await page.getByLabel('整改情况').count()).toBe(0);

  const [reply] = await app.stored.call('evaluation.feedback', { caseId: null });
  expect(reply!.reply).toMatchObject({ note: '已补调解员签名，重新归档', recordedBy: '李娟' });

  // The office's next data package brings the reply to the bureau.
  const next = await app.stored.call('exchange.export', { period: null, folder: county.folder });
  expect((await county.api.call('bureau.importFiles', { files: [next.file] }))[0]!.status).toBe('imported');
  const [correction] = await county.api.call('evaluation.corrections', { roundId: round.id });
  expect(correction).toMatchObject({
    caseNumber: sample!.caseNumber,
    state: 'done',
    reply: { note: '已补调解员签名，重新归档', recordedBy: '李娟' },
  });
  expect(problems).toEqual([]);
});
