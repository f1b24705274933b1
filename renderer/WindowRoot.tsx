// The window's root. Its usual start is nobody signed in: the sign-in form is then drawn by itself, with React and
// its own markup (renderer/session/SignInPage.tsx), while the app (renderer/App.tsx: antd, the session gate and its
// other screens, the pages) is read in the background once the window is idle; signing in draws the app, signed in.
// Any other start (the first run's setup, a user still signed in, the data key asked for, a failure) draws the app
// at once, as soon as it is read. The session's state is the window's first answer (renderer/firstCall.ts) either way.
import { useEffect, useState } from 'react';
import type { SessionUser } from '../shared/accounts';
import type { AuthStatus } from '../shared/contract';
import type { Api } from './api';
import { withAntdStyles } from './app/antdStyles';
import { ApiProvider } from './app/apiContext';
import { whenIdle } from './app/whenIdle';
import { signedInAs, signedOutIn, type StatusAnswer } from './session/authStatus';
import { SignInPage } from './session/SignInPage';

type AppModule = typeof import('./App');

/** The app's chunk with antd's styles (and, once read, the pages' chunk after it: renderer/session/SessionGate.tsx). */
const readApp = withAntdStyles((): Promise<AppModule> => import('./App'));

/** The session's state when the first screen is the sign-in form: nobody signed in, and the office set up. */
const signInFirst = (answer: StatusAnswer): AuthStatus | null => {
  const signedOut = signedOutIn(answer);
  return signedOut?.hasUsers ? signedOut : null;
};

interface Props {
  api: Api;
  first: StatusAnswer;
}

export function WindowRoot({ api, first }: Props) {
  const [opened, setOpened] = useState<{ App: AppModule['App']; first: StatusAnswer } | null>(null);
  const [unreadable, setUnreadable] = useState(false);
  const signIn = signInFirst(first);

  useEffect(() => {
    if (signIn)
      return whenIdle(
        () =>
          void readApp().then(
            (app) => app.preloadPages(),
            () => {},
          ),
      );
    readApp().then(
      (app) => setOpened({ App: app.App, first }),
      () => setUnreadable(true),
    );
  }, [signIn, first]);

  if (opened) return <opened.App api={api} first={opened.first} />;
  if (signIn) {
    const signedIn = async (user: SessionUser) => {
      const app = await readApp();
      setOpened({ App: app.App, first: { status: signedInAs(signIn, user) } });
    };
    return (
      <ApiProvider api={api}>
        <SignInPage office={signIn.office} resuming={null} onSignedIn={signedIn} />
      </ApiProvider>
    );
  }
  return (
    <div className="window-opening" role="status">
      {unreadable ? '无法读取程序文件，请重新安装本软件' : '正在打开…'}
    </div>
  );
}
