// 人民调解: registering a dispute (the full 受理登记表, or a 口头调解登记 concluded at once), its lifecycle actions,
// reading it back, its time limits, and the office's data (纠纷类型, 以奖代补 rates). Writing functions run inside
// the caller's transaction (the dispatcher's, for a writing channel); actions go through the shared engine.
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { Database, NewParty } from '../../db/schema';
import type { SessionUser } from '../../shared/accounts';
import type { MediationCase, MediationCaseDeadlines, MediationPartyRecord, MediationRegistrationRecord } from '../../shared/channels/mediation';
import type { DeadlineRuleOverrides } from '../../shared/deadlines';
import { formatChineseDate } from '../../shared/dates';
import { AppError, type FieldIssue } from '../../shared/errors';
import { parseIdNumber } from '../../shared/identity';
import { actionDateProblem, type CaseAction } from '../../shared/lifecycle';
import type {
  applyConfirmationSchema,
  archiveSchema,
  extendSchema,
  failSchema,
  followUpSchema,
  investigateSchema,
  markCrimePreventionSchema,
  recordConfirmationSchema,
  recordPerformanceSchema,
  recordSessionSchema,
  recordSubsidySchema,
  succeedSchema,
  terminateSchema,
} from '../../shared/kinds/mediation/actions';
import type { DisputeType, DisputeTypeList } from '../../shared/kinds/mediation/disputeTypes';
import {
  availableMediationActions,
  MEDIATION_STATUS_LABELS,
  mediationActionProblem,
  mediationDeadlinesOf,
  mediationFacts,
  mediationLifecycle,
  mediationTermDue,
  type MediationAction,
  type MediationFacts,
  type MediationStatus,
} from '../../shared/kinds/mediation/lifecycle';
import type { MediationSource } from '../../shared/kinds/mediation/options';
import {
  checkMediationRegistration,
  checkQuickOralMediation,
  MEDIATION_LABELS,
  QUICK_ORAL_LABELS,
  type MediationRegistration,
  type QuickOralMediation,
} from '../../shared/kinds/mediation/intake';
import { computeSubsidy, rateInForce, type SubsidyRate, type SubsidyRates, type SubsidyRatesInput } from '../../shared/kinds/mediation/subsidy';
import { labelFor, type Labels } from '../../shared/validation';
import { caseTimeline, recordRegistration, takeAction } from './caseActions';
import { takeCaseNumber } from './caseNumbers';
import { indexCaseText } from './caseSearch';
import type { Clock } from './clock';
import { recordDossierCheck, requireCompleteDossier } from './dossier';
import { holidayTableOf } from './holidayCalendar';
import { requireOffice } from './office';

const CREDIT_CODE_ID_TYPE = '统一社会信用代码';
const OPEN_STATUSES: readonly MediationStatus[] = ['registered', 'mediating', 'concluded'];

/** Refuses with every issue at once, each field named in Chinese, as the dispatcher's own validation does. */
function refuseFields(issues: { path: (string | number)[]; message: string }[], labels: Labels, prefix: string[] = []): never {
  const fieldIssues: FieldIssue[] = issues.map(({ path, message }) => {
    const label = labelFor(labels, path);
    return { field: [...prefix, ...path].join('.'), message: label ? `${label}：${message}` : message };
  });
  const first = fieldIssues[0]!;
  throw new AppError('VALIDATION', first.message, first.field, fieldIssues);
}

function refuse(field: string, label: string, problem: string): never {
  throw new AppError('VALIDATION', `${label}：${problem}`, field);
}

// ---------------------------------------------------------------------------------------------------------------
// The office's 纠纷类型

function toDisputeType(r: { name: string; position: number; active: number }): DisputeType {
  return { name: r.name, position: r.position, active: r.active === 1 };
}

export async function listDisputeTypes(db: Kysely<Database>, includeInactive: boolean): Promise<DisputeType[]> {
  let q = db.selectFrom('mediation_dispute_types').select(['name', 'position', 'active']);
  if (!includeInactive) q = q.where('active', '=', 1);
  return (await q.orderBy('active', 'desc').orderBy('position').execute()).map(toDisputeType);
}

/** The list in its new order; stored types left out are retired, never deleted (cases keep their type). */
export async function saveDisputeTypes(db: Kysely<Database>, { types }: DisputeTypeList, clock: Clock): Promise<DisputeType[]> {
  const at = clock.now().toISOString();
  const given = new Set(types.map((t) => t.name));
  const stored = await db.selectFrom('mediation_dispute_types').select(['name', 'position']).orderBy('position').execute();
  let position = 0;
  for (const t of types) {
    position += 1;
    await db
      .insertInto('mediation_dispute_types')
      .values({ name: t.name, position, active: t.active ? 1 : 0, updated_at: at })
      .onConflict((oc) => oc.column('name').doUpdateSet({ position, active: t.active ? 1 : 0, updated_at: at }))
      .execute();
  }
  for (const s of stored.filter((s) => !given.has(s.name))) {
    position += 1;
    await db.updateTable('mediation_dispute_types').set({ position, active: 0, updated_at: at }).where('name', '=', s.name).execute();
  }
  return listDisputeTypes(db, true);
}

async function disputeTypeProblem(db: Kysely<Database>, name: string): Promise<string | null> {
  const row = await db.selectFrom('mediation_dispute_types').select('active').where('name', '=', name).executeTakeFirst();
  if (!row) return '不在本所的纠纷类型列表中';
  return row.active === 1 ? null : '该纠纷类型已停用';
}

// ---------------------------------------------------------------------------------------------------------------
// 以奖代补 rates

function toRate(r: Database['mediation_subsidy_rates']): SubsidyRate {
  return { effectiveFrom: r.effective_from, oralFen: r.oral_fen, writtenFen: r.written_fen, note: r.note, setBy: r.set_by, recordedAt: r.recorded_at };
}

async function allRates(db: Kysely<Database>): Promise<SubsidyRate[]> {
  return (await db.selectFrom('mediation_subsidy_rates').selectAll().orderBy('effective_from', 'desc').execute()).map(toRate);
}

export async function listSubsidyRates(db: Kysely<Database>, today: string): Promise<SubsidyRates> {
  const history = await allRates(db);
  // The seeded default (effective 2000-01-01) is never removed, so some rate is always in force.
  const inForce = rateInForce(history, today) ?? history.at(-1);
  if (!inForce) throw new AppError('INTERNAL', '缺少以奖代补补贴标准');
  return { inForce, history };
}

/** The county's rates from a date; a second setting for the same date replaces the first (the audit log keeps both). */
export async function setSubsidyRates(db: Kysely<Database>, user: SessionUser, input: SubsidyRatesInput, clock: Clock): Promise<SubsidyRates> {
  const values = {
    oral_fen: input.oralFen, written_fen: input.writtenFen, note: input.note, set_by: user.displayName, recorded_at: clock.now().toISOString(),
  };
  await db
    .insertInto('mediation_subsidy_rates')
    .values({ effective_from: input.effectiveFrom, ...values })
    .onConflict((oc) => oc.column('effective_from').doUpdateSet(values))
    .execute();
  return listSubsidyRates(db, clock.today());
}

// ---------------------------------------------------------------------------------------------------------------
// Registration

const BLANK_PARTY = {
  sex: '', ethnicity: '', birth_date: '', id_type: '', id_number: '', household_address: '', residence: '', phone: '',
  employer: '', relation: '', lacks_capacity: 0,
};

/** 居民身份证, or 港澳台居民居住证 for the 81/82/83 address codes (both GB 11643). */
function idTypeOf(idNumber: string): string {
  if (!idNumber) return '';
  return /^8[123]/.test(idNumber) ? '港澳台居民居住证' : '居民身份证';
}

interface PartyInsert {
  row: NewParty;
  kind: 'person' | 'organisation';
  legalRepresentative: string;
}

function fullPartyRow(caseId: number, p: MediationRegistration['parties'][number], position: number): PartyInsert {
  const base = { ...BLANK_PARTY, case_id: caseId, role: 'party' as const, position, name: p.name, residence: p.address, phone: p.phone };
  if (p.kind === 'person') {
    return {
      kind: 'person', legalRepresentative: '',
      row: { ...base, sex: p.sex, birth_date: p.birthDate, ethnicity: p.ethnicity, id_type: idTypeOf(p.idNumber), id_number: p.idNumber, employer: p.occupation },
    };
  }
  return { kind: 'organisation', legalRepresentative: p.legalRepresentative, row: { ...base, id_type: CREDIT_CODE_ID_TYPE, id_number: p.creditCode } };
}

/** A 口头调解登记's party; a person's sex and birth date are read from the ID number when one was given. */
function quickPartyRow(caseId: number, p: QuickOralMediation['parties'][number], position: number, today: string): PartyInsert {
  const base = { ...BLANK_PARTY, case_id: caseId, role: 'party' as const, position, name: p.name, phone: p.phone };
  if (p.kind === 'person') {
    const parsed = p.idNumber ? parseIdNumber(p.idNumber, today) : null;
    const fromId = parsed?.ok ? { sex: parsed.value.sex, birth_date: parsed.value.birthDate } : {};
    return { kind: 'person', legalRepresentative: '', row: { ...base, ...fromId, residence: p.address, id_type: idTypeOf(p.idNumber), id_number: p.idNumber } };
  }
  return { kind: 'organisation', legalRepresentative: '', row: { ...base, id_type: p.creditCode ? CREDIT_CODE_ID_TYPE : '', id_number: p.creditCode } };
}

function titleOf(names: readonly string[], disputeType: string): string {
  return `${names[0]}与${names[1]}${names.length > 2 ? '等' : ''}${disputeType}`;
}

interface NewCase {
  title: string;
  receivedOn: string;
  receivedBy: string;
  simple: boolean;
  detail: Omit<Database['mediation_cases'], 'case_id' | 'simple'>;
  parties: (caseId: number) => PartyInsert[];
}

/** Case number, case row, parties, details and the first timeline entry. */
async function insertCase(trx: Kysely<Database>, c: NewCase, clock: Clock): Promise<{ id: number; caseNumber: string }> {
  const office = await requireOffice(trx);
  const year = Number(c.receivedOn.slice(0, 4));
  const { seq, caseNumber } = await takeCaseNumber(trx, 'mediation', year, office.caseNumberPrefix);
  const at = clock.now().toISOString();
  const status: MediationStatus = 'registered';
  const { id } = await trx
    .insertInto('cases')
    .values({
      kind: 'mediation', case_number: caseNumber, case_year: year, case_seq: seq, status, title: c.title,
      received_on: c.receivedOn, received_by: c.receivedBy, created_at: at, updated_at: at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  for (const p of c.parties(id)) {
    const party = await trx.insertInto('parties').values(p.row).returning('id').executeTakeFirstOrThrow();
    await trx.insertInto('mediation_parties').values({ party_id: party.id, party_kind: p.kind, legal_representative: p.legalRepresentative }).execute();
  }
  await trx.insertInto('mediation_cases').values({ case_id: id, simple: c.simple ? 1 : 0, ...c.detail }).execute();
  await recordRegistration(trx, id, { status, receivedOn: c.receivedOn, by: c.receivedBy, clock });
  await recordDossierCheck(trx, id, clock);
  return { id, caseNumber };
}

/** The draft a registration comes from must still be there: another window may have registered or discarded it. */
async function requireDraft(trx: Kysely<Database>, draftId: number): Promise<void> {
  const draft = await trx.selectFrom('drafts').select('id').where('id', '=', draftId).executeTakeFirst();
  if (!draft) throw new AppError('NOT_FOUND', '草稿不存在或已删除', 'draftId');
}

/**
 * Registers a dispute from the 受理登记表: the rules again against the office's today, the 纠纷类型 against the
 * office's list, then the case and its search text, and the draft it came from removed.
 */
export async function createMediationCase(
  trx: Kysely<Database>,
  reg: MediationRegistration,
  { draftId, clock }: { draftId: number | null; clock: Clock },
): Promise<{ id: number; caseNumber: string }> {
  await requireOffice(trx);
  const issues = checkMediationRegistration(reg, clock.today());
  const typeProblem = await disputeTypeProblem(trx, reg.disputeType);
  if (typeProblem) issues.push({ path: ['disputeType'], message: typeProblem });
  if (issues.length > 0) refuseFields(issues, MEDIATION_LABELS, ['registration']);
  if (draftId !== null) await requireDraft(trx, draftId);
  const created = await insertCase(
    trx,
    {
      title: titleOf(reg.parties.map((p) => p.name), reg.disputeType), receivedOn: reg.receivedOn, receivedBy: reg.receivedBy, simple: false,
      detail: {
        source: reg.source, source_detail: reg.sourceDetail, committee: reg.committee, dispute_type: reg.disputeType, summary: reg.summary,
        requests: reg.requests, amount_fen: reg.amountFen, people_count: reg.peopleCount, major: reg.major ? 1 : 0, mass: reg.mass ? 1 : 0,
        mediators: JSON.stringify(reg.mediators),
      },
      parties: (caseId) => reg.parties.map((p, i) => fullPartyRow(caseId, p, i)),
    },
    clock,
  );
  await indexMediation(trx, created.id);
  if (draftId !== null) await trx.deleteFrom('drafts').where('id', '=', draftId).execute();
  return created;
}

/**
 * 口头调解登记: registers a simple dispute and records its oral agreement on the same day, through the engine
 * like any other action. The case is flagged `simple`: it needs no 调解记录 before the agreement, and the dossier
 * rules do not ask it for the full dossier. The draft it was typed in, if any, is removed.
 */
export async function createQuickOralMediation(
  trx: Kysely<Database>,
  q: QuickOralMediation,
  { draftId = null, user, clock }: { draftId?: number | null; user: SessionUser; clock: Clock },
): Promise<{ id: number; caseNumber: string }> {
  await requireOffice(trx);
  const today = clock.today();
  const issues = checkQuickOralMediation(q, today);
  const typeProblem = await disputeTypeProblem(trx, q.disputeType);
  if (typeProblem) issues.push({ path: ['disputeType'], message: typeProblem });
  if (issues.length > 0) refuseFields(issues, QUICK_ORAL_LABELS);
  if (draftId !== null) await requireDraft(trx, draftId);
  const created = await insertCase(
    trx,
    {
      title: titleOf(q.parties.map((p) => p.name), q.disputeType), receivedOn: q.mediatedOn, receivedBy: q.receivedBy, simple: true,
      detail: {
        source: q.source, source_detail: '', committee: q.committee, dispute_type: q.disputeType, summary: q.summary, requests: '',
        // A simple dispute is registered by what was agreed: the amount agreed stands for the amount involved.
        amount_fen: q.agreementAmountFen, people_count: q.parties.length, major: 0, mass: 0, mediators: JSON.stringify([q.mediator]),
      },
      parties: (caseId) => q.parties.map((p, i) => quickPartyRow(caseId, p, i, today)),
    },
    clock,
  );
  const data = {
    form: '口头', content: q.agreementContent, amountFen: q.agreementAmountFen, performanceMethod: q.performanceMethod,
    performanceDueOn: q.performanceDueOn, effectiveOn: q.mediatedOn, agreementNumber: '', crimePrevention: q.crimePrevention, note: '口头调解登记',
  };
  await takeAction(trx, mediationLifecycle, 'mediation', { caseId: created.id, action: 'succeed', actedOn: q.mediatedOn, data }, { user, clock });
  await indexMediation(trx, created.id);
  if (draftId !== null) await trx.deleteFrom('drafts').where('id', '=', draftId).execute();
  return created;
}

// ---------------------------------------------------------------------------------------------------------------
// Reading

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

async function loadCase(db: Kysely<Database>, id: number, field: string): Promise<StoredCase> {
  const row = await db
    .selectFrom('cases')
    .innerJoin('mediation_cases as m', 'm.case_id', 'cases.id')
    .selectAll('m')
    .select(['cases.id', 'cases.case_number', 'cases.title', 'cases.status', 'cases.received_on', 'cases.received_by', 'cases.created_at', 'cases.updated_at'])
    .where('cases.id', '=', id)
    .where('cases.kind', '=', 'mediation')
    .executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND', '案件不存在', field);
  const rows = await db
    .selectFrom('parties')
    .leftJoin('mediation_parties as mp', 'mp.party_id', 'parties.id')
    .selectAll('parties')
    .select(['mp.party_kind', 'mp.legal_representative'])
    .where('parties.case_id', '=', id)
    .where('parties.role', '=', 'party')
    .orderBy('parties.position')
    .execute();
  const parties: MediationPartyRecord[] = rows.map((p) =>
    p.party_kind === 'organisation'
      ? { kind: 'organisation', name: p.name, creditCode: p.id_number, legalRepresentative: p.legal_representative ?? '', address: p.residence, phone: p.phone }
      : {
          kind: 'person', name: p.name, sex: p.sex as '' | '男' | '女', birthDate: p.birth_date, ethnicity: p.ethnicity, idNumber: p.id_number,
          address: p.residence, phone: p.phone, occupation: p.employer,
        },
  );
  return {
    id: row.id,
    caseNumber: row.case_number,
    title: row.title,
    status: row.status as MediationStatus,
    simple: row.simple === 1,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    registration: {
      source: row.source as MediationSource, sourceDetail: row.source_detail, committee: row.committee, parties,
      disputeType: row.dispute_type, summary: row.summary, requests: row.requests, amountFen: row.amount_fen, peopleCount: row.people_count,
      major: row.major === 1, mass: row.mass === 1, mediators: JSON.parse(row.mediators) as string[], receivedOn: row.received_on,
      receivedBy: row.received_by,
    },
  };
}

function factsOf(stored: StoredCase, timeline: readonly CaseAction[]): MediationFacts {
  return mediationFacts({ receivedOn: stored.registration.receivedOn, status: stored.status, simple: stored.simple }, timeline);
}

export async function mediationFactsOf(db: Kysely<Database>, caseId: number, field = 'caseId'): Promise<MediationFacts> {
  return factsOf(await loadCase(db, caseId, field), await caseTimeline(db, caseId));
}

export async function getMediationCase(db: Kysely<Database>, id: number, today: string, field = 'id'): Promise<MediationCase> {
  const stored = await loadCase(db, id, field);
  const facts = factsOf(stored, await caseTimeline(db, id));
  return { ...stored, statusLabel: MEDIATION_STATUS_LABELS[stored.status], facts, available: availableMediationActions(facts, today) };
}

/** The case's search text: number, title, committee, type, facts, mediators, every party's name and numbers, agreement. */
export async function indexMediation(db: Kysely<Database>, caseId: number): Promise<void> {
  const stored = await loadCase(db, caseId, 'caseId');
  const facts = factsOf(stored, await caseTimeline(db, caseId));
  const r = stored.registration;
  const people = r.parties.flatMap((p) =>
    p.kind === 'person' ? [p.name, p.idNumber, p.phone] : [p.name, p.creditCode, p.legalRepresentative, p.phone],
  );
  const body = [stored.caseNumber, stored.title, r.committee, r.disputeType, ...people, ...r.mediators, r.summary, facts.agreement?.content ?? '']
    .filter(Boolean)
    .join(' ');
  await indexCaseText(db, caseId, body);
}

// ---------------------------------------------------------------------------------------------------------------
// The lifecycle

/** Each action's parsed input: the case, the date, and the action's own fields. */
export interface MediationActionInputs {
  investigate: z.output<typeof investigateSchema>;
  recordSession: z.output<typeof recordSessionSchema>;
  extend: z.output<typeof extendSchema>;
  succeed: z.output<typeof succeedSchema>;
  fail: z.output<typeof failSchema>;
  terminate: z.output<typeof terminateSchema>;
  recordPerformance: z.output<typeof recordPerformanceSchema>;
  followUp: z.output<typeof followUpSchema>;
  applyConfirmation: z.output<typeof applyConfirmationSchema>;
  recordConfirmation: z.output<typeof recordConfirmationSchema>;
  markCrimePrevention: z.output<typeof markCrimePreventionSchema>;
  recordSubsidy: z.output<typeof recordSubsidySchema>;
  archive: z.output<typeof archiveSchema>;
}

/** The label of each action's date field, for messages about the date. */
const DATE_LABELS: Record<MediationAction, string> = {
  investigate: '调查日期',
  recordSession: '调解日期',
  extend: '延长日期',
  succeed: '调解成功日期',
  fail: '调解终结日期',
  terminate: '终止日期',
  recordPerformance: '登记日期',
  followUp: '回访日期',
  applyConfirmation: '申请日期',
  recordConfirmation: '裁定日期',
  markCrimePrevention: '认定日期',
  recordSubsidy: '登记日期',
  archive: '归档日期',
};

type Payload<A extends MediationAction> = Omit<MediationActionInputs[A], 'caseId' | 'actedOn'>;

/** The rules that need the case or the office's data; returns the data the timeline records. */
async function checkedData<A extends MediationAction>(
  db: Kysely<Database>,
  action: A,
  payload: Payload<A>,
  { actedOn, facts, today }: { actedOn: string; facts: MediationFacts; today: string },
): Promise<Record<string, unknown>> {
  const p = payload as Record<string, unknown>;
  switch (action) {
    case 'extend': {
      const { extendedTo } = payload as Payload<'extend'>;
      const due = mediationTermDue(facts, undefined, await holidayTableOf(db));
      if (extendedTo <= due) refuse('extendedTo', '延长至', `应晚于现在的调解期限（${formatChineseDate(due)}）`);
      return p;
    }
    case 'succeed': {
      const d = payload as Payload<'succeed'>;
      const effectiveOn = d.effectiveOn || actedOn;
      if (effectiveOn > today) refuse('effectiveOn', '协议生效日期', '不能晚于今天');
      return { ...p, effectiveOn };
    }
    case 'applyConfirmation': {
      const effectiveOn = facts.agreement!.effectiveOn;
      if (actedOn < effectiveOn) refuse('actedOn', DATE_LABELS.applyConfirmation, `不能早于调解协议生效日期（${formatChineseDate(effectiveOn)}）`);
      return p;
    }
    case 'markCrimePrevention': {
      const { crimePrevention } = payload as Payload<'markCrimePrevention'>;
      if (crimePrevention === facts.crimePrevention) refuse('crimePrevention', '防止民转刑', '与现有认定相同，无需更改');
      return p;
    }
    case 'recordSubsidy': {
      const { amountFen, note } = payload as Payload<'recordSubsidy'>;
      const agreement = facts.agreement!;
      const result = computeSubsidy(await allRates(db), { form: agreement.form, agreedOn: agreement.on, manualFen: amountFen, note });
      if (!result.ok) refuse(result.field, result.field === 'note' ? '说明' : '补贴金额', result.problem);
      return { ...result.value, note };
    }
    default:
      return p;
  }
}

/**
 * Checks and takes one action: whether the case allows it (status, and mediation's own rules), the date (not in
 * the future, not before the case's previous step), the payload against the case; then the engine records it.
 * Answers with the case as it now stands.
 */
export async function takeMediationAction<A extends MediationAction>(
  db: Kysely<Database>,
  action: A,
  input: MediationActionInputs[A],
  { user, clock }: { user: SessionUser; clock: Clock },
): Promise<MediationCase> {
  const { caseId, actedOn, ...payload } = input;
  const today = clock.today();
  const facts = await mediationFactsOf(db, caseId);
  // Judged on the action's own date (a timely application recorded late is still timely), never after today.
  const problem = mediationActionProblem(facts, action, actedOn < today ? actedOn : today);
  if (problem) throw new AppError('CONFLICT', problem, 'action');
  const dateProblem = actionDateProblem(actedOn, facts.lastActedOn, today);
  if (dateProblem) refuse('actedOn', DATE_LABELS[action], dateProblem);
  const data = await checkedData(db, action, payload as Payload<A>, { actedOn, facts, today });
  if (action === 'archive') await requireCompleteDossier(db, caseId, 'archive');
  await takeAction(db, mediationLifecycle, 'mediation', { caseId, action, actedOn, data }, { user, clock });
  await recordDossierCheck(db, caseId, clock);
  if (action === 'succeed') await indexMediation(db, caseId);
  return getMediationCase(db, caseId, today, 'caseId');
}

// ---------------------------------------------------------------------------------------------------------------
// Time limits

/** The limits of one case on `today`: the one-month term (or as extended), and the judicial-confirmation window. */
export async function mediationCaseDeadlines(
  db: Kysely<Database>,
  caseId: number,
  today: string,
  { field = 'id', rules }: { field?: string; rules?: DeadlineRuleOverrides } = {},
): Promise<MediationCaseDeadlines> {
  const stored = await loadCase(db, caseId, field);
  const facts = factsOf(stored, await caseTimeline(db, caseId));
  return {
    caseId, caseNumber: stored.caseNumber, status: stored.status, statusLabel: MEDIATION_STATUS_LABELS[stored.status],
    deadlines: mediationDeadlinesOf(facts, today, rules, await holidayTableOf(db)),
  };
}

/**
 * For the dashboard: every mediation case with a limit still open on `today`, the soonest due first. Reads the
 * open cases and their timelines in two queries.
 */
export async function openMediationDeadlines(db: Kysely<Database>, today: string, rules?: DeadlineRuleOverrides): Promise<MediationCaseDeadlines[]> {
  const cases = await db
    .selectFrom('cases')
    .innerJoin('mediation_cases as m', 'm.case_id', 'cases.id')
    .select(['cases.id', 'cases.case_number', 'cases.status', 'cases.received_on', 'm.simple'])
    .where('cases.kind', '=', 'mediation')
    .where('cases.status', 'in', OPEN_STATUSES)
    .execute();
  if (cases.length === 0) return [];
  const actions = await db
    .selectFrom('case_actions')
    .selectAll()
    .where('case_id', 'in', (eb) => eb.selectFrom('cases').select('id').where('kind', '=', 'mediation').where('status', 'in', OPEN_STATUSES))
    .orderBy('case_id')
    .orderBy('id')
    .execute();
  const byCase = new Map<number, CaseAction[]>();
  for (const r of actions) {
    const list = byCase.get(r.case_id) ?? [];
    list.push({
      id: r.id, action: r.action, actedOn: r.acted_on, data: JSON.parse(r.data) as Record<string, unknown>, fromStatus: r.from_status,
      toStatus: r.to_status, username: r.username, recordedAt: r.recorded_at,
    });
    byCase.set(r.case_id, list);
  }
  const out: MediationCaseDeadlines[] = [];
  const table = await holidayTableOf(db);
  for (const c of cases) {
    const status = c.status as MediationStatus;
    const facts = mediationFacts({ receivedOn: c.received_on, status, simple: c.simple === 1 }, byCase.get(c.id) ?? []);
    const open = mediationDeadlinesOf(facts, today, rules, table).filter((d) => d.doneOn === null);
    if (open.length > 0) out.push({ caseId: c.id, caseNumber: c.case_number, status, statusLabel: MEDIATION_STATUS_LABELS[status], deadlines: open });
  }
  const soonest = (c: MediationCaseDeadlines) => c.deadlines.reduce((m, d) => (d.due < m ? d.due : m), '9999-12-31');
  return out.sort((a, b) => soonest(a).localeCompare(soonest(b)) || a.caseId - b.caseId);
}

