// What the dossier rules (shared/dossier) know of a mediation case: its stages, the facts a rule's condition may
// name, those facts read from the registration and the timeline, and the dossier's check: 归档 is refused while a
// required item is missing.
import type { DossierFacts } from '../../dossier/facts';
import type { KindDossier } from '../kind';
import type { MediationDetail } from './detail';
import type { MediationFacts } from './lifecycle';

/** The stages, in the order of a normal case, with the words the checklist uses for "due from". */
const MILESTONES = {
  registered: '受理登记时',
  mediated: '调解时',
  concluded: '调解结束时',
  agreed: '达成协议时',
  archived: '归档前',
} as const;
type Milestone = keyof typeof MILESTONES;

function dossierFactsOf(f: MediationFacts, detail: MediationDetail | undefined): DossierFacts {
  const reached: Milestone[] = ['registered'];
  if (f.sessions.length > 0 || f.investigations.length > 0) reached.push('mediated');
  if (f.outcome) reached.push('concluded');
  if (f.agreement) reached.push('agreed');
  if (f.archivedOn) reached.push('archived');
  const next: Milestone | null =
    f.status === 'archived' ? null : f.outcome ? 'archived' : f.status === 'mediating' ? 'concluded' : 'mediated';
  return {
    kind: 'mediation',
    facts: {
      source: detail?.source ?? '',
      simple: f.simple,
      investigated: f.investigations.length > 0,
      agreementForm: f.agreement?.form ?? '',
      outcome: f.outcome?.result ?? '',
      confirmationSought: f.confirmation !== null,
    },
    reached,
    next,
    matterMaterials: [],
  };
}

export const MEDIATION_DOSSIER: KindDossier<MediationFacts, MediationDetail> = {
  milestones: MILESTONES,
  facts: {
    source: '纠纷来源',
    simple: '口头调解登记',
    investigated: '进行了调查',
    agreementForm: '协议形式',
    outcome: '调解结果',
    confirmationSought: '申请司法确认',
  },
  factsOf: dossierFactsOf,
  gatedActions: ['archive'],
  closedStatuses: ['concluded', 'failed', 'terminated', 'archived'],
  closingActions: ['succeed', 'fail', 'terminate'],
  noticeTerms: '逾期未补正的，将影响调解工作的开展。',
};
