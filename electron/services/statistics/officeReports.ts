// The office's reports computed by this process, kept for reuse. The clerk opens the period's report (统计报表)
// before exporting the period, and the package carries the same figures: at office scale a report reads the year's
// ≈ 11,000 cases and their timelines (about a second), so the export takes them from here instead of computing them
// again. An entry is served only while everything its figures depend on is unchanged: the period, the as-of day,
// and the database's state, which is the connection's own `total_changes()` (rows written by this connection,
// committed or not) with `PRAGMA data_version` (commits by any other connection to the file, in this process or
// another). Both only ever grow, so a state once left never comes back. The cache belongs to the open connection:
// a re-opened store (a restore restarts the app) starts with none.
import type BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema';
import type { OfficeStatistics } from '../../../shared/statistics/compute';
import { officeStatistics } from './office';

/** A few periods: the month, its quarter and year, and one more the clerk looked at. */
const KEPT = 4;

interface Entry {
  period: string;
  asOf: string;
  state: string;
  figures: OfficeStatistics;
}

export class OfficeReports {
  private entries: Entry[] = [];
  /** How many reports were computed rather than reused (the tests and the bench read it). */
  computed = 0;
  private readonly changes: BetterSqlite3.Statement;

  constructor(private readonly sqlite: BetterSqlite3.Database) {
    this.changes = sqlite.prepare('SELECT total_changes()').pluck();
  }

  private state(): string {
    return `${this.sqlite.pragma('data_version', { simple: true })}:${this.changes.get()}`;
  }

  /**
   * The office's report for a period as of a day, reused while the database is as it was when it was computed.
   * `db` is the call's (a writing call's transaction): the same connection.
   */
  async report(db: Kysely<Database>, period: string, asOf: string): Promise<OfficeStatistics> {
    const before = this.state();
    const kept = this.entries.find((e) => e.period === period && e.asOf === asOf && e.state === before);
    if (kept) return structuredClone(kept.figures);
    // Inside a transaction the figures may count rows it wrote before now, which a rollback would take back while
    // total_changes() stays where it is: such figures are used but never kept.
    const inTransaction = this.sqlite.inTransaction;
    const figures = await officeStatistics(db, period, asOf);
    this.computed++;
    // The state read again: a write (or another connection's commit) while the report was being read would have
    // moved it, and the figures might then be of neither state.
    if (!inTransaction && this.state() === before) {
      this.entries = [
        { period, asOf, state: before, figures: structuredClone(figures) },
        ...this.entries.filter((e) => e.period !== period || e.asOf !== asOf),
      ].slice(0, KEPT);
    }
    return figures;
  }
}

const reports = new WeakMap<BetterSqlite3.Database, OfficeReports>();

/** The reports kept for this connection (one per open store). */
export function officeReportsOf(sqlite: BetterSqlite3.Database): OfficeReports {
  let kept = reports.get(sqlite);
  if (!kept) reports.set(sqlite, (kept = new OfficeReports(sqlite)));
  return kept;
}
