// 公证申请: the request as registered (applicants, agent, matter and its checklist, purpose, place of use), where it
// stands (forwarded, accepted with a 容缺 item, certificate, hand-over), its time limits, the steps possible now
// (each a small form for its action's channel), the timeline, and the interference records.
import { Alert, Button, Descriptions, List, Space, Spin, Tag, Typography, type DescriptionsProps } from 'antd';
import { useCallback, type ReactNode } from 'react';
import type { NotarizationCase, NotarizationCaseDeadlines } from '../../shared/contract';
import { NOTARIZATION_ACTION_TABLE } from '../../shared/kinds/notarization/actions';
import type { AllowedAction } from '../../shared/kinds/notarization/lifecycle';
import { APPLICANT_KIND_LABELS, UNREGISTERED_USE } from '../../shared/kinds/notarization/options';
import { NOTARIZATION_LABELS } from '../../shared/kinds/notarization/intake';
import { useApi } from '../app/apiContext';
import { useMay } from '../app/currentUser';
import { formatDate, formatMoment, formatMoney } from '../app/format';
import { CaseTimeline } from '../cases/CaseTimeline';
import { useCaseRecord } from '../cases/useCaseRecord';
import { DueStatusTag } from '../cases/DeadlineList';
import { ActionButtons, ActionDialog } from '../forms/ActionDialog';
import { InterferenceRecords } from '../interference/InterferenceRecords';
import { NOTARIZATION_ACTION_FORMS } from './actionFields';
import { IdNumberText } from '../cases/IdNumberText';

type Items = NonNullable<DescriptionsProps['items']>;
const label = (path: string) => NOTARIZATION_LABELS[path] ?? path;
const item = (key: string, name: string, children: ReactNode, span?: number): Items[number] => ({
  key,
  label: name,
  children,
  ...(span ? { span } : {}),
});
const orNone = (s: string) => s || '—';

function Section({ title, items }: { title: string; items: Items }) {
  return (
    <section aria-label={title}>
      <Descriptions title={title} bordered size="small" column={2} items={items} className="detail-section" />
    </section>
  );
}

function applicantItems(record: NotarizationCase): Items {
  return record.request.applicants.flatMap((a, i): Items => {
    const k = (f: string) => `a${i}.${f}`;
    if (a.kind === 'organisation') {
      return [
        item(k('kind'), label('applicants.*.kind'), APPLICANT_KIND_LABELS.organisation),
        item(k('name'), label('applicants.*.name'), a.name),
        item(k('code'), label('applicants.*.creditCode'), <IdNumberText value={a.creditCode} />),
        item(k('rep'), label('applicants.*.legalRepresentative'), a.legalRepresentative),
        item(k('phone'), label('applicants.*.phone'), orNone(a.phone), 2),
      ];
    }
    return [
      item(k('kind'), label('applicants.*.kind'), APPLICANT_KIND_LABELS.person),
      item(k('name'), label('applicants.*.name'), a.name),
      item(k('sex'), label('applicants.*.sex'), a.sex),
      item(k('birth'), label('applicants.*.birthDate'), formatDate(a.birthDate)),
      item(k('idType'), label('applicants.*.idType'), a.idType),
      item(
        k('id'),
        a.idType === '居民身份证' ? label('applicants.*.idNumber') : '证件号码',
        <IdNumberText value={a.idNumber} />,
      ),
      item(k('address'), label('applicants.*.address'), a.address),
      item(k('phone'), label('applicants.*.phone'), a.phone),
    ];
  });
}

function progressItems(record: NotarizationCase): Items {
  const p = record.progress;
  const items: Items = [];
  if (p.missingItems.length) items.push(item('missing', '待补正材料', p.missingItems.join('、'), 2));
  if (p.forwarded)
    items.push(item('forwarded', '转递公证处', `${p.forwarded.notaryOffice}（${formatDate(p.forwarded.on)}）`, 2));
  if (p.accepted)
    items.push(
      item(
        'accepted',
        '受理',
        `${formatDate(p.accepted.on)}${p.accepted.noticeNumber ? `，受理通知单 ${p.accepted.noticeNumber}` : ''}`,
        2,
      ),
    );
  if (p.deferred) {
    const d = p.deferred;
    items.push(
      item(
        'deferred',
        '容缺受理',
        `${d.item}：承诺于${formatDate(d.promisedOn)}前补交${d.commitmentSigned ? '（已签署书面承诺）' : ''}；${d.suppliedOn ? `已于${formatDate(d.suppliedOn)}补交` : '尚未补交'}`,
        2,
      ),
    );
  }
  p.pauses.forEach((pause, i) =>
    items.push(
      item(
        `pause${i}`,
        '期限中止',
        // 公证程序规则 第35条: the applicant is told of the stop (older stops have no record of it).
        `${pause.reason}：${formatDate(pause.from)} 至 ${pause.to ? formatDate(pause.to) : '今'}` +
          (pause.told ? `（${formatDate(pause.told.on)}${pause.told.how}当事人，公证程序规则第35条）` : ''),
        2,
      ),
    ),
  );
  if (p.certificate)
    items.push(
      item('certificate', '公证书', `${p.certificate.number}（${formatDate(p.certificate.issuedOn)}出证）`, 2),
    );
  if (p.delivery) {
    const d = p.delivery;
    items.push(
      item(
        'delivery',
        '送达',
        `${d.method}，签收人 ${d.recipient}（${formatDate(d.on)}）${d.receiptSigned ? '，已签收送达回执' : ''}`,
        2,
      ),
    );
  }
  if (p.ended)
    items.push(
      item(
        'ended',
        p.ended.action === 'refuse' ? '不予办理' : '终止公证',
        `${formatDate(p.ended.on)}：${p.ended.reason}`,
        2,
      ),
    );
  if (p.archived)
    items.push(
      item(
        'archived',
        '归档',
        `${formatDate(p.archived.on)}${p.archived.archiveNumber ? `，档案号 ${p.archived.archiveNumber}` : ''}`,
        2,
      ),
    );
  return items;
}

function DeadlineSection({ deadlines }: { deadlines: NotarizationCaseDeadlines }) {
  const { issue, deferredMaterials } = deadlines;
  const items: Items = [];
  if (issue) {
    items.push(
      item(
        'issue',
        issue.label,
        <Space wrap>
          <span>
            自{formatDate(issue.startsOn)}受理起{issue.length}个工作日，至{formatDate(issue.due)}
            {issue.paused ? '（期限中止中）' : ''}
            {issue.doneOn ? `；${formatDate(issue.doneOn)}出证` : ''}
          </span>
          <DueStatusTag status={issue.dueStatus} />
        </Space>,
        2,
      ),
    );
  }
  if (deferredMaterials) {
    items.push(
      item(
        'deferred',
        `${deferredMaterials.label}（${deferredMaterials.item}）`,
        <Space wrap>
          <span>
            承诺于{formatDate(deferredMaterials.due)}前补交
            {deferredMaterials.doneOn ? `；${formatDate(deferredMaterials.doneOn)}已补交` : ''}
          </span>
          <DueStatusTag status={deferredMaterials.dueStatus} />
        </Space>,
        2,
      ),
    );
  }
  if (items.length === 0) items.push(item('none', '办理期限', '公证处受理后开始计算出证期限', 2));
  return <Section title="办理期限" items={items} />;
}

interface Props {
  id: number;
  justRegistered?: string | null;
  /** The case as the page that found its kind read it: not asked again. */
  initialRecord?: NotarizationCase;
  onBack(): void;
}

export function NotarizationCasePage({ id, justRegistered, initialRecord, onBack }: Props) {
  const api = useApi();
  const mayAct = useMay('notarization.checkMaterials');
  const { record, deadlines, failure, version, acted } = useCaseRecord<NotarizationCase, NotarizationCaseDeadlines>(
    useCallback(() => api.call('notarization.get', { id }), [api, id]),
    useCallback(() => api.call('notarization.deadlines', { id }), [api, id]),
    initialRecord,
  );

  const back = <Button onClick={onBack}>返回案件列表</Button>;
  if (failure) return <Alert type="error" showIcon title={failure} action={back} />;
  if (!record) return <Spin description="正在读取案件" />;

  const req = record.request;
  const dialog = ({ action, label: title }: AllowedAction, close: () => void) => (
    <ActionDialog
      key={action}
      title={title}
      name={`notarization-${action}`}
      caseId={record.id}
      form={NOTARIZATION_ACTION_FORMS[action](record)}
      spec={NOTARIZATION_ACTION_TABLE[action]}
      fixed={{ caseId: record.id, data: {} }}
      submitLabel="保存"
      send={async (payload) => {
        acted(await api.call(`notarization.${action}`, payload as never));
      }}
      onDone={close}
      onCancel={close}
    />
  );

  return (
    <div className="page case-detail notarization-case">
      {justRegistered && (
        <Alert className="page-alert" type="success" showIcon title={`公证申请已登记，案号 ${justRegistered}`} />
      )}
      <Space align="baseline" wrap>
        <Typography.Title level={3} className="case-number">
          {record.caseNumber}
        </Typography.Title>
        <Tag color="blue" data-testid="case-status">
          {record.statusLabel}
        </Tag>
        {record.matter.oneVisit && <Tag color="green">最多跑一次</Tag>}
        {back}
      </Space>
      <Typography.Paragraph type="secondary">
        公证申请 · {record.matter.name} · {record.useScope === UNREGISTERED_USE ? '使用地未登记' : record.useScope} ·
        登记于 {formatMoment(record.createdAt)}
      </Typography.Paragraph>

      <section className="detail-section" aria-label="可进行的操作">
        <Typography.Title level={4}>办理</Typography.Title>
        {mayAct ? (
          <ActionButtons
            choices={record.allowedActions}
            emptyText="本案当前没有可进行的操作"
            dialog={(c, close) => dialog(c as AllowedAction, close)}
          />
        ) : (
          <Typography.Text type="secondary">当前角色只能查看</Typography.Text>
        )}
      </section>

      <Section title="申请人" items={applicantItems(record)} />
      <Section
        title="代理人"
        items={
          req.agent
            ? [
                item('agent.kind', label('agent.kind'), req.agent.kind),
                item('agent.name', label('agent.name'), req.agent.name),
                item('agent.idNumber', label('agent.idNumber'), <IdNumberText value={req.agent.idNumber} />),
                item('agent.phone', label('agent.phone'), req.agent.phone),
                item(
                  'agent.powerOfAttorney',
                  label('agent.powerOfAttorney'),
                  req.agent.powerOfAttorney ? '已提交' : '未提交',
                  2,
                ),
              ]
            : [item('agent', '代理人', '无（申请人本人申办）', 2)]
        }
      />
      <Section
        title="公证事项"
        items={[
          item('matter', label('matterCode'), `${record.matter.name}（${record.matter.category}）`, 2),
          item('purpose', label('purpose'), req.purpose),
          item(
            'placeOfUse',
            label('placeOfUse'),
            // An imported ledger's row that did not say: 未登记 once, not 未登记（未登记）.
            record.useScope === UNREGISTERED_USE ? UNREGISTERED_USE : `${req.placeOfUse}（${record.useScope}）`,
          ),
          item('copies', label('copies'), `${req.copies} 份`),
          item(
            'translation',
            label('needsTranslation'),
            req.needsTranslation ? `需要（${req.translationLanguage}）` : '不需要',
          ),
          item('pickupOn', label('pickupOn'), orNone(formatDate(req.pickupOn))),
          item('feeFen', label('feeFen'), formatMoney(req.feeFen)),
          item('receivedOn', label('receivedOn'), formatDate(req.receivedOn)),
          item('receivedBy', label('receivedBy'), req.receivedBy),
        ]}
      />
      <section className="detail-section" aria-label="材料清单">
        <Typography.Title level={4}>材料清单</Typography.Title>
        <List size="small" bordered dataSource={record.checklist} renderItem={(m) => <List.Item>{m}</List.Item>} />
      </section>
      {progressItems(record).length > 0 && <Section title="办理情况" items={progressItems(record)} />}
      {deadlines && <DeadlineSection deadlines={deadlines} />}
      <CaseTimeline caseId={record.id} kind="notarization" version={version} />
      <InterferenceRecords caseId={record.id} />
    </div>
  );
}
