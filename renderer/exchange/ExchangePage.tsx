// 数据报送 (office): export now to the county bureau (into the data folder's exports/ or a USB stick), the export
// history with 重新生成 and 下载, this office's public key and fingerprint, the bureau's key, installing the bureau's
// recovery package (从县局恢复) and its configuration package.
import { Alert, Button, Card, Descriptions, Form, Input, Space, Table, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import type { ExportRecord } from '../../shared/contract';
import { errorMessage, useApi } from '../app/apiContext';
import { useMay } from '../app/currentUser';
import { formatMoment } from '../app/format';
import { FilePicker } from './FilePicker';
import { fileToBase64, saveBase64 } from './files';
import { RecoverySection } from './RecoverySection';
import { useExchangeStatus } from './useExchangeStatus';

type Notice = { ok: boolean; text: string } | null;

export function ExchangePage() {
  const api = useApi();
  const { status, reload } = useExchangeStatus();
  const mayExport = useMay('exchange.export');
  const maySetKey = useMay('exchange.setBureauKey');
  const mayInstall = useMay('exchange.importConfig');
  const [history, setHistory] = useState<ExportRecord[]>([]);
  const [folder, setFolder] = useState('');
  const [period, setPeriod] = useState('');
  const [exported, setExported] = useState<Notice>(null);
  const [busy, setBusy] = useState(false);
  const [bureauKey, setBureauKey] = useState('');
  const [keyNotice, setKeyNotice] = useState<Notice>(null);
  const [configNotice, setConfigNotice] = useState<Notice>(null);
  const [configFingerprint, setConfigFingerprint] = useState('');

  const load = useCallback(() => {
    api.call('exchange.history', {}).then(setHistory, () => setHistory([]));
  }, [api]);
  useEffect(load, [load]);
  // The stored key fills the field once it is known, unless the clerk has already typed one.
  useEffect(() => setBureauKey((typed) => typed || status?.bureauPublicKey || ''), [status?.bureauPublicKey]);

  const exportNow = async () => {
    if (busy) return;
    setBusy(true);
    setExported(null);
    try {
      const made = await api.call('exchange.export', { period: period.trim() || null, folder: folder.trim() || null });
      setExported({
        ok: true,
        text: `已生成第${made.sequence}次报送（${made.period}，${made.rowCount}行，已加密${made.restored ? '，并告知县局本所已从备份恢复' : ''}）：${made.file}`,
      });
      load();
      reload();
    } catch (error) {
      setExported({ ok: false, text: errorMessage(error) });
    } finally {
      setBusy(false);
    }
  };

  const again = async (sequence: number) => {
    try {
      const made = await api.call('exchange.exportAgain', { sequence, folder: folder.trim() || null });
      setExported({ ok: true, text: `已重新生成第${sequence}次报送：${made.file}` });
    } catch (error) {
      setExported({ ok: false, text: errorMessage(error) });
    }
  };

  const download = async (sequence: number) => {
    try {
      const { fileName, base64 } = await api.call('exchange.download', { sequence });
      saveBase64(fileName, base64);
    } catch (error) {
      setExported({ ok: false, text: errorMessage(error) });
    }
  };

  const saveKey = async () => {
    try {
      const saved = await api.call('exchange.setBureauKey', { publicKey: bureauKey });
      setKeyNotice({
        ok: true,
        text: saved.bureauFingerprint
          ? `已设置县司法局公钥，指纹 ${saved.bureauFingerprint}，请与县局核对`
          : '已清除县司法局公钥',
      });
      reload();
    } catch (error) {
      setKeyNotice({ ok: false, text: errorMessage(error) });
    }
  };

  const installConfig = async (file: File | undefined) => {
    if (!file) return;
    try {
      const summary = await api.call('exchange.importConfig', {
        fileName: file.name,
        base64: await fileToBase64(file),
        ...(configFingerprint.trim() ? { bureauFingerprint: configFingerprint.trim() } : {}),
      });
      reload(); // a first installation sets the bureau's key too
      setConfigNotice({
        ok: true,
        text: summary.unchanged
          ? '该配置包已安装过，未作改动'
          : `已安装${summary.bureauName}的配置：纠纷类型${summary.disputeTypes}个，公证事项${summary.notarizationMatters}项，补贴标准${summary.subsidyRates}条，名册${summary.roster}人${summary.dossierRulesVersion ? `，卷宗材料标准第${summary.dossierRulesVersion}版` : ''}${summary.holidayYears.length > 0 ? `，${summary.holidayYears.join('、')}年节假日安排` : ''}${summary.followUpRules ? '，回访要求' : ''}${summary.mediationRules ? '，调解规则' : ''}${summary.historicalDossierRules ? '，历史卷宗规则' : ''}`,
      });
    } catch (error) {
      setConfigNotice({ ok: false, text: errorMessage(error) });
    }
  };

  const notice = (n: Notice) => n && <Alert type={n.ok ? 'success' : 'error'} showIcon title={n.text} role="status" />;

  return (
    <div className="page exchange-page">
      <Typography.Title level={3}>数据报送</Typography.Title>
      <Typography.Paragraph type="secondary">
        每月向县司法局报送一次（也可随时报送）：数据包只含上次报送以来的变化，经本所签名，设置县司法局公钥后加密。把生成的文件用U盘交给县局。
      </Typography.Paragraph>

      {mayExport && (
        <Card title="立即报送" className="detail-section" style={{ maxWidth: 760 }}>
          <Space orientation="vertical" style={{ width: '100%' }}>
            <label htmlFor="export-period">报送月份（可不填，默认本月，如 2026-11）</label>
            <Input
              id="export-period"
              value={period}
              onChange={(e) => setPeriod(e.target.value)}
              maxLength={7}
              autoComplete="off"
            />
            <label htmlFor="export-folder">保存到文件夹（可不填）</label>
            <Input
              id="export-folder"
              value={folder}
              onChange={(e) => setFolder(e.target.value)}
              maxLength={500}
              autoComplete="off"
              placeholder="不填则保存到数据文件夹的 exports 目录；保存到U盘请填写其路径，如 E:\ 或 /media/usb"
            />
            {notice(exported)}
            <Button type="primary" loading={busy} onClick={() => void exportNow()}>
              生成数据包
            </Button>
          </Space>
        </Card>
      )}

      <section className="detail-section" aria-label="报送记录">
        <Typography.Title level={4}>报送记录</Typography.Title>
        <Table<ExportRecord>
          rowKey="sequence"
          size="small"
          pagination={false}
          dataSource={history}
          locale={{ emptyText: '尚未报送' }}
          columns={[
            { title: '序号', dataIndex: 'sequence' },
            { title: '月份', dataIndex: 'period' },
            { title: '文件名', dataIndex: 'fileName' },
            { title: '行数', dataIndex: 'rowCount' },
            { title: '生成时间', dataIndex: 'createdAt', render: (v: string) => formatMoment(v) },
            { title: '经办', dataIndex: 'createdBy' },
            {
              title: '说明',
              render: (_: unknown, r: ExportRecord) => (r.restored ? <Tag color="blue">恢复备份后的报送</Tag> : ''),
            },
            {
              title: '操作',
              render: (_: unknown, r: ExportRecord) =>
                mayExport && (
                  <Space>
                    <Button size="small" onClick={() => void again(r.sequence)}>
                      重新生成
                    </Button>
                    <Button size="small" onClick={() => void download(r.sequence)}>
                      下载
                    </Button>
                  </Space>
                ),
            },
          ]}
        />
      </section>

      <Card title="密钥" className="detail-section" style={{ maxWidth: 760 }}>
        <Descriptions column={1} size="small">
          <Descriptions.Item label="本所公钥">{status?.publicKey ?? '首次报送时生成'}</Descriptions.Item>
          <Descriptions.Item label="本所公钥指纹">{status?.fingerprint ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="县司法局公钥指纹">{status?.bureauFingerprint ?? '未设置'}</Descriptions.Item>
        </Descriptions>
        {maySetKey && (
          <Space orientation="vertical" style={{ width: '100%' }}>
            <label htmlFor="bureau-key">县司法局公钥（由县局提供，以 casedesk1: 开头）</label>
            <Input
              id="bureau-key"
              value={bureauKey}
              onChange={(e) => setBureauKey(e.target.value)}
              maxLength={200}
              autoComplete="off"
            />
            {notice(keyNotice)}
            <Button onClick={() => void saveKey()}>保存县司法局公钥</Button>
          </Space>
        )}
      </Card>

      <RecoverySection />

      {mayInstall && (
        <Card title="安装县局配置包" className="detail-section" style={{ maxWidth: 760 }}>
          <Typography.Paragraph type="secondary">
            纠纷类型、公证事项目录、卷宗材料标准、以奖代补标准和法律援助人员名册，由县司法局统一下发；安装前核对县局的签名。
          </Typography.Paragraph>
          {!status?.bureauFingerprint && (
            <Form.Item label="县局公钥指纹（首次安装时填写，由县司法局告知）" htmlFor="config-fingerprint">
              <Input
                id="config-fingerprint"
                value={configFingerprint}
                onChange={(e) => setConfigFingerprint(e.target.value)}
                placeholder="1a2b-3c4d-…"
                style={{ maxWidth: 420 }}
              />
            </Form.Item>
          )}
          <FilePicker
            id="config-file"
            label="选择配置包文件（.casedesk）"
            onFiles={(files) => void installConfig(files[0])}
          />
          {notice(configNotice)}
        </Card>
      )}
    </div>
  );
}
