// CaseFacts from the rows of the tables the facts come from — the office's own database, or the same tables as an
// office exported them to the bureau — with each kind's timeline folded by that kind's own pure rules
// (shared/legalAid, shared/mediation, shared/notarization), so the office and the county count alike.
import type { CaseAction } from '../lifecycle';
import { legalAidDeadlinesOf, legalAidFacts } from '../kinds/legalAid/lifecycle';
import type { LegalAidStatus } from '../kinds/legalAid/options';
import { mediationDeadlinesOf, mediationFacts, type MediationStatus } from '../kinds/mediation/lifecycle';
import { notarizationDeadlines } from '../kinds/notarization/deadlines';
import { notarizationProgress } from '../kinds/notarization/progress';
import type { CaseFacts, CaseLimit } from './facts';
import type { HolidayTable } from '../holidays';

/** The columns read, named as in the database (db/schema.ts) and in the exported rows (shared/exchange/tables.ts). */
export interface CaseRowSet {
  cases: readonly { id: number; kind: string; case_number: string; status: string; received_on: string }[];
  /** Oldest first within a case (by id). */
  actions: readonly { id: number; case_id: number; action: string; acted_on: string; data: string; from_status: string | null; to_status: string }[];
  legalAid: readonly { case_id: number; category: string; service_form: string; applicant_groups: string }[];
  mediation: readonly { case_id: number; simple: number; dispute_type: string; amount_fen: number; people_count: number }[];
  notarization: readonly { case_id: number; matter_name: string; matter_category: string }[];
  /**
   * A director's override of the dossier check (shared/dossier): the case was closed ('close') or archived
   * ('archive') with materials missing. Absent when the source keeps no dossier: completeness is then unknown.
   */
  dossierOverrides?: readonly { case_id: number; action: string }[];
}

function parseJson<T>(text: string, fallback: T): T {
  try {
    return JSON.parse(text) as T;
  } catch {
    return fallback;
  }
}

/** `table`: the holiday schedule the limits are counted with (the shipped one when not given). */
export function caseFactsFromRows(officeCode: string, rows: CaseRowSet, asOf: string, table?: HolidayTable): CaseFacts[] {
  const timelines = new Map<number, CaseAction[]>();
  // The office's query hands them over in order; imported rows come in key order (text), so sort only when needed.
  const inOrder = rows.actions.every((a, i, all) => i === 0 || all[i - 1]!.case_id < a.case_id || (all[i - 1]!.case_id === a.case_id && all[i - 1]!.id < a.id));
  const actions = inOrder ? rows.actions : [...rows.actions].sort((x, y) => x.case_id - y.case_id || x.id - y.id);
  for (const a of actions) {
    let list = timelines.get(a.case_id);
    if (!list) timelines.set(a.case_id, (list = []));
    list.push({
      id: a.id, action: a.action, actedOn: a.acted_on, data: parseJson<Record<string, unknown>>(a.data, {}),
      fromStatus: a.from_status, toStatus: a.to_status, username: '', recordedAt: '',
    });
  }
  const legalAid = new Map(rows.legalAid.map((r) => [r.case_id, r]));
  const mediation = new Map(rows.mediation.map((r) => [r.case_id, r]));
  const notarization = new Map(rows.notarization.map((r) => [r.case_id, r]));
  const overridden = rows.dossierOverrides ? new Set(rows.dossierOverrides.map((o) => `${o.case_id}:${o.action}`)) : null;
  /**
   * Whether the dossier was complete when the case was finished, where the dossier module gates it: 结案 of legal
   * aid, 归档 of mediation and notarization (their check is at archiving). The gate refuses an incomplete dossier
   * unless a director overrides it, so "finished without an override" is "complete".
   */
  const completeAt = (caseId: number, action: 'close' | 'archive', finished: boolean): boolean | null =>
    overridden === null || !finished ? null : !overridden.has(`${caseId}:${action}`);

  const out: CaseFacts[] = [];
  for (const c of rows.cases) {
    const timeline = timelines.get(c.id) ?? [];
    const base = { officeCode, caseNumber: c.case_number, status: c.status, receivedOn: c.received_on, asOf };
    const archived = c.status === 'archived';
    if (c.kind === 'legal_aid') {
      const row = legalAid.get(c.id);
      const f = legalAidFacts(c.received_on, c.status as LegalAidStatus, timeline);
      const firstTo = (action: string, to: string) => timeline.find((a) => a.action === action && a.toStatus === to)?.actedOn ?? null;
      // 先行提供 is not a grant; a bureau's order to correct a refusal is.
      const grants = [firstTo('decide', 'granted'), firstTo('reviewObjection', 'granted')].filter((d): d is string => d !== null).sort();
      out.push({
        ...base, kind: 'legal_aid', category: row?.category ?? '', serviceForm: row?.service_form ?? '',
        applicantGroups: row ? parseJson<string[]>(row.applicant_groups, []) : [],
        grantedOn: grants[0] ?? null, refusedOn: firstTo('decide', 'refused'), provisionalOn: f.provisional?.on ?? null,
        assignedOn: f.assignment?.on ?? null, closedOn: f.closing?.on ?? null, terminatedOn: f.termination?.on ?? null,
        subsidy: f.subsidy ? { paidOn: f.subsidy.paidOn, amountFen: f.subsidy.amountFen } : null,
        limits: legalAidDeadlinesOf(f, asOf, undefined, table)
          .filter((d): d is typeof d & { key: CaseLimit['key'] } => d.key === 'legalAidDecision' || d.key === 'legalAidAssignment')
          .map((d) => ({ key: d.key, due: d.due, doneOn: d.doneOn })),
        missingNoticeDates: f.materials ? [f.materials.notifiedOn] : [],
        dossierCompleteAtClosing: completeAt(c.id, 'close', f.closing !== null),
      });
    } else if (c.kind === 'mediation') {
      const row = mediation.get(c.id);
      const f = mediationFacts({ receivedOn: c.received_on, status: c.status as MediationStatus, simple: row?.simple === 1 }, timeline);
      out.push({
        ...base, kind: 'mediation', disputeType: row?.dispute_type ?? '', amountFen: row?.amount_fen ?? 0, peopleCount: row?.people_count ?? 0,
        closedOn: f.outcome?.on ?? null, outcome: f.outcome, agreement: f.agreement ? { form: f.agreement.form, amountFen: f.agreement.amountFen } : null,
        confirmationAppliedOn: f.confirmation?.appliedOn ?? null,
        confirmedOn: f.confirmation?.result?.result === '确认调解协议有效' ? f.confirmation.result.on : null,
        crimePrevention: f.crimePrevention,
        subsidy: f.subsidy ? { on: f.subsidy.on, form: f.subsidy.form, amountFen: f.subsidy.amountFen } : null,
        limits: mediationDeadlinesOf(f, asOf, undefined, table).filter((d) => d.key === 'mediationTerm').map((d) => ({ key: 'mediationTerm', due: d.due, doneOn: d.doneOn })),
        missingNoticeDates: [],
        dossierCompleteAtClosing: completeAt(c.id, 'archive', archived && f.outcome !== null),
      });
    } else if (c.kind === 'notarization') {
      const row = notarization.get(c.id);
      const p = notarizationProgress(timeline);
      const d = notarizationDeadlines(p, asOf, table);
      out.push({
        ...base, kind: 'notarization', matterName: row?.matter_name ?? '', matterCategory: row?.matter_category ?? '',
        forwardedOn: p.forwarded?.on ?? null, acceptedOn: p.accepted?.on ?? null, issuedOn: p.certificate?.issuedOn ?? null,
        deliveredOn: p.delivery?.on ?? null, closedOn: p.delivery?.on ?? null,
        deferred: d.deferredMaterials ? { dueOn: d.deferredMaterials.due, suppliedOn: d.deferredMaterials.doneOn } : null,
        limits: d.issue && d.issue.dueStatus !== null ? [{ key: 'notarizationIssue', due: d.issue.due, doneOn: d.issue.doneOn }] : [],
        missingNoticeDates: timeline
          .filter((a) => (a.action === 'checkMaterials' || a.action === 'suspend') && Array.isArray(a.data.missingItems) && a.data.missingItems.length > 0)
          .map((a) => a.actedOn),
        dossierCompleteAtClosing: completeAt(c.id, 'archive', archived && p.delivery !== null),
      });
    }
  }
  return out;
}
