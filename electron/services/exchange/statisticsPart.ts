// The period's statistics carried in each package (statistics.json): the office's own report for the period,
// computed by the statistics module (electron/services/statistics/office.ts) as the office's page shows it, and
// taken from the reports the clerk opened when the database has not changed since (statistics/officeReports.ts).
// The bureau computes the county's figures from the imported rows; this part lets it compare with what the office
// saw.
import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema';
import type { OfficeStatistics } from '../../../shared/statistics/compute';
import type { OfficeReports } from '../statistics/officeReports';

export interface StatisticsPart {
  period: string;
  asOf: string;
  figures: OfficeStatistics;
}

export async function periodStatistics(
  db: Kysely<Database>,
  reports: OfficeReports,
  period: string,
  asOf: string,
): Promise<StatisticsPart> {
  return { period, asOf, figures: await reports.report(db, period, asOf) };
}
