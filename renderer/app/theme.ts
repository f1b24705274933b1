// antd's theme, one place: the app's ConfigProvider (renderer/app/AppConfig.tsx) and the build's static antd styles
// (renderer/antdStaticStyles.ts) must hash the same tokens, or the styles built beforehand would not be the ones the
// window looks up and antd would make them again at run time.
import type { ThemeConfig } from 'antd';

export const APP_THEME: ThemeConfig = { token: { fontSize: 15 } };
