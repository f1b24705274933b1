// A hash router: the renderer is loaded from file:// in Electron, where only the hash can change without a reload.
import { useEffect, useState } from 'react';
import { PRINT_DOCUMENTS, type PrintDocument } from '../../shared/dossier/materials';

export type Route =
  | { page: 'cases' }
  /** `print`: one of the case's dossier pages shown for printing (#/cases/12/print/toc). */
  | { page: 'case'; id: number; print?: PrintDocument }
  | { page: 'intake'; draftId: number | null }
  | { page: 'drafts' }
  | { page: 'dashboard' }
  | { page: 'roster' }
  /** `draftId`: the form resumed from that draft (#/mediation/new?draft=7). */
  | { page: 'mediationIntake'; draftId?: number }
  | { page: 'mediationOral'; draftId?: number }
  | { page: 'mediationSettings' }
  | { page: 'notarizationIntake'; draftId?: number }
  | { page: 'notarizationMatters' }
  | { page: 'statements' }
  | { page: 'statistics' }
  | { page: 'users' }
  | { page: 'audit' }
  | { page: 'backup' }
  | { page: 'exchange' }
  | { page: 'bureauOffices' }
  | { page: 'bureauImport' }
  | { page: 'bureauConflicts' }
  | { page: 'settings' }
  | { page: 'holidays' }
  | { page: 'password' };

/** Pages that are one word in the hash and carry nothing else. */
const PLAIN_PAGES = ['drafts', 'dashboard', 'roster', 'statements', 'statistics', 'users', 'audit', 'backup', 'exchange', 'settings', 'holidays', 'password'] as const;
type PlainPage = (typeof PLAIN_PAGES)[number];
const isPlainPage = (s: string): s is PlainPage => (PLAIN_PAGES as readonly string[]).includes(s);

/** Pages of one kind of case, two words in the hash: #/mediation/new. */
const KIND_PAGES = {
  'mediation/new': 'mediationIntake',
  'mediation/oral': 'mediationOral',
  'mediation/settings': 'mediationSettings',
  'notarization/new': 'notarizationIntake',
  'notarization/matters': 'notarizationMatters',
  'bureau/offices': 'bureauOffices',
  'bureau/import': 'bureauImport',
  'bureau/conflicts': 'bureauConflicts',
} as const satisfies Record<string, Route['page']>;
type KindPage = (typeof KIND_PAGES)[keyof typeof KIND_PAGES];
const KIND_PAGE_PATHS = Object.fromEntries(Object.entries(KIND_PAGES).map(([path, page]) => [page, path])) as Record<KindPage, string>;

/** The intake forms other than legal aid's that a draft is resumed in. */
const DRAFT_PAGES = ['mediationIntake', 'mediationOral', 'notarizationIntake'] as const;
const isDraftPage = (page: string): page is (typeof DRAFT_PAGES)[number] => (DRAFT_PAGES as readonly string[]).includes(page);

export function parseRoute(hash: string): Route {
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
  if (first === 'legal-aid') return { page: 'intake', draftId: id(params.get('draft')) };
  if (isPlainPage(first)) return { page: first };
  const kindPage = KIND_PAGES[`${first}/${parts[1] ?? ''}` as keyof typeof KIND_PAGES] as KindPage | undefined;
  if (kindPage) {
    const draftId = id(params.get('draft'));
    return draftId && isDraftPage(kindPage) ? { page: kindPage, draftId } : { page: kindPage };
  }
  return { page: 'cases' };
}

export function routeHash(route: Route): string {
  switch (route.page) {
    case 'case':
      return route.print ? `#/cases/${route.id}/print/${route.print}` : `#/cases/${route.id}`;
    case 'intake':
      return route.draftId ? `#/legal-aid/new?draft=${route.draftId}` : '#/legal-aid/new';
    case 'mediationIntake':
    case 'mediationOral':
    case 'notarizationIntake':
      return `#/${KIND_PAGE_PATHS[route.page]}${route.draftId ? `?draft=${route.draftId}` : ''}`;
    default:
      return route.page in KIND_PAGE_PATHS ? `#/${KIND_PAGE_PATHS[route.page as KindPage]}` : `#/${route.page}`;
  }
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
