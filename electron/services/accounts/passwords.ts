// Password hashes: scrypt from node:crypto with a per-user random salt, in a self-describing string so that the
// cost can be raised later without invalidating stored hashes.
import crypto from 'node:crypto';

const N = 1 << 15; // 32 MiB of memory per hash with r = 8: slow for an attacker, ~0.1 s for a sign-in
const R = 8;
const P = 1;
const KEY_LENGTH = 32;
const MAX_MEMORY = 64 * 1024 * 1024;

export function hashPassword(password: string): string {
  const salt = crypto.randomBytes(16);
  const key = crypto.scryptSync(password.normalize('NFC'), salt, KEY_LENGTH, { N, r: R, p: P, maxmem: MAX_MEMORY });
  return `scrypt$${N}$${R}$${P}$${salt.toString('base64')}$${key.toString('base64')}`;
}

export function verifyPassword(password: string, stored: string): boolean {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return false;
  const [n, r, p] = parts.slice(1, 4).map(Number) as [number, number, number];
  const salt = Buffer.from(parts[4]!, 'base64');
  const expected = Buffer.from(parts[5]!, 'base64');
  const key = crypto.scryptSync(password.normalize('NFC'), salt, expected.length, { N: n, r, p, maxmem: MAX_MEMORY });
  return crypto.timingSafeEqual(key, expected);
}
