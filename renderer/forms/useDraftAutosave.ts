// Autosave of a half-filled form as a draft: debounced while the clerk types, one save at a time (so the first
// save's new id is used by every later one), flushed when the page closes. Drafts are only ever removed by the
// clerk (drafts.discard) or by the main process when the case is registered from them. What the autosave is doing
// is held outside React's state, for the note that says it (AutosaveNote) alone to follow: held in the form's state,
// each save (正在保存, then 已自动保存) rendered the whole long form twice, and a keystroke typed meanwhile waited.
import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError, type Api } from '../api';
import type { CaseKind } from '../../shared/options';
import { errorMessage } from '../app/apiContext';

const AUTOSAVE_DELAY_MS = 800;

type AutosaveStatus =
  { state: 'idle' } | { state: 'saving' } | { state: 'saved'; at: string } | { state: 'failed'; message: string };

/** The autosave's state now, and a way to follow it (useSyncExternalStore). */
export interface AutosaveStatusSource {
  current(): AutosaveStatus;
  subscribe(listener: () => void): () => void;
}

class AutosaveStatusStore implements AutosaveStatusSource {
  private status: AutosaveStatus = { state: 'idle' };
  private listeners = new Set<() => void>();

  readonly current = () => this.status;

  readonly subscribe = (listener: () => void) => {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  };

  set(status: AutosaveStatus): void {
    this.status = status;
    for (const listener of this.listeners) listener();
  }
}

interface DraftSnapshot {
  title: string;
  data: Record<string, unknown>;
}

export interface DraftAutosave {
  status: AutosaveStatusSource;
  /** Saves this snapshot after the clerk pauses. */
  schedule(snapshot: DraftSnapshot): void;
  /**
   * Holds saving while the case is being registered from the draft: waits for a save in flight and resolves to
   * the draft's id, if there is one yet. Changes meanwhile are kept for `release`.
   */
  hold(): Promise<number | null>;
  /** Registering failed: saving resumes, with any change made meanwhile. */
  release(): void;
  /** The draft is gone with the registered case: nothing more is saved. */
  finish(): void;
}

export function useDraftAutosave(
  api: Api,
  kind: CaseKind,
  draftId: number | null,
  delayMs = AUTOSAVE_DELAY_MS,
): DraftAutosave {
  const [status] = useState(() => new AutosaveStatusStore());
  const id = useRef(draftId);
  const pending = useRef<DraftSnapshot | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const queue = useRef<Promise<void>>(Promise.resolve());
  const finished = useRef(false);
  const held = useRef(false);

  const saveNow = useCallback(() => {
    clearTimeout(timer.current);
    const snapshot = pending.current;
    pending.current = null;
    if (!snapshot || finished.current) return;
    queue.current = queue.current.then(async () => {
      if (finished.current) return;
      status.set({ state: 'saving' });
      try {
        const saved = await api.call('drafts.save', {
          id: id.current,
          kind,
          title: snapshot.title,
          data: snapshot.data,
        });
        id.current = saved.id;
        status.set({ state: 'saved', at: saved.updatedAt });
      } catch (error) {
        // A draft removed meanwhile (another window): the next save starts a new one rather than losing the text.
        if (error instanceof ApiError && error.data.code === 'NOT_FOUND') id.current = null;
        status.set({ state: 'failed', message: errorMessage(error) });
      }
    });
  }, [api, kind, status]);

  const schedule = useCallback(
    (snapshot: DraftSnapshot) => {
      if (finished.current) return;
      pending.current = snapshot;
      clearTimeout(timer.current);
      if (!held.current) timer.current = setTimeout(saveNow, delayMs);
    },
    [saveNow, delayMs],
  );

  const hold = useCallback(async () => {
    held.current = true;
    clearTimeout(timer.current);
    await queue.current;
    return id.current;
  }, []);

  const release = useCallback(() => {
    held.current = false;
    if (pending.current) timer.current = setTimeout(saveNow, delayMs);
  }, [saveNow, delayMs]);

  const finish = useCallback(() => {
    finished.current = true;
    clearTimeout(timer.current);
    pending.current = null;
  }, []);

  // Leaving the page with a save still waiting: save it now, so nothing typed is lost.
  useEffect(() => saveNow, [saveNow]);

  return { status, schedule, hold, release, finish };
}

/**
 * Registers the case from the form's draft: saving is held while the channel runs with the draft's id (the main
 * process removes the draft in the same transaction), stopped when it succeeds, resumed when it is refused.
 */
export async function registerFromDraft<T>(
  autosave: DraftAutosave,
  register: (draftId: number | null) => Promise<T>,
): Promise<T> {
  const draftId = await autosave.hold();
  try {
    const registered = await register(draftId);
    autosave.finish();
    return registered;
  } catch (error) {
    autosave.release();
    throw error;
  }
}
