// What a case's record says, in the terms the dossier rules speak: a flat map of facts (DOSSIER_FACTS) and the
// stages reached. Built from each kind's own reading of its timeline, so the rules and the lifecycle never disagree.
import type { LegalAidFacts } from '../kinds/legalAid/lifecycle';
import { matterTypeDef } from '../kinds/legalAid/eligibility';
import type { LegalAidStatus } from '../kinds/legalAid/options';
import type { MediationFacts } from '../kinds/mediation/lifecycle';
import type { NotarizationStatus } from '../kinds/notarization/lifecycle';
import type { NotarizationProgress } from '../kinds/notarization/progress';
import type { CaseKind } from '../options';
import type { DossierMilestone, FactValue } from './ruleSet';

export interface DossierFacts {
  kind: CaseKind;
  facts: Record<string, FactValue>;
  /** The stages the case has reached. */
  reached: string[];
  /** The stage the case is heading for next; null when archived. */
  next: string | null;
  /** A notarization's materials for its matter, as the catalogue had them at intake. */
  matterMaterials: string[];
}

export function legalAidDossierFacts(
  intake: { category: string; agentApplied: boolean; financeBasis: string },
  f: LegalAidFacts,
): DossierFacts {
  const matterType = f.decision?.matterType ?? '';
  const reached: DossierMilestone<'legal_aid'>[] = ['received'];
  if (f.firstDecisionOn !== null || f.provisional) reached.push('decided');
  if (f.assignment) reached.push('assigned');
  if (f.closing) reached.push('closed');
  if (f.archivedOn) reached.push('archived');
  const nextByStatus: Record<LegalAidStatus, DossierMilestone<'legal_aid'> | null> = {
    received: 'decided', awaiting_materials: 'decided', granted: 'assigned', provisional: 'assigned', assigned: 'closed',
    closed: 'archived', refused: 'archived', terminated: 'archived', withdrawn: 'archived', objection_pending: 'decided', archived: null,
  };
  return {
    kind: 'legal_aid',
    facts: {
      category: intake.category,
      agentApplied: intake.agentApplied,
      matterType,
      criminalDefence: matterType ? matterType === '刑事辩护' : intake.category === '刑事',
      notifiedDefence: (f.decision?.mandatoryDefenceGrounds.length ?? 0) > 0,
      noFinancialTest: matterType !== '' && matterTypeDef(matterType).list === 'article32',
      financeBasis: intake.financeBasis,
      decision: f.decision?.decision ?? '',
      provisional: f.provisional !== null,
      subsidyPaid: (f.subsidy?.amountFen ?? 0) > 0,
    },
    reached,
    next: nextByStatus[f.status] ?? null,
    matterMaterials: [],
  };
}

export function mediationDossierFacts(intake: { source: string }, f: MediationFacts): DossierFacts {
  const reached: DossierMilestone<'mediation'>[] = ['registered'];
  if (f.sessions.length > 0 || f.investigations.length > 0) reached.push('mediated');
  if (f.outcome) reached.push('concluded');
  if (f.agreement) reached.push('agreed');
  if (f.archivedOn) reached.push('archived');
  const next: DossierMilestone<'mediation'> | null =
    f.status === 'archived' ? null : f.outcome ? 'archived' : f.status === 'mediating' ? 'concluded' : 'mediated';
  return {
    kind: 'mediation',
    facts: {
      source: intake.source,
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

/** Matters whose certificate notarizes a document the applicant brings (合同, 委托书, 声明书, 遗嘱 ...). */
const DOCUMENT_MATTERS: ReadonlySet<string> = new Set(['entrustment', 'declaration', 'gift', 'will', 'contract']);

export function notarizationDossierFacts(
  intake: { matterCode: string; agentApplied: boolean; requiredMaterials: string[] },
  status: NotarizationStatus,
  p: NotarizationProgress,
): DossierFacts {
  const reached: DossierMilestone<'notarization'>[] = ['received'];
  if (p.forwarded) reached.push('forwarded');
  if (p.accepted) reached.push('accepted');
  if (p.certificate) reached.push('issued');
  if (p.delivery) reached.push('delivered');
  if (p.archived) reached.push('archived');
  const nextByStatus: Record<NotarizationStatus, DossierMilestone<'notarization'> | null> = {
    received: 'forwarded', awaiting_materials: 'forwarded', ready: 'forwarded', forwarded: 'accepted', accepted: 'issued',
    suspended: 'issued', issued: 'delivered', delivered: 'archived', refused: 'archived', terminated: 'archived', archived: null,
  };
  return {
    kind: 'notarization',
    facts: {
      matterCode: intake.matterCode,
      agentApplied: intake.agentApplied,
      documentMatter: DOCUMENT_MATTERS.has(intake.matterCode),
      verified: p.pauses.some((pause) => pause.reason === '核实有关情况'),
      deferredAcceptance: p.deferred !== null,
    },
    reached,
    next: nextByStatus[status] ?? null,
    matterMaterials: intake.requiredMaterials,
  };
}
