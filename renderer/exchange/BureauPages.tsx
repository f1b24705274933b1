// 县局模式 pages: 机构管理 (register offices by public key and fingerprint; who is late and who restored a backup;
// an office's recovery package; a director's re-registration of a reinstalled office's key; the configuration
// package), 导入数据包 (one or many files; the result of each with its reason), 待核冲突 (what an import could not
// settle, with the bureau's stored version beside the incoming one).
import { Alert, Button, Card, Descriptions, Input, Select, Space, Switch, Table, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import type { BureauConflict, BureauOffice, ImportOutcome } from '../../shared/contract';
import { errorMessage, useApi } from '../app/apiContext';
import { useMay } from '../app/currentUser';
import { formatMoment } from '../app/format';
import { tableLabel } from '../../shared/tableLabels';
import { FilePicker } from './FilePicker';
import { fileToBase64, saveBase64 } from './files';
import { RowVersions } from './RowVersions';
import { useExchangeStatus } from './useExchangeStatus';

type Notice = { ok: boolean; text: string } | null;
const notice = (n: Notice) => n && <Alert type={n.ok ? 'success' : 'error'} showIcon title={n.text} role="status" />;

const BLANK = { code: '', name: '', publicKey: '', fingerprint: '' };
const BLANK_REPLACEMENT = { code: '', publicKey: '', fingerprint: '', reason: '' };

export function BureauOfficesPage() {
  const api = useApi();
  const { status } = useExchangeStatus();
  const mayRegister = useMay('bureau.registerOffice');
  const mayConfig = useMay('bureau.exportConfig');
  const mayRecovery = useMay('bureau.recoveryPackage');
  const mayReplace = useMay('bureau.replaceOfficeKey');
  const [offices, setOffices] = useState<BureauOffice[]>([]);
  const [form, setForm] = useState(BLANK);
  const [registered, setRegistered] = useState<Notice>(null);
  const [configNotice, setConfigNotice] = useState<Notice>(null);
  /** The office the configuration package is for ('' : the county-wide one, without evaluation results). */
  const [configOffice, setConfigOffice] = useState('');
  const [recoveryNotice, setRecoveryNotice] = useState<Notice>(null);
  const [replacement, setReplacement] = useState(BLANK_REPLACEMENT);
  const [replaced, setReplaced] = useState<Notice>(null);
  const load = useCallback(() => {
    api.call('bureau.offices', {}).then(setOffices, () => setOffices([]));
  }, [api]);
  useEffect(load, [load]);

  const register = async () => {
    try {
      const made = await api.call('bureau.registerOffice', form);
      setRegistered({ ok: true, text: `已登记：${made.name}（${made.code}）` });
      setForm(BLANK);
      load();
    } catch (error) {
      setRegistered({ ok: false, text: errorMessage(error) });
    }
  };

  const recoveryPackage = async (code: string) => {
    try {
      const made = await api.call('bureau.recoveryPackage', { code, folder: null, download: true });
      saveBase64(made.fileName, made.base64);
      setRecoveryNotice({
        ok: true,
        text: `已生成恢复包（${made.rows}行${made.upToSequence ? `，含至第${made.upToSequence}次报送` : ''}，已加密给该司法所）：${made.file}`,
      });
    } catch (error) {
      setRecoveryNotice({ ok: false, text: errorMessage(error) });
    }
  };

  const replaceKey = async () => {
    try {
      const made = await api.call('bureau.replaceOfficeKey', replacement);
      setReplaced({
        ok: true,
        text: `已重新登记：${made.name}（${made.code}），新公钥指纹 ${made.fingerprint}；原公钥已停用，其数据包仍有效`,
      });
      setReplacement(BLANK_REPLACEMENT);
      load();
    } catch (error) {
      setReplaced({ ok: false, text: errorMessage(error) });
    }
  };

  const exportConfig = async () => {
    try {
      const made = await api.call('bureau.exportConfig', { folder: null, office: configOffice || null });
      saveBase64(made.fileName, made.base64);
      const forOffice = offices.find((o) => o.code === configOffice);
      setConfigNotice({ ok: true, text: `已生成${forOffice ? `${forOffice.name}的` : ''}配置包：${made.file}` });
    } catch (error) {
      setConfigNotice({ ok: false, text: errorMessage(error) });
    }
  };

  const field = (key: keyof typeof BLANK, label: string, max: number) => (
    <>
      <label htmlFor={`office-${key}`}>{label}</label>
      <Input
        id={`office-${key}`}
        value={form[key]}
        maxLength={max}
        autoComplete="off"
        onChange={(e) => setForm({ ...form, [key]: e.target.value })}
      />
    </>
  );

  return (
    <div className="page bureau-offices-page">
      <Typography.Title level={3}>机构管理</Typography.Title>
      <Table<BureauOffice>
        rowKey="code"
        size="small"
        pagination={false}
        dataSource={offices}
        locale={{ emptyText: '尚未登记司法所' }}
        columns={[
          { title: '机构代码', dataIndex: 'code' },
          { title: '名称', dataIndex: 'name' },
          {
            title: '公钥指纹',
            render: (_: unknown, o: BureauOffice) => (
              <>
                {o.fingerprint}
                {o.retiredKeys.map((k) => (
                  <div key={k.fingerprint} className="retired-key">
                    <Typography.Text type="secondary">
                      已停用：{k.fingerprint}（{formatMoment(k.retiredAt)}，{k.retiredBy}：{k.reason}）
                    </Typography.Text>
                  </div>
                ))}
              </>
            ),
          },
          {
            title: '最近报送',
            render: (_: unknown, o: BureauOffice) =>
              o.lastPeriod ? `${o.lastPeriod}（第${o.lastSequence}次）` : '尚未报送',
          },
          {
            title: '缺少的报送',
            render: (_: unknown, o: BureauOffice) =>
              o.missingSequences.length ? `第${o.missingSequences.join('、')}次` : '',
          },
          {
            title: '状态',
            render: (_: unknown, o: BureauOffice) =>
              o.late ? <Tag color="red">逾期未报</Tag> : <Tag color="green">按时</Tag>,
          },
          {
            title: '恢复',
            render: (_: unknown, o: BureauOffice) =>
              o.lastRestore && (
                <span title={o.lastRestore.note}>
                  <Tag color="orange">恢复备份后的报送</Tag>第{o.lastRestore.sequence}次，司法所已没有的行
                  {o.lastRestore.lostRows}行
                </span>
              ),
          },
          ...(mayRecovery
            ? [
                {
                  title: '操作',
                  render: (_: unknown, o: BureauOffice) => (
                    <Button size="small" onClick={() => void recoveryPackage(o.code)}>
                      生成恢复包
                    </Button>
                  ),
                },
              ]
            : []),
        ]}
      />
      {notice(recoveryNotice)}
      {mayRegister && (
        <Card title="登记司法所" className="detail-section" style={{ maxWidth: 760 }}>
          <Space orientation="vertical" style={{ width: '100%' }}>
            {field('code', '机构代码（县级行政区划代码加司法所编号，如43011101）', 9)}
            {field('name', '机构名称', 50)}
            {field('publicKey', '司法所公钥（以 casedesk1: 开头）', 200)}
            {field('fingerprint', '公钥指纹（与司法所电话或书面核对）', 39)}
            {notice(registered)}
            <Button type="primary" onClick={() => void register()}>
              登记
            </Button>
          </Space>
        </Card>
      )}
      {mayReplace && (
        <Card title="重新登记公钥（司法所重装后）" className="detail-section" style={{ maxWidth: 760 }}>
          <Typography.Paragraph type="secondary">
            司法所电脑损坏且无可用备份、重新安装后，其公钥会变。由所长核对司法所电话读出的新公钥指纹，写明原因后重新登记；原公钥停用，其已导入的数据包仍然有效。随后请为该所生成恢复包，由其先安装恢复包再报送。
          </Typography.Paragraph>
          <Space orientation="vertical" style={{ width: '100%' }}>
            <label htmlFor="replace-code">机构代码</label>
            <Input
              id="replace-code"
              value={replacement.code}
              maxLength={9}
              autoComplete="off"
              onChange={(e) => setReplacement({ ...replacement, code: e.target.value })}
            />
            <label htmlFor="replace-key">司法所的新公钥（以 casedesk1: 开头）</label>
            <Input
              id="replace-key"
              value={replacement.publicKey}
              maxLength={200}
              autoComplete="off"
              onChange={(e) => setReplacement({ ...replacement, publicKey: e.target.value })}
            />
            <label htmlFor="replace-fingerprint">新公钥指纹（与司法所电话或书面核对）</label>
            <Input
              id="replace-fingerprint"
              value={replacement.fingerprint}
              maxLength={39}
              autoComplete="off"
              onChange={(e) => setReplacement({ ...replacement, fingerprint: e.target.value })}
            />
            <label htmlFor="replace-reason">重新登记的原因</label>
            <Input.TextArea
              id="replace-reason"
              value={replacement.reason}
              maxLength={500}
              rows={2}
              onChange={(e) => setReplacement({ ...replacement, reason: e.target.value })}
            />
            {notice(replaced)}
            <Button onClick={() => void replaceKey()}>重新登记</Button>
          </Space>
        </Card>
      )}
      <Card title="本局密钥与配置包" className="detail-section" style={{ maxWidth: 760 }}>
        <Descriptions column={1} size="small">
          <Descriptions.Item label="本局公钥（提供给各司法所）">{status?.publicKey ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="本局公钥指纹">{status?.fingerprint ?? '—'}</Descriptions.Item>
        </Descriptions>
        {mayConfig && (
          <Space wrap>
            <label htmlFor="config-office">配置包发给</label>
            <Select
              id="config-office"
              value={configOffice}
              onChange={setConfigOffice}
              style={{ minWidth: 260 }}
              options={[
                { value: '', label: '全县各司法所（通用）' },
                ...offices.map((o) => ({ value: o.code, label: `${o.name}（含调卷通知和评查整改）` })),
              ]}
            />
            <Button onClick={() => void exportConfig()}>生成配置包</Button>
          </Space>
        )}
        {notice(configNotice)}
      </Card>
    </div>
  );
}

const COUNT_TEXT = (o: Extract<ImportOutcome, { status: 'imported' | 'duplicate' }>) =>
  `新增${o.counts.inserted}行，更新${o.counts.updated}行，未变${o.counts.unchanged}行，较旧${o.counts.older}行，冲突${o.counts.conflicts}行`;

export function BureauImportPage() {
  const api = useApi();
  const [outcomes, setOutcomes] = useState<ImportOutcome[]>([]);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const importFiles = async (files: File[]) => {
    if (files.length === 0 || busy) return;
    setBusy(true);
    setFailure(null);
    try {
      const packages = await Promise.all(
        [...files].map(async (f) => ({ fileName: f.name, base64: await fileToBase64(f) })),
      );
      setOutcomes(await api.call('bureau.importUploads', { packages }));
    } catch (error) {
      setFailure(errorMessage(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="page bureau-import-page">
      <Typography.Title level={3}>导入数据包</Typography.Title>
      <Typography.Paragraph type="secondary">
        可一次选择多个司法所的数据包。每个数据包先核对签名、哈希和每一行数据，不合格的整包拒收、不作改动；同一数据包导入两次不会重复。导入前自动备份本局数据。
      </Typography.Paragraph>
      <FilePicker
        id="package-files"
        label="选择数据包文件（.casedesk，可多选）"
        multiple
        disabled={busy}
        onFiles={(files) => void importFiles(files)}
      />
      {failure && <Alert className="page-alert" type="error" showIcon title={failure} />}
      <Table<ImportOutcome>
        className="detail-section"
        rowKey={(o) => o.fileName}
        size="small"
        pagination={false}
        dataSource={outcomes}
        locale={{ emptyText: '尚未导入' }}
        columns={[
          { title: '文件', dataIndex: 'fileName' },
          {
            title: '结果',
            render: (_: unknown, o: ImportOutcome) =>
              o.status === 'rejected' ? (
                <Tag color="red">已拒收</Tag>
              ) : o.status === 'duplicate' ? (
                <Tag>已导入过</Tag>
              ) : (
                <Tag color="green">已导入</Tag>
              ),
          },
          {
            title: '说明',
            render: (_: unknown, o: ImportOutcome) =>
              o.status === 'rejected'
                ? o.reason
                : `${o.officeName}，${o.period}，第${o.sequence}次报送：${COUNT_TEXT(o)}${o.warnings.length ? `。注意：${o.warnings.join('；')}` : ''}`,
          },
        ]}
      />
    </div>
  );
}

const CONFLICT_KINDS: Record<BureauConflict['kind'], string> = {
  row: '数据行',
  package: '数据包',
  audit: '审计日志',
  identity: '编号被另一条记录占用',
  restore: '恢复备份后的报送',
  lost: '司法所已没有的行',
};

export function BureauConflictsPage() {
  const api = useApi();
  const mayResolve = useMay('bureau.resolveConflict');
  const [includeResolved, setIncludeResolved] = useState(false);
  const [conflicts, setConflicts] = useState<BureauConflict[]>([]);
  const [failure, setFailure] = useState<string | null>(null);
  const load = useCallback(() => {
    api.call('bureau.conflicts', { includeResolved }).then(setConflicts, (e: unknown) => setFailure(errorMessage(e)));
  }, [api, includeResolved]);
  useEffect(load, [load]);

  const resolve = async (id: number) => {
    try {
      await api.call('bureau.resolveConflict', { id });
      load();
    } catch (error) {
      setFailure(errorMessage(error));
    }
  };

  return (
    <div className="page bureau-conflicts-page">
      <Typography.Title level={3}>待核冲突</Typography.Title>
      <Space>
        <Switch checked={includeResolved} onChange={setIncludeResolved} aria-label="含已核" /> 含已核
      </Space>
      {failure && <Alert className="page-alert" type="error" showIcon title={failure} />}
      <Table<BureauConflict>
        className="detail-section"
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={conflicts}
        locale={{ emptyText: '没有待核冲突' }}
        expandable={{
          rowExpandable: (c) => c.keptData !== null || c.incomingData !== null,
          expandedRowRender: (c) => (
            <RowVersions
              left={{ title: `本局所存${c.keptSeq ? `（第${c.keptSeq}号变更）` : ''}`, data: c.keptData }}
              right={{ title: c.kind === 'lost' ? '司法所现有' : `报来的（第${c.seq}号变更）`, data: c.incomingData }}
            />
          ),
        }}
        columns={[
          { title: '机构代码', dataIndex: 'officeCode' },
          { title: '类别', dataIndex: 'kind', render: (k: BureauConflict['kind']) => CONFLICT_KINDS[k] },
          {
            title: '表与行',
            render: (_: unknown, c: BureauConflict) => (c.tableName ? `${tableLabel(c.tableName)} ${c.rowKey}` : ''),
          },
          { title: '说明', dataIndex: 'detail' },
          { title: '发现时间', dataIndex: 'detectedAt', render: (v: string) => formatMoment(v) },
          {
            title: '核对',
            render: (_: unknown, c: BureauConflict) =>
              c.resolvedAt
                ? `已核（${formatMoment(c.resolvedAt)}）`
                : mayResolve && (
                    <Button size="small" onClick={() => void resolve(c.id)}>
                      标记已核
                    </Button>
                  ),
          },
        ]}
      />
    </div>
  );
}
