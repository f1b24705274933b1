// What every kind of case provides, under the same names: the interface each kind's module (shared/kinds/<kind>/)
// fills in, and the registry (shared/kinds/index.ts) serves to code that crosses kinds — the dashboard, the timeline,
// the dossier, the statistics, the exchange, the demo — so that such code looks a kind up and never branches on it.
// Types only: the kinds' own modules depend on this file, never on the registry.
import type { z } from 'zod';
import type { DeadlineRuleOverrides, DueStatus } from '../deadlines';
import type { DossierFacts } from '../dossier/facts';
import type { KindFollowUp } from '../followUp/form';
import type { HolidayTable } from '../holidays';
import type { CaseAction, Lifecycle } from '../lifecycle';
import type { CaseKind } from '../options';
import type { CaseFactsBase, CaseLimit, KindIndicator } from '../statistics/facts';
import type { Labels } from '../validation';

/** An action's payload: its zod schema and the Chinese labels of its fields, as its channel takes them. */
export interface ActionSpec {
  schema: z.ZodType;
  labels: Labels;
  /** Labels of what the service records besides the payload (the timeline shows them). */
  recorded?: Labels;
}

/** Every action of a kind, in the lifecycle's order: one channel each (`<key>.<action>`). */
export type ActionTable<A extends string = string> = { readonly [K in A]: ActionSpec };

/** The case as every kind's facts start from: its row of `cases`, and the row of the kind's own table when read. */
export interface CaseHead<D = unknown> {
  receivedOn: string;
  status: string;
  detail?: D | undefined;
}

/** What every kind's facts say, whatever else they hold. */
export interface KindFacts {
  status: string;
}

/** An action's date, and today: a rule may judge by either (a timely step recorded late is still timely). */
export interface ActionMoment {
  actedOn: string;
  today: string;
}

export interface ActionOption<A extends string = string> {
  action: A;
  label: string;
}

/** A statutory time limit of a case, in the terms every kind shares (the dashboard lists them). */
export interface CaseDeadline {
  key: string;
  label: string;
  due: string;
  doneOn: string | null;
  /** Null when the limit no longer runs (the case ended before it was met). */
  status: DueStatus | null;
  /** The due date runs through a year without a holiday schedule. */
  provisional: boolean;
  /** The clock is stopped now (materials awaited); absent when the kind's limits never stop. */
  paused?: boolean;
}

/** The holiday schedule and the bureau's overrides the limits are counted with (the shipped ones when absent). */
export interface DeadlineCalendar {
  table?: HolidayTable;
  rules?: DeadlineRuleOverrides;
}

/**
 * What a kind's limits are computed from besides the case's row: the timeline's actions whose entries `deadlinesOf`
 * depends on (through `factsOf`), and whether it reads the kind's detail row. The dashboard reads only these of each
 * case it checks; `factsOf` over those entries alone gives the same limits as over the whole timeline.
 */
export interface DeadlineInputs<A extends string = string> {
  actions: readonly (A | 'register')[];
  detail: boolean;
}

/** The kind's own table: one row per case (`case_id`), and the columns that cross-kind code reads of it. */
interface KindDetail<C extends string = string> {
  table: string;
  columns: readonly C[];
}

/** What the dossier rules know of a kind (shared/dossier): its stages, the facts a condition may name, its checks. */
export interface KindDossier<F, D> {
  /** The stages a case can reach, in the order of a normal case, each with the words "due from" it. */
  milestones: Readonly<Record<string, string>>;
  /** The facts a rule's condition may name, with their Chinese labels. */
  facts: Readonly<Record<string, string>>;
  factsOf(facts: F, detail: D | undefined, parties: { agentApplied: boolean }): DossierFacts;
  /** The actions refused while the dossier lacks a required item (unless a director overrides the check). */
  gatedActions: readonly ('close' | 'archive')[];
  /** The statuses in which the case's handling has ended, and the actions that end it: the cover's 结案日期. */
  closedStatuses: readonly string[];
  closingActions: readonly string[];
  /** The action that tells the applicant what to supply by a date (its `dueOn`): the 补正 notice's default date. */
  noticeAction?: string;
  /** The terms printed on the 补正材料通知书. */
  noticeTerms: string;
  /** A rule may expand into one item per material the case's matter requires (notarization). */
  expandsMatterMaterials?: boolean;
}

/** What the periodic report counts of a kind (shared/statistics). */
export interface KindStatistics<F, D, SF extends CaseFactsBase & { kind: CaseKind }> {
  factsOf(input: {
    base: Omit<CaseFactsBase, 'closedOn' | 'limits' | 'missingNoticeDates' | 'dossierCompleteAtClosing' | 'handler'>;
    facts: F;
    detail: D | undefined;
    timeline: readonly CaseAction[];
    limits: readonly CaseLimit[];
    /** Whether the dossier was complete when the gated action finished the case; null when unknown. */
    completeAt(action: 'close' | 'archive', finished: boolean): boolean | null;
  }): SF;
  /** The statutory limits the report counts as overdue. */
  limitKeys: readonly CaseLimit['key'][];
  schema: z.ZodType<SF>;
  indicators: readonly KindIndicator<SF>[];
}

/**
 * One kind of case. S: its statuses; A: its actions; F: what its timeline says (its facts); D: the columns of its own
 * table that its facts need; SF: its statistics facts.
 */
export interface CaseKindModule<
  S extends string = string,
  A extends string = string,
  F extends KindFacts = KindFacts,
  D = unknown,
  SF extends CaseFactsBase & { kind: CaseKind } = CaseFactsBase & { kind: CaseKind },
> {
  kind: CaseKind;
  /** The kind in the channels' names (legalAid.create), the statistics' sections and the code's folders. */
  key: string;
  // Display names.
  label: string;
  /** The character in its case numbers: 〔2026〕某所援字第0001号. */
  numberWord: string;
  statusLabels: Readonly<Record<S, string>>;
  /** Statuses after which nothing more happens but archiving: the case's limits are met or moot. */
  finishedStatuses: readonly S[];
  /** The role of the person the office aids in such a case (legal aid's applicant), if any: a conflict to flag. */
  aidedRole?: 'applicant';
  // Intake.
  /** The Chinese labels of the intake form's fields. */
  intakeLabels: Labels;
  detail: KindDetail;
  // Actions and lifecycle.
  actions: ActionTable<A>;
  lifecycle: Lifecycle<S, A>;
  /** Value labels the timeline shows for recorded fields (a 事项类型's Chinese name). */
  valueLabels?: Readonly<Record<string, Readonly<Record<string, string>>>>;
  factsOf(head: CaseHead<D>, timeline: readonly CaseAction[]): F;
  /** Null when the action may be taken; otherwise the Chinese reason it may not. */
  actionProblem(facts: F, action: A, moment: ActionMoment): string | null;
  availableActions(facts: F, today: string): ActionOption<A>[];
  // Deadlines.
  /** With `metFrom`, a limit met before that day may be left out (its due date is then not counted). */
  deadlinesOf(facts: F, today: string, calendar?: DeadlineCalendar, metFrom?: string): CaseDeadline[];
  deadlineInputs: DeadlineInputs<A>;
  dossier: KindDossier<F, D>;
  statistics: KindStatistics<F, D, SF>;
  /** 回访: the kind's follow-up questions and stages (shared/followUp/); absent when its cases are not followed up. */
  followUp?: KindFollowUp;
}
