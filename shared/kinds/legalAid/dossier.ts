// What the dossier rules (shared/dossier) know of a legal-aid case: its stages, the facts a rule's condition may
// name, those facts read from the application and the timeline, and the dossier's checks: 结案 and 归档 are refused
// while a required item is missing.
import type { DossierFacts } from '../../dossier/facts';
import type { KindDossier } from '../kind';
import type { LegalAidDetail } from './detail';
import { freeOfFinancialCondition } from './eligibility';
import type { LegalAidFacts, LegalAidStatus } from './lifecycle';

/** The stages, in the order of a normal case, with the words the checklist uses for "due from". */
const MILESTONES = {
  received: '受理（申请）时',
  decided: '审查决定后',
  assigned: '指派后',
  closed: '结案时',
  archived: '归档前',
} as const;
type Milestone = keyof typeof MILESTONES;

const NEXT_BY_STATUS: Record<LegalAidStatus, Milestone | null> = {
  received: 'decided',
  awaiting_materials: 'decided',
  granted: 'assigned',
  provisional: 'assigned',
  assigned: 'closed',
  closed: 'archived',
  refused: 'archived',
  terminated: 'archived',
  withdrawn: 'archived',
  objection_pending: 'decided',
  notified: 'assigned',
  archived: null,
};

/**
 * 结案回访: a follow-up made after the case was closed, or on or after the day the matter ended as reported so far
 * (a follow-up when the matter ends, before the closing materials are in, is the closing one too).
 */
function hasClosingFollowUp(f: LegalAidFacts): boolean {
  return f.followUps.some(
    (u) => u.stage === 'closed' || (f.matterEndedOn !== null && f.matterEndedOn !== '' && u.on >= f.matterEndedOn),
  );
}

function dossierFactsOf(
  f: LegalAidFacts,
  detail: LegalAidDetail | undefined,
  { agentApplied }: { agentApplied: boolean },
): DossierFacts {
  const category = detail?.category ?? '';
  const matterType = f.decision?.matterType ?? '';
  const reached: Milestone[] = ['received'];
  // A notice (第36条) stands in for the decision: the case goes from it to the assignment.
  if (f.firstDecisionOn !== null || f.provisional || f.noticeReceivedOn !== null) reached.push('decided');
  if (f.assignment) reached.push('assigned');
  if (f.closing) reached.push('closed');
  if (f.archivedOn) reached.push('archived');
  return {
    kind: 'legal_aid',
    facts: {
      category,
      agentApplied,
      matterType,
      criminalDefence: matterType ? matterType === '刑事辩护' : category === '刑事',
      // Registered from a notice (第36条), or, for cases from before 0017, decided on 第25条 grounds.
      notifiedDefence: f.noticeReceivedOn !== null || (f.decision?.mandatoryDefenceGrounds.length ?? 0) > 0,
      // 第32条's matters and 第28条's 强制医疗 carry no financial material.
      noFinancialTest: matterType !== '' && freeOfFinancialCondition(matterType),
      financeBasis: detail?.finance_basis ?? '',
      decision: f.decision?.decision ?? '',
      provisional: f.provisional !== null,
      subsidyPaid: (f.subsidy?.amountFen ?? 0) > 0,
      closingFollowUp: hasClosingFollowUp(f),
    },
    reached,
    next: NEXT_BY_STATUS[f.status] ?? null,
    matterMaterials: [],
  };
}

export const LEGAL_AID_DOSSIER: KindDossier<LegalAidFacts, LegalAidDetail> = {
  milestones: MILESTONES,
  facts: {
    category: '案件类别',
    agentApplied: '代理人代为申请',
    matterType: '事项类型',
    criminalDefence: '刑事辩护',
    notifiedDefence: '通知辩护',
    noFinancialTest: '不受经济困难条件限制（第32条；强制医疗，第28条）',
    financeBasis: '经济困难核查方式',
    decision: '审查决定',
    provisional: '先行提供',
    subsidyPaid: '已发放办案补贴',
    closingFollowUp: '已有结案回访记录',
  },
  factsOf: dossierFactsOf,
  gatedActions: ['close', 'archive'],
  closedStatuses: ['closed', 'refused', 'terminated', 'withdrawn', 'archived'],
  closingActions: ['close', 'terminate', 'deemWithdrawn', 'decide'],
  noticeAction: 'notifyMissing',
  // The pause is the procedure rules', not the statute's (第43条 says only 一次性告知 and 视为撤回).
  noticeTerms:
    '逾期未补正的，视为撤回申请（《中华人民共和国法律援助法》第四十三条）；补充材料所需时间不计入审查期限（《办理法律援助案件程序规定》）。',
};
