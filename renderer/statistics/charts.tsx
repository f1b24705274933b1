// Charts drawn as inline SVG: no chart library, nothing fetched. Bars for a breakdown (案件类别, 纠纷类型) and
// grouped bars for the monthly trend of registrations by kind.
import { ALL_KINDS, type KindKey } from '../../shared/kinds';
import type { TrendPoint } from '../../shared/statistics/compute';
import { kindPagesOf } from '../kinds';

export interface Bar {
  label: string;
  value: number;
}

const LABEL_WIDTH = 150;
const BAR_HEIGHT = 20;
const GAP = 6;
const CHART_WIDTH = 520;

/** Horizontal bars, one per value, longest first as given; the value printed at the end of each bar. */
export function BarChart({ title, bars }: { title: string; bars: readonly Bar[] }) {
  const max = Math.max(1, ...bars.map((b) => b.value));
  const span = CHART_WIDTH - LABEL_WIDTH - 50;
  const height = Math.max(bars.length * (BAR_HEIGHT + GAP) + 30, 56);
  return (
    <figure className="statistics-chart" style={{ margin: 0 }}>
      <svg role="img" aria-label={title} width={CHART_WIDTH} height={height} viewBox={`0 0 ${CHART_WIDTH} ${height}`}>
        <text x={0} y={16} fontSize={14} fontWeight="bold">
          {title}
        </text>
        {bars.map((b, i) => {
          const y = 26 + i * (BAR_HEIGHT + GAP);
          const w = (b.value / max) * span;
          return (
            <g key={b.label} data-label={b.label} data-value={b.value}>
              <text x={LABEL_WIDTH - 6} y={y + 15} fontSize={12} textAnchor="end">
                {b.label}
              </text>
              <rect x={LABEL_WIDTH} y={y} width={Math.max(w, b.value > 0 ? 2 : 0)} height={BAR_HEIGHT} fill="#1677ff" />
              <text x={LABEL_WIDTH + w + 6} y={y + 15} fontSize={12}>
                {b.value}
              </text>
            </g>
          );
        })}
        {bars.length === 0 ? (
          <text x={LABEL_WIDTH} y={44} fontSize={12} fill="#999">
            本期无数据
          </text>
        ) : null}
      </svg>
    </figure>
  );
}

/** One series per kind, in its own colour. */
const SERIES = ALL_KINDS.map((k) => ({ key: k.key as KindKey, label: k.label, color: kindPagesOf(k.kind).chartColor }));

/** Registrations per month of the year to date: three bars a month, one per kind, with a legend. */
export function TrendChart({ title, points }: { title: string; points: readonly TrendPoint[] }) {
  const width = Math.max(CHART_WIDTH, 60 + points.length * 48);
  const plotTop = 40;
  const plotHeight = 160;
  const max = Math.max(1, ...points.flatMap((p) => SERIES.map((s) => p[s.key])));
  const groupWidth = (width - 50) / Math.max(points.length, 1);
  const barWidth = Math.min(12, (groupWidth - 8) / SERIES.length);
  return (
    <figure className="statistics-chart" style={{ margin: 0 }}>
      <svg
        role="img"
        aria-label={title}
        width={width}
        height={plotTop + plotHeight + 30}
        viewBox={`0 0 ${width} ${plotTop + plotHeight + 30}`}
      >
        <text x={0} y={16} fontSize={14} fontWeight="bold">
          {title}
        </text>
        {SERIES.map((s, i) => (
          <g key={s.key}>
            <rect x={200 + i * 90} y={6} width={12} height={12} fill={s.color} />
            <text x={216 + i * 90} y={16} fontSize={12}>
              {s.label}
            </text>
          </g>
        ))}
        <line x1={40} y1={plotTop + plotHeight} x2={width} y2={plotTop + plotHeight} stroke="#999" />
        {points.map((p, i) => {
          const x0 = 44 + i * groupWidth;
          return (
            <g key={p.month} data-month={p.month}>
              {SERIES.map((s, j) => {
                const h = (p[s.key] / max) * plotHeight;
                return (
                  <rect
                    key={s.key}
                    data-kind={s.key}
                    data-value={p[s.key]}
                    x={x0 + j * barWidth}
                    y={plotTop + plotHeight - h}
                    width={barWidth - 1}
                    height={h}
                    fill={s.color}
                  >
                    <title>{`${Number(p.month.slice(5))}月${s.label}：${p[s.key]}件`}</title>
                  </rect>
                );
              })}
              <text
                x={x0 + (barWidth * SERIES.length) / 2}
                y={plotTop + plotHeight + 16}
                fontSize={12}
                textAnchor="middle"
              >
                {`${Number(p.month.slice(5))}月`}
              </text>
            </g>
          );
        })}
        <text x={36} y={plotTop + 10} fontSize={11} textAnchor="end">
          {max}
        </text>
      </svg>
    </figure>
  );
}
