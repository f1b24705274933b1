// 数据备份: the backups of the data file (automatic daily ones, manual ones, those made before an upgrade or a
// restore), a backup now (into the data folder, or into a folder the clerk names: a USB stick), and, for
// administrators, restoring one: it is checked now and replaces the data file when the app next starts.
import { Alert, App as AntApp, Button, Card, Input, Space, Table, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import type { BackupInfo } from '../../shared/contract';
import { errorMessage, useApi } from '../app/apiContext';
import { useMay } from '../app/currentUser';
import { formatMoment } from '../app/format';

const BACKUP_REASON_LABELS: Record<BackupInfo['reason'], string> = {
  daily: '每日自动备份',
  manual: '手动备份',
  migration: '升级前自动备份',
  import: '导入前自动备份',
  'pre-restore': '恢复前自动备份',
};

function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} 字节`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

export function BackupPage({ onRestoreStaged }: { onRestoreStaged(backup: BackupInfo): void }) {
  const api = useApi();
  const { modal } = AntApp.useApp();
  const mayList = useMay('backup.list');
  const mayRestore = useMay('backup.restore');
  const [backups, setBackups] = useState<BackupInfo[] | null>(null);
  const [listFailure, setListFailure] = useState<string | null>(null);
  const [folder, setFolder] = useState('');
  const [made, setMade] = useState<{ ok: boolean; text: string } | null>(null);
  const [making, setMaking] = useState(false);
  const [restoreFile, setRestoreFile] = useState('');
  const [restoreFailure, setRestoreFailure] = useState<string | null>(null);
  /** Only for a backup under another key (before a re-key, or from another PC): its own recovery key. */
  const [restoreKey, setRestoreKey] = useState('');

  const load = useCallback(() => {
    if (!mayList) return;
    api.call('backup.list', {}).then(
      (list) => {
        setBackups(list);
        setListFailure(null);
      },
      (error: unknown) => setListFailure(errorMessage(error)),
    );
  }, [api, mayList]);
  useEffect(load, [load]);

  const backUpNow = async () => {
    if (making) return;
    setMaking(true);
    setMade(null);
    try {
      const info = await api.call('backup.create', { folder: folder.trim() || null });
      setMade({ ok: true, text: `已备份：${info.file}（${formatBytes(info.bytes)}）` });
      load();
    } catch (error) {
      setMade({ ok: false, text: errorMessage(error) });
    } finally {
      setMaking(false);
    }
  };

  const restore = (file: string) => {
    setRestoreFailure(null);
    modal.confirm({
      title: '从备份恢复？',
      content: (
        <>
          <Typography.Paragraph>将用这个备份替换当前的全部数据：{file}</Typography.Paragraph>
          <Typography.Paragraph>
            备份会先经过完整性核对，核对不通过则不做任何改动。核对通过后，须退出并重新启动本程序，恢复才会生效；当前数据会先自动另存为“恢复前”备份。重新启动前录入的内容将被替换，请不要再录入。
          </Typography.Paragraph>
        </>
      ),
      okText: '核对并恢复',
      cancelText: '取消',
      okButtonProps: { danger: true },
      onOk: async () => {
        try {
          const staged = await api.call('backup.restore', {
            file,
            ...(restoreKey.trim() ? { recoveryKey: restoreKey.trim() } : {}),
          });
          onRestoreStaged(staged.checked);
        } catch (error) {
          setRestoreFailure(errorMessage(error));
        }
      },
    });
  };

  return (
    <div className="page backup-page">
      <Typography.Title level={3}>数据备份</Typography.Title>
      <Typography.Paragraph type="secondary">
        每天正常退出时自动备份到数据文件夹的 backups
        目录，并按日、周、月保留。重要操作前或定期，请另备份到U盘等其他位置保存。
      </Typography.Paragraph>

      <Card title="立即备份" className="detail-section" style={{ maxWidth: 720 }}>
        <Space orientation="vertical" style={{ width: '100%' }}>
          <label htmlFor="backup-folder">备份到文件夹（可不填）</label>
          <Input
            id="backup-folder"
            value={folder}
            onChange={(e) => setFolder(e.target.value)}
            maxLength={500}
            autoComplete="off"
            placeholder="不填则备份到数据文件夹的 backups 目录；备份到U盘请填写其路径，如 E:\ 或 /media/usb"
            onPressEnter={() => void backUpNow()}
          />
          {made && <Alert type={made.ok ? 'success' : 'error'} showIcon title={made.text} role="status" />}
          <Button type="primary" loading={making} onClick={() => void backUpNow()}>
            立即备份
          </Button>
        </Space>
      </Card>

      {mayList ? (
        <section className="detail-section" aria-label="备份列表">
          <Typography.Title level={4}>数据文件夹中的备份</Typography.Title>
          {listFailure && <Alert className="page-alert" type="error" showIcon title={listFailure} />}
          {restoreFailure && (
            <Alert className="page-alert" type="error" showIcon title={`未能恢复：${restoreFailure}`} role="alert" />
          )}
          <Table<BackupInfo>
            rowKey="file"
            size="small"
            loading={backups === null && !listFailure}
            dataSource={backups ?? []}
            pagination={{ pageSize: 20, hideOnSinglePage: true }}
            locale={{ emptyText: '还没有备份' }}
            columns={[
              {
                title: '备份时间',
                dataIndex: 'takenAt',
                key: 'takenAt',
                className: 'nowrap',
                render: (at: string) => formatMoment(at),
              },
              {
                title: '原因',
                dataIndex: 'reason',
                key: 'reason',
                render: (r: BackupInfo['reason']) => BACKUP_REASON_LABELS[r] ?? r,
              },
              {
                title: '大小',
                dataIndex: 'bytes',
                key: 'bytes',
                className: 'nowrap',
                render: (b: number) => formatBytes(b),
              },
              {
                title: '文件',
                dataIndex: 'file',
                key: 'file',
                render: (f: string) => <span className="file-path">{f}</span>,
              },
              { title: '密钥', dataIndex: 'keyNote', key: 'keyNote' },
              ...(mayRestore
                ? [
                    {
                      title: '操作',
                      key: 'actions',
                      render: (_: unknown, b: BackupInfo) => (
                        <Button
                          type="link"
                          danger
                          onClick={() => restore(b.file)}
                          aria-label={`从${formatMoment(b.takenAt)}的备份恢复`}
                        >
                          恢复
                        </Button>
                      ),
                    },
                  ]
                : []),
            ]}
          />
        </section>
      ) : (
        <Typography.Paragraph type="secondary">备份列表和恢复仅管理员、所长可用。</Typography.Paragraph>
      )}

      {mayRestore && (
        <Card title="从备份恢复" className="detail-section" style={{ maxWidth: 720 }}>
          <Space orientation="vertical" style={{ width: '100%' }}>
            <label htmlFor="restore-file">备份文件（如U盘上的备份）</label>
            <Input
              id="restore-file"
              value={restoreFile}
              onChange={(e) => setRestoreFile(e.target.value)}
              maxLength={500}
              autoComplete="off"
              placeholder="如 E:\casedesk-20261122-180000-manual.sqlite"
            />
            <label htmlFor="restore-key">
              恢复密钥（仅更换密钥前的备份或其他电脑的备份需要；列表“密钥”一栏写明需要哪个编号）
            </label>
            <Input
              id="restore-key"
              value={restoreKey}
              onChange={(e) => setRestoreKey(e.target.value)}
              maxLength={200}
              autoComplete="off"
              style={{ fontFamily: 'monospace' }}
            />
            <Button danger disabled={!restoreFile.trim()} onClick={() => restore(restoreFile.trim())}>
              从备份恢复
            </Button>
          </Space>
        </Card>
      )}
    </div>
  );
}
