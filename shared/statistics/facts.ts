// What every kind's statistics facts share, and how a kind's indicators are written. A case's facts are one plain
// object holding everything the periodic report needs of it, and nothing else: the office derives them from its own
// database (electron/services/statistics/), the bureau derives the same shape from the rows offices export, so one
// computation (shared/statistics/compute.ts) serves the office and the county. Each kind adds its own fields and
// indicators (shared/kinds/<kind>/statistics.ts); the union of them is shared/statistics/caseFacts.ts.
// Every date is a local calendar date, yyyy-mm-dd; money is integer fen. A field is null when the event has not
// happened (yet); "in the period" always means the event's own date falls in the period.
import { z } from 'zod';
import type { DeadlineRuleKey } from '../deadlines';

/**
 * A statutory time limit of the case: when it fell due and when it was met. It counts as overdue in a period when
 * its due date falls in the period and it was not met by then: met later, or still open on the day the facts were
 * taken (`asOf`) with the due date already past.
 */
export interface CaseLimit {
  /** The shared/deadlines.ts rule: legalAidDecision, mediationTerm, notarizationIssue ... */
  key: DeadlineRuleKey;
  due: string;
  doneOn: string | null;
}

export interface CaseFactsBase {
  /** 县级行政区划代码 + 司法所编号 (shared/office.ts officeCode): how the bureau tells offices apart. */
  officeCode: string;
  caseNumber: string;
  /** The case's status key (shared/cases/statuses.ts), when the facts were taken. */
  status: string;
  /** 受理/申请日期: the day the case was registered (the date the clerk entered, not the moment of saving). */
  receivedOn: string;
  /** The day the case was finished: legal aid 结案, mediation's outcome, notarization 送达; null while open. */
  closedOn: string | null;
  /** The day the facts were taken: open limits are judged against it. */
  asOf: string;
  limits: CaseLimit[];
  /** Days a missing-material notice (一次性告知 / 补正通知) was issued on this case. */
  missingNoticeDates: string[];
  /**
   * Whether the dossier was complete when the case was closed; null when unknown (no dossier checklist kept, or
   * not closed). Filled by the dossier module where it exists.
   */
  dossierCompleteAtClosing: boolean | null;
  /** 回访 (shared/followUp/): each follow-up's day and 满意度 (null on a row recorded before the shared form). */
  followUps: { on: string; satisfaction: '满意' | '基本满意' | '不满意' | null }[];
  /**
   * 承办人 as the kind records it (legal aid: the assigned person and 律所; mediation: the 调解员); '' when none is
   * recorded. The bureau's quality evaluation counts its results per handler.
   */
  handler: string;
}

// The same shape as zod, so facts that come from outside (a package the bureau imports) are checked before they
// are counted.
export const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为yyyy-mm-dd');
export const fenAmount = z.number().int().min(0);
export const label = z.string().max(200);

/** The fields every kind's facts have; `limitKeys`: the limits the kind's facts carry. */
export function caseFactsBaseShape(limitKeys: readonly [DeadlineRuleKey, ...DeadlineRuleKey[]]) {
  return {
    officeCode: z.string().min(1).max(20),
    caseNumber: z.string().max(100),
    status: z.string().max(40),
    receivedOn: day,
    closedOn: day.nullable(),
    asOf: day,
    limits: z.array(z.strictObject({ key: z.enum(limitKeys), due: day, doneOn: day.nullable() })),
    missingNoticeDates: z.array(day),
    dossierCompleteAtClosing: z.boolean().nullable(),
    followUps: z.array(z.strictObject({ on: day, satisfaction: z.enum(['满意', '基本满意', '不满意']).nullable() })),
    // Absent from facts made before the handler was carried: none recorded.
    handler: label.default(''),
  };
}

// Indicators.

export type Unit = '件' | '件次' | '人' | '人次' | '元' | '%';

/**
 * Hands over one dated contribution of a case: `value` (1 unless said) on day `on` (nothing when null), in
 * breakdown value `by` when the indicator has one. A callback rather than a returned list: 20,000 cases times every
 * indicator would otherwise allocate a list each.
 */
export type Emit = (on: string | null | undefined, value?: number, by?: string) => void;

interface IndicatorBase {
  key: string;
  label: string;
  /** A kind's key (legalAid, mediation, notarization), or dossier. */
  section: string;
  unit: Unit;
  /** What the figure counts, in a sentence: printed under the page's tables and in the README. */
  note?: string;
}

/** Counted as dated events a case contributes, summed over the days of a period. */
export interface SumIndicator<F = CaseFactsBase> extends IndicatorBase {
  aggregate: 'sum';
  events(facts: F, emit: Emit): unknown;
  /** A breakdown: its rows, in this order first; values met in the data but not listed follow, sorted. */
  breakdown?: { values: readonly string[] };
}

/** The ratio of two other indicators, recomputed from the sums, never averaged. */
interface RatioIndicator extends IndicatorBase {
  aggregate: 'ratio';
  numerator: string;
  denominator: string;
}

/** An indicator of a kind's section: its events read that kind's facts only. */
export type KindIndicator<F> = SumIndicator<F> | RatioIndicator;

/** A limit met late, or still open on the day the facts were taken with its due date past: counted on the due date. */
function limitOverdue(limit: CaseLimit, asOf: string): boolean {
  return limit.doneOn !== null ? limit.doneOn > limit.due : asOf > limit.due;
}

/** The events of "overdue" indicators: each limit of the rule that fell overdue, on its due date. */
export const overdue =
  (key: DeadlineRuleKey) =>
  (f: CaseFactsBase, emit: Emit): void => {
    for (const l of f.limits) if (l.key === key && limitOverdue(l, f.asOf)) emit(l.due);
  };
