// The office records an evaluated case's 整改 as done (evaluation.recordCorrection): the date and a note; a refusal
// is shown under the field it names (doneOn, note), any other above the buttons. Used on the 案卷评查 page and on
// the case page.
import { Alert, Button, Form, Input, Space } from 'antd';
import { useState } from 'react';
import { localDate } from '../../shared/dates';
import { ApiError } from '../api';
import { errorMessage, useApi } from '../app/apiContext';

type Field = 'doneOn' | 'note';

export function CorrectionForm({
  roundId,
  caseId,
  onDone,
  onCancel,
}: {
  roundId: number;
  caseId: number;
  onDone(): void;
  onCancel(): void;
}) {
  const api = useApi();
  const [doneOn, setDoneOn] = useState(() => localDate());
  const [note, setNote] = useState('');
  const [refusals, setRefusals] = useState<Partial<Record<Field, string>>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const record = async () => {
    if (busy) return;
    setBusy(true);
    setRefusals({});
    setFailure(null);
    try {
      await api.call('evaluation.recordCorrection', { roundId, caseId, doneOn: doneOn.trim(), note });
      onDone();
    } catch (e) {
      const field = e instanceof ApiError ? e.data.field : undefined;
      if (field === 'doneOn' || field === 'note') setRefusals({ [field]: errorMessage(e) });
      else setFailure(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  const status = (f: Field) => (refusals[f] ? ('error' as const) : undefined);
  return (
    <Form layout="vertical" onFinish={() => void record()}>
      <Form.Item
        label="整改完成日期（如 2026-11-22）"
        htmlFor="correction-done-on"
        validateStatus={status('doneOn')}
        help={refusals.doneOn}
      >
        <Input
          id="correction-done-on"
          value={doneOn}
          maxLength={10}
          autoComplete="off"
          onChange={(e) => setDoneOn(e.target.value)}
          style={{ maxWidth: 200 }}
        />
      </Form.Item>
      <Form.Item label="整改情况" htmlFor="correction-note" validateStatus={status('note')} help={refusals.note}>
        <Input.TextArea
          id="correction-note"
          value={note}
          maxLength={1000}
          autoSize={{ minRows: 3 }}
          onChange={(e) => setNote(e.target.value)}
        />
      </Form.Item>
      {failure && <Alert type="error" showIcon title={failure} style={{ marginBottom: 12 }} />}
      <Space>
        <Button type="primary" htmlType="submit" loading={busy}>
          登记整改完成
        </Button>
        <Button onClick={onCancel}>取消</Button>
      </Space>
    </Form>
  );
}
