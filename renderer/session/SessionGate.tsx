// Who may see the app: the first-run setup before any account exists, then sign-in, the forced password change,
// and the lock screen. The app's pages (the shell) stay mounted under the lock and sign-in screens while the same
// user comes back, so nothing half-typed is lost; they are dropped when the user signs out or someone else signs in.
import { Button, Result, Spin } from 'antd';
import { Suspense, useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { SessionUser } from '../../shared/accounts';
import type { AuthStatus } from '../../shared/contract';
import type { Office } from '../../shared/office';
import { ApiError } from '../api';
import { ApiProvider, errorMessage, useApi } from '../app/apiContext';
import { guardSession, type GuardedApi, type Interruption } from '../app/sessionGuard';
import { useIdleLock } from '../app/useIdleLock';
import { lazyPage, PageLoading } from '../app/lazyPage';
import { askStatus, signedInAs, signedOutIn, type StatusAnswer } from './authStatus';
import { ForcedPasswordChangePage } from './ChangePasswordForm';
import { LockScreen } from './LockScreen';
import { SignInPage } from './SignInPage';
import { UnlockDataPage } from './UnlockDataPage';

/**
 * The app's pages, a chunk of their own. They are read while the sign-in form is shown (`preloadPages`), so signing
 * in does not wait for them.
 */
const Shell = lazyPage(() => import('../Shell'), 'Shell');
/** Reads the pages' chunk beforehand; a failure here shows when the pages are opened. */
export const preloadPages = (): void => void Shell.preload().catch(() => {});

/** The first run's setup, once in an installation's life (its form uses the pages' components). */
const FirstRunPage = lazyPage(() => import('./FirstRunPage'), 'FirstRunPage');

/** How long after the first screen is drawn the pages are read (see the effect below). */
const PAGES_READ_AFTER_MS = 300;

/** The pages of one signed-in user, with the client they call through. */
interface OpenShell {
  generation: number;
  user: SessionUser;
  guard: GuardedApi;
}

/** `first`: the session's state asked at the window's start (renderer/firstCall.ts); without it the gate asks. */
export function SessionGate({ first }: { first?: StatusAnswer }) {
  const api = useApi();
  const [status, setStatus] = useState<AuthStatus | null>(() => signedOutIn(first));
  const [failure, setFailure] = useState<string | null>(null);
  /** The data file is encrypted and this PC does not hold its key: the recovery key is asked for first. */
  const [keyNeeded, setKeyNeeded] = useState<string | null>(null);
  const [user, setUser] = useState<SessionUser | null>(null);
  const [locked, setLocked] = useState(false);
  const [shell, setShell] = useState<OpenShell | null>(null);
  const [leaving, setLeaving] = useState(false);
  const shellRef = useRef<OpenShell | null>(null);
  const generation = useRef(0);
  /** Calls of the open pages waiting for the session to come back: true to make them again, false to fail them. */
  const waiting = useRef<((again: boolean) => void)[]>([]);
  const leavingRef = useRef(false);

  const release = useCallback((again: boolean) => {
    const all = waiting.current;
    waiting.current = [];
    for (const resolve of all) resolve(again);
  }, []);

  const interrupted = useCallback((why: Interruption) => {
    if (leavingRef.current) return Promise.resolve(false);
    if (why === 'LOCKED') setLocked(true);
    else {
      setUser(null);
      setLocked(false);
    }
    return new Promise<boolean>((resolve) => waiting.current.push(resolve));
  }, []);

  const openShell = useCallback((next: OpenShell | null) => {
    shellRef.current = next;
    setShell(next);
  }, []);

  const dropShell = useCallback(() => {
    shellRef.current?.guard.close();
    release(false);
    openShell(null);
  }, [openShell, release]);

  const apply = useCallback(
    (next: AuthStatus) => {
      setStatus(next);
      setFailure(null);
      setUser(next.user);
      setLocked(next.user ? next.locked : false);
      const current = shellRef.current;
      const signedIn = next.user;
      if (current && signedIn && signedIn.id !== current.user.id) dropShell(); // someone else at the desk
      if (signedIn && !signedIn.mustChangePassword) {
        const kept = shellRef.current;
        openShell(
          kept
            ? { ...kept, user: signedIn }
            : { generation: ++generation.current, user: signedIn, guard: guardSession(api, interrupted) },
        );
      }
    },
    [api, dropShell, interrupted, openShell],
  );

  const settle = useCallback(
    (answer: StatusAnswer) => {
      if ('status' in answer) {
        apply(answer.status);
        setKeyNeeded(null);
      } else if (answer.error instanceof ApiError && answer.error.data.code === 'DATA_KEY')
        setKeyNeeded(answer.error.message);
      else setFailure(errorMessage(answer.error));
    },
    [apply],
  );

  const load = useCallback(async () => settle(await askStatus(api)), [api, settle]);

  // The window's first answer, when it came with the gate, makes no second round trip. Nobody signed in (a window's
  // usual start): it is the gate's first state above, and React's first screen is the sign-in form. Otherwise it is
  // applied before the first paint (a shell to open, the data key to ask for).
  const firstAnswer = useRef(first);
  useLayoutEffect(() => {
    const given = firstAnswer.current;
    firstAnswer.current = undefined;
    if (!given) void load();
    else if (!signedOutIn(given)) settle(given);
  }, [load, settle]);

  // The pages' chunk is read a moment after the first screen is up: read at once, running the chunk and parsing the
  // styles held up the sign-in form's first input by as long; a clerk takes seconds to type a name and a password,
  // and signing in then finds them read.
  const shown = status !== null;
  useEffect(() => {
    if (!shown) return;
    const later = window.setTimeout(preloadPages, PAGES_READ_AFTER_MS);
    return () => window.clearTimeout(later);
  }, [shown]);

  // The same user is back, unlocked: the calls that waited are made again.
  useEffect(() => {
    if (shell && user && user.id === shell.user.id && !user.mustChangePassword && !locked) release(true);
  }, [shell, user, locked, release]);

  const sessionLost = useCallback(() => {
    setUser(null);
    setLocked(false);
  }, []);

  const lock = useCallback(() => {
    setLocked(true);
    api.call('auth.lock', {}).catch((error: unknown) => {
      if (error instanceof ApiError && error.data.code === 'UNAUTHENTICATED') sessionLost();
    });
  }, [api, sessionLost]);

  const signOut = useCallback(() => {
    leavingRef.current = true;
    release(false);
    setLeaving(true);
  }, [release]);

  // Signing out: the pages close first (saving their drafts while the session still allows it), then the session.
  useEffect(() => {
    if (!leaving) return;
    void (async () => {
      await shellRef.current?.guard.drained();
      dropShell();
      try {
        await api.call('auth.signOut', {});
      } catch {
        // Signed out already, or the main process is gone: either way nobody is signed in here now.
      }
      leavingRef.current = false;
      setLeaving(false);
      await load();
    })();
  }, [leaving, api, dropShell, load]);

  // Signed in: the pages open without asking auth.status again (signedInAs).
  const signedIn = (next: SessionUser) => {
    const current = status;
    if (current) apply(signedInAs(current, next));
    else void load();
  };

  const onOfficeChange = useCallback((office: Office) => setStatus((s) => (s ? { ...s, office } : s)), []);

  let screen: React.ReactNode = null;
  if (status && !leaving) {
    if (!status.hasUsers && !user) screen = <FirstRunPage office={status.office} onDone={() => void load()} />;
    else if (!user) screen = <SignInPage office={status.office} resuming={shell?.user ?? null} onSignedIn={signedIn} />;
    else if (locked)
      screen = (
        <LockScreen user={user} onUnlocked={() => void load()} onSessionLost={sessionLost} onSignOut={signOut} />
      );
    else if (user.mustChangePassword)
      screen = <ForcedPasswordChangePage user={user} onChanged={() => void load()} onSignOut={signOut} />;
  }
  const appShown = !!status && !leaving && !!shell && screen === null;

  useIdleLock({
    enabled: appShown,
    idleMs: (status?.idleLockMinutes ?? 0) * 60_000,
    onIdle: lock,
    // Any call but auth.status marks the window as in use in the main process; app.info is the cheapest.
    onKeepAlive: () => void api.call('app.info', {}).catch(() => {}),
  });

  if (keyNeeded && !status) return <UnlockDataPage reason={keyNeeded} onUnlocked={() => void load()} />;
  if (failure && !status) {
    return (
      <Result
        status="error"
        title="无法读取数据"
        subTitle={failure}
        extra={<Button onClick={() => void load()}>重试</Button>}
      />
    );
  }
  if (!status) return <Spin fullscreen description="正在打开" />;
  if (leaving) return <Spin fullscreen description="正在退出登录" />;
  return (
    <>
      {shell && (
        <div className="app-shell" hidden={!appShown}>
          <ApiProvider api={shell.guard.api}>
            <Suspense fallback={<PageLoading />}>
              <Shell
                key={shell.generation}
                user={shell.user}
                office={status.office}
                onOfficeChange={onOfficeChange}
                onLock={lock}
                onSignOut={signOut}
              />
            </Suspense>
          </ApiProvider>
        </div>
      )}
      {screen && <Suspense fallback={<PageLoading />}>{screen}</Suspense>}
    </>
  );
}
