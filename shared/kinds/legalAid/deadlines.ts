// A legal-aid case's statutory time limits, from its facts: the decision (its clock paused while the applicant
// supplies materials), the materials' own due date, the assignment, the closing materials, their review, and an
// objection's review. Pure: the service and the dashboard pass today's date and the holiday table.
import { daysBetween, type Pause } from '../../calendar';
import {
  computeDeadline,
  DEADLINE_RULES,
  dueStatus,
  metBefore,
  resolveDeadlineRules,
  type DeadlineRuleKey,
  type DeadlineUnit,
  type DueStatus,
} from '../../deadlines';
import type { DeadlineCalendar, DeadlineInputs } from '../kind';
import type { LegalAidAction, LegalAidFacts, LegalAidStatus } from './lifecycle';

type LegalAidLimitKey = Extract<DeadlineRuleKey, `legalAid${string}`> | 'legalAidMaterialsSupply';

export interface LegalAidDeadline {
  key: LegalAidLimitKey;
  label: string;
  /** The event whose date starts the clock, in Chinese, and that date. */
  startsFrom: string;
  startedOn: string;
  length: number;
  unit: DeadlineUnit;
  due: string;
  /** When the limit was met (the action that meets it), or null while open. */
  doneOn: string | null;
  status: DueStatus;
  /** The clock is stopped now: the applicant is supplying materials. */
  paused: boolean;
  pauses: Pause[];
  /** True when the due date depends on a year the holiday table does not cover yet. */
  provisional: boolean;
  source: string;
}

/**
 * The entries the limits below read, through `factsOf`: the registration (a notified defence's receipt), the materials
 * asked for and their end, the decisions, the grant, the assignment, the matter's end, the closing, the subsidy and
 * the objections. A follow-up, a termination and the archiving change no limit (the status says a limit stopped
 * running); the detail row is not read.
 */
export const LEGAL_AID_DEADLINE_INPUTS: DeadlineInputs<LegalAidAction> = {
  actions: [
    'register',
    'notifyMissing',
    'supplyMaterials',
    'deemWithdrawn',
    'decide',
    'provideProvisionally',
    'assign',
    'recordProgress',
    'close',
    'object',
    'reviewObjection',
    'recordSubsidy',
  ],
  detail: false,
};

/**
 * Each limit that applies to the case on `today`. A limit still open is listed only while the action that meets it
 * can still be taken (a case terminated before assignment has no assignment limit left to miss); a met limit is
 * always listed, with whether it was met in time — unless it was met before `metFrom`, when given.
 */
export function deadlinesOf(
  facts: LegalAidFacts,
  today: string,
  { table, rules }: DeadlineCalendar = {},
  metFrom?: string,
): LegalAidDeadline[] {
  const out: LegalAidDeadline[] = [];
  const resolved = rules ? resolveDeadlineRules(rules) : DEADLINE_RULES;
  const add = (
    key: Exclude<LegalAidLimitKey, 'legalAidMaterialsSupply'>,
    startedOn: string,
    doneOn: string | null,
    openWhile: readonly LegalAidStatus[],
    pauses: Pause[] = [],
    paused = false,
  ) => {
    if (doneOn === null && !openWhile.includes(facts.status)) return;
    if (metBefore(doneOn, metFrom)) return;
    const d = computeDeadline(key, {
      start: startedOn,
      pauses,
      ...(rules ? { rules } : {}),
      ...(table ? { table } : {}),
    });
    out.push({
      key,
      label: d.label,
      startsFrom: resolved[key].startsFrom,
      startedOn,
      length: d.length,
      unit: d.unit,
      due: d.due,
      doneOn,
      status: dueStatus(d.due, today, doneOn),
      paused,
      pauses,
      provisional: d.provisional,
      source: d.source,
    });
  };

  const { materials } = facts;
  if (materials) {
    const pauseEnd = materials.endedOn ?? today;
    const pause = { from: materials.notifiedOn, to: pauseEnd < materials.notifiedOn ? materials.notifiedOn : pauseEnd };
    add(
      'legalAidDecision',
      facts.receivedOn,
      facts.firstDecisionOn,
      ['received', 'awaiting_materials'],
      [pause],
      materials.endedOn === null,
    );
    const supplyListed = materials.suppliedOn !== null || facts.status === 'awaiting_materials';
    if (supplyListed && !metBefore(materials.suppliedOn, metFrom)) {
      out.push({
        key: 'legalAidMaterialsSupply',
        label: '补充材料',
        startsFrom: '一次性告知之日',
        startedOn: materials.notifiedOn,
        length: daysBetween(materials.notifiedOn, materials.dueOn),
        unit: 'calendarDays',
        due: materials.dueOn,
        doneOn: materials.suppliedOn,
        status: dueStatus(materials.dueOn, today, materials.suppliedOn),
        paused: false,
        pauses: [],
        provisional: false,
        source: '一次性告知书确定的补充期限（法律援助法第43条）',
      });
    }
  } else {
    add('legalAidDecision', facts.receivedOn, facts.firstDecisionOn, ['received']);
  }
  // 通知辩护 (第36条): 3 days from the notice to the assignment; there is no review, so no decision limit.
  if (facts.noticeReceivedOn !== null)
    add('legalAidNotifiedAssignment', facts.noticeReceivedOn, facts.assignment?.on ?? null, ['notified']);
  if (facts.grantedOn)
    add('legalAidAssignment', facts.grantedOn, facts.assignment?.on ?? null, ['granted', 'provisional']);
  if (facts.matterEndedOn)
    add('legalAidClosingMaterials', facts.matterEndedOn, facts.closing?.materialsSubmittedOn ?? null, ['assigned']);
  if (facts.closing)
    add('legalAidClosingReview', facts.closing.materialsSubmittedOn, facts.subsidy?.on ?? null, ['closed']);
  for (const o of facts.objections) add('legalAidObjectionReview', o.on, o.review?.on ?? null, ['objection_pending']);
  return out;
}
