// 援助条件审查: the verdict on a legal-aid case, part by part, each with the article behind it; the warnings the
// clerk should check; every override with who made it and the written reason. A director (the roles
// legalAid.overrideEligibility allows) may override a part, only with a written reason.
import { Alert, Button, Card, Descriptions, Input, Radio, Select, Space, Spin, Tag, Typography } from 'antd';
import { useEffect, useState, type ReactNode } from 'react';
import { contract, type ChannelInput, type EligibilityOverride, type EligibilityReport } from '../../shared/contract';
import {
  ELIGIBILITY_CONCLUSIONS,
  ELIGIBILITY_PARTS,
  MATTER_TYPE_LABELS,
  type EligibilityPart,
} from '../../shared/kinds/legalAid/eligibility';
import { errorMessage, useApi } from '../app/apiContext';
import { useMay } from '../app/currentUser';
import { formatMoment } from '../app/format';
import { CheckedFormFrame, schemaIssues, SubmitRow, useCheckedForm, useSubmit } from '../forms/checkedForm';
import { FormField } from '../forms/FormField';

/** The channel's own schema and labels: the form says what the main process would. */
const OVERRIDE = contract['legalAid.overrideEligibility'];
type OverrideValues = { part: string | undefined; conclusion: string | undefined; reason: string };

const SOURCE_LABELS: Record<EligibilityReport['matterTypeSource'], string> = {
  given: '按所选',
  recorded: '按审查决定',
  inferred: '根据案由推断',
  unknown: '未能确定',
};

function verdictTag(ok: boolean | null, yes: string, no: string): ReactNode {
  if (ok === null) return <Tag>待定</Tag>;
  return <Tag color={ok ? 'green' : 'red'}>{ok ? yes : no}</Tag>;
}

function Part({
  part,
  verdict,
  reason,
  article,
  override,
}: {
  part: EligibilityPart;
  verdict: ReactNode;
  reason: string;
  article: string;
  override?: EligibilityOverride;
}) {
  return (
    <div className="eligibility-part" data-testid={`eligibility-${part}`}>
      <Space wrap>
        {verdict}
        <Typography.Text>{reason}</Typography.Text>
      </Space>
      <div>
        <Typography.Text type="secondary">依据：{article}</Typography.Text>
      </div>
      {override && (
        <Alert
          type="warning"
          showIcon
          className="eligibility-override"
          title={`改变认定为“${override.conclusion}”（${override.username}，${formatMoment(override.recordedAt)}）`}
          description={`书面理由：${override.reason}`}
        />
      )}
    </div>
  );
}

function OverrideForm({ caseId, onSaved, onCancel }: { caseId: number; onSaved(): void; onCancel(): void }) {
  const api = useApi();
  const payload = (v: OverrideValues) =>
    ({
      caseId,
      part: v.part ?? '',
      conclusion: v.conclusion ?? '',
      reason: v.reason ?? '',
    }) as ChannelInput<'legalAid.overrideEligibility'>;
  const checked = useCheckedForm<OverrideValues>({
    formName: 'eligibilityOverride',
    labels: OVERRIDE.labels,
    initial: { part: undefined, conclusion: undefined, reason: '' },
    issuesOf: (v) => schemaIssues(OVERRIDE.input, payload(v), OVERRIDE.labels),
  });
  const submission = useSubmit(checked, async (v) => {
    await api.call('legalAid.overrideEligibility', payload(v));
    onSaved();
  });
  return (
    <Card size="small" title="改变认定（须书面说明理由）" className="detail-section">
      <CheckedFormFrame checked={checked}>
        <FormField path="part" required>
          <Select
            options={ELIGIBILITY_PARTS.map((p) => ({ value: p, label: p }))}
            showSearch={{ optionFilterProp: 'label' }}
            placeholder="请选择"
          />
        </FormField>
        <FormField path="conclusion" required group>
          <Radio.Group
            name="override-conclusion"
            options={ELIGIBILITY_CONCLUSIONS.map((c) => ({ value: c, label: c }))}
          />
        </FormField>
        <FormField path="reason" required>
          <Input.TextArea rows={3} maxLength={2000} showCount />
        </FormField>
        <SubmitRow submission={submission} label="记录认定" onCancel={onCancel} />
      </CheckedFormFrame>
    </Card>
  );
}

export function EligibilityPanel({
  caseId,
  version,
  onChanged,
}: {
  caseId: number;
  version: number;
  onChanged(): void;
}) {
  const api = useApi();
  const mayOverride = useMay('legalAid.overrideEligibility');
  const [report, setReport] = useState<EligibilityReport | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [overriding, setOverriding] = useState(false);

  useEffect(() => {
    let live = true;
    api
      .call('legalAid.eligibility', {
        caseId,
        matterType: null,
        mandatoryDefenceGrounds: null,
        limitEndsOn: null,
        urgentPreservation: null,
      })
      .then(
        (found) => {
          if (!live) return;
          setReport(found);
          setFailure(null);
        },
        (error: unknown) => live && setFailure(errorMessage(error)),
      );
    return () => {
      live = false;
    };
  }, [api, caseId, version]);

  if (failure) return <Alert className="page-alert" type="error" showIcon title={failure} />;
  if (!report) return <Spin description="正在审查援助条件" />;
  const { scope, financial, provisional, mandatoryDefence, overridden } = report;
  const financialOk = financial.test === 'notRequired' || financial.test === 'exemptFromVerification';
  const financialLabel: Record<typeof financial.test, string> = {
    notRequired: '不审查经济困难',
    exemptFromVerification: '免予核查',
    exemptIfNoFixedIncome: '无固定生活来源的免予核查',
    mustShow: '须核查经济困难',
  };
  return (
    <section className="detail-section eligibility" aria-label="援助条件审查">
      <Space align="baseline">
        <Typography.Title level={4}>援助条件审查</Typography.Title>
        {mayOverride && !overriding && <Button onClick={() => setOverriding(true)}>改变认定</Button>}
      </Space>
      <Descriptions
        bordered
        size="small"
        column={1}
        items={[
          {
            key: 'matterType',
            label: '事项类型',
            children: report.matterType
              ? `${MATTER_TYPE_LABELS[report.matterType]}（${SOURCE_LABELS[report.matterTypeSource]}）`
              : SOURCE_LABELS.unknown,
          },
          {
            key: 'scope',
            label: '事项范围',
            children: (
              <Part
                part="事项范围"
                verdict={verdictTag(scope.inScope, '属于援助范围', '不属于援助范围')}
                reason={scope.reason}
                article={scope.article}
                override={overridden['事项范围']}
              />
            ),
          },
          ...(mandatoryDefence
            ? [
                {
                  key: 'mandatoryDefence',
                  label: '通知辩护',
                  children: (
                    <Part
                      part="通知辩护"
                      verdict={verdictTag(mandatoryDefence.applies, '应当通知辩护', '依申请审查')}
                      reason={mandatoryDefence.reason}
                      article={mandatoryDefence.article}
                      override={overridden['通知辩护']}
                    />
                  ),
                },
              ]
            : []),
          {
            key: 'financial',
            label: '经济困难条件',
            children: (
              <Part
                part="经济困难条件"
                verdict={<Tag color={financialOk ? 'green' : 'gold'}>{financialLabel[financial.test]}</Tag>}
                reason={financial.reason}
                article={financial.article}
                override={overridden['经济困难条件']}
              />
            ),
          },
          {
            key: 'provisional',
            label: '先行提供条件',
            children: (
              <Part
                part="先行提供条件"
                verdict={verdictTag(provisional.grounds, '可以先行提供', '不具备先行提供情形')}
                reason={provisional.reason}
                article={provisional.article}
                override={overridden['先行提供条件']}
              />
            ),
          },
        ]}
      />
      {report.warnings.map((w) => (
        <Alert key={w} className="page-alert" type="warning" showIcon title={w} />
      ))}
      {overriding && (
        <OverrideForm
          caseId={caseId}
          onSaved={() => {
            setOverriding(false);
            onChanged();
          }}
          onCancel={() => setOverriding(false)}
        />
      )}
      {report.overrides.length > 1 && (
        <Typography.Paragraph type="secondary">
          认定记录：
          {report.overrides
            .map((o) => `${formatMoment(o.recordedAt)} ${o.username} 将“${o.part}”认定为“${o.conclusion}”：${o.reason}`)
            .join('；')}
        </Typography.Paragraph>
      )}
    </section>
  );
}
