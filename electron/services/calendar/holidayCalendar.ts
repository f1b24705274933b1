// The holiday schedule this office computes due dates with: the table shipped with the program (shared/holidays.ts)
// and, over it, the years the county bureau's configuration package installed (a new year's notice, or a correction).
import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema';
import type { HolidaySchedule, HolidayYearInfo } from '../../../shared/channels/holidays';
import { AppError } from '../../../shared/errors';
import {
  HOLIDAY_TABLE,
  holidayTableProblems,
  mergeHolidayTables,
  type HolidayTable,
  type HolidayYear,
} from '../../../shared/holidays';
import type { Clock } from '../system/clock';

/** The years installed after the release, as a table. */
export async function installedHolidayYears(db: Kysely<Database>): Promise<HolidayTable> {
  const rows = await db.selectFrom('holiday_years').selectAll().orderBy('year').execute();
  return Object.fromEntries(
    rows.map((r): [number, HolidayYear] => [
      r.year,
      { holidays: JSON.parse(r.holidays) as string[], workdays: JSON.parse(r.workdays) as string[], source: r.source },
    ]),
  );
}

/** The table every due date of this office is computed with. */
export async function holidayTableOf(db: Kysely<Database>): Promise<HolidayTable> {
  return mergeHolidayTables(HOLIDAY_TABLE, await installedHolidayYears(db));
}

/**
 * Installs years of the schedule (each replacing the year it names). A table with any problem is refused whole,
 * with the problems in Chinese, and nothing changes. Returns the years installed.
 */
export async function installHolidayYears(
  db: Kysely<Database>,
  table: HolidayTable,
  { by, clock }: { by: string; clock: Clock },
): Promise<number[]> {
  const problems = holidayTableProblems(table);
  if (problems.length > 0)
    throw new AppError('VALIDATION', `节假日安排：${problems.slice(0, 5).join('；')}`, 'holidays');
  const installedAt = clock.now().toISOString();
  const years: number[] = [];
  for (const [key, entry] of Object.entries(table)) {
    const row = {
      holidays: JSON.stringify([...entry.holidays].sort()),
      workdays: JSON.stringify([...entry.workdays].sort()),
      source: entry.source,
      installed_by: by,
      installed_at: installedAt,
    };
    await db
      .insertInto('holiday_years')
      .values({ year: Number(key), ...row })
      .onConflict((oc) => oc.column('year').doUpdateSet(row))
      .execute();
    years.push(Number(key));
  }
  return years.sort((a, b) => a - b);
}

/** Every year of the schedule, newest first, with where it came from; and this year or next when missing. */
export async function holidaySchedule(db: Kysely<Database>, today: string): Promise<HolidaySchedule> {
  const rows = await db.selectFrom('holiday_years').select(['year', 'installed_by', 'installed_at']).execute();
  const installed = new Map(rows.map((r) => [r.year, r]));
  const table = await holidayTableOf(db);
  const years = Object.entries(table)
    .map(([key, entry]): HolidayYearInfo => {
      const year = Number(key);
      const row = installed.get(year);
      return {
        year,
        holidays: [...entry.holidays],
        workdays: [...entry.workdays],
        source: entry.source,
        origin: row ? 'installed' : 'shipped',
        installedBy: row?.installed_by ?? null,
        installedAt: row?.installed_at ?? null,
      };
    })
    .sort((a, b) => b.year - a.year);
  const thisYear = Number(today.slice(0, 4));
  return { years, missingYears: [thisYear, thisYear + 1].filter((y) => !(y in table)) };
}
