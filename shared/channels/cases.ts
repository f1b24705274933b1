// Channels of cases of every kind: finding them, their timelines, the deadline dashboard, conflict checks, and the
// drafts of their intake forms. Each kind's own channels (registering, reading, its actions) are in its own file.
import { z } from 'zod';
import { channel, empty, id, read, write } from '../channel';
import {
  acknowledgeConflictsSchema,
  CONFLICT_LABELS,
  conflictQuerySchema,
  type ConflictAcknowledgement,
  type ConflictReport,
} from '../cases/conflicts';
import type { Dashboard } from '../cases/dashboard';
import { CASE_STATUSES } from '../cases/statuses';
import type { CaseAction } from '../lifecycle';
import { CASE_KINDS, type CaseKind } from '../options';
import { choice, integer, strictObject, text } from '../validation';

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

export const caseChannels = {
  'cases.list': channel<CaseListPage>()(
    strictObject({
      kind: choice(CASE_KINDS).nullable(),
      status: choice(CASE_STATUSES).nullable(),
      query: text({ max: 50 }),
      page: integer({ min: 1, max: 100_000 }),
      pageSize: integer({ min: 1, max: 200 }),
      sortBy: choice(CASE_SORT_KEYS),
      sortOrder: choice(['asc', 'desc']),
    }),
    read({
      kind: '案件类型',
      status: '状态',
      query: '搜索内容',
      page: '页码',
      pageSize: '每页条数',
      sortBy: '排序字段',
      sortOrder: '排序方向',
    }),
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
  'drafts.list': channel<DraftSummary[]>()(
    strictObject({ kind: choice(CASE_KINDS).nullable() }),
    read({ kind: '案件类型' }),
  ),
  'drafts.get': channel<Draft>()(strictObject({ id }), read({ id: '草稿' })),
  'drafts.discard': channel<{ id: number }>()(strictObject({ id }), write({ id: '草稿' })),
  /** What is due in the next three days, what is overdue, and what was done late, over every kind. */
  'dashboard.deadlines': channel<Dashboard>()(empty, read()),
  /** Every step of a case, oldest first: who, when, what changed. */
  'cases.timeline': channel<CaseAction[]>()(strictObject({ caseId: id }), read({ caseId: '案件' })),
  /** The same people in other cases, above all an opposing party here who is aided there (any kind of case). */
  'cases.conflicts': channel<ConflictReport>()(conflictQuerySchema, read(CONFLICT_LABELS)),
  'cases.acknowledgeConflicts': channel<ConflictAcknowledgement>()(acknowledgeConflictsSchema, write(CONFLICT_LABELS)),
  'cases.conflictAcknowledgements': channel<ConflictAcknowledgement[]>()(
    strictObject({ caseId: id }),
    read({ caseId: '案件' }),
  ),
} as const;
