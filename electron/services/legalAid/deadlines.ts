// 法律援助: a case's facts as its timeline says them, and its statutory time limits on a day (the case page's list;
// the dashboard reads every case's at once, electron/services/cases/dashboard.ts).
import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema';
import type { DeadlineRuleOverrides } from '../../../shared/deadlines';
import { deadlinesOf, type LegalAidDeadline } from '../../../shared/kinds/legalAid/deadlines';
import type { LegalAidFacts } from '../../../shared/kinds/legalAid/lifecycle';
import { caseFactsOf } from '../cases/facts';
import { holidayTableOf } from '../calendar/holidayCalendar';

export async function legalAidFactsOf(db: Kysely<Database>, caseId: number): Promise<LegalAidFacts> {
  return (await caseFactsOf<LegalAidFacts>(db, caseId, 'legal_aid')).facts;
}

/** Every statutory limit of the case on `today`. */
export async function legalAidDeadlines(
  db: Kysely<Database>,
  caseId: number,
  today: string,
  rules?: DeadlineRuleOverrides,
): Promise<LegalAidDeadline[]> {
  return deadlinesOf(await legalAidFactsOf(db, caseId), today, {
    table: await holidayTableOf(db),
    ...(rules ? { rules } : {}),
  });
}
