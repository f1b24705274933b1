// Password hashes: scrypt from node:crypto with a per-user random salt, in a self-describing string so that the
// cost can be raised later without invalidating stored hashes.
import crypto from 'node:crypto';

interface ScryptCost {
  N: number;
  r: number;
  p: number;
}

/** What the app hashes with: 32 MiB of memory per hash with r = 8, slow for an attacker, ~0.1 s for a sign-in. */
export const PASSWORD_COST: Readonly<ScryptCost> = { N: 1 << 15, r: 8, p: 1 };
/**
 * What the node test suites hash with (1 MiB, about a millisecond): thousands of accounts are made and signed in
 * there, and at the app's cost scrypt took most of their time. The hash still goes through scrypt and names its
 * own cost, so verifying works the same way; test/electron/services/accounts/passwords.test.ts holds the app to
 * PASSWORD_COST.
 */
const TEST_COST: Readonly<ScryptCost> = { N: 1 << 10, r: 8, p: 1 };
const KEY_LENGTH = 32;
const MAX_MEMORY = 64 * 1024 * 1024;

let cost: Readonly<ScryptCost> = PASSWORD_COST;

/** For test/support/nodeSetup.ts only (jest's node project): new hashes at TEST_COST in this test file. */
export function useTestPasswordCost(): void {
  cost = TEST_COST;
}

export function hashPassword(password: string): string {
  const salt = crypto.randomBytes(16);
  const key = crypto.scryptSync(password.normalize('NFC'), salt, KEY_LENGTH, { ...cost, maxmem: MAX_MEMORY });
  return `scrypt$${cost.N}$${cost.r}$${cost.p}$${salt.toString('base64')}$${key.toString('base64')}`;
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
