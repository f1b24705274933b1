// Evaluation rounds (评查活动) at the county bureau: planned with a scope (kinds of dossier, closing dates, offices),
// a method (普查, N per office, a percentage) and evaluators; the sample drawn from the closed cases the offices
// exported, by the seeded stratified draw of shared/evaluation/sample.ts (the seed is recorded: drawing again with
// it gives the same sample); closed and locked once every sampled case has its required scores.
import crypto from 'node:crypto';
import type { Kysely, Selectable } from 'kysely';
import type { Database } from '../../../db/schema';
import type { SessionUser } from '../../../shared/accounts';
import type { RoundDetail, RoundInput, RoundSummary, SampleView, ScoreView } from '../../../shared/channels/evaluation';
import { AppError } from '../../../shared/errors';
import { drawSample, type SampleMethod } from '../../../shared/evaluation/sample';
import type { ItemScore } from '../../../shared/evaluation/scoring';
import { combineTotals, gradeOf, sheetKindOf, type Grade, type SheetKind } from '../../../shared/evaluation/sheets';
import { SCORERS } from '../../../shared/roles';
import { bureauOfficeInputs } from '../statistics/county';
import type { Clock } from '../system/clock';
import { requireBureau } from './bureauMode';
import { sheetAt } from './sheets';

type RoundRow = Selectable<Database['evaluation_rounds']>;
type ScoreRow = Selectable<Database['evaluation_scores']>;

interface Who {
  user: SessionUser;
  clock: Clock;
}

export async function requireRound(db: Kysely<Database>, id: number): Promise<RoundRow> {
  const row = await db.selectFrom('evaluation_rounds').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND', '评查活动不存在', 'roundId');
  return row;
}

/** The evaluators named exist, are active and may score; the offices named are registered. */
async function checkRound(db: Kysely<Database>, round: RoundInput): Promise<void> {
  const users = await db
    .selectFrom('users')
    .select(['id', 'display_name', 'role', 'active'])
    .where('id', 'in', round.evaluatorIds)
    .execute();
  for (const [at, id] of round.evaluatorIds.entries()) {
    const u = users.find((x) => x.id === id);
    if (!u || u.active !== 1)
      throw new AppError('VALIDATION', '评查员：用户不存在或已停用', `round.evaluatorIds.${at}`);
    if (!(SCORERS as readonly string[]).includes(u.role))
      throw new AppError('VALIDATION', `评查员：${u.display_name}不是评查员、所长或管理员`, `round.evaluatorIds.${at}`);
  }
  if (new Set(round.evaluatorIds).size !== round.evaluatorIds.length)
    throw new AppError('VALIDATION', '评查员：重复选择', 'round.evaluatorIds');
  if (round.evaluatorIds.length < round.scoresPerCase)
    throw new AppError('VALIDATION', '每案评分人数：不能多于评查员人数', 'round.scoresPerCase');
  const registered = new Set((await db.selectFrom('bureau_offices').select('code').execute()).map((o) => o.code));
  for (const [at, code] of round.officeCodes.entries())
    if (!registered.has(code)) throw new AppError('VALIDATION', `司法所：${code}未登记`, `round.officeCodes.${at}`);
}

function roundValues(round: RoundInput) {
  return {
    name: round.name,
    year: round.year,
    theme: round.theme,
    sheet_kinds: JSON.stringify(round.sheetKinds),
    closed_from: round.closedFrom,
    closed_to: round.closedTo,
    office_codes: JSON.stringify(round.officeCodes),
    method: round.method,
    per_office: round.method === 'perOffice' ? round.perOffice : null,
    percent: round.method === 'percent' ? round.percent : null,
    scores_per_case: round.scoresPerCase,
  };
}

async function setEvaluators(db: Kysely<Database>, roundId: number, ids: readonly number[]): Promise<void> {
  await db.deleteFrom('evaluation_evaluators').where('round_id', '=', roundId).execute();
  await db
    .insertInto('evaluation_evaluators')
    .values(ids.map((user_id) => ({ round_id: roundId, user_id })))
    .execute();
}

export async function createRound(db: Kysely<Database>, round: RoundInput, { user, clock }: Who): Promise<RoundDetail> {
  await requireBureau(db, '评查活动只能在县局模式的数据文件中建立', 'round');
  await checkRound(db, round);
  const { id } = await db
    .insertInto('evaluation_rounds')
    .values({
      ...roundValues(round),
      status: 'planned',
      created_by: user.displayName,
      created_at: clock.now().toISOString(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await setEvaluators(db, id, round.evaluatorIds);
  return roundDetail(db, id, user);
}

const LOCKED_MESSAGE: Record<'scoring' | 'closed', string> = {
  scoring: '评查活动已抽样，不能再修改范围、方式或评查员',
  closed: '评查活动已结束并锁定，不能修改',
};

export async function updateRound(
  db: Kysely<Database>,
  roundId: number,
  round: RoundInput,
  { user }: Who,
): Promise<RoundDetail> {
  const row = await requireRound(db, roundId);
  if (row.status !== 'planned') throw new AppError('CONFLICT', LOCKED_MESSAGE[row.status], 'roundId');
  await checkRound(db, round);
  await db.updateTable('evaluation_rounds').set(roundValues(round)).where('id', '=', roundId).execute();
  await setEvaluators(db, roundId, round.evaluatorIds);
  return roundDetail(db, roundId, user);
}

function methodOf(row: RoundRow): SampleMethod {
  if (row.method === 'perOffice') return { method: 'perOffice', perOffice: row.per_office! };
  if (row.method === 'percent') return { method: 'percent', percent: row.percent! };
  return { method: 'census' };
}

/** The closed cases of the round's scope, from the rows the offices exported. */
async function candidatesOf(db: Kysely<Database>, row: RoundRow, clock: Clock) {
  const kinds = new Set(JSON.parse(row.sheet_kinds) as SheetKind[]);
  const codes = JSON.parse(row.office_codes) as string[];
  const offices = await bureauOfficeInputs(db, { now: clock.now(), today: clock.today() });
  const out = [];
  for (const office of offices) {
    if (codes.length > 0 && !codes.includes(office.code)) continue;
    for (const f of office.facts) {
      if (f.closedOn === null || f.closedOn < row.closed_from || f.closedOn > row.closed_to) continue;
      const sheetKind = sheetKindOf(f.kind, 'category' in f ? f.category : null);
      if (!kinds.has(sheetKind)) continue;
      out.push({
        officeCode: office.code,
        officeName: office.name,
        caseNumber: f.caseNumber,
        caseKind: f.kind,
        sheetKind,
        receivedOn: f.receivedOn,
        closedOn: f.closedOn,
        handler: f.handler,
      });
    }
  }
  return out;
}

/** Draws the round's sample with `seed` (a new random one when blank) and records both. */
export async function drawRound(
  db: Kysely<Database>,
  roundId: number,
  seed: string,
  { user, clock }: Who,
): Promise<RoundDetail> {
  await requireBureau(db, '评查活动只能在县局模式的数据文件中抽样', 'roundId');
  const row = await requireRound(db, roundId);
  if (row.status !== 'planned') throw new AppError('CONFLICT', LOCKED_MESSAGE[row.status], 'roundId');
  const used = seed || crypto.randomBytes(4).toString('hex');
  const candidates = await candidatesOf(db, row, clock);
  const sample = drawSample(candidates, methodOf(row), used);
  if (sample.length === 0)
    throw new AppError(
      'CONFLICT',
      '抽查范围内没有已导入的已办结案件，未抽样（请检查案卷类别、结案日期与司法所）',
      'roundId',
    );
  await db
    .insertInto('evaluation_samples')
    .values(
      sample.map((c, i) => ({
        round_id: roundId,
        position: i + 1,
        office_code: c.officeCode,
        office_name: c.officeName,
        case_number: c.caseNumber,
        case_kind: c.caseKind,
        sheet_kind: c.sheetKind,
        received_on: c.receivedOn,
        closed_on: c.closedOn,
        handler: c.handler,
      })),
    )
    .execute();
  await db
    .updateTable('evaluation_rounds')
    .set({ status: 'scoring', seed: used, candidates: candidates.length, sampled_at: clock.now().toISOString() })
    .where('id', '=', roundId)
    .execute();
  return roundDetail(db, roundId, user);
}

export function scoreView(row: ScoreRow): ScoreView {
  return {
    id: row.id,
    evaluatorId: row.evaluator_id,
    evaluatorName: row.evaluator_name,
    sheetVersion: row.sheet_version,
    items: JSON.parse(row.items) as ItemScore[],
    total: row.total,
    grade: row.grade as Grade | null,
    status: row.status,
    submittedAt: row.submitted_at,
    reopened: row.reopened_reason
      ? { reason: row.reopened_reason, by: row.reopened_by ?? '', at: row.reopened_at ?? '' }
      : null,
  };
}

/** A case's score once it has `required` submitted scores, combined as the sheet they were given on says. */
export async function sampleResult(
  db: Kysely<Database>,
  sheetKind: SheetKind,
  scores: readonly ScoreRow[],
  required: number,
): Promise<{ score: number; grade: Grade } | null> {
  const submitted = scores.filter((s) => s.status === 'submitted');
  if (submitted.length < required) return null;
  const sheet = await sheetAt(db, sheetKind, submitted[0]!.sheet_version);
  const score = combineTotals(
    submitted.map((s) => s.total),
    sheet.combine,
  )!;
  return { score, grade: gradeOf(score, sheet.grades) };
}

/** A round's sampled cases in the sample's order, and every score given to them in the order given. */
export async function samplesAndScores(db: Kysely<Database>, roundId: number) {
  const samples = await db
    .selectFrom('evaluation_samples')
    .selectAll()
    .where('round_id', '=', roundId)
    .orderBy('position')
    .execute();
  const scores = await db
    .selectFrom('evaluation_scores')
    .selectAll()
    .where('sample_id', 'in', db.selectFrom('evaluation_samples').select('id').where('round_id', '=', roundId))
    .orderBy('id')
    .execute();
  return { samples, scores };
}

export async function roundDetail(db: Kysely<Database>, roundId: number, user: SessionUser): Promise<RoundDetail> {
  const row = await requireRound(db, roundId);
  const evaluators = await db
    .selectFrom('evaluation_evaluators')
    .innerJoin('users', 'users.id', 'evaluation_evaluators.user_id')
    .select(['users.id', 'users.display_name'])
    .where('evaluation_evaluators.round_id', '=', roundId)
    .orderBy('users.id')
    .execute();
  const { samples, scores } = await samplesAndScores(db, roundId);
  const views: SampleView[] = [];
  for (const s of samples) {
    const mine = scores.filter((x) => x.sample_id === s.id);
    views.push({
      id: s.id,
      position: s.position,
      officeCode: s.office_code,
      officeName: s.office_name,
      caseNumber: s.case_number,
      caseKind: s.case_kind,
      sheetKind: s.sheet_kind as SheetKind,
      receivedOn: s.received_on,
      closedOn: s.closed_on,
      handler: s.handler,
      // Each evaluator scores independently (一案一评): another's points show once the round is closed.
      scores: mine.map((x) =>
        row.status === 'closed' || x.evaluator_id === user.id
          ? scoreView(x)
          : { ...scoreView(x), items: [], total: 0, grade: null },
      ),
      result: await sampleResult(db, s.sheet_kind as SheetKind, mine, row.scores_per_case),
    });
  }
  return {
    ...summaryOf(row, views),
    sheetKinds: JSON.parse(row.sheet_kinds) as SheetKind[],
    closedFrom: row.closed_from,
    closedTo: row.closed_to,
    officeCodes: JSON.parse(row.office_codes) as string[],
    perOffice: row.per_office,
    percent: row.percent,
    scoresPerCase: row.scores_per_case,
    seed: row.seed,
    candidates: row.candidates,
    sampledAt: row.sampled_at,
    closedAt: row.closed_at,
    closedBy: row.closed_by,
    evaluators: evaluators.map((e) => ({ id: e.id, name: e.display_name })),
    samples: views,
    iEvaluate: evaluators.some((e) => e.id === user.id),
  };
}

function summaryOf(row: RoundRow, samples: readonly SampleView[]): RoundSummary {
  return {
    id: row.id,
    name: row.name,
    year: row.year,
    theme: row.theme,
    status: row.status,
    method: row.method,
    sampled: samples.length,
    scored: samples.filter((s) => s.result !== null).length,
    createdAt: row.created_at,
  };
}

export async function listRounds(db: Kysely<Database>, user: SessionUser): Promise<RoundSummary[]> {
  const rows = await db.selectFrom('evaluation_rounds').select('id').orderBy('id', 'desc').execute();
  const out: RoundSummary[] = [];
  for (const { id } of rows) {
    const d = await roundDetail(db, id, user);
    out.push({
      id: d.id,
      name: d.name,
      year: d.year,
      theme: d.theme,
      status: d.status,
      method: d.method,
      sampled: d.sampled,
      scored: d.scored,
      createdAt: d.createdAt,
    });
  }
  return out;
}

/** Closes and locks the round: refused while a sampled case lacks its required scores. */
export async function closeRound(db: Kysely<Database>, roundId: number, { user, clock }: Who): Promise<RoundDetail> {
  const row = await requireRound(db, roundId);
  if (row.status === 'closed') throw new AppError('CONFLICT', LOCKED_MESSAGE.closed, 'roundId');
  if (row.status === 'planned') throw new AppError('CONFLICT', '评查活动尚未抽样，不能结束', 'roundId');
  const detail = await roundDetail(db, roundId, user);
  const open = detail.samples.filter((s) => s.result === null);
  if (open.length > 0)
    throw new AppError(
      'CONFLICT',
      `尚有${open.length}件案件未完成评分（每案须${row.scores_per_case}名评查员提交）：${open
        .slice(0, 5)
        .map((s) => s.caseNumber)
        .join('、')}${open.length > 5 ? '等' : ''}`,
      'roundId',
    );
  await db
    .updateTable('evaluation_rounds')
    .set({ status: 'closed', closed_by: user.displayName, closed_at: clock.now().toISOString() })
    .where('id', '=', roundId)
    .execute();
  return roundDetail(db, roundId, user);
}
