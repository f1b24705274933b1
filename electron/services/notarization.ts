// 公证申请: the matter catalogue, registering a request, its lifecycle actions, reading it back, its deadlines.
// Writing functions run inside the caller's transaction (the dispatcher's, for a writing channel).
import type { Kysely } from 'kysely';
import type { Database, NewParty, NotarizationMatterTable } from '../../db/schema';
import type { SessionUser } from '../../shared/accounts';
import type { NotarizationCase, NotarizationCaseDeadlines } from '../../shared/channels/notarization';
import { AppError, type FieldIssue } from '../../shared/errors';
import type { HolidayTable } from '../../shared/holidays';
import type { CaseAction } from '../../shared/lifecycle';
import type { NotarizationActionRequest } from '../../shared/kinds/notarization/actions';
import { notarizationDeadlines } from '../../shared/kinds/notarization/deadlines';
import {
  NOTARIZATION_LIFECYCLE,
  NOTARIZATION_STATUS_LABELS,
  OPEN_NOTARIZATION_STATUSES,
  type NotarizationStatus,
} from '../../shared/kinds/notarization/lifecycle';
import type { MatterUpdate, NotarizationMatter } from '../../shared/kinds/notarization/matters';
import type { NotarizationCategory, UseScope } from '../../shared/kinds/notarization/options';
import { allowedNotarizationActions, notarizationActionProblem, notarizationProgress } from '../../shared/kinds/notarization/progress';
import {
  checkNotarizationRequest,
  NOTARIZATION_LABELS,
  useScopeOf,
  type NotarizationApplicant,
  type NotarizationRequest,
} from '../../shared/kinds/notarization/intake';
import { labelFor } from '../../shared/validation';
import { caseTimeline, recordRegistration, takeAction } from './caseActions';
import { takeCaseNumber } from './caseNumbers';
import { indexCaseText } from './caseSearch';
import type { Clock } from './clock';
import { recordDossierCheck, requireCompleteDossier } from './dossier';
import { holidayTableOf } from './holidayCalendar';
import { requireOffice } from './office';

const CREDIT_CODE_ID_TYPE = '统一社会信用代码';

// ---------------------------------------------------------------------------------------------------------------
// The matter catalogue

function toMatter(row: NotarizationMatterTable): NotarizationMatter {
  return {
    code: row.code,
    name: row.name,
    category: row.category as NotarizationCategory,
    requiredMaterials: JSON.parse(row.required_materials) as string[],
    oneVisit: row.one_visit === 1,
    inPersonOnly: row.in_person_only === 1,
    active: row.active === 1,
  };
}

export async function listNotarizationMatters(db: Kysely<Database>, includeInactive: boolean): Promise<NotarizationMatter[]> {
  let query = db.selectFrom('notarization_matters').selectAll();
  if (!includeInactive) query = query.where('active', '=', 1);
  return (await query.orderBy('position').execute()).map(toMatter);
}

export async function updateNotarizationMatter(db: Kysely<Database>, input: MatterUpdate, clock: Clock): Promise<NotarizationMatter> {
  const found = await db.selectFrom('notarization_matters').select('code').where('code', '=', input.code).executeTakeFirst();
  if (!found) throw new AppError('NOT_FOUND', '公证事项不存在', 'code');
  const clash = await db
    .selectFrom('notarization_matters')
    .select('code')
    .where('name', '=', input.name)
    .where('code', '<>', input.code)
    .executeTakeFirst();
  if (clash) throw new AppError('CONFLICT', `事项名称：与已有的事项“${input.name}”重复`, 'name');
  await db
    .updateTable('notarization_matters')
    .set({
      name: input.name,
      category: input.category,
      required_materials: JSON.stringify(input.requiredMaterials),
      one_visit: input.oneVisit ? 1 : 0,
      in_person_only: input.inPersonOnly ? 1 : 0,
      active: input.active ? 1 : 0,
      updated_at: clock.now().toISOString(),
    })
    .where('code', '=', input.code)
    .execute();
  const row = await db.selectFrom('notarization_matters').selectAll().where('code', '=', input.code).executeTakeFirstOrThrow();
  return toMatter(row);
}

// ---------------------------------------------------------------------------------------------------------------
// Intake

/** Refuses with every issue at once, each field named in Chinese, as the dispatcher's own validation does. */
function refuseFields(issues: { path: (string | number)[]; message: string }[], prefix: string): never {
  const fieldIssues: FieldIssue[] = issues.map(({ path, message }) => {
    const label = labelFor(NOTARIZATION_LABELS, path);
    return { field: [prefix, ...path].join('.'), message: label ? `${label}：${message}` : message };
  });
  const first = fieldIssues[0]!;
  throw new AppError('VALIDATION', first.message, first.field, fieldIssues);
}

/** The liaison point's checklist: the matter's materials, then the agent's papers. */
function checklistOf(requiredMaterials: readonly string[], agent: NotarizationRequest['agent']): string[] {
  const extra = !agent ? [] : agent.kind === '委托代理人' ? ['代理人身份证明', '授权委托书'] : ['代理人身份证明', '监护关系证明'];
  return [...new Set([...requiredMaterials, ...extra])];
}

const BLANK_PARTY = {
  sex: '', ethnicity: '', birth_date: '', id_type: '', id_number: '', household_address: '', residence: '', phone: '',
  employer: '', relation: '', lacks_capacity: 0,
};
const BLANK_DETAIL = { legal_representative: '', agent_kind: '', power_of_attorney: 0 };

function partyRow(caseId: number, a: NotarizationApplicant, position: number): NewParty {
  return a.kind === 'person'
    ? { ...BLANK_PARTY, case_id: caseId, role: 'applicant', position, name: a.name, sex: a.sex, birth_date: a.birthDate,
        id_type: a.idType, id_number: a.idNumber, residence: a.address, phone: a.phone }
    : { ...BLANK_PARTY, case_id: caseId, role: 'applicant', position, name: a.name, id_type: CREDIT_CODE_ID_TYPE,
        id_number: a.creditCode, phone: a.phone };
}

/**
 * Registers a request: the rules again against the office's today, the matter against the catalogue, then the
 * case number, case, parties, details, first timeline entry and search index, and the draft it came from removed.
 */
export async function createNotarizationCase(
  trx: Kysely<Database>,
  req: NotarizationRequest,
  { draftId, clock }: { draftId: number | null; clock: Clock },
): Promise<{ id: number; caseNumber: string }> {
  const office = await requireOffice(trx);
  const issues = checkNotarizationRequest(req, clock.today());
  if (issues.length > 0) refuseFields(issues, 'request');
  if (draftId !== null) {
    const draft = await trx.selectFrom('drafts').select('id').where('id', '=', draftId).executeTakeFirst();
    if (!draft) throw new AppError('NOT_FOUND', '草稿不存在或已删除', 'draftId');
  }
  const matterRow = await trx.selectFrom('notarization_matters').selectAll().where('code', '=', req.matterCode).executeTakeFirst();
  if (!matterRow || matterRow.active !== 1) refuseFields([{ path: ['matterCode'], message: '不在公证事项目录中或已停用' }], 'request');
  const matter = toMatter(matterRow);
  if (matter.inPersonOnly && req.agent?.kind === '委托代理人') {
    refuseFields([{ path: ['agent'], message: `${matter.name}公证须由申请人本人亲自申办，不能委托他人代理（公证法 第26条）` }], 'request');
  }

  const year = Number(req.receivedOn.slice(0, 4));
  const { seq, caseNumber } = await takeCaseNumber(trx, 'notarization', year, office.caseNumberPrefix);
  const at = clock.now().toISOString();
  const status: NotarizationStatus = 'received';
  const { id } = await trx
    .insertInto('cases')
    .values({
      kind: 'notarization', case_number: caseNumber, case_year: year, case_seq: seq, status, title: `${matter.name}公证`,
      received_on: req.receivedOn, received_by: req.receivedBy, created_at: at, updated_at: at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();

  for (const [i, a] of req.applicants.entries()) {
    const party = await trx.insertInto('parties').values(partyRow(id, a, i)).returning('id').executeTakeFirstOrThrow();
    await trx
      .insertInto('notarization_parties')
      .values({ ...BLANK_DETAIL, party_id: party.id, party_kind: a.kind, legal_representative: a.kind === 'organisation' ? a.legalRepresentative : '' })
      .execute();
  }
  if (req.agent) {
    const agent = await trx
      .insertInto('parties')
      .values({
        ...BLANK_PARTY, case_id: id, role: 'agent', position: 0, name: req.agent.name, id_type: '居民身份证', id_number: req.agent.idNumber,
        phone: req.agent.phone,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('notarization_parties')
      .values({ ...BLANK_DETAIL, party_id: agent.id, party_kind: 'person', agent_kind: req.agent.kind, power_of_attorney: req.agent.powerOfAttorney ? 1 : 0 })
      .execute();
  }
  await trx
    .insertInto('notarization_requests')
    .values({
      case_id: id, matter_code: matter.code, matter_name: matter.name, matter_category: matter.category,
      required_materials: JSON.stringify(matter.requiredMaterials), one_visit: matter.oneVisit ? 1 : 0,
      purpose: req.purpose, place_of_use: req.placeOfUse, use_scope: useScopeOf(req.placeOfUse), copies: req.copies,
      needs_translation: req.needsTranslation ? 1 : 0, translation_language: req.translationLanguage, pickup_on: req.pickupOn,
      fee_fen: req.feeFen,
    })
    .execute();
  await recordRegistration(trx, id, { status, receivedOn: req.receivedOn, by: req.receivedBy, clock });
  await recordDossierCheck(trx, id, clock);
  await indexNotarization(trx, id);
  if (draftId !== null) await trx.deleteFrom('drafts').where('id', '=', draftId).execute();
  return { id, caseNumber };
}

// ---------------------------------------------------------------------------------------------------------------
// Reading

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
    .select(['cases.id', 'cases.case_number', 'cases.status', 'cases.received_on', 'cases.received_by', 'cases.created_at', 'cases.updated_at'])
    .where('cases.id', '=', id)
    .where('cases.kind', '=', 'notarization')
    .executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND', '案件不存在', field);
  const parties = await db
    .selectFrom('parties')
    .leftJoin('notarization_parties as np', 'np.party_id', 'parties.id')
    .selectAll('parties')
    .select(['np.party_kind', 'np.legal_representative', 'np.agent_kind', 'np.power_of_attorney'])
    .where('parties.case_id', '=', id)
    .orderBy('parties.role')
    .orderBy('parties.position')
    .execute();
  const applicants: NotarizationApplicant[] = parties
    .filter((p) => p.role === 'applicant')
    .map((p) =>
      p.party_kind === 'organisation'
        ? { kind: 'organisation', name: p.name, creditCode: p.id_number, legalRepresentative: p.legal_representative ?? '', phone: p.phone }
        : {
            kind: 'person', name: p.name, sex: p.sex as '男' | '女', birthDate: p.birth_date,
            idType: p.id_type as Extract<NotarizationApplicant, { kind: 'person' }>['idType'], idNumber: p.id_number,
            address: p.residence, phone: p.phone,
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
            kind: agent.agent_kind as NonNullable<NotarizationRequest['agent']>['kind'], name: agent.name,
            idNumber: agent.id_number, phone: agent.phone, powerOfAttorney: agent.power_of_attorney === 1,
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
  const progress = notarizationProgress(await caseTimeline(db, id));
  return {
    ...stored,
    statusLabel: NOTARIZATION_STATUS_LABELS[stored.status],
    checklist: checklistOf(stored.matter.requiredMaterials, stored.request.agent),
    progress,
    allowedActions: allowedNotarizationActions(stored.status, progress),
  };
}

/** The case's search text: number, matter, purpose and place, every party's name and numbers, office, certificate. */
export async function indexNotarization(db: Kysely<Database>, caseId: number): Promise<void> {
  const stored = await loadCase(db, caseId, 'caseId');
  const progress = notarizationProgress(await caseTimeline(db, caseId));
  const { request } = stored;
  const people = request.applicants.flatMap((a) =>
    a.kind === 'person' ? [a.name, a.idNumber, a.phone] : [a.name, a.creditCode, a.legalRepresentative, a.phone],
  );
  const agent = request.agent ? [request.agent.name, request.agent.idNumber, request.agent.phone] : [];
  const body = [
    stored.caseNumber, `${stored.matter.name}公证`, request.purpose, request.placeOfUse, ...people, ...agent,
    progress.forwarded?.notaryOffice ?? '', progress.certificate?.number ?? '',
  ]
    .filter(Boolean)
    .join(' ');
  await indexCaseText(db, caseId, body);
}

// ---------------------------------------------------------------------------------------------------------------
// The lifecycle

/**
 * Takes one action: the case must allow it now (status, and an outstanding 容缺 item for 容缺材料补交 and none for
 * 出证), then the shared engine checks the date and records it. Answers with the case as it now stands.
 */
export async function actOnNotarization(
  db: Kysely<Database>,
  user: SessionUser,
  input: NotarizationActionRequest,
  clock: Clock,
): Promise<NotarizationCase> {
  const row = await db
    .selectFrom('cases')
    .select('status')
    .where('id', '=', input.caseId)
    .where('kind', '=', 'notarization')
    .executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND', '案件不存在', 'caseId');
  const progress = notarizationProgress(await caseTimeline(db, input.caseId));
  const problem = notarizationActionProblem(row.status as NotarizationStatus, input.action, progress);
  if (problem) throw new AppError('CONFLICT', problem, 'action');
  if (input.action === 'archive') await requireCompleteDossier(db, input.caseId, 'archive');
  await takeAction(
    db,
    NOTARIZATION_LIFECYCLE,
    'notarization',
    { caseId: input.caseId, action: input.action, actedOn: input.actedOn, data: input.data as Record<string, unknown> },
    { user, clock },
  );
  if (input.action === 'forward' || input.action === 'issue') await indexNotarization(db, input.caseId);
  await recordDossierCheck(db, input.caseId, clock);
  return getNotarizationCase(db, input.caseId, 'caseId');
}

// ---------------------------------------------------------------------------------------------------------------
// Deadlines

/** One request's limits on `today`: the certificate within 15 working days of acceptance, the 容缺 promised date. */
export async function notarizationCaseDeadlines(
  db: Kysely<Database>,
  caseId: number,
  today: string,
  table?: HolidayTable,
): Promise<NotarizationCaseDeadlines> {
  const row = await db
    .selectFrom('cases')
    .select(['id', 'case_number', 'status'])
    .where('id', '=', caseId)
    .where('kind', '=', 'notarization')
    .executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND', '案件不存在', 'id');
  const progress = notarizationProgress(await caseTimeline(db, caseId));
  return {
    caseId: row.id, caseNumber: row.case_number, status: row.status as NotarizationStatus,
    ...notarizationDeadlines(progress, today, table ?? (await holidayTableOf(db))),
  };
}

/**
 * The limits of every request still being handled (for the dashboard), oldest first. Requests not yet accepted
 * have neither limit yet and are left out.
 */
export async function openNotarizationDeadlines(db: Kysely<Database>, today: string, table?: HolidayTable): Promise<NotarizationCaseDeadlines[]> {
  const open = db
    .selectFrom('cases')
    .where('kind', '=', 'notarization')
    .where('status', 'in', [...OPEN_NOTARIZATION_STATUSES]);
  const cases = await open.select(['id', 'case_number', 'status']).orderBy('received_on').orderBy('id').execute();
  if (cases.length === 0) return [];
  const rows = await db
    .selectFrom('case_actions')
    .selectAll()
    .where('case_id', 'in', open.select('id'))
    .orderBy('id')
    .execute();
  const timelines = new Map<number, CaseAction[]>();
  for (const r of rows) {
    const list = timelines.get(r.case_id) ?? [];
    list.push({
      id: r.id, action: r.action, actedOn: r.acted_on, data: JSON.parse(r.data) as Record<string, unknown>,
      fromStatus: r.from_status, toStatus: r.to_status, username: r.username, recordedAt: r.recorded_at,
    });
    timelines.set(r.case_id, list);
  }
  const holidays = table ?? (await holidayTableOf(db));
  return cases
    .map((c) => ({
      caseId: c.id,
      caseNumber: c.case_number,
      status: c.status as NotarizationStatus,
      ...notarizationDeadlines(notarizationProgress(timelines.get(c.id) ?? []), today, holidays),
    }))
    .filter((d) => d.issue !== null || d.deferredMaterials !== null);
}
