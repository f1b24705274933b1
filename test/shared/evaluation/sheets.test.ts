// Score sheets as data: the shipped sheets are valid and add up to 100, a bureau's sheet is checked field by field,
// grades follow the thresholds, two evaluators' totals combine as the sheet says, a score is checked item by item.
import {
  DEFAULT_SHEETS,
  SCORE_SHEET_LABELS,
  SHEET_KINDS,
  combineTotals,
  gradeOf,
  scoreSheetSchema,
  sheetKindOf,
  type ScoreSheet,
} from '../../../shared/evaluation/sheets';
import { scoreIssues, summarizeScore, type ItemScore } from '../../../shared/evaluation/scoring';
import { fieldIssues } from '../../../shared/validation';

const issuesOf = (sheet: unknown) => {
  const r = scoreSheetSchema.safeParse(sheet);
  return r.success
    ? []
    : fieldIssues(
        r.error,
        Object.fromEntries(Object.entries(SCORE_SHEET_LABELS).map(([k, v]) => [k.replace(/^sheet\./, ''), v])),
      );
};

describe('the shipped score sheets', () => {
  it('has one valid sheet per kind, each item with what loses points, the maxima adding up to 100', () => {
    for (const kind of SHEET_KINDS) {
      const sheet = DEFAULT_SHEETS[kind];
      expect({ kind, issues: issuesOf(sheet) }).toEqual({ kind, issues: [] });
      expect(sheet.kind).toBe(kind);
      expect(sheet.items.reduce((s, i) => s + i.max, 0)).toBe(100);
      expect(sheet.items.every((i) => i.deductions.length > 0)).toBe(true);
      expect(sheet.grades).toEqual({ excellent: 90, good: 80, pass: 60 });
      expect(sheet.combine).toBe('mean');
    }
    expect(DEFAULT_SHEETS.legalAidCivil.source).toContain('SF/T 0085-2020');
  });

  it('scores a legal-aid case on the criminal sheet only when its category is 刑事', () => {
    expect(sheetKindOf('legal_aid', '刑事')).toBe('legalAidCriminal');
    expect(sheetKindOf('legal_aid', '民事')).toBe('legalAidCivil');
    expect(sheetKindOf('legal_aid', '行政')).toBe('legalAidCivil');
    expect(sheetKindOf('mediation', null)).toBe('mediation');
    expect(sheetKindOf('notarization', null)).toBe('notarization');
  });
});

describe('a bureau’s sheet', () => {
  const base: ScoreSheet = DEFAULT_SHEETS.mediation;

  it('refuses maxima that do not add up to 100, naming the items', () => {
    const sheet = { ...base, items: base.items.map((i, n) => (n === 0 ? { ...i, max: 12 } : i)) };
    expect(issuesOf(sheet)).toEqual([{ field: 'items', message: '评查项目：各项分值之和应为100分（百分制）' }]);
  });

  it('refuses thresholds out of order, a repeated item, a negative maximum, an unknown combination', () => {
    expect(issuesOf({ ...base, grades: { excellent: 80, good: 85, pass: 60 } })).toEqual([
      { field: 'grades', message: '等次分数线：分数线应为 100 ≥ 优秀 > 良好 > 合格 > 0' },
    ]);
    expect(
      issuesOf({ ...base, items: [...base.items.slice(0, -1), { ...base.items.at(-1)!, key: 'agreement' }] }),
    ).toEqual([{ field: 'items', message: '评查项目：评查项目标识重复' }]);
    expect(issuesOf({ ...base, items: base.items.map((i, n) => (n === 0 ? { ...i, max: -10 } : i)) })[0]).toEqual({
      field: 'items.0.max',
      message: '分值：分值应大于0且不超过100',
    });
    expect(issuesOf({ ...base, combine: 'median' })).toEqual([
      { field: 'combine', message: '合分方式：不是可选的合分方式' },
    ]);
  });
});

describe('grades and combination', () => {
  it('grades 90 and up 优秀, 80 良好, 60 合格, below 不合格', () => {
    const g = DEFAULT_SHEETS.mediation.grades;
    expect([100, 90, 89.5, 80, 79.5, 60, 59.5, 0].map((t) => gradeOf(t, g))).toEqual([
      '优秀',
      '优秀',
      '良好',
      '良好',
      '合格',
      '合格',
      '不合格',
      '不合格',
    ]);
  });

  it('combines two evaluators by their mean, or by the lower score when the sheet says so', () => {
    expect(combineTotals([91, 86.5], 'mean')).toBe(88.75);
    expect(combineTotals([91, 86.5], 'lowest')).toBe(86.5);
    expect(combineTotals([], 'mean')).toBeNull();
  });
});

describe('a score', () => {
  const sheet = DEFAULT_SHEETS.notarization;
  const full = (): ItemScore[] => sheet.items.map((i) => ({ key: i.key, points: i.max, remark: '' }));

  it('sums the points and grades the total once every item is scored', () => {
    const items = full();
    items[1] = { key: 'materials', points: 15, remark: '容缺材料逾期补齐' };
    expect(summarizeScore(sheet, items)).toEqual({ total: 90, complete: true, grade: '优秀' });
    items[2] = { key: 'forwarding', points: null, remark: '' };
    expect(summarizeScore(sheet, items)).toEqual({ total: 70, complete: false, grade: null });
  });

  it('refuses points above the maximum or negative, lost points without a remark, an item not on the sheet', () => {
    const items = full();
    items[0] = { key: 'acceptance', points: 21, remark: '' };
    items[1] = { key: 'materials', points: -1, remark: 'x' };
    items[2] = { key: 'forwarding', points: 18, remark: '  ' };
    items[3] = { key: 'delivery', points: 14.3, remark: '迟延' };
    expect(scoreIssues(sheet, [...items, { key: 'bogus', points: 1, remark: '' }], { final: false })).toEqual([
      { path: ['items', 0, 'points'], message: '「受理与告知」应在0至20分之间' },
      { path: ['items', 1, 'points'], message: '「材料审查与容缺受理」应在0至25分之间' },
      { path: ['items', 2, 'remark'], message: '「转递公证机构」扣分须写明扣分理由' },
      { path: ['items', 3, 'points'], message: '「证书送达」最小单位为0.5分' },
      { path: ['items', 6, 'key'], message: '评查表中没有此项目（bogus）' },
    ]);
  });

  it('lets a draft leave items unscored, and refuses to submit one that does', () => {
    const items = full().map((i, n) => (n === 5 ? { ...i, points: null } : i));
    expect(scoreIssues(sheet, items, { final: false })).toEqual([]);
    expect(scoreIssues(sheet, items, { final: true })).toEqual([
      { path: ['items', 5, 'points'], message: '「卷宗装订与材料齐全」尚未评分' },
    ]);
    expect(scoreIssues(sheet, full(), { final: true })).toEqual([]);
  });
});
