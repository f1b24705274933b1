// The application of a legal-aid case as registered: every field under the printed form's label.
import { Descriptions, type DescriptionsProps } from 'antd';
import type { ReactNode } from 'react';
import type { LegalAidCase } from '../../shared/contract';
import { LEGAL_AID_LABELS } from '../../shared/kinds/legalAid/intake';
import { formatDate, formatMoney } from '../app/format';
import { IdNumberText } from '../cases/IdNumberText';

type Items = NonNullable<DescriptionsProps['items']>;
const label = (path: string) => LEGAL_AID_LABELS[path] ?? path;
const item = (path: string, children: ReactNode, span?: number): Items[number] => ({
  key: path,
  label: label(path),
  children,
  ...(span ? { span } : {}),
});
const orNone = (s: string) => s || '—';

function Section({ title, items }: { title: string; items: Items }) {
  return <Descriptions title={title} bordered size="small" column={2} items={items} className="detail-section" />;
}

export function ApplicationFacts({ application: app }: { application: LegalAidCase['application'] }) {
  const { applicant, agent, finance } = app;
  return (
    <>
      <Section
        title="申请人"
        items={[
          item('applicant.name', applicant.name),
          item('applicant.sex', applicant.sex),
          item('applicant.ethnicity', applicant.ethnicity),
          item('applicant.birthDate', formatDate(applicant.birthDate)),
          item('applicant.idType', applicant.idType),
          item('applicant.idNumber', <IdNumberText value={applicant.idNumber} />),
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
                item('agent.idNumber', <IdNumberText value={agent.idNumber} />),
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
                { ...item('opposingParties.*.idNumber', <IdNumberText value={p.idNumber} />), key: `p${i}.id` },
              ])
            : [item('opposingParties', '无', 2)]
        }
      />
      {app.notice && (
        <Section
          title="通知辩护（法律援助法第36条：收到通知后三日内指派，不经申请审查）"
          items={[
            item('notice.authority', app.notice.authority),
            item('notice.documentNumber', app.notice.documentNumber),
            item('notice.grounds', app.notice.grounds.join('、'), 2),
          ]}
        />
      )}
      <Section
        title="案件信息"
        items={[
          item('category', app.category),
          item('serviceForm', app.serviceForm),
          item('matter', app.matter, 2),
          ...(app.category === '刑事' ? [item('defenceGround', orNone(app.defenceGround))] : []),
          item('proceedingStage', orNone(app.proceedingStage)),
          item('handlingAuthority', orNone(app.handlingAuthority)),
          item('facts', <span className="facts">{app.facts}</span>, 2),
        ]}
      />
      <Section
        title="经济状况"
        items={[
          item('finance.householdSize', finance.householdSize === null ? '—' : `${finance.householdSize} 人`),
          item(
            'finance.monthlyIncomePerCapitaFen',
            finance.monthlyIncomePerCapitaFen === null ? '—' : formatMoney(finance.monthlyIncomePerCapitaFen),
          ),
          item('finance.basis', finance.basis || '不适用（不审查经济困难状况）'),
          ...(finance.basis === '免予核查' ? [item('finance.exemptReason', finance.exemptReason)] : []),
        ]}
      />
      <Section
        title="受理"
        items={[item('receivedOn', formatDate(app.receivedOn)), item('receivedBy', app.receivedBy)]}
      />
    </>
  );
}
