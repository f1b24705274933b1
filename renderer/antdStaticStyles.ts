// The build's antd styles, made once by the build instead of in every window: antd writes each component's CSS at
// run time (CSS-in-JS), the first time the component renders, and in the bench's profiles that was the biggest part
// of the window's work on the sign-in form, the case list and the case page alike. This Vite plugin renders the
// antd components the app uses in Node (react-dom/server) with the app's theme, extracts their CSS with
// @ant-design/cssinjs's `extractStyle`, and adds it as a stylesheet ahead of every other one in index.html. The
// file ends with the map cssinjs reads on its first render (`.data-ant-cssinjs-cache-path`): a component whose
// style is in the map is neither computed nor inserted again. Anything not in the file (a component left out
// below, another theme) is still made at run time as before, so the window looks the same either way.
import crypto from 'node:crypto';
import { createRequire } from 'node:module';
import type { Plugin } from 'vite';
import { APP_THEME } from './app/theme';

/**
 * The antd components the renderer imports, and those they render inside themselves (Table's pagination, empty
 * state, checkboxes and filter menus; Select's and DatePicker's pop-ups through their panels). Static methods'
 * holders (message, notification, Modal.confirm) come through their `_InternalPanelDoNotUseOrYouWillBeFired`.
 */
const COMPONENTS = [
  'Alert',
  'App',
  'AutoComplete',
  'Badge',
  'Button',
  'Card',
  'Checkbox',
  'Col',
  'Collapse',
  'DatePicker',
  'Descriptions',
  'Divider',
  'Dropdown',
  'Empty',
  'Form',
  'Input',
  'InputNumber',
  'Layout',
  'Layout.Sider',
  'List',
  'Menu',
  'Modal',
  'Pagination',
  'Popconfirm',
  'Popover',
  'Radio',
  'Result',
  'Row',
  'Select',
  'Space',
  'Spin',
  'Switch',
  'Table',
  'Tabs',
  'Tag',
  ['Tag', { color: 'blue' }], // the preset colours' rules come with the first coloured tag
  'Timeline',
  'Tooltip',
  'Typography',
  'message',
  'notification',
] as const satisfies readonly (string | readonly [string, object])[];

/** An element of any component, props unchecked: the components here are looked up by name. */
type Make = (type: unknown, props?: object | null, ...children: unknown[]) => import('react').ReactElement;

/** What is used here of antd's cssinjs (antd's own copy: not a dependency of the app's). */
interface CssInJs {
  createCache(): unknown;
  StyleProvider: unknown;
  extractStyle(cache: unknown, options: { plain: boolean; types: string[] }): string;
}

/** The CSS of COMPONENTS under the app's theme, with cssinjs's map of what it holds. */
function extractAntdCss(): string {
  // The window runs React's and antd's production builds (Vite builds in production mode whatever NODE_ENV says, as
  // under jest), whose class-name hashes differ from development's ('css-dev-only-do-not-override-…'): loaded and
  // run here as production too.
  const was = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    return extractInProduction();
  } finally {
    if (was === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = was;
  }
}

function extractInProduction(): string {
  const load = createRequire(__filename);
  const h = (load('react') as typeof import('react')).createElement as Make;
  const { renderToString } = load('react-dom/server') as typeof import('react-dom/server');
  const antd = load('antd') as Record<string, unknown>;
  // antd's own cssinjs (the cache it writes to must be the one extracted from), resolved from where antd is.
  const cssinjs = createRequire(load.resolve('antd'))('@ant-design/cssinjs') as CssInJs;
  const cache = cssinjs.createCache();
  for (const entry of COMPONENTS) {
    const [name, props] = typeof entry === 'string' ? [entry, {}] : entry;
    const component = name
      .split('.')
      .reduce<unknown>((at, key) => (at as Record<string, unknown> | undefined)?.[key], antd) as
      { _InternalPanelDoNotUseOrYouWillBeFired?: unknown } | undefined;
    if (!component) throw new Error(`antd has no ${name}`);
    const shown = component._InternalPanelDoNotUseOrYouWillBeFired ?? component;
    renderToString(h(cssinjs.StyleProvider, { cache }, h(antd.ConfigProvider, { theme: APP_THEME }, h(shown, props))));
  }
  return cssinjs.extractStyle(cache, { plain: true, types: ['style'] });
}

export function antdStaticStyles(): Plugin {
  let fileName = '';
  let css = '';
  return {
    name: 'casedesk-antd-static-styles',
    apply: 'build',
    buildStart() {
      css = extractAntdCss();
      fileName = `assets/antd-${crypto.createHash('sha256').update(css).digest('hex').slice(0, 8)}.css`;
    },
    generateBundle() {
      this.emitFile({ type: 'asset', fileName, source: css });
    },
    // Ahead of the app's own stylesheet (which overrides some of antd's rules), as antd's run-time styles were.
    transformIndexHtml: {
      order: 'post',
      handler: (html) => html.replace('<title>', `<link rel="stylesheet" href="./${fileName}" />\n    <title>`),
    },
  };
}
