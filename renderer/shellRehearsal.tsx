// The case list rehearsed off screen while the sign-in form is shown. The first time antd's components render in a
// window, each runs its code for the first time (V8 compiles it then) and works out its theme's tokens and CSS
// variables (cssinjs's caches, kept while one such component is mounted): that made signing in to the case list
// cost half as much again as signing in a second time in the same window. So once the pages' chunk is read, the
// window draws the shell's frame and a case list of made-up rows into an element that is never in the document,
// and keeps it until the real list is on screen. Nothing is called (its client answers only itself), nothing shown.
import { App as AntApp } from 'antd';
import { startTransition } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import type { SessionUser } from '../shared/accounts';
import { createApi } from '../shared/client';
import type { CaseListRow, DossierCompleteness } from '../shared/contract';
import { ALL_KINDS } from '../shared/kinds';
import { ApiProvider } from './app/apiContext';
import { CurrentUserProvider } from './app/currentUser';
import { AppConfig } from './app/AppConfig';
import { whenIdle } from './app/whenIdle';
import { CaseListPage, INITIAL_CASE_QUERY } from './cases/CaseListPage';
import { navigationFor, ShellLayout } from './ShellLayout';

const REHEARSAL_USER: SessionUser = {
  id: 0,
  username: 'rehearsal',
  displayName: '演练',
  role: 'admin',
  mustChangePassword: false,
};

/** A page of made-up cases of every kind, half of whose dossiers lack an item (their tags have a tooltip). */
const ROWS: CaseListRow[] = Array.from({ length: INITIAL_CASE_QUERY.pageSize }, (_, i) => {
  const kind = ALL_KINDS[i % ALL_KINDS.length]!;
  return {
    id: i + 1,
    kind: kind.kind,
    caseNumber: `〔2026〕演字第${String(i + 1).padStart(4, '0')}号`,
    status: Object.keys(kind.statusLabels)[0]!,
    title: '演练',
    applicantName: '演练',
    applicantIdMasked: '110105********002X',
    receivedOn: '2026-11-20',
    receivedBy: '演练',
  } as CaseListRow;
});
const DOSSIERS: DossierCompleteness[] = ROWS.map((row, i) => ({
  caseId: row.id,
  missingCount: i % 2,
  missing: i % 2 ? ['演练'] : [],
  ruleSetVersion: 1,
}));

/** The rehearsal's client: the list's two reads answered with the made-up page, anything else refused. */
const rehearsalApi = createApi(async (channel) => {
  if (channel === 'cases.list') return { ok: true, value: { total: ROWS.length, rows: ROWS } };
  if (channel === 'dossier.completeness') return { ok: true, value: DOSSIERS };
  return { ok: false, error: { code: 'INTERNAL', message: '演练' } };
});

const noop = () => {};

let root: Root | null = null;
/** Whether the real shell has started: no rehearsal is drawn from then on (one drawn stays until the list is shown). */
let late = false;

/** Draws the rehearsal (once, unless the real shell came first), a piece at a time so typing is not held up. */
function rehearse(): void {
  if (late || root) return;
  root = createRoot(document.createElement('div'));
  const shown = root;
  // antd configured as the app's (renderer/app/AppConfig.tsx): the cached tokens are the theme's.
  startTransition(() =>
    shown.render(
      <AppConfig>
        <AntApp>
          <ApiProvider api={rehearsalApi}>
            <CurrentUserProvider user={REHEARSAL_USER}>
              <ShellLayout
                user={REHEARSAL_USER}
                office={null}
                navigation={navigationFor(REHEARSAL_USER)}
                selectedKey="cases"
                userMenu={{ items: [] }}
              >
                <CaseListPage query={INITIAL_CASE_QUERY} onQueryChange={noop} onOpen={noop} />
              </ShellLayout>
            </CurrentUserProvider>
          </ApiProvider>
        </AntApp>
      </AppConfig>,
    ),
  );
}

/**
 * Rehearses the case list when the window is next idle (the clerk is typing a name and a password). Where the
 * browser cannot say when it is idle (the renderer tests' jsdom), nothing is rehearsed.
 */
export function scheduleShellRehearsal(): void {
  if (!late && typeof window.requestIdleCallback === 'function') window.requestIdleCallback(rehearse);
}

/** The real shell starts to render: a rehearsal not drawn yet is not drawn at all. */
export function forgoShellRehearsal(): void {
  late = true;
}

/**
 * The real list is on screen (or another page came first): the rehearsal is dropped once the window is idle (its
 * cached tokens stay with the real components, which hold them now).
 */
export function endShellRehearsal(): void {
  late = true;
  const drawn = root;
  root = null;
  if (!drawn) return;
  whenIdle(() => drawn.unmount());
}
