// Channels of the application itself: office, accounts and sessions, users, backups, the audit log.
import { z } from 'zod';
import { ACCOUNT_LABELS } from '../accountLabels';
import { newUserSchema, password, username, type SessionUser, type UserSummary } from '../accounts';
import type { ChainVerdict } from '../auditChain';
import { channel, empty, id, prefixed, read, write } from '../channel';
import { OFFICE_LABELS, officeSetupSchema, type Office } from '../office';
import { ADMINS, APPROVERS, ROLES, WRITERS } from '../roles';
import { choice, filePath, integer, isoDate, strictObject, text } from '../validation';

export interface AppInfo {
  version: string;
  dataFile: string;
  shell: 'electron' | 'preview';
}

export interface AuthStatus {
  /** Whether the first administrator exists; before that only the first-run setup can be done. */
  hasUsers: boolean;
  office: Office | null;
  user: SessionUser | null;
  locked: boolean;
  idleLockMinutes: number;
}

export interface BackupInfo {
  /** Absolute path of the backup file. */
  file: string;
  takenAt: string;
  reason: 'daily' | 'manual' | 'migration' | 'import' | 'pre-restore';
  bytes: number;
  /** The number of the data key the backup is encrypted under (null: a plain backup of an older CaseDesk, or not known). */
  keyId: string | null;
  /** Which key restoring it needs, in Chinese: 本机当前密钥, or the recovery key of another key number. */
  keyNote: string;
}

/** The data key's number and its recovery key (恢复密钥), for the director to keep on paper. */
export interface RecoveryKeyInfo {
  keyId: string;
  recoveryKey: string;
}

export interface AuditRow {
  seq: number;
  at: string;
  username: string;
  channel: string;
  tableName: string;
  rowKey: string;
  op: 'insert' | 'update' | 'delete';
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

export interface AuditPage {
  total: number;
  rows: AuditRow[];
}

export const systemChannels = {
  'app.info': channel<AppInfo>()(empty, read({}, 'anyone')),
  'office.get': channel<Office | null>()(empty, read({}, 'anyone')),
  'auth.status': channel<AuthStatus>()(empty, read({}, 'anyone')),
  /** First run only: the office and its first administrator, who is then signed in. */
  'auth.setup': channel<SessionUser>()(
    strictObject({ office: officeSetupSchema, admin: newUserSchema.omit({ role: true }) }),
    write({ ...prefixed('office', OFFICE_LABELS), ...prefixed('admin', ACCOUNT_LABELS) }, 'anyone'),
  ),
  'auth.signIn': channel<SessionUser>()(
    strictObject({
      username: username(),
      password: z.string({ error: '格式不正确' }).min(1, '不能为空').max(128, '不能超过128个字符'),
    }),
    write(ACCOUNT_LABELS, 'anyone'),
  ),
  'auth.signOut': channel<{ signedOut: true }>()(empty, read({}, 'anyone')),
  'auth.lock': channel<{ locked: true }>()(empty, read({}, 'signedIn')),
  'auth.unlock': channel<SessionUser>()(
    strictObject({ password: z.string({ error: '格式不正确' }).min(1, '不能为空').max(128, '不能超过128个字符') }),
    write(ACCOUNT_LABELS, 'signedIn'),
  ),
  'auth.changePassword': channel<SessionUser>()(
    strictObject({
      currentPassword: z.string({ error: '格式不正确' }).max(128, '不能超过128个字符'),
      newPassword: password(),
    }),
    write(ACCOUNT_LABELS, 'signedIn'),
  ),
  'users.list': channel<UserSummary[]>()(empty, read({}, APPROVERS)),
  'users.create': channel<UserSummary>()(newUserSchema, write(ACCOUNT_LABELS, ADMINS)),
  'users.update': channel<UserSummary>()(
    strictObject({
      userId: id,
      displayName: text({ max: 50, required: true }),
      role: choice(ROLES),
      active: z.boolean({ error: '格式不正确' }),
    }),
    write(ACCOUNT_LABELS, ADMINS),
  ),
  'users.resetPassword': channel<UserSummary>()(
    strictObject({ userId: id, newPassword: password() }),
    write(ACCOUNT_LABELS, APPROVERS),
  ),
  'office.setup': channel<Office>()(officeSetupSchema, write(OFFICE_LABELS, ADMINS)),
  'backup.list': channel<BackupInfo[]>()(empty, read({}, APPROVERS)),
  /** A backup now: into the data folder's backups/, or into a chosen folder (a USB stick). */
  'backup.create': channel<BackupInfo>()(
    strictObject({ folder: filePath({ max: 500, kind: 'folder' }).nullable() }),
    read({ folder: '备份位置' }, WRITERS),
  ),
  /**
   * Checks a backup and stages it; it replaces the data file when the app next opens it. A backup made under an
   * earlier data key (before a re-key, or on another PC) needs that key's recovery key.
   */
  'backup.restore': channel<{ restartRequired: true; checked: BackupInfo }>()(
    strictObject({ file: filePath({ max: 500, kind: 'file' }), recoveryKey: text({ max: 200 }).optional() }),
    read({ file: '备份文件', recoveryKey: '恢复密钥' }, ADMINS),
  ),
  /** The recovery key of the data key in use: shown and printed at 首次设置, again on 设置 → 数据加密. */
  'dataKey.show': channel<RecoveryKeyInfo>()(empty, read({}, APPROVERS)),
  /** A new data key (and so a new recovery key) for the data file and its attachments, in one step: the director's. */
  'dataKey.rekey': channel<RecoveryKeyInfo & { previousKeyId: string }>()(empty, read({}, ['director'])),
  /** Opens an encrypted data file whose key this PC does not hold, with its recovery key (desktop app, at start). */
  'dataKey.unlock': channel<{ keyId: string }>()(
    strictObject({ recoveryKey: text({ max: 200, required: true }) }),
    read({ recoveryKey: '恢复密钥' }, 'anyone'),
  ),
  'audit.list': channel<AuditPage>()(
    strictObject({
      username: text({ max: 32 }).nullable(),
      channel: text({ max: 50 }).nullable(),
      tableName: text({ max: 50 }).nullable(),
      rowKey: text({ max: 50 }).nullable(),
      from: isoDate().nullable(),
      to: isoDate().nullable(),
      page: integer({ min: 1, max: 1_000_000 }),
      pageSize: integer({ min: 1, max: 200 }),
    }),
    read(
      {
        username: '操作人',
        channel: '操作',
        tableName: '数据表',
        rowKey: '记录',
        from: '起始日期',
        to: '截止日期',
        page: '页码',
        pageSize: '每页条数',
      },
      APPROVERS,
    ),
  ),
  'audit.verify': channel<ChainVerdict>()(empty, read({}, APPROVERS)),
} as const;
