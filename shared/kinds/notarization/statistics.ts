// What the periodic report counts of a notarization request (../shared/domain/statistics.md): its statistics facts,
// read from the request and the timeline, their schema for facts from outside, and the 公证申请 section's indicators.
import { z } from 'zod';
import {
  caseFactsBaseShape,
  day,
  label,
  overdue,
  type CaseFactsBase,
  type KindIndicator,
} from '../../statistics/facts';
import type { KindStatistics } from '../kind';
import type { NotarizationDetail } from './detail';
import type { NotarizationFacts } from './lifecycle';

export interface NotarizationCaseFacts extends CaseFactsBase {
  kind: 'notarization';
  /** 公证事项 as the catalogue had it at intake. */
  matterName: string;
  matterCategory: string;
  forwardedOn: string | null;
  acceptedOn: string | null;
  issuedOn: string | null;
  deliveredOn: string | null;
  /** 容缺受理: the item's due date and the day it came (null while outstanding or never supplied). */
  deferred: { dueOn: string; suppliedOn: string | null } | null;
}

const LIMIT_KEYS = ['notarizationIssue'] as const;

const schema: z.ZodType<NotarizationCaseFacts> = z.strictObject({
  ...caseFactsBaseShape(LIMIT_KEYS),
  kind: z.literal('notarization'),
  matterName: label,
  matterCategory: label,
  forwardedOn: day.nullable(),
  acceptedOn: day.nullable(),
  issuedOn: day.nullable(),
  deliveredOn: day.nullable(),
  deferred: z.strictObject({ dueOn: day, suppliedOn: day.nullable() }).nullable(),
});

const factsOf: KindStatistics<NotarizationFacts, NotarizationDetail, NotarizationCaseFacts>['factsOf'] = ({
  base,
  facts: { progress: p },
  detail,
  timeline,
  limits,
  completeAt,
}) => ({
  ...base,
  kind: 'notarization',
  matterName: detail?.matter_name ?? '',
  matterCategory: detail?.matter_category ?? '',
  // The clerk who handles a request is not recorded on it.
  handler: '',
  forwardedOn: p.forwarded?.on ?? null,
  acceptedOn: p.accepted?.on ?? null,
  issuedOn: p.certificate?.issuedOn ?? null,
  deliveredOn: p.delivery?.on ?? null,
  closedOn: p.delivery?.on ?? null,
  // The 容缺 item is due on the very day promised (a promised date is not a period).
  deferred: p.deferred ? { dueOn: p.deferred.promisedOn, suppliedOn: p.deferred.suppliedOn } : null,
  limits: [...limits],
  missingNoticeDates: timeline
    .filter(
      (a) =>
        (a.action === 'checkMaterials' || a.action === 'suspend') &&
        Array.isArray(a.data.missingItems) &&
        a.data.missingItems.length > 0,
    )
    .map((a) => a.actedOn),
  // The dossier is checked at 归档.
  dossierCompleteAtClosing: completeAt('archive', base.status === 'archived' && p.delivery !== null),
});

const section = 'notarization';
const INDICATORS: readonly KindIndicator<NotarizationCaseFacts>[] = [
  {
    key: 'notarization.received',
    label: '受理申请',
    section,
    unit: '件',
    aggregate: 'sum',
    events: (f, emit) => emit(f.receivedOn),
  },
  {
    key: 'notarization.forwarded',
    label: '转递公证处',
    section,
    unit: '件',
    aggregate: 'sum',
    events: (f, emit) => emit(f.forwardedOn),
  },
  {
    key: 'notarization.issued',
    label: '出具公证书',
    section,
    unit: '件',
    aggregate: 'sum',
    events: (f, emit) => emit(f.issuedOn),
  },
  {
    key: 'notarization.delivered',
    label: '送达当事人',
    section,
    unit: '件',
    aggregate: 'sum',
    events: (f, emit) => emit(f.deliveredOn),
  },
  {
    key: 'notarization.byMatter',
    label: '受理申请按公证事项',
    section,
    unit: '件',
    aggregate: 'sum',
    breakdown: { values: [] },
    events: (f, emit) => emit(f.receivedOn, 1, f.matterName),
  },
  {
    key: 'notarization.deferred',
    label: '容缺受理',
    section,
    unit: '件',
    aggregate: 'sum',
    events: (f, emit) => f.deferred && emit(f.acceptedOn),
  },
  {
    key: 'notarization.deferredOnTime',
    label: '容缺材料按期补交',
    section,
    unit: '件',
    aggregate: 'sum',
    note: '在承诺期限内补交的，按补交之日计',
    events: (f, emit) =>
      f.deferred?.suppliedOn && f.deferred.suppliedOn <= f.deferred.dueOn && emit(f.deferred.suppliedOn),
  },
  {
    key: 'notarization.overdue',
    label: '超期未出证',
    section,
    unit: '件',
    aggregate: 'sum',
    note: '受理后十五个工作日（中止期间不计）届满未出证或逾期出证的，按期限届满之日计',
    events: overdue('notarizationIssue'),
  },
];

export const NOTARIZATION_STATISTICS: KindStatistics<NotarizationFacts, NotarizationDetail, NotarizationCaseFacts> = {
  factsOf,
  limitKeys: LIMIT_KEYS,
  schema,
  indicators: INDICATORS,
};
