// The manifest of a package (docs/export-format.md): what it holds, from whom, and the SHA-256 of every part.
// Parsed with this schema before anything in it is trusted; the signature covers its exact bytes.
import { z } from 'zod';

/**
 * The format version of ordinary data and configuration packages. A writer uses the lowest version that can say
 * what the package holds, so these stay readable by every release and an export made again stays byte-identical.
 */
export const PACKAGE_FORMAT_VERSION = 1;
/** Version 2 adds the first export after a restore (`restored`, inventory.ndjson) and the recovery package. */
export const RESTORE_FORMAT_VERSION = 2;
/**
 * Version 3 adds the 历史导入 records (`ledger_import_rows`): a data package that carries any is version 3, so a
 * bureau whose release does not know the table says to upgrade rather than that the rows are malformed.
 */
const LEDGER_IMPORT_FORMAT_VERSION = 3;
/** The tables a data package may carry only from version 3. */
const VERSION_3_TABLES = ['ledger_import_rows'];
/** The versions this release reads. */
export const FORMAT_VERSIONS: readonly number[] = [
  PACKAGE_FORMAT_VERSION,
  RESTORE_FORMAT_VERSION,
  LEDGER_IMPORT_FORMAT_VERSION,
];

/** The lowest version that can say what a data package holds. */
export function dataFormatVersion(restored: boolean, counts: Readonly<Record<string, unknown>>): number {
  if (VERSION_3_TABLES.some((t) => t in counts)) return LEDGER_IMPORT_FORMAT_VERSION;
  return restored ? RESTORE_FORMAT_VERSION : PACKAGE_FORMAT_VERSION;
}

/** yyyy-mm */
const PERIOD = /^\d{4}-(0[1-9]|1[0-2])$/;

const sha256 = z.string().regex(/^[0-9a-f]{64}$/);
const b64 = z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/);

const partEntrySchema = z.strictObject({
  name: z.string().min(1).max(64),
  bytes: z.number().int().nonnegative(),
  /** Of the bytes as stored in the file (after encryption, when encrypted). */
  sha256,
  /** AES-256-GCM nonce of this part, base64; absent when the package is not encrypted. */
  nonce: b64.optional(),
});
export type PartEntry = z.infer<typeof partEntrySchema>;

const encryptionSchema = z.strictObject({
  scheme: z.literal('X25519-HKDF-SHA256-AES-256-GCM'),
  recipientFingerprint: z.string(),
  ephemeralPublicKey: b64,
});
export type Encryption = z.infer<typeof encryptionSchema>;

const signerSchema = z.strictObject({ publicKey: z.string(), fingerprint: z.string() });
const count = z.number().int().nonnegative();
const countsSchema = z.record(z.string(), z.strictObject({ rows: count, tombstones: count }));

/** One time the office's file was set back (db/stagedRestore.ts), as the first export after it tells the bureau. */
const restoreEventSchema = z.strictObject({
  kind: z.enum(['backup', 'recovery', 'replaced']),
  /** The backup's or recovery package's file name; '' when the file was replaced outside CaseDesk. */
  source: z.string().max(300),
  /** When the backup was taken or the package issued; '' when unknown. */
  sourceTime: z.string().max(40),
  at: z.string().max(40),
  by: z.string().max(50),
});

/** Version 2: the first export after a restore says so, and where the office's sequences continue. */
const restoredSchema = z.strictObject({
  events: z.array(restoreEventSchema).min(1).max(100),
  /** Change-log sequences after the restore continue after this one (ids likewise continue above the highest given). */
  changesContinueAfter: count,
  /** Export sequences continue after this one. */
  sequenceContinuesAfter: count,
});
export type RestoredNote = z.infer<typeof restoredSchema>;

const dataManifestSchema = z
  .strictObject({
    format: z.literal('casedesk-package'),
    formatVersion: z.union([
      z.literal(PACKAGE_FORMAT_VERSION),
      z.literal(RESTORE_FORMAT_VERSION),
      z.literal(LEDGER_IMPORT_FORMAT_VERSION),
    ]),
    kind: z.literal('office-data'),
    office: z.strictObject({ code: z.string().regex(/^\d{8,9}$/), name: z.string(), bureauName: z.string() }),
    signer: signerSchema,
    period: z.string().regex(PERIOD),
    sequence: z.number().int().positive(),
    /** The change-log sequences this export covers: after `after`, up to and including `upTo`. */
    changes: z.strictObject({ after: z.number().int().nonnegative(), upTo: z.number().int().nonnegative() }),
    createdAt: z.string(),
    appVersion: z.string(),
    /** Rows per table: upserts and tombstones. */
    counts: countsSchema,
    /** The office's audit log head when the export was made: a shortened log shows against an earlier package. */
    auditHead: z.strictObject({ seq: z.number().int().nonnegative(), hash: z.string() }),
    /** Version 2, the first export after a restore: what happened; the package then carries inventory.ndjson. */
    restored: restoredSchema.optional(),
    /** SHA-256 over the plaintext parts in order: equal for an export and its re-issue. */
    contentHash: sha256,
    encryption: encryptionSchema.nullable(),
    parts: z.array(partEntrySchema),
  })
  .refine((m) => m.restored === undefined || m.formatVersion >= RESTORE_FORMAT_VERSION, { path: ['restored'] })
  .refine((m) => m.formatVersion >= dataFormatVersion(false, m.counts), { path: ['counts'] });
export type DataManifest = z.infer<typeof dataManifestSchema>;

const configManifestSchema = z.strictObject({
  format: z.literal('casedesk-package'),
  formatVersion: z.literal(PACKAGE_FORMAT_VERSION),
  kind: z.literal('bureau-config'),
  bureau: z.strictObject({ name: z.string() }),
  signer: signerSchema,
  issuedAt: z.string(),
  appVersion: z.string(),
  contentHash: sha256,
  encryption: z.null(),
  parts: z.array(partEntrySchema),
});
export type ConfigManifest = z.infer<typeof configManifestSchema>;

/** The bureau's marks for an office: what the office's new ids, sequences and case numbers must continue beyond. */
const highWaterSchema = z.strictObject({
  sequences: z.record(z.string().max(64), count),
  caseNumbers: z
    .array(z.strictObject({ kind: z.string().max(20), year: z.number().int().min(1949).max(9999), lastSeq: count }))
    .max(1000),
});

/**
 * Version 2: the bureau's copy of one office, signed by the bureau and encrypted to that office, for the office to
 * install after a restore or a reinstall (electron/services/exchange/recovery.ts).
 */
const recoveryManifestSchema = z.strictObject({
  format: z.literal('casedesk-package'),
  formatVersion: z.literal(RESTORE_FORMAT_VERSION),
  kind: z.literal('office-recovery'),
  office: z.strictObject({ code: z.string().regex(/^\d{8,9}$/), name: z.string() }),
  bureau: z.strictObject({ name: z.string() }),
  signer: signerSchema,
  issuedAt: z.string(),
  appVersion: z.string(),
  /** The office's newest package the bureau had imported when it made this one (null: none). */
  lastImport: z
    .strictObject({ sequence: z.number().int().positive(), period: z.string().regex(PERIOD), importedAt: z.string() })
    .nullable(),
  highWater: highWaterSchema,
  counts: countsSchema,
  contentHash: sha256,
  /** Always encrypted: the rows are the office's personal data. */
  encryption: encryptionSchema,
  parts: z.array(partEntrySchema),
});
export type RecoveryManifest = z.infer<typeof recoveryManifestSchema>;

/**
 * The electronic dossiers (PDFs) of an office's cases a round sampled, for the bureau's evaluators (issue 16): signed
 * by the office, always encrypted to the bureau; one part per dossier, each named in `dossiers` with the case
 * number and the SHA-256 of its plaintext PDF.
 */
const dossierManifestSchema = z.strictObject({
  format: z.literal('casedesk-package'),
  formatVersion: z.literal(PACKAGE_FORMAT_VERSION),
  kind: z.literal('office-dossiers'),
  office: z.strictObject({ code: z.string().regex(/^\d{8,9}$/), name: z.string(), bureauName: z.string() }),
  signer: signerSchema,
  createdAt: z.string(),
  appVersion: z.string(),
  /** The bureau's round that asked for them (its id and name, as the configuration package gave them). */
  round: z.strictObject({ id: z.number().int().positive(), name: z.string().max(100) }),
  dossiers: z
    .array(
      z.strictObject({
        part: z.string().min(1).max(64),
        caseNumber: z.string().min(1).max(60),
        pages: z.number().int().positive().nullable(),
        sha256,
      }),
    )
    .min(1)
    .max(1000),
  contentHash: sha256,
  encryption: encryptionSchema,
  parts: z.array(partEntrySchema),
});
export type DossierManifest = z.infer<typeof dossierManifestSchema>;

export const manifestSchema = z.discriminatedUnion('kind', [
  dataManifestSchema,
  configManifestSchema,
  recoveryManifestSchema,
  dossierManifestSchema,
]);
export type Manifest = z.infer<typeof manifestSchema>;

/** `<office code>-recovery-<yyyy-mm-dd>.casedesk`. */
export function recoveryFileName(officeCode: string, issuedAt: string): string {
  return `${officeCode}-recovery-${issuedAt.slice(0, 10)}.casedesk`;
}

/** `<office code>-dossiers-<round id>-<yyyy-mm-dd>.casedesk`. */
export function dossierPackageFileName(officeCode: string, roundId: number, createdAt: string): string {
  return `${officeCode}-dossiers-${roundId}-${createdAt.slice(0, 10)}.casedesk`;
}

/** `<office code>-<period>-<sequence>.casedesk`, the sequence in four digits. */
export function packageFileName(officeCode: string, period: string, sequence: number): string {
  return `${officeCode}-${period}-${String(sequence).padStart(4, '0')}.casedesk`;
}
