// The kinds of case not built yet: shown in the navigation so the clerk knows they are coming.
import { Result } from 'antd';

export function UnderConstructionPage({ title }: { title: string }) {
  return <Result status="info" title={`${title}（建设中）`} subTitle={`${title}的登记功能正在建设中，暂不能使用。`} />;
}
