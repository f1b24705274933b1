// This installation's key pairs and public keys as text. node:crypto only: Ed25519 signs (an office's data
// packages, the bureau's configuration packages), X25519 receives (the bureau decrypts what offices encrypt to it).
// A public key travels as one line, `casedesk1:` + base64url(Ed25519 public ‖ X25519 public), and is compared by
// its fingerprint: the first 16 bytes of its SHA-256, in hex groups of four.
import crypto from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema';
import { AppError } from '../../../shared/errors';

const ED25519_SPKI = Buffer.from('302a300506032b6570032100', 'hex');
const X25519_SPKI = Buffer.from('302a300506032b656e032100', 'hex');
const PUBLIC_KEY_PREFIX = 'casedesk1:';

export interface PublicKeys {
  sign: Buffer; // Ed25519, 32 bytes
  box: Buffer; // X25519, 32 bytes
}

export interface KeyPairs extends PublicKeys {
  signPrivate: crypto.KeyObject;
  boxPrivate: crypto.KeyObject;
}

export function rawPublic(key: crypto.KeyObject): Buffer {
  return key.export({ format: 'der', type: 'spki' }).subarray(-32);
}

export function signPublicKey(raw: Buffer): crypto.KeyObject {
  return crypto.createPublicKey({ key: Buffer.concat([ED25519_SPKI, raw]), format: 'der', type: 'spki' });
}

export function boxPublicKey(raw: Buffer): crypto.KeyObject {
  return crypto.createPublicKey({ key: Buffer.concat([X25519_SPKI, raw]), format: 'der', type: 'spki' });
}

export function publicKeyText({ sign, box }: PublicKeys): string {
  return PUBLIC_KEY_PREFIX + Buffer.concat([sign, box]).toString('base64url');
}

export function fingerprintOf({ sign, box }: PublicKeys): string {
  const hex = crypto
    .createHash('sha256')
    .update(Buffer.concat([sign, box]))
    .digest('hex')
    .slice(0, 32);
  return hex.match(/.{4}/g)!.join('-');
}

/** Reads a public key as text; null when it is not one (the caller names the field). */
export function parsePublicKey(text: string): PublicKeys | null {
  const trimmed = text.trim();
  if (!trimmed.startsWith(PUBLIC_KEY_PREFIX)) return null;
  const body = trimmed.slice(PUBLIC_KEY_PREFIX.length);
  if (!/^[A-Za-z0-9_-]+$/.test(body)) return null;
  const bytes = Buffer.from(body, 'base64url');
  if (bytes.length !== 64) return null;
  const keys = { sign: bytes.subarray(0, 32), box: bytes.subarray(32) };
  try {
    signPublicKey(keys.sign);
    boxPublicKey(keys.box);
  } catch {
    return null;
  }
  return keys;
}

export function parsePublicKeyOrThrow(text: string, field: string, label: string): PublicKeys {
  const keys = parsePublicKey(text);
  if (!keys) throw new AppError('VALIDATION', `${label}：格式不正确，应为以 casedesk1: 开头的一行公钥`, field);
  return keys;
}

/** The key pairs, made (and stored) the first time they are needed. Call inside a writing call's transaction. */
export async function ensureKeys(db: Kysely<Database>, now: Date): Promise<KeyPairs> {
  const existing = await loadKeys(db);
  if (existing) return existing;
  const sign = crypto.generateKeyPairSync('ed25519');
  const box = crypto.generateKeyPairSync('x25519');
  const publicKeys = { sign: rawPublic(sign.publicKey), box: rawPublic(box.publicKey) };
  const der = (k: crypto.KeyObject) => k.export({ format: 'der', type: 'pkcs8' }).toString('base64');
  await db
    .insertInto('exchange_keys')
    .values({
      id: 1,
      sign_public: publicKeys.sign.toString('base64'),
      sign_private: der(sign.privateKey),
      box_public: publicKeys.box.toString('base64'),
      box_private: der(box.privateKey),
      fingerprint: fingerprintOf(publicKeys),
      created_at: now.toISOString(),
    })
    .execute();
  return { ...publicKeys, signPrivate: sign.privateKey, boxPrivate: box.privateKey };
}

export async function loadKeys(db: Kysely<Database>): Promise<KeyPairs | null> {
  const row = await db.selectFrom('exchange_keys').selectAll().where('id', '=', 1).executeTakeFirst();
  if (!row) return null;
  const priv = (b64: string) =>
    crypto.createPrivateKey({ key: Buffer.from(b64, 'base64'), format: 'der', type: 'pkcs8' });
  return {
    sign: Buffer.from(row.sign_public, 'base64'),
    box: Buffer.from(row.box_public, 'base64'),
    signPrivate: priv(row.sign_private),
    boxPrivate: priv(row.box_private),
  };
}
