// A round's results (案件质量评估) on screen: per office, per handler (承办人) and per kind of dossier — dossiers by
// grade, 优良率, 合格率, mean score, last year's beside them — and a chart of the 优良率 this year and last, drawn as
// plain SVG bars (no chart library: the app is offline and antd has none).
import { Alert, Table, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { GroupFigures, RoundResults } from '../../shared/channels/evaluation';
import type { GradeFigures } from '../../shared/evaluation/results';
import { errorMessage, useApi } from '../app/apiContext';

const rate = (n: number | null) => (n === null ? '—' : `${n.toFixed(2)}%`);

interface Row {
  key: string;
  name: string;
  figures: GradeFigures;
  lastYear: GradeFigures | null;
}

function FiguresTable({ title, rows }: { title: string; rows: Row[] }) {
  return (
    <>
      <Typography.Title level={5}>{title}</Typography.Title>
      <Table<Row>
        rowKey="key"
        size="small"
        pagination={false}
        dataSource={rows}
        columns={[
          { title: '名称', dataIndex: 'name' },
          { title: '评查件数', render: (_v, r) => r.figures.evaluated },
          { title: '优秀', render: (_v, r) => r.figures.byGrade['优秀'] },
          { title: '良好', render: (_v, r) => r.figures.byGrade['良好'] },
          { title: '合格', render: (_v, r) => r.figures.byGrade['合格'] },
          { title: '不合格', render: (_v, r) => r.figures.byGrade['不合格'] },
          { title: '优良率', render: (_v, r) => rate(r.figures.goodRate) },
          { title: '合格率', render: (_v, r) => rate(r.figures.passRate) },
          { title: '平均分', render: (_v, r) => r.figures.meanScore ?? '—' },
          { title: '上年优良率', render: (_v, r) => rate(r.lastYear?.goodRate ?? null) },
          { title: '上年平均分', render: (_v, r) => r.lastYear?.meanScore ?? '—' },
        ]}
      />
    </>
  );
}

const BAR_HEIGHT = 14;
const LABEL_WIDTH = 170;
const BAR_WIDTH = 360;

/** 优良率 per office: this year's bar, and last year's under it where there is one. */
function GoodRateChart({ groups }: { groups: readonly GroupFigures[] }) {
  const rowHeight = BAR_HEIGHT * 2 + 12;
  return (
    <svg
      role="img"
      aria-label="各司法所优良率（本年与上年）"
      width={LABEL_WIDTH + BAR_WIDTH + 80}
      height={groups.length * rowHeight + 24}
    >
      <g fontSize={12}>
        <rect x={LABEL_WIDTH} y={4} width={10} height={10} fill="#1677ff" />
        <text x={LABEL_WIDTH + 14} y={13}>
          本年
        </text>
        <rect x={LABEL_WIDTH + 60} y={4} width={10} height={10} fill="#bfbfbf" />
        <text x={LABEL_WIDTH + 74} y={13}>
          上年
        </text>
      </g>
      {groups.map((g, i) => {
        const y = 24 + i * rowHeight;
        const now = g.figures.goodRate ?? 0;
        const before = g.lastYear?.goodRate ?? null;
        return (
          <g key={g.group} fontSize={12}>
            <text x={0} y={y + BAR_HEIGHT - 2}>
              {g.group}
            </text>
            <rect
              data-testid="bar-now"
              x={LABEL_WIDTH}
              y={y}
              width={(BAR_WIDTH * now) / 100}
              height={BAR_HEIGHT}
              fill="#1677ff"
            />
            <text x={LABEL_WIDTH + (BAR_WIDTH * now) / 100 + 4} y={y + BAR_HEIGHT - 2}>
              {rate(g.figures.goodRate)}
            </text>
            {before !== null && (
              <>
                <rect
                  x={LABEL_WIDTH}
                  y={y + BAR_HEIGHT + 2}
                  width={(BAR_WIDTH * before) / 100}
                  height={BAR_HEIGHT}
                  fill="#bfbfbf"
                />
                <text x={LABEL_WIDTH + (BAR_WIDTH * before) / 100 + 4} y={y + BAR_HEIGHT * 2}>
                  {rate(before)}
                </text>
              </>
            )}
          </g>
        );
      })}
    </svg>
  );
}

export function ResultsPanel({ roundId }: { roundId: number }) {
  const api = useApi();
  const [results, setResults] = useState<RoundResults | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  useEffect(() => {
    api.call('evaluation.results', { roundId }).then(setResults, (e: unknown) => setFailure(errorMessage(e)));
  }, [api, roundId]);
  if (failure) return <Alert type="error" message={failure} />;
  if (!results) return null;
  const rows = (groups: readonly GroupFigures[], name = (g: GroupFigures) => g.group): Row[] =>
    groups.map((g) => ({ key: name(g), name: name(g), figures: g.figures, lastYear: g.lastYear }));
  return (
    <div>
      <Typography.Paragraph>
        {results.lastYear ? `上年对照：${results.lastYear.name}` : '上年无已结束的评查活动，不作对照'}
      </Typography.Paragraph>
      <FiguresTable
        title="合计"
        rows={[{ key: 'total', name: '全县', figures: results.total, lastYear: results.lastYear?.total ?? null }]}
      />
      <GoodRateChart groups={results.byOffice} />
      <FiguresTable title="按司法所" rows={rows(results.byOffice)} />
      <FiguresTable
        title="按承办人"
        rows={results.byHandler.map((h) => ({
          key: `${h.office} ${h.group}`,
          name: `${h.office} ${h.group}`,
          figures: h.figures,
          lastYear: h.lastYear,
        }))}
      />
      <FiguresTable title="按案卷类别" rows={rows(results.byKind)} />
    </div>
  );
}
