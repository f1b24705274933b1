// 导入台账: the office's own ledger (.xlsx or .csv) brought in. The clerk chooses the kind and the file; the page
// shows which column was taken for which field (detected from the header's words, or as saved last time), lets the
// clerk correct any column and check again, saves the correction for next time, shows the dry run — rows accepted
// with what they become, refused with the column and reason, skipped, already held — and then imports.
import { Alert, App as AntApp, Button, Checkbox, Radio, Space, Spin, Table, Typography } from 'antd';
import { useState } from 'react';
import type { LedgerMapping } from '../../shared/ledger/ledgerMapping';
import { LEDGER_FIELDS } from '../../shared/ledger/ledgerFields';
import { ledgerSizeProblem } from '../../shared/ledger/ledgerLimits';
import type { LedgerReport } from '../../shared/ledger/ledgerReport';
import { caseKindLabel } from '../../shared/kinds';
import { CASE_KINDS, type CaseKind } from '../../shared/options';
import { errorMessage, useApi } from '../app/apiContext';
import { formatDate } from '../app/format';
import { FilePicker } from '../exchange/FilePicker';
import { fileToBase64 } from '../exchange/files';

interface Chosen {
  fileName: string;
  base64: string;
}

export function LedgerImportPage() {
  const api = useApi();
  const { message } = AntApp.useApp();
  const [kind, setKind] = useState<CaseKind>('mediation');
  const [file, setFile] = useState<Chosen | null>(null);
  const [report, setReport] = useState<LedgerReport | null>(null);
  /** The clerk's choices, by header text: what the next check and the import use. */
  const [columns, setColumns] = useState<Record<string, string | null>>({});
  const [allOrNothing, setAllOrNothing] = useState(false);
  const [busy, setBusy] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);

  const mapping = (k: CaseKind): LedgerMapping | null =>
    Object.keys(columns).length > 0 && report?.kind === k ? { kind: k, columns } : null;

  async function check(chosen: Chosen, k: CaseKind, withMapping: LedgerMapping | null) {
    setBusy('正在检查台账');
    setFailure(null);
    setDone(null);
    try {
      const checked = await api.call('ledgerImport.check', { kind: k, ...chosen, sheet: null, mapping: withMapping });
      setReport(checked);
      setColumns(Object.fromEntries(checked.columns.map((c) => [c.header, c.field])));
    } catch (error) {
      setReport(null);
      setFailure(errorMessage(error));
    } finally {
      setBusy(null);
    }
  }

  async function choose(files: File[]) {
    const f = files[0]!;
    const problem = ledgerSizeProblem(f.size);
    if (problem) {
      setFailure(problem);
      return;
    }
    const chosen = { fileName: f.name, base64: await fileToBase64(f) };
    setFile(chosen);
    setColumns({});
    await check(chosen, kind, null);
  }

  async function runImport() {
    if (!file || !report) return;
    setBusy('正在导入');
    setFailure(null);
    try {
      const given = { kind, columns };
      await api.call('ledgerImport.saveMapping', { mapping: given });
      const result = await api.call('ledgerImport.run', { kind, ...file, sheet: null, mapping: given, allOrNothing });
      setReport(result.report);
      const text = `已导入${result.imported.length}件（标记为历史导入）`;
      setDone(text);
      message.success(text);
    } catch (error) {
      setFailure(errorMessage(error));
    } finally {
      setBusy(null);
    }
  }

  const fieldOptions = LEDGER_FIELDS[kind];
  const refusedRows = report ? new Set(report.refused.map((r) => r.row)).size : 0;
  const ready = report !== null && report.mappingProblems.length === 0;

  return (
    <div className="page ledger-import-page">
      <Typography.Title level={3}>导入台账</Typography.Title>
      <Typography.Paragraph type="secondary">
        把本所原有的 Excel 或 WPS 台账（.xlsx 或
        .csv）导入为历史案件。先检查（不写入任何数据），核对列的对应和每一行的结果，再导入；同一文件再次导入不会重复。
      </Typography.Paragraph>
      <Space direction="vertical" style={{ width: '100%' }}>
        <Radio.Group
          aria-label="案件类型"
          value={kind}
          onChange={(e) => {
            const k = e.target.value as CaseKind;
            setKind(k);
            setColumns({});
            if (file) void check(file, k, null);
          }}
          options={CASE_KINDS.map((k) => ({ value: k, label: caseKindLabel(k) }))}
        />
        <FilePicker
          id="ledger-file"
          label="台账文件"
          accept=".xlsx,.csv,.xls"
          disabled={busy !== null}
          onFiles={(f) => void choose(f)}
        />
        {busy && <Spin description={busy} />}
        {failure && <Alert className="page-alert" type="error" showIcon title={failure} role="alert" />}
        {done && <Alert className="page-alert" type="success" showIcon title={done} role="status" />}
      </Space>
      {report && (
        <>
          <Typography.Title level={4}>列的对应</Typography.Title>
          <Typography.Paragraph type="secondary">
            工作表“{report.sheet}”，表头在第{report.headerRow}行{report.encoding ? `，编码 ${report.encoding}` : ''}
            。如有列对应错了，请改正后点“按此对应重新检查”；导入时会保存此对应，下次自动使用。
          </Typography.Paragraph>
          <table className="ledger-mapping">
            <thead>
              <tr>
                <th>列</th>
                <th>表头</th>
                <th>导入为</th>
              </tr>
            </thead>
            <tbody>
              {report.columns.map((c) => (
                <tr key={c.index}>
                  <td>{c.letter}</td>
                  <td>{c.header}</td>
                  <td>
                    <select
                      aria-label={`${c.letter}列“${c.header}”导入为`}
                      value={columns[c.header] ?? ''}
                      onChange={(e) => setColumns({ ...columns, [c.header]: e.target.value || null })}
                    >
                      <option value="">（不导入）</option>
                      {fieldOptions.map((f) => (
                        <option key={f.key} value={f.key}>
                          {f.label}
                        </option>
                      ))}
                    </select>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <Space style={{ marginTop: 8 }}>
            <Button disabled={busy !== null || !file} onClick={() => file && void check(file, kind, mapping(kind))}>
              按此对应重新检查
            </Button>
            <Button
              disabled={busy !== null}
              onClick={() =>
                void api.call('ledgerImport.saveMapping', { mapping: { kind, columns } }).then(
                  () => message.success('已保存列的对应'),
                  (error: unknown) => setFailure(errorMessage(error)),
                )
              }
            >
              保存此对应
            </Button>
          </Space>
          {report.mappingProblems.length > 0 && (
            <Alert
              className="page-alert"
              type="warning"
              showIcon
              title="列的对应有误，未检查各行"
              description={
                <ul>
                  {report.mappingProblems.map((p) => (
                    <li key={p}>{p}</li>
                  ))}
                </ul>
              }
            />
          )}
          {ready && (
            <>
              <Typography.Title level={4}>检查结果</Typography.Title>
              <Typography.Paragraph role="note">
                可导入{report.accepted.length}行，未通过{refusedRows}行，跳过{report.skipped.length}行，已有案件
                {report.duplicates.length}行
              </Typography.Paragraph>
              <Table
                size="small"
                rowKey="row"
                caption="可导入的行"
                dataSource={report.accepted}
                pagination={{ pageSize: 50, hideOnSinglePage: true }}
                columns={[
                  { title: '行', dataIndex: 'row' },
                  { title: '当事人', dataIndex: 'parties' },
                  { title: '案件', dataIndex: 'title' },
                  { title: '状态', dataIndex: 'statusLabel' },
                  { title: '受理日期', dataIndex: 'receivedOn', render: (d: string) => formatDate(d) },
                  {
                    title: '结案日期',
                    render: (_: unknown, a: LedgerReport['accepted'][number]) =>
                      a.closedOn ? `${formatDate(a.closedOn)}${a.closedOnFromReceipt ? '（按受理日期）' : ''}` : '',
                  },
                  {
                    title: '案号',
                    render: (_: unknown, a: LedgerReport['accepted'][number]) => a.caseNumber || '新编案号',
                  },
                ]}
              />
              {report.refused.length > 0 && (
                <Table
                  size="small"
                  rowKey={(r) => `${r.row}-${r.column}`}
                  caption="未通过的行"
                  dataSource={report.refused}
                  pagination={{ pageSize: 50, hideOnSinglePage: true }}
                  columns={[
                    { title: '行', dataIndex: 'row' },
                    { title: '列', dataIndex: 'column' },
                    { title: '原因', dataIndex: 'message' },
                  ]}
                />
              )}
              {report.skipped.length + report.duplicates.length > 0 && (
                <Table
                  size="small"
                  rowKey={(r) => `${r.row}`}
                  caption="跳过及已有的行"
                  dataSource={[
                    ...report.skipped.map((s) => ({ row: s.row, reason: s.reason })),
                    ...report.duplicates.map((d) => ({
                      row: d.row,
                      reason: `${d.reason}${d.caseNumber ? `（${d.caseNumber}）` : ''}`,
                    })),
                  ]}
                  pagination={{ pageSize: 50, hideOnSinglePage: true }}
                  columns={[
                    { title: '行', dataIndex: 'row' },
                    { title: '说明', dataIndex: 'reason' },
                  ]}
                />
              )}
              <Space style={{ marginTop: 8 }}>
                <Checkbox checked={allOrNothing} onChange={(e) => setAllOrNothing(e.target.checked)}>
                  有任何一行未通过则全部不导入
                </Checkbox>
                <Button
                  type="primary"
                  disabled={busy !== null || report.accepted.length === 0}
                  onClick={() => void runImport()}
                >
                  导入{report.accepted.length}行
                </Button>
              </Space>
            </>
          )}
        </>
      )}
    </div>
  );
}
