import type BetterSqlite3 from 'better-sqlite3';

/** One forward-only step of the schema. `up` runs inside a transaction together with the version bump. */
export interface Migration {
  version: number;
  name: string;
  up(db: BetterSqlite3.Database): void;
}
