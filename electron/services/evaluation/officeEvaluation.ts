// Evaluation at the office (issue 16 items 3 and 5): what the bureau's configuration package for this office brought
// (the sampled cases a round asks for; each evaluated case's score, grade, remarks and 整改要求), the one signed
// dossier package, encrypted to the bureau, holding the requested cases' electronic dossiers, and the 整改 done,
// recorded as an exported row so the office's next export carries it to the bureau.
import crypto from 'node:crypto';
import fsp from 'node:fs/promises';
import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema';
import type { SessionUser } from '../../../shared/accounts';
import { AppError } from '../../../shared/errors';
import {
  dossierPackageFileName,
  PACKAGE_FORMAT_VERSION,
  type DossierManifest,
} from '../../../shared/exchange/manifest';
import type { Grade } from '../../../shared/evaluation/sheets';
import type { DossierRequestView, EvaluationConfig, FeedbackView } from '../../../shared/evaluation/travel';
import { APP_VERSION } from '../../version';
import type { ElectronicDossiers } from '../dossier/archive';
import { collectingSink } from '../dossier/pdfSink';
import { partOfBytes, sealPackageStream } from '../exchange/container';
import { writeIntoFolder } from '../exchange/exportFolder';
import { ensureKeys, parsePublicKey } from '../exchange/keys';
import { requireOfficeMode } from '../exchange/officeExport';
import type { Clock } from '../system/clock';

/**
 * Installs the evaluation section of a configuration package (inside its installation's transaction): each round's
 * request replaces what an earlier package asked for that round (keeping when the office last sent a case), and
 * each evaluated case's result and requirement replace the earlier ones. Returns how many cases each names.
 */
export async function installEvaluationSection(
  db: Kysely<Database>,
  section: EvaluationConfig,
  { bureauName, issuedAt, now }: { bureauName: string; issuedAt: string; now: Date },
): Promise<{ requested: number; feedback: number }> {
  let requested = 0;
  for (const request of section.requests) {
    const sent = new Map(
      (
        await db
          .selectFrom('evaluation_requests')
          .select(['case_number', 'sent_at'])
          .where('round_id', '=', request.roundId)
          .execute()
      ).map((r) => [r.case_number, r.sent_at]),
    );
    await db.deleteFrom('evaluation_requests').where('round_id', '=', request.roundId).execute();
    await db
      .insertInto('evaluation_requests')
      .values(
        request.cases.map((caseNumber) => ({
          round_id: request.roundId,
          round_name: request.roundName,
          bureau_name: bureauName,
          requested_at: issuedAt,
          case_number: caseNumber,
          sent_at: sent.get(caseNumber) ?? null,
        })),
      )
      .execute();
    requested += request.cases.length;
  }
  for (const f of section.feedback) {
    const values = {
      round_name: f.roundName,
      round_closed_on: f.roundClosedOn,
      score: f.score,
      grade: f.grade,
      remarks: JSON.stringify(f.remarks),
      requirement: f.requirement,
      due_on: f.dueOn,
      received_at: now.toISOString(),
    };
    await db
      .insertInto('evaluation_feedback')
      .values({ round_id: f.roundId, case_number: f.caseNumber, ...values })
      .onConflict((oc) => oc.columns(['round_id', 'case_number']).doUpdateSet(values))
      .execute();
  }
  return { requested, feedback: section.feedback.length };
}

/** The bureau's requests for dossiers, newest round first, each case with the office's own case (when it has it). */
export async function dossierRequests(db: Kysely<Database>): Promise<DossierRequestView[]> {
  const rows = await db
    .selectFrom('evaluation_requests')
    .leftJoin('cases', 'cases.case_number', 'evaluation_requests.case_number')
    .select([
      'evaluation_requests.round_id',
      'evaluation_requests.round_name',
      'evaluation_requests.bureau_name',
      'evaluation_requests.requested_at',
      'evaluation_requests.sent_at',
      'evaluation_requests.case_number',
      'cases.id as case_id',
      'cases.title',
    ])
    .orderBy('evaluation_requests.round_id', 'desc')
    .orderBy('evaluation_requests.case_number')
    .execute();
  const views = new Map<number, DossierRequestView>();
  for (const r of rows) {
    let view = views.get(r.round_id);
    if (!view) {
      view = {
        roundId: r.round_id,
        roundName: r.round_name,
        bureauName: r.bureau_name,
        requestedAt: r.requested_at,
        sentAt: r.sent_at,
        cases: [],
      };
      views.set(r.round_id, view);
    }
    if (r.sent_at && (!view.sentAt || r.sent_at > view.sentAt)) view.sentAt = r.sent_at;
    view.cases.push({ caseNumber: r.case_number, caseId: r.case_id, title: r.title });
  }
  return [...views.values()];
}

/**
 * Makes the one dossier package of a round's request: each requested case's electronic dossier (the one kept at
 * archiving, or made now), signed by this office and encrypted to the bureau, written into `folder`; records when.
 */
export async function makeDossierPackage(
  db: Kysely<Database>,
  { roundId, folder }: { roundId: number; folder: string },
  { dossiers, clock }: { dossiers: ElectronicDossiers; clock: Clock },
): Promise<{ file: string; fileName: string; cases: string[] }> {
  const { office, bureauPublicKey } = await requireOfficeMode(db);
  const request = (await dossierRequests(db)).find((r) => r.roundId === roundId);
  if (!request) throw new AppError('NOT_FOUND', '评查活动：县局没有为该评查活动调取本所案卷', 'roundId');
  const missing = request.cases.filter((c) => c.caseId === null);
  if (missing.length > 0)
    throw new AppError(
      'CONFLICT',
      `评查活动：本所数据中没有案号${missing.map((c) => `“${c.caseNumber}”`).join('、')}，请与县司法局核对`,
      'roundId',
    );
  const parts: { name: string; bytes: Buffer }[] = [];
  const listed: DossierManifest['dossiers'] = [];
  for (const [i, c] of request.cases.entries()) {
    const collected = collectingSink();
    const made = await dossiers.writeDossier(db, c.caseId!, clock, collected.sink);
    const bytes = collected.bytes();
    const name = `d${String(i + 1).padStart(4, '0')}.pdf`;
    parts.push({ name, bytes });
    listed.push({
      part: name,
      caseNumber: c.caseNumber,
      pages: made.pages > 0 ? made.pages : null,
      sha256: crypto.createHash('sha256').update(bytes).digest('hex'),
    });
  }
  const now = clock.now();
  const createdAt = now.toISOString();
  const sealed = sealPackageStream(
    {
      format: 'casedesk-package',
      formatVersion: PACKAGE_FORMAT_VERSION,
      kind: 'office-dossiers',
      office: { code: office.officeCode, name: office.name, bureauName: office.bureauName },
      createdAt,
      appVersion: APP_VERSION,
      round: { id: request.roundId, name: request.roundName },
      dossiers: listed,
    } as Omit<DossierManifest, 'parts' | 'encryption' | 'signer' | 'contentHash'>,
    parts.map((p) => partOfBytes(p.name, p.bytes)),
    await ensureKeys(db, now),
    parsePublicKey(bureauPublicKey)!,
  );
  const fileName = dossierPackageFileName(office.officeCode, request.roundId, createdAt);
  const file = await writeIntoFolder(folder, fileName, async (target) => {
    const handle = await fsp.open(`${target}.partial`, 'w');
    try {
      for (const chunk of sealed.chunks()) await handle.writeFile(chunk);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await fsp.rename(`${target}.partial`, target);
  });
  await db.updateTable('evaluation_requests').set({ sent_at: createdAt }).where('round_id', '=', roundId).execute();
  return { file, fileName, cases: listed.map((d) => d.caseNumber) };
}

/** The evaluated cases' results and 整改要求 (of one case, or all), with the corrections recorded. */
export async function feedbackList(
  db: Kysely<Database>,
  { caseId, today }: { caseId: number | null; today: string },
): Promise<FeedbackView[]> {
  let query = db
    .selectFrom('evaluation_feedback')
    .leftJoin('cases', 'cases.case_number', 'evaluation_feedback.case_number')
    .leftJoin('evaluation_replies', (join) =>
      join
        .onRef('evaluation_replies.round_id', '=', 'evaluation_feedback.round_id')
        .onRef('evaluation_replies.case_id', '=', 'cases.id'),
    )
    .select([
      'evaluation_feedback.round_id',
      'evaluation_feedback.round_name',
      'evaluation_feedback.case_number',
      'evaluation_feedback.score',
      'evaluation_feedback.grade',
      'evaluation_feedback.remarks',
      'evaluation_feedback.requirement',
      'evaluation_feedback.due_on',
      'cases.id as case_id',
      'cases.title',
      'evaluation_replies.done_on',
      'evaluation_replies.note',
      'evaluation_replies.recorded_by',
      'evaluation_replies.recorded_at',
    ])
    .orderBy('evaluation_feedback.due_on')
    .orderBy('evaluation_feedback.case_number');
  if (caseId !== null) query = query.where('cases.id', '=', caseId);
  return (await query.execute()).map((r) => ({
    roundId: r.round_id,
    roundName: r.round_name,
    caseNumber: r.case_number,
    caseId: r.case_id,
    title: r.title,
    score: r.score,
    grade: r.grade as Grade,
    remarks: JSON.parse(r.remarks) as string[],
    requirement: r.requirement,
    dueOn: r.due_on,
    overdue: r.done_on === null && today > r.due_on,
    reply:
      r.done_on === null
        ? null
        : { doneOn: r.done_on, note: r.note ?? '', recordedBy: r.recorded_by ?? '', recordedAt: r.recorded_at ?? '' },
  }));
}

/**
 * Records the 整改 of an evaluated case as done (once: a correction recorded is not edited). The row is exported,
 * so the office's next export carries it to the bureau. New dossier materials go through the dossier's own flow.
 */
export async function recordCorrection(
  db: Kysely<Database>,
  { roundId, caseId, doneOn, note }: { roundId: number; caseId: number; doneOn: string; note: string },
  { user, clock }: { user: SessionUser; clock: Clock },
): Promise<FeedbackView> {
  const today = clock.today();
  const c = await db.selectFrom('cases').select(['id', 'case_number']).where('id', '=', caseId).executeTakeFirst();
  if (!c) throw new AppError('NOT_FOUND', '案件：不存在', 'caseId');
  const feedback = await db
    .selectFrom('evaluation_feedback')
    .select(['round_closed_on'])
    .where('round_id', '=', roundId)
    .where('case_number', '=', c.case_number)
    .executeTakeFirst();
  if (!feedback)
    throw new AppError('VALIDATION', `案件：“${c.case_number}”未经县局在该评查活动中评查，没有整改要求`, 'caseId');
  const done = await db
    .selectFrom('evaluation_replies')
    .select('done_on')
    .where('round_id', '=', roundId)
    .where('case_id', '=', caseId)
    .executeTakeFirst();
  if (done) throw new AppError('CONFLICT', `整改完成日期：该案已于${done.done_on}整改完成，不能再改`, 'doneOn');
  if (doneOn > today) throw new AppError('VALIDATION', '整改完成日期：不能晚于今天', 'doneOn');
  if (doneOn < feedback.round_closed_on)
    throw new AppError('VALIDATION', `整改完成日期：不能早于评查结束之日（${feedback.round_closed_on}）`, 'doneOn');
  await db
    .insertInto('evaluation_replies')
    .values({
      round_id: roundId,
      case_id: caseId,
      done_on: doneOn,
      note,
      recorded_by: user.displayName,
      recorded_at: clock.now().toISOString(),
    })
    .execute();
  return (await feedbackList(db, { caseId, today })).find((f) => f.roundId === roundId)!;
}
