// What the dossier rules (shared/dossier) know of a notarization request: its stages, the facts a rule's condition
// may name, those facts read from the request and the timeline, and the dossier's check: 归档 is refused while a
// required item is missing. A rule may expand into the materials the request's matter requires.
import type { DossierFacts } from '../../dossier/facts';
import type { KindDossier } from '../kind';
import type { NotarizationDetail } from './detail';
import type { NotarizationFacts, NotarizationStatus } from './lifecycle';

/** The stages, in the order of a normal case, with the words the checklist uses for "due from". */
const MILESTONES = {
  received: '受理（申请）时',
  forwarded: '转递公证处前',
  accepted: '受理后',
  issued: '出证时',
  delivered: '送达时',
  archived: '归档前',
} as const;
type Milestone = keyof typeof MILESTONES;

const NEXT_BY_STATUS: Record<NotarizationStatus, Milestone | null> = {
  received: 'forwarded',
  awaiting_materials: 'forwarded',
  ready: 'forwarded',
  forwarded: 'accepted',
  accepted: 'issued',
  suspended: 'issued',
  issued: 'delivered',
  delivered: 'archived',
  refused: 'archived',
  terminated: 'archived',
  archived: null,
};

/** Matters whose certificate notarizes a document the applicant brings (合同, 委托书, 声明书, 遗嘱 ...). */
const DOCUMENT_MATTERS: ReadonlySet<string> = new Set(['entrustment', 'declaration', 'gift', 'will', 'contract']);

const materialsOf = (detail: NotarizationDetail | undefined): string[] =>
  detail ? (JSON.parse(detail.required_materials) as string[]) : [];

function dossierFactsOf(
  { status, progress: p }: NotarizationFacts,
  detail: NotarizationDetail | undefined,
  { agentApplied }: { agentApplied: boolean },
): DossierFacts {
  const matterCode = detail?.matter_code ?? '';
  const reached: Milestone[] = ['received'];
  if (p.forwarded) reached.push('forwarded');
  if (p.accepted) reached.push('accepted');
  if (p.certificate) reached.push('issued');
  if (p.delivery) reached.push('delivered');
  if (p.archived) reached.push('archived');
  return {
    kind: 'notarization',
    facts: {
      matterCode,
      agentApplied,
      documentMatter: DOCUMENT_MATTERS.has(matterCode),
      verified: p.pauses.some((pause) => pause.reason === '核实有关情况'),
      deferredAcceptance: p.deferred !== null,
    },
    reached,
    next: NEXT_BY_STATUS[status] ?? null,
    matterMaterials: materialsOf(detail),
  };
}

export const NOTARIZATION_DOSSIER: KindDossier<NotarizationFacts, NotarizationDetail> = {
  milestones: MILESTONES,
  facts: {
    matterCode: '公证事项',
    agentApplied: '代理人代为申请',
    documentMatter: '申请公证的文书',
    verified: '进行了核实',
    deferredAcceptance: '容缺受理',
  },
  factsOf: dossierFactsOf,
  gatedActions: ['archive'],
  closedStatuses: ['delivered', 'refused', 'terminated', 'archived'],
  closingActions: ['deliver', 'refuse', 'terminate'],
  noticeTerms: '补充材料所需时间不计入办理期限；逾期未补正的，公证机构可以不予办理。',
  expandsMatterMaterials: true,
};
