// A case page's record and its time limits: read when the page opens, the record replaced by what each action
// answers (the case as the main process now has it), and the limits read again after it. `version` counts the
// actions taken, for the parts of the page (the timeline) that read again after each.
import { useCallback, useEffect, useState } from 'react';
import { errorMessage } from '../app/apiContext';

export interface CaseRecord<R, D> {
  record: R | null;
  /** Null while unread, or when they could not be read (the page shows the case without them). */
  deadlines: D | null;
  /** Why the record could not be read. */
  failure: string | null;
  version: number;
  /** An action was taken: its answer is the case now. */
  acted(updated: R): void;
}

/**
 * `read` and `readDeadlines` should be stable (useCallback over the api and the case's id). `initial`: the case as
 * the page that found its kind already read it (renderer/cases/CaseDetailPage.tsx), so it is not asked again and the
 * page's other parts (timeline, interference records) start their reads at once instead of after a second round trip.
 */
export function useCaseRecord<R, D>(
  read: () => Promise<R>,
  readDeadlines: () => Promise<D>,
  initial?: R,
): CaseRecord<R, D> {
  const [record, setRecord] = useState<R | null>(initial ?? null);
  const [readFirst] = useState(initial === undefined);
  const [deadlines, setDeadlines] = useState<D | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [version, setVersion] = useState(0);

  const refreshDeadlines = useCallback(() => {
    readDeadlines().then(setDeadlines, () => setDeadlines(null));
  }, [readDeadlines]);

  useEffect(() => {
    let live = true;
    if (readFirst)
      read().then(
        (found) => live && setRecord(found),
        (error: unknown) => live && setFailure(errorMessage(error)),
      );
    refreshDeadlines();
    return () => {
      live = false;
    };
  }, [read, refreshDeadlines, readFirst]);

  const acted = useCallback(
    (updated: R) => {
      setRecord(updated);
      setVersion((v) => v + 1);
      refreshDeadlines();
    },
    [refreshDeadlines],
  );

  return { record, deadlines, failure, version, acted };
}
