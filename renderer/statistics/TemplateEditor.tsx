// 报表模板: the bureau's (or the director's) adjustment of the workbook — the title, the sheets, which indicators
// each shows in which order, and whether breakdowns (其中：…) are shown. The main process checks it again.
import { Alert, App as AntApp, Button, Card, Checkbox, Input, Select, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { TemplateInfo } from '../../shared/contract';
import { SECTION_LABELS } from '../../shared/statistics/indicators';
import type { ReportTemplate, TemplateSheet } from '../../shared/statistics/template';
import { errorMessage, useApi } from '../app/apiContext';

export function TemplateEditor() {
  const api = useApi();
  const { message } = AntApp.useApp();
  const [info, setInfo] = useState<TemplateInfo | null>(null);
  const [draft, setDraft] = useState<ReportTemplate | null>(null);
  const [refusal, setRefusal] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let live = true;
    api.call('statistics.template', {}).then(
      (t) => {
        if (!live) return;
        setInfo(t);
        setDraft(t.template);
      },
      (error: unknown) => live && setRefusal(errorMessage(error)),
    );
    return () => {
      live = false;
    };
  }, [api]);

  if (!info || !draft) return refusal ? <Alert type="error" showIcon title={refusal} /> : null;

  const options = info.indicators.map((i) => ({ value: i.key, label: `${SECTION_LABELS[i.section]}：${i.label}` }));
  const setSheet = (index: number, sheet: TemplateSheet) =>
    setDraft({ ...draft, sheets: draft.sheets.map((s, i) => (i === index ? sheet : s)) });
  const save = async (template: ReportTemplate | null) => {
    if (busy) return;
    setBusy(true);
    setRefusal(null);
    try {
      const saved = await api.call('statistics.setTemplate', { template });
      setInfo(saved);
      setDraft(saved.template);
      message.success(template === null ? '已恢复默认模板' : '报表模板已保存');
    } catch (error) {
      setRefusal(errorMessage(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-label="报表模板" className="statistics-template">
      <Typography.Paragraph type="secondary">
        {info.isDefault ? '当前使用随程序提供的默认模板。' : `当前模板由${info.updatedBy}修改。`}
        导出Excel时按此模板排列工作表和指标。
      </Typography.Paragraph>
      <Space orientation="vertical" style={{ width: '100%' }}>
        <label>
          报表标题
          <Input
            aria-label="报表标题"
            value={draft.title}
            maxLength={50}
            style={{ maxWidth: 400, marginInlineStart: 8 }}
            onChange={(e) => setDraft({ ...draft, title: e.target.value })}
          />
        </label>
        {draft.sheets.map((sheet, index) => (
          <Card
            key={index}
            size="small"
            title={
              <Input
                aria-label={`第${index + 1}个工作表名称`}
                value={sheet.name}
                maxLength={31}
                style={{ maxWidth: 240 }}
                onChange={(e) => setSheet(index, { ...sheet, name: e.target.value })}
              />
            }
            extra={
              <Button
                size="small"
                danger
                disabled={draft.sheets.length === 1}
                onClick={() => setDraft({ ...draft, sheets: draft.sheets.filter((_, i) => i !== index) })}
              >
                删除工作表
              </Button>
            }
          >
            <Select
              mode="multiple"
              aria-label={`第${index + 1}个工作表的指标`}
              style={{ width: '100%' }}
              options={options}
              value={sheet.rows.map((r) => r.key)}
              optionFilterProp="label"
              onChange={(keys: string[]) => {
                const kept = new Map(sheet.rows.map((r) => [r.key, r]));
                const breakdown = sheet.rows.every((r) => r.breakdown);
                setSheet(index, { ...sheet, rows: keys.map((key) => kept.get(key) ?? { key, label: '', breakdown }) });
              }}
            />
            <Checkbox
              style={{ marginTop: 8 }}
              checked={sheet.rows.length > 0 && sheet.rows.every((r) => r.breakdown)}
              onChange={(e) =>
                setSheet(index, { ...sheet, rows: sheet.rows.map((r) => ({ ...r, breakdown: e.target.checked })) })
              }
            >
              显示分项（其中：…）
            </Checkbox>
          </Card>
        ))}
        {refusal ? <Alert type="error" showIcon title={refusal} /> : null}
        <Space>
          <Button
            onClick={() =>
              setDraft({ ...draft, sheets: [...draft.sheets, { name: `工作表${draft.sheets.length + 1}`, rows: [] }] })
            }
          >
            添加工作表
          </Button>
          <Button type="primary" loading={busy} onClick={() => save(draft)}>
            保存模板
          </Button>
          <Button disabled={info.isDefault} onClick={() => save(null)}>
            恢复默认模板
          </Button>
        </Space>
      </Space>
    </section>
  );
}
