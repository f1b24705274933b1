// 口头调解登记: a simple dispute mediated on the spot — the parties, what it was about, and the oral agreement the
// mediator records (人民调解法 第28条) — registered and concluded in one step, without the full dossier.
import { App as AntApp, Checkbox, Col, DatePicker, Input, Row, Select, Typography } from 'antd';
import { localDate } from '../../shared/dates';
import { QUICK_ORAL_LABELS } from '../../shared/kinds/mediation/intake';
import { MEDIATION_SOURCES, PERFORMANCE_METHODS } from '../../shared/kinds/mediation/options';
import { useApi } from '../app/apiContext';
import { navigate } from '../app/route';
import { FormConflictCheck, useConflictReview } from '../cases/ConflictCheck';
import { CheckedFormFrame, SubmitRow, useCheckedForm, useSubmit, type CheckedForm } from '../forms/checkedForm';
import { FormField } from '../forms/FormField';
import { FACTS_MAX, LINE_MAX, NAME_MAX } from '../../shared/cases/fieldLimits';
import { recordConflictsSeen, requireConflictsSeen } from '../cases/ConflictCheck';
import type { Created } from '../app/kindPages';
import { PartyRows } from './PartyRows';
import {
  conflictPartiesOf,
  emptyQuickOral,
  quickOralDraft,
  quickOralFromDraft,
  quickOralIssues,
  toQuickOral,
  type QuickOralValues,
} from './intakeValues';
import { AutosaveNote } from '../forms/AutosaveNote';
import { ResumeDraft } from '../forms/ResumeDraft';
import { registerFromDraft, useDraftAutosave } from '../forms/useDraftAutosave';
import { DATE_FORMATS, options, searchable } from '../forms/typedValues';
import { useDisputeTypes } from './useDisputeTypes';

interface Props {
  /** Resume this draft; null for a new, empty form. */
  draftId: number | null;
  onCreated(created: Created): void;
}

/** The people of the form, as the conflict check asks about them. */
const partiesOfQuickOral = (values: QuickOralValues) => conflictPartiesOf(values.parties ?? []);

export function QuickOralPage({ draftId, onCreated }: Props) {
  return (
    <div className="page intake-page quick-oral">
      <Typography.Title level={3}>口头调解登记</Typography.Title>
      <Typography.Paragraph type="secondary">
        适用于当场调解、当场达成口头协议的简易纠纷：登记即结案，不需要制作完整卷宗。调解员须记录口头协议的内容。
      </Typography.Paragraph>
      <ResumeDraft draftId={draftId} empty={emptyQuickOral} fromDraftData={quickOralFromDraft}>
        {(initial) => <QuickOralForm initial={initial} draftId={draftId} onCreated={onCreated} />}
      </ResumeDraft>
    </div>
  );
}

function QuickOralForm({
  initial,
  draftId,
  onCreated,
}: {
  initial: QuickOralValues;
  draftId: number | null;
  onCreated(created: Created): void;
}) {
  const api = useApi();
  const { message } = AntApp.useApp();
  const disputeTypes = useDisputeTypes();
  const autosave = useDraftAutosave(api, 'mediation', draftId);
  const conflicts = useConflictReview();

  const base = useCheckedForm<QuickOralValues>({
    formName: 'quickOral',
    labels: QUICK_ORAL_LABELS,
    initial,
    issuesOf: quickOralIssues,
  });
  const checked: CheckedForm<QuickOralValues> = {
    ...base,
    onValuesChange: (changed) => {
      base.onValuesChange(changed);
      const values = base.values();
      autosave.schedule(quickOralDraft(values));
    },
  };
  const submission = useSubmit(checked, async (values) => {
    requireConflictsSeen(await conflicts.settled());
    const created = await registerFromDraft(autosave, (draftId) =>
      api.call('mediation.quickOral', { ...toQuickOral(values), draftId }),
    );
    await recordConflictsSeen(api, created.id, conflicts.current(), (text) => void message.warning(text));
    message.success(`已登记，案号 ${created.caseNumber}`);
    onCreated(created);
  });

  return (
    <CheckedFormFrame checked={checked}>
      <Row gutter={16}>
        <Col span={8}>
          <FormField path="source" required>
            <Select options={options(MEDIATION_SOURCES)} />
          </FormField>
        </Col>
        <Col span={16}>
          <FormField path="committee" required>
            <Input maxLength={LINE_MAX} autoComplete="off" autoFocus placeholder="如：黎托街道人民调解委员会" />
          </FormField>
        </Col>
      </Row>

      <Typography.Title level={4}>当事人</Typography.Title>
      <PartyRows full={false} />

      <Typography.Title level={4}>纠纷与口头协议</Typography.Title>
      <Row gutter={16}>
        <Col span={8}>
          <FormField path="disputeType" required>
            <Select options={options(disputeTypes)} showSearch={searchable} />
          </FormField>
        </Col>
        <Col span={8}>
          <FormField path="mediator" required>
            <Input maxLength={NAME_MAX} autoComplete="off" />
          </FormField>
        </Col>
        <Col span={8}>
          <FormField path="mediatedOn" required>
            <DatePicker format={DATE_FORMATS} placeholder={localDate()} style={{ width: '100%' }} />
          </FormField>
        </Col>
      </Row>
      <FormField path="summary" required>
        <Input.TextArea rows={3} maxLength={FACTS_MAX} showCount />
      </FormField>
      <FormField path="agreementContent" required>
        <Input.TextArea rows={3} maxLength={FACTS_MAX} showCount />
      </FormField>
      <Row gutter={16}>
        <Col span={8}>
          <FormField path="agreementAmountFen">
            <Input suffix="元" autoComplete="off" inputMode="decimal" placeholder="无给付内容的不填" />
          </FormField>
        </Col>
        <Col span={8}>
          <FormField path="performanceMethod" required>
            <Select options={options(PERFORMANCE_METHODS)} />
          </FormField>
        </Col>
        <Col span={8}>
          <FormField path="performanceDueOn">
            <DatePicker format={DATE_FORMATS} style={{ width: '100%' }} />
          </FormField>
        </Col>
      </Row>
      <Row gutter={16}>
        <Col span={8}>
          <FormField path="receivedBy" required>
            <Input maxLength={NAME_MAX} autoComplete="off" />
          </FormField>
        </Col>
        <Col span={8}>
          <FormField path="crimePrevention" valuePropName="checked">
            <Checkbox>属于防止民转刑案件</Checkbox>
          </FormField>
        </Col>
      </Row>
      <FormConflictCheck partiesOf={partiesOfQuickOral} onChange={conflicts.set} />
      <SubmitRow submission={submission} label="登记并结案" onCancel={() => navigate({ page: 'cases' })}>
        <AutosaveNote status={autosave.status} />
      </SubmitRow>
    </CheckedFormFrame>
  );
}
