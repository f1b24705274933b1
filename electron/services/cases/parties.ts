// The parties of a case of any kind, as the `parties` table holds them: a row made from the fields a kind's form
// has (the rest blank), written inside the registration's transaction, and read back in the order they were
// entered. Each kind keeps what only it records of a party in its own table beside this one.
import type { Kysely, Selectable } from 'kysely';
import type { Database, NewParty, PartyTable } from '../../../db/schema';

export type Party = Selectable<PartyTable>;

/** The id type recorded for an organisation's 统一社会信用代码. */
export const CREDIT_CODE_ID_TYPE = '统一社会信用代码';

const BLANK_PARTY = {
  sex: '',
  ethnicity: '',
  birth_date: '',
  id_type: '',
  id_number: '',
  household_address: '',
  residence: '',
  phone: '',
  employer: '',
  relation: '',
  lacks_capacity: 0,
} satisfies Partial<NewParty>;

type PartyFields = Partial<Omit<NewParty, 'case_id' | 'role' | 'position' | 'name'>>;

/** A party's row: what the form gave, every other column blank. */
export function partyRow(
  caseId: number,
  role: NewParty['role'],
  position: number,
  name: string,
  fields: PartyFields = {},
): NewParty {
  return { ...BLANK_PARTY, ...fields, case_id: caseId, role, position, name };
}

/** 居民身份证, or 港澳台居民居住证 for the 81/82/83 address codes (both GB 11643); '' without a number. */
export function idTypeOf(idNumber: string): string {
  if (!idNumber) return '';
  return /^8[123]/.test(idNumber) ? '港澳台居民居住证' : '居民身份证';
}

/** Writes one party; answers its id (a kind's own table of party details refers to it). */
export async function insertParty(db: Kysely<Database>, row: NewParty): Promise<number> {
  const { id } = await db.insertInto('parties').values(row).returning('id').executeTakeFirstOrThrow();
  return id;
}

/** The case's parties, by role and in the order they were entered. */
export function partiesQuery(db: Kysely<Database>, caseId: number) {
  return db
    .selectFrom('parties')
    .where('parties.case_id', '=', caseId)
    .orderBy('parties.role')
    .orderBy('parties.position');
}

export async function partiesOf(db: Kysely<Database>, caseId: number): Promise<Party[]> {
  return partiesQuery(db, caseId).selectAll('parties').execute();
}

/** What the search index holds of a party: its name and numbers, the empty ones left out by the caller. */
export const partyTerms = (p: {
  name: string;
  idNumber?: string;
  creditCode?: string;
  legalRepresentative?: string;
  phone?: string;
}): string[] => [
  p.name,
  p.idNumber ?? p.creditCode ?? '',
  ...(p.legalRepresentative !== undefined ? [p.legalRepresentative] : []),
  p.phone ?? '',
];
