// Password hashes: the cost the app uses, and hashes of either cost verifying the same way.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { filesUnder } from '../../../support/filesUnder.cjs';
import { hashPassword, PASSWORD_COST, verifyPassword } from '../../../../electron/services/accounts/passwords';

const ROOT = path.join(__dirname, '..', '..', '..', '..');

describe('password hashes', () => {
  it('are made at scrypt N = 2^15, r = 8, p = 1 in the app', () => {
    expect(PASSWORD_COST).toEqual({ N: 32768, r: 8, p: 1 });
  });

  it('lower their cost only in the test suites: no file of the app, the CLI or the preview asks for it', () => {
    const callers = ['electron', 'scripts', 'db', 'shared', 'renderer']
      .flatMap((dir) => filesUnder(path.join(ROOT, dir), /\.tsx?$/))
      .filter((file) => fs.readFileSync(file, 'utf8').includes('useTestPasswordCost'))
      .map((file) => path.relative(ROOT, file));
    expect(callers).toEqual([path.join('electron', 'services', 'accounts', 'passwords.ts')]);
  });

  it('name their own cost, so a hash made at the app’s cost verifies here too', () => {
    const salt = Buffer.alloc(16, 7);
    const { N, r, p } = PASSWORD_COST;
    // Made as the app makes it (a stored hash from a real data file has this shape).
    const key = crypto.scryptSync('Admin2026', salt, 32, { N, r, p, maxmem: 64 * 1024 * 1024 });
    const stored = `scrypt$${N}$${r}$${p}$${salt.toString('base64')}$${key.toString('base64')}`;
    expect(verifyPassword('Admin2026', stored)).toBe(true);
    expect(verifyPassword('Admin2027', stored)).toBe(false);
  });

  it('verify what they hashed, with a fresh salt each time', () => {
    const a = hashPassword('密码Admin2026');
    const b = hashPassword('密码Admin2026');
    expect(a).not.toBe(b);
    expect(a).toMatch(/^scrypt\$\d+\$8\$1\$/);
    expect(verifyPassword('密码Admin2026', a)).toBe(true);
    expect(verifyPassword('密码Admin2027', a)).toBe(false);
    expect(verifyPassword('密码Admin2026', 'plain')).toBe(false);
  });
});
