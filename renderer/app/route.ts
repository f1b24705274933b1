// A hash router: the renderer is loaded from file:// in Electron, where only the hash can change without a reload.
import { useEffect, useState } from 'react';

export type Route =
  | { page: 'cases' }
  | { page: 'case'; id: number }
  | { page: 'intake'; draftId: number | null }
  | { page: 'drafts' }
  | { page: 'mediation' }
  | { page: 'notarization' }
  | { page: 'statements' }
  | { page: 'users' }
  | { page: 'audit' }
  | { page: 'backup' }
  | { page: 'settings' }
  | { page: 'password' };

/** Pages that are one word in the hash and carry nothing else. */
const PLAIN_PAGES = ['drafts', 'mediation', 'notarization', 'statements', 'users', 'audit', 'backup', 'settings', 'password'] as const;
type PlainPage = (typeof PLAIN_PAGES)[number];
const isPlainPage = (s: string): s is PlainPage => (PLAIN_PAGES as readonly string[]).includes(s);

export function parseRoute(hash: string): Route {
  const [path = '', query = ''] = hash.replace(/^#\/?/, '').split('?');
  const params = new URLSearchParams(query);
  const id = (s: string | null | undefined) => (s && /^\d{1,9}$/.test(s) ? Number(s) : null);
  const parts = path.split('/');
  const first = parts[0] ?? '';
  if (first === 'cases') {
    const caseId = id(parts[1]);
    return caseId ? { page: 'case', id: caseId } : { page: 'cases' };
  }
  if (first === 'legal-aid') return { page: 'intake', draftId: id(params.get('draft')) };
  if (isPlainPage(first)) return { page: first };
  return { page: 'cases' };
}

export function routeHash(route: Route): string {
  switch (route.page) {
    case 'case':
      return `#/cases/${route.id}`;
    case 'intake':
      return route.draftId ? `#/legal-aid/new?draft=${route.draftId}` : '#/legal-aid/new';
    default:
      return `#/${route.page}`;
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
