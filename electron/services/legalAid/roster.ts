// The roster of people legal-aid cases are assigned to, and the rotation: among the active entries whose
// expertise matches the case, the one assigned least recently goes first (never assigned before anyone; ties by
// the order they were added), so cases are shared out evenly. The rotation is computed from the assignments made,
// never stored, so it cannot drift from what happened.
import type { Kysely, Selectable } from 'kysely';
import type { Database, LegalAidRosterTable } from '../../../db/schema';
import type { RosterCandidate, RosterEntry, RosterSuggestion } from '../../../shared/channels/legalAid';
import { AppError } from '../../../shared/errors';
import { parsePhone } from '../../../shared/identity';
import { expertiseFor, inferMatterType, type ExpertiseArea } from '../../../shared/kinds/legalAid/eligibility';
import type { ORG_TYPES } from '../../../shared/kinds/legalAid/options';
import type { RosterEntryInput, RosterUpdateInput } from '../../../shared/kinds/legalAid/roster';
import type { Clock } from '../system/clock';
import { legalAidFactsOf } from './deadlines';
import { getLegalAidCase } from './record';

type OrgType = (typeof ORG_TYPES)[number];

function entryOf(row: Selectable<LegalAidRosterTable>): RosterEntry {
  return {
    id: row.id,
    orgType: row.org_type as OrgType,
    orgName: row.org_name,
    personName: row.person_name,
    phone: row.phone,
    expertise: JSON.parse(row.expertise) as ExpertiseArea[],
    note: row.note,
    active: row.active === 1,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function canonicalPhone(phone: string): string {
  if (phone === '') return '';
  const parsed = parsePhone(phone);
  if (!parsed.ok) throw new AppError('VALIDATION', '联系电话：应为手机号码或带区号的固定电话', 'phone');
  return parsed.value;
}

async function refuseDuplicate(
  db: Kysely<Database>,
  orgName: string,
  personName: string,
  exceptId: number | null,
): Promise<void> {
  let q = db
    .selectFrom('legal_aid_roster')
    .select('id')
    .where('org_name', '=', orgName)
    .where('person_name', '=', personName);
  if (exceptId !== null) q = q.where('id', '<>', exceptId);
  if (await q.executeTakeFirst()) throw new AppError('CONFLICT', `名册中已有${orgName}的${personName}`, 'personName');
}

export async function listRoster(db: Kysely<Database>, activeOnly: boolean): Promise<RosterEntry[]> {
  let q = db.selectFrom('legal_aid_roster').selectAll();
  if (activeOnly) q = q.where('active', '=', 1);
  return (await q.orderBy('org_name').orderBy('person_name').execute()).map(entryOf);
}

export async function requireRosterEntry(db: Kysely<Database>, id: number, field = 'id'): Promise<RosterEntry> {
  const row = await db.selectFrom('legal_aid_roster').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND', '名册中没有该人员', field);
  return entryOf(row);
}

export async function addRosterEntry(
  db: Kysely<Database>,
  input: RosterEntryInput,
  clock: Clock,
): Promise<RosterEntry> {
  const phone = canonicalPhone(input.phone);
  await refuseDuplicate(db, input.orgName, input.personName, null);
  const at = clock.now().toISOString();
  const row = await db
    .insertInto('legal_aid_roster')
    .values({
      org_type: input.orgType,
      org_name: input.orgName,
      person_name: input.personName,
      phone,
      expertise: JSON.stringify(input.expertise),
      note: input.note,
      active: 1,
      created_at: at,
      updated_at: at,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return entryOf(row);
}

export async function updateRosterEntry(
  db: Kysely<Database>,
  input: RosterUpdateInput,
  clock: Clock,
): Promise<RosterEntry> {
  await requireRosterEntry(db, input.id);
  const phone = canonicalPhone(input.phone);
  await refuseDuplicate(db, input.orgName, input.personName, input.id);
  const row = await db
    .updateTable('legal_aid_roster')
    .set({
      org_type: input.orgType,
      org_name: input.orgName,
      person_name: input.personName,
      phone,
      expertise: JSON.stringify(input.expertise),
      note: input.note,
      active: input.active ? 1 : 0,
      updated_at: clock.now().toISOString(),
    })
    .where('id', '=', input.id)
    .returningAll()
    .executeTakeFirstOrThrow();
  return entryOf(row);
}

/** Whom to assign next: `expertise` is what the case calls for (null when unknown: everyone matches). */
async function suggestFromRoster(
  db: Kysely<Database>,
  { expertise, orgType }: { expertise: ExpertiseArea | null; orgType: OrgType | null },
): Promise<RosterSuggestion> {
  let q = db
    .selectFrom('legal_aid_roster as r')
    .leftJoin('legal_aid_assignments as a', 'a.roster_id', 'r.id')
    .selectAll('r')
    .select((eb) => [
      eb.fn.max('a.assigned_on').as('last_assigned_on'),
      eb.fn.max('a.id').as('last_assignment_id'),
      eb.fn.count<number>('a.id').as('assignment_count'),
    ])
    .where('r.active', '=', 1)
    .groupBy('r.id');
  if (orgType !== null) q = q.where('r.org_type', '=', orgType);
  const rows = await q.execute();
  const candidates: (RosterCandidate & { lastAssignmentId: number })[] = rows.map((row) => {
    const entry = entryOf(row);
    return {
      ...entry,
      matchesExpertise: expertise === null || entry.expertise.includes(expertise),
      lastAssignedOn: (row.last_assigned_on as string | null) ?? null,
      assignmentCount: Number(row.assignment_count),
      lastAssignmentId: Number(row.last_assignment_id ?? 0),
    };
  });
  candidates.sort(
    (a, b) =>
      Number(b.matchesExpertise) - Number(a.matchesExpertise) ||
      (a.lastAssignedOn ?? '').localeCompare(b.lastAssignedOn ?? '') ||
      a.lastAssignmentId - b.lastAssignmentId ||
      a.id - b.id,
  );
  const out = candidates.map(({ lastAssignmentId: _, ...c }) => c);
  return { expertise, next: out[0] ?? null, candidates: out };
}

/** Records an assignment (the case's 指派 action is recorded by the lifecycle service in the same transaction). */
export async function recordAssignment(
  db: Kysely<Database>,
  a: {
    caseId: number;
    rosterId: number | null;
    assignedBy: string;
    orgType: string;
    orgName: string;
    personName: string;
    assignedOn: string;
  },
  clock: Clock,
): Promise<void> {
  await db
    .insertInto('legal_aid_assignments')
    .values({
      case_id: a.caseId,
      roster_id: a.rosterId,
      assigned_by: a.assignedBy,
      org_type: a.orgType,
      org_name: a.orgName,
      person_name: a.personName,
      assigned_on: a.assignedOn,
      recorded_at: clock.now().toISOString(),
    })
    .execute();
}

/** Whom to assign the case to: the roster's rotation among those whose expertise fits the case's 事项类型. */
export async function rosterSuggestionForCase(
  db: Kysely<Database>,
  caseId: number,
  orgType: (typeof ORG_TYPES)[number] | null,
): Promise<RosterSuggestion> {
  const facts = await legalAidFactsOf(db, caseId);
  const { application } = await getLegalAidCase(db, caseId);
  const type = facts.decision?.matterType ?? inferMatterType(application.category, application.matter);
  return suggestFromRoster(db, { expertise: type ? expertiseFor(type) : null, orgType });
}
