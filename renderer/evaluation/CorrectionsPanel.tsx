// A closed round's 整改 at the bureau (evaluation.corrections): every evaluated case with its score, grade, the
// evaluators' remarks, the 整改要求 and due date set (evaluation.setCorrection; the requirement starts from the
// remarks), and its state — 整改中, 整改逾期 or 已整改 with the office's reply, which arrives in its data package.
import { Alert, Button, Card, Input, Space, Table, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { ApiError } from '../api';
import { defaultRequirement, type CorrectionState, type CorrectionView } from '../../shared/evaluation/travel';
import { errorMessage, useApi } from '../app/apiContext';
import { useMay } from '../app/currentUser';
import { formatDate } from '../app/format';

const STATES: Record<CorrectionState, { label: string; color: string }> = {
  open: { label: '整改中', color: 'orange' },
  overdue: { label: '整改逾期', color: 'red' },
  done: { label: '已整改', color: 'green' },
};

type Draft = { sampleId: number; requirement: string; dueOn: string };
type Field = 'requirement' | 'dueOn';

export function CorrectionsPanel({ roundId }: { roundId: number }) {
  const api = useApi();
  const maySet = useMay('evaluation.setCorrection');
  const [rows, setRows] = useState<CorrectionView[]>([]);
  const [failure, setFailure] = useState<string | null>(null);
  const [draft, setDraft] = useState<Draft | null>(null);
  const [refusals, setRefusals] = useState<Partial<Record<Field, string>>>({});

  const load = useCallback(() => {
    api.call('evaluation.corrections', { roundId }).then(setRows, (e: unknown) => setFailure(errorMessage(e)));
  }, [api, roundId]);
  useEffect(load, [load]);

  const open = (c: CorrectionView) => {
    setRefusals({});
    setFailure(null);
    setDraft({
      sampleId: c.sampleId,
      requirement: c.requirement ?? defaultRequirement(c.remarks),
      dueOn: c.dueOn ?? '',
    });
  };

  const save = async () => {
    if (!draft) return;
    setRefusals({});
    setFailure(null);
    try {
      const saved = await api.call('evaluation.setCorrection', { ...draft, dueOn: draft.dueOn.trim() });
      setRows((list) => list.map((c) => (c.sampleId === saved.sampleId ? saved : c)));
      setDraft(null);
    } catch (e) {
      const field = e instanceof ApiError ? e.data.field : undefined;
      if (field === 'requirement' || field === 'dueOn') setRefusals({ [field]: errorMessage(e) });
      else setFailure(errorMessage(e));
    }
  };

  const editing = draft && rows.find((c) => c.sampleId === draft.sampleId);
  const counts = (state: CorrectionState) => rows.filter((c) => c.state === state).length;
  return (
    <div>
      <Typography.Paragraph>
        已评定{rows.length}件：整改中{counts('open')}件，整改逾期{counts('overdue')}件，已整改{counts('done')}
        件，未下达{rows.filter((c) => c.state === null).length}件。整改要求随下一次给该司法所的配置包下发（机构管理 →
        生成配置包，选择该司法所）；司法所的整改情况随其数据包报回。
      </Typography.Paragraph>
      {failure && <Alert type="error" showIcon title={failure} style={{ marginBottom: 12 }} />}
      {draft && editing && (
        <Card
          title={`整改要求：${editing.officeName} ${editing.caseNumber}`}
          style={{ maxWidth: 760, marginBottom: 16 }}
        >
          <Space orientation="vertical" style={{ width: '100%' }}>
            <label htmlFor="correction-requirement">整改要求（默认为评查员的点评）</label>
            <Input.TextArea
              id="correction-requirement"
              value={draft.requirement}
              maxLength={2000}
              autoSize={{ minRows: 3 }}
              status={refusals.requirement ? 'error' : undefined}
              onChange={(e) => setDraft({ ...draft, requirement: e.target.value })}
            />
            {refusals.requirement && <Typography.Text type="danger">{refusals.requirement}</Typography.Text>}
            <label htmlFor="correction-due-on">整改期限（如 2026-12-31）</label>
            <Input
              id="correction-due-on"
              value={draft.dueOn}
              maxLength={10}
              autoComplete="off"
              status={refusals.dueOn ? 'error' : undefined}
              onChange={(e) => setDraft({ ...draft, dueOn: e.target.value })}
              style={{ maxWidth: 200 }}
            />
            {refusals.dueOn && <Typography.Text type="danger">{refusals.dueOn}</Typography.Text>}
            <Space>
              <Button type="primary" onClick={() => void save()}>
                保存整改要求
              </Button>
              <Button onClick={() => setDraft(null)}>取消</Button>
            </Space>
          </Space>
        </Card>
      )}
      <Table<CorrectionView>
        rowKey="sampleId"
        size="small"
        pagination={false}
        dataSource={rows}
        locale={{ emptyText: '没有已评定的案卷' }}
        columns={[
          { title: '司法所', dataIndex: 'officeName' },
          { title: '案号', dataIndex: 'caseNumber' },
          { title: '得分', dataIndex: 'score' },
          { title: '等次', dataIndex: 'grade' },
          {
            title: '整改要求',
            render: (_v, c) => <span style={{ whiteSpace: 'pre-wrap' }}>{c.requirement ?? '未下达'}</span>,
          },
          { title: '整改期限', render: (_v, c) => (c.dueOn ? formatDate(c.dueOn) : '') },
          {
            title: '状态',
            render: (_v, c) => c.state && <Tag color={STATES[c.state].color}>{STATES[c.state].label}</Tag>,
          },
          {
            title: '整改情况',
            render: (_v, c) =>
              c.reply ? `${formatDate(c.reply.doneOn)}完成（${c.reply.recordedBy}）：${c.reply.note}` : '',
          },
          {
            title: '操作',
            render: (_v, c) =>
              maySet &&
              !c.reply && (
                <Button size="small" onClick={() => open(c)}>
                  {c.requirement === null ? '下达整改要求' : '修改整改要求'}
                </Button>
              ),
          },
        ]}
      />
    </div>
  );
}
