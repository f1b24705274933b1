// 办理过程: every step of a case of any kind, oldest first — the day it was taken, what it was, who recorded it
// and when, the status it moved the case from and to, and what it recorded. Reads cases.timeline; pass a new
// `version` after an action so the list is read again.
import { Alert, Empty, Spin, Tag, Timeline, Typography } from 'antd';
import { memo, useEffect, useMemo, useState } from 'react';
import { caseStatusLabel } from '../../shared/cases/statuses';
import type { CaseAction } from '../../shared/lifecycle';
import type { CaseKind } from '../../shared/options';
import { useAntdScope } from '../app/antdScope';
import { errorMessage, useApi } from '../app/apiContext';
import { formatDate, formatMoment } from '../app/format';
import { actionLabel, changedFields } from './timelineLabels';

interface Props {
  caseId: number;
  kind: CaseKind;
  /** Changes whenever the case changed, to read the timeline again. */
  version?: number;
}

/**
 * One step. Drawn with our own markup under antd's class names (`scope`: useAntdScope) instead of antd's Typography
 * and Descriptions: a busy case has 50 steps and more, and each Descriptions subscribed to the screen's breakpoints
 * and was drawn twice (antd 6 calls useBreakpoint whatever `column` is), each Typography.Text ran antd's style and
 * ellipsis hooks — most of the case page's script time. The elements and classes are those antd renders for
 * `<Typography.Text strong>`, `<Typography.Text type="secondary">` and `<Descriptions size="small" column={1}>`,
 * so antd's styles (made by the build) match them and the page looks the same. The Descriptions' own CSS variables
 * (its label colour, colon and padding) are defined by antd while a Descriptions is on the page: every kind's case
 * page shows its facts in one (renderer/<kind>/CasePage.tsx).
 */
const TimelineEntry = memo(function TimelineEntry({
  kind,
  entry,
  scope,
}: {
  kind: CaseKind;
  entry: CaseAction;
  scope: string;
}) {
  const fields = changedFields(kind, entry.action, entry.data);
  const moved = entry.fromStatus !== entry.toStatus;
  const secondary = (extra: string) => `ant-typography ant-typography-secondary ${extra} ${scope}`;
  return (
    <div className="timeline-entry" data-testid="timeline-entry">
      {/* The day and the step as one line: the day the step was taken, not the day it was typed in. */}
      <span className={`ant-typography ${scope}`}>
        <strong>{`${formatDate(entry.actedOn)} ${actionLabel(kind, entry.action)}`}</strong>
      </span>
      <span className={secondary('timeline-status')}>
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
      </span>
      {fields.length > 0 && (
        <div className={`ant-descriptions ant-descriptions-small timeline-fields ${scope}`}>
          <div className="ant-descriptions-view">
            <table>
              <tbody>
                {fields.map((f) => (
                  <tr key={f.key} className="ant-descriptions-row">
                    <td className="ant-descriptions-item" colSpan={1}>
                      <div className="ant-descriptions-item-container">
                        <span className="ant-descriptions-item-label">{f.label}</span>
                        <span className="ant-descriptions-item-content">
                          <span className="facts">{f.value}</span>
                        </span>
                      </div>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </div>
      )}
      <span className={secondary('timeline-by')}>
        {entry.username} 记录于 {formatMoment(entry.recordedAt)}
      </span>
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
  const scope = useAntdScope();
  const items = useMemo(
    () =>
      entries?.map((entry) => ({
        key: entry.id,
        content: <TimelineEntry kind={kind} entry={entry} scope={scope} />,
      })),
    [entries, kind, scope],
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
