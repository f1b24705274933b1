// 人民调解设置 (director, administrator): the office's list of 纠纷类型 — reorder, add, retire — the county's
// 以奖代补 rates per oral and per written case, each from the date it takes effect, and the county's mediation rules
// (whether the term may be extended past the month, shared/kinds/mediation/countyRules.ts).
import {
  Alert,
  App as AntApp,
  Button,
  Card,
  Checkbox,
  Col,
  Descriptions,
  Form,
  Input,
  Row,
  Space,
  Spin,
  Switch,
  Table,
  Typography,
} from 'antd';
import { useCallback, useEffect, useState } from 'react';
import type { DisputeType, SubsidyRate, SubsidyRates } from '../../shared/contract';
import {
  EXTENSION_SOURCE,
  MEDIATION_RULE_LABELS,
  MEDIATION_TERM_SOURCE,
  type MediationRulesInfo,
} from '../../shared/kinds/mediation/countyRules';
import { DISPUTE_TYPE_LABELS, disputeTypeListSchema } from '../../shared/kinds/mediation/disputeTypes';
import { SUBSIDY_RATE_LABELS, subsidyRatesSchema } from '../../shared/kinds/mediation/subsidy';
import { errorMessage, useApi } from '../app/apiContext';
import { formatDate, formatMoment, formatMoney } from '../app/format';
import { CheckedFormFrame, schemaIssues, SubmitRow, useCheckedForm, useSubmit } from '../forms/checkedForm';
import { FormField } from '../forms/FormField';
import { FieldsForm } from '../forms/FieldsForm';

interface TypeListValues {
  types: { name: string; active: boolean }[];
}

function DisputeTypeEditor({ types, onSaved }: { types: DisputeType[]; onSaved(types: DisputeType[]): void }) {
  const api = useApi();
  const { message } = AntApp.useApp();
  const checked = useCheckedForm<TypeListValues>({
    formName: 'disputeTypes',
    labels: DISPUTE_TYPE_LABELS,
    initial: { types: types.map((t) => ({ name: t.name, active: t.active })) },
    issuesOf: (values) => schemaIssues(disputeTypeListSchema, values, DISPUTE_TYPE_LABELS),
  });
  const submission = useSubmit(checked, async (values) => {
    const saved = await api.call('mediation.saveDisputeTypes', values);
    message.success('纠纷类型已保存');
    onSaved(saved);
  });
  return (
    <CheckedFormFrame checked={checked}>
      <Form.List name="types">
        {(rows, { add, remove, move }) => (
          <FormField path="types" noName label="">
            <div>
              {rows.map((row, index) => (
                <Row key={row.key} gutter={8} align="top">
                  <Col span={10}>
                    <FormField path={`types.${index}.name`} name={[row.name, 'name']} label={`第${index + 1}项`}>
                      <Input maxLength={20} autoComplete="off" />
                    </FormField>
                  </Col>
                  <Col span={4}>
                    <FormField
                      path={`types.${index}.active`}
                      name={[row.name, 'active']}
                      valuePropName="checked"
                      label="启用"
                    >
                      <Checkbox aria-label={`启用第${index + 1}项`} />
                    </FormField>
                  </Col>
                  <Col span={10}>
                    <Form.Item label=" ">
                      <Space>
                        <Button
                          size="small"
                          disabled={index === 0}
                          onClick={() => move(index, index - 1)}
                          aria-label={`上移第${index + 1}项`}
                        >
                          上移
                        </Button>
                        <Button
                          size="small"
                          disabled={index === rows.length - 1}
                          onClick={() => move(index, index + 1)}
                          aria-label={`下移第${index + 1}项`}
                        >
                          下移
                        </Button>
                        {index >= types.length && (
                          <Button size="small" onClick={() => remove(row.name)}>
                            删除
                          </Button>
                        )}
                      </Space>
                    </Form.Item>
                  </Col>
                </Row>
              ))}
              <Button onClick={() => add({ name: '', active: true })} style={{ marginBottom: 16 }}>
                添加纠纷类型
              </Button>
            </div>
          </FormField>
        )}
      </Form.List>
      <Typography.Paragraph type="secondary">
        已使用过的类型不能删除，只能停用；停用的类型不再出现在登记表中，已登记的案件保留原类型。
      </Typography.Paragraph>
      <SubmitRow submission={submission} onCancel={() => checked.form.resetFields()} />
    </CheckedFormFrame>
  );
}

function SubsidyRateSection({ rates, onSaved }: { rates: SubsidyRates; onSaved(rates: SubsidyRates): void }) {
  const api = useApi();
  const { message } = AntApp.useApp();
  const [editing, setEditing] = useState(false);
  const [version, setVersion] = useState(0);
  return (
    <>
      <Descriptions
        bordered
        size="small"
        column={2}
        className="detail-section"
        items={[
          { key: 'oral', label: SUBSIDY_RATE_LABELS.oralFen, children: `${formatMoney(rates.inForce.oralFen)}／件` },
          {
            key: 'written',
            label: SUBSIDY_RATE_LABELS.writtenFen,
            children: `${formatMoney(rates.inForce.writtenFen)}／件`,
          },
          { key: 'from', label: SUBSIDY_RATE_LABELS.effectiveFrom, children: formatDate(rates.inForce.effectiveFrom) },
          { key: 'note', label: SUBSIDY_RATE_LABELS.note, children: rates.inForce.note || '—' },
        ]}
      />
      {editing ? (
        <Card title="设定新的补贴标准" className="detail-section">
          <FieldsForm
            key={version}
            name="subsidyRates"
            schema={subsidyRatesSchema}
            labels={SUBSIDY_RATE_LABELS}
            fixed={{}}
            fields={[
              { path: 'effectiveFrom', kind: 'date', required: true, half: true },
              { path: 'oralFen', kind: 'yuan', blank: null, required: true, half: true },
              { path: 'writtenFen', kind: 'yuan', blank: null, required: true, half: true },
              { path: 'note', kind: 'textarea', max: 500, placeholder: '如：县司法局文件文号' },
            ]}
            send={async (payload) => {
              const saved = await api.call('mediation.setSubsidyRates', payload as never);
              message.success('补贴标准已保存');
              setEditing(false);
              setVersion((v) => v + 1);
              onSaved(saved);
            }}
            onCancel={() => setEditing(false)}
          />
        </Card>
      ) : (
        <Button onClick={() => setEditing(true)} className="detail-section">
          设定新的补贴标准
        </Button>
      )}
      <Table<SubsidyRate>
        rowKey={(r) => `${r.effectiveFrom}|${r.recordedAt}`}
        size="small"
        pagination={false}
        dataSource={rates.history}
        columns={[
          { title: '执行日期', key: 'from', render: (_, r) => formatDate(r.effectiveFrom) },
          { title: '口头调解案件', key: 'oral', render: (_, r) => formatMoney(r.oralFen) },
          { title: '书面调解案件', key: 'written', render: (_, r) => formatMoney(r.writtenFen) },
          { title: '依据或说明', dataIndex: 'note', key: 'note' },
          { title: '设定人', dataIndex: 'setBy', key: 'setBy' },
          { title: '设定时间', key: 'at', render: (_, r) => (r.recordedAt ? formatMoment(r.recordedAt) : '—') },
        ]}
      />
    </>
  );
}

/** The county's switch for extending past the month: the article gives the month only, the county the extension. */
function MediationRulesSection({
  info,
  onSaved,
}: {
  info: MediationRulesInfo;
  onSaved(info: MediationRulesInfo): void;
}) {
  const api = useApi();
  const { message } = AntApp.useApp();
  const [saving, setSaving] = useState(false);
  return (
    <Space orientation="vertical">
      <Typography.Paragraph>
        调解期限：{MEDIATION_TERM_SOURCE}。经双方当事人同意延长调解期限为{EXTENSION_SOURCE}，默认允许。
      </Typography.Paragraph>
      <Space>
        <Switch
          aria-label={MEDIATION_RULE_LABELS.extensionAllowed}
          checked={info.rules.extensionAllowed}
          loading={saving}
          onChange={async (extensionAllowed) => {
            setSaving(true);
            try {
              onSaved(await api.call('mediation.setRules', { extensionAllowed }));
              message.success('调解规则已保存');
            } catch (error) {
              message.error(errorMessage(error));
            } finally {
              setSaving(false);
            }
          }}
        />
        <Typography.Text>{MEDIATION_RULE_LABELS.extensionAllowed}</Typography.Text>
      </Space>
      <Typography.Text type="secondary">
        {info.isDefault ? '随程序提供的默认规则' : `${info.updatedBy} 设定于 ${formatMoment(info.updatedAt)}`}
      </Typography.Text>
    </Space>
  );
}

export function MediationSettingsPage() {
  const api = useApi();
  const [types, setTypes] = useState<DisputeType[] | null>(null);
  const [rates, setRates] = useState<SubsidyRates | null>(null);
  const [rules, setRules] = useState<MediationRulesInfo | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [typesVersion, setTypesVersion] = useState(0);

  const load = useCallback(() => {
    Promise.all([
      api.call('mediation.disputeTypes', { includeInactive: true }),
      api.call('mediation.subsidyRates', {}),
      api.call('mediation.rules', {}),
    ]).then(
      ([t, r, m]) => {
        setTypes(t);
        setRates(r);
        setRules(m);
      },
      (error: unknown) => setFailure(errorMessage(error)),
    );
  }, [api]);
  useEffect(load, [load]);

  return (
    <div className="page mediation-settings">
      <Typography.Title level={3}>人民调解设置</Typography.Title>
      {failure && <Alert className="page-alert" type="error" showIcon title={failure} />}
      {!types || !rates || !rules ? (
        !failure && <Spin description="正在读取" />
      ) : (
        <>
          <section className="detail-section" aria-label="以奖代补补贴标准">
            <Typography.Title level={4}>以奖代补补贴标准</Typography.Title>
            <SubsidyRateSection rates={rates} onSaved={setRates} />
          </section>
          <section className="detail-section" aria-label="调解规则">
            <Typography.Title level={4}>调解规则</Typography.Title>
            <MediationRulesSection info={rules} onSaved={setRules} />
          </section>
          <section className="detail-section" aria-label="纠纷类型">
            <Typography.Title level={4}>纠纷类型</Typography.Title>
            <DisputeTypeEditor
              key={typesVersion}
              types={types}
              onSaved={(saved) => {
                setTypes(saved);
                setTypesVersion((v) => v + 1);
              }}
            />
          </section>
        </>
      )}
    </div>
  );
}
