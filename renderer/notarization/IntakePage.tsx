// 公证申请表: the applicants (people or organisations), an agent when one applies for them, the matter from the
// catalogue (with the materials to check and whether it is 最多跑一次), purpose, place of use, copies, translation.
// Checked as the clerk types by the schema `notarization.create` uses; the conflict check warns when an applicant
// already appears in another case.
import {
  Alert,
  App as AntApp,
  AutoComplete,
  Button,
  Card,
  Checkbox,
  Col,
  DatePicker,
  Form,
  Input,
  List,
  Radio,
  Row,
  Select,
  Tag,
  Typography,
  type FormInstance,
} from 'antd';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import type { NotarizationMatter } from '../../shared/contract';
import { localDate } from '../../shared/dates';
import { parseIdNumber } from '../../shared/identity';
import {
  AGENT_KINDS,
  APPLICANT_KIND_LABELS,
  APPLICANT_KINDS,
  PLACES_OF_USE,
  TRANSLATION_LANGUAGES,
} from '../../shared/kinds/notarization/options';
import { NOTARIZATION_LABELS } from '../../shared/kinds/notarization/intake';
import { IN_PERSON_SOURCE } from '../../shared/kinds/notarization/matters';
import { GB11643_ID_TYPES, type IdType } from '../../shared/options';
import { useApi } from '../app/apiContext';
import { navigate } from '../app/route';
import { FormConflictCheck, useConflictReview } from '../cases/ConflictCheck';
import { CheckedFormFrame, SubmitRow, useCheckedForm, useSubmit, type CheckedForm } from '../forms/checkedForm';
import { FormField } from '../forms/FormField';
import { ID_NUMBER_MAX, LINE_MAX, NAME_MAX, PHONE_MAX } from '../../shared/cases/fieldLimits';
import { PartyFields } from '../forms/PartyFields';
import { recordConflictsSeen, requireConflictsSeen } from '../cases/ConflictCheck';
import type { Created } from '../app/kindPages';
import { DATE_FORMAT, DATE_FORMATS, options, searchable } from '../forms/typedValues';
import {
  conflictPartiesOf,
  emptyApplicant,
  emptyRequest,
  requestDraft,
  requestFromDraft,
  requestIssues,
  toRequest,
  type ApplicantValues,
  type RequestValues,
} from './intakeValues';
import { AutosaveNote } from '../forms/AutosaveNote';
import { ResumeDraft } from '../forms/ResumeDraft';
import { registerFromDraft, useDraftAutosave } from '../forms/useDraftAutosave';

const KIND_OPTIONS = APPLICANT_KINDS.map((k) => ({ value: k, label: APPLICANT_KIND_LABELS[k] }));

function ApplicantCard({
  index,
  name,
  removable,
  onRemove,
}: {
  index: number;
  name: number;
  removable: boolean;
  onRemove(): void;
}) {
  const form = Form.useFormInstance();
  const kind = Form.useWatch(['applicants', name, 'kind'], form) as string | undefined;
  const at = (field: string) => ({ path: `applicants.${index}.${field}`, name: [name, field] });
  const person = kind !== 'organisation';
  return (
    <Card
      size="small"
      title={`第${index + 1}个申请人`}
      style={{ marginBottom: 12 }}
      extra={
        removable && (
          <Button size="small" onClick={onRemove} aria-label={`删除第${index + 1}个申请人`}>
            删除
          </Button>
        )
      }
    >
      <FormField {...at('kind')} required group>
        <Radio.Group name={`applicant-${index}-kind`} options={KIND_OPTIONS} />
      </FormField>
      <PartyFields
        at={at}
        organisation={!person}
        groupName={`applicant-${index}`}
        fields={[
          { field: 'name', span: 8, required: true },
          ...(person
            ? ([
                { field: 'idType', span: 6, required: true },
                { field: 'idNumber', span: 10, required: true },
              ] as const)
            : ([
                { field: 'creditCode', span: 8, required: true, placeholder: '18位统一社会信用代码' },
                { field: 'legalRepresentative', span: 8, required: true },
              ] as const)),
        ]}
      />
      <PartyFields
        at={at}
        groupName={`applicant-${index}`}
        fields={[
          person && { field: 'sex', span: 6, required: true },
          person && { field: 'birthDate', span: 6, required: true, placeholder: '如 1990-01-01' },
          { field: 'phone', span: person ? 12 : 8, required: person },
        ]}
      />
      {person && (
        <PartyFields
          at={at}
          groupName={`applicant-${index}`}
          fields={[{ field: 'address', span: 24, required: true }]}
        />
      )}
    </Card>
  );
}

function MatterNote({ matter }: { matter: NotarizationMatter | undefined }) {
  if (!matter) return null;
  return (
    <Alert
      className="page-alert matter-note"
      type="info"
      title={
        <span>
          {matter.name}（{matter.category}）
          {matter.oneVisit && (
            <Tag color="green" style={{ marginInlineStart: 8 }}>
              最多跑一次
            </Tag>
          )}
          {matter.inPersonOnly && (
            <Tag style={{ marginInlineStart: 8 }} title={IN_PERSON_SOURCE}>
              须本人亲自申办
            </Tag>
          )}
        </span>
      }
      description={
        <List
          size="small"
          header="须提交的材料"
          dataSource={matter.requiredMaterials}
          renderItem={(m) => <List.Item className="required-material">{m}</List.Item>}
        />
      }
    />
  );
}

interface Props {
  /** Resume this draft; null for a new, empty form. */
  draftId: number | null;
  onCreated(created: Created): void;
}

/** The people of the request, as the conflict check asks about them. */
const partiesOfRequest = (values: RequestValues) =>
  conflictPartiesOf({ ...values, applicants: values.applicants ?? [] });

export function NotarizationIntakePage({ draftId, onCreated }: Props) {
  return (
    <div className="page intake-page notarization-intake">
      <Typography.Title level={3}>公证申请表</Typography.Title>
      <ResumeDraft draftId={draftId} empty={emptyRequest} fromDraftData={requestFromDraft}>
        {(initial) => <RequestForm initial={initial} draftId={draftId} onCreated={onCreated} />}
      </ResumeDraft>
    </div>
  );
}

function RequestForm({
  initial,
  draftId,
  onCreated,
}: {
  initial: RequestValues;
  draftId: number | null;
  onCreated(created: Created): void;
}) {
  const api = useApi();
  const { message } = AntApp.useApp();
  const autosave = useDraftAutosave(api, 'notarization', draftId);
  const [matters, setMatters] = useState<NotarizationMatter[]>([]);
  const conflicts = useConflictReview();
  // Kept as primitives so that a keystroke that changes none of them re-renders nothing.
  const [hasAgent, setHasAgent] = useState(initial.hasAgent);
  const [matterCode, setMatterCode] = useState(initial.matterCode);
  const [needsTranslation, setNeedsTranslation] = useState(initial.needsTranslation);

  useEffect(() => {
    let live = true;
    api.call('notarization.matters', { includeInactive: false }).then(
      (list) => live && setMatters(list.filter((m) => m.active)),
      () => {}, // the select stays empty; saving then says 公证事项 is missing
    );
    return () => {
      live = false;
    };
  }, [api]);

  const base = useCheckedForm<RequestValues>({
    formName: 'notarization',
    labels: NOTARIZATION_LABELS,
    initial,
    issuesOf: requestIssues,
  });
  const checked: CheckedForm<RequestValues> = {
    ...base,
    onValuesChange: (changed) => {
      // A person's ID number carries the birth date and sex: fill them when the clerk has not.
      const form = base.form as unknown as FormInstance;
      (changed.applicants as (Partial<ApplicantValues> | undefined)[] | undefined)?.forEach((a, i) => {
        if (!a?.idNumber || !GB11643_ID_TYPES.has(form.getFieldValue(['applicants', i, 'idType']) as IdType)) return;
        const parsed = parseIdNumber(a.idNumber, localDate());
        if (!parsed.ok) return;
        if (!form.getFieldValue(['applicants', i, 'birthDate']))
          form.setFieldValue(['applicants', i, 'birthDate'], dayjs(parsed.value.birthDate, DATE_FORMAT, true));
        if (!form.getFieldValue(['applicants', i, 'sex']))
          form.setFieldValue(['applicants', i, 'sex'], parsed.value.sex);
      });
      base.onValuesChange(changed);
      const values = base.values();
      setHasAgent(values.hasAgent);
      setMatterCode(values.matterCode);
      setNeedsTranslation(values.needsTranslation);
      autosave.schedule(requestDraft(values));
    },
  };
  const submission = useSubmit(
    checked,
    async (values) => {
      requireConflictsSeen(await conflicts.settled());
      const created = await registerFromDraft(autosave, (draftId) =>
        api.call('notarization.create', { draftId, request: toRequest(values) }),
      );
      await recordConflictsSeen(api, created.id, conflicts.current(), (text) => void message.warning(text));
      message.success(`已登记，案号 ${created.caseNumber}`);
      onCreated(created);
    },
    { rename: (path) => path.replace(/^request\./, '') },
  );
  const matter = matters.find((m) => m.code === matterCode);

  return (
    <CheckedFormFrame checked={checked}>
      <Typography.Title level={4}>公证事项</Typography.Title>
      <Row gutter={16}>
        <Col span={10}>
          <FormField path="matterCode" required>
            <Select
              autoFocus
              showSearch={searchable}
              options={matters.map((m) => ({ value: m.code, label: m.oneVisit ? `${m.name}（最多跑一次）` : m.name }))}
            />
          </FormField>
        </Col>
        <Col span={14}>
          <FormField path="purpose" required>
            <Input maxLength={LINE_MAX} autoComplete="off" placeholder="如：办理出国留学签证" />
          </FormField>
        </Col>
      </Row>
      <MatterNote matter={matter} />

      <Typography.Title level={4}>申请人</Typography.Title>
      <Form.List name="applicants">
        {(rows, { add, remove }) => (
          <FormField path="applicants" noName label="">
            <div>
              {rows.map((row, index) => (
                <ApplicantCard
                  key={row.key}
                  index={index}
                  name={row.name}
                  removable={rows.length > 1}
                  onRemove={() => remove(row.name)}
                />
              ))}
              <Button onClick={() => add(emptyApplicant())} disabled={rows.length >= 20}>
                添加申请人
              </Button>
            </div>
          </FormField>
        )}
      </Form.List>

      <Typography.Title level={4}>代理人</Typography.Title>
      <FormField path="agent" name={['hasAgent']} valuePropName="checked" label="">
        <Checkbox>由代理人代为申办</Checkbox>
      </FormField>
      {hasAgent && (
        <Row gutter={16}>
          <Col span={5}>
            <FormField path="agent.kind" required>
              <Select options={options(AGENT_KINDS)} />
            </FormField>
          </Col>
          <Col span={5}>
            <FormField path="agent.name" required>
              <Input maxLength={NAME_MAX} autoComplete="off" />
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
          <Col span={24}>
            <FormField path="agent.powerOfAttorney" valuePropName="checked">
              <Checkbox>已提交申请人签署的授权委托书</Checkbox>
            </FormField>
          </Col>
        </Row>
      )}

      <Typography.Title level={4}>用途与领取</Typography.Title>
      <Row gutter={16}>
        <Col span={8}>
          <FormField path="placeOfUse" required>
            <AutoComplete options={options(PLACES_OF_USE)} filterOption />
          </FormField>
        </Col>
        <Col span={4}>
          <FormField path="copies" required>
            <Input suffix="份" autoComplete="off" inputMode="numeric" />
          </FormField>
        </Col>
        <Col span={4}>
          <FormField path="needsTranslation" valuePropName="checked">
            <Checkbox>需要翻译</Checkbox>
          </FormField>
        </Col>
        {needsTranslation && (
          <Col span={8}>
            <FormField path="translationLanguage" required>
              <AutoComplete options={options(TRANSLATION_LANGUAGES)} filterOption />
            </FormField>
          </Col>
        )}
      </Row>
      <Row gutter={16}>
        <Col span={6}>
          <FormField path="pickupOn">
            <DatePicker format={DATE_FORMATS} style={{ width: '100%' }} />
          </FormField>
        </Col>
        <Col span={6}>
          <FormField path="feeFen">
            <Input suffix="元" autoComplete="off" inputMode="decimal" placeholder="未收费的不填" />
          </FormField>
        </Col>
        <Col span={6}>
          <FormField path="receivedOn" required>
            <DatePicker format={DATE_FORMATS} placeholder={localDate()} style={{ width: '100%' }} />
          </FormField>
        </Col>
        <Col span={6}>
          <FormField path="receivedBy" required>
            <Input maxLength={NAME_MAX} autoComplete="off" />
          </FormField>
        </Col>
      </Row>
      <FormConflictCheck partiesOf={partiesOfRequest} onChange={conflicts.set} />
      <SubmitRow submission={submission} onCancel={() => navigate({ page: 'cases' })}>
        <AutosaveNote status={autosave.status} />
      </SubmitRow>
    </CheckedFormFrame>
  );
}
