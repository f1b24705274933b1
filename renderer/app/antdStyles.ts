// antd's styles, read with the app's chunk. The build makes them one stylesheet (renderer/antdStaticStyles.ts) that
// index.html only names: the window's first screen, the sign-in form, is drawn without antd
// (renderer/session/SignInPage.tsx), so the cold window parses none of antd's rules before drawing it. The file is
// linked when the app's chunk is read (renderer/WindowRoot.tsx), and the app waits for it as for its chunk, so no
// antd component is ever drawn without its rules. Without a build (the renderer tests, jsdom) nothing is named and
// antd makes the styles at run time.

/** index.html's `<meta name=…>` whose content is antd's stylesheet, relative to index.html. */
export const ANTD_STYLES_META = 'casedesk-antd-styles';

let linked: Promise<void> | null = null;

/**
 * Links antd's stylesheet ahead of the app's own (which overrides some of antd's rules), once; resolves when Chromium
 * has read it. A file that fails to read fails what waits for it, as a chunk that fails to read does.
 */
function loadAntdStyles(): Promise<void> {
  if (linked) return linked;
  const href = document.querySelector<HTMLMetaElement>(`meta[name="${ANTD_STYLES_META}"]`)?.content;
  if (!href) return (linked = Promise.resolve());
  linked = new Promise<void>((resolve, reject) => {
    const link = document.createElement('link');
    link.rel = 'stylesheet';
    link.href = href;
    link.onload = () => resolve();
    link.onerror = () => {
      linked = null; // tried again when the app is read again
      link.remove();
      reject(new Error(`无法读取界面样式（${href}）`));
    };
    const ownSheet = document.querySelector('link[rel="stylesheet"]');
    if (ownSheet) ownSheet.before(link);
    else document.head.append(link);
  });
  return linked;
}

/** A module once both it and antd's stylesheet are read. */
export function withAntdStyles<M>(load: () => Promise<M>): () => Promise<M> {
  return () => Promise.all([load(), loadAntdStyles()]).then(([module]) => module);
}
