// 公证申请 as a kind of case: its parts under the names every kind shares (shared/kinds/kind.ts), for the registry.
import type { CaseKindModule } from '../kind';
import { NOTARIZATION_ACTION_TABLE } from './actions';
import { deadlinesOf, NOTARIZATION_DEADLINE_INPUTS } from './deadlines';
import { NOTARIZATION_DETAIL, type NotarizationDetail } from './detail';
import { NOTARIZATION_DOSSIER } from './dossier';
import { NOTARIZATION_LABELS } from './intake';
import {
  actionProblem,
  availableActions,
  factsOf,
  NOTARIZATION_LIFECYCLE,
  NOTARIZATION_STATUS_LABELS,
  type NotarizationAction,
  type NotarizationFacts,
  type NotarizationStatus,
} from './lifecycle';
import { NOTARIZATION_STATISTICS, type NotarizationCaseFacts } from './statistics';

export const NOTARIZATION = {
  kind: 'notarization',
  key: 'notarization',
  label: '公证申请',
  numberWord: '公',
  statusLabels: NOTARIZATION_STATUS_LABELS,
  finishedStatuses: ['archived', 'delivered', 'refused', 'terminated'],
  intakeLabels: NOTARIZATION_LABELS,
  detail: NOTARIZATION_DETAIL,
  actions: NOTARIZATION_ACTION_TABLE,
  lifecycle: NOTARIZATION_LIFECYCLE,
  factsOf,
  actionProblem,
  availableActions,
  deadlinesOf,
  deadlineInputs: NOTARIZATION_DEADLINE_INPUTS,
  dossier: NOTARIZATION_DOSSIER,
  statistics: NOTARIZATION_STATISTICS,
} as const satisfies CaseKindModule<
  NotarizationStatus,
  NotarizationAction,
  NotarizationFacts,
  NotarizationDetail,
  NotarizationCaseFacts
>;
