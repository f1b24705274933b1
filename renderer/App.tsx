// The app: Chinese locale, and the session gate (first-run setup, sign-in, lock) in front of the pages.
import { App as AntApp, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import type { Api } from './api';
import { ApiProvider } from './app/apiContext';
import { SessionGate } from './session/SessionGate';

dayjs.locale('zh-cn');

export function App({ api }: { api: Api }) {
  return (
    <ConfigProvider locale={zhCN} button={{ autoInsertSpace: false }} theme={{ token: { fontSize: 15 } }}>
      <AntApp>
        <ApiProvider api={api}>
          <SessionGate />
        </ApiProvider>
      </AntApp>
    </ConfigProvider>
  );
}
