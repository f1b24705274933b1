// The better-sqlite3 handle Kysely runs on. Kysely's SQLite driver calls `prepare` on every execution; compiling
// the statement again is a large share of a short query's time (and of a 2,000-row insert's), so the handle keeps
// each SQL text's statement.
import type BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import type { SqliteDatabase } from 'kysely';

/**
 * Kept statements, at most, the least recently used dropped first: texts with IN lists vary with the list's length
 * (and a long list's statement is large), so the cache must not grow with every length ever used.
 */
export const MAX_STATEMENTS = 200;

function statementCache(sqlite: BetterSqlite3.Database) {
  const statements = new Map<string, BetterSqlite3.Statement>();
  return (sql: string) => {
    let statement = statements.get(sql);
    // A statement still being iterated (a streamed query) cannot run again until it ends: that call gets its own.
    if (statement?.busy) return sqlite.prepare(sql);
    if (statement) {
      statements.delete(sql); // to the end of the Map's order: the most recently used
    } else {
      if (statements.size >= MAX_STATEMENTS) statements.delete(statements.keys().next().value!);
      statement = sqlite.prepare(sql);
    }
    statements.set(sql, statement);
    return statement;
  };
}

/** The handle with kept statements; the store closes the connection itself. */
export function cachingHandle(sqlite: BetterSqlite3.Database): SqliteDatabase {
  return { close: () => {}, prepare: statementCache(sqlite) };
}
