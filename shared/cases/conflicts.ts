// Conflict checks across every kind of case: the same person (same ID number, or same name and birth date) in
// another case, and above all a person on the other side here who is a legal-aid applicant (an aided person) there.
// The input and output types of `cases.conflicts` and `cases.acknowledgeConflicts`; the service is
// electron/services/conflicts.ts, which mediation and notarization call too.
import { z } from 'zod';
import { id } from '../channel';
import type { CaseKind } from '../options';
import { choice, isoDate, strictObject, text, type Labels } from '../validation';

/** The roles a party has in a case (the parties table). */
/** applicant/agent/opposing: legal aid and notarization; party: the parties of a mediation, on no fixed side. */
export const PARTY_ROLES = ['applicant', 'agent', 'opposing', 'party'] as const;
export type PartyRole = (typeof PARTY_ROLES)[number];
export const PARTY_ROLE_LABELS: Record<PartyRole, string> = {
  applicant: '申请人',
  agent: '代理人',
  opposing: '对方当事人',
  party: '调解当事人',
};

const MATCH_KINDS = ['idNumber', 'nameAndBirthDate'] as const;
export type MatchKind = (typeof MATCH_KINDS)[number];
export const MATCH_KIND_LABELS: Record<MatchKind, string> = {
  idNumber: '证件号码相同',
  nameAndBirthDate: '姓名和出生日期相同',
};

const conflictPartySchema = strictObject({
  name: text({ max: 100, required: true }),
  idNumber: text({ max: 30 }),
  birthDate: isoDate({ required: false }),
  role: choice(PARTY_ROLES),
});
export type ConflictParty = z.output<typeof conflictPartySchema>;

/** Either the parties of a form not yet saved, or (parties empty) the stored parties of `caseId`. */
export const conflictQuerySchema = strictObject({
  caseId: id.nullable(),
  parties: z.array(conflictPartySchema, { error: '格式不正确' }).max(50, '最多50个'),
}).superRefine((q, ctx) => {
  if (q.caseId === null && q.parties.length === 0)
    ctx.addIssue({ code: 'custom', path: ['parties'], message: '请至少填写一个当事人' });
});

export const acknowledgeConflictsSchema = strictObject({
  caseId: id,
  matches: z
    .array(
      strictObject({ otherCaseId: id, partyName: text({ max: 100, required: true }), matchedBy: choice(MATCH_KINDS) }),
      { error: '格式不正确' },
    )
    .min(1, '没有需要确认的冲突')
    .max(200, '最多200条'),
  note: text({ max: 500, multiLine: true }),
});

export const CONFLICT_LABELS: Labels = {
  caseId: '案件',
  parties: '当事人',
  'parties.*.name': '当事人姓名（名称）',
  'parties.*.idNumber': '证件号码',
  'parties.*.birthDate': '出生日期',
  'parties.*.role': '当事人身份',
  matches: '冲突记录',
  'matches.*.otherCaseId': '冲突案件',
  'matches.*.partyName': '当事人姓名（名称）',
  'matches.*.matchedBy': '匹配方式',
  note: '说明',
};

export type ConflictSeverity = 'high' | 'warning' | 'info';

export interface ConflictMatch {
  /** Which of the checked parties (index into the query's parties, or the case's stored parties). */
  partyIndex: number;
  partyName: string;
  partyRole: PartyRole;
  matchedBy: MatchKind;
  otherCase: { id: number; kind: CaseKind; caseNumber: string; status: string; title: string; receivedOn: string };
  otherName: string;
  otherRole: PartyRole;
  /** The person is a legal-aid applicant (an aided person) in the other case. */
  aidedElsewhere: boolean;
  /** The person is on the other side here from where they are there. */
  adverse: boolean;
  /** high: an opposing party here is aided there; warning: adverse otherwise; info: same side again. */
  severity: ConflictSeverity;
  /** Chinese, for the warning. */
  message: string;
}

export interface ConflictReport {
  /** How many parties were checked. */
  checked: number;
  matches: ConflictMatch[];
}

export interface ConflictAcknowledgement {
  id: number;
  caseId: number;
  matches: { otherCaseId: number; partyName: string; matchedBy: MatchKind }[];
  note: string;
  username: string;
  acknowledgedAt: string;
}
