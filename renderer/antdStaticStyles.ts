// The build's antd styles, made once by the build instead of in every window: antd writes each component's CSS at
// run time (CSS-in-JS), the first time the component renders, and in the bench's profiles that was the biggest part
// of the window's work on the sign-in form, the case list and the case page alike. This Vite plugin renders the
// antd components the app uses in Node (react-dom/server) with the app's theme, extracts their CSS with
// @ant-design/cssinjs's `extractStyle`, and writes it as one stylesheet. The file ends with the map cssinjs reads on
// its first render (`.data-ant-cssinjs-cache-path`): a component whose style is in the map is neither computed nor
// inserted again. Anything not in the file (a component left out below, another theme) is still made at run time as
// before, so the window looks the same either way.
// index.html only names the file (its meta ANTD_STYLES_META): the window's first screen, the sign-in form, uses no
// antd (renderer/session/SignInPage.tsx), and the renderer links the file when it reads the app's chunk
// (renderer/app/antdStyles.ts), so the cold window parses none of its 770 kB before drawing the form.
import crypto from 'node:crypto';
import { createRequire } from 'node:module';
import type { Plugin } from 'vite';
import { ANTD_STYLES_META } from './app/antdStyles';
import { APP_THEME } from './app/theme';

/** A component by its name in antd's exports, with the props it is rendered with here. */
type Component = string | readonly [string, object];

/**
 * The antd components the renderer imports, and those they render inside themselves (Form.Item's Row and Col;
 * Table's pagination, empty state, checkboxes and filter menus; Select's and DatePicker's pop-ups through their
 * panels). Static methods' holders (message, notification, Modal.confirm) come through their
 * `_InternalPanelDoNotUseOrYouWillBeFired`.
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
  'message',
  'Modal',
  'notification',
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
] as const satisfies readonly Component[];

/** An element of any component, props unchecked: the components here are looked up by name. */
type Make = (type: unknown, props?: object | null, ...children: unknown[]) => import('react').ReactElement;

/** What is used here of antd's cssinjs (antd's own copy: not a dependency of the app's). */
interface CssInJs {
  createCache(): unknown;
  StyleProvider: unknown;
  extractStyle(cache: unknown, options: { plain: boolean; types: string[]; once: boolean }): string;
}

/** The CSS of COMPONENTS under the app's theme, ending with cssinjs's map of what it holds. */
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
  const render = (entry: Component) => {
    const [name, props] = typeof entry === 'string' ? [entry, {}] : entry;
    const component = name
      .split('.')
      .reduce<unknown>((at, key) => (at as Record<string, unknown> | undefined)?.[key], antd) as
      { _InternalPanelDoNotUseOrYouWillBeFired?: unknown } | undefined;
    if (!component) throw new Error(`antd has no ${name}`);
    const shown = component._InternalPanelDoNotUseOrYouWillBeFired ?? component;
    renderToString(h(cssinjs.StyleProvider, { cache }, h(antd.ConfigProvider, { theme: APP_THEME }, h(shown, props))));
  };
  COMPONENTS.forEach(render);
  const css = cssinjs.extractStyle(cache, { plain: true, types: ['style'], once: true });
  if (!/\.data-ant-cssinjs-cache-path\{content:"[^"]*";\}\s*$/.test(css))
    throw new Error("cssinjs's extracted styles do not end with its cache map");
  return css;
}

const fileNameOf = (css: string) =>
  `assets/antd-${crypto.createHash('sha256').update(css).digest('hex').slice(0, 8)}.css`;

export function antdStaticStyles(): Plugin {
  let css = '';
  return {
    name: 'casedesk-antd-static-styles',
    apply: 'build',
    buildStart() {
      css = extractAntdCss();
    },
    generateBundle() {
      this.emitFile({ type: 'asset', fileName: fileNameOf(css), source: css });
    },
    // Named, not linked: the renderer links it ahead of the app's own stylesheet (which overrides some of antd's
    // rules) when it reads the app's chunk (renderer/app/antdStyles.ts).
    transformIndexHtml: {
      order: 'post',
      handler: (html) =>
        html.replace('<title>', `<meta name="${ANTD_STYLES_META}" content="./${fileNameOf(css)}" />\n    <title>`),
    },
  };
}
