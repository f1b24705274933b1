// 司法所设置, 数据加密 and 关于本程序: everyone sees them; only an administrator changes the office; the recovery key
// is shown to the administrator and the director, and only the director (所长) changes the data key (更换密钥).
import { Alert, Button, Descriptions, Popconfirm, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { AppInfo, RecoveryKeyInfo } from '../../shared/contract';
import type { Office } from '../../shared/office';
import { errorMessage, useApi } from '../app/apiContext';
import { RecoveryKeyPanel } from '../session/RecoveryKeyPanel';
import { useMay } from '../app/currentUser';
import { OfficeSetupForm } from './OfficeSetupForm';

export function SettingsPage({ office, onSaved }: { office: Office; onSaved(office: Office): void }) {
  const api = useApi();
  const mayChange = useMay('office.setup');
  const [info, setInfo] = useState<AppInfo | null>(null);
  const mayShowKey = useMay('dataKey.show');
  const mayRekey = useMay('dataKey.rekey');
  const [recovery, setRecovery] = useState<{ info: RecoveryKeyInfo; rekeyedFrom: string | null } | null>(null);
  const [keyError, setKeyError] = useState<string | null>(null);
  const showKey = async () => {
    setKeyError(null);
    try {
      setRecovery({ info: await api.call('dataKey.show', {}), rekeyedFrom: null });
    } catch (error) {
      setKeyError(errorMessage(error));
    }
  };
  const rekey = async () => {
    setKeyError(null);
    try {
      const made = await api.call('dataKey.rekey', {});
      setRecovery({ info: made, rekeyedFrom: made.previousKeyId });
    } catch (error) {
      setKeyError(errorMessage(error));
    }
  };
  useEffect(() => {
    api.call('app.info', {}).then(setInfo, () => setInfo(null));
  }, [api]);
  return (
    <div className="page">
      <Typography.Title level={3}>司法所设置</Typography.Title>
      <OfficeSetupForm office={office} onSaved={onSaved} readOnly={!mayChange} />
      {(mayShowKey || mayRekey) && (
        <div className="detail-section" style={{ marginTop: 32, maxWidth: 760 }}>
          <Typography.Title level={4}>数据加密</Typography.Title>
          <Typography.Paragraph>
            数据文件、备份、附件和导出时的临时文件都已加密。更换密钥后会生成新的恢复密钥；更换前的备份仍需用原来的恢复密钥恢复，请一并保管。
          </Typography.Paragraph>
          <Space>
            {mayShowKey && <Button onClick={() => void showKey()}>显示恢复密钥</Button>}
            {mayRekey && (
              <Popconfirm
                title="更换数据密钥？"
                description="将生成新的恢复密钥，原来的恢复密钥只能再用于更换前的备份。"
                okText="更换"
                cancelText="取消"
                onConfirm={() => void rekey()}
              >
                <Button danger>更换密钥</Button>
              </Popconfirm>
            )}
          </Space>
          {keyError && <Alert className="page-alert" type="error" showIcon title={keyError} />}
          {recovery && (
            <>
              {recovery.rekeyedFrom && (
                <Alert
                  className="page-alert"
                  type="success"
                  showIcon
                  title={`已更换数据密钥（原编号 ${recovery.rekeyedFrom}，新编号 ${recovery.info.keyId}）。请打印新的恢复密钥。`}
                />
              )}
              <RecoveryKeyPanel info={recovery.info} />
            </>
          )}
        </div>
      )}
      {info && (
        <Descriptions
          className="detail-section"
          title="关于本程序"
          size="small"
          column={1}
          style={{ marginTop: 32, maxWidth: 720 }}
          items={[
            { key: 'version', label: '版本', children: info.version },
            { key: 'file', label: '数据文件', children: info.dataFile },
            { key: 'office', label: '本所编码', children: office.officeCode },
          ]}
        />
      )}
    </div>
  );
}
