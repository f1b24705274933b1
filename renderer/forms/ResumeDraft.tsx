// Opens a form on the draft it is resumed from: reads the draft, then hands its values to the form; a draft that
// is gone is said, with the way back to the 草稿 page. A new form (no draft) starts from its empty values at once.
import { Alert, Button, Spin } from 'antd';
import { useEffect, useState, type ReactNode } from 'react';
import { errorMessage, useApi } from '../app/apiContext';
import { navigate } from '../app/route';

interface Props<T> {
  draftId: number | null;
  empty(): T;
  fromDraftData(data: Record<string, unknown>): T;
  children(initial: T): ReactNode;
}

export function ResumeDraft<T>({ draftId, empty, fromDraftData, children }: Props<T>) {
  const api = useApi();
  const [initial, setInitial] = useState<T | null>(() => (draftId === null ? empty() : null));
  const [loadError, setLoadError] = useState<string | null>(null);

  useEffect(() => {
    if (draftId === null) return;
    let live = true;
    api.call('drafts.get', { id: draftId }).then(
      (draft) => live && setInitial(fromDraftData(draft.data)),
      (error: unknown) => live && setLoadError(errorMessage(error)),
    );
    return () => {
      live = false;
    };
    // fromDraftData is a module function: the draft is read once per id.
  }, [api, draftId]);

  if (loadError)
    return (
      <Alert
        type="error"
        showIcon
        title={loadError}
        action={<Button onClick={() => navigate({ page: 'drafts' })}>返回草稿</Button>}
      />
    );
  if (initial === null) return <Spin description="正在读取草稿" />;
  return <>{children(initial)}</>;
}
