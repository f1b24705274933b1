// What the exchange channels return (shared/channels/exchange.ts).
import type { Manifest } from './manifest';

export type InstallationMode = 'office' | 'bureau';

export interface ExchangeStatus {
  mode: InstallationMode;
  /** This installation's public key and fingerprint, once made (they are made on first need). */
  publicKey: string | null;
  fingerprint: string | null;
  /** Office mode: the bureau's key the packages are encrypted to and configuration packages are checked with. */
  bureauPublicKey: string;
  bureauFingerprint: string | null;
}

export interface ExportRecord {
  sequence: number;
  period: string;
  fileName: string;
  createdAt: string;
  createdBy: string;
  rowCount: number;
  /** Change-log sequences covered: after, up to. */
  afterSeq: number;
  upToSeq: number;
  /** The first export after a restore: its manifest tells the bureau (恢复备份后的报送) and carries an inventory. */
  restored: boolean;
}

export interface ExportResult extends ExportRecord {
  /** Where the package was written. */
  file: string;
}

export interface BureauOffice {
  code: string;
  name: string;
  fingerprint: string;
  registeredAt: string;
  /** The newest period and sequence imported, null before the first package. */
  lastPeriod: string | null;
  lastSequence: number | null;
  lastImportedAt: string | null;
  /** No package for the last finished month has arrived by the due day (shared/statistics/compute.ts isLate). */
  late: boolean;
  /** Export sequences below the newest that never arrived. */
  missingSequences: number[];
  /** The newest 恢复备份后的报送 of this office: from which package, what the office said, rows it no longer has. */
  lastRestore: { sequence: number; note: string; lostRows: number } | null;
  /** Keys a director replaced (a reinstall), newest first. */
  retiredKeys: { fingerprint: string; retiredAt: string; retiredBy: string; reason: string }[];
}

export interface ImportCounts {
  inserted: number;
  updated: number;
  unchanged: number;
  older: number;
  conflicts: number;
}

export type ImportOutcome =
  | {
      fileName: string;
      status: 'imported' | 'duplicate';
      officeCode: string;
      officeName: string;
      period: string;
      sequence: number;
      counts: ImportCounts;
      warnings: string[];
      /** 恢复备份后的报送: what the office said about its restore, null for an ordinary package. */
      restored: string | null;
    }
  | { fileName: string; status: 'rejected'; reason: string };

export type RowContent = Record<string, string | number | null>;

/**
 * What an import could not settle, for review: `row` the same version with other content, `package` a sequence
 * sent twice with other content, `audit` a shortened audit log, `identity` a key the office now uses for another
 * row (both kept), `restore` an export after a restore, `lost` a row the bureau holds that the office no longer has
 * (or has only in an older version) after its restore.
 */
type ConflictKind = 'row' | 'package' | 'audit' | 'identity' | 'restore' | 'lost';

export interface BureauConflict {
  id: number;
  officeCode: string;
  kind: ConflictKind;
  tableName: string;
  rowKey: string;
  seq: number;
  /** The bureau's stored version when the conflict was found (null: none, or a deletion). */
  keptSeq: number | null;
  keptData: RowContent | null;
  /** The version that arrived and was not applied over it (null: none, or a deletion). */
  incomingData: RowContent | null;
  detail: string;
  detectedAt: string;
  resolvedAt: string | null;
}

/** One imported row, as the bureau's county figures read them. */
export interface ImportedRow {
  officeCode: string;
  table: string;
  key: string;
  data: Record<string, string | number | null>;
}

/** A package checked without importing it; `rowsChecked` is null where it could not be decrypted (at an office). */
export type VerifyOutcome =
  | { fileName: string; ok: true; manifest: Manifest; rowsChecked: number | null }
  | { fileName: string; ok: false; reason: string };

/** What installing a configuration package from the bureau did. */
export interface ConfigSummary {
  issuedAt: string;
  bureauName: string;
  disputeTypes: number;
  notarizationMatters: number;
  dossierRulesVersion: number | null;
  subsidyRates: number;
  roster: number;
  /** Years of the holiday schedule installed (new or corrected). */
  holidayYears: number[];
  /** The county's follow-up rules (回访要求) were installed (new or changed). */
  followUpRules: boolean;
  /** The county's mediation rules (调解规则) were installed (new or changed). */
  mediationRules: boolean;
  /** The county's rule for 历史卷宗 (imported cases' dossiers) was installed (new or changed). */
  historicalDossierRules: boolean;
  /** A package made for this office: how many sampled cases it asks for and how many 整改要求 it brings (案卷评查). */
  evaluation: { requested: number; feedback: number } | null;
  /** Matters the office's catalogue does not know (they need a newer CaseDesk), left out. */
  skipped: string[];
  /** Already installed: nothing changed. */
  unchanged: boolean;
}

/** A row both the office and the bureau's recovery package hold, with different content: the clerk chooses. */
export interface RecoveryDifference {
  table: string;
  key: string;
  /** What the row is, in Chinese (the table and the case number or name). */
  label: string;
  office: RowContent;
  /** The bureau's version; null when the bureau holds it as deleted at the office. */
  bureau: RowContent | null;
}

/** Which version to keep of a differing row: the office's own (sent to the bureau again) or the bureau's. */
export interface RecoveryChoice {
  table: string;
  key: string;
  take: 'office' | 'bureau';
}

/** What installing a recovery package does (a dry run) or did. */
interface RecoveryPlan {
  fileName: string;
  bureauName: string;
  issuedAt: string;
  /** The office's newest export the bureau had imported when it made the package. */
  lastImport: { sequence: number; period: string; importedAt: string } | null;
  /** Rows the office does not have that come back, by table. */
  added: { table: string; label: string; rows: number }[];
  /** The case numbers of the cases that come back (the first 200). */
  addedCases: string[];
  addedCaseCount: number;
  /** Rows the office holds as the bureau does. */
  same: number;
  /** Rows that differ on both sides (the first 500), and how many in all. */
  differences: RecoveryDifference[];
  differenceCount: number;
  /** Rows that cannot come back, with why (a matter or rule set this office does not know). */
  skipped: { table: string; key: string; reason: string }[];
  /** Attachments described in the package whose files are not in this office's folder: to be scanned again. */
  missingAttachments: { caseNumber: string; itemKey: string; fileName: string }[];
  /** Parties that come back with a masked ID number (packages carry only the first 6 and last 4 characters). */
  maskedParties: { partyId: number; caseNumber: string; name: string; idNumber: string }[];
  /** Users that come back without a password (an administrator resets it). */
  usersWithoutPassword: string[];
  /** The same package was installed before (installing it again adds only what is still missing). */
  installedBefore: boolean;
}

export interface RecoverySummary extends RecoveryPlan {
  /** Differing rows settled by the clerk's choices, and those left as they were for lack of one. */
  tookBureau: number;
  keptOffice: number;
  undecided: number;
}
