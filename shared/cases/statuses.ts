// The statuses of every kind in one place (each kind's own, from the registry), for the case list's filter and labels.
import { ALL_KINDS, CASE_KIND_MODULES, kindOf } from '../kinds';
import type { CaseKind } from '../options';

/** A status of any kind. */
export type CaseStatus = { [K in CaseKind]: keyof (typeof CASE_KIND_MODULES)[K]['statusLabels'] }[CaseKind];

/** Every status of every kind, once (the same word may be a status of several kinds). */
export const CASE_STATUSES = [...new Set(ALL_KINDS.flatMap((k) => Object.keys(k.statusLabels)))] as [
  CaseStatus,
  ...CaseStatus[],
];

/** The Chinese label of a status of a kind (the same word can mean different things in different kinds). */
export function caseStatusLabel(kind: CaseKind, status: string): string {
  return (kindOf(kind).statusLabels as Readonly<Record<string, string>>)[status] ?? status;
}
