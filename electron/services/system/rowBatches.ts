// Many rows of one table written in few statements, for imports that write thousands of rows in one transaction
// (台账导入). Kysely builds and compiles each statement from the rows' own typed columns (db/schema.ts: no second
// column list); a statement of a given shape (table, columns, rows, RETURNING) is compiled once and then run with
// the next rows' values bound straight in, the bureau import's way (electron/services/exchange/bureauImport.ts):
// building and compiling a statement per row, not SQLite, was most of a 10,000-row ledger's import. The
// triggers still fire for every row: each is audited and change-logged as if written alone.
import { CompiledQuery, type Insertable, type Kysely, type Selectable } from 'kysely';
import type { Database } from '../../../db/schema';

type Table = keyof Database & string;

/**
 * Rows per statement: two shapes per table and RETURNING list (full statements, then single rows for the rest), so
 * each is compiled once per process. 100 rows of the widest table stay far below SQLite's 32,766 parameters.
 */
const ROWS_PER_STATEMENT = 100;

/** SQL per statement shape; '' when Kysely did not bind exactly the rows' values in order (then it compiles each). */
const compiledSql = new Map<string, string>();

function valuesOf(rows: readonly Record<string, unknown>[], columns: readonly string[], table: string): unknown[] {
  const values: unknown[] = [];
  for (const row of rows) {
    const keys = Object.keys(row);
    if (keys.length !== columns.length || keys.some((k, i) => k !== columns[i]))
      throw new Error(`rows of ${table} with different columns in one batch`);
    for (const c of columns) {
      const v = row[c];
      if (v === undefined) throw new Error(`${table}.${c} undefined in a batch`);
      values.push(v);
    }
  }
  return values;
}

async function runStatement(
  trx: Kysely<Database>,
  table: Table,
  rows: readonly Record<string, unknown>[],
  columns: readonly string[],
  returning: readonly string[],
): Promise<unknown[]> {
  const values = valuesOf(rows, columns, table);
  const shape = `${table}|${columns.join(',')}|${rows.length}|${returning.join(',')}`;
  const known = compiledSql.get(shape);
  if (known) return (await trx.executeQuery(CompiledQuery.raw(known, values))).rows;
  // The table is a type parameter here: Kysely checks the rows' columns at the caller (insertRows' signature).
  const untyped = trx as unknown as Kysely<Record<string, Record<string, unknown>>>;
  const insert = untyped.insertInto(table).values(rows as Record<string, unknown>[]);
  const query = (returning.length ? insert.returning(returning as never) : insert).compile();
  if (known === undefined)
    compiledSql.set(shape, JSON.stringify(query.parameters) === JSON.stringify(values) ? query.sql : '');
  return (await trx.executeQuery(query)).rows;
}

/**
 * Inserts `rows` (all with the same columns, in the same order) into `table`, in order, and answers the `returning`
 * columns of every row written (in no promised order: find each row by a key of its own).
 */
export async function insertRows<T extends Table, K extends keyof Selectable<Database[T]> & string = never>(
  trx: Kysely<Database>,
  table: T,
  rows: readonly Insertable<Database[T]>[],
  returning: readonly K[] = [],
): Promise<Pick<Selectable<Database[T]>, K>[]> {
  if (rows.length === 0) return [];
  const plain = rows as readonly Record<string, unknown>[];
  const columns = Object.keys(plain[0]!);
  const written: unknown[] = [];
  let at = 0;
  for (; at + ROWS_PER_STATEMENT <= plain.length; at += ROWS_PER_STATEMENT)
    written.push(...(await runStatement(trx, table, plain.slice(at, at + ROWS_PER_STATEMENT), columns, returning)));
  for (; at < plain.length; at++)
    written.push(...(await runStatement(trx, table, plain.slice(at, at + 1), columns, returning)));
  return written as Pick<Selectable<Database[T]>, K>[];
}
