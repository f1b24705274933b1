// The registry of the kinds' pages in the renderer: each kind's module (renderer/<kind>/index.tsx) under its kind,
// for the code that crosses kinds — the case page a case opens in, the navigation, the drafts, the charts — so that
// it looks a kind up rather than branching on it. Adding a kind is its folder, one line here and one in
// renderer/app/route.ts (its pages' addresses).
import type { CaseKind } from '../shared/options';
import type { KindPages } from './app/kindPages';
import { LEGAL_AID_PAGES } from './legalAid';
import { MEDIATION_PAGES } from './mediation';
import { NOTARIZATION_PAGES } from './notarization';

const KIND_PAGES: Record<CaseKind, KindPages> = {
  legal_aid: LEGAL_AID_PAGES,
  mediation: MEDIATION_PAGES,
  notarization: NOTARIZATION_PAGES,
};

export const kindPagesOf = (kind: CaseKind): KindPages => KIND_PAGES[kind];
