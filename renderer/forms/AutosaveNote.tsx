// What the autosave is doing, said beside the form's save button. It follows the autosave itself, so a save
// renders this note and not the form around it.
import { Typography } from 'antd';
import { useSyncExternalStore } from 'react';
import { formatMoment } from '../app/format';
import type { AutosaveStatusSource } from './useDraftAutosave';

export function AutosaveNote({ status: source }: { status: AutosaveStatusSource }) {
  const status = useSyncExternalStore(source.subscribe, source.current);
  switch (status.state) {
    case 'saving':
      return <Typography.Text type="secondary">正在保存草稿…</Typography.Text>;
    case 'saved':
      return <Typography.Text type="secondary">草稿已自动保存（{formatMoment(status.at)}）</Typography.Text>;
    case 'failed':
      return <Typography.Text type="warning">草稿未能保存：{status.message}</Typography.Text>;
    default:
      return null;
  }
}
