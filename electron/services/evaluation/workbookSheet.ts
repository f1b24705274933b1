// The sheet 案件质量评估 of the county's statistics workbook: the results of the year's closed evaluation rounds —
// per office, per handler (承办人) and per kind of dossier: dossiers by grade, 优良率, 合格率 and the mean score, with
// last year's 优良率 and mean beside them — one block per round, printed on A4 like the workbook's other sheets
// (landscape when wide, fit to width, the header row repeated on every page).
import type ExcelJS from 'exceljs';
import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema';
import type { GroupFigures, RoundResults } from '../../../shared/channels/evaluation';
import { formatChineseDate } from '../../../shared/dates';
import type { GradeFigures } from '../../../shared/evaluation/results';
import { fitSheetToA4, fitWrappedRowHeights } from '../spreadsheet/printSetup';
import { blockLabel, bodyRow, header, info, rowNumbers, title } from '../spreadsheet/tableCells';
import { roundResults } from './results';

export const EVALUATION_SHEET_NAME = '案件质量评估';

/** The results of the rounds of `year` that are closed (locked), oldest first. */
export async function closedRoundsResults(db: Kysely<Database>, year: number): Promise<RoundResults[]> {
  const rounds = await db
    .selectFrom('evaluation_rounds')
    .select('id')
    .where('year', '=', year)
    .where('status', '=', 'closed')
    .orderBy('id')
    .execute();
  const out: RoundResults[] = [];
  for (const r of rounds) out.push(await roundResults(db, r.id));
  return out;
}

const COLUMNS = [
  { header: '类别', width: 10 },
  { header: '名称', width: 26 },
  { header: '评查件数', width: 7 },
  { header: '优秀', width: 6 },
  { header: '良好', width: 6 },
  { header: '合格', width: 6 },
  { header: '不合格', width: 7 },
  { header: '优良率（%）', width: 9 },
  { header: '合格率（%）', width: 9 },
  { header: '平均分', width: 8 },
  { header: '上年优良率（%）', width: 10 },
  { header: '上年平均分', width: 8 },
];
const HEADER_ROW = 4;
const RATE = '0.00';

const orDash = (n: number | null) => n ?? '—';

function figuresRow(
  ws: ExcelJS.Worksheet,
  group: string,
  name: string,
  f: GradeFigures,
  before: GradeFigures | null,
  bold = false,
): void {
  bodyRow(
    ws,
    [
      group,
      name,
      f.evaluated,
      f.byGrade['优秀'],
      f.byGrade['良好'],
      f.byGrade['合格'],
      f.byGrade['不合格'],
      orDash(f.goodRate),
      orDash(f.passRate),
      orDash(f.meanScore),
      orDash(before?.goodRate ?? null),
      orDash(before?.meanScore ?? null),
    ],
    [null, null, '0', '0', '0', '0', '0', RATE, RATE, RATE, RATE, RATE],
    bold,
  );
}

const groupRows = (ws: ExcelJS.Worksheet, label: string, groups: readonly GroupFigures[]) => {
  for (const g of groups) figuresRow(ws, label, g.group, g.figures, g.lastYear);
};

/** Fills `ws` with the results of `rounds` (the year's closed rounds) for `bureauName`, as of `asOf`. */
export function evaluationSheet(
  ws: ExcelJS.Worksheet,
  {
    rounds,
    year,
    bureauName,
    asOf,
  }: { rounds: readonly RoundResults[]; year: number; bureauName: string; asOf: string },
): void {
  const width = COLUMNS.length;
  title(ws, `案件质量评估（${year}年度）`, width);
  info(ws, `填报单位：${bureauName}`, width);
  info(
    ws,
    `优良率 =（优秀 + 良好）÷ 评查件数；合格率 =（评查件数 − 不合格）÷ 评查件数　制表日期：${formatChineseDate(asOf)}`,
    width,
  );
  header(
    ws,
    COLUMNS.map((c) => c.header),
  );
  if (rounds.length === 0) blockLabel(ws, `${year}年度尚无已结束的评查活动`, width);
  for (const r of rounds) {
    blockLabel(
      ws,
      `${r.round.name}${r.lastYear ? `（上年对照：${r.lastYear.name}）` : '（上年无已结束的评查活动）'}`,
      width,
    );
    figuresRow(ws, '合计', '全县', r.total, r.lastYear?.total ?? null, true);
    groupRows(ws, '司法所', r.byOffice);
    for (const h of r.byHandler) figuresRow(ws, '承办人', `${h.office} ${h.group}`, h.figures, h.lastYear);
    groupRows(ws, '案卷类别', r.byKind);
  }
  COLUMNS.forEach((c, i) => (ws.getColumn(i + 1).width = c.width));
  fitWrappedRowHeights(ws, rowNumbers(2, ws.rowCount));
  fitSheetToA4(ws, { repeatRows: { first: HEADER_ROW, last: HEADER_ROW } });
}
