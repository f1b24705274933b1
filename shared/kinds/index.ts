// The registry of the kinds of case: each kind's module (shared/kinds/<kind>/) under its kind. Code that crosses
// kinds looks a kind up here (`kindOf`) and asks it, rather than branching on the kind; adding a kind is its folder
// and one line here (and in CASE_KINDS, shared/options.ts).
import { CASE_KINDS, type CaseKind } from '../options';
import type { CaseKindModule } from './kind';
import { LEGAL_AID } from './legalAid';
import { MEDIATION } from './mediation';
import { NOTARIZATION } from './notarization';

export const CASE_KIND_MODULES = {
  legal_aid: LEGAL_AID,
  mediation: MEDIATION,
  notarization: NOTARIZATION,
} as const satisfies Record<CaseKind, CaseKindModule>;

/** A kind's key (legalAid, mediation, notarization): its channels' prefix, its statistics section. */
export type KindKey = (typeof CASE_KIND_MODULES)[CaseKind]['key'];

/** The module of a kind, for code that crosses kinds (the kind's own code imports its module directly). */
export function kindOf(kind: CaseKind): CaseKindModule {
  return CASE_KIND_MODULES[kind];
}

/** Every kind's module, in the order of CASE_KINDS. */
export const ALL_KINDS: readonly CaseKindModule[] = CASE_KINDS.map(kindOf);

/** Every status, of any kind, after which nothing more happens to a case but archiving (queries over every kind). */
export const FINISHED_STATUSES: readonly string[] = [...new Set(ALL_KINDS.flatMap((k) => k.finishedStatuses))];

/** The Chinese name of a kind: 法律援助, 人民调解, 公证申请. */
export const caseKindLabel = (kind: CaseKind): string => kindOf(kind).label;
