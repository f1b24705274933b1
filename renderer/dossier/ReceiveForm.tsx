// 登记收到: the date a dossier item came in, its pages, original or copy, and a note.
import { Card, Col, DatePicker, Input, InputNumber, Radio, Row } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { ChecklistItem } from '../../shared/dossier/evaluate';
import { MARK_RECEIVED_LABELS, markReceivedSchema } from '../../shared/dossier/materials';
import { MATERIAL_FORMS, type MaterialForm } from '../../shared/dossier/evaluate';
import type { DossierView } from '../../shared/contract';
import { useApi } from '../app/apiContext';
import { CheckedFormFrame, schemaIssues, SubmitRow, useCheckedForm, useSubmit } from '../forms/checkedForm';
import { FormField } from '../forms/FormField';

const DATE_FORMATS = ['YYYY-MM-DD', 'YYYYMMDD', 'YYYY/MM/DD', 'YYYY.MM.DD'];

interface Values {
  receivedOn: Dayjs | null;
  pages: number | null;
  form: MaterialForm;
  note: string;
}

const payload = (caseId: number, itemKey: string, v: Values) => ({
  caseId,
  itemKey,
  receivedOn: v.receivedOn && v.receivedOn.isValid() ? v.receivedOn.format('YYYY-MM-DD') : '',
  pages: v.pages ?? 0,
  form: v.form,
  note: v.note ?? '',
});

export function ReceiveForm({
  caseId,
  item,
  onSaved,
  onCancel,
}: {
  caseId: number;
  item: ChecklistItem;
  onSaved(view: DossierView): void;
  onCancel(): void;
}) {
  const api = useApi();
  const m = item.material;
  const checked = useCheckedForm<Values>({
    formName: 'dossier-receive',
    labels: MARK_RECEIVED_LABELS,
    initial: {
      receivedOn: m ? dayjs(m.receivedOn) : dayjs(),
      pages: m?.pages ?? 1,
      form: m?.form ?? '原件',
      note: m?.note ?? '',
    },
    issuesOf: (values) => schemaIssues(markReceivedSchema, payload(caseId, item.key, values), MARK_RECEIVED_LABELS),
  });
  const submission = useSubmit(checked, async (values) =>
    onSaved(await api.call('dossier.markReceived', payload(caseId, item.key, values))),
  );
  return (
    <Card title={`登记收到：${item.name}`} className="detail-section dossier-receive">
      <CheckedFormFrame checked={checked}>
        <Row gutter={16}>
          <Col span={6}>
            <FormField path="receivedOn" required>
              <DatePicker format={DATE_FORMATS} style={{ width: '100%' }} />
            </FormField>
          </Col>
          <Col span={4}>
            <FormField path="pages" required>
              <InputNumber precision={0} style={{ width: '100%' }} />
            </FormField>
          </Col>
          <Col span={6}>
            <FormField path="form" required group>
              <Radio.Group name="dossier-form" options={MATERIAL_FORMS.map((f) => ({ value: f, label: f }))} />
            </FormField>
          </Col>
          <Col span={8}>
            <FormField path="note">
              <Input maxLength={200} autoComplete="off" />
            </FormField>
          </Col>
        </Row>
        <SubmitRow submission={submission} onCancel={onCancel} />
      </CheckedFormFrame>
    </Card>
  );
}
