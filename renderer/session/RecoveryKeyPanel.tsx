// 恢复密钥: the data key written out for the director to keep on paper, shown at 首次设置 and after a re-key (and on
// 设置 → 数据加密). It says plainly what losing it means, can be printed, and asks the reader to confirm it is kept.
import { Alert, Button, Checkbox, Typography } from 'antd';
import { useState } from 'react';
import type { RecoveryKeyInfo } from '../../shared/contract';

const LOSS_WARNING =
  '数据文件已加密。本机保存着打开它的密钥；换电脑、重装系统或系统密钥库损坏后，只能用恢复密钥打开数据。' +
  '如果本机的密钥和恢复密钥都丢失，任何人（包括技术支持人员）都无法再打开这些数据和备份。';

export function RecoveryKeyPanel({
  info,
  onConfirmed,
  confirmLabel = '继续',
}: {
  info: RecoveryKeyInfo;
  onConfirmed?: () => void;
  confirmLabel?: string;
}) {
  const [kept, setKept] = useState(false);
  return (
    <div className="recovery-key">
      <Typography.Title level={4}>恢复密钥</Typography.Title>
      <Alert className="page-alert" type="warning" showIcon title={LOSS_WARNING} />
      <Typography.Paragraph>
        请把下面的恢复密钥打印或抄写在纸上，由所长妥善保管（不要与电脑或U盘放在一起）。密钥编号：
        <Typography.Text strong data-testid="key-id">
          {info.keyId}
        </Typography.Text>
      </Typography.Paragraph>
      <pre className="recovery-key-text" data-testid="recovery-key" aria-label="恢复密钥">
        {info.recoveryKey.split('-').join('  ')}
      </pre>
      <Typography.Paragraph type="secondary">
        共13组，每组5个字符（数字和字母，没有 I、L、O、U），每组最后一个字符是校验位。
      </Typography.Paragraph>
      <Button onClick={() => window.print()}>打印恢复密钥</Button>
      {onConfirmed && (
        <div style={{ marginTop: 16 }}>
          <Checkbox checked={kept} onChange={(e) => setKept(e.target.checked)}>
            我已打印或抄写恢复密钥，并会妥善保管
          </Checkbox>
          <div style={{ marginTop: 12 }}>
            <Button type="primary" disabled={!kept} onClick={onConfirmed}>
              {confirmLabel}
            </Button>
          </div>
        </div>
      )}
    </div>
  );
}
