// 人民调解 as a kind of case: its parts under the names every kind shares (shared/kinds/kind.ts), for the registry.
import type { CaseKindModule } from '../kind';
import { MEDIATION_ACTION_TABLE } from './actions';
import { deadlinesOf, MEDIATION_DEADLINE_INPUTS } from './deadlines';
import { MEDIATION_FOLLOW_UP } from './followUp';
import { MEDIATION_DETAIL, type MediationDetail } from './detail';
import { MEDIATION_DOSSIER } from './dossier';
import { MEDIATION_LABELS } from './intake';
import {
  actionProblem,
  availableActions,
  factsOf,
  MEDIATION_LIFECYCLE,
  MEDIATION_STATUS_LABELS,
  type MediationAction,
  type MediationFacts,
  type MediationStatus,
} from './lifecycle';
import { MEDIATION_STATISTICS, type MediationCaseFacts } from './statistics';

export const MEDIATION = {
  kind: 'mediation',
  key: 'mediation',
  label: '人民调解',
  numberWord: '调',
  statusLabels: MEDIATION_STATUS_LABELS,
  finishedStatuses: ['archived', 'failed', 'terminated'],
  intakeLabels: MEDIATION_LABELS,
  detail: MEDIATION_DETAIL,
  actions: MEDIATION_ACTION_TABLE,
  lifecycle: MEDIATION_LIFECYCLE,
  factsOf,
  actionProblem,
  availableActions,
  deadlinesOf,
  deadlineInputs: MEDIATION_DEADLINE_INPUTS,
  dossier: MEDIATION_DOSSIER,
  statistics: MEDIATION_STATISTICS,
  followUp: MEDIATION_FOLLOW_UP,
} as const satisfies CaseKindModule<
  MediationStatus,
  MediationAction,
  MediationFacts,
  MediationDetail,
  MediationCaseFacts
>;
