// The limits a notarization request runs under, from its progress: the certificate within 15 working days of
// acceptance, the time the clock was stopped not counted (公证法 第30条), and the date a 容缺 item was promised
// for. `requestDeadlines` is the request's own view of them (its page, its channel); `deadlinesOf` lists them as
// every kind does. Pure: the service and the dashboard pass today's date and, when the bureau has added years, the
// table.
import type { Pause } from '../../calendar';
import { computeDeadline, dueStatus, metBefore, type Deadline, type DueStatus } from '../../deadlines';
import type { HolidayTable } from '../../holidays';
import type { CaseDeadline, DeadlineCalendar, DeadlineInputs } from '../kind';
import type { NotarizationAction, NotarizationFacts, NotarizationProgress } from './lifecycle';

interface NotarizationIssueDeadline extends Deadline {
  /** The acceptance date the 15 working days run from. */
  startsOn: string;
  /** The stretches not counted; a stretch still running is counted up to today. */
  pauses: Pause[];
  /** True while the clock is stopped: the due date moves on each day until it restarts. */
  paused: boolean;
  /** The issue date, once issued. */
  doneOn: string | null;
  /** Null when the limit no longer runs: refused or terminated before a certificate was issued. */
  dueStatus: DueStatus | null;
}

interface NotarizationDeferredDeadline extends Deadline {
  item: string;
  /** The date the item was supplied, once supplied. */
  doneOn: string | null;
  /** done (on or before the promised date) / doneLate; null when the request ended without it. */
  dueStatus: DueStatus | null;
}

export interface NotarizationDeadlines {
  /** Null until the notary office has accepted the request. */
  issue: NotarizationIssueDeadline | null;
  /** Null unless accepted with a missing item (容缺受理). */
  deferredMaterials: NotarizationDeferredDeadline | null;
}

export function requestDeadlines(
  progress: NotarizationProgress,
  today: string,
  table?: HolidayTable,
): NotarizationDeadlines {
  const opts = table ? { table } : {};
  let issue: NotarizationIssueDeadline | null = null;
  if (progress.accepted) {
    // A stretch still open ends today, or on the day the request ended while it was open.
    const openUntil = progress.ended?.on ?? today;
    const pauses: Pause[] = progress.pauses.map((p) => ({
      from: p.from,
      to: p.to ?? (openUntil > p.from ? openUntil : p.from),
    }));
    const deadline = computeDeadline('notarizationIssue', { start: progress.accepted.on, pauses, ...opts });
    const doneOn = progress.certificate?.issuedOn ?? null;
    issue = {
      ...deadline,
      startsOn: progress.accepted.on,
      pauses,
      paused: progress.pauses.some((p) => p.to === null) && !progress.ended,
      doneOn,
      dueStatus: doneOn || !progress.ended ? dueStatus(deadline.due, today, doneOn) : null,
    };
  }
  let deferredMaterials: NotarizationDeferredDeadline | null = null;
  if (progress.deferred) {
    const { item, promisedOn, suppliedOn } = progress.deferred;
    const deadline = computeDeadline('notarizationDeferredMaterials', { start: promisedOn, ...opts });
    deferredMaterials = {
      ...deadline,
      item,
      doneOn: suppliedOn,
      dueStatus: suppliedOn || !progress.ended ? dueStatus(deadline.due, today, suppliedOn) : null,
    };
  }
  return { issue, deferredMaterials };
}

/**
 * The entries the limits read, through `progressOf`: the acceptance (and its 容缺 item), the stops and restarts of the
 * clock, the deferred item's supply, the certificate and the request's end. The materials' checks, the forwarding,
 * the delivery and the archiving change no limit; the detail row is not read.
 */
export const NOTARIZATION_DEADLINE_INPUTS: DeadlineInputs<NotarizationAction> = {
  actions: ['accept', 'suspend', 'resume', 'supplyDeferred', 'issue', 'refuse', 'terminate'],
  detail: false,
};

/**
 * The request's limits as every kind lists them; one that no longer runs has no status. With `metFrom`, none when
 * every limit the request has was met before it: the certificate issued, and the deferred item (if any) supplied.
 */
export function deadlinesOf(
  { progress }: NotarizationFacts,
  today: string,
  { table }: DeadlineCalendar = {},
  metFrom?: string,
): CaseDeadline[] {
  const allMet =
    metBefore(progress.certificate?.issuedOn ?? null, metFrom) &&
    (progress.deferred === null || metBefore(progress.deferred.suppliedOn, metFrom));
  if (allMet) return [];
  const { issue, deferredMaterials } = requestDeadlines(progress, today, table);
  const out: CaseDeadline[] = [];
  if (issue) {
    const { rule: key, label, due, doneOn, dueStatus: status, provisional, paused } = issue;
    out.push({ key, label, due, doneOn, status, provisional, paused });
  }
  if (deferredMaterials) {
    const { rule: key, label, due, doneOn, dueStatus: status, provisional } = deferredMaterials;
    out.push({ key, label, due, doneOn, status, provisional, paused: false });
  }
  return out;
}
