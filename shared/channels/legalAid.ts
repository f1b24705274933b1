// Channels of 法律援助 cases: registering an application and reading it back, one writing channel per lifecycle
// action (generated from the kind's action table, shared/kinds/legalAid/actions.ts), what may be done now,
// eligibility and its override, time limits, and the roster of people cases are assigned to.
import { z } from 'zod';
import { actionChannels, channel, id, prefixed, read, write } from '../channel';
import { LEGAL_AID_ACTION_TABLE } from '../kinds/legalAid/actions';
import type { LegalAidDeadline } from '../kinds/legalAid/deadlines';
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
import { LEGAL_AID_LABELS, legalAidApplicationSchema, type LegalAidApplication } from '../kinds/legalAid/intake';
import type { ActionOption } from '../kinds/kind';
import type { LegalAidAction, LegalAidFacts, LegalAidStatus } from '../kinds/legalAid/lifecycle';
import { ORG_TYPES } from '../kinds/legalAid/options';
import { ROSTER_LABELS, rosterEntrySchema, rosterUpdateSchema } from '../kinds/legalAid/roster';
import { APPROVERS } from '../roles';
import { choice, isoDate, strictObject, text } from '../validation';

export interface LegalAidCase {
  id: number;
  caseNumber: string;
  status: LegalAidStatus;
  createdAt: string;
  updatedAt: string;
  application: LegalAidApplication;
}

/** What every action answers: the case's status now and what may be done next. */
export interface LegalAidActionResult {
  caseId: number;
  status: LegalAidStatus;
  statusLabel: string;
  available: ActionOption<LegalAidAction>[];
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

export const legalAidChannels = {
  'legalAid.create': channel<{ id: number; caseNumber: string }>()(
    strictObject({
      draftId: id.nullable(),
      application: legalAidApplicationSchema(),
    }),
    write({ draftId: '草稿', ...prefixed('application', LEGAL_AID_LABELS) }),
  ),
  'legalAid.get': channel<LegalAidCase>()(strictObject({ id }), read({ id: '案件' })),
  ...actionChannels<LegalAidActionResult>()('legalAid', LEGAL_AID_ACTION_TABLE),

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
      mandatoryDefenceGrounds: z
        .array(choice(MANDATORY_DEFENCE_GROUNDS), { error: '格式不正确' })
        .max(MANDATORY_DEFENCE_GROUNDS.length, '选项过多')
        .nullable(),
      limitEndsOn: isoDate({ required: false }).nullable(),
      urgentPreservation: z.boolean({ error: '格式不正确' }).nullable(),
    }),
    read({
      caseId: '案件',
      matterType: '事项类型',
      mandatoryDefenceGrounds: '通知辩护情形',
      limitEndsOn: '时效或期限届满日',
      urgentPreservation: '需要立即保全或先予执行',
    }),
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

  'legalAid.rosterList': channel<RosterEntry[]>()(
    strictObject({ activeOnly: z.boolean({ error: '格式不正确' }) }),
    read(ROSTER_LABELS),
  ),
  'legalAid.rosterAdd': channel<RosterEntry>()(rosterEntrySchema, write(ROSTER_LABELS)),
  'legalAid.rosterUpdate': channel<RosterEntry>()(rosterUpdateSchema, write(ROSTER_LABELS)),
  'legalAid.rosterSuggest': channel<RosterSuggestion>()(
    strictObject({ caseId: id, orgType: choice(ORG_TYPES).nullable() }),
    read(ROSTER_LABELS),
  ),
} as const;
