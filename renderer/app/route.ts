// A hash router: the renderer is loaded from file:// in Electron, where only the hash can change without a reload.
// Each kind of case lists its own pages (renderer/<kind>/routes.ts); the rest are the app's.
import { useEffect, useState } from 'react';
import { PRINT_DOCUMENTS, type PrintDocument } from '../../shared/dossier/materials';
import type { CaseKind } from '../../shared/options';
import { LEGAL_AID_ROUTES } from '../legalAid/routes';
import { MEDIATION_ROUTES } from '../mediation/routes';
import { NOTARIZATION_ROUTES } from '../notarization/routes';
import type { KindRoute } from './kindRoute';

/** Each kind's own pages (the registry of their addresses; the pages themselves are in renderer/kinds.tsx). */
export const KIND_ROUTES = {
  legal_aid: LEGAL_AID_ROUTES,
  mediation: MEDIATION_ROUTES,
  notarization: NOTARIZATION_ROUTES,
} as const satisfies Record<CaseKind, readonly KindRoute[]>;

/** A page of a kind's own (one with an address; the others named in a kind's routes are the app's). */
type KindPage = Extract<(typeof KIND_ROUTES)[CaseKind][number], { path: string }>['page'];
/** Every kind's pages with an address of their own. */
const ALL_KIND_ROUTES = (Object.values(KIND_ROUTES).flat() as readonly KindRoute[]).filter(
  (r): r is KindRoute & { path: string } => r.path !== undefined,
);
/** Whether the address (its words after `#/`) is the route's: `legal-aid/new?draft=3`, `roster`. */
const isAt = (route: { path: string }, parts: readonly string[]) =>
  parts.slice(0, route.path.split('/').length).join('/') === route.path;

export type Route =
  | { page: 'cases' }
  /** `print`: one of the case's dossier pages shown for printing (#/cases/12/print/toc). */
  | { page: 'case'; id: number; print?: PrintDocument }
  /** A kind's own page; `draftId`: its intake form resumed from that draft (#/mediation/new?draft=7). */
  | { page: KindPage; draftId?: number | null }
  | { page: 'drafts' }
  | { page: 'dashboard' }
  | { page: 'statements' }
  | { page: 'statistics' }
  | { page: 'users' }
  | { page: 'audit' }
  | { page: 'backup' }
  | { page: 'exchange' }
  /** 案卷评查 at an office: the bureau's dossier requests and 整改要求. */
  | { page: 'officeEvaluation' }
  | { page: 'bureauOffices' }
  | { page: 'bureauImport' }
  | { page: 'bureauConflicts' }
  | { page: 'settings' }
  | { page: 'holidays' }
  | { page: 'ledgerImport' }
  /** 案卷评查 (县局模式): the score sheets, the rounds, one round (#/evaluation/rounds/3). */
  | { page: 'evaluationSheets' }
  | { page: 'evaluationRounds' }
  | { page: 'evaluationRound'; id: number }
  | { page: 'password' };

/** Pages that are one word in the hash and carry nothing else. */
const PLAIN_PAGES = [
  'drafts',
  'dashboard',
  'statements',
  'statistics',
  'users',
  'audit',
  'backup',
  'exchange',
  'officeEvaluation',
  'settings',
  'holidays',
  'ledgerImport',
  'password',
] as const;
type PlainPage = (typeof PLAIN_PAGES)[number];
const isPlainPage = (s: string): s is PlainPage => (PLAIN_PAGES as readonly string[]).includes(s);

/** The bureau's pages, two words in the hash: #/bureau/offices. */
const BUREAU_PAGES = {
  'bureau/offices': 'bureauOffices',
  'bureau/import': 'bureauImport',
  'bureau/conflicts': 'bureauConflicts',
} as const;
type BureauPage = (typeof BUREAU_PAGES)[keyof typeof BUREAU_PAGES];
const BUREAU_PAGE_PATHS = Object.fromEntries(
  Object.entries(BUREAU_PAGES).map(([path, page]) => [page, path]),
) as Record<BureauPage, string>;

function parseRoute(hash: string): Route {
  const [path = '', query = ''] = hash.replace(/^#\/?/, '').split('?');
  const params = new URLSearchParams(query);
  const id = (s: string | null | undefined) => (s && /^\d{1,9}$/.test(s) ? Number(s) : null);
  const parts = path.split('/');
  const first = parts[0] ?? '';
  if (first === 'cases') {
    const caseId = id(parts[1]);
    const print = parts[2] === 'print' ? PRINT_DOCUMENTS.find((d) => d === parts[3]) : undefined;
    if (caseId && print) return { page: 'case', id: caseId, print };
    return caseId ? { page: 'case', id: caseId } : { page: 'cases' };
  }
  const kindRoute = ALL_KIND_ROUTES.find((r) => isAt(r, parts));
  if (kindRoute) {
    const draftId = id(params.get('draft'));
    return { page: kindRoute.page as KindPage, ...(kindRoute.resumesDrafts ? { draftId } : {}) };
  }
  if (isPlainPage(first)) return { page: first };
  if (first === 'evaluation') {
    if (parts[1] === 'sheets') return { page: 'evaluationSheets' };
    const roundId = id(parts[2]);
    return roundId ? { page: 'evaluationRound', id: roundId } : { page: 'evaluationRounds' };
  }
  const bureauPage = BUREAU_PAGES[`${first}/${parts[1] ?? ''}` as keyof typeof BUREAU_PAGES] as BureauPage | undefined;
  return bureauPage ? { page: bureauPage } : { page: 'cases' };
}

export function routeHash(route: Route): string {
  if (route.page === 'case') return route.print ? `#/cases/${route.id}/print/${route.print}` : `#/cases/${route.id}`;
  if (route.page === 'evaluationSheets') return '#/evaluation/sheets';
  if (route.page === 'evaluationRounds') return '#/evaluation/rounds';
  if (route.page === 'evaluationRound') return `#/evaluation/rounds/${route.id}`;
  const kindRoute = ALL_KIND_ROUTES.find((r) => r.page === route.page);
  if (kindRoute) return `#/${kindRoute.path}${'draftId' in route && route.draftId ? `?draft=${route.draftId}` : ''}`;
  return route.page in BUREAU_PAGE_PATHS ? `#/${BUREAU_PAGE_PATHS[route.page as BureauPage]}` : `#/${route.page}`;
}

export function navigate(route: Route): void {
  window.location.hash = routeHash(route);
}

export function useRoute(): Route {
  const [hash, setHash] = useState(() => window.location.hash);
  useEffect(() => {
    const onChange = () => setHash(window.location.hash);
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return parseRoute(hash);
}
