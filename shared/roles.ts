// Who may do what. Roles are checked in the main process for every call; the renderer only hides what a role
// cannot do.

/** `evaluator` (评查员, 0021): a bureau account that reads and scores sampled dossiers, nothing else. */
export const ROLES = ['admin', 'director', 'clerk', 'readonly', 'evaluator'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  admin: '管理员',
  director: '所长',
  clerk: '办事员',
  readonly: '只读',
  evaluator: '评查员',
};

/**
 * Who may call a channel: `anyone` (also before signing in: the first-run setup, signing in itself),
 * `signedIn` (every role), or a list of roles.
 */
export type Access = 'anyone' | 'signedIn' | readonly Role[];

/** The usual sets, named for what they allow. */
export const READERS: Access = 'signedIn';
export const WRITERS: readonly Role[] = ['admin', 'director', 'clerk'];
export const APPROVERS: readonly Role[] = ['admin', 'director'];
export const ADMINS: readonly Role[] = ['admin'];
/** Who may score a sampled dossier (and only in a round that names them). */
export const SCORERS: readonly Role[] = ['admin', 'director', 'evaluator'];
export const DIRECTORS: readonly Role[] = ['director'];

export function roleAllows(role: Role | null, access: Access): boolean {
  if (access === 'anyone') return true;
  if (role === null) return false;
  return access === 'signedIn' || access.includes(role);
}
