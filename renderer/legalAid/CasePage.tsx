// 法律援助案件: where the case stands (its stage and what has been decided), what may be done now (each action a
// small form in a dialog; those that may not, with the reason), its time limits, the eligibility verdict, the
// timeline, the application as registered, conflict checks, and the interference records every case has.
import { Alert, Button, Collapse, Descriptions, Space, Spin, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import type { LegalAidCase, LegalAidDeadline, LegalAidProgress } from '../../shared/contract';
import { localDate } from '../../shared/dates';
import { LEGAL_AID_ACTION_TABLE } from '../../shared/kinds/legalAid/actions';
import { MATTER_TYPE_LABELS, PROVISIONAL_GROUND_LABELS } from '../../shared/kinds/legalAid/eligibility';
import {
  actionProblem,
  LEGAL_AID_ACTION_LABELS,
  LEGAL_AID_ACTIONS,
  LEGAL_AID_STATUS_LABELS,
  type LegalAidAction,
} from '../../shared/kinds/legalAid/lifecycle';
import { errorMessage, useApi } from '../app/apiContext';
import { useMay } from '../app/currentUser';
import { formatDate, formatMoment, formatMoney } from '../app/format';
import { CaseConflicts } from '../cases/ConflictCheck';
import { CaseTimeline } from '../cases/CaseTimeline';
import { DeadlineList } from '../cases/DeadlineList';
import { InterferenceRecords } from '../interference/InterferenceRecords';
import { ActionDialog } from '../forms/ActionDialog';
import { LEGAL_AID_ACTION_FORMS } from './actionFields';
import { ApplicationFacts } from './ApplicationFacts';
import { EligibilityPanel } from './EligibilityPanel';

interface Props {
  id: number;
  /** The number just assigned, when the clerk arrives here from saving the application. */
  justRegistered?: string | null;
  /** The case as already read (by the page that found its kind), so it is not asked for twice. */
  initialRecord?: LegalAidCase;
  onBack(): void;
}

function Summary({ progress }: { progress: LegalAidProgress }) {
  const { facts } = progress;
  const items = [
    ...(facts.materials
      ? [
          {
            key: 'materials',
            label: '一次性告知',
            children: `${formatDate(facts.materials.notifiedOn)}告知补充：${facts.materials.items.join('、')}（期限${formatDate(facts.materials.dueOn)}${facts.materials.suppliedOn ? `，${formatDate(facts.materials.suppliedOn)}已补齐` : ''}）`,
          },
        ]
      : []),
    ...(facts.decision
      ? [
          {
            key: 'decision',
            label: '审查决定',
            children: `${formatDate(facts.decision.on)} ${facts.decision.decidedBy}决定${facts.decision.decision}（${MATTER_TYPE_LABELS[facts.decision.matterType] ?? facts.decision.matterType}）`,
          },
        ]
      : []),
    ...(facts.provisional
      ? [
          {
            key: 'provisional',
            label: '先行提供',
            children: `${formatDate(facts.provisional.on)} ${PROVISIONAL_GROUND_LABELS[facts.provisional.ground] ?? facts.provisional.ground}`,
          },
        ]
      : []),
    ...(facts.assignment
      ? [
          {
            key: 'assignment',
            label: '承办',
            children: `${facts.assignment.orgName} ${facts.assignment.personName}（${formatDate(facts.assignment.on)}指派）`,
          },
        ]
      : []),
    ...(facts.closing
      ? [
          {
            key: 'closing',
            label: '结案',
            children: `${formatDate(facts.closing.on)}结案，事项办结于${formatDate(facts.closing.matterEndedOn)}`,
          },
        ]
      : []),
    ...(facts.termination
      ? [
          {
            key: 'termination',
            label: '终止',
            children: `${formatDate(facts.termination.on)} ${facts.termination.reason}`,
          },
        ]
      : []),
    ...(facts.subsidy
      ? [
          {
            key: 'subsidy',
            label: '办案补贴',
            children: `${formatMoney(facts.subsidy.amountFen)}（${formatDate(facts.subsidy.paidOn)}发放）`,
          },
        ]
      : []),
    ...(facts.archivedOn ? [{ key: 'archived', label: '归档', children: formatDate(facts.archivedOn) }] : []),
  ];
  if (items.length === 0) return null;
  return <Descriptions className="detail-section" title="办理概况" bordered size="small" column={1} items={items} />;
}

function Actions({ progress, onOpen }: { progress: LegalAidProgress; onOpen(action: LegalAidAction): void }) {
  const today = localDate();
  const available = new Set(progress.available.map((a) => a.action));
  const blocked = LEGAL_AID_ACTIONS.filter((a) => !available.has(a)).map((action) => ({
    action,
    reason: actionProblem(progress.facts, action, { today }) ?? '目前不能进行',
  }));
  return (
    <section className="detail-section case-actions" aria-label="可进行的操作">
      <Typography.Title level={4}>可进行的操作</Typography.Title>
      {progress.available.length === 0 ? (
        <Typography.Paragraph type="secondary">本案目前没有可进行的操作。</Typography.Paragraph>
      ) : (
        <Space wrap>
          {progress.available.map((a) => (
            <Button key={a.action} type="primary" ghost onClick={() => onOpen(a.action)}>
              {a.label}
            </Button>
          ))}
        </Space>
      )}
      {blocked.length > 0 && (
        <Collapse
          ghost
          size="small"
          items={[
            {
              key: 'blocked',
              label: `暂不能进行的操作（${blocked.length}）`,
              children: (
                <ul className="blocked-actions" style={{ listStyle: 'none', paddingInlineStart: 0 }}>
                  {blocked.map((b) => (
                    <li key={b.action} data-testid={`blocked-${b.action}`}>
                      <Space wrap>
                        <Button size="small" disabled>
                          {LEGAL_AID_ACTION_LABELS[b.action]}
                        </Button>
                        <Typography.Text type="secondary">{b.reason}</Typography.Text>
                      </Space>
                    </li>
                  ))}
                </ul>
              ),
            },
          ]}
        />
      )}
    </section>
  );
}

/** One read of the page, kept apart from the others so that one failing leaves the rest of the page readable. */
function useRead<T>(read: () => Promise<T>, version: number, initial?: T): { value: T | null; failure: string | null } {
  const [state, setState] = useState<{ value: T | null; failure: string | null }>({
    value: initial ?? null,
    failure: null,
  });
  const [skipFirst] = useState(initial !== undefined);
  useEffect(() => {
    if (skipFirst && version === 0) return;
    let live = true;
    read().then(
      (value) => live && setState({ value, failure: null }),
      (error: unknown) => live && setState((prev) => ({ value: prev.value, failure: errorMessage(error) })),
    );
    return () => {
      live = false;
    };
  }, [read, version, skipFirst]);
  return state;
}

export function LegalAidCasePage({ id, justRegistered, initialRecord, onBack }: Props) {
  const api = useApi();
  const mayAct = useMay('legalAid.decide');
  const [version, setVersion] = useState(0);
  const [open, setOpen] = useState<LegalAidAction | null>(null);
  /** The 事项类型 the verdict found, for the decision form to start from; undefined while it is being asked. */
  const [suggestedMatterType, setSuggestedMatterType] = useState<string | null | undefined>(null);

  const record = useRead(
    useCallback(() => api.call('legalAid.get', { id }), [api, id]),
    version,
    initialRecord,
  );
  const progress = useRead<LegalAidProgress>(
    useCallback(() => api.call('legalAid.actions', { caseId: id }), [api, id]),
    version,
  );
  const deadlines = useRead<LegalAidDeadline[]>(
    useCallback(() => api.call('legalAid.deadlines', { caseId: id }), [api, id]),
    version,
  );

  const openAction = (action: LegalAidAction) => {
    setOpen(action);
    if (action !== 'decide') return;
    // The decision form starts from the 事项类型 the verdict found (the clerk checks it).
    setSuggestedMatterType(undefined);
    api
      .call('legalAid.eligibility', {
        caseId: id,
        matterType: null,
        mandatoryDefenceGrounds: null,
        limitEndsOn: null,
        urgentPreservation: null,
      })
      .then(
        (r) => setSuggestedMatterType(r.matterType),
        () => setSuggestedMatterType(null),
      );
  };

  const back = <Button onClick={onBack}>返回案件列表</Button>;
  if (!record.value) {
    return record.failure ? (
      <Alert type="error" showIcon title={record.failure} action={back} />
    ) : (
      <Spin description="正在读取案件" />
    );
  }
  const { application } = record.value;
  const sectionFailure = (failure: string | null) =>
    failure && <Alert className="page-alert" type="error" showIcon title={failure} />;

  return (
    <div className="page case-detail legal-aid-case">
      {justRegistered && (
        <Alert className="page-alert" type="success" showIcon title={`申请已登记，案号 ${justRegistered}`} />
      )}
      <Space align="baseline" wrap>
        <Typography.Title level={3} className="case-number">
          {record.value.caseNumber}
        </Typography.Title>
        <Tag color="blue" data-testid="case-status">
          {progress.value?.statusLabel ?? LEGAL_AID_STATUS_LABELS[record.value.status] ?? record.value.status}
        </Tag>
        {back}
      </Space>
      <Typography.Paragraph type="secondary">
        法律援助 · {application.applicant.name} · {application.matter} · 登记于 {formatMoment(record.value.createdAt)}
        {record.value.updatedAt !== record.value.createdAt
          ? ` · 最后修改于 ${formatMoment(record.value.updatedAt)}`
          : ''}
      </Typography.Paragraph>

      {sectionFailure(progress.failure)}
      {mayAct && progress.value && <Actions progress={progress.value} onOpen={openAction} />}
      {progress.value && <Summary progress={progress.value} />}
      {sectionFailure(deadlines.failure)}
      {deadlines.value && (
        <DeadlineList rows={deadlines.value.map((d) => ({ ...d, key: `${d.key}-${d.startedOn}` }))} />
      )}
      <EligibilityPanel caseId={id} version={version} onChanged={() => setVersion((v) => v + 1)} />
      <CaseTimeline caseId={id} kind="legal_aid" version={version} />
      <ApplicationFacts application={application} />
      <CaseConflicts caseId={id} />
      <InterferenceRecords caseId={id} />

      {open && progress.value && (open !== 'decide' || suggestedMatterType !== undefined) && (
        <ActionDialog
          key={`${open}-${version}`}
          title={LEGAL_AID_ACTION_LABELS[open]}
          name={`legalAid-${open}`}
          caseId={id}
          form={LEGAL_AID_ACTION_FORMS[open](record.value)}
          spec={LEGAL_AID_ACTION_TABLE[open]}
          fixed={{ caseId: id }}
          defaults={open === 'decide' && suggestedMatterType ? { matterType: suggestedMatterType } : {}}
          lastActedOn={progress.value.facts.lastActedOn}
          submitLabel="确定"
          send={async (payload) => {
            await api.call(`legalAid.${open}`, payload as never);
          }}
          onCancel={() => setOpen(null)}
          onDone={() => {
            setOpen(null);
            setVersion((v) => v + 1);
          }}
        />
      )}
    </div>
  );
}
