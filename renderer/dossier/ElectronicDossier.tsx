// The electronic dossier (电子卷宗) on the case page: the button that makes the one PDF (the one kept at archiving,
// for an archived case), which the main process writes to a file, and saves it where the clerk says (the shell's
// save dialog, or the preview's download), and, once archived, the dossier's SHA-256 and whether the case's materials
// and kept files still match what it was made from — a change after archiving shows here, never silently.
import { Alert, App as AntApp, Button, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { DossierArchiveStatus } from '../../shared/dossier/electronic';
import { saveOutgoingFile } from '../api';
import { errorMessage, useApi } from '../app/apiContext';
import { formatMoment } from '../app/format';

export function ElectronicDossierButton({ caseId, archived }: { caseId: number; archived: boolean }) {
  const api = useApi();
  const { message, modal } = AntApp.useApp();
  const [making, setMaking] = useState(false);
  const make = async () => {
    setMaking(true);
    try {
      const made = await api.call('dossier.electronic', { caseId });
      if (await saveOutgoingFile(made.file))
        message.success(`已生成电子卷宗：${made.file.fileName}（共${made.pages}页）`);
      else message.info('已取消保存电子卷宗');
      if (made.notIncluded.length > 0)
        modal.warning({
          title: `有${made.notIncluded.length}个附件未能收入电子卷宗`,
          content: made.notIncluded.map((line) => <div key={line}>{line}</div>),
        });
    } catch (error) {
      message.error(errorMessage(error));
    } finally {
      setMaking(false);
    }
  };
  return (
    <Button size="small" type="primary" loading={making} onClick={() => void make()}>
      {archived ? '下载归档电子卷宗' : '生成电子卷宗'}
    </Button>
  );
}

export function ArchivedDossierStatus({ caseId }: { caseId: number }) {
  const api = useApi();
  const [status, setStatus] = useState<DossierArchiveStatus | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  useEffect(() => {
    api.call('dossier.archiveStatus', { caseId }).then(setStatus, (error: unknown) => setFailure(errorMessage(error)));
  }, [api, caseId]);
  if (failure) return <Alert type="error" showIcon title={failure} />;
  if (!status?.record) return null;
  const { record } = status;
  const made = `${record.madeBy}于${formatMoment(record.madeAt)}归档`;
  return (
    <Alert
      type={status.matches ? 'success' : 'error'}
      showIcon
      data-testid="archived-dossier"
      title={
        status.matches
          ? `电子卷宗已固定：现有材料与归档时一致（${made}）`
          : `归档后卷宗有改动，与归档时不一致：${status.changes.join('；')}`
      }
      description={
        <Typography.Text copyable={record.pdfSha256 ? { text: record.pdfSha256 } : false}>
          {record.pdfSha256
            ? `电子卷宗SHA-256：${record.pdfSha256}（${record.pages}页）`
            : `归档时未生成电子卷宗，仅记录了材料清单（SHA-256：${record.sourcesSha256}）`}
        </Typography.Text>
      }
    />
  );
}
