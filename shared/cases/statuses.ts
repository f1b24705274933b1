// The statuses of every kind in one place, for the case list's filter and labels.
import { LEGAL_AID_STATUS_LABELS, LEGAL_AID_STATUSES } from '../kinds/legalAid/options';
import { MEDIATION_STATUS_LABELS, MEDIATION_STATUSES } from '../kinds/mediation/lifecycle';
import { NOTARIZATION_STATUS_LABELS, NOTARIZATION_STATUSES } from '../kinds/notarization/lifecycle';
import type { CaseKind } from '../options';

export const CASE_STATUSES = [...new Set([...LEGAL_AID_STATUSES, ...MEDIATION_STATUSES, ...NOTARIZATION_STATUSES])] as [
  (typeof LEGAL_AID_STATUSES)[number] | (typeof MEDIATION_STATUSES)[number] | (typeof NOTARIZATION_STATUSES)[number],
  ...((typeof LEGAL_AID_STATUSES)[number] | (typeof MEDIATION_STATUSES)[number] | (typeof NOTARIZATION_STATUSES)[number])[],
];
export type CaseStatus = (typeof CASE_STATUSES)[number];

export const CASE_STATUS_LABELS: Record<CaseKind, Readonly<Record<string, string>>> = {
  legal_aid: LEGAL_AID_STATUS_LABELS,
  mediation: MEDIATION_STATUS_LABELS,
  notarization: NOTARIZATION_STATUS_LABELS,
};

/** The Chinese label of a status of a kind (the same word can mean different things in different kinds). */
export function caseStatusLabel(kind: CaseKind, status: string): string {
  return CASE_STATUS_LABELS[kind][status] ?? status;
}
