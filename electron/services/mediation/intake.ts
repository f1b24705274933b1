// 人民调解: registering a dispute — from the full 受理登记表, or as a 口头调解登记 registered and concluded with its
// oral agreement at once: the rules again against the office's today, the 纠纷类型 against the office's list, then
// the case number, case, parties, details, first timeline entry, the dossier's first check and the search text, and
// the draft it came from removed, in one transaction.
import type { Kysely } from 'kysely';
import type { Database, NewParty } from '../../../db/schema';
import type { SessionUser } from '../../../shared/accounts';
import { parseIdNumber } from '../../../shared/identity';
import {
  checkMediationRegistration,
  checkQuickOralMediation,
  MEDIATION_LABELS,
  QUICK_ORAL_LABELS,
  type MediationRegistration,
  type QuickOralMediation,
} from '../../../shared/kinds/mediation/intake';
import { MEDIATION_LIFECYCLE, type MediationStatus } from '../../../shared/kinds/mediation/lifecycle';
import { refuseIssues } from '../../../shared/validation';
import { recordAction } from '../cases/actions';
import { removeRegisteredDraft, requireDraft } from '../cases/drafts';
import { CREDIT_CODE_ID_TYPE, idTypeOf, insertParty, partyRow } from '../cases/parties';
import { completeRegistration, openCase } from '../cases/registration';
import type { Clock } from '../system/clock';
import { requireOffice } from '../system/office';
import { indexMediation } from './record';
import { disputeTypeProblem } from './settings';

interface PartyInsert {
  row: NewParty;
  kind: 'person' | 'organisation';
  legalRepresentative: string;
}

function fullPartyRow(caseId: number, p: MediationRegistration['parties'][number], position: number): PartyInsert {
  const common = { residence: p.address, phone: p.phone };
  if (p.kind === 'person') {
    const fields = {
      ...common,
      sex: p.sex,
      birth_date: p.birthDate,
      ethnicity: p.ethnicity,
      id_type: idTypeOf(p.idNumber),
      id_number: p.idNumber,
      employer: p.occupation,
    };
    return { kind: 'person', legalRepresentative: '', row: partyRow(caseId, 'party', position, p.name, fields) };
  }
  const fields = { ...common, id_type: CREDIT_CODE_ID_TYPE, id_number: p.creditCode };
  return {
    kind: 'organisation',
    legalRepresentative: p.legalRepresentative,
    row: partyRow(caseId, 'party', position, p.name, fields),
  };
}

/** A 口头调解登记's party; a person's sex and birth date are read from the ID number when one was given. */
function quickPartyRow(
  caseId: number,
  p: QuickOralMediation['parties'][number],
  position: number,
  today: string,
): PartyInsert {
  if (p.kind === 'person') {
    const parsed = p.idNumber ? parseIdNumber(p.idNumber, today) : null;
    const fromId = parsed?.ok ? { sex: parsed.value.sex, birth_date: parsed.value.birthDate } : {};
    const fields = {
      phone: p.phone,
      ...fromId,
      residence: p.address,
      id_type: idTypeOf(p.idNumber),
      id_number: p.idNumber,
    };
    return { kind: 'person', legalRepresentative: '', row: partyRow(caseId, 'party', position, p.name, fields) };
  }
  const fields = { phone: p.phone, id_type: p.creditCode ? CREDIT_CODE_ID_TYPE : '', id_number: p.creditCode };
  return { kind: 'organisation', legalRepresentative: '', row: partyRow(caseId, 'party', position, p.name, fields) };
}

function titleOf(names: readonly string[], disputeType: string): string {
  return `${names[0]}与${names[1]}${names.length > 2 ? '等' : ''}${disputeType}`;
}

interface NewMediation {
  title: string;
  receivedOn: string;
  receivedBy: string;
  simple: boolean;
  detail: Omit<Database['mediation_cases'], 'case_id' | 'simple'>;
  parties: (caseId: number) => PartyInsert[];
}

/** Case number, case row, parties, details, the first timeline entry and the dossier's first check. */
async function insertCase(
  trx: Kysely<Database>,
  c: NewMediation,
  clock: Clock,
): Promise<{ id: number; caseNumber: string }> {
  const status: MediationStatus = 'registered';
  const registered = { title: c.title, status, receivedOn: c.receivedOn, receivedBy: c.receivedBy };
  const { id, caseNumber } = await openCase(trx, 'mediation', registered, clock);
  for (const p of c.parties(id)) {
    const partyId = await insertParty(trx, p.row);
    await trx
      .insertInto('mediation_parties')
      .values({ party_id: partyId, party_kind: p.kind, legal_representative: p.legalRepresentative })
      .execute();
  }
  await trx
    .insertInto('mediation_cases')
    .values({ case_id: id, simple: c.simple ? 1 : 0, ...c.detail })
    .execute();
  await completeRegistration(trx, id, registered, clock);
  return { id, caseNumber };
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
  if (issues.length > 0) refuseIssues(issues, MEDIATION_LABELS, ['registration']);
  if (draftId !== null) await requireDraft(trx, draftId);
  const created = await insertCase(
    trx,
    {
      title: titleOf(
        reg.parties.map((p) => p.name),
        reg.disputeType,
      ),
      receivedOn: reg.receivedOn,
      receivedBy: reg.receivedBy,
      simple: false,
      detail: {
        source: reg.source,
        source_detail: reg.sourceDetail,
        committee: reg.committee,
        dispute_type: reg.disputeType,
        summary: reg.summary,
        requests: reg.requests,
        amount_fen: reg.amountFen,
        people_count: reg.peopleCount,
        major: reg.major ? 1 : 0,
        mass: reg.mass ? 1 : 0,
        mediators: JSON.stringify(reg.mediators),
      },
      parties: (caseId) => reg.parties.map((p, i) => fullPartyRow(caseId, p, i)),
    },
    clock,
  );
  await indexMediation(trx, created.id);
  await removeRegisteredDraft(trx, draftId);
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
  if (issues.length > 0) refuseIssues(issues, QUICK_ORAL_LABELS);
  if (draftId !== null) await requireDraft(trx, draftId);
  const created = await insertCase(
    trx,
    {
      title: titleOf(
        q.parties.map((p) => p.name),
        q.disputeType,
      ),
      receivedOn: q.mediatedOn,
      receivedBy: q.receivedBy,
      simple: true,
      detail: {
        source: q.source,
        source_detail: '',
        committee: q.committee,
        dispute_type: q.disputeType,
        summary: q.summary,
        requests: '',
        // A simple dispute is registered by what was agreed: the amount agreed stands for the amount involved.
        amount_fen: q.agreementAmountFen,
        people_count: q.parties.length,
        major: 0,
        mass: 0,
        mediators: JSON.stringify([q.mediator]),
      },
      parties: (caseId) => q.parties.map((p, i) => quickPartyRow(caseId, p, i, today)),
    },
    clock,
  );
  // The agreement, through the driver's last step like any action; a simple case needs no 调解记录 before it.
  const data = {
    form: '口头',
    content: q.agreementContent,
    amountFen: q.agreementAmountFen,
    performanceMethod: q.performanceMethod,
    performanceDueOn: q.performanceDueOn,
    effectiveOn: q.mediatedOn,
    agreementNumber: '',
    crimePrevention: q.crimePrevention,
    note: '口头调解登记',
  };
  await recordAction(
    trx,
    MEDIATION_LIFECYCLE,
    'mediation',
    { caseId: created.id, action: 'succeed', actedOn: q.mediatedOn, data },
    { user, clock },
  );
  await indexMediation(trx, created.id);
  await removeRegisteredDraft(trx, draftId);
  return created;
}
