// Conflict checks: is a party of this case (or of a form not yet saved) a party of another case, of any kind?
// The same person is the same ID number, or the same name and birth date (the birth date read from a GB 11643
// number when it was not entered). Above all, an opposing party here who is a legal-aid applicant there: the office
// would be acting against a person it aids. Mediation and notarization call `findConflicts` with their own parties.
import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema';
import type { SessionUser } from '../../../shared/accounts';
import { AppError } from '../../../shared/errors';
import { isMaskedIdNumber, parseIdNumber } from '../../../shared/identity';
import { kindOf } from '../../../shared/kinds';
import type { CaseKind } from '../../../shared/options';
import {
  PARTY_ROLE_LABELS,
  PARTY_ROLES,
  type ConflictAcknowledgement,
  type ConflictMatch,
  type ConflictParty,
  type ConflictReport,
  type ConflictSeverity,
  type MatchKind,
  type PartyRole,
} from '../../../shared/cases/conflicts';
import type { Clock } from '../system/clock';

/**
 * A number as stored: GB 11643 numbers canonical (15 digits upgraded, x upper-cased), others without spaces. A masked
 * number (a party recovered from the bureau's copy) is no number: '' matches nothing.
 */
function canonicalId(idNumber: string, today: string): string {
  if (idNumber === '' || isMaskedIdNumber(idNumber)) return '';
  const parsed = parseIdNumber(idNumber, today);
  return parsed.ok ? parsed.value.canonical : idNumber.replace(/\s/g, '').toUpperCase();
}

function birthDateOf(birthDate: string, idNumber: string, today: string): string {
  if (birthDate) return birthDate;
  if (!idNumber || isMaskedIdNumber(idNumber)) return '';
  const parsed = parseIdNumber(idNumber, today);
  return parsed.ok ? parsed.value.birthDate : '';
}

function judge(
  here: PartyRole,
  there: PartyRole,
  kind: CaseKind,
): { aidedElsewhere: boolean; adverse: boolean; severity: ConflictSeverity } {
  // The person is the one the office aids in the other case (a legal-aid applicant).
  const aidedElsewhere = kindOf(kind).aidedRole === there;
  // A mediation party stands on no fixed side: being one elsewhere is worth a warning, not a verdict on sides.
  const sided = here !== 'party' && there !== 'party';
  const adverse = sided && (here === 'opposing') !== (there === 'opposing');
  const severity: ConflictSeverity =
    here === 'opposing' && aidedElsewhere ? 'high' : adverse || !sided ? 'warning' : 'info';
  return { aidedElsewhere, adverse, severity };
}

function messageOf(m: Omit<ConflictMatch, 'message'>): string {
  const there = `${kindOf(m.otherCase.kind).label}案件${m.otherCase.caseNumber}`;
  const who = `${PARTY_ROLE_LABELS[m.partyRole]}“${m.partyName}”`;
  if (m.severity === 'high') return `${who}是本所${there}的法律援助申请人（受援人），本案与其利益相对，请注意利益冲突`;
  return `${who}在${there}中为${PARTY_ROLE_LABELS[m.otherRole]}${m.adverse ? '，双方立场相对，请注意利益冲突' : ''}`;
}

/** Other cases where the given parties appear; `excludeCaseId` is the case being checked itself. */
async function findConflicts(
  db: Kysely<Database>,
  parties: readonly ConflictParty[],
  { excludeCaseId, today }: { excludeCaseId: number | null; today: string },
): Promise<ConflictReport> {
  const wanted = parties.map((p) => {
    const idNumber = canonicalId(p.idNumber, today);
    return { ...p, idNumber, birthDate: birthDateOf(p.birthDate, idNumber, today) };
  });
  const ids = [...new Set(wanted.map((p) => p.idNumber).filter(Boolean))];
  const names = [...new Set(wanted.filter((p) => p.birthDate).map((p) => p.name))];
  if (ids.length === 0 && names.length === 0) return { checked: parties.length, matches: [] };

  let q = db
    .selectFrom('parties as p')
    .innerJoin('cases as c', 'c.id', 'p.case_id')
    .select([
      'p.name',
      'p.id_number',
      'p.birth_date',
      'p.role',
      'c.id as case_id',
      'c.kind',
      'c.case_number',
      'c.status',
      'c.title',
      'c.received_on',
    ])
    .where((eb) => {
      const ors = [];
      if (ids.length > 0) ors.push(eb('p.id_number', 'in', ids));
      if (names.length > 0) ors.push(eb('p.name', 'in', names));
      return eb.or(ors);
    });
  if (excludeCaseId !== null) q = q.where('c.id', '<>', excludeCaseId);
  const rows = await q.orderBy('c.received_on', 'desc').orderBy('c.id', 'desc').execute();

  const matches: ConflictMatch[] = [];
  wanted.forEach((party, partyIndex) => {
    const seen = new Set<number>();
    for (const row of rows) {
      const byId = party.idNumber !== '' && !isMaskedIdNumber(row.id_number) && row.id_number === party.idNumber;
      const rowBirth = birthDateOf(row.birth_date, row.id_number, today);
      const byNameAndBirth = party.birthDate !== '' && row.name === party.name && rowBirth === party.birthDate;
      if (!byId && !byNameAndBirth) continue;
      const key = row.case_id * 10 + PARTY_ROLES.indexOf(row.role as PartyRole);
      if (seen.has(key)) continue;
      seen.add(key);
      const otherRole = row.role as PartyRole;
      const matchedBy: MatchKind = byId ? 'idNumber' : 'nameAndBirthDate';
      const base = {
        partyIndex,
        partyName: party.name,
        partyRole: party.role,
        matchedBy,
        otherCase: {
          id: row.case_id,
          kind: row.kind,
          caseNumber: row.case_number,
          status: row.status,
          title: row.title,
          receivedOn: row.received_on,
        },
        otherName: row.name,
        otherRole,
        ...judge(party.role, otherRole, row.kind),
      };
      matches.push({ ...base, message: messageOf(base) });
    }
  });
  const rank: Record<ConflictSeverity, number> = { high: 0, warning: 1, info: 2 };
  matches.sort((a, b) => rank[a.severity] - rank[b.severity] || a.partyIndex - b.partyIndex);
  return { checked: parties.length, matches };
}

/** The stored parties of a case, as a conflict query. */
async function partiesOfCase(db: Kysely<Database>, caseId: number): Promise<ConflictParty[]> {
  const found = await db.selectFrom('cases').select('id').where('id', '=', caseId).executeTakeFirst();
  if (!found) throw new AppError('NOT_FOUND', '案件不存在', 'caseId');
  const rows = await db
    .selectFrom('parties')
    .select(['name', 'id_number', 'birth_date', 'role'])
    .where('case_id', '=', caseId)
    .orderBy('role')
    .orderBy('position')
    .execute();
  return rows.map((r) => ({ name: r.name, idNumber: r.id_number, birthDate: r.birth_date, role: r.role as PartyRole }));
}

/** The `cases.conflicts` channel: the given parties, or (none given) the case's own. */
export async function checkConflicts(
  db: Kysely<Database>,
  { caseId, parties }: { caseId: number | null; parties: ConflictParty[] },
  today: string,
): Promise<ConflictReport> {
  const checked = parties.length > 0 ? parties : await partiesOfCase(db, caseId!);
  if (caseId !== null && parties.length > 0) await partiesOfCase(db, caseId); // the case must exist
  return findConflicts(db, checked, { excludeCaseId: caseId, today });
}

export async function acknowledgeConflicts(
  db: Kysely<Database>,
  user: SessionUser,
  input: { caseId: number; matches: { otherCaseId: number; partyName: string; matchedBy: MatchKind }[]; note: string },
  clock: Clock,
): Promise<ConflictAcknowledgement> {
  const found = await db.selectFrom('cases').select('id').where('id', '=', input.caseId).executeTakeFirst();
  if (!found) throw new AppError('NOT_FOUND', '案件不存在', 'caseId');
  for (const [i, m] of input.matches.entries()) {
    const field = `matches.${i}.otherCaseId`;
    if (m.otherCaseId === input.caseId) throw new AppError('VALIDATION', '冲突案件：不能是本案', field);
    const other = await db.selectFrom('cases').select('id').where('id', '=', m.otherCaseId).executeTakeFirst();
    if (!other) throw new AppError('NOT_FOUND', '冲突案件不存在', field);
  }
  const at = clock.now().toISOString();
  const { id } = await db
    .insertInto('conflict_acknowledgements')
    .values({
      case_id: input.caseId,
      matches: JSON.stringify(input.matches),
      note: input.note,
      user_id: user.id > 0 ? user.id : null,
      username: user.displayName,
      acknowledged_at: at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return {
    id,
    caseId: input.caseId,
    matches: input.matches,
    note: input.note,
    username: user.displayName,
    acknowledgedAt: at,
  };
}

export async function listConflictAcknowledgements(
  db: Kysely<Database>,
  caseId: number,
): Promise<ConflictAcknowledgement[]> {
  const found = await db.selectFrom('cases').select('id').where('id', '=', caseId).executeTakeFirst();
  if (!found) throw new AppError('NOT_FOUND', '案件不存在', 'caseId');
  const rows = await db
    .selectFrom('conflict_acknowledgements')
    .selectAll()
    .where('case_id', '=', caseId)
    .orderBy('id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    caseId: r.case_id,
    matches: JSON.parse(r.matches) as ConflictAcknowledgement['matches'],
    note: r.note,
    username: r.username,
    acknowledgedAt: r.acknowledged_at,
  }));
}
