// The package file (docs/export-format.md): a small binary container of named, length-prefixed parts, the first
// the manifest (JSON), the second its Ed25519 signature, then the content parts. Sealing signs the manifest and,
// given the bureau's public key, encrypts every content part to it (ephemeral-static X25519 → HKDF-SHA256 →
// AES-256-GCM, the part's name as associated data). Opening checks, in this order: the container's shape, the
// manifest's schema, the signature, the SHA-256 of every part, and (with the bureau's keys) decrypts.
import crypto from 'node:crypto';
import fs from 'node:fs';
import {
  FORMAT_VERSIONS,
  manifestSchema,
  type Encryption,
  type Manifest,
  type PartEntry,
} from '../../../shared/exchange/manifest';
import { boxPublicKey, fingerprintOf, rawPublic, signPublicKey, type KeyPairs, type PublicKeys } from './keys';
import { beforeTransient } from '../system/transientBuffers';

const MAGIC = Buffer.from('CDSKPKG\n', 'latin1');
/** The layout of parts, unchanged since the first release; what the parts mean is the manifest's formatVersion. */
const CONTAINER_VERSION = 1;
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

/**
 * Where a package's bytes are read from, a piece at a time: a buffer (an upload, a test, a configuration package)
 * or an open file, so that a large package is never held whole.
 */
export interface PackageBytes {
  length: number;
  /** Bytes [from, to); throws PackageRefused when they cannot be read. */
  read(from: number, to: number): Buffer;
}

export function bufferBytes(buffer: Buffer): PackageBytes {
  return { length: buffer.length, read: (from, to) => buffer.subarray(from, to) };
}

/** An open file's bytes (the caller closes it); its length as it was when opened. */
export function fileBytes(fd: number): PackageBytes {
  let length: number;
  try {
    length = fs.fstatSync(fd).size;
  } catch {
    throw new PackageRefused('不能读取文件');
  }
  return {
    length,
    read(from, to) {
      beforeTransient(to - from);
      const bytes = Buffer.allocUnsafe(Math.max(0, to - from));
      let done = 0;
      try {
        while (done < bytes.length) {
          const n = fs.readSync(fd, bytes, done, bytes.length - done, from + done);
          if (n === 0) throw new Error('file shrank');
          done += n;
        }
      } catch {
        throw new PackageRefused('读取文件时出错（文件被改动或存储设备被拔出）');
      }
      return bytes;
    },
  };
}

/** Runs `use` on the package file at `file`, opened for reading and closed afterwards (open errors are thrown as they are). */
export function withPackageFile<T>(file: string, use: (bytes: PackageBytes) => T): T {
  const fd = fs.openSync(file, 'r');
  try {
    return use(fileBytes(fd));
  } finally {
    fs.closeSync(fd);
  }
}

/** A part as stored in the file: where it is, read when needed. */
interface StoredPart {
  name: string;
  length: number;
  /** Bytes [from, to) of the part. */
  read(from: number, to: number): Buffer;
}

/** The manifest and signature are read whole: a real one is a few kilobytes, a length past this is damage. */
const MAX_HEAD_PART_BYTES = 16 * 1024 * 1024;

/**
 * A part's name as a refusal may show it: the name of a damaged header is whatever bytes are there, so only its
 * printable characters are kept (no control characters, no U+FFFD for bytes that are not UTF-8), and a name with
 * none left is called 某一部分.
 */
function shownPartName(name: string): string {
  const printable = [...name.replace(/[\p{C}\p{Zl}\p{Zp}\uFFFD]/gu, '').trim()];
  return printable.length === 0 ? '某一部分' : `“${printable.slice(0, 64).join('')}”`;
}

function readContainer(file: PackageBytes): (StoredPart & { at: number })[] {
  const damaged = (what: string) => new PackageRefused(`文件结构损坏（${what}），不是完整的CaseDesk数据包`);
  const head = file.read(0, Math.min(file.length, MAGIC.length + 4));
  if (head.length < MAGIC.length + 4 || !head.subarray(0, MAGIC.length).equals(MAGIC))
    throw new PackageRefused('不是CaseDesk数据包（文件头不符）');
  const version = head.readUInt16BE(MAGIC.length);
  if (version !== CONTAINER_VERSION)
    throw new PackageRefused(`数据包格式版本为${version}，本程序支持版本${CONTAINER_VERSION}`);
  const count = head.readUInt16BE(MAGIC.length + 2);
  let at = MAGIC.length + 4;
  const parts: (StoredPart & { at: number })[] = [];
  for (let i = 0; i < count; i++) {
    if (at + 1 > file.length) throw damaged('部分数量');
    const nameLength = file.read(at, at + 1).readUInt8(0);
    at += 1;
    if (at + nameLength + 4 > file.length) throw damaged('部分名称');
    const header = file.read(at, at + nameLength + 4);
    const name = header.subarray(0, nameLength).toString('utf8');
    const length = header.readUInt32BE(nameLength);
    at += nameLength + 4;
    if (length > MAX_PART_BYTES || at + length > file.length) throw damaged(`${shownPartName(name)}的长度`);
    const start = at;
    parts.push({ name, length, at: start, read: (from, to) => file.read(start + from, start + Math.min(to, length)) });
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
 * A content part that can be read more than once, chunk by chunk: a buffer, or a file the export spilled its rows
 * to. Sealing reads it several times (content hash, part hash, the file's bytes) and never holds it whole.
 */
export interface PartSource {
  name: string;
  length: number;
  chunks(): Iterable<Buffer>;
}

export function partOfBytes(name: string, bytes: Buffer): PartSource {
  return {
    name,
    length: bytes.length,
    *chunks() {
      for (let at = 0; at < bytes.length; at += CHUNK_BYTES) yield bytes.subarray(at, at + CHUNK_BYTES);
    },
  };
}

/** contentHashOf over part sources. */
function contentHashOfSources(parts: readonly PartSource[]): string {
  const hash = crypto.createHash('sha256');
  for (const p of parts) {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(p.length);
    hash.update(Buffer.from(p.name, 'utf8')).update(len);
    for (const chunk of p.chunks()) hash.update(chunk);
  }
  return hash.digest('hex');
}

/** A part's bytes as stored: its plaintext, or encrypted with `key` and `nonce` (the 16-byte tag last). */
function* storedChunks(part: PartSource, key: Buffer | null, nonce: Buffer | null): Generator<Buffer> {
  if (!key || !nonce) {
    yield* part.chunks();
    return;
  }
  const cipher = crypto.createCipheriv('aes-256-gcm', key, nonce);
  cipher.setAAD(Buffer.from(part.name, 'utf8'));
  for (const chunk of part.chunks()) {
    beforeTransient(chunk.length);
    yield cipher.update(chunk);
  }
  const last = cipher.final();
  if (last.length) yield last;
  yield cipher.getAuthTag();
}

export interface SealedPackage {
  manifest: Manifest;
  /** The file's bytes in order, made anew on each call (re-encrypting; the same key and nonce give the same bytes). */
  chunks(): Generator<Buffer>;
}

/**
 * Seals a package: the manifest (without its part list, encryption and hashes, which are filled in here) signed
 * with `signer`, content encrypted to `recipient` when given. The part hashes must be in the manifest, which comes
 * first in the file, so each part is encrypted once to hash it and again as the file is written: the ciphertext
 * is never held either.
 */
export function sealPackageStream(
  manifest: Omit<Manifest, 'parts' | 'encryption' | 'signer' | 'contentHash'>,
  content: readonly PartSource[],
  signer: KeyPairs,
  recipient: PublicKeys | null,
): SealedPackage {
  const contentHash = contentHashOfSources(content);
  let encryption: Encryption | null = null;
  let key: Buffer | null = null;
  if (recipient) {
    const ephemeral = crypto.generateKeyPairSync('x25519');
    const ephemeralRaw = rawPublic(ephemeral.publicKey);
    const shared = crypto.diffieHellman({ privateKey: ephemeral.privateKey, publicKey: boxPublicKey(recipient.box) });
    key = contentKey(shared, ephemeralRaw, recipient.box);
    encryption = {
      scheme: 'X25519-HKDF-SHA256-AES-256-GCM',
      recipientFingerprint: fingerprintOf(recipient),
      ephemeralPublicKey: ephemeralRaw.toString('base64'),
    };
  }
  const nonces = content.map(() => (key ? crypto.randomBytes(12) : null));
  const parts: PartEntry[] = content.map((part, i) => {
    const hash = crypto.createHash('sha256');
    let bytes = 0;
    for (const chunk of storedChunks(part, key, nonces[i]!)) {
      hash.update(chunk);
      bytes += chunk.length;
    }
    const nonce = nonces[i];
    return {
      name: part.name,
      bytes,
      sha256: hash.digest('hex'),
      ...(nonce ? { nonce: nonce.toString('base64') } : {}),
    };
  });
  const { fingerprint, publicKey } = signerText(signer);
  const full = { ...manifest, signer: { publicKey, fingerprint }, contentHash, encryption, parts } as Manifest;
  const manifestBytes = Buffer.from(JSON.stringify(full), 'utf8');
  const signature = crypto.sign(null, manifestBytes, signer.signPrivate);
  return {
    manifest: full,
    *chunks() {
      const head = Buffer.alloc(4);
      head.writeUInt16BE(CONTAINER_VERSION, 0);
      head.writeUInt16BE(2 + content.length, 2);
      yield MAGIC;
      yield head;
      yield partHeader(MANIFEST, manifestBytes.length);
      yield manifestBytes;
      yield partHeader(SIGNATURE, signature.length);
      yield signature;
      for (const [i, part] of content.entries()) {
        yield partHeader(part.name, parts[i]!.bytes);
        yield* storedChunks(part, key, nonces[i]!);
      }
    },
  };
}

function partHeader(name: string, length: number): Buffer {
  const nameBytes = Buffer.from(name, 'utf8');
  const header = Buffer.alloc(1 + nameBytes.length + 4);
  header.writeUInt8(nameBytes.length, 0);
  nameBytes.copy(header, 1);
  header.writeUInt32BE(length, 1 + nameBytes.length);
  return header;
}

/** The whole file in one buffer: for small packages (configuration, tests) and the preview's download. */
export function sealPackage(
  manifest: Omit<Manifest, 'parts' | 'encryption' | 'signer' | 'contentHash'>,
  content: readonly Part[],
  signer: KeyPairs,
  recipient: PublicKeys | null,
): { file: Buffer; manifest: Manifest } {
  const sealed = sealPackageStream(
    manifest,
    content.map((p) => partOfBytes(p.name, p.bytes)),
    signer,
    recipient,
  );
  return { file: Buffer.concat([...sealed.chunks()]), manifest: sealed.manifest };
}

function signerText(keys: PublicKeys): { publicKey: string; fingerprint: string } {
  return {
    publicKey: `casedesk1:${Buffer.concat([keys.sign, keys.box]).toString('base64url')}`,
    fingerprint: fingerprintOf(keys),
  };
}

export interface OpenedPackage {
  manifest: Manifest;
  /** The content parts as stored (still encrypted when the package is), read from the file when needed. */
  stored: StoredPart[];
  fileSha256: string;
}

/**
 * Checks the container, the manifest, the signature against the public key the manifest names, and every part's
 * hash (in one pass over the file, with the file's own hash). It does not say whether that key is one the reader
 * trusts: the caller compares `manifest.signer`. A file is read a megabyte at a time, never held whole.
 */
export function verifyPackage(input: Buffer | PackageBytes): OpenedPackage {
  const file = Buffer.isBuffer(input) ? bufferBytes(input) : input;
  const parts = readContainer(file);
  const [manifestPart, signaturePart, ...stored] = parts;
  if (manifestPart?.name !== MANIFEST || signaturePart?.name !== SIGNATURE)
    throw new PackageRefused('文件结构损坏（缺少清单或签名）');
  if (manifestPart.length > MAX_HEAD_PART_BYTES) throw new PackageRefused('清单损坏（长度不符）');
  if (signaturePart.length > MAX_HEAD_PART_BYTES)
    throw new PackageRefused('签名校验失败：清单被改动或不是该机构签发的');
  const manifestBytes = manifestPart.read(0, manifestPart.length);
  let json: unknown;
  try {
    json = JSON.parse(manifestBytes.toString('utf8'));
  } catch {
    throw new PackageRefused('清单损坏（不是有效的JSON）');
  }
  const version = (json as { formatVersion?: unknown } | null)?.formatVersion;
  if (typeof version === 'number' && !FORMAT_VERSIONS.includes(version)) {
    throw new PackageRefused(`数据包格式版本为${version}，本程序支持版本${FORMAT_VERSIONS.join('、')}：请升级CaseDesk`);
  }
  const parsed = manifestSchema.safeParse(json);
  if (!parsed.success) throw new PackageRefused('清单内容不符合数据包格式');
  const manifest = parsed.data;
  const signerKeys = parseSigner(manifest.signer.publicKey);
  if (!signerKeys || fingerprintOf(signerKeys) !== manifest.signer.fingerprint)
    throw new PackageRefused('清单中的签名公钥无效');
  let signed = false;
  try {
    signed = crypto.verify(
      null,
      manifestBytes,
      signPublicKey(signerKeys.sign),
      signaturePart.read(0, signaturePart.length),
    );
  } catch {
    signed = false;
  }
  if (!signed) throw new PackageRefused('签名校验失败：清单被改动或不是该机构签发的');
  if (stored.length !== manifest.parts.length) throw new PackageRefused('数据部分的数量与清单不符');
  manifest.parts.forEach((entry, i) => {
    const part = stored[i]!;
    if (part.name !== entry.name || part.length !== entry.bytes)
      throw new PackageRefused(`数据部分“${entry.name}”与清单不符`);
  });
  // One pass over the file: its own hash, and each content part's.
  const fileHash = crypto.createHash('sha256');
  const partHashes = stored.map(() => crypto.createHash('sha256'));
  for (let from = 0; from < file.length; from += CHUNK_BYTES) {
    const to = Math.min(from + CHUNK_BYTES, file.length);
    const chunk = file.read(from, to);
    fileHash.update(chunk);
    stored.forEach((part, i) => {
      const a = Math.max(from, part.at);
      const b = Math.min(to, part.at + part.length);
      if (a < b) partHashes[i]!.update(chunk.subarray(a - from, b - from));
    });
  }
  manifest.parts.forEach((entry, i) => {
    if (partHashes[i]!.digest('hex') !== entry.sha256)
      throw new PackageRefused(`数据部分“${entry.name}”的SHA-256校验失败：内容被改动或损坏`);
  });
  return {
    manifest,
    stored: stored.map(({ name, length, read }) => ({ name, length, read })),
    fileSha256: fileHash.digest('hex'),
  };
}

/**
 * The manifest as the first bytes of a file claim it, unchecked, or null: to put packages in order before any is
 * read in full (each is verified when its turn comes).
 */
export function claimedManifest(head: Buffer): unknown {
  try {
    if (!head.subarray(0, MAGIC.length).equals(MAGIC)) return null;
    const at = MAGIC.length + 4;
    const nameLength = head.readUInt8(at);
    const length = head.readUInt32BE(at + 1 + nameLength);
    const start = at + 1 + nameLength + 4;
    if (start + length > head.length) return null;
    return JSON.parse(head.subarray(start, start + length).toString('utf8'));
  } catch {
    return null;
  }
}

function parseSigner(text: string): PublicKeys | null {
  const m = /^casedesk1:([A-Za-z0-9_-]+)$/.exec(text);
  if (!m) return null;
  const bytes = Buffer.from(m[1]!, 'base64url');
  if (bytes.length !== 64) return null;
  return { sign: bytes.subarray(0, 32), box: bytes.subarray(32) };
}

/**
 * The key that decrypts a verified package's content for `recipient`, or null when the package is not encrypted.
 * Refused when it is encrypted to another key or `recipient` is missing.
 */
export function contentKeyFor(opened: OpenedPackage, recipient: KeyPairs | null): Buffer | null {
  const encryption = opened.manifest.encryption;
  if (!encryption) return null;
  if (!recipient) throw new PackageRefused('数据包已加密，需在县局的数据文件上解密');
  if (encryption.recipientFingerprint !== fingerprintOf(recipient)) {
    throw new PackageRefused(`数据包是加密给另一个公钥的（指纹 ${encryption.recipientFingerprint}），不是本县局的公钥`);
  }
  const ephemeral = Buffer.from(encryption.ephemeralPublicKey, 'base64');
  try {
    const shared = crypto.diffieHellman({ privateKey: recipient.boxPrivate, publicKey: boxPublicKey(ephemeral) });
    return contentKey(shared, ephemeral, recipient.box);
  } catch {
    throw new PackageRefused('无法解密：加密参数无效');
  }
}

/** Plaintext chunks of at most this many bytes: a large part is never decrypted into one buffer. */
export const CHUNK_BYTES = 1 << 20;

/**
 * Part `index`'s plaintext, chunk by chunk. The GCM tag is checked after the last chunk: a caller must not act on
 * what it read until the generator has finished without throwing.
 */
export function* plaintextChunks(opened: OpenedPackage, index: number, key: Buffer | null): Generator<Buffer> {
  const part = opened.stored[index]!;
  if (!key) {
    for (let at = 0; at < part.length; at += CHUNK_BYTES) yield part.read(at, at + CHUNK_BYTES);
    return;
  }
  const nonce = opened.manifest.parts[index]?.nonce;
  if (!nonce || part.length < TAG_BYTES) throw new PackageRefused(`数据部分“${part.name}”无法解密`);
  const failed = () => new PackageRefused(`数据部分“${part.name}”解密失败：密钥不符或内容被改动`);
  const end = part.length - TAG_BYTES;
  let decipher: crypto.DecipherGCM;
  try {
    decipher = crypto.createDecipheriv('aes-256-gcm', key, Buffer.from(nonce, 'base64'));
    decipher.setAAD(Buffer.from(part.name, 'utf8'));
    decipher.setAuthTag(part.read(end, part.length));
  } catch {
    throw failed();
  }
  for (let at = 0; at < end; at += CHUNK_BYTES) {
    const stored = part.read(at, Math.min(at + CHUNK_BYTES, end));
    beforeTransient(stored.length);
    yield decipher.update(stored);
  }
  let last: Buffer;
  try {
    last = decipher.final();
  } catch {
    throw failed();
  }
  if (last.length) yield last;
}

/** The plaintext parts of a verified package, each whole; `recipient` is needed when it is encrypted. */
export function decryptParts(opened: OpenedPackage, recipient: KeyPairs | null): Part[] {
  const key = contentKeyFor(opened, recipient);
  return opened.stored.map((part, i) => ({
    name: part.name,
    bytes: Buffer.concat([...plaintextChunks(opened, i, key)]),
  }));
}
