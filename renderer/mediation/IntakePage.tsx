// 人民调解受理登记表: the full registration of a dispute — two or more parties, where it came from, its type from
// the office's list, what is asked, the mediators. Checked as the clerk types by the schema `mediation.create`
// uses; the conflict check warns when a party already appears in another case.
import { App as AntApp, Checkbox, type FormInstance, Col, DatePicker, Input, Row, Select, Typography } from 'antd';
import { useState } from 'react';
import { localDate } from '../../shared/dates';
import { parseIdNumber } from '../../shared/identity';
import { MEDIATION_LABELS } from '../../shared/kinds/mediation/intake';
import { MEDIATION_SOURCES, SOURCES_NEEDING_DETAIL, type MediationSource } from '../../shared/kinds/mediation/options';
import { useApi } from '../app/apiContext';
import { FormConflictCheck, useConflictReview } from '../cases/ConflictCheck';
import { CheckedFormFrame, SubmitRow, useCheckedForm, useSubmit, type CheckedForm } from '../forms/checkedForm';
import { FormField } from '../forms/FormField';
import { FACTS_MAX, LINE_MAX, NAME_MAX } from '../../shared/cases/fieldLimits';
import { navigate } from '../app/route';
import { recordConflictsSeen, requireConflictsSeen } from '../cases/ConflictCheck';
import type { Created } from '../app/kindPages';
import { PartyRows } from './PartyRows';
import {
  conflictPartiesOf,
  emptyRegistration,
  registrationDraft,
  registrationFromDraft,
  registrationIssues,
  toRegistration,
  type PartyValues,
  type RegistrationValues,
} from './intakeValues';
import { AutosaveNote } from '../forms/AutosaveNote';
import { ResumeDraft } from '../forms/ResumeDraft';
import { registerFromDraft, useDraftAutosave } from '../forms/useDraftAutosave';
import { DATE_FORMAT, DATE_FORMATS, options, searchable } from '../forms/typedValues';
import { useDisputeTypes } from './useDisputeTypes';
import dayjs from 'dayjs';

/** A person's ID number carries the birth date and sex: fill them when the clerk has not. */
function fillFromIdNumbers(
  checked: CheckedForm<RegistrationValues>,
  changed: { parties?: (Partial<PartyValues> | undefined)[] },
): void {
  // antd's paths are typed by the values; these are plain ones.
  const form = checked.form as unknown as FormInstance;
  changed.parties?.forEach((p, i) => {
    if (!p?.idNumber) return;
    const parsed = parseIdNumber(p.idNumber, localDate());
    if (!parsed.ok) return;
    if (!form.getFieldValue(['parties', i, 'birthDate']))
      form.setFieldValue(['parties', i, 'birthDate'], dayjs(parsed.value.birthDate, DATE_FORMAT, true));
    if (!form.getFieldValue(['parties', i, 'sex'])) form.setFieldValue(['parties', i, 'sex'], parsed.value.sex);
  });
}

interface Props {
  /** Resume this draft; null for a new, empty form. */
  draftId: number | null;
  onCreated(created: Created): void;
}

/** The people of the registration, as the conflict check asks about them. */
const partiesOfRegistration = (values: RegistrationValues) => conflictPartiesOf(values.parties ?? []);

export function MediationIntakePage({ draftId, onCreated }: Props) {
  return (
    <div className="page intake-page mediation-intake">
      <Typography.Title level={3}>人民调解受理登记表</Typography.Title>
      <ResumeDraft draftId={draftId} empty={emptyRegistration} fromDraftData={registrationFromDraft}>
        {(initial) => <RegistrationForm initial={initial} draftId={draftId} onCreated={onCreated} />}
      </ResumeDraft>
    </div>
  );
}

function RegistrationForm({
  initial,
  draftId,
  onCreated,
}: {
  initial: RegistrationValues;
  draftId: number | null;
  onCreated(created: Created): void;
}) {
  const api = useApi();
  const { message } = AntApp.useApp();
  const disputeTypes = useDisputeTypes();
  const autosave = useDraftAutosave(api, 'mediation', draftId);
  const conflicts = useConflictReview();
  const [source, setSource] = useState<string | undefined>(initial.source);

  const base = useCheckedForm<RegistrationValues>({
    formName: 'mediation',
    labels: MEDIATION_LABELS,
    initial,
    issuesOf: registrationIssues,
  });
  const checked: CheckedForm<RegistrationValues> = {
    ...base,
    onValuesChange: (changed) => {
      fillFromIdNumbers(base, changed as { parties?: Partial<PartyValues>[] });
      base.onValuesChange(changed);
      const values = base.values();
      setSource(values.source);
      autosave.schedule(registrationDraft(values));
    },
  };
  const submission = useSubmit(
    checked,
    async (values) => {
      requireConflictsSeen(await conflicts.settled());
      const created = await registerFromDraft(autosave, (draftId) =>
        api.call('mediation.create', { draftId, registration: toRegistration(values) }),
      );
      await recordConflictsSeen(api, created.id, conflicts.current(), (text) => void message.warning(text));
      message.success(`已登记，案号 ${created.caseNumber}`);
      onCreated(created);
    },
    { rename: (path) => path.replace(/^registration\./, '').replace(/^mediators\.\d+$/, 'mediators') },
  );

  return (
    <CheckedFormFrame checked={checked}>
      <Row gutter={16}>
        <Col span={8}>
          <FormField path="source" required>
            <Select options={options(MEDIATION_SOURCES)} autoFocus />
          </FormField>
        </Col>
        <Col span={16}>
          <FormField path="sourceDetail" required={!!source && SOURCES_NEEDING_DETAIL.has(source as MediationSource)}>
            <Input maxLength={LINE_MAX} autoComplete="off" placeholder="移送或委托单位；来源为“其他”时写明具体来源" />
          </FormField>
        </Col>
      </Row>
      <FormField path="committee" required>
        <Input maxLength={LINE_MAX} autoComplete="off" placeholder="如：黎托街道人民调解委员会" />
      </FormField>

      <Typography.Title level={4}>当事人</Typography.Title>
      <PartyRows full />

      <Typography.Title level={4}>纠纷情况</Typography.Title>
      <Row gutter={16}>
        <Col span={8}>
          <FormField path="disputeType" required>
            <Select options={options(disputeTypes)} showSearch={searchable} />
          </FormField>
        </Col>
        <Col span={8}>
          <FormField path="amountFen">
            <Input suffix="元" autoComplete="off" inputMode="decimal" placeholder="不涉及金额的不填" />
          </FormField>
        </Col>
        <Col span={8}>
          <FormField path="peopleCount" required>
            <Input suffix="人" autoComplete="off" inputMode="numeric" />
          </FormField>
        </Col>
      </Row>
      <FormField path="summary" required>
        <Input.TextArea rows={4} maxLength={FACTS_MAX} showCount />
      </FormField>
      <FormField path="requests" required={source === '当事人申请'}>
        <Input.TextArea rows={3} maxLength={FACTS_MAX} showCount />
      </FormField>
      <Row gutter={16}>
        <Col span={8}>
          <FormField path="major" valuePropName="checked">
            <Checkbox>是</Checkbox>
          </FormField>
        </Col>
        <Col span={8}>
          <FormField path="mass" valuePropName="checked">
            <Checkbox>是</Checkbox>
          </FormField>
        </Col>
      </Row>

      <Typography.Title level={4}>受理</Typography.Title>
      <Row gutter={16}>
        <Col span={10}>
          <FormField path="mediators" required extra="多名调解员以“、”分隔">
            <Input maxLength={200} autoComplete="off" />
          </FormField>
        </Col>
        <Col span={7}>
          <FormField path="receivedOn" required>
            <DatePicker format={DATE_FORMATS} placeholder={localDate()} style={{ width: '100%' }} />
          </FormField>
        </Col>
        <Col span={7}>
          <FormField path="receivedBy" required>
            <Input maxLength={NAME_MAX} autoComplete="off" />
          </FormField>
        </Col>
      </Row>
      <FormConflictCheck partiesOf={partiesOfRegistration} onChange={conflicts.set} />
      <SubmitRow submission={submission} onCancel={() => navigate({ page: 'cases' })}>
        <AutosaveNote status={autosave.status} />
      </SubmitRow>
    </CheckedFormFrame>
  );
}
