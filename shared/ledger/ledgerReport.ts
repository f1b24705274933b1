// What the dry run of a ledger import answers (and the import, with the cases it made): the file as read, the
// header and each column's field, what is wrong with the mapping, and every row — accepted with what it becomes,
// refused with the column and the Chinese reason, skipped (blank, 合计) or listed as a case the office already has.
import type { CaseKind } from '../options';
import type { ColumnMapping } from './ledgerMapping';

export interface LedgerReportRow {
  row: number;
  /** The ledger's own number kept (〔YYYY〕…第N号), '' when the case gets a new one (the import says which). */
  caseNumber: string;
  /** The number column as written. */
  ledgerNumber: string;
  title: string;
  parties: string;
  status: string;
  statusLabel: string;
  receivedOn: string;
  closedOn: string | null;
  /** The ledger gave a result but no date: the case is recorded as ended on its receipt date. */
  closedOnFromReceipt: boolean;
}

export interface LedgerReport {
  kind: CaseKind;
  fileName: string;
  sha256: string;
  format: 'xlsx' | 'csv';
  encoding: 'UTF-8' | 'GB18030' | null;
  sheet: string;
  sheetNames: string[];
  /** The header's row number in the file. */
  headerRow: number;
  columns: ColumnMapping[];
  /** Non-empty: the rows were not checked until the mapping is corrected. */
  mappingProblems: string[];
  accepted: LedgerReportRow[];
  refused: { row: number; column: string; message: string }[];
  skipped: { row: number; reason: string }[];
  /** Rows not imported because the office has the case already (caseNumber: its number; '' for a repeat in the file). */
  duplicates: { row: number; reason: string; caseNumber: string }[];
}

export interface LedgerImportResult {
  report: LedgerReport;
  /** The cases made, by row, with the number each got. */
  imported: { row: number; caseId: number; caseNumber: string }[];
}
