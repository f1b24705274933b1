import type BetterSqlite3 from 'better-sqlite3-multiple-ciphers';

/** One forward-only step of the schema. `up` runs inside a transaction together with the version bump. */
export interface Migration {
  version: number;
  name: string;
  up(db: BetterSqlite3.Database): void;
  /**
   * Runs with foreign key enforcement off: SQLite's way to rebuild a table that others reference (dropping it
   * would otherwise cascade into them). The runner checks `PRAGMA foreign_key_check` before it commits.
   */
  foreignKeysOff?: boolean;
}
