// 案件详情: a registered legal-aid case, every field under the printed form's label, and the records of anyone
// who inquired about it or tried to interfere (三个规定).
import { Alert, Button, Descriptions, Space, Spin, Tag, Typography, type DescriptionsProps } from 'antd';
import { useEffect, useState, type ReactNode } from 'react';
import type { LegalAidCase } from '../../shared/contract';
import { LEGAL_AID_LABELS } from '../../shared/legalAid/application';
import { LEGAL_AID_STATUS_LABELS } from '../../shared/legalAid/options';
import { errorMessage, useApi } from '../app/apiContext';
import { formatDate, formatMoment, formatMoney } from '../app/format';
import { InterferenceRecords } from './InterferenceRecords';

type Items = NonNullable<DescriptionsProps['items']>;
const label = (path: string) => LEGAL_AID_LABELS[path] ?? path;
const item = (path: string, children: ReactNode, span?: number): Items[number] => ({ key: path, label: label(path), children, ...(span ? { span } : {}) });
const orNone = (s: string) => s || '—';

function Section({ title, items }: { title: string; items: Items }) {
  return <Descriptions title={title} bordered size="small" column={2} items={items} className="detail-section" />;
}

interface Props {
  id: number;
  /** The number just assigned, when the clerk arrives here from saving the application. */
  justRegistered?: string | null;
  onBack(): void;
}

export function CaseDetailPage({ id, justRegistered, onBack }: Props) {
  const api = useApi();
  const [record, setRecord] = useState<LegalAidCase | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    setRecord(null);
    setFailure(null);
    api.call('legalAid.get', { id }).then(
      (found) => live && setRecord(found),
      (error: unknown) => live && setFailure(errorMessage(error)),
    );
    return () => {
      live = false;
    };
  }, [api, id]);

  const back = <Button onClick={onBack}>返回案件列表</Button>;
  if (failure) return <Alert type="error" showIcon title={failure} action={back} />;
  if (!record) return <Spin description="正在读取案件" />;

  const app = record.application;
  const { applicant, agent, finance } = app;
  return (
    <div className="page case-detail">
      {justRegistered && <Alert className="page-alert" type="success" showIcon title={`申请已登记，案号 ${justRegistered}`} />}
      <Space align="baseline" wrap>
        <Typography.Title level={3} className="case-number">
          {record.caseNumber}
        </Typography.Title>
        <Tag color="blue">{LEGAL_AID_STATUS_LABELS[record.status] ?? record.status}</Tag>
        {back}
      </Space>
      <Typography.Paragraph type="secondary">
        法律援助 · 登记于 {formatMoment(record.createdAt)}
        {record.updatedAt !== record.createdAt ? ` · 最后修改于 ${formatMoment(record.updatedAt)}` : ''}
      </Typography.Paragraph>

      <Section
        title="申请人"
        items={[
          item('applicant.name', applicant.name),
          item('applicant.sex', applicant.sex),
          item('applicant.ethnicity', applicant.ethnicity),
          item('applicant.birthDate', formatDate(applicant.birthDate)),
          item('applicant.idType', applicant.idType),
          item('applicant.idNumber', applicant.idNumber),
          item('applicant.householdAddress', applicant.householdAddress),
          item('applicant.residence', orNone(applicant.residence)),
          item('applicant.phone', applicant.phone),
          item('applicant.employer', orNone(applicant.employer)),
          item('applicant.lacksCapacity', applicant.lacksCapacity ? '是' : '否'),
          item('applicantGroups', app.applicantGroups.length ? app.applicantGroups.join('、') : '—'),
        ]}
      />
      <Section
        title="代理人"
        items={
          agent
            ? [
                item('agent.name', agent.name),
                item('agent.relation', agent.relation),
                item('agent.idNumber', agent.idNumber),
                item('agent.phone', agent.phone),
              ]
            : [item('agent', '无', 2)]
        }
      />
      <Section
        title="对方当事人"
        items={
          app.opposingParties.length
            ? app.opposingParties.flatMap((p, i) => [
                { ...item('opposingParties.*.name', p.name), key: `p${i}.name` },
                { ...item('opposingParties.*.idNumber', orNone(p.idNumber)), key: `p${i}.id` },
              ])
            : [item('opposingParties', '无', 2)]
        }
      />
      <Section
        title="案件信息"
        items={[
          item('category', app.category),
          item('serviceForm', app.serviceForm),
          item('matter', app.matter, 2),
          item('proceedingStage', orNone(app.proceedingStage)),
          item('handlingAuthority', orNone(app.handlingAuthority)),
          item('facts', <span className="facts">{app.facts}</span>, 2),
        ]}
      />
      <Section
        title="经济状况"
        items={[
          item('finance.householdSize', finance.householdSize === null ? '—' : `${finance.householdSize} 人`),
          item('finance.monthlyIncomePerCapitaFen', finance.monthlyIncomePerCapitaFen === null ? '—' : formatMoney(finance.monthlyIncomePerCapitaFen)),
          item('finance.basis', finance.basis),
          ...(finance.basis === '免予核查' ? [item('finance.exemptReason', finance.exemptReason)] : []),
        ]}
      />
      <Section title="受理" items={[item('receivedOn', formatDate(app.receivedOn)), item('receivedBy', app.receivedBy)]} />
      <InterferenceRecords caseId={record.id} />
    </div>
  );
}
