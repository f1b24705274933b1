// 卷宗材料 on a case page (every kind): the checklist against the rule set — what is missing now, what falls due
// next — with each item's receipt, its scans, a director's override of the closing and archiving check, and
// the printed pages (封面, 卷内目录, 核对表, 补正材料通知书).
import { kindOf } from '../../shared/kinds';
import { Alert, App as AntApp, Button, Card, Space, Spin, Table, Tag, Typography } from 'antd';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { DossierView } from '../../shared/contract';
import type { ChecklistItem } from '../../shared/dossier/evaluate';
import { HISTORICAL_DOSSIER, HISTORICAL_DOSSIER_REASON } from '../../shared/dossier/historical';
import {
  GATED_ACTION_LABELS,
  PRINT_DOCUMENT_LABELS,
  PRINT_DOCUMENTS,
  type PrintDocument,
} from '../../shared/dossier/materials';
import { errorMessage, useApi } from '../app/apiContext';
import { useMay } from '../app/currentUser';
import { formatDate, formatMoment } from '../app/format';
import { navigate, useRoute } from '../app/route';
import { ArchivedDossierStatus, ElectronicDossierButton } from './ElectronicDossier';
import { OverrideForm } from './OverrideForm';
import { PrintView } from './PrintView';
import { ReceiveForm } from './ReceiveForm';
import { scanProblem, uploadScan } from './upload';

function stateTag(item: ChecklistItem) {
  if (item.generated) return <Tag>系统生成</Tag>;
  if (item.present) return <Tag color="green">已收到</Tag>;
  if (item.missing) return <Tag color="red">缺少</Tag>;
  if (item.optional) return <Tag>有则归档</Tag>;
  if (item.required) return <Tag color="blue">未到期</Tag>;
  return <Tag>不适用</Tag>;
}

export function DossierPanel({ caseId }: { caseId: number }) {
  const api = useApi();
  const route = useRoute();
  const { message } = AntApp.useApp();
  const mayRecord = useMay('dossier.markReceived');
  const mayOverride = useMay('dossier.override');
  const [view, setView] = useState<DossierView | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [receiving, setReceiving] = useState<ChecklistItem | null>(null);
  const [overriding, setOverriding] = useState(false);
  const [uploading, setUploading] = useState<string | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const uploadFor = useRef<ChecklistItem | null>(null);

  const load = useCallback(() => {
    api.call('dossier.get', { caseId }).then(setView, (error: unknown) => setFailure(errorMessage(error)));
  }, [api, caseId]);
  useEffect(load, [load]);

  const printing = route.page === 'case' && route.id === caseId ? route.print : undefined;

  const chooseFile = (item: ChecklistItem) => {
    uploadFor.current = item;
    fileInput.current?.click();
  };
  const onFile = async (file: File | undefined) => {
    const item = uploadFor.current;
    if (fileInput.current) fileInput.current.value = '';
    if (!file || !item) return;
    const problem = await scanProblem(file);
    if (problem) {
      message.error(problem);
      return;
    }
    setUploading(item.key);
    try {
      setView(await uploadScan(api, { caseId, itemKey: item.key, file, pages: item.material?.pages ?? 1 }));
      message.success(`已上传：${file.name}`);
    } catch (error) {
      message.error(errorMessage(error));
    } finally {
      setUploading(null);
    }
  };

  if (failure) return <Alert type="error" showIcon title={failure} />;
  if (!view) return <Spin description="正在读取卷宗材料" />;
  const { checklist } = view;
  const archived = view.status === 'archived';
  const gated = view.gates.filter((g) => g.missing.length > 0);
  const attachmentsOf = (key: string) => view.attachments.filter((a) => a.itemKey === key);

  return (
    <Card
      title={checklist.historical ? `卷宗材料（${HISTORICAL_DOSSIER}）` : '卷宗材料'}
      className="detail-section dossier-panel"
      extra={
        <Space wrap>
          {/* The case page's own actions (决定, 结案 …) change what is due: 刷新 reads the checklist again. */}
          <Button size="small" type="link" onClick={load}>
            刷新
          </Button>
          {/* 回访记录 only for the kinds that follow their cases up. */}
          {PRINT_DOCUMENTS.filter((doc) => doc !== 'followUp' || kindOf(view.kind).followUp).map(
            (doc: PrintDocument) => (
              <Button key={doc} size="small" onClick={() => navigate({ page: 'case', id: caseId, print: doc })}>
                打印{PRINT_DOCUMENT_LABELS[doc]}
              </Button>
            ),
          )}
          <ElectronicDossierButton caseId={caseId} archived={archived} />
        </Space>
      }
    >
      {printing && <PrintView caseId={caseId} doc={printing} />}
      <Space orientation="vertical" style={{ width: '100%' }}>
        {archived && <ArchivedDossierStatus caseId={caseId} />}
        {checklist.historical ? (
          <Alert type="info" showIcon title={HISTORICAL_DOSSIER_REASON} data-testid="dossier-status" />
        ) : checklist.complete ? (
          <Alert type="success" showIcon title="应备材料齐全" data-testid="dossier-status" />
        ) : (
          <Alert
            type="warning"
            showIcon
            title={`现缺少${checklist.missing.length}项：${checklist.missing.join('、')}`}
            data-testid="dossier-status"
          />
        )}
        {checklist.dueNext && (
          <Alert type="info" showIcon title={`${checklist.dueNext.label}应备：${checklist.dueNext.items.join('、')}`} />
        )}
        {gated.map((g) => (
          <Typography.Text key={g.action} type="secondary">
            {GATED_ACTION_LABELS[g.action]}前还须补齐：{g.missing.join('、')}
          </Typography.Text>
        ))}
        {view.overrides.map((o) => (
          <Alert
            key={o.id}
            type="info"
            title={`${o.username}于${formatMoment(o.recordedAt)}特批${GATED_ACTION_LABELS[o.action]}（缺少${o.missing.join('、')}）：${o.reason}`}
          />
        ))}
        <Typography.Text type="secondary">核对依据：卷宗材料标准第{checklist.ruleSetVersion}版</Typography.Text>
        {receiving && (
          <ReceiveForm
            key={receiving.key}
            caseId={caseId}
            item={receiving}
            onSaved={(saved) => {
              setView(saved);
              setReceiving(null);
            }}
            onCancel={() => setReceiving(null)}
          />
        )}
        {overriding && (
          <OverrideForm
            view={view}
            onSaved={() => {
              setOverriding(false);
              load();
            }}
            onCancel={() => setOverriding(false)}
          />
        )}
        <Table<ChecklistItem>
          size="small"
          pagination={false}
          rowKey="key"
          dataSource={checklist.items}
          onRow={(item) => ({ 'data-testid': `dossier-item-${item.key}` }) as React.HTMLAttributes<HTMLElement>}
          columns={[
            { title: '序号', key: 'n', width: 56, render: (_v, _item, i) => i + 1 },
            {
              title: '材料名称',
              key: 'name',
              render: (_v, item) => (
                <Space orientation="vertical" size={0}>
                  <span>{item.name}</span>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {item.reason}
                  </Typography.Text>
                </Space>
              ),
            },
            { title: '应交时间', key: 'due', width: 130, render: (_v, item) => item.dueAtLabel },
            { title: '情况', key: 'state', width: 90, render: (_v, item) => stateTag(item) },
            {
              title: '收到情况',
              key: 'received',
              render: (_v, item) =>
                item.material
                  ? `${formatDate(item.material.receivedOn)}，${item.material.form}，${item.material.pages}页${item.material.note ? `，${item.material.note}` : ''}`
                  : '',
            },
            {
              title: '扫描件',
              key: 'scans',
              render: (_v, item) => attachmentsOf(item.key).map((a) => <div key={a.id}>{a.fileName}</div>),
            },
            {
              title: '操作',
              key: 'actions',
              width: 200,
              render: (_v, item) =>
                item.generated || archived || !mayRecord ? null : (
                  <Space size={4} wrap>
                    <Button size="small" onClick={() => setReceiving(item)}>
                      {item.present ? '修改' : '登记收到'}
                    </Button>
                    <Button size="small" loading={uploading === item.key} onClick={() => chooseFile(item)}>
                      上传扫描件
                    </Button>
                  </Space>
                ),
            },
          ]}
        />
        {mayOverride && gated.length > 0 && !overriding && (
          <Button onClick={() => setOverriding(true)}>
            所长特批（缺材料{gated.map((g) => GATED_ACTION_LABELS[g.action]).join('、')}）
          </Button>
        )}
      </Space>
      <input
        ref={fileInput}
        type="file"
        accept=".pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png"
        style={{ display: 'none' }}
        data-testid="dossier-file"
        onChange={(e) => void onFile(e.target.files?.[0])}
      />
    </Card>
  );
}
