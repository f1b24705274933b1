// Pages loaded when they are first opened. The window's first load holds only the sign-in form
// (renderer/WindowRoot.tsx); the app with the other session screens, and each page's code (with the antd components
// only it uses), are chunks of their own beside it, read from the app's own folder (file:// in Electron, the loopback
// preview) — never from a network. Until a page's chunk is read, the place where it goes says so.
import { Spin } from 'antd';
import { lazy, useState, type ComponentType, type JSX } from 'react';
import { whenIdle } from './whenIdle';

/** A component's props. */
type PropsOf<C> = C extends ComponentType<infer P> ? P : never;

/** Every page's `preload`, in the order the pages were declared. */
const everyPage: (() => Promise<unknown>)[] = [];

/** A page read on first use; `preload()` reads it beforehand, so that it then shows without waiting at all. */
export type LazyPage<P> = ComponentType<P> & { preload(): Promise<unknown> };

/**
 * The component exported under `name` by the module `load` imports. Until its chunk is read it suspends (the
 * nearest <Suspense> shows <PageLoading />); once read — also by `preload()` — a newly shown page renders it
 * directly, since even a chunk already read would suspend through React.lazy once and React shows a fallback for at
 * least 300 ms. Each shown page keeps the way it started with, so that it is never swapped (and its state lost).
 */
export function lazyPage<M, K extends keyof M>(load: () => Promise<M>, name: K): LazyPage<PropsOf<M[K]>> {
  type P = PropsOf<M[K]>;
  let loaded: ComponentType<P> | null = null;
  const preload = () =>
    load().then((module) => {
      loaded = module[name] as ComponentType<P>;
      return loaded;
    });
  everyPage.push(preload);
  const Lazy = lazy(() => preload().then((component) => ({ default: component })));
  function Page(props: P) {
    const [Direct] = useState(() => loaded);
    const Shown = (Direct ?? Lazy) as ComponentType<P>;
    return <Shown {...(props as P & JSX.IntrinsicAttributes)} />;
  }
  return Object.assign(Page, { preload });
}

/**
 * Reads the chunk of every page declared so far, one after another whenever the window is idle: started once the
 * shell is up, so that no page the clerk opens later waits for its chunk (and React's loading state, shown for at
 * least 300 ms, is seen at most at the first start). The chunks are the app's own files; a chunk that fails to
 * read shows its failure when its page is opened. Returns a stop for an unmounted shell.
 */
export function preloadEveryPage(): () => void {
  let stopped = false;
  const queue = [...everyPage];
  const readNext = () => {
    const read = queue.shift();
    if (stopped || !read) return;
    read()
      .catch(() => {})
      .finally(() => whenIdle(readNext));
  };
  whenIdle(readNext);
  return () => {
    stopped = true;
  };
}

/**
 * Reads every page's chunk now, and those of the pages the chunks read declare (the shell declares most), until none
 * is left: for the renderer tests, which load the whole app before a test's clock starts, as the window has it once
 * preloadEveryPage is done.
 */
export async function loadEveryPage(): Promise<void> {
  for (let done = 0; done < everyPage.length;) {
    const reads = everyPage.slice(done);
    done = everyPage.length;
    await Promise.all(reads.map((read) => read()));
  }
}

/** What a page shows while its chunk is read (a moment from local disk; longer on an old PC's first start). */
export function PageLoading() {
  return (
    <div className="page-loading">
      <Spin description="正在加载…" />
    </div>
  );
}
