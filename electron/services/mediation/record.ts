// 人民调解: a case read back as registered (its parties, the dispute, the mediators), with what its timeline says and
// what may be done today; and its search text.
import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema';
import type {
  MediationCase,
  MediationPartyRecord,
  MediationRegistrationRecord,
} from '../../../shared/channels/mediation';
import { AppError } from '../../../shared/errors';
import {
  availableActions,
  factsOf,
  MEDIATION_STATUS_LABELS,
  type MediationFacts,
  type MediationStatus,
} from '../../../shared/kinds/mediation/lifecycle';
import type { MediationSource } from '../../../shared/kinds/mediation/options';
import { partiesQuery, partyTerms } from '../cases/parties';
import { indexCaseText } from '../cases/search';
import { caseTimeline } from '../cases/timeline';

interface StoredCase {
  id: number;
  caseNumber: string;
  title: string;
  status: MediationStatus;
  simple: boolean;
  createdAt: string;
  updatedAt: string;
  registration: MediationRegistrationRecord;
}

async function partiesOf(db: Kysely<Database>, caseId: number): Promise<MediationPartyRecord[]> {
  const rows = await partiesQuery(db, caseId)
    .leftJoin('mediation_parties as mp', 'mp.party_id', 'parties.id')
    .selectAll('parties')
    .select(['mp.party_kind', 'mp.legal_representative'])
    .where('parties.role', '=', 'party')
    .execute();
  return rows.map((p) =>
    p.party_kind === 'organisation'
      ? {
          kind: 'organisation',
          name: p.name,
          creditCode: p.id_number,
          legalRepresentative: p.legal_representative ?? '',
          address: p.residence,
          phone: p.phone,
        }
      : {
          kind: 'person',
          name: p.name,
          sex: p.sex as '' | '男' | '女',
          birthDate: p.birth_date,
          ethnicity: p.ethnicity,
          idNumber: p.id_number,
          address: p.residence,
          phone: p.phone,
          occupation: p.employer,
        },
  );
}

async function loadCase(db: Kysely<Database>, id: number, field: string): Promise<StoredCase> {
  const row = await db
    .selectFrom('cases')
    .innerJoin('mediation_cases as m', 'm.case_id', 'cases.id')
    .selectAll('m')
    .select([
      'cases.id',
      'cases.case_number',
      'cases.title',
      'cases.status',
      'cases.received_on',
      'cases.received_by',
      'cases.created_at',
      'cases.updated_at',
    ])
    .where('cases.id', '=', id)
    .where('cases.kind', '=', 'mediation')
    .executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND', '案件不存在', field);
  return {
    id: row.id,
    caseNumber: row.case_number,
    title: row.title,
    status: row.status as MediationStatus,
    simple: row.simple === 1,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    registration: {
      source: row.source as MediationSource,
      sourceDetail: row.source_detail,
      committee: row.committee,
      parties: await partiesOf(db, id),
      disputeType: row.dispute_type,
      summary: row.summary,
      requests: row.requests,
      amountFen: row.amount_fen,
      peopleCount: row.people_count,
      major: row.major === 1,
      mass: row.mass === 1,
      mediators: JSON.parse(row.mediators) as string[],
      receivedOn: row.received_on,
      receivedBy: row.received_by,
    },
  };
}

async function storedFacts(db: Kysely<Database>, stored: StoredCase): Promise<MediationFacts> {
  const head = {
    receivedOn: stored.registration.receivedOn,
    status: stored.status,
    detail: { simple: stored.simple ? 1 : 0 },
  };
  return factsOf(head, await caseTimeline(db, stored.id));
}

/** The case as it stands: the registration, what the timeline says, and the actions that may be taken today. */
export async function getMediationCase(
  db: Kysely<Database>,
  id: number,
  today: string,
  field = 'id',
): Promise<MediationCase> {
  const stored = await loadCase(db, id, field);
  const facts = await storedFacts(db, stored);
  return {
    ...stored,
    statusLabel: MEDIATION_STATUS_LABELS[stored.status],
    facts,
    available: availableActions(facts, today),
  };
}

/** The case's search text: number, title, committee, type, facts, mediators, every party's name and numbers, agreement. */
export async function indexMediation(db: Kysely<Database>, caseId: number): Promise<void> {
  const stored = await loadCase(db, caseId, 'caseId');
  const facts = await storedFacts(db, stored);
  const r = stored.registration;
  const body = [
    stored.caseNumber,
    stored.title,
    r.committee,
    r.disputeType,
    ...r.parties.flatMap(partyTerms),
    ...r.mediators,
    r.summary,
    facts.agreement?.content ?? '',
  ]
    .filter(Boolean)
    .join(' ');
  await indexCaseText(db, caseId, body);
}

/** Reads the case for its deadlines: its number and status, and what its timeline says. */
export async function mediationCaseFacts(
  db: Kysely<Database>,
  caseId: number,
  field: string,
): Promise<{ stored: StoredCase; facts: MediationFacts }> {
  const stored = await loadCase(db, caseId, field);
  return { stored, facts: await storedFacts(db, stored) };
}
