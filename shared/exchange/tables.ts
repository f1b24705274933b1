// What an office sends the county bureau: the exported tables, their key columns and the type of every column
// that leaves the office. One list serves the change triggers (db/changeTriggers.ts: which rows and columns are
// captured), the export (electron/services/exchange/officeExport.ts) and the bureau's row check
// (shared/exchange/rows.ts). Columns not listed never leave the office (password hashes, lock-out counters).

/** `int`/`text`: never null; `int?`/`text?`: may be null. */
type ColumnType = 'int' | 'int?' | 'text' | 'text?';

export interface ExportedTable {
  /** The primary key's columns, in order: a row's key in a package is their values (one: as text; more: JSON). */
  key: readonly string[];
  columns: Readonly<Record<string, ColumnType>>;
  /**
   * Columns sent masked, the first 6 and last 4 characters kept (shared/identity.ts maskIdNumber): the county's
   * figures never need a full ID number, and 个人信息保护法 第6条 limits what is handed on to what the purpose needs.
   */
  masked?: readonly string[];
  /**
   * Columns that never change for a row once made (docs/export-format.md, "Row identity"): when a package brings a
   * row under a key the bureau holds with other values here, it is another row that took the key (an office that
   * lost rows and gave their ids again), and the bureau keeps both instead of writing one over the other.
   */
  identity?: readonly string[];
  /**
   * The row it belongs to (its case, or its party): a row without identity columns of its own is another row when
   * its parent is; and a row whose parent key the office now uses for another case is kept apart with it.
   */
  parent?: { table: 'cases' | 'parties'; column: string };
}

const caseRef = { case_id: 'int' } as const;
const ofCase = { table: 'cases', column: 'case_id' } as const;
const ofParty = { table: 'parties', column: 'party_id' } as const;

export const EXPORTED_TABLES: Readonly<Record<string, ExportedTable>> = {
  cases: {
    key: ['id'],
    columns: {
      id: 'int',
      kind: 'text',
      case_number: 'text',
      case_year: 'int',
      case_seq: 'int',
      status: 'text',
      title: 'text',
      received_on: 'text',
      received_by: 'text',
      created_at: 'text',
      updated_at: 'text',
    },
    identity: ['kind', 'case_number', 'created_at'],
  },
  parties: {
    key: ['id'],
    columns: {
      id: 'int',
      ...caseRef,
      role: 'text',
      position: 'int',
      name: 'text',
      sex: 'text',
      ethnicity: 'text',
      birth_date: 'text',
      id_type: 'text',
      id_number: 'text',
      household_address: 'text',
      residence: 'text',
      phone: 'text',
      employer: 'text',
      relation: 'text',
      lacks_capacity: 'int',
    },
    masked: ['id_number'],
    identity: ['case_id', 'role', 'position', 'name'],
    parent: ofCase,
  },
  legal_aid_cases: {
    key: ['case_id'],
    columns: {
      ...caseRef,
      category: 'text',
      service_form: 'text',
      matter: 'text',
      defence_ground: 'text',
      proceeding_stage: 'text',
      handling_authority: 'text',
      facts: 'text',
      applicant_groups: 'text',
      household_size: 'int?',
      monthly_income_per_capita_fen: 'int?',
      finance_basis: 'text',
      finance_exempt_reason: 'text',
      notice_authority: 'text',
      notice_document_number: 'text',
      notice_grounds: 'text',
    },
    parent: ofCase,
  },
  legal_aid_assignments: {
    key: ['id'],
    columns: {
      id: 'int',
      ...caseRef,
      roster_id: 'int?',
      assigned_by: 'text',
      org_type: 'text',
      org_name: 'text',
      person_name: 'text',
      assigned_on: 'text',
      recorded_at: 'text',
    },
    identity: ['case_id', 'recorded_at'],
    parent: ofCase,
  },
  legal_aid_eligibility_overrides: {
    key: ['id'],
    columns: {
      id: 'int',
      ...caseRef,
      part: 'text',
      conclusion: 'text',
      reason: 'text',
      user_id: 'int?',
      username: 'text',
      recorded_at: 'text',
    },
    identity: ['case_id', 'recorded_at'],
    parent: ofCase,
  },
  conflict_acknowledgements: {
    key: ['id'],
    columns: {
      id: 'int',
      ...caseRef,
      matches: 'text',
      note: 'text',
      user_id: 'int?',
      username: 'text',
      acknowledged_at: 'text',
    },
    identity: ['case_id', 'acknowledged_at'],
    parent: ofCase,
  },
  case_actions: {
    key: ['id'],
    columns: {
      id: 'int',
      ...caseRef,
      action: 'text',
      acted_on: 'text',
      data: 'text',
      from_status: 'text?',
      to_status: 'text',
      user_id: 'int?',
      username: 'text',
      recorded_at: 'text',
    },
    identity: ['case_id', 'action', 'recorded_at'],
    parent: ofCase,
  },
  mediation_cases: {
    key: ['case_id'],
    columns: {
      ...caseRef,
      simple: 'int',
      source: 'text',
      source_detail: 'text',
      committee: 'text',
      dispute_type: 'text',
      summary: 'text',
      requests: 'text',
      amount_fen: 'int',
      people_count: 'int',
      major: 'int',
      mass: 'int',
      mediators: 'text',
    },
    parent: ofCase,
  },
  mediation_parties: {
    key: ['party_id'],
    columns: { party_id: 'int', party_kind: 'text', legal_representative: 'text' },
    parent: ofParty,
  },
  notarization_requests: {
    key: ['case_id'],
    columns: {
      ...caseRef,
      matter_code: 'text',
      matter_name: 'text',
      matter_category: 'text',
      required_materials: 'text',
      one_visit: 'int',
      purpose: 'text',
      place_of_use: 'text',
      use_scope: 'text',
      copies: 'int',
      needs_translation: 'int',
      translation_language: 'text',
      pickup_on: 'text',
      fee_fen: 'int',
    },
    parent: ofCase,
  },
  notarization_parties: {
    key: ['party_id'],
    columns: {
      party_id: 'int',
      party_kind: 'text',
      legal_representative: 'text',
      agent_kind: 'text',
      power_of_attorney: 'int',
    },
    parent: ofParty,
  },
  interference_records: {
    key: ['id'],
    columns: {
      id: 'int',
      ...caseRef,
      category: 'text',
      person_name: 'text',
      person_unit: 'text',
      person_position: 'text',
      occurred_on: 'text',
      method: 'text',
      content: 'text',
      handling: 'text',
      recorded_by: 'int',
      recorded_at: 'text',
    },
    identity: ['case_id', 'recorded_at'],
    parent: ofCase,
  },
  interference_statements: {
    key: ['id'],
    columns: {
      id: 'int',
      user_id: 'int',
      period: 'text',
      record_count: 'int',
      nil: 'int',
      note: 'text',
      submitted_at: 'text',
    },
    identity: ['user_id', 'period', 'submitted_at'],
  },
  // The dossier (0011): materials received, the attachments' descriptions (not their files: docs/export-format.md),
  // a director's overrides and each case's latest check.
  dossier_materials: {
    key: ['case_id', 'item_key'],
    columns: {
      ...caseRef,
      item_key: 'text',
      received_on: 'text',
      pages: 'int',
      form: 'text',
      note: 'text',
      recorded_by: 'text',
      recorded_at: 'text',
    },
    parent: ofCase,
  },
  attachments: {
    key: ['id'],
    columns: {
      id: 'int',
      ...caseRef,
      item_key: 'text',
      sha256: 'text',
      content_type: 'text',
      size_bytes: 'int',
      file_name: 'text',
      added_by: 'text',
      added_at: 'text',
    },
    identity: ['case_id', 'sha256', 'added_at'],
    parent: ofCase,
  },
  dossier_overrides: {
    key: ['id'],
    columns: {
      id: 'int',
      ...caseRef,
      action: 'text',
      missing: 'text',
      reason: 'text',
      user_id: 'int?',
      username: 'text',
      recorded_at: 'text',
    },
    identity: ['case_id', 'recorded_at'],
    parent: ofCase,
  },
  dossier_checks: {
    key: ['case_id'],
    columns: { ...caseRef, rule_set_version: 'int', missing_count: 'int', missing: 'text', checked_at: 'text' },
    parent: ofCase,
  },
  // A case brought in from the office's old ledger (历史导入, docs/ledger-import.md): the source file's SHA-256, name,
  // sheet and row, and the ledger's own number, so the bureau can tell historical cases apart.
  ledger_import_rows: {
    key: ['case_id'],
    columns: {
      ...caseRef,
      file_sha256: 'text',
      file_name: 'text',
      sheet: 'text',
      row_number: 'int',
      ledger_number: 'text',
      imported_at: 'text',
      imported_by: 'text',
    },
    parent: ofCase,
  },
  // The office's 整改 done for a case the bureau evaluated (issue 16): the bureau reads each requirement's state here.
  evaluation_replies: {
    key: ['round_id', 'case_id'],
    columns: {
      round_id: 'int',
      ...caseRef,
      done_on: 'text',
      note: 'text',
      recorded_by: 'text',
      recorded_at: 'text',
    },
    parent: ofCase,
  },
  // Who the clerks are, so the bureau can name who submitted (or owes) a monthly statement; never their passwords.
  users: {
    key: ['id'],
    columns: { id: 'int', username: 'text', display_name: 'text', role: 'text', active: 'int' },
    identity: ['username'],
  },
};

export function isExportedTable(name: string): boolean {
  return Object.prototype.hasOwnProperty.call(EXPORTED_TABLES, name);
}

/** The exported tables, each before the tables whose rows reference it: a recovery package is read in this order. */
export const TABLES_PARENTS_FIRST: readonly string[] = [
  'users',
  ...Object.keys(EXPORTED_TABLES).filter((t) => t !== 'users'),
];
