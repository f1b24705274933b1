// 公证申请: a request read back as registered (applicants, agent, the matter as the catalogue had it, purpose, place of
// use), with the liaison point's checklist, where it stands and what may be done next; and its search text.
import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema';
import type { NotarizationCase } from '../../../shared/channels/notarization';
import { AppError } from '../../../shared/errors';
import type { NotarizationApplicant, NotarizationRequest } from '../../../shared/kinds/notarization/intake';
import {
  availableActions,
  NOTARIZATION_STATUS_LABELS,
  progressOf,
  type NotarizationStatus,
} from '../../../shared/kinds/notarization/lifecycle';
import type { UseScope } from '../../../shared/kinds/notarization/options';
import { partiesQuery, partyTerms } from '../cases/parties';
import { indexCaseText } from '../cases/search';
import { caseTimeline } from '../cases/timeline';

/** The liaison point's checklist: the matter's materials, then the agent's papers. */
function checklistOf(requiredMaterials: readonly string[], agent: NotarizationRequest['agent']): string[] {
  const extra = !agent
    ? []
    : agent.kind === '委托代理人'
      ? ['代理人身份证明', '授权委托书']
      : ['代理人身份证明', '监护关系证明'];
  return [...new Set([...requiredMaterials, ...extra])];
}

interface StoredCase {
  id: number;
  caseNumber: string;
  status: NotarizationStatus;
  createdAt: string;
  updatedAt: string;
  request: NotarizationRequest;
  useScope: UseScope;
  matter: NotarizationCase['matter'];
}

async function loadCase(db: Kysely<Database>, id: number, field: string): Promise<StoredCase> {
  const row = await db
    .selectFrom('cases')
    .innerJoin('notarization_requests as n', 'n.case_id', 'cases.id')
    .selectAll('n')
    .select([
      'cases.id',
      'cases.case_number',
      'cases.status',
      'cases.received_on',
      'cases.received_by',
      'cases.created_at',
      'cases.updated_at',
    ])
    .where('cases.id', '=', id)
    .where('cases.kind', '=', 'notarization')
    .executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND', '案件不存在', field);
  const parties = await partiesQuery(db, id)
    .leftJoin('notarization_parties as np', 'np.party_id', 'parties.id')
    .selectAll('parties')
    .select(['np.party_kind', 'np.legal_representative', 'np.agent_kind', 'np.power_of_attorney'])
    .execute();
  const applicants: NotarizationApplicant[] = parties
    .filter((p) => p.role === 'applicant')
    .map((p) =>
      p.party_kind === 'organisation'
        ? {
            kind: 'organisation',
            name: p.name,
            creditCode: p.id_number,
            legalRepresentative: p.legal_representative ?? '',
            phone: p.phone,
          }
        : {
            kind: 'person',
            name: p.name,
            sex: p.sex as '男' | '女',
            birthDate: p.birth_date,
            idType: p.id_type as Extract<NotarizationApplicant, { kind: 'person' }>['idType'],
            idNumber: p.id_number,
            address: p.residence,
            phone: p.phone,
          },
    );
  const agent = parties.find((p) => p.role === 'agent');
  return {
    id: row.id,
    caseNumber: row.case_number,
    status: row.status as NotarizationStatus,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    request: {
      applicants,
      agent: agent
        ? {
            kind: agent.agent_kind as NonNullable<NotarizationRequest['agent']>['kind'],
            name: agent.name,
            idNumber: agent.id_number,
            phone: agent.phone,
            powerOfAttorney: agent.power_of_attorney === 1,
          }
        : null,
      matterCode: row.matter_code,
      purpose: row.purpose,
      placeOfUse: row.place_of_use,
      copies: row.copies,
      needsTranslation: row.needs_translation === 1,
      translationLanguage: row.translation_language,
      pickupOn: row.pickup_on,
      feeFen: row.fee_fen,
      receivedOn: row.received_on,
      receivedBy: row.received_by,
    },
    useScope: row.use_scope as UseScope,
    matter: {
      code: row.matter_code,
      name: row.matter_name,
      category: row.matter_category,
      requiredMaterials: JSON.parse(row.required_materials) as string[],
      oneVisit: row.one_visit === 1,
    },
  };
}

export async function getNotarizationCase(db: Kysely<Database>, id: number, field = 'id'): Promise<NotarizationCase> {
  const stored = await loadCase(db, id, field);
  const progress = progressOf(await caseTimeline(db, id));
  return {
    ...stored,
    statusLabel: NOTARIZATION_STATUS_LABELS[stored.status],
    checklist: checklistOf(stored.matter.requiredMaterials, stored.request.agent),
    progress,
    allowedActions: availableActions({ status: stored.status, progress }),
  };
}

/** The case's search text: number, matter, purpose and place, every party's name and numbers, office, certificate. */
export async function indexNotarization(db: Kysely<Database>, caseId: number): Promise<void> {
  const stored = await loadCase(db, caseId, 'caseId');
  const progress = progressOf(await caseTimeline(db, caseId));
  const { request } = stored;
  const people = [...request.applicants, ...(request.agent ? [request.agent] : [])].flatMap(partyTerms);
  const body = [
    stored.caseNumber,
    `${stored.matter.name}公证`,
    request.purpose,
    request.placeOfUse,
    ...people,
    progress.forwarded?.notaryOffice ?? '',
    progress.certificate?.number ?? '',
  ]
    .filter(Boolean)
    .join(' ');
  await indexCaseText(db, caseId, body);
}
