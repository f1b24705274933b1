// The idle lock: no key pressed and no mouse moved for the office's idle time → lock. Activity also tells the
// main process now and then that the window is in use, so that its own idle lock (the backstop for a renderer
// that stopped running) does not lock a clerk who is reading a case without making any call.
import { useEffect, useRef } from 'react';

const ACTIVITY_EVENTS = ['keydown', 'mousedown', 'mousemove', 'wheel', 'touchstart', 'pointerdown'] as const;
/** How often, at most, activity is reported to the main process. */
const KEEP_ALIVE_EVERY_MS = 60_000;

interface Options {
  enabled: boolean;
  idleMs: number;
  onIdle(): void;
  /** Called on activity, at most once per KEEP_ALIVE_EVERY_MS. */
  onKeepAlive(): void;
}

export function useIdleLock({ enabled, idleMs, onIdle, onKeepAlive }: Options): void {
  const callbacks = useRef({ onIdle, onKeepAlive });
  callbacks.current = { onIdle, onKeepAlive };

  useEffect(() => {
    if (!enabled || !(idleMs > 0)) return;
    let last = Date.now();
    let lastKeepAlive = last;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let fired = false;

    // One timer for the whole idle time, re-armed for the rest of it when activity came meanwhile: no timer
    // churn on every mouse move.
    const arm = () => {
      timer = setTimeout(check, Math.max(0, last + idleMs - Date.now()));
    };
    const check = () => {
      if (Date.now() - last >= idleMs) {
        fired = true;
        callbacks.current.onIdle();
      } else arm();
    };
    const activity = () => {
      if (fired) return;
      last = Date.now();
      if (last - lastKeepAlive >= KEEP_ALIVE_EVERY_MS) {
        lastKeepAlive = last;
        callbacks.current.onKeepAlive();
      }
    };
    for (const name of ACTIVITY_EVENTS) window.addEventListener(name, activity, { capture: true, passive: true });
    arm();
    return () => {
      clearTimeout(timer);
      for (const name of ACTIVITY_EVENTS) window.removeEventListener(name, activity, { capture: true });
    };
  }, [enabled, idleMs]);
}
