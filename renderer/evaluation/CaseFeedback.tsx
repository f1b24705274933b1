// On the case page (every kind): the county bureau's evaluation of this case — score, grade, remarks, 整改要求 and
// due date, and whether the 整改 is done, overdue or under way — with the form that records it done. Nothing is
// shown for a case never evaluated (or at the bureau, whose cases are the offices').
import { Button, Card, Descriptions, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import type { FeedbackView } from '../../shared/evaluation/travel';
import { useApi } from '../app/apiContext';
import { useMay } from '../app/currentUser';
import { formatDate } from '../app/format';
import { CorrectionForm } from './CorrectionForm';
import { CorrectionTag } from './OfficeEvaluationPage';

export function CaseFeedback({ caseId }: { caseId: number }) {
  const api = useApi();
  const mayRecord = useMay('evaluation.recordCorrection');
  const [feedback, setFeedback] = useState<FeedbackView[]>([]);
  const [recording, setRecording] = useState<number | null>(null);

  const load = useCallback(() => {
    api.call('evaluation.feedback', { caseId }).then(setFeedback, () => setFeedback([]));
  }, [api, caseId]);
  useEffect(load, [load]);

  if (feedback.length === 0) return null;
  return (
    <section className="detail-section" aria-label="案卷评查结果">
      <Typography.Title level={4}>案卷评查结果</Typography.Title>
      {feedback.map((f) => (
        <Card
          key={f.roundId}
          size="small"
          title={f.roundName}
          extra={<CorrectionTag feedback={f} />}
          style={{ marginBottom: 12 }}
        >
          <Descriptions column={1} size="small">
            <Descriptions.Item label="得分">{`${f.score}分（${f.grade}）`}</Descriptions.Item>
            <Descriptions.Item label="点评">{f.remarks.join('；') || '无'}</Descriptions.Item>
            <Descriptions.Item label="整改要求">
              <span style={{ whiteSpace: 'pre-wrap' }}>{f.requirement || '无'}</span>
            </Descriptions.Item>
            <Descriptions.Item label="整改期限">{formatDate(f.dueOn)}</Descriptions.Item>
            {f.reply && (
              <Descriptions.Item label="整改情况">
                {`${formatDate(f.reply.doneOn)}完成（${f.reply.recordedBy}登记）：${f.reply.note}`}
              </Descriptions.Item>
            )}
          </Descriptions>
          {!f.reply &&
            mayRecord &&
            (recording === f.roundId ? (
              <CorrectionForm
                roundId={f.roundId}
                caseId={caseId}
                onDone={() => {
                  setRecording(null);
                  load();
                }}
                onCancel={() => setRecording(null)}
              />
            ) : (
              <Button onClick={() => setRecording(f.roundId)}>登记整改</Button>
            ))}
        </Card>
      ))}
    </section>
  );
}
