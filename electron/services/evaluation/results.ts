// A round's results (案件质量评估): each sampled case's combined score and grade, counted per office, per handler
// (承办人, within their office) and per kind of dossier by shared/evaluation/results.ts, with the same figures of the closed round of the year before beside
// them (the latest one, when the bureau ran several).
import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema';
import { NO_HANDLER, type GroupFigures, type RoundResults } from '../../../shared/channels/evaluation';
import { figuresBy, gradeFigures, type GradeFigures } from '../../../shared/evaluation/results';
import { SHEET_KIND_LABELS, type Grade, type SheetKind } from '../../../shared/evaluation/sheets';
import { requireRound, sampleResult, samplesAndScores } from './rounds';

interface EvaluatedSample {
  office: string;
  handler: string;
  kind: string;
  score: number;
  grade: Grade;
}

/** The cases of a round that have their required scores, each with its combined score. */
async function evaluatedSamples(db: Kysely<Database>, roundId: number): Promise<EvaluatedSample[]> {
  const round = await requireRound(db, roundId);
  const { samples, scores } = await samplesAndScores(db, roundId);
  const out: EvaluatedSample[] = [];
  for (const s of samples) {
    const kind = s.sheet_kind as SheetKind;
    const result = await sampleResult(
      db,
      kind,
      scores.filter((x) => x.sample_id === s.id),
      round.scores_per_case,
    );
    if (result)
      out.push({ office: s.office_name, handler: s.handler || NO_HANDLER, kind: SHEET_KIND_LABELS[kind], ...result });
  }
  return out;
}

function beside(
  now: { group: string; figures: GradeFigures }[],
  before: { group: string; figures: GradeFigures }[] | null,
): GroupFigures[] {
  return now.map((g) => ({ ...g, lastYear: before?.find((b) => b.group === g.group)?.figures ?? null }));
}

const KEY_SEPARATOR = '\u0000';
/** A handler is counted within their office, office by office in the order the offices come. */
const handlerKey = (c: EvaluatedSample) => `${c.office}${KEY_SEPARATOR}${c.handler}`;

export async function roundResults(db: Kysely<Database>, roundId: number): Promise<RoundResults> {
  const round = await requireRound(db, roundId);
  const cases = await evaluatedSamples(db, roundId);
  const previous = await db
    .selectFrom('evaluation_rounds')
    .select(['id', 'name'])
    .where('year', '=', round.year - 1)
    .where('status', '=', 'closed')
    .orderBy('id', 'desc')
    .executeTakeFirst();
  const before = previous ? await evaluatedSamples(db, previous.id) : null;
  return {
    round: { id: round.id, name: round.name, year: round.year },
    total: gradeFigures(cases),
    byOffice: beside(
      figuresBy(cases, (c) => c.office),
      before && figuresBy(before, (c) => c.office),
    ),
    byHandler: beside(figuresBy(cases, handlerKey), before && figuresBy(before, handlerKey)).map(({ group, ...g }) => {
      const [office, handler] = group.split(KEY_SEPARATOR) as [string, string];
      return { office, group: handler, ...g };
    }),
    byKind: beside(
      figuresBy(cases, (c) => c.kind),
      before && figuresBy(before, (c) => c.kind),
    ),
    lastYear: previous && before ? { id: previous.id, name: previous.name, total: gradeFigures(before) } : null,
  };
}
