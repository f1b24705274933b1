// 评查表 (县局模式): each kind's score sheet as it is used now — items, points, what loses points, the grade lines
// and how two evaluators' scores combine — with its earlier versions; a director or administrator edits it and
// saves a new version (scores already given keep the version they were given on).
import { Alert, App as AntApp, Button, Input, InputNumber, Select, Space, Table, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { SheetsInfo } from '../../shared/channels/evaluation';
import {
  SHEET_KIND_LABELS,
  SHEET_KINDS,
  type CombineMethod,
  type ScoreSheet,
  type SheetKind,
} from '../../shared/evaluation/sheets';
import { errorMessage, useApi } from '../app/apiContext';
import { useMay } from '../app/currentUser';
import { formatMoment } from '../app/format';

const COMBINE_LABELS: Record<CombineMethod, string> = { mean: '取平均分', lowest: '取最低分' };

export function SheetsPage() {
  const api = useApi();
  const { message } = AntApp.useApp();
  const mayEdit = useMay('evaluation.saveSheet');
  const [info, setInfo] = useState<SheetsInfo | null>(null);
  const [kind, setKind] = useState<SheetKind>('legalAidCriminal');
  const [draft, setDraft] = useState<ScoreSheet | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  useEffect(() => {
    api.call('evaluation.sheets', {}).then(setInfo, (e: unknown) => setFailure(errorMessage(e)));
  }, [api]);

  if (!info) return failure ? <Alert type="error" message={failure} /> : null;
  const current = info.current[kind];
  const sheet = draft ?? current.sheet;
  const total = sheet.items.reduce((s, i) => s + i.max, 0);
  const setItem = (at: number, patch: Partial<ScoreSheet['items'][number]>) =>
    setDraft({ ...sheet, items: sheet.items.map((item, i) => (i === at ? { ...item, ...patch } : item)) });

  const save = async () => {
    setFailure(null);
    try {
      const saved = await api.call('evaluation.saveSheet', { sheet });
      message.success(`评查表已保存为第${saved.version}版`);
      setDraft(null);
      setInfo(await api.call('evaluation.sheets', {}));
    } catch (e) {
      setFailure(errorMessage(e));
    }
  };

  return (
    <div className="page">
      <Typography.Title level={3}>评查表</Typography.Title>
      <Space wrap style={{ marginBottom: 16 }}>
        <Select
          aria-label="评查表类别"
          value={kind}
          style={{ width: 200 }}
          disabled={draft !== null}
          options={SHEET_KINDS.map((k) => ({ value: k, label: SHEET_KIND_LABELS[k] }))}
          onChange={setKind}
        />
        <Tag color="blue">第{current.version}版</Tag>
        <Typography.Text type="secondary">
          {current.isDefault ? '程序预置' : `${current.savedBy}保存于${formatMoment(current.savedAt)}`}
        </Typography.Text>
        {mayEdit && !draft && <Button onClick={() => setDraft(current.sheet)}>修改评查表</Button>}
      </Space>
      {failure && <Alert type="error" showIcon message={failure} style={{ marginBottom: 12 }} />}
      <Typography.Title level={4}>{sheet.title}</Typography.Title>
      <Typography.Paragraph type="secondary">依据：{sheet.source || '—'}</Typography.Paragraph>
      <Table
        rowKey="key"
        size="small"
        pagination={false}
        dataSource={sheet.items}
        columns={[
          {
            title: '评查项目',
            dataIndex: 'label',
            render: (label: string, _item, at) =>
              draft ? (
                <Input
                  aria-label={`第${at + 1}项名称`}
                  value={label}
                  onChange={(e) => setItem(at, { label: e.target.value })}
                />
              ) : (
                label
              ),
          },
          {
            title: '分值',
            dataIndex: 'max',
            width: 110,
            render: (max: number, _item, at) =>
              draft ? (
                <InputNumber
                  aria-label={`第${at + 1}项分值`}
                  // Cleared: NaN until a number is typed (refused on saving as 分值应为数字).
                  value={Number.isNaN(max) ? null : max}
                  min={0.5}
                  max={100}
                  step={0.5}
                  onChange={(v) => setItem(at, { max: typeof v === 'number' ? v : NaN })}
                />
              ) : (
                max
              ),
          },
          {
            title: '扣分情形',
            dataIndex: 'deductions',
            render: (deductions: string[], _item, at) =>
              draft ? (
                <Input.TextArea
                  aria-label={`第${at + 1}项扣分情形`}
                  autoSize
                  value={deductions.join('\n')}
                  onChange={(e) => setItem(at, { deductions: e.target.value.split('\n').filter((l) => l.trim()) })}
                />
              ) : (
                deductions.join('；')
              ),
          },
        ]}
        summary={() => (
          <Table.Summary.Row>
            <Table.Summary.Cell index={0}>合计</Table.Summary.Cell>
            <Table.Summary.Cell index={1}>
              <span data-testid="sheet-total">{Number.isNaN(total) ? '—' : total}</span>
            </Table.Summary.Cell>
            <Table.Summary.Cell index={2}>{total === 100 ? '' : '各项分值之和应为100分'}</Table.Summary.Cell>
          </Table.Summary.Row>
        )}
      />
      <Space wrap style={{ marginTop: 16 }}>
        {(['excellent', 'good', 'pass'] as const).map((g) => (
          <span key={g}>
            {{ excellent: '优秀', good: '良好', pass: '合格' }[g]}≥{' '}
            {draft ? (
              <InputNumber
                aria-label={`${{ excellent: '优秀', good: '良好', pass: '合格' }[g]}分数线`}
                value={sheet.grades[g]}
                min={0}
                max={100}
                step={0.5}
                onChange={(v) => setDraft({ ...sheet, grades: { ...sheet.grades, [g]: v ?? 0 } })}
              />
            ) : (
              sheet.grades[g]
            )}
          </span>
        ))}
        <span>
          合分方式：
          {draft ? (
            <Select
              aria-label="合分方式"
              value={sheet.combine}
              style={{ width: 120 }}
              options={Object.entries(COMBINE_LABELS).map(([value, label]) => ({ value, label }))}
              onChange={(combine: CombineMethod) => setDraft({ ...sheet, combine })}
            />
          ) : (
            COMBINE_LABELS[sheet.combine]
          )}
        </span>
      </Space>
      {draft && (
        <Space style={{ marginTop: 16, display: 'flex' }}>
          <Button type="primary" onClick={() => void save()}>
            保存为新版本
          </Button>
          <Button onClick={() => (setDraft(null), setFailure(null))}>放弃修改</Button>
        </Space>
      )}
      <Typography.Title level={5} style={{ marginTop: 24 }}>
        版本记录
      </Typography.Title>
      <ul>
        {info.versions
          .filter((v) => v.kind === kind)
          .map((v) => (
            <li key={v.version}>
              第{v.version}版：{v.isDefault ? '程序预置' : `${v.savedBy}，${formatMoment(v.savedAt)}`}
            </li>
          ))}
      </ul>
    </div>
  );
}
