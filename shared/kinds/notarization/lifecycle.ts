// A notarization request's lifecycle at the liaison point (公证服务联系点), as data for the shared engine
// (shared/lifecycle.ts). The liaison point takes the request and checks the materials against the matter's list
// (一次性告知 of everything missing); forwards the file to the notary office; the office accepts it (容缺受理
// when a non-essential item is promised for a date), may stop the clock to have materials supplied or facts
// verified (公证法 第30条), issues the certificate; the liaison point hands it over against a signed receipt.
// Plus where a request stands, read from its timeline (`factsOf`: who it was forwarded to, when it was accepted,
// the 容缺 item, the paused stretches, the certificate, the hand-over), the rules that are not a matter of status
// alone, and which actions are possible now. Pure, so the detail page, the deadlines and the dashboard all read the
// same facts the same way.
import { transitionProblem, type CaseAction, type Lifecycle } from '../../lifecycle';
import type { ActionOption, CaseHead } from '../kind';
import type { NotarizationActionData } from './actions';
import type { SuspensionReason } from './options';

const NOTARIZATION_STATUSES = [
  'received',
  'awaiting_materials',
  'ready',
  'forwarded',
  'accepted',
  'suspended',
  'issued',
  'delivered',
  'refused',
  'terminated',
  'archived',
] as const;
export type NotarizationStatus = (typeof NOTARIZATION_STATUSES)[number];

export const NOTARIZATION_STATUS_LABELS: Record<NotarizationStatus, string> = {
  received: '待核对材料',
  awaiting_materials: '待补正材料',
  ready: '材料齐全待转递',
  forwarded: '已转递待受理',
  accepted: '已受理办理中',
  suspended: '期限中止',
  issued: '已出证待领取',
  delivered: '已送达',
  refused: '不予办理',
  terminated: '已终止',
  archived: '已归档',
};

export const NOTARIZATION_ACTIONS = [
  'checkMaterials',
  'supplyMaterials',
  'forward',
  'accept',
  'suspend',
  'resume',
  'supplyDeferred',
  'issue',
  'deliver',
  'refuse',
  'terminate',
  'archive',
] as const;
export type NotarizationAction = (typeof NOTARIZATION_ACTIONS)[number];

/** Statuses in which the request is still being handled (refusal, termination and archiving end it). */
export const OPEN_NOTARIZATION_STATUSES: readonly NotarizationStatus[] = [
  'received',
  'awaiting_materials',
  'ready',
  'forwarded',
  'accepted',
  'suspended',
  'issued',
];

export const NOTARIZATION_LIFECYCLE: Lifecycle<NotarizationStatus, NotarizationAction> = {
  statusLabels: NOTARIZATION_STATUS_LABELS,
  actions: {
    checkMaterials: {
      label: '材料核对／一次性告知',
      from: ['received'],
      // Anything missing is told at once and the request waits for it; nothing missing: ready to forward.
      to: (data) =>
        Array.isArray(data['missingItems']) && data['missingItems'].length > 0 ? 'awaiting_materials' : 'ready',
    },
    supplyMaterials: { label: '补齐材料', from: ['awaiting_materials'], to: 'ready' },
    forward: { label: '转递公证处', from: ['ready'], to: 'forwarded' },
    accept: { label: '受理', from: ['forwarded'], to: 'accepted' },
    suspend: { label: '期限中止（补充材料／核实）', from: ['accepted'], to: 'suspended' },
    resume: { label: '恢复计算期限', from: ['suspended'], to: 'accepted' },
    // Only while a 容缺 item is outstanding (checked by the service: the lifecycle sees statuses only).
    supplyDeferred: { label: '容缺材料补交', from: ['accepted'], to: 'accepted' },
    issue: { label: '出证', from: ['accepted'], to: 'issued' },
    deliver: { label: '送达／领取', from: ['issued'], to: 'delivered' },
    refuse: { label: '不予办理', from: ['forwarded', 'accepted', 'suspended'], to: 'refused' },
    terminate: {
      label: '终止公证',
      from: ['received', 'awaiting_materials', 'ready', 'forwarded', 'accepted', 'suspended'],
      to: 'terminated',
    },
    archive: { label: '归档', from: ['delivered', 'refused', 'terminated'], to: 'archived' },
  },
};

interface NotarizationPause {
  /** The day the clock stopped (still counted). */
  from: string;
  /** The day it started again; null while the request is still suspended. */
  to: string | null;
  reason: SuspensionReason;
  /**
   * When and how the applicant was told the clock stopped (公证程序规则 第35条: 及时告知当事人); null on a stop
   * recorded before the app asked for it.
   */
  told: { on: string; how: string } | null;
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

/** Where the request stands by its timeline (oldest first). */
export function progressOf(timeline: readonly CaseAction[]): NotarizationProgress {
  const p: NotarizationProgress = {
    missingItems: [],
    forwarded: null,
    accepted: null,
    deferred: null,
    pauses: [],
    certificate: null,
    delivery: null,
    ended: null,
    archived: null,
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
        // toldOn/toldHow are absent from rows written before 第35条's record was required.
        const told = d.toldOn ? { on: d.toldOn, how: d.toldHow } : null;
        p.pauses.push({ from: entry.actedOn, to: null, reason: d.reason, told });
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
        p.ended = {
          action: entry.action as 'refuse' | 'terminate',
          reason: dataOf(entry, 'refuse').reason,
          on: entry.actedOn,
        };
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
function deferredOutstanding(progress: NotarizationProgress): boolean {
  return progress.deferred !== null && progress.deferred.suppliedOn === null;
}

/** What a request's timeline says: its status, and where it stands. */
export interface NotarizationFacts {
  status: NotarizationStatus;
  progress: NotarizationProgress;
}

/** Folds a request's timeline (oldest first) into its facts. */
export function factsOf({ status }: CaseHead, timeline: readonly CaseAction[]): NotarizationFacts {
  return { status: status as NotarizationStatus, progress: progressOf(timeline) };
}

/**
 * Null when the action may be taken now; otherwise the Chinese reason it may not. The lifecycle decides by
 * status; on top of it, a 容缺 item can only be supplied while outstanding, and the certificate is not issued
 * before it has come. No rule looks at the day.
 */
export function actionProblem({ status, progress }: NotarizationFacts, action: NotarizationAction): string | null {
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

export type AllowedAction = ActionOption<NotarizationAction>;

/** The actions the clerk may take next, in the lifecycle's order. */
export function availableActions(facts: NotarizationFacts): AllowedAction[] {
  return NOTARIZATION_ACTIONS.filter((a) => actionProblem(facts, a) === null).map((action) => ({
    action,
    label: NOTARIZATION_LIFECYCLE.actions[action].label,
  }));
}
