// The round's figures: the province's figures for 芦淞区 (2024: 14 dossiers, 6 优秀 or 良好, none failing → 优良率
// 42.86%, 合格率 100%), the mean, nothing evaluated, and figures per group.
import { figuresBy, gradeFigures, type EvaluatedCase } from '../../../shared/evaluation/results';

const c = (score: number, grade: EvaluatedCase['grade']) => ({ score, grade });

describe('gradeFigures', () => {
  it('gives 42.86% 优良 for 14 dossiers of which 6 are 优秀 or 良好, and 100% 合格 when none fails', () => {
    const cases = [
      ...[92, 91].map((s) => c(s, '优秀')),
      ...[88, 85, 83, 80].map((s) => c(s, '良好')),
      ...[78, 75, 72, 70, 68, 66, 63, 61].map((s) => c(s, '合格')),
    ];
    expect(gradeFigures(cases)).toEqual({
      evaluated: 14,
      byGrade: { 优秀: 2, 良好: 4, 合格: 8, 不合格: 0 },
      goodRate: 42.86,
      passRate: 100,
      meanScore: 76.57,
    });
  });

  it('gives 40% 优良 for 10 dossiers with 4, counts 不合格 against 合格率, and nothing for nothing', () => {
    const cases = [...Array(4)]
      .map(() => c(85, '良好'))
      .concat(
        [...Array(5)].map(() => c(70, '合格')),
        [c(50, '不合格')],
      );
    expect(gradeFigures(cases)).toMatchObject({ goodRate: 40, passRate: 90, meanScore: 74 });
    expect(gradeFigures([])).toEqual({
      evaluated: 0,
      byGrade: { 优秀: 0, 良好: 0, 合格: 0, 不合格: 0 },
      goodRate: null,
      passRate: null,
      meanScore: null,
    });
  });

  it('groups by what it is asked (office, handler, kind)', () => {
    const cases = [
      { ...c(95, '优秀'), office: '甲' },
      { ...c(55, '不合格'), office: '乙' },
      { ...c(81, '良好'), office: '甲' },
    ];
    expect(figuresBy(cases, (x) => x.office).map((g) => [g.group, g.figures.evaluated, g.figures.goodRate])).toEqual([
      ['甲', 2, 100],
      ['乙', 1, 0],
    ]);
  });
});
