// The Kysely Database interface: one typed mirror of the schema the migrations build.
// Dates are ISO-8601 text (yyyy-mm-dd for calendar dates, full timestamps for *_at); money is integer fen.
import type { Generated, Insertable, Selectable } from 'kysely';

export interface OfficeTable {
  id: number; // always 1: one office per data file
  name: string;
  division_code: string;
  office_number: string;
  bureau_name: string;
  case_number_prefix: string;
  created_at: string;
  updated_at: string;
}

export interface CaseNumberCounterTable {
  kind: string;
  year: number;
  last_seq: number;
}

export interface CaseTable {
  id: Generated<number>;
  kind: 'legal_aid' | 'mediation' | 'notarization';
  case_number: string;
  case_year: number;
  case_seq: number;
  status: string;
  title: string;
  received_on: string;
  received_by: string;
  created_at: string;
  updated_at: string;
}

export interface PartyTable {
  id: Generated<number>;
  case_id: number;
  /** `party`: a party to a mediated dispute (0009), neither applicant nor opposing. */
  role: 'applicant' | 'agent' | 'opposing' | 'party';
  position: number;
  name: string;
  sex: string;
  ethnicity: string;
  birth_date: string;
  id_type: string;
  id_number: string;
  household_address: string;
  residence: string;
  phone: string;
  employer: string;
  relation: string;
  lacks_capacity: number;
}

export interface LegalAidCaseTable {
  case_id: number;
  category: string;
  service_form: string;
  matter: string;
  proceeding_stage: string;
  handling_authority: string;
  facts: string;
  applicant_groups: string; // JSON array of 申请人类别
  household_size: number | null;
  monthly_income_per_capita_fen: number | null;
  finance_basis: string;
  finance_exempt_reason: string;
}

export interface DraftTable {
  id: Generated<number>;
  kind: string;
  title: string;
  data: string; // JSON
  created_at: string;
  updated_at: string;
}

/** One row per case: the text the search indexes are built from (kept in step by the services). */
export interface CaseSearchTextTable {
  case_id: number;
  body: string;
}

export interface AuditPendingTable {
  id: Generated<number>;
  table_name: string;
  row_key: string;
  op: string;
  before: string | null;
  after: string | null;
}

export interface AuditLogTable {
  seq: number;
  at: string;
  user_id: number | null;
  username: string;
  channel: string;
  table_name: string;
  row_key: string;
  op: string;
  before: string | null; // JSON of the row before the change
  after: string | null; // JSON of the row after it
  prev_hash: string;
  hash: string;
}

export interface UserTable {
  id: Generated<number>;
  username: string;
  display_name: string;
  role: string;
  password_hash: string;
  failed_attempts: Generated<number>;
  locked_until: string | null;
  must_change_password: Generated<number>;
  active: Generated<number>;
  created_at: string;
  updated_at: string;
}

export interface InterferenceRecordTable {
  id: Generated<number>;
  case_id: number;
  category: string;
  person_name: string;
  person_unit: string;
  person_position: string;
  occurred_on: string;
  method: string;
  content: string;
  handling: string;
  recorded_by: number;
  recorded_at: string;
}

export interface InterferenceStatementTable {
  id: Generated<number>;
  user_id: number;
  period: string; // yyyy-mm
  record_count: number;
  nil: number;
  note: string;
  submitted_at: string;
}

export interface CaseActionTable {
  id: Generated<number>;
  case_id: number;
  action: string;
  acted_on: string;
  data: string; // JSON of the action's payload
  from_status: string | null;
  to_status: string;
  user_id: number | null;
  username: string;
  recorded_at: string;
}

/** 公证事项目录: seeded by migration 0010, replaced by the county bureau's configuration. */
export interface NotarizationMatterTable {
  code: string;
  position: number;
  name: string;
  category: string;
  required_materials: string; // JSON array of 证明材料
  one_visit: number; // 最多跑一次
  in_person_only: number;
  active: number;
  updated_at: string;
}

/** One row per 公证申请; the matter as the catalogue had it at intake. Its progress is in case_actions. */
export interface NotarizationRequestTable {
  case_id: number;
  matter_code: string;
  matter_name: string;
  matter_category: string;
  required_materials: string; // JSON array
  one_visit: number;
  purpose: string;
  place_of_use: string;
  use_scope: string;
  copies: number;
  needs_translation: number;
  translation_language: string;
  pickup_on: string; // '' when no pick-up date was agreed
  fee_fen: number;
}

/** What notarization keeps about a party beyond the shared parties table. */
export interface NotarizationPartyTable {
  party_id: number;
  party_kind: 'person' | 'organisation';
  legal_representative: string;
  agent_kind: string;
  power_of_attorney: number;
}

/** The people the office assigns legal-aid cases to (0008). */
export interface LegalAidRosterTable {
  id: Generated<number>;
  org_type: string;
  org_name: string;
  person_name: string;
  phone: string;
  expertise: string; // JSON array of EXPERTISE_AREAS
  note: string;
  active: Generated<number>;
  created_at: string;
  updated_at: string;
}

/** Every assignment made (0008); the roster's rotation is computed from it. */
export interface LegalAidAssignmentTable {
  id: Generated<number>;
  case_id: number;
  roster_id: number | null;
  assigned_by: string;
  org_type: string;
  org_name: string;
  person_name: string;
  assigned_on: string;
  recorded_at: string;
}

/** A director's override of the eligibility verdict, with the written reason (0008, append-only). */
export interface LegalAidEligibilityOverrideTable {
  id: Generated<number>;
  case_id: number;
  part: string;
  conclusion: string;
  reason: string;
  user_id: number | null;
  username: string;
  recorded_at: string;
}

/** That a clerk saw a conflict warning (0008, append-only; any kind of case). */
export interface ConflictAcknowledgementTable {
  id: Generated<number>;
  case_id: number;
  matches: string; // JSON array of { otherCaseId, partyName, matchedBy }
  note: string;
  user_id: number | null;
  username: string;
  acknowledged_at: string;
}

/** One row per 人民调解 case (0009): the 受理登记表. Its progress is in case_actions. */
export interface MediationCaseTable {
  case_id: number;
  simple: number; // 1: a 口头调解登记, registered and concluded at once, without the full dossier
  source: string;
  source_detail: string;
  committee: string;
  dispute_type: string;
  summary: string;
  requests: string;
  amount_fen: number;
  people_count: number;
  major: number; // 重大疑难
  mass: number; // 群体性
  mediators: string; // JSON array of names
}

/** What mediation keeps about a party beyond the shared parties table (0009). */
export interface MediationPartyTable {
  party_id: number;
  party_kind: 'person' | 'organisation';
  legal_representative: string;
}

/** The office's list of 纠纷类型 (0009). */
export interface MediationDisputeTypeTable {
  name: string;
  position: number;
  active: number;
  updated_at: string;
}

/** The county's 以奖代补 rates per case, by the date they take effect (0009). */
export interface MediationSubsidyRateTable {
  effective_from: string;
  oral_fen: number;
  written_fen: number;
  note: string;
  set_by: string;
  recorded_at: string;
}

export interface Database {
  office: OfficeTable;
  case_number_counters: CaseNumberCounterTable;
  cases: CaseTable;
  parties: PartyTable;
  legal_aid_cases: LegalAidCaseTable;
  drafts: DraftTable;
  case_search_text: CaseSearchTextTable;
  audit_pending: AuditPendingTable;
  audit_log: AuditLogTable;
  users: UserTable;
  interference_records: InterferenceRecordTable;
  interference_statements: InterferenceStatementTable;
  case_actions: CaseActionTable;
  legal_aid_roster: LegalAidRosterTable;
  legal_aid_assignments: LegalAidAssignmentTable;
  legal_aid_eligibility_overrides: LegalAidEligibilityOverrideTable;
  conflict_acknowledgements: ConflictAcknowledgementTable;
  notarization_matters: NotarizationMatterTable;
  notarization_requests: NotarizationRequestTable;
  notarization_parties: NotarizationPartyTable;
  mediation_cases: MediationCaseTable;
  mediation_parties: MediationPartyTable;
  mediation_dispute_types: MediationDisputeTypeTable;
  mediation_subsidy_rates: MediationSubsidyRateTable;
}

export type CaseRow = Selectable<CaseTable>;
export type NewParty = Insertable<PartyTable>;
