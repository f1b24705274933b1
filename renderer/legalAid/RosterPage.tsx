// 援助人员名册: the law firms, legal-service offices and centre staff the office assigns legal-aid cases to, with
// each person's areas of expertise (the assignment form suggests from here: rotation among those whose expertise
// fits). Entries are never deleted, only taken off the roster (不在册), so past assignments keep their person.
import {
  Alert,
  App as AntApp,
  Button,
  Checkbox,
  Input,
  Modal,
  Select,
  Space,
  Spin,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useCallback, useEffect, useState } from 'react';
import type { RosterEntry } from '../../shared/contract';
import { ORG_TYPES } from '../../shared/kinds/legalAid/options';
import { ROSTER_LABELS, rosterEntrySchema, rosterUpdateSchema } from '../../shared/kinds/legalAid/roster';
import { EXPERTISE_AREAS } from '../../shared/kinds/legalAid/eligibility';
import { errorMessage, useApi } from '../app/apiContext';
import { useMay } from '../app/currentUser';
import { formatMoment } from '../app/format';
import { CheckedFormFrame, schemaIssues, SubmitRow, useCheckedForm, useSubmit } from '../forms/checkedForm';
import { FormField } from '../forms/FormField';

interface EntryValues {
  orgType: string | undefined;
  orgName: string;
  personName: string;
  phone: string;
  expertise: string[];
  note: string;
  active: boolean;
}

const payloadOf = (v: EntryValues) => ({
  orgType: v.orgType ?? '',
  orgName: v.orgName ?? '',
  personName: v.personName ?? '',
  phone: v.phone ?? '',
  expertise: v.expertise ?? [],
  note: v.note ?? '',
});

function EntryForm({
  entry,
  onSaved,
  onCancel,
}: {
  entry: RosterEntry | null;
  onSaved(saved: RosterEntry): void;
  onCancel(): void;
}) {
  const api = useApi();
  const checked = useCheckedForm<EntryValues>({
    formName: 'roster',
    labels: ROSTER_LABELS,
    initial: entry
      ? {
          orgType: entry.orgType,
          orgName: entry.orgName,
          personName: entry.personName,
          phone: entry.phone,
          expertise: entry.expertise,
          note: entry.note,
          active: entry.active,
        }
      : { orgType: undefined, orgName: '', personName: '', phone: '', expertise: [], note: '', active: true },
    issuesOf: (v) =>
      entry
        ? schemaIssues(rosterUpdateSchema, { id: entry.id, ...payloadOf(v), active: !!v.active }, ROSTER_LABELS)
        : schemaIssues(rosterEntrySchema, payloadOf(v), ROSTER_LABELS),
  });
  const submission = useSubmit(checked, async (v) => {
    const saved = entry
      ? await api.call('legalAid.rosterUpdate', { id: entry.id, ...payloadOf(v), active: !!v.active } as never)
      : await api.call('legalAid.rosterAdd', payloadOf(v) as never);
    onSaved(saved);
  });
  return (
    <CheckedFormFrame checked={checked}>
      <FormField path="orgType" required>
        <Select
          options={ORG_TYPES.map((t) => ({ value: t, label: t }))}
          showSearch={{ optionFilterProp: 'label' }}
          placeholder="请选择"
        />
      </FormField>
      <FormField path="orgName" required>
        <Input maxLength={100} autoComplete="off" />
      </FormField>
      <FormField path="personName" required>
        <Input maxLength={50} autoComplete="off" />
      </FormField>
      <FormField path="phone">
        <Input maxLength={30} autoComplete="off" inputMode="tel" />
      </FormField>
      <FormField path="expertise" group>
        <Checkbox.Group options={EXPERTISE_AREAS.map((a) => ({ value: a, label: a }))} />
      </FormField>
      <FormField path="note">
        <Input.TextArea rows={2} maxLength={500} />
      </FormField>
      {entry && (
        <FormField path="active" valuePropName="checked">
          <Checkbox>在册（取消勾选后不再参与指派建议）</Checkbox>
        </FormField>
      )}
      <SubmitRow submission={submission} onCancel={onCancel} />
    </CheckedFormFrame>
  );
}

export function RosterPage() {
  const api = useApi();
  const { message } = AntApp.useApp();
  const mayEdit = useMay('legalAid.rosterAdd');
  const [entries, setEntries] = useState<RosterEntry[] | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  /** The entry being edited; 'new' while adding one. */
  const [editing, setEditing] = useState<RosterEntry | 'new' | null>(null);

  const load = useCallback(() => {
    api.call('legalAid.rosterList', { activeOnly: false }).then(
      (list) => {
        setEntries(list);
        setFailure(null);
      },
      (error: unknown) => setFailure(errorMessage(error)),
    );
  }, [api]);
  useEffect(load, [load]);

  return (
    <div className="page roster-page">
      <Space align="baseline">
        <Typography.Title level={3}>援助人员名册</Typography.Title>
        {mayEdit && <Button onClick={() => setEditing('new')}>添加人员</Button>}
      </Space>
      <Typography.Paragraph type="secondary">
        指派法律援助案件时，按擅长领域和轮换顺序从名册中建议承办人员。
      </Typography.Paragraph>
      {failure && <Alert className="page-alert" type="error" showIcon title={failure} />}
      {entries === null && !failure ? (
        <Spin description="正在读取名册" />
      ) : (
        <Table<RosterEntry>
          size="small"
          rowKey="id"
          pagination={false}
          dataSource={entries ?? []}
          locale={{ emptyText: '名册中还没有人员' }}
          columns={[
            { key: 'personName', title: '承办人员', dataIndex: 'personName' },
            { key: 'orgName', title: '承办机构名称', dataIndex: 'orgName' },
            { key: 'orgType', title: '承办机构类型', dataIndex: 'orgType' },
            { key: 'phone', title: '联系电话', dataIndex: 'phone' },
            { key: 'expertise', title: '擅长领域', render: (_, e) => e.expertise.map((a) => <Tag key={a}>{a}</Tag>) },
            {
              key: 'active',
              title: '状态',
              render: (_, e) => (e.active ? <Tag color="green">在册</Tag> : <Tag>不在册</Tag>),
            },
            { key: 'updatedAt', title: '更新时间', render: (_, e) => formatMoment(e.updatedAt) },
            ...(mayEdit
              ? [
                  {
                    key: 'edit',
                    title: '操作',
                    render: (_: unknown, e: RosterEntry) => (
                      <Button size="small" onClick={() => setEditing(e)} aria-label={`修改${e.personName}`}>
                        修改
                      </Button>
                    ),
                  },
                ]
              : []),
          ]}
        />
      )}
      {editing && (
        <Modal
          open
          title={editing === 'new' ? '添加援助人员' : `修改：${editing.personName}`}
          footer={null}
          onCancel={() => setEditing(null)}
          destroyOnHidden
          mask={{ closable: false }}
        >
          <EntryForm
            entry={editing === 'new' ? null : editing}
            onSaved={(saved) => {
              message.success(`已保存：${saved.orgName} ${saved.personName}`);
              setEditing(null);
              load();
            }}
            onCancel={() => setEditing(null)}
          />
        </Modal>
      )}
    </div>
  );
}
