// The app: Chinese locale, and the session gate (first-run setup, sign-in, lock) in front of the pages. A chunk of
// its own, read while the window's first sign-in form is shown (renderer/WindowRoot.tsx). antd's message and modal
// holders (`App`) are the pages' (renderer/Shell.tsx): the session screens use none of them.
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import type { Api } from './api';
import { ApiProvider } from './app/apiContext';
import { AppConfig } from './app/AppConfig';
import type { StatusAnswer } from './session/authStatus';
import { SessionGate } from './session/SessionGate';

export { preloadPages } from './session/SessionGate';

dayjs.locale('zh-cn');

/** `first`: the session's state asked at the window's start (renderer/firstCall.ts); without it the gate asks. */
export function App({ api, first }: { api: Api; first?: StatusAnswer }) {
  return (
    <AppConfig>
      <ApiProvider api={api}>
        <SessionGate first={first} />
      </ApiProvider>
    </AppConfig>
  );
}
