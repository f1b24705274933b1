// The package file (docs/export-format.md): a small binary container of named, length-prefixed parts, the first
// the manifest (JSON), the second its Ed25519 signature, then the content parts. Sealing signs the manifest and,
// given the bureau's public key, encrypts every content part to it (ephemeral-static X25519 → HKDF-SHA256 →
// AES-256-GCM, the part's name as associated data). Opening checks, in this order: the container's shape, the
// manifest's schema, the signature, the SHA-256 of every part, and (with the bureau's keys) decrypts.
import crypto from 'node:crypto';
import { manifestSchema, PACKAGE_FORMAT_VERSION, type Encryption, type Manifest, type PartEntry } from '../../../shared/exchange/manifest';
import { boxPublicKey, fingerprintOf, rawPublic, signPublicKey, type KeyPairs, type PublicKeys } from './keys';

export const MAGIC = Buffer.from('CDSKPKG\n', 'latin1');
const MANIFEST = 'manifest.json';
const SIGNATURE = 'manifest.sig';
const HKDF_INFO = Buffer.from('casedesk package v1', 'utf8');
const TAG_BYTES = 16;
/** No part is ever this large; a length field saying so is damage, not data. */
const MAX_PART_BYTES = 2 ** 31;

/** Why a package was refused, in Chinese; the import names the package with it. */
export class PackageRefused extends Error {}

export interface Part {
  name: string;
  bytes: Buffer;
}

export const sha256Hex = (bytes: Buffer | string) => crypto.createHash('sha256').update(bytes).digest('hex');

function writeContainer(parts: readonly Part[]): Buffer {
  const head = Buffer.alloc(4);
  head.writeUInt16BE(PACKAGE_FORMAT_VERSION, 0);
  head.writeUInt16BE(parts.length, 2);
  const chunks: Buffer[] = [MAGIC, head];
  for (const part of parts) {
    const name = Buffer.from(part.name, 'utf8');
    const lengths = Buffer.alloc(5);
    lengths.writeUInt8(name.length, 0);
    lengths.writeUInt32BE(part.bytes.length, 1);
    chunks.push(lengths.subarray(0, 1), name, lengths.subarray(1), part.bytes);
  }
  return Buffer.concat(chunks);
}

function readContainer(file: Buffer): Part[] {
  const damaged = (what: string) => new PackageRefused(`文件结构损坏（${what}），不是完整的CaseDesk数据包`);
  if (file.length < MAGIC.length + 4 || !file.subarray(0, MAGIC.length).equals(MAGIC)) throw new PackageRefused('不是CaseDesk数据包（文件头不符）');
  const version = file.readUInt16BE(MAGIC.length);
  if (version !== PACKAGE_FORMAT_VERSION) throw new PackageRefused(`数据包格式版本为${version}，本程序支持版本${PACKAGE_FORMAT_VERSION}`);
  const count = file.readUInt16BE(MAGIC.length + 2);
  let at = MAGIC.length + 4;
  const parts: Part[] = [];
  for (let i = 0; i < count; i++) {
    if (at + 1 > file.length) throw damaged('部分数量');
    const nameLength = file.readUInt8(at);
    at += 1;
    if (at + nameLength + 4 > file.length) throw damaged('部分名称');
    const name = file.subarray(at, at + nameLength).toString('utf8');
    at += nameLength;
    const length = file.readUInt32BE(at);
    at += 4;
    if (length > MAX_PART_BYTES || at + length > file.length) throw damaged(`“${name}”的长度`);
    parts.push({ name, bytes: file.subarray(at, at + length) });
    at += length;
  }
  if (at !== file.length) throw damaged('文件末尾有多余数据');
  return parts;
}

function contentKey(shared: Buffer, ephemeral: Buffer, recipient: Buffer): Buffer {
  return Buffer.from(crypto.hkdfSync('sha256', shared, Buffer.concat([ephemeral, recipient]), HKDF_INFO, 32));
}

/** The plaintext parts' hash, in order: the same content gives the same hash whether or not it was encrypted. */
export function contentHashOf(parts: readonly Part[]): string {
  const hash = crypto.createHash('sha256');
  for (const p of parts) {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(p.bytes.length);
    hash.update(Buffer.from(p.name, 'utf8')).update(len).update(p.bytes);
  }
  return hash.digest('hex');
}

/**
 * Builds the file: the manifest (without its part list, encryption and hashes, which are filled in here) signed
 * with `signer`, content encrypted to `recipient` when given.
 */
export function sealPackage(
  manifest: Omit<Manifest, 'parts' | 'encryption' | 'signer' | 'contentHash'>,
  content: readonly Part[],
  signer: KeyPairs,
  recipient: PublicKeys | null,
): { file: Buffer; manifest: Manifest } {
  let encryption: Encryption | null = null;
  let stored: { part: Part; nonce?: string }[] = content.map((part) => ({ part }));
  if (recipient) {
    const ephemeral = crypto.generateKeyPairSync('x25519');
    const ephemeralRaw = rawPublic(ephemeral.publicKey);
    const shared = crypto.diffieHellman({ privateKey: ephemeral.privateKey, publicKey: boxPublicKey(recipient.box) });
    const key = contentKey(shared, ephemeralRaw, recipient.box);
    encryption = { scheme: 'X25519-HKDF-SHA256-AES-256-GCM', recipientFingerprint: fingerprintOf(recipient), ephemeralPublicKey: ephemeralRaw.toString('base64') };
    stored = content.map((part) => {
      const nonce = crypto.randomBytes(12);
      const cipher = crypto.createCipheriv('aes-256-gcm', key, nonce);
      cipher.setAAD(Buffer.from(part.name, 'utf8'));
      const bytes = Buffer.concat([cipher.update(part.bytes), cipher.final(), cipher.getAuthTag()]);
      return { part: { name: part.name, bytes }, nonce: nonce.toString('base64') };
    });
  }
  const parts: PartEntry[] = stored.map(({ part, nonce }) => ({
    name: part.name, bytes: part.bytes.length, sha256: sha256Hex(part.bytes), ...(nonce ? { nonce } : {}),
  }));
  const { fingerprint, publicKey } = signerText(signer);
  const full = { ...manifest, signer: { publicKey, fingerprint }, contentHash: contentHashOf(content), encryption, parts } as Manifest;
  const manifestBytes = Buffer.from(JSON.stringify(full), 'utf8');
  const signature = crypto.sign(null, manifestBytes, signer.signPrivate);
  const file = writeContainer([{ name: MANIFEST, bytes: manifestBytes }, { name: SIGNATURE, bytes: signature }, ...stored.map((s) => s.part)]);
  return { file, manifest: full };
}

function signerText(keys: PublicKeys): { publicKey: string; fingerprint: string } {
  return { publicKey: `casedesk1:${Buffer.concat([keys.sign, keys.box]).toString('base64url')}`, fingerprint: fingerprintOf(keys) };
}

export interface OpenedPackage {
  manifest: Manifest;
  /** The parts as stored (still encrypted when the package is). */
  stored: Part[];
  fileSha256: string;
}

/**
 * Checks the container, the manifest, the signature against the public key the manifest names, and every part's
 * hash. It does not say whether that key is one the reader trusts: the caller compares `manifest.signer`.
 */
export function verifyPackage(file: Buffer): OpenedPackage {
  const parts = readContainer(file);
  const [manifestPart, signaturePart, ...stored] = parts;
  if (manifestPart?.name !== MANIFEST || signaturePart?.name !== SIGNATURE) throw new PackageRefused('文件结构损坏（缺少清单或签名）');
  let json: unknown;
  try {
    json = JSON.parse(manifestPart.bytes.toString('utf8'));
  } catch {
    throw new PackageRefused('清单损坏（不是有效的JSON）');
  }
  const parsed = manifestSchema.safeParse(json);
  if (!parsed.success) throw new PackageRefused('清单内容不符合数据包格式');
  const manifest = parsed.data;
  const signerKeys = parseSigner(manifest.signer.publicKey);
  if (!signerKeys || fingerprintOf(signerKeys) !== manifest.signer.fingerprint) throw new PackageRefused('清单中的签名公钥无效');
  let signed = false;
  try {
    signed = crypto.verify(null, manifestPart.bytes, signPublicKey(signerKeys.sign), signaturePart.bytes);
  } catch {
    signed = false;
  }
  if (!signed) throw new PackageRefused('签名校验失败：清单被改动或不是该机构签发的');
  if (stored.length !== manifest.parts.length) throw new PackageRefused('数据部分的数量与清单不符');
  manifest.parts.forEach((entry, i) => {
    const part = stored[i]!;
    if (part.name !== entry.name || part.bytes.length !== entry.bytes) throw new PackageRefused(`数据部分“${entry.name}”与清单不符`);
    if (sha256Hex(part.bytes) !== entry.sha256) throw new PackageRefused(`数据部分“${entry.name}”的SHA-256校验失败：内容被改动或损坏`);
  });
  return { manifest, stored, fileSha256: sha256Hex(file) };
}

function parseSigner(text: string): PublicKeys | null {
  const m = /^casedesk1:([A-Za-z0-9_-]+)$/.exec(text);
  if (!m) return null;
  const bytes = Buffer.from(m[1]!, 'base64url');
  if (bytes.length !== 64) return null;
  return { sign: bytes.subarray(0, 32), box: bytes.subarray(32) };
}

/** The plaintext parts of a verified package; `recipient` is needed when it is encrypted. */
export function decryptParts(opened: OpenedPackage, recipient: KeyPairs | null): Part[] {
  const { manifest, stored } = opened;
  const encryption = manifest.encryption;
  if (!encryption) return stored;
  if (!recipient) throw new PackageRefused('数据包已加密，需在县局的数据文件上解密');
  if (encryption.recipientFingerprint !== fingerprintOf(recipient)) {
    throw new PackageRefused(`数据包是加密给另一个公钥的（指纹 ${encryption.recipientFingerprint}），不是本县局的公钥`);
  }
  const ephemeral = Buffer.from(encryption.ephemeralPublicKey, 'base64');
  let key: Buffer;
  try {
    const shared = crypto.diffieHellman({ privateKey: recipient.boxPrivate, publicKey: boxPublicKey(ephemeral) });
    key = contentKey(shared, ephemeral, recipient.box);
  } catch {
    throw new PackageRefused('无法解密：加密参数无效');
  }
  return stored.map((part, i) => {
    const nonce = manifest.parts[i]?.nonce;
    if (!nonce || part.bytes.length < TAG_BYTES) throw new PackageRefused(`数据部分“${part.name}”无法解密`);
    try {
      const decipher = crypto.createDecipheriv('aes-256-gcm', key, Buffer.from(nonce, 'base64'));
      decipher.setAAD(Buffer.from(part.name, 'utf8'));
      decipher.setAuthTag(part.bytes.subarray(part.bytes.length - TAG_BYTES));
      return { name: part.name, bytes: Buffer.concat([decipher.update(part.bytes.subarray(0, part.bytes.length - TAG_BYTES)), decipher.final()]) };
    } catch {
      throw new PackageRefused(`数据部分“${part.name}”解密失败：密钥不符或内容被改动`);
    }
  });
}
