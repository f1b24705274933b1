// 案卷评查 at an office (#/officeEvaluation, issue 16 items 3 and 5): the county bureau's requests for the sampled
// cases' dossiers, each made into one signed, encrypted dossier package saved as the exchange page saves a data
// package; and the 整改要求 the bureau sent back with the scores, each with the form that records the correction
// (the next data package carries it to the bureau).
import { Alert, Button, Card, Input, Space, Table, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import type { DossierRequestView, FeedbackView } from '../../shared/evaluation/travel';
import { errorMessage, useApi } from '../app/apiContext';
import { useMay } from '../app/currentUser';
import { formatDate, formatMoment } from '../app/format';
import { navigate } from '../app/route';
import { CorrectionForm } from './CorrectionForm';

type Notice = { ok: boolean; text: string } | null;

export function OfficeEvaluationPage() {
  const api = useApi();
  const mayPackage = useMay('evaluation.dossierPackage');
  const mayRecord = useMay('evaluation.recordCorrection');
  const [requests, setRequests] = useState<DossierRequestView[]>([]);
  const [feedback, setFeedback] = useState<FeedbackView[]>([]);
  const [failure, setFailure] = useState<string | null>(null);
  const [packaged, setPackaged] = useState<Notice>(null);
  const [busy, setBusy] = useState<number | null>(null);
  const [folder, setFolder] = useState('');
  const [recording, setRecording] = useState<string | null>(null);

  const load = useCallback(() => {
    api.call('evaluation.dossierRequests', {}).then(setRequests, (e: unknown) => setFailure(errorMessage(e)));
    api.call('evaluation.feedback', { caseId: null }).then(setFeedback, (e: unknown) => setFailure(errorMessage(e)));
  }, [api]);
  useEffect(load, [load]);

  const makePackage = async (roundId: number) => {
    if (busy !== null) return;
    setBusy(roundId);
    setPackaged(null);
    try {
      const made = await api.call('evaluation.dossierPackage', { roundId, folder: folder.trim() || null });
      // Like the data package: written where the clerk said (a USB stick) or into the data folder's exports/.
      setPackaged({ ok: true, text: `已生成案卷包（${made.cases.length}件，已签名加密）：${made.file}` });
      load();
    } catch (e) {
      setPackaged({ ok: false, text: errorMessage(e) });
    } finally {
      setBusy(null);
    }
  };

  const key = (f: FeedbackView) => `${f.roundId}:${f.caseNumber}`;

  return (
    <div className="page office-evaluation-page">
      <Typography.Title level={3}>案卷评查</Typography.Title>
      <Typography.Paragraph type="secondary">
        县司法局抽查本所已办结案卷时，在配置包中列出要调取的案件；本所把这些案件的电子卷宗生成一个案卷包（经本所签名并加密），用U盘交给县局。评查结束后，县局在下一次配置包中下发评分、点评和整改要求，整改完成后在此登记，随下次数据报送交回县局。
      </Typography.Paragraph>
      {failure && <Alert className="page-alert" type="error" showIcon title={failure} />}

      <section className="detail-section" aria-label="调卷通知">
        <Typography.Title level={4}>调卷通知</Typography.Title>
        {mayPackage && (
          <Space orientation="vertical" style={{ width: '100%', maxWidth: 760, marginBottom: 12 }}>
            <label htmlFor="dossier-package-folder">保存到文件夹（可不填）</label>
            <Input
              id="dossier-package-folder"
              value={folder}
              onChange={(e) => setFolder(e.target.value)}
              maxLength={500}
              autoComplete="off"
              placeholder="不填则保存到数据文件夹的 exports 目录；保存到U盘请填写其路径，如 E:\ 或 /media/usb"
            />
          </Space>
        )}
        {packaged && <Alert type={packaged.ok ? 'success' : 'error'} showIcon title={packaged.text} role="status" />}
        <Table<DossierRequestView>
          rowKey="roundId"
          size="small"
          pagination={false}
          dataSource={requests}
          locale={{ emptyText: '县局尚未调取本所案卷' }}
          columns={[
            { title: '评查活动', dataIndex: 'roundName' },
            { title: '县局', dataIndex: 'bureauName' },
            { title: '通知时间', render: (_v, r) => formatMoment(r.requestedAt) },
            { title: '上次报送', render: (_v, r) => (r.sentAt ? formatMoment(r.sentAt) : '未报送') },
            {
              title: '调取案件',
              render: (_v, r) => (
                <Space wrap>
                  {r.cases.map((c) =>
                    c.caseId === null ? (
                      <Tag key={c.caseNumber} color="red">
                        {c.caseNumber}（本所无此案）
                      </Tag>
                    ) : (
                      <Typography.Link key={c.caseNumber} onClick={() => navigate({ page: 'case', id: c.caseId! })}>
                        {c.caseNumber}
                      </Typography.Link>
                    ),
                  )}
                </Space>
              ),
            },
            {
              title: '操作',
              render: (_v, r) =>
                mayPackage && (
                  <Button size="small" loading={busy === r.roundId} onClick={() => void makePackage(r.roundId)}>
                    生成案卷包
                  </Button>
                ),
            },
          ]}
        />
      </section>

      <section className="detail-section" aria-label="整改要求">
        <Typography.Title level={4}>整改要求</Typography.Title>
        <Table<FeedbackView>
          rowKey={key}
          size="small"
          pagination={false}
          dataSource={feedback}
          locale={{ emptyText: '暂无评查结果' }}
          columns={[
            { title: '评查活动', dataIndex: 'roundName' },
            {
              title: '案件',
              render: (_v, f) =>
                f.caseId === null ? (
                  f.caseNumber
                ) : (
                  <Typography.Link onClick={() => navigate({ page: 'case', id: f.caseId! })}>
                    {f.caseNumber}
                  </Typography.Link>
                ),
            },
            {
              title: '得分',
              render: (_v, f) => <span style={{ whiteSpace: 'nowrap' }}>{`${f.score}分（${f.grade}）`}</span>,
            },
            { title: '点评', render: (_v, f) => f.remarks.join('；') },
            {
              title: '整改要求',
              render: (_v, f) => <span style={{ whiteSpace: 'pre-wrap' }}>{f.requirement}</span>,
            },
            { title: '整改期限', render: (_v, f) => formatDate(f.dueOn) },
            { title: '状态', render: (_v, f) => <CorrectionTag feedback={f} /> },
            {
              title: '操作',
              render: (_v, f) =>
                mayRecord &&
                !f.reply &&
                f.caseId !== null && (
                  <Button size="small" onClick={() => setRecording(key(f))}>
                    登记整改
                  </Button>
                ),
            },
          ]}
        />
        {feedback
          .filter((f) => key(f) === recording && f.caseId !== null)
          .map((f) => (
            <Card key={key(f)} title={`登记整改：${f.caseNumber}`} className="detail-section" style={{ maxWidth: 760 }}>
              <CorrectionForm
                roundId={f.roundId}
                caseId={f.caseId!}
                onDone={() => {
                  setRecording(null);
                  load();
                }}
                onCancel={() => setRecording(null)}
              />
            </Card>
          ))}
      </section>
    </div>
  );
}

/** 已整改 (with the date), 整改逾期, or 整改中. */
export function CorrectionTag({ feedback }: { feedback: FeedbackView }) {
  if (feedback.reply) return <Tag color="green">已整改（{formatDate(feedback.reply.doneOn)}）</Tag>;
  return feedback.overdue ? <Tag color="red">整改逾期</Tag> : <Tag color="orange">整改中</Tag>;
}
