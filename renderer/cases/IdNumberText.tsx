// An ID number (or 统一社会信用代码) as a case page shows it. One that came back masked from the bureau's recovery
// package is no real number: it is marked, so the clerk knows to enter it again (数据报送 → 从县局恢复).
import { Tag } from 'antd';
import { isMaskedIdNumber } from '../../shared/identity';

export function IdNumberText({ value }: { value: string }) {
  if (!value) return <>—</>;
  if (!isMaskedIdNumber(value)) return <>{value}</>;
  return (
    <>
      {value}{' '}
      <Tag color="orange" title="恢复自县局的恢复包，只有号码的前6位和后4位，请在 数据报送 → 从县局恢复 中录入完整号码">
        需重新录入
      </Tag>
    </>
  );
}
