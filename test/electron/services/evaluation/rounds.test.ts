// A round at the county bureau from start to end: offices' packages imported, a round planned with evaluators
// (评查员 accounts), its sample drawn with a recorded seed (the same seed draws the same sample), scored by two
// evaluators (drafts, submit once), closed only when complete and then locked, a director's reopening with a
// written reason; every refusal names its field in Chinese and changes nothing.
import { ApiError, createApi, type Api } from '../../../../shared/client';
import type { ChannelInput } from '../../../../shared/contract';
import { DEFAULT_SHEETS } from '../../../../shared/evaluation/sheets';
import type { ItemScore } from '../../../../shared/evaluation/scoring';
import { fileState } from '../../../support/fixtures';
import type { Site } from '../exchange/fixtures';
import { bureauWithTwoOffices } from './fixtures';

jest.setTimeout(120_000);

let county: Site;
let director: Api;
const evaluators: { id: number; api: Api }[] = [];

async function account(
  role: 'evaluator' | 'director',
  username: string,
  name: string,
): Promise<{ id: number; api: Api }> {
  const made = await county.api.call('users.create', { username, displayName: name, role, password: 'Initial123' });
  const api = createApi((channel, input) => county.dispatch(channel, input, username));
  await api.call('auth.signIn', { username, password: 'Initial123' });
  await api.call('auth.changePassword', { currentPassword: 'Initial123', newPassword: 'Changed2026' });
  return { id: made.id, api };
}

async function refusal(p: Promise<unknown>) {
  try {
    await p;
  } catch (error) {
    if (error instanceof ApiError)
      return { code: error.data.code, field: error.data.field, message: error.data.message };
    throw error;
  }
  throw new Error('not refused');
}

const round = (over: Partial<ChannelInput<'evaluation.createRound'>['round']> = {}) => ({
  name: '2026年度人民调解卷宗评查',
  year: 2026,
  theme: '年度评查',
  sheetKinds: ['mediation' as const],
  closedFrom: '2017-01-01',
  closedTo: '2026-12-31',
  officeCodes: [],
  method: 'perOffice' as const,
  perOffice: 3,
  percent: null,
  scoresPerCase: 2,
  evaluatorIds: evaluators.map((e) => e.id),
  ...over,
});

const fullMarks = (): ItemScore[] =>
  DEFAULT_SHEETS.mediation.items.map((i) => ({ key: i.key, points: i.max, remark: '' }));

beforeAll(async () => {
  // Two offices with cases of every kind taken along their lifecycles by the channels, exported and imported.
  county = await bureauWithTwoOffices();
  evaluators.push(
    await account('evaluator', 'pingcha1', '评查员甲'),
    await account('evaluator', 'pingcha2', '评查员乙'),
  );
  director = (await account('director', 'juzhang', '局长')).api;
});
afterAll(() => county.close());

describe('an evaluation round', () => {
  it('draws a sample stratified by office from the imported closed cases, the same again from the same seed', async () => {
    const made = await county.api.call('evaluation.createRound', { round: round() });
    expect(made).toMatchObject({
      status: 'planned',
      sampled: 0,
      evaluators: [{ name: '评查员甲' }, { name: '评查员乙' }],
    });
    const drawn = await county.api.call('evaluation.draw', { roundId: made.id, seed: 'seed-2026' });
    expect(drawn).toMatchObject({ status: 'scoring', seed: 'seed-2026', sampled: 6 });
    expect(drawn.candidates).toBeGreaterThan(6);
    expect(drawn.samples.filter((s) => s.officeCode === '43011101')).toHaveLength(3);
    expect(drawn.samples.every((s) => s.sheetKind === 'mediation' && s.closedOn <= '2026-12-31')).toBe(true);
    expect(drawn.samples.filter((s) => s.officeCode === '43011102')).toHaveLength(3);

    const again = await county.api.call('evaluation.createRound', { round: round({ name: '复核' }) });
    const redrawn = await county.api.call('evaluation.draw', { roundId: again.id, seed: 'seed-2026' });
    expect(redrawn.samples.map((s) => s.caseNumber)).toEqual(drawn.samples.map((s) => s.caseNumber));
    // A blank seed is made up and recorded.
    const third = await county.api.call('evaluation.createRound', { round: round({ name: '第三次' }) });
    expect((await county.api.call('evaluation.draw', { roundId: third.id, seed: '' })).seed).toMatch(/^[0-9a-f]{8}$/);
  });

  it('refuses a bad round with the field named, and changes nothing', async () => {
    const before = fileState(county.dataFile);
    expect(
      await refusal(county.api.call('evaluation.createRound', { round: round({ method: 'percent', percent: null }) })),
    ).toEqual({
      code: 'VALIDATION',
      field: 'round.percent',
      message: '抽查比例（%）：按比例抽查时须填写',
    });
    expect(
      await refusal(county.api.call('evaluation.createRound', { round: round({ scoresPerCase: 3 }) })),
    ).toMatchObject({
      field: 'round.scoresPerCase',
      message: '每案评分人数：不能多于评查员人数',
    });
    expect(
      await refusal(county.api.call('evaluation.createRound', { round: round({ officeCodes: ['43011199'] }) })),
    ).toMatchObject({
      field: 'round.officeCodes.0',
      message: '司法所：43011199未登记',
    });
    expect(
      await refusal(
        county.api.call('evaluation.createRound', {
          round: round({ evaluatorIds: [999, evaluators[0]!.id], scoresPerCase: 1 }),
        }),
      ),
    ).toMatchObject({
      field: 'round.evaluatorIds.0',
      message: '评查员：用户不存在或已停用',
    });
    expect(fileState(county.dataFile)).toBe(before);
  });

  it('is scored by each evaluator once, closes only when complete, and is then locked', async () => {
    const made = await county.api.call('evaluation.createRound', { round: round({ name: '评分', perOffice: 1 }) });
    const { samples } = await county.api.call('evaluation.draw', { roundId: made.id, seed: 'x' });
    expect(samples).toHaveLength(2);
    const [a, b] = evaluators;
    const before = fileState(county.dataFile);

    // Points lost without a remark, above the maximum: refused, nothing saved.
    const lost = fullMarks();
    lost[2] = { key: 'mediation', points: 15, remark: '' };
    expect(
      await refusal(a!.api.call('evaluation.saveScore', { sampleId: samples[0]!.id, items: lost, submit: false })),
    ).toEqual({
      code: 'VALIDATION',
      field: 'items.2.remark',
      message: '点评：「调解过程」扣分须写明扣分理由',
    });
    const over = fullMarks();
    over[0] = { key: 'registration', points: 11, remark: '' };
    expect(
      await refusal(a!.api.call('evaluation.saveScore', { sampleId: samples[0]!.id, items: over, submit: true })),
    ).toMatchObject({
      field: 'items.0.points',
      message: '得分：「受理登记」应在0至10分之间',
    });
    // A case outside the sample; someone not an evaluator of the round (the director).
    expect(
      await refusal(a!.api.call('evaluation.saveScore', { sampleId: 9999, items: fullMarks(), submit: true })),
    ).toMatchObject({
      code: 'NOT_FOUND',
      field: 'sampleId',
    });
    expect(
      await refusal(
        director.call('evaluation.saveScore', { sampleId: samples[0]!.id, items: fullMarks(), submit: true }),
      ),
    ).toMatchObject({
      code: 'FORBIDDEN',
      message: '您不是本次评查活动的评查员，不能评分',
    });
    expect(fileState(county.dataFile)).toBe(before);

    // A draft, then submitted; a second submission by the same evaluator is refused.
    lost[2] = { key: 'mediation', points: 15, remark: '调解笔录不完整' };
    const draft = await a!.api.call('evaluation.saveScore', {
      sampleId: samples[0]!.id,
      items: lost.map((i, n) => (n === 6 ? { ...i, points: null } : i)),
      submit: false,
    });
    expect(draft).toMatchObject({ status: 'draft', total: 85, grade: null, sheetVersion: 1 });
    expect(
      await a!.api.call('evaluation.saveScore', { sampleId: samples[0]!.id, items: lost, submit: true }),
    ).toMatchObject({
      status: 'submitted',
      total: 95,
      grade: '优秀',
    });
    expect(
      await refusal(
        a!.api.call('evaluation.saveScore', { sampleId: samples[0]!.id, items: fullMarks(), submit: true }),
      ),
    ).toMatchObject({
      code: 'CONFLICT',
      field: 'sampleId',
      message: '您已提交过该案件的评分：一名评查员对一件案件只评一次',
    });

    // Not complete: the round does not close.
    expect(await refusal(county.api.call('evaluation.close', { roundId: made.id }))).toMatchObject({
      code: 'CONFLICT',
      field: 'roundId',
      message: expect.stringContaining('尚有2件案件未完成评分'),
    });
    const low = fullMarks();
    low[3] = { key: 'agreement', points: 0, remark: '无调解协议' };
    low[4] = { key: 'followUp', points: 0, remark: '未回访' };
    await b!.api.call('evaluation.saveScore', { sampleId: samples[0]!.id, items: low, submit: true });
    for (const e of [a!, b!])
      await e.api.call('evaluation.saveScore', { sampleId: samples[1]!.id, items: fullMarks(), submit: true });
    const closed = await county.api.call('evaluation.close', { roundId: made.id });
    // (95 + 65) / 2 = 80: 良好 by the mean of the two.
    expect(closed.samples.map((s) => s.result)).toEqual([
      { score: 80, grade: '良好' },
      { score: 100, grade: '优秀' },
    ]);
    expect(closed).toMatchObject({ status: 'closed', scored: 2, closedBy: expect.any(String) });

    // Locked: no score, no edit.
    const locked = fileState(county.dataFile);
    expect(
      await refusal(county.api.call('evaluation.updateRound', { roundId: made.id, round: round() })),
    ).toMatchObject({
      code: 'CONFLICT',
      field: 'roundId',
      message: '评查活动已结束并锁定，不能修改',
    });
    expect(
      await refusal(
        b!.api.call('evaluation.saveScore', { sampleId: samples[1]!.id, items: fullMarks(), submit: false }),
      ),
    ).toMatchObject({
      code: 'CONFLICT',
      field: 'sampleId',
    });
    expect(fileState(county.dataFile)).toBe(locked);

    // A director reopens one score with a written reason; the evaluator scores it again; the round closes again.
    const scoreId = closed.samples[0]!.scores.find((s) => s.evaluatorName === '评查员乙')!.id;
    expect(await refusal(director.call('evaluation.reopenScore', { scoreId, reason: '  ' }))).toMatchObject({
      field: 'reason',
      message: '重新打开的理由：不能为空',
    });
    expect(await refusal(county.api.call('evaluation.reopenScore', { scoreId, reason: '漏看协议' }))).toMatchObject({
      code: 'FORBIDDEN',
    });
    const reopened = await director.call('evaluation.reopenScore', { scoreId, reason: '评查员漏看了补充协议' });
    expect(reopened.status).toBe('scoring');
    expect(reopened.samples[0]!.scores.find((s) => s.id === scoreId)).toMatchObject({
      status: 'draft',
      reopened: { reason: '评查员漏看了补充协议', by: '局长' },
    });
    low[3] = { key: 'agreement', points: 18, remark: '补充协议在卷，签名不全' };
    await b!.api.call('evaluation.saveScore', { sampleId: samples[0]!.id, items: low, submit: true });
    const again = await county.api.call('evaluation.close', { roundId: made.id });
    expect(again.samples[0]!.result).toEqual({ score: 89, grade: '良好' });
    // Audited: the reopening's change to the score is in the audit log under its channel, with the reason.
    const entries = county.store.sqlite
      .prepare(
        `SELECT after FROM audit_log WHERE channel = 'evaluation.reopenScore' AND table_name = 'evaluation_scores'`,
      )
      .all() as { after: string }[];
    expect(entries.map((e) => JSON.parse(e.after).reopened_reason)).toEqual(['评查员漏看了补充协议']);

    const results = await county.api.call('evaluation.results', { roundId: made.id });
    expect(results.total).toMatchObject({ evaluated: 2, goodRate: 100, passRate: 100, meanScore: 94.5 });
    expect(results.byOffice.map((o) => o.group)).toEqual(['黎托街道司法所', '同升街道司法所']);
    // Per handler (承办人): each sampled case's 调解员 from the office's rows, counted within their office.
    expect(samples.every((s) => s.handler !== '')).toBe(true);
    expect(results.byHandler.map((h) => [h.office, h.group, h.figures.evaluated, h.figures.meanScore])).toEqual([
      [samples[0]!.officeName, samples[0]!.handler, 1, 89],
      [samples[1]!.officeName, samples[1]!.handler, 1, 100],
    ]);
  });

  it('keeps every score on the sheet version it was given on when the bureau saves a new version', async () => {
    const sheet = { ...DEFAULT_SHEETS.mediation, grades: { excellent: 95, good: 85, pass: 70 } };
    const saved = await county.api.call('evaluation.saveSheet', { sheet });
    expect(saved).toMatchObject({ version: 2, isDefault: false });
    expect((await county.api.call('evaluation.sheets', {})).current.mediation.version).toBe(2);
    const made = await county.api.call('evaluation.createRound', {
      round: round({ name: '新版', perOffice: 1, scoresPerCase: 1 }),
    });
    const { samples } = await county.api.call('evaluation.draw', { roundId: made.id, seed: 'v2' });
    const given = await evaluators[0]!.api.call('evaluation.saveScore', {
      sampleId: samples[0]!.id,
      items: fullMarks().map((i, n) => (n === 0 ? { ...i, points: 1, remark: '登记不全' } : i)),
      submit: true,
    });
    // 91 is 良好 on version 2 (优秀 from 95).
    expect(given).toMatchObject({ sheetVersion: 2, total: 91, grade: '良好' });
    expect(
      await refusal(county.api.call('evaluation.saveSheet', { sheet: { ...sheet, items: sheet.items.slice(1) } })),
    ).toMatchObject({
      field: 'sheet.items',
      message: '评查项目：各项分值之和应为100分（百分制）',
    });
  });
});
