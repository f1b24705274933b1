// 法律援助 as a kind of case: its parts under the names every kind shares (shared/kinds/kind.ts), for the registry.
import type { CaseKindModule } from '../kind';
import { LEGAL_AID_ACTION_TABLE } from './actions';
import { deadlinesOf, LEGAL_AID_DEADLINE_INPUTS } from './deadlines';
import { LEGAL_AID_FOLLOW_UP } from './followUp';
import { LEGAL_AID_DETAIL, type LegalAidDetail } from './detail';
import { LEGAL_AID_DOSSIER } from './dossier';
import { MATTER_TYPE_LABELS } from './eligibility';
import { LEGAL_AID_LABELS } from './intake';
import {
  actionProblem,
  availableActions,
  factsOf,
  LEGAL_AID_LIFECYCLE,
  LEGAL_AID_STATUS_LABELS,
  type LegalAidAction,
  type LegalAidFacts,
  type LegalAidStatus,
} from './lifecycle';
import { LEGAL_AID_STATISTICS, type LegalAidCaseFacts } from './statistics';

export const LEGAL_AID = {
  kind: 'legal_aid',
  key: 'legalAid',
  label: '法律援助',
  numberWord: '援',
  statusLabels: LEGAL_AID_STATUS_LABELS,
  finishedStatuses: ['archived', 'closed', 'withdrawn', 'refused', 'terminated'],
  aidedRole: 'applicant',
  intakeLabels: LEGAL_AID_LABELS,
  detail: LEGAL_AID_DETAIL,
  actions: LEGAL_AID_ACTION_TABLE,
  lifecycle: LEGAL_AID_LIFECYCLE,
  valueLabels: { matterType: MATTER_TYPE_LABELS },
  factsOf,
  actionProblem,
  availableActions,
  deadlinesOf,
  deadlineInputs: LEGAL_AID_DEADLINE_INPUTS,
  dossier: LEGAL_AID_DOSSIER,
  statistics: LEGAL_AID_STATISTICS,
  followUp: LEGAL_AID_FOLLOW_UP,
} as const satisfies CaseKindModule<LegalAidStatus, LegalAidAction, LegalAidFacts, LegalAidDetail, LegalAidCaseFacts>;
