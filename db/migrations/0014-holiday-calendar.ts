import type { Migration } from './migration';

/**
 * Years of the State Council's holiday schedule that came after the release, from the county bureau's configuration
 * package (or a correction of a shipped year): one row a year, merged over the shipped table (shared/holidays.ts)
 * wherever a due date is computed.
 */
export const holidayCalendar: Migration = {
  version: 14,
  name: 'holiday-calendar',
  up(db) {
    db.exec(`
      CREATE TABLE holiday_years (
        year INTEGER PRIMARY KEY CHECK (year BETWEEN 1949 AND 9999),
        holidays TEXT NOT NULL CHECK (json_valid(holidays)),
        workdays TEXT NOT NULL CHECK (json_valid(workdays)),
        source TEXT NOT NULL,
        installed_by TEXT NOT NULL,
        installed_at TEXT NOT NULL
      );
    `);
  },
};
