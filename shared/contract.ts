// The IPC contract: the one source of truth for every channel between the renderer and the main process.
// Each channel has a zod input schema (validated in the main process, never trusted from the renderer), the
// Chinese labels that name its fields in error messages, and an output type.
import { z } from 'zod';
import type { LegalAidApplication } from './legalAid/application';
import { LEGAL_AID_LABELS, legalAidApplicationSchema } from './legalAid/application';
import { LEGAL_AID_STATUSES } from './legalAid/options';
import { OFFICE_LABELS, officeSetupSchema, type Office } from './office';
import { CASE_KINDS, type CaseKind } from './options';
import { choice, integer, strictObject, text, type Labels } from './validation';

/** The largest payload a channel accepts, in characters of its JSON form. */
export const MAX_PAYLOAD_CHARS = 1_000_000;

interface ChannelDef<I extends z.ZodType, O> {
  input: I;
  labels: Labels;
  /** Phantom: carries the output type only. */
  output: O;
}

function channel<O>() {
  return <I extends z.ZodType>(input: I, labels: Labels = {}): ChannelDef<I, O> => ({
    input,
    labels,
    output: undefined as O,
  });
}

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

export const CASE_SORT_KEYS = ['receivedOn', 'caseNumber', 'createdAt'] as const;

export const contract = {
  'app.info': channel<AppInfo>()(empty),
  'office.get': channel<Office | null>()(empty),
  'office.setup': channel<Office>()(officeSetupSchema, OFFICE_LABELS),

  'legalAid.create': channel<{ id: number; caseNumber: string }>()(
    strictObject({
      draftId: id.nullable(),
      application: legalAidApplicationSchema(),
    }),
    { draftId: '草稿', ...prefixed('application', LEGAL_AID_LABELS) },
  ),
  'legalAid.get': channel<LegalAidCase>()(strictObject({ id }), { id: '案件' }),

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
    { kind: '案件类型', status: '状态', query: '搜索内容', page: '页码', pageSize: '每页条数', sortBy: '排序字段', sortOrder: '排序方向' },
  ),

  'drafts.save': channel<DraftSummary>()(
    strictObject({
      id: id.nullable(),
      kind: choice(CASE_KINDS),
      title: text({ max: 50 }),
      data: z.record(z.string(), z.unknown(), { error: '格式不正确' }),
    }),
    { id: '草稿', kind: '案件类型', title: '草稿标题', data: '草稿内容' },
  ),
  'drafts.list': channel<DraftSummary[]>()(strictObject({ kind: choice(CASE_KINDS).nullable() }), { kind: '案件类型' }),
  'drafts.get': channel<Draft>()(strictObject({ id }), { id: '草稿' }),
  'drafts.discard': channel<{ id: number }>()(strictObject({ id }), { id: '草稿' }),
} as const;

export type Contract = typeof contract;
export type Channel = keyof Contract;
export type ChannelInput<C extends Channel> = z.input<Contract[C]['input']>;
export type ChannelParsed<C extends Channel> = z.output<Contract[C]['input']>;
export type ChannelOutput<C extends Channel> = Contract[C]['output'];

export function isChannel(name: unknown): name is Channel {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(contract, name);
}
