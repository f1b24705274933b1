// CaseFacts: one plain object per case holding everything the periodic report needs, and nothing else. The office
// derives them from its own database (electron/services/statistics.ts); the bureau derives the same shape from
// the rows offices export, so one computation (shared/statistics/compute.ts) serves the office and the county.
// Every date is a local calendar date, yyyy-mm-dd; money is integer fen. A field is null when the event has not
// happened (yet); "in the period" always means the event's own date falls in the period.
import { z } from 'zod';

/**
 * A statutory time limit of the case: when it fell due and when it was met. It counts as overdue in a period when
 * its due date falls in the period and it was not met by then: met later, or still open on the day the facts were
 * taken (`CaseFacts.asOf`) with the due date already past.
 */
export interface CaseLimit {
  /** The shared/deadlines.ts rule: legalAidDecision, legalAidAssignment, mediationTerm, notarizationIssue. */
  key: 'legalAidDecision' | 'legalAidAssignment' | 'mediationTerm' | 'notarizationIssue';
  due: string;
  doneOn: string | null;
}

export interface CaseFactsBase {
  /** 县级行政区划代码 + 司法所编号 (shared/office.ts officeCode): how the bureau tells offices apart. */
  officeCode: string;
  caseNumber: string;
  /** The case's status key (shared/caseStatuses.ts), when the facts were taken. */
  status: string;
  /** 受理/申请日期: the day the case was registered (the date the clerk entered, not the moment of saving). */
  receivedOn: string;
  /** The day the case was finished: legal aid 结案, mediation's outcome, notarization 送达; null while open. */
  closedOn: string | null;
  /** The day the facts were taken: open limits are judged against it. */
  asOf: string;
  limits: CaseLimit[];
  /** Days a missing-material notice (一次性告知 / 补正通知) was issued on this case. */
  missingNoticeDates: string[];
  /**
   * Whether the dossier was complete when the case was closed; null when unknown (no dossier checklist kept, or
   * not closed). Filled by the dossier module where it exists.
   */
  dossierCompleteAtClosing: boolean | null;
}

export interface LegalAidCaseFacts extends CaseFactsBase {
  kind: 'legal_aid';
  /** 案件类别 (shared/legalAid/options.ts LEGAL_AID_CATEGORIES). */
  category: string;
  /** 援助形式 */
  serviceForm: string;
  /** 申请人类别 ticked on the application. */
  applicantGroups: string[];
  /** The first decision to grant aid (审查决定 or a bureau's order to correct a refusal); not 先行提供. */
  grantedOn: string | null;
  /** The first decision to refuse aid. */
  refusedOn: string | null;
  /** 先行提供 (法律援助法 第44条). */
  provisionalOn: string | null;
  assignedOn: string | null;
  terminatedOn: string | null;
  /** 办案补贴 as paid (the amount may be 0 for the centre's own staff). */
  subsidy: { paidOn: string; amountFen: number } | null;
}

export interface MediationCaseFacts extends CaseFactsBase {
  kind: 'mediation';
  /** 纠纷类型 as registered. */
  disputeType: string;
  /** 涉及金额 and 涉及人数 from the 受理登记表. */
  amountFen: number;
  peopleCount: number;
  /** The mediation's end: 调解成功 / 调解不成功 / 终止调解, with its date. */
  outcome: { on: string; result: '调解成功' | '调解不成功' | '终止调解' } | null;
  /** The agreement's form (书面 / 口头) and amount, when the mediation succeeded. */
  agreement: { form: string; amountFen: number } | null;
  /** 申请司法确认 and, when recorded, the court's confirmation of the agreement (确认调解协议有效). */
  confirmationAppliedOn: string | null;
  confirmedOn: string | null;
  /** 防止民转刑: counted on the day of the agreement. */
  crimePrevention: boolean;
  /** 以奖代补: the day it was recorded, the case form it was paid for, and the amount. */
  subsidy: { on: string; form: string; amountFen: number } | null;
}

export interface NotarizationCaseFacts extends CaseFactsBase {
  kind: 'notarization';
  /** 公证事项 as the catalogue had it at intake. */
  matterName: string;
  matterCategory: string;
  forwardedOn: string | null;
  acceptedOn: string | null;
  issuedOn: string | null;
  deliveredOn: string | null;
  /** 容缺受理: the item's due date and the day it came (null while outstanding or never supplied). */
  deferred: { dueOn: string; suppliedOn: string | null } | null;
}

export type CaseFacts = LegalAidCaseFacts | MediationCaseFacts | NotarizationCaseFacts;

// The same shape as a zod schema, so facts that come from outside (a package the bureau imports) are checked
// before they are counted.
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为yyyy-mm-dd');
const fen = z.number().int().min(0);
const base = {
  officeCode: z.string().min(1).max(20),
  caseNumber: z.string().max(100),
  status: z.string().max(40),
  receivedOn: day,
  closedOn: day.nullable(),
  asOf: day,
  limits: z.array(
    z.strictObject({
      key: z.enum(['legalAidDecision', 'legalAidAssignment', 'mediationTerm', 'notarizationIssue']),
      due: day,
      doneOn: day.nullable(),
    }),
  ),
  missingNoticeDates: z.array(day),
  dossierCompleteAtClosing: z.boolean().nullable(),
};
const label = z.string().max(200);

export const caseFactsSchema: z.ZodType<CaseFacts> = z.discriminatedUnion('kind', [
  z.strictObject({
    ...base,
    kind: z.literal('legal_aid'),
    category: label,
    serviceForm: label,
    applicantGroups: z.array(label),
    grantedOn: day.nullable(),
    refusedOn: day.nullable(),
    provisionalOn: day.nullable(),
    assignedOn: day.nullable(),
    terminatedOn: day.nullable(),
    subsidy: z.strictObject({ paidOn: day, amountFen: fen }).nullable(),
  }),
  z.strictObject({
    ...base,
    kind: z.literal('mediation'),
    disputeType: label,
    amountFen: fen,
    peopleCount: z.number().int().min(0),
    outcome: z.strictObject({ on: day, result: z.enum(['调解成功', '调解不成功', '终止调解']) }).nullable(),
    agreement: z.strictObject({ form: label, amountFen: fen }).nullable(),
    confirmationAppliedOn: day.nullable(),
    confirmedOn: day.nullable(),
    crimePrevention: z.boolean(),
    subsidy: z.strictObject({ on: day, form: label, amountFen: fen }).nullable(),
  }),
  z.strictObject({
    ...base,
    kind: z.literal('notarization'),
    matterName: label,
    matterCategory: label,
    forwardedOn: day.nullable(),
    acceptedOn: day.nullable(),
    issuedOn: day.nullable(),
    deliveredOn: day.nullable(),
    deferred: z.strictObject({ dueOn: day, suppliedOn: day.nullable() }).nullable(),
  }),
]);
