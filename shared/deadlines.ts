// Every statutory time limit the office tracks, as data, and the one function that turns a start date into a due
// date. Lengths and units default to the statute; some provinces still publish the 2012 procedure rules' working-day
// limits, so the county bureau's configuration may override any rule (`rules`). Counting is shared/calendar.ts.
import { AppError } from './errors';
import { HOLIDAY_TABLE, type HolidayTable } from './holidays';
import {
  addCalendarDays,
  addMonths,
  addWorkingDays,
  daysBetween,
  isRealDay,
  type DueDate,
  type Pause,
} from './calendar';
import { toHalfWidthDigits } from './text';
import { MEDIATION_TERM_SOURCE } from './kinds/mediation/countyRules';

/**
 * calendarDays: 日 (民法典 第201–203条); workingDays: 工作日; months: 月 (第202条);
 * promisedDate: a date someone committed to (容缺受理), taken as given — a date is not a period, so no shift.
 */
const DEADLINE_UNITS = ['calendarDays', 'workingDays', 'months', 'promisedDate'] as const;
export type DeadlineUnit = (typeof DEADLINE_UNITS)[number];

export interface DeadlineRule {
  /** Chinese, as the ledger shows it. */
  label: string;
  /** Chinese: the event whose date starts the clock. */
  startsFrom: string;
  length: number;
  unit: DeadlineUnit;
  /** Whether the time the applicant takes to supply materials is left out (the clock pauses). */
  pausable: boolean;
  source: string;
}

export const DEADLINE_RULES = {
  legalAidDecision: {
    label: '法律援助审查决定',
    startsFrom: '收到申请之日',
    length: 7,
    unit: 'calendarDays',
    pausable: true,
    source: '法律援助法 第43条；补充材料时间不计入：《办理法律援助案件程序规定》',
  },
  legalAidAssignment: {
    label: '指派承办人员',
    startsFrom: '作出给予法律援助决定之日',
    length: 3,
    unit: 'calendarDays',
    pausable: false,
    source: '法律援助法 第43条',
  },
  legalAidNotifiedAssignment: {
    label: '通知辩护指派',
    startsFrom: '收到通知之日',
    length: 3,
    unit: 'calendarDays',
    pausable: false,
    source: '法律援助法 第36条（收到通知后三日内指派；不经申请审查）',
  },
  legalAidClosingMaterials: {
    label: '提交结案材料',
    startsFrom: '法律援助事项办结之日',
    length: 30,
    unit: 'calendarDays',
    pausable: false,
    // 法律援助法 第50条 says only 及时; the 30 days are the procedure rules' (a county listing states both limits).
    source: '法律援助法 第50条（及时）；30日：《办理法律援助案件程序规定》及地方实践',
  },
  legalAidClosingReview: {
    label: '审查结案材料',
    startsFrom: '收到结案材料之日',
    length: 30,
    unit: 'calendarDays',
    pausable: false,
    // 法律援助法 第50条 says only 及时; the 30 days are the procedure rules' (a county listing states both limits).
    source: '法律援助法 第50条（及时）；30日：《办理法律援助案件程序规定》及地方实践',
  },
  legalAidObjectionReview: {
    label: '异议审查',
    startsFrom: '收到异议之日',
    length: 5,
    unit: 'calendarDays',
    pausable: false,
    source: '法律援助法 第49条（自收到异议之日起五日内审查）',
  },
  mediationTerm: {
    label: '调解期限',
    startsFrom: '受理之日',
    length: 1,
    unit: 'months',
    pausable: false,
    // The article says only "一般在一个月内调结"; extending past the month is the county's rule (countyRules.ts).
    source: MEDIATION_TERM_SOURCE,
  },
  mediationJudicialConfirmation: {
    label: '申请司法确认',
    startsFrom: '调解协议生效之日',
    length: 30,
    unit: 'calendarDays',
    pausable: false,
    source: '人民调解法 第33条',
  },
  notarizationIssue: {
    label: '出具公证书',
    startsFrom: '受理之日',
    length: 15,
    unit: 'workingDays',
    pausable: true,
    source: '公证法 第30条',
  },
  notarizationDeferredMaterials: {
    label: '容缺材料补交',
    startsFrom: '承诺补交之日',
    length: 0,
    unit: 'promisedDate',
    pausable: false,
    source: '容缺受理承诺书（实践）',
  },
} as const satisfies Record<string, DeadlineRule>;

export type DeadlineRuleKey = keyof typeof DEADLINE_RULES;
export type DeadlineRules = Readonly<Record<DeadlineRuleKey, DeadlineRule>>;
/** The bureau's configuration: any field of any rule. */
export type DeadlineRuleOverrides = { readonly [K in DeadlineRuleKey]?: Partial<DeadlineRule> };

export interface Deadline extends DueDate {
  rule: DeadlineRuleKey;
  label: string;
  length: number;
  unit: DeadlineUnit;
  source: string;
}

export interface DeadlineInput {
  /** The date the clock starts (for a promisedDate rule: the promised date). yyyymmdd, 2026/3/5 and 2026年3月5日 are accepted. */
  start: string;
  pauses?: readonly Pause[];
  table?: HolidayTable;
  rules?: DeadlineRuleOverrides;
}

/** The shipped rules with the bureau's overrides applied, checked. */
export function resolveDeadlineRules(overrides: DeadlineRuleOverrides = {}): DeadlineRules {
  const resolved = {} as Record<DeadlineRuleKey, DeadlineRule>;
  for (const key of Object.keys(DEADLINE_RULES) as DeadlineRuleKey[]) {
    const rule: DeadlineRule = { ...DEADLINE_RULES[key], ...overrides[key] };
    const field = `rules.${key}`;
    if (!(DEADLINE_UNITS as readonly string[]).includes(rule.unit)) {
      throw new AppError('VALIDATION', `${rule.label}：计算单位不正确`, `${field}.unit`);
    }
    const max = rule.unit === 'months' ? 120 : 3660;
    if (rule.unit !== 'promisedDate' && (!Number.isInteger(rule.length) || rule.length < 1 || rule.length > max)) {
      throw new AppError('VALIDATION', `${rule.label}：期限应为1到${max}的整数`, `${field}.length`);
    }
    resolved[key] = rule;
  }
  for (const key of Object.keys(overrides)) {
    if (!(key in DEADLINE_RULES)) throw new AppError('VALIDATION', `没有名为“${key}”的期限`, `rules.${key}`);
  }
  return resolved;
}

/** The due date of one rule's limit from `start`. */
export function computeDeadline(ruleKey: DeadlineRuleKey, input: DeadlineInput): Deadline {
  const rules = input.rules ? resolveDeadlineRules(input.rules) : (DEADLINE_RULES as DeadlineRules);
  const rule = rules[ruleKey];
  if (!rule) throw new AppError('VALIDATION', `没有名为“${String(ruleKey)}”的期限`, 'rule');
  const start = normaliseDay(input.start);
  if (start === null) {
    throw new AppError('VALIDATION', `${rule.startsFrom}“${String(input.start)}”不是真实的日期`, 'start');
  }
  const pauses = input.pauses ?? [];
  if (pauses.length > 0 && !rule.pausable) {
    throw new AppError('VALIDATION', `${rule.label}的期限不因补充材料而中止`, 'pauses');
  }
  const table = input.table ?? HOLIDAY_TABLE;
  const due = dueFor(rule, start, table, pauses);
  // Written out rather than spread from `due`: the spread was a measurable part of the dashboard's time.
  return {
    due: due.due,
    provisional: due.provisional,
    missingYears: due.missingYears,
    rule: ruleKey,
    label: rule.label,
    length: rule.length,
    unit: rule.unit,
    source: rule.source,
  };
}

function dueFor(rule: DeadlineRule, start: string, table: HolidayTable, pauses: readonly Pause[]): DueDate {
  switch (rule.unit) {
    case 'calendarDays':
      return addCalendarDays(start, rule.length, table, pauses);
    case 'workingDays':
      return addWorkingDays(start, rule.length, table, pauses);
    case 'months':
      return addMonths(start, rule.length, table, pauses);
    case 'promisedDate':
      return { due: start, provisional: false, missingYears: [] };
  }
}

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** A date as typed by a clerk → yyyy-mm-dd, or null when it is not a real date. */
export function normaliseDay(input: string): string | null {
  if (typeof input !== 'string') return null;
  // Stored dates are ISO already: the common case needs none of the clerk-typed forms below.
  if (ISO_DAY.test(input)) return isRealDay(input) ? input : null;
  const s = toHalfWidthDigits(input.trim());
  const m = /^(\d{4})(\d{2})(\d{2})$/.exec(s) ?? /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(s);
  if (!m) return null;
  const iso = `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`;
  return isRealDay(iso) ? iso : null;
}

export type DueStatus = 'done' | 'doneLate' | 'overdue' | 'dueSoon' | 'open';

/** A limit is due soon from this many calendar days before its last day, the last day included. */
export const DUE_SOON_DAYS = 3;

/**
 * Whether a limit was met before `metFrom`: a list that shows no limit met before that day (the dashboard: done late
 * within its window only) may leave such a limit out without counting its due date.
 */
export function metBefore(doneOn: string | null, metFrom: string | undefined): boolean {
  return doneOn !== null && metFrom !== undefined && doneOn < metFrom;
}

/**
 * Where a limit stands on `today`: done (on or before the due date) or done late when `doneOn` is set; otherwise
 * overdue after the due date, due soon within DUE_SOON_DAYS of it, or open. A limit ends at 24:00 of its last day
 * (第203条), so on the due date itself it is due soon, not overdue.
 */
export function dueStatus(due: string, today: string, doneOn?: string | null): DueStatus {
  for (const [field, value] of [
    ['due', due],
    ['today', today],
  ] as const) {
    if (!isRealDay(value)) throw new AppError('VALIDATION', `“${String(value)}”不是真实的日期`, field);
  }
  if (doneOn) {
    if (!isRealDay(doneOn)) throw new AppError('VALIDATION', `“${doneOn}”不是真实的日期`, 'doneOn');
    return doneOn <= due ? 'done' : 'doneLate';
  }
  const left = daysBetween(today, due);
  if (left < 0) return 'overdue';
  return left <= DUE_SOON_DAYS ? 'dueSoon' : 'open';
}
