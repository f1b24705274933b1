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
  role: 'applicant' | 'agent' | 'opposing';
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
}

export type CaseRow = Selectable<CaseTable>;
export type NewParty = Insertable<PartyTable>;
