// 评查活动 (县局模式): the rounds, newest first, each opening its own page; a director or administrator plans a new
// one — name, year or theme, scope (kinds of dossier, closing dates, offices), method (普查, N per office, a
// percentage) and the evaluators (the bureau's 评查员, directors and administrators).
import { Alert, Button, Checkbox, Form, Input, InputNumber, Radio, Select, Space, Table, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { UserSummary } from '../../shared/accounts';
import {
  ROUND_METHOD_LABELS,
  ROUND_STATUS_LABELS,
  type RoundInput,
  type RoundMethod,
  type RoundSummary,
} from '../../shared/channels/evaluation';
import type { BureauOffice } from '../../shared/exchange/types';
import { SHEET_KIND_LABELS, SHEET_KINDS, type SheetKind } from '../../shared/evaluation/sheets';
import { SCORERS } from '../../shared/roles';
import { ApiError } from '../api';
import { errorMessage, useApi } from '../app/apiContext';
import { useMay } from '../app/currentUser';
import { navigate } from '../app/route';

export const STATUS_COLORS = { planned: 'default', scoring: 'processing', closed: 'success' } as const;

export function RoundsPage() {
  const api = useApi();
  const mayCreate = useMay('evaluation.createRound');
  const [rounds, setRounds] = useState<RoundSummary[] | null>(null);
  const [creating, setCreating] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  useEffect(() => {
    api.call('evaluation.rounds', {}).then(setRounds, (e: unknown) => setFailure(errorMessage(e)));
  }, [api]);

  return (
    <div className="page">
      <Space style={{ display: 'flex', justifyContent: 'space-between' }}>
        <Typography.Title level={3}>评查活动</Typography.Title>
        {mayCreate && !creating && (
          <Button type="primary" onClick={() => setCreating(true)}>
            新建评查活动
          </Button>
        )}
      </Space>
      {failure && <Alert type="error" showIcon message={failure} />}
      {creating && <RoundForm onCancel={() => setCreating(false)} />}
      <Table
        rowKey="id"
        loading={rounds === null && !failure}
        dataSource={rounds ?? []}
        pagination={false}
        locale={{ emptyText: '尚无评查活动' }}
        onRow={(r) => ({
          onClick: () => navigate({ page: 'evaluationRound', id: r.id }),
          style: { cursor: 'pointer' },
        })}
        columns={[
          { title: '活动名称', dataIndex: 'name', render: (name: string, r) => <a>{name}</a> },
          { title: '年度', dataIndex: 'year', width: 80 },
          { title: '评查方式', dataIndex: 'method', render: (m: RoundMethod) => ROUND_METHOD_LABELS[m] },
          {
            title: '状态',
            dataIndex: 'status',
            render: (s: RoundSummary['status']) => <Tag color={STATUS_COLORS[s]}>{ROUND_STATUS_LABELS[s]}</Tag>,
          },
          { title: '进度', render: (_v, r) => (r.sampled ? `已完成评分${r.scored}/${r.sampled}件` : '尚未抽样') },
        ]}
      />
    </div>
  );
}

interface FormValues {
  name: string;
  year: number;
  theme: string;
  sheetKinds: SheetKind[];
  closedFrom: string;
  closedTo: string;
  officeCodes: string[];
  method: RoundMethod;
  perOffice: number | null;
  percent: number | null;
  scoresPerCase: number;
  evaluatorIds: number[];
}

/** The plan of a new round; saved, its page opens to draw the sample. */
function RoundForm({ onCancel }: { onCancel(): void }) {
  const api = useApi();
  const [form] = Form.useForm<FormValues>();
  const [offices, setOffices] = useState<BureauOffice[]>([]);
  const [users, setUsers] = useState<UserSummary[]>([]);
  const [failure, setFailure] = useState<string | null>(null);
  const method = Form.useWatch('method', form);

  useEffect(() => {
    api.call('bureau.offices', {}).then(setOffices, () => setOffices([]));
    api.call('users.list', {}).then(setUsers, () => setUsers([]));
  }, [api]);

  const submit = async (values: FormValues) => {
    setFailure(null);
    const round: RoundInput = {
      ...values,
      theme: values.theme ?? '',
      officeCodes: values.officeCodes ?? [],
      perOffice: values.method === 'perOffice' ? (values.perOffice ?? null) : null,
      percent: values.method === 'percent' ? (values.percent ?? null) : null,
    };
    try {
      const made = await api.call('evaluation.createRound', { round });
      navigate({ page: 'evaluationRound', id: made.id });
    } catch (e) {
      // The refusal names its field (round.xxx): shown under it.
      const field = e instanceof ApiError ? e.data.field?.split('.')[1] : undefined;
      if (field) form.setFields([{ name: field as keyof FormValues, errors: [errorMessage(e)] }]);
      else setFailure(errorMessage(e));
    }
  };

  return (
    <Form<FormValues>
      form={form}
      layout="vertical"
      style={{ maxWidth: 720, marginBottom: 24, padding: 16, border: '1px solid #f0f0f0' }}
      initialValues={{
        year: new Date().getFullYear(),
        sheetKinds: [...SHEET_KINDS],
        closedFrom: `${new Date().getFullYear()}-01-01`,
        closedTo: `${new Date().getFullYear()}-12-31`,
        method: 'perOffice',
        perOffice: 5,
        scoresPerCase: 1,
        officeCodes: [],
        evaluatorIds: [],
      }}
      onFinish={(v) => void submit(v)}
    >
      <Typography.Title level={4}>新建评查活动</Typography.Title>
      {failure && <Alert type="error" showIcon message={failure} />}
      <Form.Item name="name" label="活动名称" rules={[{ required: true, message: '请填写活动名称' }]}>
        <Input />
      </Form.Item>
      <Space wrap>
        <Form.Item name="year" label="年度">
          <InputNumber min={2000} max={2100} />
        </Form.Item>
        <Form.Item name="theme" label="主题">
          <Input style={{ width: 320 }} />
        </Form.Item>
      </Space>
      <Form.Item name="sheetKinds" label="案卷类别">
        <Checkbox.Group options={SHEET_KINDS.map((k) => ({ value: k, label: SHEET_KIND_LABELS[k] }))} />
      </Form.Item>
      <Space wrap>
        <Form.Item name="closedFrom" label="结案日期起">
          <Input placeholder="2026-01-01" />
        </Form.Item>
        <Form.Item name="closedTo" label="结案日期止">
          <Input placeholder="2026-12-31" />
        </Form.Item>
      </Space>
      <Form.Item name="officeCodes" label="司法所" extra="不选即全部已登记的司法所">
        <Select mode="multiple" options={offices.map((o) => ({ value: o.code, label: o.name }))} />
      </Form.Item>
      <Form.Item name="method" label="评查方式">
        <Radio.Group
          options={(Object.keys(ROUND_METHOD_LABELS) as RoundMethod[]).map((m) => ({
            value: m,
            label: ROUND_METHOD_LABELS[m],
          }))}
        />
      </Form.Item>
      {method === 'perOffice' && (
        <Form.Item name="perOffice" label="每所抽查件数">
          <InputNumber min={1} />
        </Form.Item>
      )}
      {method === 'percent' && (
        <Form.Item name="percent" label="抽查比例（%）">
          <InputNumber min={0.1} max={100} />
        </Form.Item>
      )}
      <Form.Item name="scoresPerCase" label="每案评分人数">
        <InputNumber min={1} max={5} />
      </Form.Item>
      <Form.Item name="evaluatorIds" label="评查员">
        <Select
          mode="multiple"
          options={users
            .filter((u) => u.active && (SCORERS as readonly string[]).includes(u.role))
            .map((u) => ({ value: u.id, label: u.displayName }))}
        />
      </Form.Item>
      <Space>
        <Button type="primary" htmlType="submit">
          建立
        </Button>
        <Button onClick={onCancel}>取消</Button>
      </Space>
    </Form>
  );
}
