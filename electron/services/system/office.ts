import type { Kysely, Selectable } from 'kysely';
import type { Database, OfficeTable } from '../../../db/schema';
import { AppError } from '../../../shared/errors';
import { officeCode, type Office, type OfficeSetup } from '../../../shared/office';
import type { Clock } from './clock';

function toOffice(row: Selectable<OfficeTable>): Office {
  return {
    name: row.name,
    divisionCode: row.division_code,
    officeNumber: row.office_number,
    bureauName: row.bureau_name,
    caseNumberPrefix: row.case_number_prefix,
    officeCode: officeCode(row.division_code, row.office_number),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export async function getOffice(db: Kysely<Database>): Promise<Office | null> {
  const row = await db.selectFrom('office').selectAll().where('id', '=', 1).executeTakeFirst();
  return row ? toOffice(row) : null;
}

export async function requireOffice(db: Kysely<Database>): Promise<Office> {
  const office = await getOffice(db);
  if (!office) throw new AppError('NOT_SET_UP', '请先完成司法所设置');
  return office;
}

/** First-run setup, or a later correction; the office stays row 1. */
export async function setupOffice(db: Kysely<Database>, input: OfficeSetup, clock: Clock): Promise<Office> {
  const at = clock.now().toISOString();
  const values = {
    name: input.name,
    division_code: input.divisionCode,
    office_number: input.officeNumber,
    bureau_name: input.bureauName,
    case_number_prefix: input.caseNumberPrefix,
    updated_at: at,
  };
  await db
    .insertInto('office')
    .values({ id: 1, ...values, created_at: at })
    .onConflict((oc) => oc.column('id').doUpdateSet(values))
    .execute();
  return requireOffice(db);
}
