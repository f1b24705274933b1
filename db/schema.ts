// The Kysely Database interface: one typed mirror of the schema the migrations build.
// Dates are ISO-8601 text (yyyy-mm-dd for calendar dates, full timestamps for *_at); money is integer fen.
import type { Generated, Insertable } from 'kysely';

export interface OfficeTable {
  id: number; // always 1: one office per data file
  name: string;
  division_code: string;
  office_number: string;
  bureau_name: string;
  case_number_prefix: string;
  created_at: string;
  updated_at: string;
  /** 0012: a township office's file, or the county bureau's (县局模式), chosen at setup. */
  mode: Generated<'office' | 'bureau'>;
  /** 0012: the bureau's public key (docs/export-format.md), '' until the office sets it. */
  bureau_public_key: Generated<string>;
}

interface CaseNumberCounterTable {
  kind: string;
  year: number;
  last_seq: number;
}

interface CaseTable {
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

interface LegalAidCaseTable {
  case_id: number;
  category: string;
  service_form: string;
  matter: string;
  /** 经济困难 / 其他原因 for a criminal defence applied for (0017, 法律援助法 第24条); '' otherwise. */
  defence_ground: string;
  /** 通知辩护 (0017, 第36条): the notifying authority, '' for an application; its document number; grounds (JSON). */
  notice_authority: string;
  notice_document_number: string;
  notice_grounds: string;
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
interface CaseSearchTextTable {
  case_id: number;
  body: string;
}

interface AuditPendingTable {
  id: Generated<number>;
  table_name: string;
  row_key: string;
  op: string;
  before: string | null;
  after: string | null;
}

interface AuditLogTable {
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

interface InterferenceRecordTable {
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

interface InterferenceStatementTable {
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
interface NotarizationRequestTable {
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
interface NotarizationPartyTable {
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
interface LegalAidAssignmentTable {
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
interface LegalAidEligibilityOverrideTable {
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
interface ConflictAcknowledgementTable {
  id: Generated<number>;
  case_id: number;
  matches: string; // JSON array of { otherCaseId, partyName, matchedBy }
  note: string;
  user_id: number | null;
  username: string;
  acknowledged_at: string;
}

/** One row per 人民调解 case (0009): the 受理登记表. Its progress is in case_actions. */
interface MediationCaseTable {
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
interface MediationPartyTable {
  party_id: number;
  party_kind: 'person' | 'organisation';
  legal_representative: string;
}

/** The office's list of 纠纷类型 (0009). */
interface MediationDisputeTypeTable {
  name: string;
  position: number;
  active: number;
  updated_at: string;
}

/** The county's 以奖代补 rates per case, by the date they take effect (0009). */
interface MediationSubsidyRateTable {
  effective_from: string;
  oral_fen: number;
  written_fen: number;
  note: string;
  set_by: string;
  recorded_at: string;
}

/** This installation's key pairs (0012): Ed25519 to sign, X25519 to receive encrypted packages. */
interface ExchangeKeyTable {
  id: number; // always 1
  sign_public: string;
  sign_private: string;
  box_public: string;
  box_private: string;
  fingerprint: string;
  created_at: string;
}

/** Every change of an exported table (0012, db/changeTriggers.ts); data is null for a delete. */
interface ChangeLogTable {
  seq: Generated<number>;
  table_name: string;
  row_key: string;
  op: 'upsert' | 'delete';
  data: string | null;
}

/** The office's exports to the bureau (0012), one per export sequence. */
export interface ExchangeExportTable {
  sequence: number;
  period: string;
  after_seq: number;
  up_to_seq: number;
  created_at: string;
  created_by: string;
  app_version: string;
  audit_head_seq: number;
  audit_head_hash: string;
  statistics: string; // JSON
  row_count: number;
  content_hash: string;
  file_name: string;
  /** 0016: the manifest's `restored` note of the first export after a restore (JSON), null for others. */
  restored?: string | null;
}

/**
 * 0016: each time the office's file was set back — a backup restored, the bureau's recovery package installed, the
 * file found replaced outside CaseDesk — and where ids and sequences continue (db/highWater.ts).
 */
interface RestoreTable {
  id: Generated<number>;
  event_id: string;
  kind: 'backup' | 'recovery' | 'replaced';
  /** The backup's or package's file name ('' when the file was replaced outside CaseDesk). */
  source: string;
  /** When the backup was taken or the package issued ('' when unknown). */
  source_time: string;
  happened_at: string;
  by_user: string;
  pre_restore_backup: string;
  change_seq: number;
  export_sequence: number;
  /** The export sequence that told the bureau, null until one has. */
  reported_in: number | null;
}

/** 0016: recovery packages from the bureau this office installed. */
interface ExchangeRecoveryInstallTable {
  id: Generated<number>;
  issued_at: string;
  content_hash: string;
  file_name: string;
  installed_at: string;
  installed_by: string;
  summary: string; // JSON
}

/** SQLite's own table of AUTOINCREMENT high-water marks (0015 gives every exported id table one). */
interface SqliteSequenceTable {
  name: string;
  seq: number;
}

/** Configuration packages from the bureau that this office installed (0012). */
interface ExchangeConfigImportTable {
  id: Generated<number>;
  issued_at: string;
  content_hash: string;
  imported_at: string;
  summary: string; // JSON
}

/** Bureau mode (0012): the offices whose packages it accepts. */
interface BureauOfficeTable {
  code: string;
  name: string;
  public_key: string;
  fingerprint: string;
  registered_at: string;
}

interface BureauImportTable {
  id: Generated<number>;
  office_code: string;
  sequence: number;
  period: string;
  after_seq: number;
  up_to_seq: number;
  created_at: string;
  app_version: string;
  audit_head_seq: number;
  audit_head_hash: string;
  statistics: string; // JSON
  row_count: number;
  content_hash: string;
  file_sha256: string;
  file_name: string;
  imported_at: string;
  /** 0016: the manifest's restore note (JSON), null for an ordinary export. */
  restored?: string | null;
  /** 0016: the fingerprint of the key that signed the package. */
  signer_fingerprint?: Generated<string>;
}

/** 0016: an office's keys replaced by a director (a reinstall without a backup), kept with the reason. */
interface BureauRetiredKeyTable {
  fingerprint: string;
  office_code: string;
  public_key: string;
  registered_at: string;
  retired_at: string;
  retired_by: string;
  reason: string;
}

/** 0016: the recovery packages the bureau made for its offices. */
interface BureauRecoveryPackageTable {
  id: Generated<number>;
  office_code: string;
  issued_at: string;
  issued_by: string;
  file_name: string;
  content_hash: string;
  row_count: number;
  up_to_sequence: number | null;
}

/** The latest version of each row an office sent (0012); a tombstone has deleted 1 and data null. */
export interface BureauRowTable {
  office_code: string;
  table_name: string;
  row_key: string;
  seq: number;
  deleted: number;
  data: string | null;
  data_hash: string;
  import_id: number;
}

export interface BureauConflictTable {
  id: Generated<number>;
  office_code: string;
  import_id: number;
  kind: 'row' | 'package' | 'audit' | 'identity' | 'restore' | 'lost';
  table_name: string;
  row_key: string;
  seq: number;
  /** 0016: the stored version's sequence and content when the conflict was found. */
  kept_seq?: number | null;
  kept_hash: string;
  kept_data?: string | null;
  incoming_hash: string;
  incoming_data: string | null;
  detail: string;
  detected_at: string;
  resolved_at: string | null;
}

/** Dossier rule sets (0011): version 1 is the shipped default; the county bureau installs newer ones. */
interface DossierRuleSetTable {
  version: number;
  name: string;
  rules: string; // JSON of a DossierRuleSet
  installed_at: string;
  installed_by: string;
}

/** A dossier item received for a case (0011). */
interface DossierMaterialTable {
  case_id: number;
  item_key: string;
  received_on: string;
  pages: number;
  form: '原件' | '复印件';
  note: string;
  recorded_by: string;
  recorded_at: string;
}

/** A scan or photo of a dossier item (0011); the file is attachments/<sha256> in the data folder. */
interface AttachmentTable {
  id: Generated<number>;
  case_id: number;
  item_key: string;
  sha256: string;
  content_type: 'application/pdf' | 'image/jpeg' | 'image/png';
  size_bytes: number;
  file_name: string;
  added_by: string;
  added_at: string;
}

/** A director's override of the closing or archiving check, with the written reason (0011, append-only). */
interface DossierOverrideTable {
  id: Generated<number>;
  case_id: number;
  action: 'close' | 'archive';
  missing: string; // JSON array of the item names missing when it was given
  reason: string;
  user_id: number | null;
  username: string;
  recorded_at: string;
}

/** The latest dossier check of a case (0011): the rule-set version and what was missing then. */
interface DossierCheckTable {
  case_id: number;
  rule_set_version: number;
  missing_count: number;
  missing: string; // JSON array of item names
  checked_at: string;
}

/** What archiving kept of a case's electronic dossier (0018): the PDF's hash and what it was made from. */
interface DossierArchiveTable {
  case_id: number;
  pdf_sha256: string | null;
  pages: number | null;
  sources: string; // JSON: DossierSources (electron/services/dossier/electronic.ts)
  sources_sha256: string;
  made_at: string;
  made_by: string;
}

/** The report template as the bureau adjusted it (0013): one row; none means the default. */
interface FollowUpRulesTable {
  id: number; // always 1
  rules: string; // JSON, shared/followUp/rules.ts
  updated_by: string;
  updated_at: string;
}

interface MediationRulesTable {
  id: number; // always 1
  extension_allowed: number; // 0 | 1, shared/kinds/mediation/countyRules.ts
  updated_by: string;
  updated_at: string;
}

/** The county's rule for imported cases' dossiers (0024, shared/dossier/historical.ts). */
interface HistoricalDossierRulesTable {
  id: number; // always 1
  completeness_required: number; // 0 | 1
  updated_by: string;
  updated_at: string;
}

interface StatisticsTemplateTable {
  id: number; // always 1
  template: string; // JSON, shared/statistics/template.ts
  updated_by: string;
  updated_at: string;
}

/** A year of the holiday schedule installed after the release (0014), over shared/holidays.ts. */
interface HolidayYearTable {
  year: number;
  holidays: string; // JSON array of ISO dates
  workdays: string; // JSON array of ISO dates
  source: string;
  installed_by: string;
  installed_at: string;
}

/** 0020: a case made by importing an office's ledger (历史导入): where it came from. */
interface LedgerImportRowTable {
  case_id: number;
  file_sha256: string;
  file_name: string;
  sheet: string;
  row_number: number;
  ledger_number: string;
  imported_at: string;
  imported_by: string;
}

/** 0020: per kind, the ledger's header texts and the fields they hold (JSON object), as last confirmed. */
interface LedgerMappingTable {
  kind: string;
  columns: string;
  saved_at: string;
  saved_by: string;
}

/** 0021: the bureau's versions of a score sheet (shared/evaluation/sheets.ts); version 1 is the shipped default. */
interface EvaluationSheetTable {
  id: Generated<number>;
  kind: string;
  version: number;
  sheet: string;
  saved_by: string;
  saved_at: string;
}

/** 0021: an evaluation round (评查活动). */
interface EvaluationRoundTable {
  id: Generated<number>;
  name: string;
  year: number;
  theme: string;
  /** JSON array of sheet kinds in scope. */
  sheet_kinds: string;
  closed_from: string;
  closed_to: string;
  /** JSON array of office codes in scope; empty: every registered office. */
  office_codes: string;
  method: 'census' | 'perOffice' | 'percent';
  per_office: number | null;
  percent: number | null;
  scores_per_case: number;
  status: 'planned' | 'scoring' | 'closed';
  seed: string | null;
  /** How many closed cases were in scope when the sample was drawn. */
  candidates: number | null;
  created_by: string;
  created_at: string;
  sampled_at: string | null;
  closed_by: string | null;
  closed_at: string | null;
}

interface EvaluationEvaluatorTable {
  round_id: number;
  user_id: number;
}

/** 0021: a case drawn for a round. */
interface EvaluationSampleTable {
  id: Generated<number>;
  round_id: number;
  position: number;
  office_code: string;
  office_name: string;
  case_number: string;
  case_kind: string;
  sheet_kind: string;
  received_on: string;
  closed_on: string;
  /** 0026: 承办人 from the office's facts ('' when none recorded). */
  handler: Generated<string>;
}

/** 0021: one evaluator's score of one sampled case. */
interface EvaluationScoreTable {
  id: Generated<number>;
  sample_id: number;
  evaluator_id: number;
  evaluator_name: string;
  sheet_version: number;
  /** JSON: shared/evaluation/scoring.ts ItemScore[]. */
  items: string;
  total: number;
  grade: string | null;
  status: 'draft' | 'submitted';
  created_at: string;
  updated_at: string;
  submitted_at: string | null;
  reopened_reason: string | null;
  reopened_by: string | null;
  reopened_at: string | null;
}

/** 0025: the electronic dossier an office sent for a sampled case (bureau). */
interface EvaluationDossierTable {
  sample_id: number;
  pdf_sha256: string;
  pages: number | null;
  file_name: string;
  package_sha256: string;
  received_at: string;
  received_by: string;
}

/** 0025: the 整改要求 the bureau set for an evaluated case (bureau). */
interface EvaluationCorrectionTable {
  sample_id: number;
  requirement: string;
  due_on: string;
  set_by: string;
  set_at: string;
}

/** 0025: a sampled case the bureau asked this office for (office; the bureau's round id). */
interface EvaluationRequestTable {
  round_id: number;
  round_name: string;
  bureau_name: string;
  requested_at: string;
  case_number: string;
  sent_at: string | null;
}

/** 0025: an evaluated case's score, grade, remarks and 整改要求 as the bureau sent them (office). */
interface EvaluationFeedbackTable {
  round_id: number;
  case_number: string;
  round_name: string;
  round_closed_on: string;
  score: number;
  grade: string;
  /** JSON: string[], one line per item that lost points. */
  remarks: string;
  requirement: string;
  due_on: string;
  received_at: string;
}

/** 0025: the office's 整改 done for an evaluated case (office; exported). */
interface EvaluationReplyTable {
  round_id: number;
  case_id: number;
  done_on: string;
  note: string;
  recorded_by: string;
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
  dossier_rule_sets: DossierRuleSetTable;
  dossier_materials: DossierMaterialTable;
  attachments: AttachmentTable;
  dossier_overrides: DossierOverrideTable;
  dossier_checks: DossierCheckTable;
  dossier_archives: DossierArchiveTable;
  exchange_keys: ExchangeKeyTable;
  change_log: ChangeLogTable;
  exchange_exports: ExchangeExportTable;
  exchange_config_imports: ExchangeConfigImportTable;
  bureau_offices: BureauOfficeTable;
  bureau_imports: BureauImportTable;
  bureau_rows: BureauRowTable;
  bureau_conflicts: BureauConflictTable;
  bureau_retired_keys: BureauRetiredKeyTable;
  bureau_recovery_packages: BureauRecoveryPackageTable;
  restores: RestoreTable;
  exchange_recovery_installs: ExchangeRecoveryInstallTable;
  sqlite_sequence: SqliteSequenceTable;
  statistics_template: StatisticsTemplateTable;
  follow_up_rules: FollowUpRulesTable;
  mediation_rules: MediationRulesTable;
  historical_dossier_rules: HistoricalDossierRulesTable;
  holiday_years: HolidayYearTable;
  ledger_import_rows: LedgerImportRowTable;
  ledger_mappings: LedgerMappingTable;
  evaluation_sheets: EvaluationSheetTable;
  evaluation_rounds: EvaluationRoundTable;
  evaluation_evaluators: EvaluationEvaluatorTable;
  evaluation_samples: EvaluationSampleTable;
  evaluation_scores: EvaluationScoreTable;
  evaluation_dossiers: EvaluationDossierTable;
  evaluation_corrections: EvaluationCorrectionTable;
  evaluation_requests: EvaluationRequestTable;
  evaluation_feedback: EvaluationFeedbackTable;
  evaluation_replies: EvaluationReplyTable;
}

export type NewParty = Insertable<PartyTable>;
