// The app: Chinese locale, and the session gate (first-run setup, sign-in, lock) in front of the pages. antd's
// message and modal holders (`App`) are the pages' (renderer/Shell.tsx): the sign-in screens use none of them, and
// they would weigh on the window's first chunk.
import { ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import type { Api } from './api';
import { ApiProvider } from './app/apiContext';
import { APP_THEME } from './app/theme';
import type { StatusAnswer } from './session/authStatus';
import { SessionGate } from './session/SessionGate';

dayjs.locale('zh-cn');

/** `first`: the session's state asked at the window's start (renderer/firstCall.ts); without it the gate asks. */
export function App({ api, first }: { api: Api; first?: StatusAnswer }) {
  return (
    <ConfigProvider locale={zhCN} button={{ autoInsertSpace: false }} theme={APP_THEME}>
      <ApiProvider api={api}>
        <SessionGate first={first} />
      </ApiProvider>
    </ConfigProvider>
  );
}
