// A mediation case's time limits, from its facts: the one-month term from registration (or the later date both
// parties agreed to, where the county's rules allow extending), and the 30 days to apply for judicial confirmation of a written agreement. Pure: the service
// and the dashboard pass today's date and the holiday table.
import {
  computeDeadline,
  DEADLINE_RULES,
  dueStatus,
  metBefore,
  resolveDeadlineRules,
  type DeadlineUnit,
  type DueStatus,
} from '../../deadlines';
import type { DeadlineCalendar, DeadlineInputs } from '../kind';
import { EXTENSION_SOURCE } from './countyRules';
import { UNDER_WAY, type MediationAction, type MediationFacts } from './lifecycle';

/**
 * The one-month limit from registration (《人民调解工作若干规定》第33条: "一般在一个月内调结"), or the later date both
 * parties agreed to where the county's rules allow it (countyRules.ts); computed by shared/deadlines.ts.
 */
export function mediationTermDue(
  facts: Pick<MediationFacts, 'receivedOn' | 'extension'>,
  { table, rules }: DeadlineCalendar = {},
): string {
  return (
    facts.extension?.extendedTo ??
    computeDeadline('mediationTerm', {
      start: facts.receivedOn,
      ...(rules ? { rules } : {}),
      ...(table ? { table } : {}),
    }).due
  );
}

type MediationLimitKey = 'mediationTerm' | 'mediationJudicialConfirmation';

export interface MediationDeadline {
  key: MediationLimitKey;
  label: string;
  /** The event whose date starts the clock, in Chinese, and that date. */
  startsFrom: string;
  startedOn: string;
  length: number;
  unit: DeadlineUnit;
  due: string;
  /** When the limit was met (the mediation ended; the application was made), or null while open. */
  doneOn: string | null;
  status: DueStatus;
  /** The later date both parties agreed to, when the term was extended. */
  extendedTo: string | null;
  /**
   * True for judicial confirmation: the parties may apply, they need not. Such a limit is listed while it can still
   * be met and once met; one that ran out unused is not a failure of the office's and is not listed.
   */
  optional: boolean;
  /** True when the due date depends on a year the holiday table does not cover yet. */
  provisional: boolean;
  source: string;
}

/**
 * The entries the limits below read, through `factsOf`: the extension, the outcome (success with its agreement,
 * failure, termination) and the application for judicial confirmation. Investigations and sessions, most of a
 * mediation's timeline, change no limit; neither does the registration (the case's row has the receipt date) nor the
 * detail row.
 */
export const MEDIATION_DEADLINE_INPUTS: DeadlineInputs<MediationAction> = {
  actions: ['extend', 'succeed', 'fail', 'terminate', 'applyConfirmation'],
  detail: false,
};

/** Each limit of the case on `today`; with `metFrom`, not those met before it. */
export function deadlinesOf(
  facts: MediationFacts,
  today: string,
  { table, rules }: DeadlineCalendar = {},
  metFrom?: string,
): MediationDeadline[] {
  const resolved = rules ? resolveDeadlineRules(rules) : DEADLINE_RULES;
  const out: MediationDeadline[] = [];
  const doneOn = facts.outcome?.on ?? null;
  if ((doneOn !== null || UNDER_WAY.includes(facts.status)) && !metBefore(doneOn, metFrom)) {
    const d = computeDeadline('mediationTerm', {
      start: facts.receivedOn,
      ...(rules ? { rules } : {}),
      ...(table ? { table } : {}),
    });
    const due = facts.extension?.extendedTo ?? d.due;
    out.push({
      key: 'mediationTerm',
      label: facts.extension ? `${d.label}（经双方当事人同意延长）` : d.label,
      startsFrom: resolved.mediationTerm.startsFrom,
      startedOn: facts.receivedOn,
      length: d.length,
      unit: d.unit,
      due,
      doneOn,
      status: dueStatus(due, today, doneOn),
      extendedTo: facts.extension?.extendedTo ?? null,
      optional: false,
      provisional: facts.extension ? false : d.provisional,
      // An extended term cites the county's rule beside the article (which gives no extension).
      source: facts.extension ? `${d.source}；延长：${EXTENSION_SOURCE}` : d.source,
    });
  }
  const { agreement, confirmation } = facts;
  if (agreement && agreement.form === '书面' && !metBefore(confirmation?.appliedOn ?? null, metFrom)) {
    const d = computeDeadline('mediationJudicialConfirmation', {
      start: agreement.effectiveOn,
      ...(rules ? { rules } : {}),
      ...(table ? { table } : {}),
    });
    const applied = confirmation?.appliedOn ?? null;
    if (applied !== null || (facts.status === 'concluded' && today <= d.due)) {
      out.push({
        key: 'mediationJudicialConfirmation',
        label: d.label,
        startsFrom: resolved.mediationJudicialConfirmation.startsFrom,
        startedOn: agreement.effectiveOn,
        length: d.length,
        unit: d.unit,
        due: d.due,
        doneOn: applied,
        status: dueStatus(d.due, today, applied),
        extendedTo: null,
        optional: true,
        provisional: d.provisional,
        source: d.source,
      });
    }
  }
  return out;
}
