// The period's statistics carried in each package (statistics.json): the office's own report for the period,
// computed by the statistics module (electron/services/statistics.ts) as the office's page shows it. The bureau
// computes the county's figures from the imported rows; this part lets it compare with what the office saw.
import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema';
import type { OfficeStatistics } from '../../../shared/statistics/compute';
import { officeStatistics } from '../statistics/office';

export interface StatisticsPart {
  period: string;
  asOf: string;
  figures: OfficeStatistics;
}

export async function periodStatistics(db: Kysely<Database>, period: string, asOf: string): Promise<StatisticsPart> {
  return { period, asOf, figures: await officeStatistics(db, period, asOf) };
}
