// The manifest of a package (docs/export-format.md): what it holds, from whom, and the SHA-256 of every part.
// Parsed with this schema before anything in it is trusted; the signature covers its exact bytes.
import { z } from 'zod';

export const PACKAGE_FORMAT_VERSION = 1;

/** yyyy-mm */
export const PERIOD = /^\d{4}-(0[1-9]|1[0-2])$/;

const sha256 = z.string().regex(/^[0-9a-f]{64}$/);
const b64 = z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/);

export const partEntrySchema = z.strictObject({
  name: z.string().min(1).max(64),
  bytes: z.number().int().nonnegative(),
  /** Of the bytes as stored in the file (after encryption, when encrypted). */
  sha256,
  /** AES-256-GCM nonce of this part, base64; absent when the package is not encrypted. */
  nonce: b64.optional(),
});
export type PartEntry = z.infer<typeof partEntrySchema>;

export const encryptionSchema = z.strictObject({
  scheme: z.literal('X25519-HKDF-SHA256-AES-256-GCM'),
  recipientFingerprint: z.string(),
  ephemeralPublicKey: b64,
});
export type Encryption = z.infer<typeof encryptionSchema>;

const signerSchema = z.strictObject({ publicKey: z.string(), fingerprint: z.string() });

export const dataManifestSchema = z.strictObject({
  format: z.literal('casedesk-package'),
  formatVersion: z.literal(PACKAGE_FORMAT_VERSION),
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
  counts: z.record(z.string(), z.strictObject({ rows: z.number().int().nonnegative(), tombstones: z.number().int().nonnegative() })),
  /** The office's audit log head when the export was made: a shortened log shows against an earlier package. */
  auditHead: z.strictObject({ seq: z.number().int().nonnegative(), hash: z.string() }),
  /** SHA-256 over the plaintext parts in order: equal for an export and its re-issue. */
  contentHash: sha256,
  encryption: encryptionSchema.nullable(),
  parts: z.array(partEntrySchema),
});
export type DataManifest = z.infer<typeof dataManifestSchema>;

export const configManifestSchema = z.strictObject({
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

export const manifestSchema = z.discriminatedUnion('kind', [dataManifestSchema, configManifestSchema]);
export type Manifest = z.infer<typeof manifestSchema>;

/** `<office code>-<period>-<sequence>.casedesk`, the sequence in four digits. */
export function packageFileName(officeCode: string, period: string, sequence: number): string {
  return `${officeCode}-${period}-${String(sequence).padStart(4, '0')}.casedesk`;
}
