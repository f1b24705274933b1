// The round's figures (案件质量评估): dossiers evaluated by grade, 优良率 = (优秀 + 良好) / evaluated, 合格率 =
// (evaluated − 不合格) / evaluated, and the mean score, for any grouping (office, handler, kind). Rates in percent
// rounded to two decimals, as the province publishes them (14 dossiers, 6 优秀 or 良好: 42.86%). Pure.
import { GRADES, type Grade } from './sheets';

export interface EvaluatedCase {
  score: number;
  grade: Grade;
}

export interface GradeFigures {
  evaluated: number;
  byGrade: Record<Grade, number>;
  /** Percent, two decimals; null when nothing was evaluated. */
  goodRate: number | null;
  passRate: number | null;
  meanScore: number | null;
}

const percent = (part: number, whole: number) => (whole === 0 ? null : Math.round((part / whole) * 10000) / 100);

export function gradeFigures(cases: readonly EvaluatedCase[]): GradeFigures {
  const byGrade = Object.fromEntries(GRADES.map((g) => [g, 0])) as Record<Grade, number>;
  for (const c of cases) byGrade[c.grade]++;
  const evaluated = cases.length;
  const sum = cases.reduce((s, c) => s + c.score, 0);
  return {
    evaluated,
    byGrade,
    goodRate: percent(byGrade['优秀'] + byGrade['良好'], evaluated),
    passRate: percent(evaluated - byGrade['不合格'], evaluated),
    meanScore: evaluated === 0 ? null : Math.round((sum / evaluated) * 100) / 100,
  };
}

/** The figures of each group, in the order the groups first appear. */
export function figuresBy<C extends EvaluatedCase>(
  cases: readonly C[],
  groupOf: (c: C) => string,
): { group: string; figures: GradeFigures }[] {
  const groups = new Map<string, C[]>();
  for (const c of cases) groups.set(groupOf(c), [...(groups.get(groupOf(c)) ?? []), c]);
  return [...groups].map(([group, list]) => ({ group, figures: gradeFigures(list) }));
}
