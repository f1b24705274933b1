// 法律援助申请表: the intake form, in the paper form's order. Every field's message comes from the shared schema
// (the same the main process enforces), shown as the clerk types or leaves the field and all at once on 保存.
import {
  Alert,
  App as AntApp,
  Button,
  Checkbox,
  Col,
  DatePicker,
  Form,
  Input,
  Radio,
  Row,
  Select,
  Space,
  Spin,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import { financialCheckApplies, LEGAL_AID_LABELS } from '../../shared/kinds/legalAid/intake';
import {
  AGENT_RELATIONS,
  APPLICANT_GROUPS,
  DEFENCE_GROUNDS,
  FINANCE_BASES,
  LEGAL_AID_CATEGORIES,
  NOTICE_GROUND_LABELS,
  NOTICE_GROUNDS,
  LEGAL_AID_SERVICE_FORMS,
  PROCEEDING_STAGES,
} from '../../shared/kinds/legalAid/options';
import { parseIdNumber } from '../../shared/identity';
import { localDate } from '../../shared/dates';
import { GB11643_ID_TYPES, type IdType } from '../../shared/options';
import { errorMessage, useApi } from '../app/apiContext';
import { navigate } from '../app/route';
import { enterMovesFocus } from '../forms/enterMovesFocus';
import { FieldMessagesContext, FormField } from '../forms/FormField';
import { reachedPaths, useFieldMessages } from '../forms/useFieldMessages';
import {
  agentRequired,
  draftTitle,
  emptyIntake,
  fromDraftData,
  intakeIssues,
  payloadPath,
  toApplication,
  toDraftData,
  type IntakeValues,
} from './intakeValues';
import { useDraftAutosave } from '../forms/useDraftAutosave';
import { AutosaveNote } from '../forms/AutosaveNote';
import { conflictProblem, FormConflictCheck, recordConflictsSeen, useConflictReview } from '../cases/ConflictCheck';
import type { Created } from '../app/kindPages';
import { DATE_FORMAT, DATE_FORMATS, options, searchable } from '../forms/typedValues';
import { PartyFields } from '../forms/PartyFields';
import { FACTS_MAX, ID_NUMBER_MAX, LINE_MAX, NAME_MAX, PHONE_MAX } from '../../shared/cases/fieldLimits';
import type { ConflictParty } from '../../shared/cases/conflicts';

const FORM_NAME = 'legalAid';
const APPLICANT_AT = (field: string) => ({ path: `applicant.${field}` });

interface Props {
  /** Resume this draft; null for a new, empty form. */
  draftId: number | null;
  onCreated(created: Created): void;
}

/** Loads the draft to resume, then shows the form. */
export function LegalAidIntakePage({ draftId, onCreated }: Props) {
  const api = useApi();
  const [initial, setInitial] = useState<IntakeValues | null>(draftId === null ? emptyIntake() : null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [otherDrafts, setOtherDrafts] = useState(0);

  useEffect(() => {
    let live = true;
    if (draftId !== null) {
      api.call('drafts.get', { id: draftId }).then(
        (draft) => live && setInitial(fromDraftData(draft.data)),
        (error: unknown) => live && setLoadError(errorMessage(error)),
      );
    } else {
      api.call('drafts.list', { kind: 'legal_aid' }).then(
        (drafts) => live && setOtherDrafts(drafts.length),
        () => {}, // only a hint; the form works without it
      );
    }
    return () => {
      live = false;
    };
  }, [api, draftId]);

  return (
    <div className="page intake-page">
      <Typography.Title level={3}>法律援助申请表</Typography.Title>
      {otherDrafts > 0 && (
        <Alert
          className="page-alert"
          type="info"
          showIcon
          title={`有 ${otherDrafts} 份未完成的申请草稿`}
          action={<Button onClick={() => navigate({ page: 'drafts' })}>查看草稿</Button>}
        />
      )}
      {loadError ? (
        <Alert
          type="error"
          showIcon
          title={loadError}
          action={<Button onClick={() => navigate({ page: 'drafts' })}>返回草稿</Button>}
        />
      ) : initial ? (
        <IntakeForm initial={initial} draftId={draftId} resumed={draftId !== null} onCreated={onCreated} />
      ) : (
        <Spin description="正在读取草稿" />
      )}
    </div>
  );
}

/** The people on the form, as the conflict check asks about them. */
function partiesOf(values: IntakeValues): ConflictParty[] {
  const a = values.applicant;
  const withAgent =
    !!values.hasAgent ||
    agentRequired({ lacksCapacity: a?.lacksCapacity, birthDate: a?.birthDate, receivedOn: values.receivedOn });
  const isoOf = (d: IntakeValues['receivedOn']) => (d && d.isValid() ? d.format(DATE_FORMAT) : '');
  return [
    {
      name: a?.name ?? '',
      idNumber: a?.idNumber ?? '',
      birthDate: isoOf(a?.birthDate ?? null),
      role: 'applicant' as const,
    },
    ...(withAgent
      ? [
          {
            name: values.agent?.name ?? '',
            idNumber: values.agent?.idNumber ?? '',
            birthDate: '',
            role: 'agent' as const,
          },
        ]
      : []),
    ...(values.opposingParties ?? []).map((p) => ({
      name: p?.name ?? '',
      idNumber: p?.idNumber ?? '',
      birthDate: '',
      role: 'opposing' as const,
    })),
  ];
}

const filled = (v: unknown) => v !== '' && v !== null && v !== false && !(Array.isArray(v) && v.length === 0);

function IntakeForm({
  initial,
  draftId,
  resumed,
  onCreated,
}: {
  initial: IntakeValues;
  draftId: number | null;
  resumed: boolean;
  onCreated(c: Created): void;
}) {
  const api = useApi();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<IntakeValues>();
  const autosave = useDraftAutosave(api, 'legal_aid', draftId);

  const messages = useFieldMessages({
    formName: FORM_NAME,
    initialIssues: () => intakeIssues(initial),
    rename: payloadPath,
    // A resumed draft shows what is wrong with what was already typed; a new form starts quiet.
    initiallyTouched: () => (resumed ? reachedPaths(toDraftData(initial), filled, payloadPath) : new Set()),
  });
  const [refusal, setRefusal] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const lacksCapacity = Form.useWatch(['applicant', 'lacksCapacity'], form);
  const birthDate = Form.useWatch(['applicant', 'birthDate'], form);
  const receivedOn = Form.useWatch('receivedOn', form);
  const hasAgent = Form.useWatch('hasAgent', form);
  const basis = Form.useWatch(['finance', 'basis'], form);
  const category = Form.useWatch('category', form);
  const defenceGround = Form.useWatch('defenceGround', form);
  const notified = Form.useWatch('notified', form) === true;
  const notifiedChanged = (on: boolean) => {
    // A notified defence is a criminal defence (第36条): set what the notice implies.
    if (on) {
      form.setFieldValue('category', '刑事');
      form.setFieldValue('serviceForm', '刑事辩护与代理');
    }
  };
  const financeRequired = financialCheckApplies({
    category: category ?? '',
    defenceGround: defenceGround ?? '',
    notified,
  });
  const needsAgent = !notified && agentRequired({ lacksCapacity, birthDate, receivedOn });
  const showAgent = needsAgent || !!hasAgent;
  const conflicts = useConflictReview();

  const values = () => form.getFieldsValue(true) as IntakeValues;
  const keepDraft = () => {
    const all = values();
    autosave.schedule({ title: draftTitle(all), data: toDraftData(all) });
  };

  const onValuesChange = (changed: Partial<IntakeValues>) => {
    // The ID number carries the birth date and sex: fill them when the clerk has not.
    const idNumber = changed.applicant?.idNumber;
    if (idNumber !== undefined && GB11643_ID_TYPES.has(form.getFieldValue(['applicant', 'idType']) as IdType)) {
      const parsed = parseIdNumber(idNumber, localDate());
      if (parsed.ok) {
        if (!form.getFieldValue(['applicant', 'birthDate']))
          form.setFieldValue(['applicant', 'birthDate'], dayjs(parsed.value.birthDate, DATE_FORMAT, true));
        if (!form.getFieldValue(['applicant', 'sex'])) form.setFieldValue(['applicant', 'sex'], parsed.value.sex);
      }
    }
    messages.changed(changed);
    messages.store.setIssues(intakeIssues(values()));
    keepDraft();
  };

  const save = async () => {
    if (saving) return;
    setRefusal(null);
    const found = intakeIssues(values());
    messages.store.setIssues(found);
    if (found.size > 0) {
      messages.showAll();
      return;
    }
    setSaving(true); // also while a running conflict check is awaited: a second click sends nothing
    const conflictBlock = conflictProblem(await conflicts.settled());
    if (conflictBlock) {
      setRefusal(conflictBlock);
      setSaving(false);
      return;
    }
    try {
      const draftId = await autosave.hold();
      const created = await api.call('legalAid.create', { draftId, application: toApplication(values()) });
      autosave.finish();
      await recordConflictsSeen(api, created.id, conflicts.current(), (text) => void message.warning(text));
      message.success(`已登记，案号 ${created.caseNumber}`);
      onCreated(created);
    } catch (error) {
      if (!messages.showRefusal(error, 'application.')) setRefusal(errorMessage(error));
      autosave.release();
    } finally {
      setSaving(false);
    }
  };

  const today = localDate();
  return (
    <FieldMessagesContext.Provider value={{ formName: FORM_NAME, labels: LEGAL_AID_LABELS, store: messages.store }}>
      <div ref={messages.holder} onKeyDownCapture={enterMovesFocus} onBlurCapture={messages.onBlurCapture}>
        <Form<IntakeValues>
          form={form}
          name={FORM_NAME}
          layout="vertical"
          initialValues={initial}
          onValuesChange={onValuesChange}
        >
          <Form.Item name="notified" label="案件来源">
            <Radio.Group
              options={[
                { value: false, label: '当事人申请' },
                { value: true, label: '办案机关通知辩护（法律援助法第36条）' },
              ]}
              onChange={(e) => notifiedChanged(e.target.value === true)}
            />
          </Form.Item>
          {notified && (
            <>
              <Typography.Title level={4}>通知辩护</Typography.Title>
              <Typography.Paragraph type="secondary">
                法律援助法第36条：法律援助机构收到通知后，应当在三日内指派律师。通知辩护不经申请审查，不审查经济困难状况。
              </Typography.Paragraph>
              <Row gutter={16}>
                <Col span={12}>
                  <FormField path="notice.authority" required>
                    <Input maxLength={LINE_MAX} autoComplete="off" placeholder="如：某县人民法院" />
                  </FormField>
                </Col>
                <Col span={12}>
                  <FormField path="notice.documentNumber" required>
                    <Input maxLength={LINE_MAX} autoComplete="off" />
                  </FormField>
                </Col>
              </Row>
              <FormField path="notice.grounds" group required>
                <Checkbox.Group options={options(NOTICE_GROUNDS, NOTICE_GROUND_LABELS)} />
              </FormField>
            </>
          )}
          <Typography.Title level={4}>{notified ? '犯罪嫌疑人、被告人' : '申请人'}</Typography.Title>
          <PartyFields
            at={APPLICANT_AT}
            groupName="applicant"
            fields={[
              { field: 'name', span: 6, required: true, autoFocus: true },
              { field: 'sex', span: 4, required: true },
              { field: 'ethnicity', span: 4, required: true },
              { field: 'birthDate', span: 5, required: true, placeholder: '如 1949-12-31' },
            ]}
          />
          <PartyFields
            at={APPLICANT_AT}
            groupName="applicant"
            fields={[
              { field: 'idType', span: 6, required: true },
              { field: 'idNumber', span: 8, required: true },
              { field: 'phone', span: 6, required: true },
            ]}
          />
          <PartyFields
            at={APPLICANT_AT}
            groupName="applicant"
            fields={[
              { field: 'address', as: 'householdAddress', span: 12, required: true },
              { field: 'address', as: 'residence', span: 12 },
            ]}
          />
          <Row gutter={16}>
            <Col span={12}>
              <FormField path="applicant.employer">
                <Input maxLength={LINE_MAX} autoComplete="off" />
              </FormField>
            </Col>
            <Col span={12}>
              <FormField path="applicant.lacksCapacity" valuePropName="checked">
                <Checkbox>是</Checkbox>
              </FormField>
            </Col>
          </Row>
          <FormField path="applicantGroups" group>
            <Checkbox.Group options={options(APPLICANT_GROUPS)} />
          </FormField>

          <Typography.Title level={4}>代理人</Typography.Title>
          {needsAgent ? (
            <FormField path="agent" noName label="">
              <Typography.Text>
                申请人为未成年人或无民事行为能力、限制民事行为能力人，须由代理人代为申请。
              </Typography.Text>
            </FormField>
          ) : (
            <FormField path="agent" name={['hasAgent']} valuePropName="checked" label="">
              <Checkbox>由代理人代为申请</Checkbox>
            </FormField>
          )}
          {showAgent && (
            <Row gutter={16}>
              <Col span={6}>
                <FormField path="agent.name" required>
                  <Input maxLength={NAME_MAX} autoComplete="off" />
                </FormField>
              </Col>
              <Col span={4}>
                <FormField path="agent.relation" required>
                  <Select options={options(AGENT_RELATIONS)} showSearch={searchable} />
                </FormField>
              </Col>
              <Col span={8}>
                <FormField path="agent.idNumber" required>
                  <Input maxLength={ID_NUMBER_MAX} autoComplete="off" />
                </FormField>
              </Col>
              <Col span={6}>
                <FormField path="agent.phone" required>
                  <Input maxLength={PHONE_MAX} autoComplete="off" inputMode="tel" />
                </FormField>
              </Col>
            </Row>
          )}

          <Typography.Title level={4}>对方当事人</Typography.Title>
          <Form.List name="opposingParties">
            {(rows, { add, remove }) => (
              <FormField path="opposingParties" noName label="">
                <div>
                  {rows.map((row, index) => (
                    <Row gutter={16} key={row.key} align="bottom">
                      <Col span={10}>
                        <FormField path={`opposingParties.${index}.name`} name={[row.name, 'name']} required>
                          <Input maxLength={LINE_MAX} autoComplete="off" />
                        </FormField>
                      </Col>
                      <Col span={10}>
                        <FormField path={`opposingParties.${index}.idNumber`} name={[row.name, 'idNumber']}>
                          <Input
                            maxLength={ID_NUMBER_MAX}
                            autoComplete="off"
                            placeholder="公民身份号码或统一社会信用代码（知道时填写）"
                          />
                        </FormField>
                      </Col>
                      <Col span={4}>
                        <Form.Item>
                          <Button onClick={() => remove(row.name)} aria-label={`删除第${index + 1}个对方当事人`}>
                            删除
                          </Button>
                        </Form.Item>
                      </Col>
                    </Row>
                  ))}
                  <Button onClick={() => add({ name: '', idNumber: '' })} disabled={rows.length >= 20}>
                    添加对方当事人
                  </Button>
                </div>
              </FormField>
            )}
          </Form.List>

          <Typography.Title level={4}>案件信息</Typography.Title>
          <Row gutter={16}>
            <Col span={6}>
              <FormField path="category" required>
                <Select options={options(LEGAL_AID_CATEGORIES)} showSearch={searchable} />
              </FormField>
            </Col>
            <Col span={10}>
              <FormField path="serviceForm" required>
                <Select options={options(LEGAL_AID_SERVICE_FORMS)} showSearch={searchable} />
              </FormField>
            </Col>
            <Col span={8}>
              <FormField path="matter" required>
                <Input maxLength={LINE_MAX} autoComplete="off" />
              </FormField>
            </Col>
          </Row>
          {category === '刑事' && !notified && (
            <Row gutter={16}>
              <Col span={10}>
                <FormField path="defenceGround">
                  <Select options={options(DEFENCE_GROUNDS)} allowClear />
                </FormField>
              </Col>
              <Col span={14}>
                <Typography.Text type="secondary">
                  法律援助法第24条：犯罪嫌疑人、被告人因经济困难或者其他原因没有委托辩护人的，可以申请法律援助；
                  仅因经济困难申请的，须说明经济状况（第41条）。
                </Typography.Text>
              </Col>
            </Row>
          )}
          <Row gutter={16}>
            <Col span={6}>
              <FormField path="proceedingStage">
                <Select options={options(PROCEEDING_STAGES)} showSearch={searchable} allowClear />
              </FormField>
            </Col>
            <Col span={18}>
              <FormField path="handlingAuthority">
                <Input maxLength={LINE_MAX} autoComplete="off" />
              </FormField>
            </Col>
          </Row>
          <FormField path="facts" required>
            <Input.TextArea rows={5} maxLength={FACTS_MAX} showCount />
          </FormField>

          {!notified && <Typography.Title level={4}>经济状况</Typography.Title>}
          {!notified && (
            <Row gutter={16}>
              <Col span={6}>
                <FormField path="finance.householdSize">
                  <Input suffix="人" autoComplete="off" inputMode="numeric" />
                </FormField>
              </Col>
              <Col span={6}>
                <FormField path="finance.monthlyIncomePerCapitaFen" name={['finance', 'monthlyIncomePerCapitaYuan']}>
                  <Input suffix="元" autoComplete="off" inputMode="decimal" />
                </FormField>
              </Col>
              <Col span={6}>
                <FormField path="finance.basis" required={financeRequired}>
                  <Select options={options(FINANCE_BASES)} showSearch={searchable} />
                </FormField>
              </Col>
            </Row>
          )}
          {!notified && basis === '免予核查' && (
            <FormField path="finance.exemptReason" required>
              <Input.TextArea rows={2} maxLength={500} placeholder="如：申请人为特困人员" />
            </FormField>
          )}

          <Row gutter={16}>
            <Col span={6}>
              <FormField path="receivedOn" required {...(notified ? { label: '收到通知日期' } : {})}>
                <DatePicker format={DATE_FORMATS} placeholder={today} style={{ width: '100%' }} />
              </FormField>
            </Col>
            <Col span={6}>
              <FormField path="receivedBy" required>
                <Input maxLength={NAME_MAX} autoComplete="off" />
              </FormField>
            </Col>
          </Row>

          <FormConflictCheck partiesOf={partiesOf} onChange={conflicts.set} />
          {refusal && <Alert className="page-alert" type="error" showIcon title={refusal} />}
          <Space size="large" align="center">
            <Button type="primary" htmlType="button" size="large" loading={saving} onClick={() => void save()}>
              保存
            </Button>
            <AutosaveNote status={autosave.status} />
          </Space>
        </Form>
      </div>
    </FieldMessagesContext.Provider>
  );
}
