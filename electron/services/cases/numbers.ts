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
  return (await takeCaseNumbers(trx, kind, year, prefix, 1))[0]!;
}

/** Takes the next `count` numbers of a kind and year at once (an import's cases), in order, moving the counter once. */
export async function takeCaseNumbers(
  trx: Kysely<Database>,
  kind: CaseKind,
  year: number,
  prefix: string,
  count: number,
): Promise<{ seq: number; caseNumber: string }[]> {
  const row = await trx
    .insertInto('case_number_counters')
    .values({ kind, year, last_seq: count })
    .onConflict((oc) =>
      oc.columns(['kind', 'year']).doUpdateSet((eb) => ({ last_seq: eb('case_number_counters.last_seq', '+', count) })),
    )
    .returning('last_seq')
    .executeTakeFirstOrThrow();
  return Array.from({ length: count }, (_, i) => {
    const seq = row.last_seq - count + 1 + i;
    return { seq, caseNumber: formatCaseNumber(prefix, kind, year, seq) };
  });
}
