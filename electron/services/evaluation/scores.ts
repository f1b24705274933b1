// Scoring a sampled case (一案一评): the evaluator's points per item on the sheet's current version (a draft keeps
// the version it was started on), checked by shared/evaluation/scoring.ts; submitted once and final; and a
// director's reopening of one submitted score of a closed round, with the written reason kept on the score.
import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema';
import type { SessionUser } from '../../../shared/accounts';
import type { RoundDetail, ScoreView } from '../../../shared/channels/evaluation';
import { AppError } from '../../../shared/errors';
import { ITEM_SCORE_LABELS, scoreIssues, summarizeScore, type ItemScore } from '../../../shared/evaluation/scoring';
import type { SheetKind } from '../../../shared/evaluation/sheets';
import { refuseIssues } from '../../../shared/validation';
import type { Clock } from '../system/clock';
import { requireRound, roundDetail, scoreView } from './rounds';
import { currentSheet, sheetAt } from './sheets';

interface Who {
  user: SessionUser;
  clock: Clock;
}

export async function saveScore(
  db: Kysely<Database>,
  { sampleId, items, submit }: { sampleId: number; items: ItemScore[]; submit: boolean },
  { user, clock }: Who,
): Promise<ScoreView> {
  const sample = await db.selectFrom('evaluation_samples').selectAll().where('id', '=', sampleId).executeTakeFirst();
  if (!sample) throw new AppError('NOT_FOUND', '抽查案件：该案件不在任何评查活动的抽查样本中', 'sampleId');
  const round = await requireRound(db, sample.round_id);
  if (round.status === 'closed')
    throw new AppError('CONFLICT', '评查活动已结束并锁定，不能再评分（须由所长重新打开）', 'sampleId');
  const named = await db
    .selectFrom('evaluation_evaluators')
    .select('user_id')
    .where('round_id', '=', round.id)
    .where('user_id', '=', user.id)
    .executeTakeFirst();
  if (!named) throw new AppError('FORBIDDEN', '您不是本次评查活动的评查员，不能评分', 'sampleId');
  const scores = await db.selectFrom('evaluation_scores').selectAll().where('sample_id', '=', sampleId).execute();
  const own = scores.find((s) => s.evaluator_id === user.id);
  if (own?.status === 'submitted')
    throw new AppError('CONFLICT', '您已提交过该案件的评分：一名评查员对一件案件只评一次', 'sampleId');
  const submittedByOthers = scores.filter((s) => s.status === 'submitted' && s.evaluator_id !== user.id).length;
  if (!own && submittedByOthers >= round.scores_per_case)
    throw new AppError('CONFLICT', `该案件已有${round.scores_per_case}名评查员提交评分，无需再评`, 'sampleId');

  const kind = sample.sheet_kind as SheetKind;
  const version = own ? own.sheet_version : (await currentSheet(db, kind)).version;
  const sheet = await sheetAt(db, kind, version);
  const issues = scoreIssues(sheet, items, { final: submit });
  if (issues.length > 0) refuseIssues(issues, ITEM_SCORE_LABELS);
  const { total, grade } = summarizeScore(sheet, items);
  const at = clock.now().toISOString();
  const values = {
    items: JSON.stringify(items),
    total,
    grade,
    status: submit ? ('submitted' as const) : ('draft' as const),
    updated_at: at,
    submitted_at: submit ? at : null,
  };
  const row = own
    ? await db
        .updateTable('evaluation_scores')
        .set(values)
        .where('id', '=', own.id)
        .returningAll()
        .executeTakeFirstOrThrow()
    : await db
        .insertInto('evaluation_scores')
        .values({
          sample_id: sampleId,
          evaluator_id: user.id,
          evaluator_name: user.displayName,
          sheet_version: version,
          created_at: at,
          ...values,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
  return scoreView(row);
}

/**
 * A director reopens one submitted score of a closed round with a written reason: the score is a draft of its
 * evaluator again and the round scores again until it is closed once more. The reason stays on the score and the
 * change is in the audit log.
 */
export async function reopenScore(
  db: Kysely<Database>,
  { scoreId, reason }: { scoreId: number; reason: string },
  { user, clock }: Who,
): Promise<RoundDetail> {
  const score = await db.selectFrom('evaluation_scores').selectAll().where('id', '=', scoreId).executeTakeFirst();
  if (!score) throw new AppError('NOT_FOUND', '评分不存在', 'scoreId');
  const sample = await db
    .selectFrom('evaluation_samples')
    .select('round_id')
    .where('id', '=', score.sample_id)
    .executeTakeFirstOrThrow();
  const round = await requireRound(db, sample.round_id);
  if (round.status !== 'closed')
    throw new AppError('CONFLICT', '只有已结束的评查活动的评分需要重新打开；评查中的评分由评查员自行保存', 'scoreId');
  if (score.status !== 'submitted') throw new AppError('CONFLICT', '该评分尚未提交', 'scoreId');
  const at = clock.now().toISOString();
  await db
    .updateTable('evaluation_scores')
    .set({
      status: 'draft',
      submitted_at: null,
      reopened_reason: reason,
      reopened_by: user.displayName,
      reopened_at: at,
      updated_at: at,
    })
    .where('id', '=', scoreId)
    .execute();
  await db
    .updateTable('evaluation_rounds')
    .set({ status: 'scoring', closed_at: null, closed_by: null })
    .where('id', '=', round.id)
    .execute();
  return roundDetail(db, round.id, user);
}
