// Where a notarization request stands, read from its timeline (the case_actions rows): who it was forwarded to,
// when it was accepted, the 容缺 item, the paused stretches, the certificate, the hand-over. Pure, so the detail
// page, the deadlines and the dashboard all read the same facts the same way.
import { transitionProblem, type CaseAction } from '../../lifecycle';
import type { NotarizationActionData } from './actions';
import { NOTARIZATION_ACTIONS, NOTARIZATION_LIFECYCLE, type NotarizationAction, type NotarizationStatus } from './lifecycle';
import type { SuspensionReason } from './options';

export interface NotarizationPause {
  /** The day the clock stopped (still counted). */
  from: string;
  /** The day it started again; null while the request is still suspended. */
  to: string | null;
  reason: SuspensionReason;
}

export interface NotarizationProgress {
  /** What the applicant was last told is missing, while it is still awaited; empty otherwise. */
  missingItems: string[];
  forwarded: { notaryOffice: string; on: string } | null;
  accepted: { on: string; noticeNumber: string } | null;
  /** 容缺受理: the item promised, by when, and when it came (null while outstanding). */
  deferred: { item: string; commitmentSigned: boolean; promisedOn: string; suppliedOn: string | null } | null;
  pauses: NotarizationPause[];
  certificate: { number: string; issuedOn: string } | null;
  delivery: { method: string; recipient: string; receiptSigned: boolean; on: string } | null;
  /** 不予办理 or 终止公证, with the reason. */
  ended: { action: 'refuse' | 'terminate'; reason: string; on: string } | null;
  archived: { on: string; archiveNumber: string } | null;
}

function dataOf<A extends NotarizationAction>(entry: CaseAction, _action: A): NotarizationActionData<A> {
  return entry.data as NotarizationActionData<A>;
}

export function notarizationProgress(timeline: readonly CaseAction[]): NotarizationProgress {
  const p: NotarizationProgress = {
    missingItems: [], forwarded: null, accepted: null, deferred: null, pauses: [], certificate: null, delivery: null,
    ended: null, archived: null,
  };
  for (const entry of timeline) {
    switch (entry.action as NotarizationAction | 'register') {
      case 'checkMaterials':
        p.missingItems = [...dataOf(entry, 'checkMaterials').missingItems];
        break;
      case 'supplyMaterials':
        p.missingItems = [];
        break;
      case 'forward':
        p.forwarded = { notaryOffice: dataOf(entry, 'forward').notaryOffice, on: entry.actedOn };
        break;
      case 'accept': {
        const d = dataOf(entry, 'accept');
        p.accepted = { on: entry.actedOn, noticeNumber: d.noticeNumber };
        if (d.deferred) p.deferred = { ...d.deferred, suppliedOn: null };
        break;
      }
      case 'suspend': {
        const d = dataOf(entry, 'suspend');
        p.pauses.push({ from: entry.actedOn, to: null, reason: d.reason });
        p.missingItems = [...d.missingItems];
        break;
      }
      case 'resume': {
        const open = p.pauses.at(-1);
        if (open && open.to === null) open.to = entry.actedOn;
        p.missingItems = [];
        break;
      }
      case 'supplyDeferred':
        if (p.deferred) p.deferred.suppliedOn = entry.actedOn;
        break;
      case 'issue':
        p.certificate = { number: dataOf(entry, 'issue').certificateNumber, issuedOn: entry.actedOn };
        break;
      case 'deliver':
        p.delivery = { ...dataOf(entry, 'deliver'), on: entry.actedOn };
        break;
      case 'refuse':
      case 'terminate':
        p.ended = { action: entry.action as 'refuse' | 'terminate', reason: dataOf(entry, 'refuse').reason, on: entry.actedOn };
        p.missingItems = [];
        break;
      case 'archive':
        p.archived = { on: entry.actedOn, archiveNumber: dataOf(entry, 'archive').archiveNumber };
        break;
      default:
        break;
    }
  }
  return p;
}

/** True while a 容缺 item has been promised and not yet supplied. */
export function deferredOutstanding(progress: NotarizationProgress): boolean {
  return progress.deferred !== null && progress.deferred.suppliedOn === null;
}

/**
 * Null when the action may be taken now; otherwise the Chinese reason it may not. The lifecycle decides by
 * status; on top of it, a 容缺 item can only be supplied while outstanding, and the certificate is not issued
 * before it has come.
 */
export function notarizationActionProblem(status: NotarizationStatus, action: NotarizationAction, progress: NotarizationProgress): string | null {
  const problem = transitionProblem(NOTARIZATION_LIFECYCLE, status, action);
  if (problem) return problem;
  if (action === 'supplyDeferred' && !deferredOutstanding(progress)) {
    return progress.deferred ? '容缺材料已经补交，不能重复登记' : '本件不是容缺受理，没有待补交的容缺材料';
  }
  if (action === 'issue' && deferredOutstanding(progress)) {
    return `容缺材料“${progress.deferred!.item}”尚未补交，不能出证`;
  }
  return null;
}

export interface AllowedAction {
  action: NotarizationAction;
  label: string;
}

/** The actions the clerk may take next, in the lifecycle's order. */
export function allowedNotarizationActions(status: NotarizationStatus, progress: NotarizationProgress): AllowedAction[] {
  return NOTARIZATION_ACTIONS.filter((a) => notarizationActionProblem(status, a, progress) === null).map((action) => ({
    action,
    label: NOTARIZATION_LIFECYCLE.actions[action].label,
  }));
}
