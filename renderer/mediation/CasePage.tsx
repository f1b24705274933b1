// 人民调解案件: the registration (parties, dispute, mediators), what has been done (records, outcome, agreement,
// performance, follow-ups, judicial confirmation, subsidy), its time limits, the actions possible today (each a
// small form in a dialog), the timeline, and the interference records every case has.
import { followUpSummary } from '../../shared/followUp/form';
import { Alert, Button, Descriptions, Space, Spin, Table, Tag, Typography, type DescriptionsProps } from 'antd';
import { memo, useCallback, type ReactNode } from 'react';
import type {
  MediationCase,
  MediationCaseDeadlines,
  MediationDeadline,
  MediationPartyRecord,
} from '../../shared/contract';
import { MEDIATION_LABELS } from '../../shared/kinds/mediation/intake';
import { PARTY_KIND_LABELS } from '../../shared/kinds/mediation/options';
import { useApi } from '../app/apiContext';
import { useMay } from '../app/currentUser';
import { formatDate, formatMoment, formatMoney } from '../app/format';
import { CaseTimeline } from '../cases/CaseTimeline';
import { useCaseRecord } from '../cases/useCaseRecord';
import { InterferenceRecords } from '../interference/InterferenceRecords';
import { DueStatusTag } from '../cases/DeadlineList';
import { MEDIATION_ACTION_TABLE } from '../../shared/kinds/mediation/actions';
import type { MediationAction, MediationActionOption } from '../../shared/kinds/mediation/lifecycle';
import { ActionButtons, ActionDialog } from '../forms/ActionDialog';
import { MEDIATION_ACTION_FORMS } from './actionFields';
import { IdNumberText } from '../cases/IdNumberText';

type Items = NonNullable<DescriptionsProps['items']>;
const label = (path: string) => MEDIATION_LABELS[path] ?? path;
const item = (key: string, name: string, children: ReactNode, span?: number): Items[number] => ({
  key,
  label: name,
  children,
  ...(span ? { span } : {}),
});
const orNone = (s: string) => s || '—';
const text = (s: string) => <span className="facts">{orNone(s)}</span>;

function Section({ title, items }: { title: string; items: Items }) {
  return (
    <section aria-label={title}>
      <Descriptions title={title} bordered size="small" column={2} items={items} className="detail-section" />
    </section>
  );
}

function partyItems(p: MediationPartyRecord, i: number): Items {
  const k = (f: string) => `p${i}.${f}`;
  const common = [
    item(k('kind'), '当事人类型', PARTY_KIND_LABELS[p.kind]),
    item(k('name'), label('parties.*.name'), p.name),
  ];
  if (p.kind === 'organisation') {
    return [
      ...common,
      item(k('code'), label('parties.*.creditCode'), <IdNumberText value={p.creditCode} />),
      item(k('rep'), label('parties.*.legalRepresentative'), orNone(p.legalRepresentative)),
      item(k('address'), label('parties.*.address'), orNone(p.address)),
      item(k('phone'), label('parties.*.phone'), orNone(p.phone)),
    ];
  }
  return [
    ...common,
    item(k('id'), label('parties.*.idNumber'), <IdNumberText value={p.idNumber} />),
    item(k('sex'), label('parties.*.sex'), orNone(p.sex)),
    item(k('birth'), label('parties.*.birthDate'), orNone(formatDate(p.birthDate))),
    item(k('eth'), label('parties.*.ethnicity'), orNone(p.ethnicity)),
    item(k('address'), label('parties.*.address'), orNone(p.address)),
    item(k('phone'), label('parties.*.phone'), orNone(p.phone)),
    item(k('occ'), label('parties.*.occupation'), orNone(p.occupation), 2),
  ];
}

/** Memoized: a busy case has dozens of records here, and the page renders again when its limits arrive. */
const ProgressSection = memo(function ProgressSection({ record }: { record: MediationCase }) {
  const f = record.facts;
  const items: Items = [];
  f.investigations.forEach((r, i) =>
    items.push(
      item(
        `inv${i}`,
        `调查记录（${formatDate(r.on)}）`,
        text(
          `${r.investigator}${r.subject ? ` 调查 ${r.subject}` : ''}${r.place ? `，地点：${r.place}` : ''}\n${r.content}`,
        ),
        2,
      ),
    ),
  );
  f.sessions.forEach((r, i) =>
    items.push(
      item(
        `ses${i}`,
        `调解记录（${formatDate(r.on)}）`,
        text(`${r.place ? `地点：${r.place}　` : ''}${r.attendees ? `参加人员：${r.attendees}` : ''}\n${r.content}`),
        2,
      ),
    ),
  );
  if (f.extension)
    items.push(item('ext', '延长调解期限', `延长至${formatDate(f.extension.extendedTo)}（${f.extension.reason}）`, 2));
  if (f.outcome) items.push(item('outcome', '调解结果', `${f.outcome.result}（${formatDate(f.outcome.on)}）`, 2));
  if (f.agreement) {
    const a = f.agreement;
    items.push(
      item('form', '协议形式', `${a.form}协议`),
      item('number', '调解协议书编号', orNone(a.agreementNumber)),
      item('content', '协议内容', text(a.content), 2),
      item('amount', '协议金额', formatMoney(a.amountFen)),
      item('effective', '协议生效日期', formatDate(a.effectiveOn)),
      item('method', '履行方式', a.performanceMethod),
      item('due', '履行期限', orNone(formatDate(a.performanceDueOn))),
    );
  }
  if (f.failure)
    items.push(
      item(
        'fail',
        '调解不成功原因',
        text(`${f.failure.reason}\n已告知的其他途径：${f.failure.routesTold.join('、')}`),
        2,
      ),
    );
  if (f.termination)
    items.push(item('term', '终止调解', text(`${f.termination.reason}：${f.termination.explanation}`), 2));
  if (f.performance)
    items.push(
      item(
        'perf',
        '履行情况',
        `${f.performance.state}（${formatDate(f.performance.on)}）${f.performance.note ? `：${f.performance.note}` : ''}`,
        2,
      ),
    );
  f.followUps.forEach((r, i) => items.push(item(`fu${i}`, `回访（${formatDate(r.on)}）`, text(followUpSummary(r)), 2)));
  if (f.confirmation) {
    const c = f.confirmation;
    items.push(
      item('confApplied', '申请司法确认', `${formatDate(c.appliedOn)} 向${c.court}申请`),
      item(
        'confResult',
        '司法确认结果',
        c.result
          ? `${c.result.result}（${formatDate(c.result.on)}${c.result.rulingNumber ? `，${c.result.rulingNumber}` : ''}）`
          : '待裁定',
      ),
    );
  }
  if (f.outcome?.result === '调解成功') items.push(item('crime', '防止民转刑', f.crimePrevention ? '是' : '否'));
  if (f.subsidy) {
    const s = f.subsidy;
    items.push(
      item(
        'subsidy',
        '以奖代补补贴',
        `${formatMoney(s.amountFen)}（${s.manual ? '按实际金额' : `按${s.form}调解案件补贴标准`}）${s.note ? `：${s.note}` : ''}`,
      ),
    );
  }
  if (f.archivedOn) items.push(item('archived', '归档日期', formatDate(f.archivedOn)));
  return items.length ? <Section title="办理情况" items={items} /> : null;
});

function DeadlineTable({ deadlines }: { deadlines: MediationDeadline[] }) {
  return (
    <section className="detail-section" aria-label="办理期限">
      <Typography.Title level={4}>办理期限</Typography.Title>
      <Table<MediationDeadline>
        rowKey="key"
        size="small"
        pagination={false}
        dataSource={deadlines}
        locale={{ emptyText: '本案没有正在计算的期限' }}
        columns={[
          { title: '期限', dataIndex: 'label', key: 'label' },
          { title: '起算', key: 'start', render: (_, d) => `${d.startsFrom}（${formatDate(d.startedOn)}）` },
          { title: '届满日期', key: 'due', className: 'nowrap', render: (_, d) => formatDate(d.due) },
          {
            title: '完成日期',
            key: 'done',
            className: 'nowrap',
            render: (_, d) => (d.doneOn ? formatDate(d.doneOn) : '—'),
          },
          { title: '情况', key: 'status', render: (_, d) => <DueStatusTag status={d.status} /> },
          { title: '依据', dataIndex: 'source', key: 'source' },
        ]}
      />
    </section>
  );
}

interface Props {
  id: number;
  justRegistered?: string | null;
  /** The case as the page that found its kind read it: not asked again. */
  initialRecord?: MediationCase;
  onBack(): void;
}

export function MediationCasePage({ id, justRegistered, initialRecord, onBack }: Props) {
  const api = useApi();
  const mayAct = useMay('mediation.investigate');
  const { record, deadlines, failure, version, acted } = useCaseRecord<MediationCase, MediationCaseDeadlines>(
    useCallback(() => api.call('mediation.get', { id }), [api, id]),
    useCallback(() => api.call('mediation.deadlines', { id }), [api, id]),
    initialRecord,
  );

  const back = <Button onClick={onBack}>返回案件列表</Button>;
  if (failure) return <Alert type="error" showIcon title={failure} action={back} />;
  if (!record) return <Spin description="正在读取案件" />;

  const reg = record.registration;
  const dialog = ({ action, label: title }: { action: MediationAction; label: string }, close: () => void) => (
    <ActionDialog
      key={action}
      title={title}
      name={`mediation-${action}`}
      caseId={record.id}
      form={MEDIATION_ACTION_FORMS[action](record.facts)}
      spec={MEDIATION_ACTION_TABLE[action]}
      fixed={{ caseId: record.id }}
      submitLabel="保存"
      send={async (payload) => {
        acted(await api.call(`mediation.${action}`, payload as never));
      }}
      onDone={close}
      onCancel={close}
    />
  );

  return (
    <div className="page case-detail mediation-case">
      {justRegistered && (
        <Alert className="page-alert" type="success" showIcon title={`纠纷已登记，案号 ${justRegistered}`} />
      )}
      <Space align="baseline" wrap>
        <Typography.Title level={3} className="case-number">
          {record.caseNumber}
        </Typography.Title>
        <Tag color="blue" data-testid="case-status">
          {record.statusLabel}
        </Tag>
        {record.simple && <Tag>口头调解登记</Tag>}
        {back}
      </Space>
      <Typography.Paragraph type="secondary">
        人民调解 · {record.title} · 登记于 {formatMoment(record.createdAt)}
      </Typography.Paragraph>

      <section className="detail-section" aria-label="可进行的操作">
        <Typography.Title level={4}>办理</Typography.Title>
        {mayAct ? (
          <ActionButtons
            choices={record.available}
            emptyText="本案当前没有可进行的操作"
            dialog={(c, close) => dialog(c as MediationActionOption, close)}
          />
        ) : (
          <Typography.Text type="secondary">当前角色只能查看</Typography.Text>
        )}
      </section>

      <Section title="当事人" items={reg.parties.flatMap(partyItems)} />
      <Section
        title="纠纷情况"
        items={[
          item('source', label('source'), reg.source),
          item('sourceDetail', label('sourceDetail'), orNone(reg.sourceDetail)),
          item('committee', label('committee'), reg.committee),
          item('disputeType', label('disputeType'), reg.disputeType),
          item('summary', label('summary'), text(reg.summary), 2),
          item('requests', label('requests'), text(reg.requests), 2),
          item('amountFen', label('amountFen'), formatMoney(reg.amountFen)),
          item('peopleCount', label('peopleCount'), `${reg.peopleCount} 人`),
          item('major', label('major'), reg.major ? '是' : '否'),
          item('mass', label('mass'), reg.mass ? '是' : '否'),
          item('mediators', label('mediators'), reg.mediators.join('、')),
          item('receivedOn', label('receivedOn'), formatDate(reg.receivedOn)),
          item('receivedBy', label('receivedBy'), reg.receivedBy),
        ]}
      />
      <ProgressSection record={record} />
      {deadlines && <DeadlineTable deadlines={deadlines.deadlines} />}
      <CaseTimeline caseId={record.id} kind="mediation" version={version} />
      <InterferenceRecords caseId={record.id} />
    </div>
  );
}
