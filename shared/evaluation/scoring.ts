// One evaluator's score of one sampled dossier on a sheet (一案一评): points per item (0 … the item's maximum, in
// half points), a remark (点评) wherever points are lost, the total and the grade. A draft may leave items
// unscored; a submitted score scores every item. Checked here so the page shows the same total, grade and refusals
// as the main process, which checks again before it saves.
import { z } from 'zod';
import { gradeOf, type Grade, type ScoreSheet } from './sheets';
import { strictObject, text, type Labels } from '../validation';

export interface ItemScore {
  key: string;
  /** null: not scored yet (a draft). */
  points: number | null;
  remark: string;
}

export const itemScoresSchema = z
  .array(
    strictObject({
      key: z.string({ error: '格式不正确' }).max(40, '格式不正确'),
      points: z.number({ error: '应为数字' }).finite('应为数字').nullable(),
      remark: text({ max: 500, multiLine: true }),
    }),
    { error: '格式不正确' },
  )
  .max(60, '评查项目过多');

export const ITEM_SCORE_LABELS: Labels = {
  items: '评查项目',
  'items.*.key': '评查项目',
  'items.*.points': '得分',
  'items.*.remark': '点评',
};

export interface ScoreIssue {
  path: (string | number)[];
  message: string;
}

/**
 * What is wrong with `items` on `sheet`: a point outside 0 … max or not in half points, points lost without a
 * remark, an item not on the sheet or given twice; and, when `final`, an item left unscored. Messages name the item.
 */
export function scoreIssues(
  sheet: ScoreSheet,
  items: readonly ItemScore[],
  { final }: { final: boolean },
): ScoreIssue[] {
  const issues: ScoreIssue[] = [];
  const byKey = new Map(sheet.items.map((i) => [i.key, i]));
  const seen = new Set<string>();
  items.forEach((given, at) => {
    const item = byKey.get(given.key);
    if (!item) return issues.push({ path: ['items', at, 'key'], message: `评查表中没有此项目（${given.key}）` });
    if (seen.has(given.key)) return issues.push({ path: ['items', at, 'key'], message: `「${item.label}」重复评分` });
    seen.add(given.key);
    if (given.points === null) return;
    if (given.points < 0 || given.points > item.max)
      return issues.push({ path: ['items', at, 'points'], message: `「${item.label}」应在0至${item.max}分之间` });
    if (!Number.isInteger(given.points * 2))
      return issues.push({ path: ['items', at, 'points'], message: `「${item.label}」最小单位为0.5分` });
    if (given.points < item.max && given.remark.trim() === '')
      issues.push({ path: ['items', at, 'remark'], message: `「${item.label}」扣分须写明扣分理由` });
  });
  if (final)
    sheet.items.forEach((item) => {
      const at = items.findIndex((g) => g.key === item.key);
      if (at === -1 || items[at]!.points === null)
        issues.push({ path: ['items', at === -1 ? items.length : at, 'points'], message: `「${item.label}」尚未评分` });
    });
  return issues;
}

export interface ScoreSummary {
  /** The sum of the points given so far. */
  total: number;
  /** Every item scored. */
  complete: boolean;
  /** The grade of the total once complete. */
  grade: Grade | null;
}

/** The live total and grade the evaluator sees as they type. */
export function summarizeScore(sheet: ScoreSheet, items: readonly ItemScore[]): ScoreSummary {
  const byKey = new Map(items.map((i) => [i.key, i.points]));
  let total = 0;
  let complete = true;
  for (const item of sheet.items) {
    const points = byKey.get(item.key);
    if (points === null || points === undefined) complete = false;
    else total += points;
  }
  total = Math.round(total * 100) / 100;
  return { total, complete, grade: complete ? gradeOf(total, sheet.grades) : null };
}
