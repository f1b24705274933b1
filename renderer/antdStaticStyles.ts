// The build's antd styles, made once by the build instead of in every window: antd writes each component's CSS at
// run time (CSS-in-JS), the first time the component renders, and in the bench's profiles that was the biggest part
// of the window's work on the sign-in form, the case list and the case page alike. This Vite plugin renders the
// antd components the app uses in Node (react-dom/server) with the app's theme, extracts their CSS with
// @ant-design/cssinjs's `extractStyle`, and adds it as a stylesheet ahead of every other one in index.html. The
// file ends with the map cssinjs reads on its first render (`.data-ant-cssinjs-cache-path`): a component whose
// style is in the map is neither computed nor inserted again. Anything not in the files (a component left out
// below, another theme) is still made at run time as before, so the window looks the same either way.
// Two files: the sign-in screens' components (FIRST_COMPONENTS), linked from index.html and parsed before the first
// paint, with the map of both; and the pages' (PAGE_COMPONENTS), named in index.html's meta PAGE_STYLES_META and
// linked by the renderer when it reads the pages' chunk (renderer/app/pageStyles.ts), so that Chromium parses and
// matches against a quarter of the rules (200 of 774 kB) while the cold window draws the sign-in form.
import crypto from 'node:crypto';
import { createRequire } from 'node:module';
import type { Plugin } from 'vite';
import { PAGE_STYLES_META } from './app/pageStyles';
import { APP_THEME } from './app/theme';

/** A component by its name in antd's exports, with the props it is rendered with here. */
type Component = string | readonly [string, object];

/**
 * The antd components of the screens in the window's first chunk (renderer/session: sign-in, lock, forced password
 * change, the data key; SessionGate's failure and waiting screens; renderer/app/lazyPage's loading), and those they
 * render inside themselves (Form.Item's Row and Col).
 */
const FIRST_COMPONENTS = [
  'Alert',
  'Button',
  'Col',
  'Form',
  'Input',
  'Result',
  'Row',
  'Space',
  'Spin',
  'Typography',
] as const satisfies readonly Component[];

/**
 * The other antd components the renderer imports, and those they render inside themselves (Table's pagination,
 * empty state, checkboxes and filter menus; Select's and DatePicker's pop-ups through their panels). Static
 * methods' holders (message, notification, Modal.confirm) come through their `_InternalPanelDoNotUseOrYouWillBeFired`.
 */
const PAGE_COMPONENTS = [
  'App',
  'AutoComplete',
  'Badge',
  'Card',
  'Checkbox',
  'Collapse',
  'DatePicker',
  'Descriptions',
  'Divider',
  'Dropdown',
  'Empty',
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
  'Select',
  'Switch',
  'Table',
  'Tabs',
  'Tag',
  ['Tag', { color: 'blue' }], // the preset colours' rules come with the first coloured tag
  'Timeline',
  'Tooltip',
  'message',
  'notification',
] as const satisfies readonly Component[];

/** An element of any component, props unchecked: the components here are looked up by name. */
type Make = (type: unknown, props?: object | null, ...children: unknown[]) => import('react').ReactElement;

/** What is used here of antd's cssinjs (antd's own copy: not a dependency of the app's). */
interface CssInJs {
  createCache(): unknown;
  StyleProvider: unknown;
  extractStyle(cache: unknown, options: { plain: boolean; types: string[]; once: boolean }): string;
}

/** The two stylesheets' text. */
interface AntdCss {
  /** FIRST_COMPONENTS' rules, then cssinjs's map of both files' rules. */
  first: string;
  /** PAGE_COMPONENTS' rules not in `first` (no map: cssinjs reads one, on the first render). */
  pages: string;
}

/** cssinjs's map of what a stylesheet holds: its last rule, `.data-ant-cssinjs-cache-path{content:"path:hash;…";}`. */
const CACHE_MAP = /\.data-ant-cssinjs-cache-path\{content:"([^"]*)";\}\s*$/;

/** A stylesheet extracted by cssinjs, split into its rules and its map's entries. */
function splitMap(css: string): { rules: string; map: string } {
  const found = CACHE_MAP.exec(css);
  if (!found) throw new Error("cssinjs's extracted styles do not end with its cache map");
  return { rules: css.slice(0, found.index), map: found[1]! };
}

/** The CSS of FIRST_COMPONENTS and PAGE_COMPONENTS under the app's theme, with cssinjs's map of what they hold. */
function extractAntdCss(): AntdCss {
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

function extractInProduction(): AntdCss {
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
  // `once`: each extraction takes only what the cache gained since the one before, so no rule is in both files.
  FIRST_COMPONENTS.forEach(render);
  const first = splitMap(cssinjs.extractStyle(cache, { plain: true, types: ['style'], once: true }));
  PAGE_COMPONENTS.forEach(render);
  const pages = splitMap(cssinjs.extractStyle(cache, { plain: true, types: ['style'], once: true }));
  const map = [first.map, pages.map].filter(Boolean).join(';');
  return { first: `${first.rules}.data-ant-cssinjs-cache-path{content:"${map}";}`, pages: pages.rules };
}

const fileNameOf = (name: string, css: string) =>
  `assets/${name}-${crypto.createHash('sha256').update(css).digest('hex').slice(0, 8)}.css`;

export function antdStaticStyles(): Plugin {
  let css: AntdCss = { first: '', pages: '' };
  return {
    name: 'casedesk-antd-static-styles',
    apply: 'build',
    buildStart() {
      css = extractAntdCss();
    },
    generateBundle() {
      this.emitFile({ type: 'asset', fileName: fileNameOf('antd', css.first), source: css.first });
      this.emitFile({ type: 'asset', fileName: fileNameOf('antd-pages', css.pages), source: css.pages });
    },
    // Ahead of the app's own stylesheet (which overrides some of antd's rules), as antd's run-time styles were; the
    // pages' file is linked right after the first one when the pages are read (renderer/app/pageStyles.ts).
    transformIndexHtml: {
      order: 'post',
      handler: (html) =>
        html.replace(
          '<title>',
          `<link rel="stylesheet" href="./${fileNameOf('antd', css.first)}" />\n` +
            `    <meta name="${PAGE_STYLES_META}" content="./${fileNameOf('antd-pages', css.pages)}" />\n    <title>`,
        ),
    },
  };
}
