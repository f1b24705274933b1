// Work for when the window is next idle (requestIdleCallback), or at the next task where the browser cannot say
// (the renderer tests' jsdom): what the window reads or drops in the background gives way to what the clerk waits for.
// Returns a cancel.
export function whenIdle(work: () => void): () => void {
  if (typeof window.requestIdleCallback !== 'function') {
    const timer = window.setTimeout(work, 0);
    return () => window.clearTimeout(timer);
  }
  const idle = window.requestIdleCallback(work);
  return () => window.cancelIdleCallback(idle);
}
