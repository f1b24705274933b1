// 办理过程: every step of a case of any kind, oldest first — the day it was taken, what it was, who recorded it
// and when, the status it moved the case from and to, and what it recorded. Reads cases.timeline; pass a new
// `version` after an action so the list is read again.
import { Alert, Descriptions, Empty, Spin, Tag, Timeline, Typography } from 'antd';
import { memo, useEffect, useMemo, useState } from 'react';
import { caseStatusLabel } from '../../shared/cases/statuses';
import type { CaseAction } from '../../shared/lifecycle';
import type { CaseKind } from '../../shared/options';
import { errorMessage, useApi } from '../app/apiContext';
import { formatDate, formatMoment } from '../app/format';
import { actionLabel, changedFields } from './timelineLabels';

interface Props {
  caseId: number;
  kind: CaseKind;
  /** Changes whenever the case changed, to read the timeline again. */
  version?: number;
}

const TimelineEntry = memo(function TimelineEntry({ kind, entry }: { kind: CaseKind; entry: CaseAction }) {
  const fields = changedFields(kind, entry.action, entry.data);
  const moved = entry.fromStatus !== entry.toStatus;
  return (
    <div className="timeline-entry" data-testid="timeline-entry">
      {/* The day and the step as one line: the day the step was taken, not the day it was typed in. */}
      <Typography.Text strong>{`${formatDate(entry.actedOn)} ${actionLabel(kind, entry.action)}`}</Typography.Text>
      <Typography.Text type="secondary" className="timeline-status">
        {entry.fromStatus === null ? (
          <> · 状态：{caseStatusLabel(kind, entry.toStatus)}</>
        ) : moved ? (
          <>
            {' '}
            · 状态：{caseStatusLabel(kind, entry.fromStatus)} → <Tag>{caseStatusLabel(kind, entry.toStatus)}</Tag>
          </>
        ) : (
          <> · 状态不变（{caseStatusLabel(kind, entry.toStatus)}）</>
        )}
      </Typography.Text>
      {fields.length > 0 && (
        <Descriptions
          size="small"
          column={1}
          className="timeline-fields"
          items={fields.map((f) => ({
            key: f.key,
            label: f.label,
            children: <span className="facts">{f.value}</span>,
          }))}
        />
      )}
      <Typography.Text type="secondary" className="timeline-by">
        {entry.username} 记录于 {formatMoment(entry.recordedAt)}
      </Typography.Text>
    </div>
  );
});

/**
 * Memoized, as are its entries: the case page around it renders again as its other reads arrive (the limits, the
 * dossier), and each time every entry (an antd Descriptions each) was rendered again with it.
 */
export const CaseTimeline = memo(function CaseTimeline({ caseId, kind, version = 0 }: Props) {
  const api = useApi();
  const [entries, setEntries] = useState<CaseAction[] | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    api.call('cases.timeline', { caseId }).then(
      (found) => {
        if (!live) return;
        setEntries(found);
        setFailure(null);
      },
      (error: unknown) => live && setFailure(errorMessage(error)),
    );
    return () => {
      live = false;
    };
  }, [api, caseId, version]);
  const items = useMemo(
    () => entries?.map((entry) => ({ key: entry.id, content: <TimelineEntry kind={kind} entry={entry} /> })),
    [entries, kind],
  );

  return (
    <section className="detail-section case-timeline" aria-label="办理过程">
      <Typography.Title level={4}>办理过程</Typography.Title>
      {failure && <Alert className="page-alert" type="error" showIcon title={failure} />}
      {entries === null && !failure && <Spin description="正在读取办理过程" />}
      {entries !== null && entries.length === 0 && <Empty description="尚无办理记录" />}
      {entries !== null && entries.length > 0 && <Timeline items={items} />}
    </section>
  );
});
