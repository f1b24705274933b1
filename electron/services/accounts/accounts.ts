// Accounts: first-run administrator, signing in with lockout, passwords, and user management.
import type { Kysely, Selectable } from 'kysely';
import type { Database, UserTable } from '../../../db/schema';
import { LOCKOUT_ATTEMPTS, LOCKOUT_MINUTES, type SessionUser, type UserSummary } from '../../../shared/accounts';
import { AppError } from '../../../shared/errors';
import { ROLE_LABELS, type Role } from '../../../shared/roles';
import type { Clock } from '../system/clock';
import { hashPassword, verifyPassword } from './passwords';

type UserRow = Selectable<UserTable>;

function sessionUser(row: UserRow): SessionUser {
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    role: row.role as Role,
    mustChangePassword: row.must_change_password === 1,
  };
}

function summary(row: UserRow): UserSummary {
  return { ...sessionUser(row), active: row.active === 1, lockedUntil: row.locked_until, createdAt: row.created_at };
}

export async function countUsers(db: Kysely<Database>): Promise<number> {
  const { n } = await db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(n);
}

export interface NewUser {
  username: string;
  displayName: string;
  role: Role;
  password: string;
}

export async function createUser(
  db: Kysely<Database>,
  input: NewUser,
  clock: Clock,
  mustChangePassword = false,
): Promise<UserSummary> {
  const taken = await db.selectFrom('users').select('id').where('username', '=', input.username).executeTakeFirst();
  if (taken) throw new AppError('CONFLICT', '用户名：已存在', 'username');
  const at = clock.now().toISOString();
  const row = await db
    .insertInto('users')
    .values({
      username: input.username,
      display_name: input.displayName,
      role: input.role,
      password_hash: hashPassword(input.password),
      must_change_password: mustChangePassword ? 1 : 0,
      created_at: at,
      updated_at: at,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return summary(row);
}

function lockedMessage(until: string): string {
  const t = new Date(until);
  const hh = String(t.getHours()).padStart(2, '0');
  const mm = String(t.getMinutes()).padStart(2, '0');
  return `密码错误次数过多，账户已锁定，请于${hh}:${mm}后再试或请管理员重置密码`;
}

/**
 * Checks a password and counts failures. A failure is refused with `commit` set, so that the failure count is
 * written even though the call fails.
 */
export async function checkPassword(db: Kysely<Database>, row: UserRow, password: string, clock: Clock): Promise<void> {
  const now = clock.now();
  if (row.locked_until && new Date(row.locked_until) > now) {
    throw new AppError('FORBIDDEN', lockedMessage(row.locked_until), 'password', undefined, true);
  }
  if (verifyPassword(password, row.password_hash)) {
    if (row.failed_attempts > 0 || row.locked_until) {
      await db.updateTable('users').set({ failed_attempts: 0, locked_until: null }).where('id', '=', row.id).execute();
    }
    return;
  }
  const failed = row.failed_attempts + 1;
  const lock = failed >= LOCKOUT_ATTEMPTS;
  const lockedUntil = lock ? new Date(now.getTime() + LOCKOUT_MINUTES * 60_000).toISOString() : null;
  await db
    .updateTable('users')
    .set({ failed_attempts: lock ? 0 : failed, locked_until: lockedUntil })
    .where('id', '=', row.id)
    .execute();
  throw new AppError(
    'FORBIDDEN',
    lock ? lockedMessage(lockedUntil!) : `密码不正确（还可尝试${LOCKOUT_ATTEMPTS - failed}次）`,
    'password',
    undefined,
    true,
  );
}

export async function signIn(
  db: Kysely<Database>,
  username: string,
  password: string,
  clock: Clock,
): Promise<SessionUser> {
  const row = await db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirst();
  if (!row || row.active !== 1) throw new AppError('FORBIDDEN', '用户名或密码不正确', 'username');
  await checkPassword(db, row, password, clock);
  return sessionUser(row);
}

export async function requireUser(db: Kysely<Database>, id: number): Promise<UserRow> {
  const row = await db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND', '用户不存在', 'userId');
  return row;
}

export async function changePassword(
  db: Kysely<Database>,
  userId: number,
  current: string,
  next: string,
  clock: Clock,
): Promise<SessionUser> {
  const row = await requireUser(db, userId);
  await checkPassword(db, row, current, clock);
  if (current === next) throw new AppError('VALIDATION', '新密码：不能与当前密码相同', 'newPassword');
  const updated = await db
    .updateTable('users')
    .set({ password_hash: hashPassword(next), must_change_password: 0, updated_at: clock.now().toISOString() })
    .where('id', '=', userId)
    .returningAll()
    .executeTakeFirstOrThrow();
  return sessionUser(updated);
}

/** An administrator resets anyone's password; a director only a clerk's or a read-only user's. */
export async function resetPassword(
  db: Kysely<Database>,
  actor: SessionUser,
  userId: number,
  next: string,
  clock: Clock,
): Promise<UserSummary> {
  const row = await requireUser(db, userId);
  if (actor.role === 'director' && row.role !== 'clerk' && row.role !== 'readonly') {
    throw new AppError(
      'FORBIDDEN',
      `所长只能重置办事员或只读用户的密码，不能重置${ROLE_LABELS[row.role as Role]}的密码`,
      'userId',
    );
  }
  const updated = await db
    .updateTable('users')
    .set({
      password_hash: hashPassword(next),
      must_change_password: 1,
      failed_attempts: 0,
      locked_until: null,
      updated_at: clock.now().toISOString(),
    })
    .where('id', '=', userId)
    .returningAll()
    .executeTakeFirstOrThrow();
  return summary(updated);
}

export async function listUsers(db: Kysely<Database>): Promise<UserSummary[]> {
  return (await db.selectFrom('users').selectAll().orderBy('id').execute()).map(summary);
}

export async function updateUser(
  db: Kysely<Database>,
  input: { userId: number; displayName: string; role: Role; active: boolean },
  clock: Clock,
): Promise<UserSummary> {
  const row = await requireUser(db, input.userId);
  const losesAdmin = row.role === 'admin' && row.active === 1 && (input.role !== 'admin' || !input.active);
  if (losesAdmin) {
    const { n } = await db
      .selectFrom('users')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('role', '=', 'admin')
      .where('active', '=', 1)
      .executeTakeFirstOrThrow();
    if (Number(n) <= 1) throw new AppError('CONFLICT', '至少要保留一个启用的管理员', 'role');
  }
  const updated = await db
    .updateTable('users')
    .set({
      display_name: input.displayName,
      role: input.role,
      active: input.active ? 1 : 0,
      updated_at: clock.now().toISOString(),
    })
    .where('id', '=', input.userId)
    .returningAll()
    .executeTakeFirstOrThrow();
  return summary(updated);
}
