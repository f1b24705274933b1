// Registering a case of any kind, the steps every kind takes around its own rows: the next number of its kind and
// year and its row of `cases` first; after the kind's own rows, the timeline's first entry and the dossier's first
// check (lists read the stored result). All inside the registration's transaction.
import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema';
import type { CaseKind } from '../../../shared/options';
import { recordDossierCheck } from '../dossier/checklist';
import type { Clock } from '../system/clock';
import { requireOffice } from '../system/office';
import { takeCaseNumber } from './numbers';
import { recordRegistration } from './timeline';

export interface NewCase {
  title: string;
  status: string;
  /** The 受理/申请日期 the clerk entered: its year is the case number's. */
  receivedOn: string;
  receivedBy: string;
}

/** The case's number and row; answers its id and number. */
export async function openCase(
  trx: Kysely<Database>,
  kind: CaseKind,
  c: NewCase,
  clock: Clock,
): Promise<{ id: number; caseNumber: string }> {
  const office = await requireOffice(trx);
  const year = Number(c.receivedOn.slice(0, 4));
  const { seq, caseNumber } = await takeCaseNumber(trx, kind, year, office.caseNumberPrefix);
  const at = clock.now().toISOString();
  const { id } = await trx
    .insertInto('cases')
    .values({
      kind,
      case_number: caseNumber,
      case_year: year,
      case_seq: seq,
      status: c.status,
      title: c.title,
      received_on: c.receivedOn,
      received_by: c.receivedBy,
      created_at: at,
      updated_at: at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id, caseNumber };
}

/** Once the kind's own rows are written: the timeline's first entry, and the dossier checked from the start. */
export async function completeRegistration(trx: Kysely<Database>, id: number, c: NewCase, clock: Clock): Promise<void> {
  await recordRegistration(trx, id, { status: c.status, receivedOn: c.receivedOn, by: c.receivedBy, clock });
  await recordDossierCheck(trx, id, clock);
}
