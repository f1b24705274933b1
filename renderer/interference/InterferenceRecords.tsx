// 防止干预司法“三个规定”: on a case, who inquired about it or tried to interfere, when, how, what they asked
// and how it was handled. Records are append-only: once saved they cannot be changed or removed.
import {
  Alert,
  App as AntApp,
  Button,
  Card,
  Col,
  DatePicker,
  Descriptions,
  Empty,
  Input,
  Radio,
  Row,
  Select,
  Space,
  Spin,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useCallback, useEffect, useState } from 'react';
import { localDate } from '../../shared/dates';
import {
  INTERFERENCE_CATEGORIES,
  INTERFERENCE_LABELS,
  INTERFERENCE_METHODS,
  interferenceRecordSchema,
  type InterferenceRecord,
  type InterferenceRecordInput,
} from '../../shared/interference';
import { errorMessage, useApi } from '../app/apiContext';
import { useMay } from '../app/currentUser';
import { formatDate, formatMoment } from '../app/format';
import { CheckedFormFrame, schemaIssues, useCheckedForm, SubmitRow, useSubmit } from '../forms/checkedForm';
import { FormField } from '../forms/FormField';

const DATE_FORMATS = ['YYYY-MM-DD', 'YYYYMMDD', 'YYYY/MM/DD', 'YYYY.MM.DD'];
const options = (values: readonly string[]) => values.map((v) => ({ value: v, label: v }));

type RecordValues = Omit<InterferenceRecordInput, 'caseId' | 'occurredOn' | 'category' | 'method'> & {
  category: string | undefined;
  method: string | undefined;
  occurredOn: Dayjs | null;
};

const payload = (caseId: number, { occurredOn, ...values }: RecordValues) => ({
  caseId,
  ...values,
  occurredOn: occurredOn && occurredOn.isValid() ? occurredOn.format('YYYY-MM-DD') : '',
});

function recordIssues(caseId: number, values: RecordValues): Map<string, string> {
  const issues = schemaIssues(interferenceRecordSchema, payload(caseId, values), INTERFERENCE_LABELS);
  const on = payload(caseId, values).occurredOn;
  if (on && on > localDate() && !issues.has('occurredOn'))
    issues.set('occurredOn', `${INTERFERENCE_LABELS.occurredOn}：不能晚于今天`);
  return issues;
}

function RecordForm({ caseId, onSaved, onCancel }: { caseId: number; onSaved(): void; onCancel(): void }) {
  const api = useApi();
  const checked = useCheckedForm<RecordValues>({
    formName: 'interference',
    labels: INTERFERENCE_LABELS,
    initial: {
      category: undefined,
      personName: '',
      personUnit: '',
      personPosition: '',
      occurredOn: dayjs(),
      method: undefined,
      content: '',
      handling: '',
    },
    issuesOf: (values) => recordIssues(caseId, values),
  });
  const submission = useSubmit(checked, async (values) => {
    await api.call('interference.record', payload(caseId, values) as InterferenceRecordInput);
    onSaved();
  });

  return (
    <Card title="记录过问或干预情况" className="detail-section">
      <CheckedFormFrame checked={checked}>
        <Row gutter={16}>
          <Col span={12}>
            <FormField path="category" required>
              <Select options={options(INTERFERENCE_CATEGORIES)} autoFocus />
            </FormField>
          </Col>
          <Col span={6}>
            <FormField path="occurredOn" required>
              <DatePicker format={DATE_FORMATS} placeholder={localDate()} style={{ width: '100%' }} />
            </FormField>
          </Col>
        </Row>
        <Row gutter={16}>
          <Col span={6}>
            <FormField path="personName" required>
              <Input maxLength={50} autoComplete="off" />
            </FormField>
          </Col>
          <Col span={10}>
            <FormField path="personUnit" required>
              <Input maxLength={100} autoComplete="off" />
            </FormField>
          </Col>
          <Col span={8}>
            <FormField path="personPosition">
              <Input maxLength={50} autoComplete="off" />
            </FormField>
          </Col>
        </Row>
        <FormField path="method" required group>
          <Radio.Group name="interference-method" options={options(INTERFERENCE_METHODS)} />
        </FormField>
        <FormField path="content" required>
          <Input.TextArea rows={3} maxLength={2000} showCount />
        </FormField>
        <FormField path="handling" required>
          <Input.TextArea rows={3} maxLength={2000} showCount />
        </FormField>
        <SubmitRow submission={submission} onCancel={onCancel}>
          <Typography.Text type="secondary">保存后不能修改或删除，请核对后保存。</Typography.Text>
        </SubmitRow>
      </CheckedFormFrame>
    </Card>
  );
}

export function RecordList({ records, showCase = false }: { records: InterferenceRecord[]; showCase?: boolean }) {
  if (records.length === 0) return <Empty description={showCase ? '没有过问或干预记录' : '本案没有过问或干预记录'} />;
  const label = (key: string) => INTERFERENCE_LABELS[key] ?? key;
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      {records.map((r) => (
        <Descriptions
          key={r.id}
          className="interference-record"
          bordered
          size="small"
          column={2}
          title={`${formatDate(r.occurredOn)} · ${r.personName}（${r.personUnit}${r.personPosition ? `，${r.personPosition}` : ''}）`}
          items={[
            ...(showCase ? [{ key: 'case', label: '案号', children: r.caseNumber, span: 2 }] : []),
            { key: 'category', label: label('category'), children: r.category },
            { key: 'method', label: label('method'), children: r.method },
            { key: 'content', label: label('content'), children: <span className="facts">{r.content}</span>, span: 2 },
            {
              key: 'handling',
              label: label('handling'),
              children: <span className="facts">{r.handling}</span>,
              span: 2,
            },
            { key: 'by', label: '记录人', children: r.recordedBy },
            { key: 'at', label: '记录时间', children: formatMoment(r.recordedAt) },
          ]}
        />
      ))}
    </Space>
  );
}

/** The case detail page's section: the case's records, and the form to add one. */
export function InterferenceRecords({ caseId }: { caseId: number }) {
  const api = useApi();
  const { message } = AntApp.useApp();
  const mayRecord = useMay('interference.record');
  const [records, setRecords] = useState<InterferenceRecord[] | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [adding, setAdding] = useState(false);

  const load = useCallback(() => {
    api.call('interference.list', { caseId, period: null }).then(
      (list) => {
        setRecords(list);
        setFailure(null);
      },
      (error: unknown) => setFailure(errorMessage(error)),
    );
  }, [api, caseId]);
  useEffect(load, [load]);

  return (
    <section className="detail-section interference-section" aria-label="过问或干预记录">
      <Space align="baseline">
        <Typography.Title level={4}>过问或干预记录</Typography.Title>
        {mayRecord && !adding && <Button onClick={() => setAdding(true)}>记录过问/干预情况</Button>}
      </Space>
      <Typography.Paragraph type="secondary">
        依照防止干预司法“三个规定”，领导干部、内部人员或其他人员过问、干预本案的，应如实记录。
      </Typography.Paragraph>
      {adding && (
        <RecordForm
          caseId={caseId}
          onSaved={() => {
            message.success('已记录过问或干预情况');
            setAdding(false);
            load();
          }}
          onCancel={() => setAdding(false)}
        />
      )}
      {failure && <Alert className="page-alert" type="error" showIcon title={failure} />}
      {records === null && !failure ? <Spin description="正在读取" /> : <RecordList records={records ?? []} />}
    </section>
  );
}
