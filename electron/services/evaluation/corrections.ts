// 整改 at the bureau (issue 16 item 5): after a round closes the bureau sets, per evaluated case, the 整改要求 (the
// evaluators' remarks by default) and a due date; each office's next configuration package carries its cases'
// scores, grades, remarks and requirements (the `evaluation` section, shared/evaluation/travel.ts) together with
// the dossiers its rounds still ask for; the office's reply comes back in its exports as `evaluation_replies`
// rows, from which the bureau reads each requirement's state (整改中, 整改逾期, 已整改).
import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema';
import type { SessionUser } from '../../../shared/accounts';
import { localDate } from '../../../shared/dates';
import { AppError } from '../../../shared/errors';
import type { SheetKind } from '../../../shared/evaluation/sheets';
import {
  correctionState,
  defaultRequirement,
  type CorrectionView,
  type EvaluationConfig,
} from '../../../shared/evaluation/travel';
import type { Clock } from '../system/clock';
import { requireBureau } from './bureauMode';
import { requireRound, sampleResult, samplesAndScores } from './rounds';
import { sheetAt } from './sheets';
import type { ItemScore } from '../../../shared/evaluation/scoring';

type Scores = Awaited<ReturnType<typeof samplesAndScores>>['scores'];

/** The evaluators' remarks on a case, one line per item that lost points: `项目：remark`. */
async function remarksOf(db: Kysely<Database>, sheetKind: SheetKind, scores: Scores): Promise<string[]> {
  const lines: string[] = [];
  for (const s of scores.filter((x) => x.status === 'submitted')) {
    const sheet = await sheetAt(db, sheetKind, s.sheet_version);
    for (const item of JSON.parse(s.items) as ItemScore[]) {
      if (item.remark.trim() === '') continue;
      const label = sheet.items.find((i) => i.key === item.key)?.label ?? item.key;
      lines.push(`${label}：${item.remark.trim()}`);
    }
  }
  return lines;
}

/** A state's reply as the office exported it: the latest `evaluation_replies` row of the case in that round. */
async function repliesOf(db: Kysely<Database>, officeCodes: readonly string[]) {
  if (officeCodes.length === 0) return new Map<string, { doneOn: string; note: string; recordedBy: string }>();
  const rows = await db
    .selectFrom('bureau_rows')
    .select(['office_code', 'data'])
    .where('table_name', '=', 'evaluation_replies')
    .where('deleted', '=', 0)
    .where('office_code', 'in', officeCodes)
    .execute();
  const caseNumbers = new Map(
    (
      await db
        .selectFrom('bureau_rows')
        .select(['office_code', 'row_key', 'data'])
        .where('table_name', '=', 'cases')
        .where('deleted', '=', 0)
        .where('office_code', 'in', officeCodes)
        .execute()
    ).map((c) => [
      `${c.office_code} ${c.row_key}`,
      (JSON.parse(c.data ?? '{}') as { case_number?: string }).case_number ?? '',
    ]),
  );
  const replies = new Map<string, { doneOn: string; note: string; recordedBy: string }>();
  for (const r of rows) {
    const d = JSON.parse(r.data ?? '{}') as {
      round_id: number;
      case_id: number;
      done_on: string;
      note: string;
      recorded_by: string;
    };
    const number = caseNumbers.get(`${r.office_code} ${d.case_id}`);
    if (number)
      replies.set(`${d.round_id} ${r.office_code} ${number}`, {
        doneOn: d.done_on,
        note: d.note,
        recordedBy: d.recorded_by,
      });
  }
  return replies;
}

/** Every evaluated case of a closed round with its requirement (or none yet) and its state today. */
export async function listCorrections(db: Kysely<Database>, roundId: number, clock: Clock): Promise<CorrectionView[]> {
  const round = await requireRound(db, roundId);
  if (round.status !== 'closed') return [];
  const { samples, scores } = await samplesAndScores(db, roundId);
  const set = new Map(
    (
      await db
        .selectFrom('evaluation_corrections')
        .selectAll()
        .where(
          'sample_id',
          'in',
          samples.map((s) => s.id),
        )
        .execute()
    ).map((c) => [c.sample_id, c]),
  );
  const replies = await repliesOf(db, [...new Set(samples.map((s) => s.office_code))]);
  const views: CorrectionView[] = [];
  for (const s of samples) {
    const mine = scores.filter((x) => x.sample_id === s.id);
    const result = await sampleResult(db, s.sheet_kind as SheetKind, mine, round.scores_per_case);
    if (!result) continue;
    const c = set.get(s.id);
    const reply = replies.get(`${roundId} ${s.office_code} ${s.case_number}`) ?? null;
    views.push({
      sampleId: s.id,
      officeCode: s.office_code,
      officeName: s.office_name,
      caseNumber: s.case_number,
      score: result.score,
      grade: result.grade,
      remarks: await remarksOf(db, s.sheet_kind as SheetKind, mine),
      requirement: c?.requirement ?? null,
      dueOn: c?.due_on ?? null,
      state: c ? correctionState(c.due_on, reply?.doneOn ?? null, clock.today()) : null,
      reply,
    });
  }
  return views;
}

/**
 * Sets (or changes, until the office has replied) the 整改要求 and due date of an evaluated case of a closed round.
 * A blank requirement takes the evaluators' remarks.
 */
export async function setCorrection(
  db: Kysely<Database>,
  { sampleId, requirement, dueOn }: { sampleId: number; requirement: string; dueOn: string },
  { user, clock }: { user: SessionUser; clock: Clock },
): Promise<CorrectionView> {
  await requireBureau(db, '只有县局模式的数据文件能下达整改要求', 'sampleId');
  const sample = await db.selectFrom('evaluation_samples').selectAll().where('id', '=', sampleId).executeTakeFirst();
  if (!sample) throw new AppError('NOT_FOUND', '抽查案件：不存在', 'sampleId');
  const round = await requireRound(db, sample.round_id);
  if (round.status !== 'closed' || !round.closed_at)
    throw new AppError('CONFLICT', '抽查案件：评查活动结束后才能下达整改要求', 'sampleId');
  const closedOn = localDate(new Date(round.closed_at));
  if (dueOn < closedOn) throw new AppError('VALIDATION', `整改期限：不能早于评查活动结束之日（${closedOn}）`, 'dueOn');
  const views = await listCorrections(db, round.id, clock);
  const view = views.find((v) => v.sampleId === sampleId);
  if (!view) throw new AppError('CONFLICT', '抽查案件：该案尚未评定，不能下达整改要求', 'sampleId');
  if (view.reply) throw new AppError('CONFLICT', '抽查案件：司法所已报整改完成，整改要求不能再改', 'sampleId');
  const text = requirement.trim() === '' ? defaultRequirement(view.remarks) : requirement.trim();
  if (text === '') throw new AppError('VALIDATION', '整改要求：评查员未留评语，请填写整改要求', 'requirement');
  const values = { requirement: text, due_on: dueOn, set_by: user.displayName, set_at: clock.now().toISOString() };
  await db
    .insertInto('evaluation_corrections')
    .values({ sample_id: sampleId, ...values })
    .onConflict((oc) => oc.column('sample_id').doUpdateSet(values))
    .execute();
  return (await listCorrections(db, round.id, clock)).find((v) => v.sampleId === sampleId)!;
}

/**
 * The evaluation section of `officeCode`'s configuration package: the sampled cases of each round still scoring
 * whose dossiers the bureau has not received, and the evaluated cases of closed rounds with a requirement set.
 */
export async function evaluationConfigFor(
  db: Kysely<Database>,
  officeCode: string,
  clock: Clock,
): Promise<EvaluationConfig> {
  const requests: EvaluationConfig['requests'] = [];
  const feedback: EvaluationConfig['feedback'] = [];
  const rounds = await db
    .selectFrom('evaluation_rounds')
    .select(['id', 'name', 'status', 'closed_at'])
    .where('status', 'in', ['scoring', 'closed'])
    .orderBy('id')
    .execute();
  for (const round of rounds) {
    if (round.status === 'scoring') {
      const cases = (
        await db
          .selectFrom('evaluation_samples')
          .leftJoin('evaluation_dossiers', 'evaluation_dossiers.sample_id', 'evaluation_samples.id')
          .select('evaluation_samples.case_number')
          .where('evaluation_samples.round_id', '=', round.id)
          .where('evaluation_samples.office_code', '=', officeCode)
          .where('evaluation_dossiers.sample_id', 'is', null)
          .orderBy('evaluation_samples.position')
          .execute()
      ).map((s) => s.case_number);
      if (cases.length > 0) requests.push({ roundId: round.id, roundName: round.name, cases });
      continue;
    }
    for (const v of await listCorrections(db, round.id, clock)) {
      if (v.officeCode !== officeCode || v.requirement === null || v.dueOn === null) continue;
      feedback.push({
        roundId: round.id,
        roundName: round.name,
        roundClosedOn: localDate(new Date(round.closed_at ?? 0)),
        caseNumber: v.caseNumber,
        score: v.score,
        grade: v.grade,
        remarks: v.remarks,
        requirement: v.requirement,
        dueOn: v.dueOn,
      });
    }
  }
  return { officeCode, requests, feedback };
}
