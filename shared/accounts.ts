// Accounts: the forms for the first-run administrator, signing in, and managing users.
import { z } from 'zod';
import { ROLES, type Role } from './roles';
import { choice, strictObject, text } from './validation';

const PASSWORD_MIN = 8;
/** The password rule as the forms state it under a new password's field. */
export const PASSWORD_RULE = `至少${PASSWORD_MIN}个字符，须同时包含字母和数字`;

/** At least 8 characters with a letter and a digit; nothing invisible. */
export const password = () =>
  z
    .string({ error: '格式不正确' })
    .max(128, '不能超过128个字符')
    .refine((s) => s.length >= PASSWORD_MIN, `至少${PASSWORD_MIN}个字符`)
    .refine((s) => /[A-Za-z]/.test(s) && /\d/.test(s), '须同时包含字母和数字')
    .refine((s) => !/[\u0000-\u001F\u007F]/.test(s), '含有不可见的控制字符');

export const username = () =>
  text({ max: 32, required: true }).refine(
    (s) => s === '' || /^[\p{Script=Han}A-Za-z0-9_.-]+$/u.test(s),
    '只能包含汉字、字母、数字和 _ . -',
  );

export const newUserSchema = strictObject({
  username: username(),
  displayName: text({ max: 50, required: true }),
  role: choice(ROLES),
  password: password(),
});

export interface SessionUser {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  mustChangePassword: boolean;
}

export interface UserSummary extends SessionUser {
  active: boolean;
  lockedUntil: string | null;
  createdAt: string;
}

/** Failed sign-ins before an account is locked, and for how long. */
export const LOCKOUT_ATTEMPTS = 5;
export const LOCKOUT_MINUTES = 15;
/** The window locks after this much idle time; the main process enforces it too. */
export const IDLE_LOCK_MINUTES = 15;
