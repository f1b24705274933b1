// The classes antd puts on the root of each of its components: the theme's hash (antd's styles, made by the build,
// are scoped to it: `:where(.css-<hash>).ant-descriptions …`) and the scope of its CSS variables (`css-var-<id>`, on
// which antd defines each component's variables). Our own markup that uses antd's class names in place of a
// component too heavy to repeat (the case page's timeline entries) carries them, so the same rules match it and it
// looks the same. antd's public `theme.useToken()` gives the hash but not the variables' scope (its `cssVar` is the
// token), so the scope is read where antd's own components read it, the design token context, as antd does
// (antd/es/theme/useToken.js); test/renderer/cases/caseTimeline.test.tsx checks both against a real component's.
import { theme } from 'antd';
import { useContext } from 'react';

export function useAntdScope(): string {
  const { hashId } = theme.useToken();
  const cssVarKey = useContext(theme._internalContext).cssVar?.key ?? 'css-var-root';
  return `${hashId} ${cssVarKey}`.trim();
}
