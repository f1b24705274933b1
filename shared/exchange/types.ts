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
}

export interface ExportResult extends ExportRecord {
  /** Where the package was written. */
  file: string;
  encrypted: boolean;
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
}

export interface ImportCounts {
  inserted: number;
  updated: number;
  unchanged: number;
  older: number;
  conflicts: number;
}

export type ImportOutcome =
  | { fileName: string; status: 'imported' | 'duplicate'; officeCode: string; officeName: string; period: string; sequence: number; counts: ImportCounts; warnings: string[] }
  | { fileName: string; status: 'rejected'; reason: string };

export interface BureauConflict {
  id: number;
  officeCode: string;
  kind: 'row' | 'package' | 'audit';
  tableName: string;
  rowKey: string;
  seq: number;
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
  /** Matters the office's catalogue does not know (they need a newer CaseDesk), left out. */
  skipped: string[];
  /** Already installed: nothing changed. */
  unchanged: boolean;
}
