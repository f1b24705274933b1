// Channels of 人民调解 cases: registration (the full 受理登记表, or the quick 口头调解登记), one writing channel per
// lifecycle action (generated from the kind's action table, shared/kinds/mediation/actions.ts), reading a case and
// its time limits, and the office's data: the list of 纠纷类型 and the county's 以奖代补 rates.
import { z } from 'zod';
import { actionChannels, channel, empty, id, prefixed, read, write } from '../channel';
import { MEDIATION_ACTION_TABLE } from '../kinds/mediation/actions';
import type { MediationDeadline } from '../kinds/mediation/deadlines';
import { DISPUTE_TYPE_LABELS, disputeTypeListSchema, type DisputeType } from '../kinds/mediation/disputeTypes';
import type { MediationActionOption, MediationFacts, MediationStatus } from '../kinds/mediation/lifecycle';
import type { MediationSource } from '../kinds/mediation/options';
import {
  MEDIATION_LABELS,
  mediationRegistrationSchema,
  QUICK_ORAL_LABELS,
  quickOralChannelSchema,
} from '../kinds/mediation/intake';
import { MEDIATION_RULE_LABELS, mediationRulesSchema, type MediationRulesInfo } from '../kinds/mediation/countyRules';
import { SUBSIDY_RATE_LABELS, subsidyRatesSchema, type SubsidyRates } from '../kinds/mediation/subsidy';
import { APPROVERS } from '../roles';
import { strictObject } from '../validation';

/**
 * A party as stored. A full registration has every field of its kind; a 口头调解登记 only the few it asks for
 * (the rest '' — a person's sex and birth date are read from the 公民身份号码 when one was given).
 */
export type MediationPartyRecord =
  | {
      kind: 'person';
      name: string;
      sex: '' | '男' | '女';
      birthDate: string;
      ethnicity: string;
      idNumber: string;
      address: string;
      phone: string;
      occupation: string;
    }
  | {
      kind: 'organisation';
      name: string;
      creditCode: string;
      legalRepresentative: string;
      address: string;
      phone: string;
    };

/** The 受理登记表 as registered (numbers in canonical form). */
export interface MediationRegistrationRecord {
  source: MediationSource;
  sourceDetail: string;
  committee: string;
  parties: MediationPartyRecord[];
  disputeType: string;
  summary: string;
  requests: string;
  amountFen: number;
  peopleCount: number;
  major: boolean;
  mass: boolean;
  mediators: string[];
  receivedOn: string;
  receivedBy: string;
}

export interface MediationCase {
  id: number;
  caseNumber: string;
  title: string;
  status: MediationStatus;
  statusLabel: string;
  /** A 口头调解登记: registered and concluded at once; the full dossier is not required. */
  simple: boolean;
  createdAt: string;
  updatedAt: string;
  registration: MediationRegistrationRecord;
  /** What the timeline says: records, outcome, agreement, performance, follow-ups, confirmation, subsidy. */
  facts: MediationFacts;
  /** The actions that may be taken today, in the lifecycle's order. */
  available: MediationActionOption[];
}

export interface MediationCaseDeadlines {
  caseId: number;
  caseNumber: string;
  status: MediationStatus;
  statusLabel: string;
  deadlines: MediationDeadline[];
}

export const mediationChannels = {
  'mediation.create': channel<{ id: number; caseNumber: string }>()(
    strictObject({ draftId: id.nullable(), registration: mediationRegistrationSchema() }),
    write({ draftId: '草稿', ...prefixed('registration', MEDIATION_LABELS) }),
  ),
  /**
   * 口头调解登记: a simple dispute registered, mediated and concluded with an oral agreement in one step; `draftId`
   * (optional) is the draft it was typed in, removed in the same transaction.
   */
  'mediation.quickOral': channel<{ id: number; caseNumber: string }>()(
    quickOralChannelSchema(id),
    write({ draftId: '草稿', ...QUICK_ORAL_LABELS }),
  ),
  'mediation.get': channel<MediationCase>()(strictObject({ id }), read({ id: '案件' })),
  'mediation.deadlines': channel<MediationCaseDeadlines>()(strictObject({ id }), read({ id: '案件' })),

  ...actionChannels<MediationCase>()('mediation', MEDIATION_ACTION_TABLE),

  /** The office's 纠纷类型 in order; with the retired ones for the director's editing page. */
  'mediation.disputeTypes': channel<DisputeType[]>()(
    strictObject({ includeInactive: z.boolean({ error: '格式不正确' }) }),
    read(DISPUTE_TYPE_LABELS),
  ),
  'mediation.saveDisputeTypes': channel<DisputeType[]>()(disputeTypeListSchema, write(DISPUTE_TYPE_LABELS, APPROVERS)),
  /** The 以奖代补 rate in force today and every rate set. */
  'mediation.subsidyRates': channel<SubsidyRates>()(empty, read()),
  /** Sets the county's rates from a date (replacing any rates set for that same date). */
  'mediation.setSubsidyRates': channel<SubsidyRates>()(subsidyRatesSchema, write(SUBSIDY_RATE_LABELS, APPROVERS)),
  /** The county's mediation rules (whether the term may be extended past the month), or those that ship. */
  'mediation.rules': channel<MediationRulesInfo>()(empty, read()),
  'mediation.setRules': channel<MediationRulesInfo>()(mediationRulesSchema, write(MEDIATION_RULE_LABELS, APPROVERS)),
} as const;
