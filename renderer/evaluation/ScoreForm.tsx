// One evaluator's score of one sampled case (一案一评): each item 0 … its maximum in half points, a remark wherever
// points are lost, the total and the grade shown as they type (shared/evaluation/scoring.ts, the same rules the
// main process checks again), a draft saved, then submitted once; beside it the place where the case's electronic
// dossier is saved to open in the PDF reader or, until it arrives, the paper dossier is named, and the
// score sheet printed on A4.
import { Alert, App as AntApp, Button, Input, InputNumber, Space, Table, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { SampleView, ScoreView } from '../../shared/channels/evaluation';
import type { DossierPdf } from '../../shared/evaluation/travel';
import { scoreIssues, summarizeScore, type ItemScore } from '../../shared/evaluation/scoring';
import { SHEET_KIND_LABELS, type ScoreSheet } from '../../shared/evaluation/sheets';
import { ApiError } from '../api';
import { errorMessage, useApi } from '../app/apiContext';
import { formatMoment } from '../app/format';
import { saveBase64 } from '../exchange/files';
import { PrintSheet } from './PrintSheet';

/**
 * Where the sampled case's electronic dossier (the PDF of the office's dossier package) opens beside the sheet.
 * The page's CSP forbids frames and objects (renderer/index.html: frame-src and object-src 'none'), so the PDF is
 * saved and opened in the reader, not shown in the page. Until the office's package is imported there is none
 * (NOT_FOUND): the case is scored from the paper dossier.
 */
function DossierPlace({ sample }: { sample: SampleView }) {
  const api = useApi();
  const [pdf, setPdf] = useState<DossierPdf | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [asked, setAsked] = useState(false);
  useEffect(() => {
    let live = true;
    api
      .call('evaluation.dossierPdf', { sampleId: sample.id })
      .then(
        (got) => live && setPdf(got),
        (e: unknown) => {
          if (!live) return;
          // Not received is the ordinary case before the packages arrive: no error, the paper dossier is scored.
          if (!(e instanceof ApiError && e.data.code === 'NOT_FOUND')) setFailure(errorMessage(e));
        },
      )
      .finally(() => live && setAsked(true));
    return () => {
      live = false;
    };
  }, [api, sample.id]);

  return (
    <div data-testid="evaluation-dossier" style={{ border: '1px dashed #d9d9d9', padding: 12, marginBottom: 16 }}>
      <Typography.Text strong>案卷：</Typography.Text>
      {sample.officeName} {sample.caseNumber}
      {pdf ? (
        <Space wrap style={{ display: 'flex', marginTop: 4 }}>
          <span>
            电子卷宗{pdf.pages ? `共${pdf.pages}页` : ''}，{formatMoment(pdf.receivedAt)}由{pdf.receivedBy}导入
          </span>
          <Button size="small" type="primary" onClick={() => saveBase64(pdf.fileName, pdf.base64)}>
            下载电子卷宗
          </Button>
        </Space>
      ) : (
        asked && (
          <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
            纸质卷宗评查（尚未导入该案的电子卷宗）
          </Typography.Paragraph>
        )
      )}
      {failure && <Typography.Text type="danger">{failure}</Typography.Text>}
    </div>
  );
}

const blankItems = (sheet: ScoreSheet, own: ScoreView | undefined): ItemScore[] =>
  sheet.items.map((item) => own?.items.find((i) => i.key === item.key) ?? { key: item.key, points: null, remark: '' });

interface Props {
  sample: SampleView;
  sheet: ScoreSheet;
  sheetVersion: number;
  own: ScoreView | undefined;
  onSaved(score: ScoreView): void;
  onBack(): void;
}

export function ScoreForm({ sample, sheet, sheetVersion, own, onSaved, onBack }: Props) {
  const api = useApi();
  const { message } = AntApp.useApp();
  const [items, setItems] = useState<ItemScore[]>(() => blankItems(sheet, own));
  const [failure, setFailure] = useState<string | null>(null);
  const [printing, setPrinting] = useState(false);
  const submitted = own?.status === 'submitted';
  const summary = summarizeScore(sheet, items);
  // Shown as they type: what is wrong now (an unscored item only matters when submitting).
  const issues = new Map(
    scoreIssues(sheet, items, { final: false }).map((i) => [`${i.path[1]}.${i.path[2]}`, i.message]),
  );
  const set = (at: number, patch: Partial<ItemScore>) =>
    setItems((list) => list.map((item, i) => (i === at ? { ...item, ...patch } : item)));

  const save = async (submit: boolean) => {
    setFailure(null);
    try {
      const saved = await api.call('evaluation.saveScore', { sampleId: sample.id, items, submit });
      message.success(submit ? '评分已提交' : '草稿已保存');
      onSaved(saved);
    } catch (e) {
      setFailure(errorMessage(e));
    }
  };

  if (printing)
    return (
      <PrintSheet title={sheet.title} onBack={() => setPrinting(false)}>
        <p>
          司法所：{sample.officeName}　案号：{sample.caseNumber}　结案日期：{sample.closedOn}
          {sample.handler ? `　承办人：${sample.handler}` : ''}
        </p>
        <table>
          <thead>
            <tr>
              <th>评查项目</th>
              <th>分值</th>
              <th>扣分情形</th>
              <th>得分</th>
              <th>点评</th>
            </tr>
          </thead>
          <tbody>
            {sheet.items.map((item, at) => (
              <tr key={item.key}>
                <td>{item.label}</td>
                <td>{item.max}</td>
                <td>{item.deductions.join('；')}</td>
                <td>{items[at]?.points ?? ''}</td>
                <td>{items[at]?.remark ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <p>
          总分：{summary.total}　等次：{summary.grade ?? '未完成'}　评查员：{own?.evaluatorName ?? ''}
        </p>
      </PrintSheet>
    );

  return (
    <div>
      <Space style={{ marginBottom: 12 }} wrap>
        <Button onClick={onBack}>返回抽查清单</Button>
        <Button onClick={() => setPrinting(true)}>打印评查表</Button>
        <Tag>
          {SHEET_KIND_LABELS[sample.sheetKind]} · 评查表第{sheetVersion}版
        </Tag>
        {submitted && <Tag color="success">已提交</Tag>}
        {own?.reopened && <Tag color="warning">重新打开：{own.reopened.reason}</Tag>}
      </Space>
      <DossierPlace sample={sample} />
      {failure && <Alert type="error" showIcon message={failure} style={{ marginBottom: 12 }} />}
      <Table
        rowKey="key"
        size="small"
        pagination={false}
        dataSource={sheet.items}
        columns={[
          { title: '评查项目', dataIndex: 'label', width: 200 },
          { title: '分值', dataIndex: 'max', width: 60 },
          { title: '扣分情形', render: (_v, item) => item.deductions.join('；') },
          {
            title: '得分',
            width: 110,
            render: (_v, item, at) => (
              <>
                <InputNumber
                  aria-label={`${item.label}得分`}
                  value={items[at]?.points ?? null}
                  min={0}
                  max={item.max}
                  step={0.5}
                  disabled={submitted}
                  onChange={(v) => set(at, { points: typeof v === 'number' ? v : null })}
                />
                {issues.get(`${at}.points`) && (
                  <Typography.Text type="danger">{issues.get(`${at}.points`)}</Typography.Text>
                )}
              </>
            ),
          },
          {
            title: '点评',
            width: 260,
            render: (_v, item, at) => (
              <>
                <Input.TextArea
                  aria-label={`${item.label}点评`}
                  autoSize
                  value={items[at]?.remark ?? ''}
                  disabled={submitted}
                  onChange={(e) => set(at, { remark: e.target.value })}
                />
                {issues.get(`${at}.remark`) && (
                  <Typography.Text type="danger">{issues.get(`${at}.remark`)}</Typography.Text>
                )}
              </>
            ),
          },
        ]}
      />
      <Typography.Title level={4} style={{ marginTop: 16 }} data-testid="score-summary">
        总分 {summary.total} 分　{summary.grade ? `等次：${summary.grade}` : '尚有项目未评分'}
      </Typography.Title>
      {!submitted && (
        <Space>
          <Button onClick={() => void save(false)}>保存草稿</Button>
          <Button type="primary" onClick={() => void save(true)}>
            提交评分
          </Button>
        </Space>
      )}
    </div>
  );
}
