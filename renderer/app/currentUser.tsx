// Who is signed in, for the pages: what they may do decides what they are shown. The main process checks every
// call anyway (shared/roles.ts); hiding what a role cannot do only spares the clerk a refusal.
import { createContext, useContext, type ReactNode } from 'react';
import type { SessionUser } from '../../shared/accounts';
import { contract, type Channel } from '../../shared/contract';
import { roleAllows } from '../../shared/roles';
import { KIND_ROUTES, type Route } from './route';

const CurrentUserContext = createContext<SessionUser | null>(null);

export function CurrentUserProvider({ user, children }: { user: SessionUser; children: ReactNode }) {
  return <CurrentUserContext.Provider value={user}>{children}</CurrentUserContext.Provider>;
}

export function useCurrentUser(): SessionUser {
  const user = useContext(CurrentUserContext);
  if (!user) throw new Error('useCurrentUser outside CurrentUserProvider');
  return user;
}

/** Whether this user's role may call the channel: the same access table the main process enforces. */
export function userMay(user: SessionUser | null, channel: Channel): boolean {
  return user !== null && roleAllows(user.role, contract[channel].access);
}

export function useMay(channel: Channel): boolean {
  return userMay(useCurrentUser(), channel);
}

/** The call a page is for: a role that may not make it is not shown the page (each kind's pages say their own). */
const PAGE_NEEDS: Partial<Record<Route['page'], Channel>> = {
  ...Object.fromEntries(
    Object.values(KIND_ROUTES).flatMap((routes) => routes.flatMap((r) => ('needs' in r ? [[r.page, r.needs]] : []))),
  ),
  users: 'users.list',
  audit: 'audit.list',
  backup: 'backup.create',
  ledgerImport: 'ledgerImport.run',
  officeEvaluation: 'evaluation.dossierPackage',
};

export function mayOpen(user: SessionUser, page: Route['page']): boolean {
  const needs = PAGE_NEEDS[page];
  return needs === undefined || userMay(user, needs);
}
