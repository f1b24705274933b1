// 导入案卷包 on a round's page (县局模式): the offices' dossier packages chosen in the page and uploaded
// (evaluation.importDossierUploads), each checked like a data package — signature, registered office, hashes, the
// round's sample — and the outcome of each file shown with its reason; a refused one changes nothing.
import { Alert, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { DossierImportOutcome } from '../../shared/evaluation/travel';
import { errorMessage, useApi } from '../app/apiContext';
import { FilePicker } from '../exchange/FilePicker';
import { fileToBase64 } from '../exchange/files';

export function DossierImport({ onImported }: { onImported(): void }) {
  const api = useApi();
  const [outcomes, setOutcomes] = useState<DossierImportOutcome[]>([]);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const importFiles = async (files: File[]) => {
    if (files.length === 0 || busy) return;
    setBusy(true);
    setFailure(null);
    try {
      const packages = await Promise.all(files.map(async (f) => ({ fileName: f.name, base64: await fileToBase64(f) })));
      const done = await api.call('evaluation.importDossierUploads', { packages });
      setOutcomes(done);
      if (done.some((o) => o.status === 'imported')) onImported();
    } catch (e) {
      setFailure(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="detail-section" aria-label="导入案卷包" style={{ marginBottom: 16 }}>
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Typography.Text type="secondary">
          司法所按调卷通知报送的案卷包（电子卷宗）：核对签名、登记的机构和哈希后，评分时可在评查表旁打开。
        </Typography.Text>
        <FilePicker
          id="dossier-package-files"
          label="导入案卷包（.casedesk，可多选）"
          multiple
          disabled={busy}
          onFiles={(files) => void importFiles(files)}
        />
        {failure && <Alert type="error" showIcon title={failure} />}
        {outcomes.length > 0 && (
          <Table<DossierImportOutcome>
            rowKey="fileName"
            size="small"
            pagination={false}
            dataSource={outcomes}
            columns={[
              { title: '文件', dataIndex: 'fileName' },
              {
                title: '结果',
                render: (_v, o) =>
                  o.status === 'imported' ? <Tag color="green">已导入</Tag> : <Tag color="red">已拒收</Tag>,
              },
              {
                title: '说明',
                render: (_v, o) =>
                  o.status === 'imported' ? `${o.officeName}，${o.roundName}：${o.caseNumbers.join('、')}` : o.reason,
              },
            ]}
          />
        )}
      </Space>
    </section>
  );
}
