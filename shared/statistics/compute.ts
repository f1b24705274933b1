// The report computed from CaseFacts: for one office, and for the county (each office's figures and their total).
// Pure: the office's report, the bureau's report and the packages all count the same way.
import { ALL_KINDS, kindOf, type KindKey } from '../kinds';
import type { CaseFacts } from './caseFacts';
import type { Emit } from './facts';
import { INDICATORS, SECTION_KINDS, type Section, type SumIndicator, type Unit } from './indicators';
import { inRange, monthsToDate, type DayRange, type Period } from './period';

/** A figure for the period and for the year to date; null for a rate whose denominator is 0. */
export interface FigureRow {
  /** The indicator's key, or `indicator:value` for a breakdown's row. */
  key: string;
  indicatorKey: string;
  label: string;
  section: Section;
  unit: Unit;
  /** 0: an indicator; 1: a row of its breakdown (其中：刑事). */
  level: 0 | 1;
  /** Counts and people as integers, money in fen, rates in percent to one decimal. */
  period: number | null;
  yearToDate: number | null;
}

/** A month's registrations, by kind (its key: legalAid, mediation, notarization). */
export type TrendPoint = { month: string } & Record<KindKey, number>;

export interface PeriodInfo {
  key: string;
  label: string;
  from: string;
  to: string;
}

export interface Figures {
  rows: FigureRow[];
  /** Cases registered per month of the year to date, by kind. */
  trend: TrendPoint[];
}

export interface OfficeStatistics extends Figures {
  period: PeriodInfo;
  office: { code: string; name: string };
  asOf: string;
  caseCount: number;
}

export const periodInfo = (p: Period): PeriodInfo => ({
  key: p.key,
  label: p.label,
  from: p.range.from,
  to: p.range.to,
});

/** The breakdown values met in the data, per breakdown indicator, so several offices' rows line up. */
export type BreakdownValues = ReadonlyMap<string, readonly string[]>;

/** The sum indicators, each with what it counts, in catalogue order. */
const SUM_INDICATORS: readonly SumIndicator[] = INDICATORS.filter((i): i is SumIndicator => i.aggregate === 'sum');

/**
 * Hands each fact once to the indicators that look at it — its kind's section, and the sections over every kind
 * (dossier quality, 回访) — each with its own `emit`. One pass over the facts for all indicators, not one per
 * indicator: a report reads 10,000 facts scattered over the heap, and going over them once per indicator (about 60
 * times) spent most of the counting's time fetching the same objects again (README, Performance).
 */
function eachFactTo(facts: readonly CaseFacts[], counters: readonly { ind: SumIndicator; emit: Emit }[]): void {
  const byKind = new Map<CaseFacts['kind'], { ind: SumIndicator; emit: Emit }[]>();
  for (const f of facts) {
    let mine = byKind.get(f.kind);
    if (!mine) {
      const kind = f.kind;
      byKind.set(
        kind,
        (mine = counters.filter(({ ind }) => {
          const of = SECTION_KINDS[ind.section];
          return of === null || of === kind;
        })),
      );
    }
    for (const c of mine) c.ind.events(f, c.emit);
  }
}

/** The listed values of each breakdown, then the others met in the period's year to date (an old type stays out). */
export function breakdownValuesOf(facts: readonly CaseFacts[], period: Period): BreakdownValues {
  const seen = new Map<string, Set<string>>();
  const counters = SUM_INDICATORS.filter((ind) => ind.breakdown).map((ind) => {
    const values = new Set<string>();
    seen.set(ind.key, values);
    const emit: Emit = (on, _value, by) => {
      if (by !== undefined && inRange(on ?? null, period.yearToDate)) values.add(by);
    };
    return { ind, emit };
  });
  eachFactTo(facts, counters);
  const out = new Map<string, string[]>();
  for (const { ind } of counters) out.set(ind.key, listedThenMet(ind.breakdown!.values, seen.get(ind.key)!));
  return out;
}

/** A breakdown's rows: its listed values, then the others met, sorted as a Chinese reader expects. */
function listedThenMet(listed: readonly string[], met: Iterable<string>): string[] {
  const others = [...met].filter((v) => !listed.includes(v)).sort((a, b) => a.localeCompare(b, 'zh-Hans-CN'));
  return [...listed, ...others];
}

function rate(numerator: number | null, denominator: number | null): number | null {
  if (numerator === null || denominator === null || denominator === 0) return null;
  return Math.round((numerator / denominator) * 1000) / 10;
}

type Tally = { period: number; yearToDate: number };

/**
 * A sum indicator's totals and its `emit`, which adds each dated contribution to them. With its breakdown's `values`
 * given, those are its rows (a value not among them counts in the total only); without, the listed values and then
 * the others met in the year to date, sorted, as breakdownValuesOf finds them.
 */
function sumCounter(
  ind: SumIndicator,
  ranges: { period: DayRange; yearToDate: DayRange },
  values: readonly string[] | null,
) {
  const total: Tally = { period: 0, yearToDate: 0 };
  const listed = values ?? ind.breakdown?.values ?? [];
  const byValue = new Map<string, Tally>(listed.map((v) => [v, { period: 0, yearToDate: 0 }]));
  const emit: Emit = (on, value = 1, by) => {
    if (!on || on < ranges.yearToDate.from || on > ranges.yearToDate.to) return;
    const inPeriod = inRange(on, ranges.period);
    let slot = by !== undefined ? byValue.get(by) : undefined;
    if (!slot && by !== undefined && values === null && ind.breakdown)
      byValue.set(by, (slot = { period: 0, yearToDate: 0 }));
    total.yearToDate += value;
    if (inPeriod) total.period += value;
    if (slot) {
      slot.yearToDate += value;
      if (inPeriod) slot.period += value;
    }
  };
  const row = (key: string, label: string, level: 0 | 1, v: Tally): FigureRow => ({
    key,
    indicatorKey: ind.key,
    label,
    section: ind.section,
    unit: ind.unit,
    level,
    period: v.period,
    yearToDate: v.yearToDate,
  });
  const rowValues = (): readonly string[] => values ?? listedThenMet(listed, byValue.keys());
  return {
    ind,
    emit,
    rows: (): FigureRow[] => [
      row(ind.key, ind.label, 0, total),
      ...rowValues().map((v) => row(`${ind.key}:${v}`, v, 1, byValue.get(v)!)),
    ],
  };
}

/**
 * Counts facts handed over a batch at a time, so that a caller reading its cases in batches (the office's report,
 * 250 cases at a time) need not hold every case's facts until the end: the report's figures depend on each fact
 * alone. `values`: the breakdowns' rows (the county's, so several offices' rows line up); without, each breakdown's
 * listed values and the others met.
 */
export function figureCounter(period: Period, values?: BreakdownValues) {
  const ranges = { period: period.range, yearToDate: period.yearToDate };
  const counters = new Map(
    SUM_INDICATORS.map((ind) => [ind.key, sumCounter(ind, ranges, values ? (values.get(ind.key) ?? []) : null)]),
  );
  const all = [...counters.values()];
  const empty = () => Object.fromEntries(ALL_KINDS.map((k) => [k.key, 0])) as Record<KindKey, number>;
  const points = new Map(monthsToDate(period).map((month): [string, TrendPoint] => [month, { month, ...empty() }]));
  let count = 0;
  return {
    add(facts: readonly CaseFacts[]): void {
      eachFactTo(facts, all);
      for (const f of facts) {
        const point = points.get(f.receivedOn.slice(0, 7));
        if (point) point[kindOf(f.kind).key as KindKey] += 1;
      }
      count += facts.length;
    },
    /** How many cases' facts were counted. */
    get count(): number {
      return count;
    },
    rows: (): FigureRow[] => rowsOf(counters),
    figures: (): Figures => ({ rows: rowsOf(counters), trend: [...points.values()].map((p) => ({ ...p })) }),
  };
}

/** Every indicator's rows, in catalogue order: the sums as counted, the ratios recomputed from them. */
function rowsOf(counters: ReadonlyMap<string, { rows(): FigureRow[] }>): FigureRow[] {
  const rows: FigureRow[] = [];
  const byKey = new Map<string, FigureRow>();
  for (const ind of INDICATORS) {
    if (ind.aggregate === 'sum') {
      for (const r of counters.get(ind.key)!.rows()) {
        rows.push(r);
        byKey.set(r.key, r);
      }
    } else {
      const num = byKey.get(ind.numerator);
      const den = byKey.get(ind.denominator);
      const r: FigureRow = {
        key: ind.key,
        indicatorKey: ind.key,
        label: ind.label,
        section: ind.section,
        unit: ind.unit,
        level: 0,
        period: rate(num?.period ?? null, den?.period ?? null),
        yearToDate: rate(num?.yearToDate ?? null, den?.yearToDate ?? null),
      };
      rows.push(r);
      byKey.set(r.key, r);
    }
  }
  return rows;
}

/** Every indicator's rows for the facts, in catalogue order. */
export function computeRows(facts: readonly CaseFacts[], period: Period, values?: BreakdownValues): FigureRow[] {
  const counter = figureCounter(period, values);
  counter.add(facts);
  return counter.rows();
}

export function computeFigures(facts: readonly CaseFacts[], period: Period, values?: BreakdownValues): Figures {
  const counter = figureCounter(period, values);
  counter.add(facts);
  return counter.figures();
}

// The county.

export interface OfficeInput {
  code: string;
  name: string;
  facts: readonly CaseFacts[];
  /** The latest month this office has exported (yyyy-mm), or null when it never has. */
  lastExportedMonth: string | null;
}

interface CountyOffice {
  code: string;
  name: string;
  lastExportedMonth: string | null;
  late: boolean;
  rows: FigureRow[];
}

export interface CountyStatistics {
  period: PeriodInfo;
  county: { name: string };
  asOf: string;
  offices: CountyOffice[];
  /** 合计: the counts summed over the offices, the rates recomputed from those sums. */
  total: Figures;
  /** The offices late with their exports (see `lateRule`). */
  lateOffices: { code: string; name: string; lastExportedMonth: string | null }[];
  lateRule: string;
}

/** The day of the month by which the last finished month's package is due at the bureau. */
const EXPORT_DUE_DAY = 5;

/**
 * An office is late when, after the 5th of a month, the bureau holds no package of it covering the last finished
 * month (`expectedMonth`); before then, when it lacks the month before that.
 */
export function isLate(lastExportedMonth: string | null, today: string): boolean {
  return lastExportedMonth === null || lastExportedMonth < expectedExportMonth(today);
}

export function expectedExportMonth(today: string): string {
  const [y, m, d] = today.split('-').map(Number) as [number, number, number];
  const back = d > EXPORT_DUE_DAY ? 1 : 2;
  const month0 = y * 12 + (m - 1) - back;
  return `${Math.floor(month0 / 12)}-${String((month0 % 12) + 1).padStart(2, '0')}`;
}

const LATE_RULE = `每月${EXPORT_DUE_DAY}日前报送上月数据；${EXPORT_DUE_DAY}日后仍未收到上月数据包的司法所列为逾期未报送`;

export function computeCounty(
  offices: readonly OfficeInput[],
  period: Period,
  { countyName, today }: { countyName: string; today: string },
): CountyStatistics {
  const all = offices.flatMap((o) => o.facts);
  const values = breakdownValuesOf(all, period);
  const countyOffices = offices.map((o) => ({
    code: o.code,
    name: o.name,
    lastExportedMonth: o.lastExportedMonth,
    late: isLate(o.lastExportedMonth, today),
    rows: computeRows(o.facts, period, values),
  }));
  return {
    period: periodInfo(period),
    county: { name: countyName },
    asOf: today,
    offices: countyOffices,
    total: computeFigures(all, period, values),
    lateOffices: countyOffices
      .filter((o) => o.late)
      .map(({ code, name, lastExportedMonth }) => ({ code, name, lastExportedMonth })),
    lateRule: LATE_RULE,
  };
}
