import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema';
import { formatCaseNumber } from '../../../shared/cases/caseNumber';
import type { CaseKind } from '../../../shared/options';

/**
 * Takes the next number of a kind and year inside the caller's transaction. The counter only moves forward,
 * so a number once given is never given again, even if its case is later removed.
 */
export async function takeCaseNumber(
  trx: Kysely<Database>,
  kind: CaseKind,
  year: number,
  prefix: string,
): Promise<{ seq: number; caseNumber: string }> {
  const row = await trx
    .insertInto('case_number_counters')
    .values({ kind, year, last_seq: 1 })
    .onConflict((oc) =>
      oc.columns(['kind', 'year']).doUpdateSet((eb) => ({ last_seq: eb('case_number_counters.last_seq', '+', 1) })),
    )
    .returning('last_seq')
    .executeTakeFirstOrThrow();
  return { seq: row.last_seq, caseNumber: formatCaseNumber(prefix, kind, year, row.last_seq) };
}
