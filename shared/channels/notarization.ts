// Channels of notarization requests (公证申请): the matter catalogue, intake, one writing channel per lifecycle action
// (generated from the kind's action table, shared/kinds/notarization/actions.ts), reading a request, deadlines.
import { z } from 'zod';
import { actionChannels, channel, id, prefixed, read, write } from '../channel';
import { NOTARIZATION_ACTION_TABLE } from '../kinds/notarization/actions';
import type { NotarizationDeadlines } from '../kinds/notarization/deadlines';
import type { AllowedAction, NotarizationProgress, NotarizationStatus } from '../kinds/notarization/lifecycle';
import { MATTER_LABELS, matterUpdateSchema, type NotarizationMatter } from '../kinds/notarization/matters';
import type { UseScope } from '../kinds/notarization/options';
import { NOTARIZATION_LABELS, notarizationRequestSchema, type NotarizationRequest } from '../kinds/notarization/intake';
import { APPROVERS } from '../roles';
import { strictObject } from '../validation';

export interface NotarizationCase {
  id: number;
  caseNumber: string;
  status: NotarizationStatus;
  statusLabel: string;
  createdAt: string;
  updatedAt: string;
  /** The request as registered (numbers in canonical form). */
  request: NotarizationRequest;
  useScope: UseScope;
  /** The matter as the catalogue had it at intake. */
  matter: { code: string; name: string; category: string; requiredMaterials: string[]; oneVisit: boolean };
  /** What the liaison point checks: the matter's materials, and the agent's papers when an agent applies. */
  checklist: string[];
  progress: NotarizationProgress;
  /** The actions that may be taken now, in the lifecycle's order. */
  allowedActions: AllowedAction[];
}

export interface NotarizationCaseDeadlines extends NotarizationDeadlines {
  caseId: number;
  caseNumber: string;
  status: NotarizationStatus;
}

export const notarizationChannels = {
  /** The matter catalogue, in its order; with the inactive matters for the director's editing page. */
  'notarization.matters': channel<NotarizationMatter[]>()(
    strictObject({ includeInactive: z.boolean({ error: '格式不正确' }) }),
    read(MATTER_LABELS),
  ),
  /** Changes one matter of the catalogue (until the county bureau's configuration package replaces it). */
  'notarization.updateMatter': channel<NotarizationMatter>()(matterUpdateSchema, write(MATTER_LABELS, APPROVERS)),
  'notarization.create': channel<{ id: number; caseNumber: string }>()(
    strictObject({ draftId: id.nullable(), request: notarizationRequestSchema() }),
    write({ draftId: '草稿', ...prefixed('request', NOTARIZATION_LABELS) }),
  ),
  'notarization.get': channel<NotarizationCase>()(strictObject({ id }), read({ id: '案件' })),
  /** Each step of the lifecycle; answers with the case as it now stands. */
  ...actionChannels<NotarizationCase>()('notarization', NOTARIZATION_ACTION_TABLE),
  'notarization.deadlines': channel<NotarizationCaseDeadlines>()(strictObject({ id }), read({ id: '案件' })),
} as const;
