// 输入恢复密钥: the desktop app's first page when this PC does not hold the data file's key (the data copied to a
// new PC, the system reinstalled, the key file damaged). The recovery key is checked against the data file in the
// main process (electron/dataKeyGate.ts); with the right one the data opens and this PC keeps the key again.
import { Alert, Button, Input, Typography } from 'antd';
import { useState } from 'react';
import { errorMessage, useApi } from '../app/apiContext';

export function UnlockDataPage({ reason, onUnlocked }: { reason: string; onUnlocked(): void }) {
  const api = useApi();
  const [recoveryKey, setRecoveryKey] = useState('');
  const [refusal, setRefusal] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const unlock = async () => {
    if (busy) return;
    setBusy(true);
    setRefusal(null);
    try {
      await api.call('dataKey.unlock', { recoveryKey });
      onUnlocked();
    } catch (error) {
      setRefusal(errorMessage(error));
      setBusy(false);
    }
  };
  return (
    <div className="session-page">
      <Typography.Title level={2}>输入恢复密钥</Typography.Title>
      <Alert className="page-alert" type="warning" showIcon title={reason} />
      <Typography.Paragraph>
        恢复密钥是首次设置（或更换密钥）时打印的13组字符，由所长保管。输入后，本机将重新保存密钥，以后启动无需再输入。
      </Typography.Paragraph>
      <label htmlFor="recovery-key-input">恢复密钥</label>
      <Input.TextArea
        id="recovery-key-input"
        value={recoveryKey}
        onChange={(e) => setRecoveryKey(e.target.value)}
        rows={3}
        maxLength={200}
        style={{ maxWidth: 640, fontFamily: 'monospace' }}
      />
      {refusal && <Alert className="page-alert" type="error" showIcon title={refusal} />}
      <div style={{ marginTop: 12 }}>
        <Button type="primary" loading={busy} disabled={recoveryKey.trim() === ''} onClick={() => void unlock()}>
          打开数据
        </Button>
      </div>
    </div>
  );
}
