// Channels of a legal-aid case after intake: one writing channel per lifecycle action (each with its own payload
// schema, shared/legalAid/actions.ts), what may be done now, eligibility and its override, time limits, the
// roster of people cases are assigned to, and conflict checks (any kind of case).
import { z } from 'zod';
import { channel, id, read, write } from '../channel';
import {
  ARCHIVE_LABELS,
  archiveSchema,
  ASSIGN_LABELS,
  assignSchema,
  CLOSE_LABELS,
  closeSchema,
  DECIDE_LABELS,
  decideSchema,
  DEEM_WITHDRAWN_LABELS,
  deemWithdrawnSchema,
  NOTIFY_MISSING_LABELS,
  notifyMissingSchema,
  OBJECT_LABELS,
  objectSchema,
  ORG_TYPES,
  PROVIDE_PROVISIONALLY_LABELS,
  provideProvisionallySchema,
  RECORD_PROGRESS_LABELS,
  RECORD_SUBSIDY_LABELS,
  recordProgressSchema,
  recordSubsidySchema,
  REVIEW_OBJECTION_LABELS,
  reviewObjectionSchema,
  ROSTER_LABELS,
  rosterEntrySchema,
  rosterUpdateSchema,
  SUPPLY_MATERIALS_LABELS,
  supplyMaterialsSchema,
  TERMINATE_LABELS,
  terminateSchema,
} from '../kinds/legalAid/actions';
import {
  ELIGIBILITY_CONCLUSIONS,
  ELIGIBILITY_PARTS,
  MANDATORY_DEFENCE_GROUNDS,
  MATTER_TYPES,
  type EligibilityOverride,
  type EligibilityPart,
  type EligibilityVerdict,
  type ExpertiseArea,
} from '../kinds/legalAid/eligibility';
import type { ActionOption, LegalAidDeadline, LegalAidFacts } from '../kinds/legalAid/lifecycle';
import type { LegalAidStatus } from '../kinds/legalAid/options';
import {
  acknowledgeConflictsSchema,
  CONFLICT_LABELS,
  conflictQuerySchema,
  type ConflictAcknowledgement,
  type ConflictReport,
} from '../cases/conflicts';
import { APPROVERS } from '../roles';
import { choice, isoDate, strictObject, text } from '../validation';

/** What every action answers: the case's status now and what may be done next. */
export interface LegalAidActionResult {
  caseId: number;
  status: LegalAidStatus;
  statusLabel: string;
  available: ActionOption[];
}

export interface LegalAidProgress extends LegalAidActionResult {
  facts: LegalAidFacts;
}

export interface EligibilityReport extends EligibilityVerdict {
  caseId: number;
  /** Every override, oldest first. */
  overrides: EligibilityOverride[];
  /** The latest override of each part: it prevails over the computed part. */
  overridden: Partial<Record<EligibilityPart, EligibilityOverride>>;
}

export interface RosterEntry {
  id: number;
  orgType: (typeof ORG_TYPES)[number];
  orgName: string;
  personName: string;
  phone: string;
  expertise: ExpertiseArea[];
  note: string;
  active: boolean;
  createdAt: string;
  updatedAt: string;
}

export interface RosterCandidate extends RosterEntry {
  matchesExpertise: boolean;
  lastAssignedOn: string | null;
  assignmentCount: number;
}

export interface RosterSuggestion {
  /** The area the case calls for (from its 事项类型), or null when unknown. */
  expertise: ExpertiseArea | null;
  /** Next in rotation: the least recently assigned of those with matching expertise (of all, when none match). */
  next: RosterCandidate | null;
  /** Active entries, matching expertise first, each group in rotation order. */
  candidates: RosterCandidate[];
}

const act = <S extends z.ZodType>(schema: S, labels: Parameters<typeof write>[0]) => channel<LegalAidActionResult>()(schema, write(labels));

export const legalAidLifecycleChannels = {
  'legalAid.notifyMissing': act(notifyMissingSchema, NOTIFY_MISSING_LABELS),
  'legalAid.supplyMaterials': act(supplyMaterialsSchema, SUPPLY_MATERIALS_LABELS),
  'legalAid.deemWithdrawn': act(deemWithdrawnSchema, DEEM_WITHDRAWN_LABELS),
  'legalAid.decide': act(decideSchema, DECIDE_LABELS),
  'legalAid.provideProvisionally': act(provideProvisionallySchema, PROVIDE_PROVISIONALLY_LABELS),
  'legalAid.assign': act(assignSchema, ASSIGN_LABELS),
  'legalAid.recordProgress': act(recordProgressSchema, RECORD_PROGRESS_LABELS),
  'legalAid.terminate': act(terminateSchema, TERMINATE_LABELS),
  'legalAid.close': act(closeSchema, CLOSE_LABELS),
  'legalAid.object': act(objectSchema, OBJECT_LABELS),
  'legalAid.reviewObjection': act(reviewObjectionSchema, REVIEW_OBJECTION_LABELS),
  'legalAid.recordSubsidy': act(recordSubsidySchema, RECORD_SUBSIDY_LABELS),
  'legalAid.archive': act(archiveSchema, ARCHIVE_LABELS),

  /** The status, what the timeline says, and the actions that may be taken now. */
  'legalAid.actions': channel<LegalAidProgress>()(strictObject({ caseId: id }), read({ caseId: '案件' })),
  /**
   * The verdict for a case. Null / empty fields take what the case records (the decision's 事项类型, the provisional
   * aid's dates) or, failing that, what can be inferred; given values let the clerk try a 事项类型 before deciding.
   */
  'legalAid.eligibility': channel<EligibilityReport>()(
    strictObject({
      caseId: id,
      matterType: choice(MATTER_TYPES).nullable(),
      mandatoryDefenceGrounds: z.array(choice(MANDATORY_DEFENCE_GROUNDS), { error: '格式不正确' }).max(MANDATORY_DEFENCE_GROUNDS.length, '选项过多').nullable(),
      limitEndsOn: isoDate({ required: false }).nullable(),
      urgentPreservation: z.boolean({ error: '格式不正确' }).nullable(),
    }),
    read({ caseId: '案件', matterType: '事项类型', mandatoryDefenceGrounds: '通知辩护情形', limitEndsOn: '时效或期限届满日', urgentPreservation: '需要立即保全或先予执行' }),
  ),
  'legalAid.overrideEligibility': channel<EligibilityOverride>()(
    strictObject({
      caseId: id,
      part: choice(ELIGIBILITY_PARTS),
      conclusion: choice(ELIGIBILITY_CONCLUSIONS),
      reason: text({ max: 2000, required: true, multiLine: true }),
    }),
    write({ caseId: '案件', part: '认定事项', conclusion: '认定结论', reason: '书面理由' }, APPROVERS),
  ),
  'legalAid.deadlines': channel<LegalAidDeadline[]>()(strictObject({ caseId: id }), read({ caseId: '案件' })),

  'legalAid.rosterList': channel<RosterEntry[]>()(strictObject({ activeOnly: z.boolean({ error: '格式不正确' }) }), read(ROSTER_LABELS)),
  'legalAid.rosterAdd': channel<RosterEntry>()(rosterEntrySchema, write(ROSTER_LABELS)),
  'legalAid.rosterUpdate': channel<RosterEntry>()(rosterUpdateSchema, write(ROSTER_LABELS)),
  'legalAid.rosterSuggest': channel<RosterSuggestion>()(
    strictObject({ caseId: id, orgType: choice(ORG_TYPES).nullable() }),
    read(ROSTER_LABELS),
  ),

  'cases.conflicts': channel<ConflictReport>()(conflictQuerySchema, read(CONFLICT_LABELS)),
  'cases.acknowledgeConflicts': channel<ConflictAcknowledgement>()(acknowledgeConflictsSchema, write(CONFLICT_LABELS)),
  'cases.conflictAcknowledgements': channel<ConflictAcknowledgement[]>()(strictObject({ caseId: id }), read({ caseId: '案件' })),
} as const;
