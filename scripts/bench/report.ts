// The bench's table (fixed width, for a developer's terminal) and its JSON.
import type { BenchResult, MeasurementResult } from './run';
import type { Target } from './measurement';

const ms = (v: number | undefined) =>
  v === undefined || Number.isNaN(v) ? '-' : v < 10 ? v.toFixed(2) : v < 100 ? v.toFixed(1) : v.toFixed(0);

function targetText(t: Target): string {
  const parts = [
    t.p95Ms !== undefined ? `p95<${t.p95Ms}ms` : '',
    t.medianMs !== undefined ? `med<${t.medianMs}ms` : '',
    t.ratio !== undefined ? `×${t.ratio}` : '',
  ].filter(Boolean);
  return parts.length ? parts.join(' ') : '-';
}

const verdict = (pass: boolean | null) => (pass === null ? '' : pass ? 'ok' : 'MISS');

const COLUMNS: [string, number, (r: MeasurementResult) => string][] = [
  ['measurement', 52, (r) => r.label],
  ['n', 4, (r) => String(r.app.n)],
  ['median', 8, (r) => ms(r.app.medianMs)],
  ['p95', 8, (r) => ms(r.app.p95Ms)],
  ['raw med', 8, (r) => ms(r.raw?.medianMs)],
  ['raw p95', 8, (r) => ms(r.raw?.p95Ms)],
  ['ratio', 6, (r) => (r.ratio === null ? '-' : r.ratio.toFixed(2))],
  ['target', 18, (r) => targetText(r.target)],
  ['', 4, (r) => verdict(r.pass)],
  [
    'peak RSS app/+raw',
    17,
    (r) => `${r.apart ? '*' : ''}${r.peakRssAfterAppMB.toFixed(0)}/${r.peakRssMB.toFixed(0)} MB`,
  ],
];

function row(cells: string[]): string {
  return cells
    .map((c, i) => {
      const [, width] = COLUMNS[i]!;
      return i === 0 ? c.padEnd(width) : c.padStart(width);
    })
    .join(' ')
    .trimEnd();
}

export function benchTable(result: BenchResult): string {
  const { dataset: d, machine: m } = result;
  const lines = [
    `CaseDesk bench, ${d.scale} scale: ${d.offices} office(s) × ${d.casesPerOffice} cases = ${d.totalCases} cases over ${d.years} years to ${d.until} (seed ${d.seed})` +
      (d.distinctOffices < d.offices
        ? `; ${d.distinctOffices} built through the channels, the others copies of them under their own office identity`
        : ''),
    `data: ${d.dir} (${d.built ? `built in ${d.buildSeconds.toFixed(0)} s` : 'from the cache'}); measured on office 01, ${d.homeFileMB.toFixed(0)} MB`,
    `machine: ${m.cpu}, ${m.cores} cores, Node ${m.node}, ${m.platform}; ${m.startedAt} to ${m.takenAt}, load average ${m.loadAtStart.toFixed(1)} → ${m.loadAtEnd.toFixed(1)}`,
    `allocator: glibc malloc, ${m.mallocMmapThreshold === null ? 'its default policy (mmap threshold raised to the largest block freed)' : `MALLOC_MMAP_THRESHOLD_=${m.mallocMmapThreshold} (large blocks mapped and given back when freed; an experiment, see the README)`}`,
    '',
    row(COLUMNS.map(([h]) => h)),
    row(COLUMNS.map(([, w]) => '-'.repeat(w))),
    ...result.measurements.flatMap((r) => [
      row(COLUMNS.map(([, , cell]) => cell(r))),
      ...(r.note ? [`  ${r.note}`] : []),
    ]),
    '',
    `times in ms; ratio = median through the services / median of the same work as plain better-sqlite3 statements`,
    `peak RSS ${result.peakRssMB.toFixed(0)} MB in the bench's process` +
      (result.apartPeakRssMB === null
        ? ''
        : `, ${result.apartPeakRssMB.toFixed(0)} MB at most in a process of its own (*: the window's measurements, each with the preview's backend and playwright's client)`) +
      ` (target < ${result.rssTargetMB} MB) ${verdict(result.rssPass)}`,
  ];
  return lines.join('\n');
}

export function benchJson(result: BenchResult): string {
  return `${JSON.stringify(result, null, 2)}\n`;
}
