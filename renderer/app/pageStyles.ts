// antd's styles for the pages, read with the pages' chunk. The build makes antd's styles in two files
// (renderer/antdStaticStyles.ts): the sign-in screens' rules, linked from index.html and parsed before the first
// paint, and the pages' (the table, the menu, the date pickers…, nine tenths of the rules), which index.html only
// names. The cold window thus parses and matches styles against a tenth of antd's rules while it draws the sign-in
// form; the pages' file is linked when the pages' chunk is read (the shell's, the first run's), and a page waits
// for it as for its chunk, so no page is ever drawn without its rules. Without a build (the renderer tests, jsdom)
// nothing is named and antd makes the styles at run time, as it did before.

/** index.html's `<meta name=…>` whose content is the pages' stylesheet, relative to index.html. */
export const PAGE_STYLES_META = 'casedesk-page-styles';

let linked: Promise<void> | null = null;

/**
 * Links the pages' stylesheet right after antd's first one (ahead of the app's own, which overrides some of antd's
 * rules), once; resolves when Chromium has read it. A file that fails to read fails the page that waits for it, as
 * a chunk that fails to read does.
 */
function loadPageStyles(): Promise<void> {
  if (linked) return linked;
  const href = document.querySelector<HTMLMetaElement>(`meta[name="${PAGE_STYLES_META}"]`)?.content;
  if (!href) return (linked = Promise.resolve());
  linked = new Promise<void>((resolve, reject) => {
    const link = document.createElement('link');
    link.rel = 'stylesheet';
    link.href = href;
    link.onload = () => resolve();
    link.onerror = () => {
      linked = null; // tried again when the page is opened again
      link.remove();
      reject(new Error(`无法读取界面样式（${href}）`));
    };
    const firstSheet = document.querySelector('link[rel="stylesheet"]');
    if (firstSheet) firstSheet.after(link);
    else document.head.append(link);
  });
  return linked;
}

/** A page's module once both it and the pages' stylesheet are read. */
export function withPageStyles<M>(load: () => Promise<M>): () => Promise<M> {
  return () => Promise.all([load(), loadPageStyles()]).then(([module]) => module);
}
