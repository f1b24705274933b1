// The IPC contract: the one source of truth for every channel between the renderer and the main process.
// Each channel has a zod input schema (validated in the main process, never trusted from the renderer), the
// Chinese labels that name its fields in error messages, and an output type.
import { z } from 'zod';
import type { LegalAidApplication } from './legalAid/application';
import { LEGAL_AID_LABELS, legalAidApplicationSchema } from './legalAid/application';
import { LEGAL_AID_STATUSES } from './legalAid/options';
import { OFFICE_LABELS, officeSetupSchema, type Office } from './office';
import { CASE_KINDS, type CaseKind } from './options';
import { ACCOUNT_LABELS, newUserSchema, password, username, type SessionUser, type UserSummary } from './accounts';
import {
  INTERFERENCE_LABELS,
  interferenceRecordSchema,
  period,
  type InterferenceRecord,
  type InterferenceStatement,
  type StatementOverview,
} from './interference';
import type { ChainVerdict } from './auditChain';
import { ADMINS, APPROVERS, READERS, ROLES, WRITERS, type Access } from './roles';
import { choice, integer, isoDate, strictObject, text, type Labels } from './validation';

/** The largest payload a channel accepts, in characters of its JSON form. */
export const MAX_PAYLOAD_CHARS = 1_000_000;

interface ChannelDef<I extends z.ZodType, O> {
  input: I;
  /** The Chinese label of each field, by path, for error messages. */
  labels: Labels;
  /** Who may call it; checked in the main process before the handler runs. */
  access: Access;
  /** A writing channel runs in one transaction, with its audit entries. */
  writes: boolean;
  /** Phantom: carries the output type only. */
  output: O;
}

interface ChannelOptions {
  labels?: Labels;
  access: Access;
  writes: boolean;
}

function channel<O>() {
  return <I extends z.ZodType>(input: I, { labels = {}, access, writes }: ChannelOptions): ChannelDef<I, O> => ({
    input,
    labels,
    access,
    writes,
    output: undefined as O,
  });
}

const read = (labels: Labels = {}, access: Access = READERS): ChannelOptions => ({ labels, access, writes: false });
const write = (labels: Labels = {}, access: Access = WRITERS): ChannelOptions => ({ labels, access, writes: true });

function prefixed(prefix: string, labels: Labels): Labels {
  return Object.fromEntries(Object.entries(labels).map(([k, v]) => [`${prefix}.${k}`, v]));
}

const id = z.number({ error: '格式不正确' }).int('格式不正确').positive('格式不正确');
const empty = strictObject({});

export interface AppInfo {
  version: string;
  dataFile: string;
  shell: 'electron' | 'preview';
}

export interface CaseListRow {
  id: number;
  kind: CaseKind;
  caseNumber: string;
  status: string;
  title: string;
  applicantName: string;
  /** First 6 and last 4 characters only. */
  applicantIdMasked: string;
  receivedOn: string;
  receivedBy: string;
}

export interface CaseListPage {
  total: number;
  rows: CaseListRow[];
}

export interface LegalAidCase {
  id: number;
  caseNumber: string;
  status: (typeof LEGAL_AID_STATUSES)[number];
  createdAt: string;
  updatedAt: string;
  application: LegalAidApplication;
}

export interface Draft {
  id: number;
  kind: CaseKind;
  title: string;
  data: Record<string, unknown>;
  createdAt: string;
  updatedAt: string;
}
export type DraftSummary = Omit<Draft, 'data'>;

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

export const CASE_SORT_KEYS = ['receivedOn', 'caseNumber', 'createdAt'] as const;

export const contract = {
  'app.info': channel<AppInfo>()(empty, read({}, 'anyone')),
  'office.get': channel<Office | null>()(empty, read({}, 'anyone')),

  'auth.status': channel<AuthStatus>()(empty, read({}, 'anyone')),
  /** First run only: the office and its first administrator, who is then signed in. */
  'auth.setup': channel<SessionUser>()(
    strictObject({ office: officeSetupSchema, admin: newUserSchema.omit({ role: true }) }),
    write({ ...prefixed('office', OFFICE_LABELS), ...prefixed('admin', ACCOUNT_LABELS) }, 'anyone'),
  ),
  'auth.signIn': channel<SessionUser>()(
    strictObject({ username: username(), password: z.string({ error: '格式不正确' }).min(1, '不能为空').max(128, '不能超过128个字符') }),
    write(ACCOUNT_LABELS, 'anyone'),
  ),
  'auth.signOut': channel<{ signedOut: true }>()(empty, read({}, 'anyone')),
  'auth.lock': channel<{ locked: true }>()(empty, read({}, 'signedIn')),
  'auth.unlock': channel<SessionUser>()(
    strictObject({ password: z.string({ error: '格式不正确' }).min(1, '不能为空').max(128, '不能超过128个字符') }),
    write(ACCOUNT_LABELS, 'signedIn'),
  ),
  'auth.changePassword': channel<SessionUser>()(
    strictObject({ currentPassword: z.string({ error: '格式不正确' }).max(128, '不能超过128个字符'), newPassword: password() }),
    write(ACCOUNT_LABELS, 'signedIn'),
  ),
  'users.list': channel<UserSummary[]>()(empty, read({}, APPROVERS)),
  'users.create': channel<UserSummary>()(newUserSchema, write(ACCOUNT_LABELS, ADMINS)),
  'users.update': channel<UserSummary>()(
    strictObject({ userId: id, displayName: text({ max: 50, required: true }), role: choice(ROLES), active: z.boolean({ error: '格式不正确' }) }),
    write(ACCOUNT_LABELS, ADMINS),
  ),
  'users.resetPassword': channel<UserSummary>()(strictObject({ userId: id, newPassword: password() }), write(ACCOUNT_LABELS, APPROVERS)),

  'office.setup': channel<Office>()(officeSetupSchema, write(OFFICE_LABELS, ADMINS)),

  'backup.list': channel<BackupInfo[]>()(empty, read({}, APPROVERS)),
  /** A backup now: into the data folder's backups/, or into a chosen folder (a USB stick). */
  'backup.create': channel<BackupInfo>()(strictObject({ folder: text({ max: 500 }).nullable() }), read({ folder: '备份位置' }, WRITERS)),
  /** Checks a backup and stages it; it replaces the data file when the app next opens it. */
  'backup.restore': channel<{ restartRequired: true; checked: BackupInfo }>()(
    strictObject({ file: text({ max: 500, required: true }) }),
    read({ file: '备份文件' }, ADMINS),
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
    read({ username: '操作人', channel: '操作', tableName: '数据表', rowKey: '记录', from: '起始日期', to: '截止日期', page: '页码', pageSize: '每页条数' }, APPROVERS),
  ),
  'audit.verify': channel<ChainVerdict>()(empty, read({}, APPROVERS)),

  'interference.record': channel<{ id: number }>()(interferenceRecordSchema, write(INTERFERENCE_LABELS)),
  'interference.list': channel<InterferenceRecord[]>()(
    strictObject({ caseId: id.nullable(), period: period().nullable() }),
    read(INTERFERENCE_LABELS),
  ),
  'interference.submitStatement': channel<InterferenceStatement>()(
    strictObject({ period: period(), note: text({ max: 500, multiLine: true }) }),
    write(INTERFERENCE_LABELS),
  ),
  'interference.statements': channel<StatementOverview>()(strictObject({ period: period() }), read(INTERFERENCE_LABELS)),

  'legalAid.create': channel<{ id: number; caseNumber: string }>()(
    strictObject({
      draftId: id.nullable(),
      application: legalAidApplicationSchema(),
    }),
    write({ draftId: '草稿', ...prefixed('application', LEGAL_AID_LABELS) }),
  ),
  'legalAid.get': channel<LegalAidCase>()(strictObject({ id }), read({ id: '案件' })),

  'cases.list': channel<CaseListPage>()(
    strictObject({
      kind: choice(CASE_KINDS).nullable(),
      status: choice(LEGAL_AID_STATUSES).nullable(),
      query: text({ max: 50 }),
      page: integer({ min: 1, max: 100_000 }),
      pageSize: integer({ min: 1, max: 200 }),
      sortBy: choice(CASE_SORT_KEYS),
      sortOrder: choice(['asc', 'desc']),
    }),
    read({ kind: '案件类型', status: '状态', query: '搜索内容', page: '页码', pageSize: '每页条数', sortBy: '排序字段', sortOrder: '排序方向' }),
  ),

  'drafts.save': channel<DraftSummary>()(
    strictObject({
      id: id.nullable(),
      kind: choice(CASE_KINDS),
      title: text({ max: 50 }),
      data: z.record(z.string(), z.unknown(), { error: '格式不正确' }),
    }),
    write({ id: '草稿', kind: '案件类型', title: '草稿标题', data: '草稿内容' }),
  ),
  'drafts.list': channel<DraftSummary[]>()(strictObject({ kind: choice(CASE_KINDS).nullable() }), read({ kind: '案件类型' })),
  'drafts.get': channel<Draft>()(strictObject({ id }), read({ id: '草稿' })),
  'drafts.discard': channel<{ id: number }>()(strictObject({ id }), write({ id: '草稿' })),
} as const;

export type Contract = typeof contract;
export type Channel = keyof Contract;
export type ChannelInput<C extends Channel> = z.input<Contract[C]['input']>;
export type ChannelParsed<C extends Channel> = z.output<Contract[C]['input']>;
export type ChannelOutput<C extends Channel> = Contract[C]['output'];

export function isChannel(name: unknown): name is Channel {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(contract, name);
}
