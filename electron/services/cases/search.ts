import { sql, type Kysely } from 'kysely';
import { bigramDocument, planSearch } from '../../../db/searchTokens';
import type { Database } from '../../../db/schema';
import { insertRows } from '../system/rowBatches';

/** Replaces a case's entry in both search indexes (inside the caller's transaction). */
export async function indexCaseText(trx: Kysely<Database>, caseId: number, body: string): Promise<void> {
  const old = await trx.selectFrom('case_search_text').select('body').where('case_id', '=', caseId).executeTakeFirst();
  if (old) {
    await sql`INSERT INTO case_search_trigram (case_search_trigram, rowid, body) VALUES ('delete', ${caseId}, ${old.body})`.execute(
      trx,
    );
    await sql`DELETE FROM case_search_bigram WHERE rowid = ${caseId}`.execute(trx);
  }
  await trx
    .insertInto('case_search_text')
    .values({ case_id: caseId, body })
    .onConflict((oc) => oc.column('case_id').doUpdateSet({ body }))
    .execute();
  await sql`INSERT INTO case_search_trigram (rowid, body) VALUES (${caseId}, ${body})`.execute(trx);
  await sql`INSERT INTO case_search_bigram (rowid, tokens) VALUES (${caseId}, ${bigramDocument(body)})`.execute(trx);
}

/**
 * Indexes cases just written (an import's), which have no entry yet: their text and both indexes in a statement per
 * hundred cases rather than four per case.
 */
export async function indexNewCasesText(
  trx: Kysely<Database>,
  entries: readonly { caseId: number; body: string }[],
): Promise<void> {
  await insertRows(
    trx,
    'case_search_text',
    entries.map((e) => ({ case_id: e.caseId, body: e.body })),
  );
  for (let i = 0; i < entries.length; i += INDEX_ROWS_PER_STATEMENT) {
    const some = entries.slice(i, i + INDEX_ROWS_PER_STATEMENT);
    await sql`INSERT INTO case_search_trigram (rowid, body) VALUES ${sql.join(some.map((e) => sql`(${e.caseId}, ${e.body})`))}`.execute(
      trx,
    );
    await sql`INSERT INTO case_search_bigram (rowid, tokens) VALUES ${sql.join(some.map((e) => sql`(${e.caseId}, ${bigramDocument(e.body)})`))}`.execute(
      trx,
    );
  }
}

const INDEX_ROWS_PER_STATEMENT = 500;

/** The ids of the cases whose indexed text contains the query (as a subquery for the case list). */
export function matchingCaseIds(query: string) {
  const plan = planSearch(query);
  switch (plan.index) {
    case 'trigram':
      return sql<number>`(SELECT rowid FROM case_search_trigram WHERE case_search_trigram MATCH ${plan.match})`;
    case 'bigram':
      return sql<number>`(SELECT rowid FROM case_search_bigram WHERE case_search_bigram MATCH ${plan.match})`;
    case 'like':
      return sql<number>`(SELECT case_id FROM case_search_text WHERE lower(body) LIKE ${plan.pattern} ESCAPE '\\')`;
    case 'none':
      return null;
  }
}
