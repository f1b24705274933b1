// 司法所设置 and 关于本程序: everyone sees them; only an administrator changes the office.
import { Descriptions, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { AppInfo } from '../../shared/contract';
import type { Office } from '../../shared/office';
import { useApi } from '../app/apiContext';
import { useMay } from '../app/currentUser';
import { OfficeSetupForm } from './OfficeSetupForm';

export function SettingsPage({ office, onSaved }: { office: Office; onSaved(office: Office): void }) {
  const api = useApi();
  const mayChange = useMay('office.setup');
  const [info, setInfo] = useState<AppInfo | null>(null);
  useEffect(() => {
    api.call('app.info', {}).then(setInfo, () => setInfo(null));
  }, [api]);
  return (
    <div className="page">
      <Typography.Title level={3}>司法所设置</Typography.Title>
      <OfficeSetupForm office={office} onSaved={onSaved} readOnly={!mayChange} />
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
