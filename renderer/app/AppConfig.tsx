// antd's configuration of the window, one place: the app (renderer/App.tsx) and the shell's rehearsal
// (renderer/shellRehearsal.tsx) configure antd alike, or the rehearsal would fill caches (the theme's tokens) that the
// app's components do not look up. Chinese locale, no space put between two Chinese characters of a button, the theme.
import { ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import type { ReactNode } from 'react';
import { APP_THEME } from './theme';

export function AppConfig({ children }: { children: ReactNode }) {
  return (
    <ConfigProvider locale={zhCN} button={{ autoInsertSpace: false }} theme={APP_THEME}>
      {children}
    </ConfigProvider>
  );
}
