// One evaluation round (#/evaluation/rounds/3): its plan; the draw with a seed (recorded: the same seed draws the
// same sample) and the 抽查清单, printable on A4; the sampled cases, each opening the evaluator's score sheet;
// closing and locking once every case has its required scores; a director's reopening of one score with a written
// reason; the offices' dossier packages imported; the results with their chart; and, once closed, the 整改 of
// each evaluated case.
import { Alert, App as AntApp, Button, Input, Modal, Space, Table, Tabs, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import {
  ROUND_METHOD_LABELS,
  ROUND_STATUS_LABELS,
  type RoundDetail,
  type SampleView,
  type SheetsInfo,
} from '../../shared/channels/evaluation';
import { SHEET_KIND_LABELS } from '../../shared/evaluation/sheets';
import { errorMessage, useApi } from '../app/apiContext';
import { useCurrentUser, useMay } from '../app/currentUser';
import { formatDate, formatMoment } from '../app/format';
import { CorrectionsPanel } from './CorrectionsPanel';
import { DossierImport } from './DossierImport';
import { PrintSheet } from './PrintSheet';
import { ResultsPanel } from './ResultsPanel';
import { STATUS_COLORS } from './RoundsPage';
import { ScoreForm } from './ScoreForm';

export function RoundPage({ id }: { id: number }) {
  const api = useApi();
  const { message } = AntApp.useApp();
  const me = useCurrentUser();
  const mayDraw = useMay('evaluation.draw');
  const mayClose = useMay('evaluation.close');
  const mayReopen = useMay('evaluation.reopenScore');
  const mayImport = useMay('evaluation.importDossierUploads');
  const [round, setRound] = useState<RoundDetail | null>(null);
  const [sheets, setSheets] = useState<SheetsInfo | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [seed, setSeed] = useState('');
  const [scoring, setScoring] = useState<number | null>(null);
  const [printing, setPrinting] = useState(false);
  const [reopening, setReopening] = useState<{ scoreId: number; reason: string } | null>(null);

  const load = useCallback(
    () => api.call('evaluation.round', { roundId: id }).then(setRound, (e: unknown) => setFailure(errorMessage(e))),
    [api, id],
  );
  useEffect(() => {
    void load();
    api.call('evaluation.sheets', {}).then(setSheets, (e: unknown) => setFailure(errorMessage(e)));
  }, [api, load]);

  const act = async (run: () => Promise<RoundDetail>, done: string) => {
    setFailure(null);
    try {
      setRound(await run());
      message.success(done);
    } catch (e) {
      setFailure(errorMessage(e));
    }
  };

  if (!round || !sheets) return failure ? <Alert type="error" showIcon message={failure} /> : null;

  const sample = round.samples.find((s) => s.id === scoring);
  if (sample) {
    const own = sample.scores.find((s) => s.evaluatorId === me.id);
    const version = own?.sheetVersion ?? sheets.current[sample.sheetKind].version;
    const sheet =
      sheets.versions.find((v) => v.kind === sample.sheetKind && v.version === version)?.sheet ??
      sheets.current[sample.sheetKind].sheet;
    return (
      <div className="page">
        <Typography.Title level={3}>
          评分：{sample.officeName} {sample.caseNumber}
        </Typography.Title>
        <ScoreForm
          key={sample.id}
          sample={sample}
          sheet={sheet}
          sheetVersion={version}
          own={own}
          onSaved={() => void load()}
          onBack={() => setScoring(null)}
        />
      </div>
    );
  }

  if (printing)
    return (
      <PrintSheet title={`抽查清单：${round.name}`} onBack={() => setPrinting(false)}>
        <p>
          随机种子：{round.seed}　范围内已办结{round.candidates}件，抽取{round.sampled}件　抽样时间：
          {round.sampledAt ? formatMoment(round.sampledAt) : ''}
        </p>
        <table>
          <thead>
            <tr>
              <th>序号</th>
              <th>司法所</th>
              <th>案号</th>
              <th>案卷类别</th>
              <th>承办人</th>
              <th>结案日期</th>
            </tr>
          </thead>
          <tbody>
            {round.samples.map((s) => (
              <tr key={s.id}>
                <td>{s.position}</td>
                <td>{s.officeName}</td>
                <td>{s.caseNumber}</td>
                <td>{SHEET_KIND_LABELS[s.sheetKind]}</td>
                <td>{s.handler}</td>
                <td>{formatDate(s.closedOn)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </PrintSheet>
    );

  const myState = (s: SampleView) => {
    const own = s.scores.find((x) => x.evaluatorId === me.id);
    if (!own) return '未评';
    return own.status === 'submitted' ? `已提交（${own.total}分，${own.grade ?? ''}）` : `草稿（${own.total}分）`;
  };

  return (
    <div className="page">
      <Typography.Title level={3}>
        {round.name} <Tag color={STATUS_COLORS[round.status]}>{ROUND_STATUS_LABELS[round.status]}</Tag>
      </Typography.Title>
      <Typography.Paragraph>
        {round.year}年　{ROUND_METHOD_LABELS[round.method]}
        {round.perOffice ? `，每所${round.perOffice}件` : ''}
        {round.percent ? `，${round.percent}%` : ''}　每案{round.scoresPerCase}名评查员　案卷类别：
        {round.sheetKinds.map((k) => SHEET_KIND_LABELS[k]).join('、')}　结案日期：{formatDate(round.closedFrom)}至
        {formatDate(round.closedTo)}　评查员：{round.evaluators.map((e) => e.name).join('、')}
      </Typography.Paragraph>
      {failure && <Alert type="error" showIcon message={failure} style={{ marginBottom: 12 }} />}
      {round.status === 'planned' && mayDraw && (
        <Space style={{ marginBottom: 16 }}>
          <Input
            aria-label="随机种子"
            placeholder="不填则随机生成并记录"
            value={seed}
            onChange={(e) => setSeed(e.target.value)}
            style={{ width: 240 }}
          />
          <Button
            type="primary"
            onClick={() => void act(() => api.call('evaluation.draw', { roundId: id, seed }), '已抽样')}
          >
            抽样
          </Button>
        </Space>
      )}
      {round.status !== 'planned' && (
        <Tabs
          items={[
            {
              key: 'samples',
              label: '抽查清单与评分',
              children: (
                <>
                  <Space style={{ marginBottom: 12 }} wrap>
                    <span>
                      随机种子：{round.seed}；范围内已办结{round.candidates}件，抽取{round.sampled}件，已完成评分
                      {round.scored}件
                    </span>
                    <Button onClick={() => setPrinting(true)}>打印抽查清单</Button>
                    {round.status === 'scoring' && mayClose && (
                      <Button
                        onClick={() =>
                          void act(() => api.call('evaluation.close', { roundId: id }), '评查活动已结束并锁定')
                        }
                      >
                        结束评查活动
                      </Button>
                    )}
                  </Space>
                  {mayImport && <DossierImport onImported={() => void load()} />}
                  <Table<SampleView>
                    rowKey="id"
                    size="small"
                    pagination={false}
                    dataSource={round.samples}
                    columns={[
                      { title: '序号', dataIndex: 'position', width: 60 },
                      { title: '司法所', dataIndex: 'officeName' },
                      { title: '案号', dataIndex: 'caseNumber' },
                      { title: '案卷类别', render: (_v, s) => SHEET_KIND_LABELS[s.sheetKind] },
                      { title: '承办人', dataIndex: 'handler' },
                      { title: '结案日期', render: (_v, s) => formatDate(s.closedOn) },
                      {
                        title: '评分',
                        render: (_v, s) =>
                          s.result
                            ? `${s.result.score}分，${s.result.grade}`
                            : `${s.scores.filter((x) => x.status === 'submitted').length}/${round.scoresPerCase}`,
                      },
                      ...(round.iEvaluate
                        ? [
                            {
                              title: '我的评分',
                              render: (_v: unknown, s: SampleView) => (
                                <Space>
                                  <span>{myState(s)}</span>
                                  {round.status === 'scoring' && (
                                    <Button size="small" onClick={() => setScoring(s.id)}>
                                      {s.scores.some((x) => x.evaluatorId === me.id && x.status === 'submitted')
                                        ? '查看'
                                        : '评分'}
                                    </Button>
                                  )}
                                </Space>
                              ),
                            },
                          ]
                        : []),
                      ...(round.status === 'closed' && mayReopen
                        ? [
                            {
                              title: '重新打开',
                              render: (_v: unknown, s: SampleView) => (
                                <Space wrap>
                                  {s.scores
                                    .filter((x) => x.status === 'submitted')
                                    .map((x) => (
                                      <Button
                                        key={x.id}
                                        size="small"
                                        onClick={() => setReopening({ scoreId: x.id, reason: '' })}
                                      >
                                        重新打开{x.evaluatorName}的评分
                                      </Button>
                                    ))}
                                </Space>
                              ),
                            },
                          ]
                        : []),
                    ]}
                  />
                </>
              ),
            },
            { key: 'results', label: '评查结果', children: <ResultsPanel key={round.status} roundId={id} /> },
            ...(round.status === 'closed'
              ? [{ key: 'corrections', label: '整改', children: <CorrectionsPanel roundId={id} /> }]
              : []),
          ]}
        />
      )}
      <Modal
        open={reopening !== null}
        title="重新打开评分"
        okText="重新打开"
        cancelText="取消"
        onCancel={() => setReopening(null)}
        onOk={() =>
          void act(
            () => api.call('evaluation.reopenScore', { scoreId: reopening!.scoreId, reason: reopening!.reason }),
            '评分已重新打开',
          ).then(() => setReopening(null))
        }
      >
        <Input.TextArea
          aria-label="重新打开的理由"
          value={reopening?.reason ?? ''}
          onChange={(e) => setReopening((r) => r && { ...r, reason: e.target.value })}
        />
      </Modal>
    </div>
  );
}
