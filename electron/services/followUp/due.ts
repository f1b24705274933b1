// The follow-ups due and overdue across the office (期限提醒's 回访 lists): every case that can still be followed up
// (its kind's follow-up statuses), its timeline matched against the county's rules (shared/followUp/rules.ts).
import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema';
import type { FollowUpDashboard, FollowUpDashboardItem } from '../../../shared/channels/followUp';
import { followUpsDue } from '../../../shared/followUp/rules';
import { ALL_KINDS } from '../../../shared/kinds';
import { timelinesOf } from '../cases/timeline';
import { followUpRules } from './rules';

/** Cases read per batch, as the deadline dashboard does: memory stays flat over years of cases. */
const CASES_PER_BATCH = 500;

export async function followUpDashboard(db: Kysely<Database>, today: string): Promise<FollowUpDashboard> {
  const { rules } = await followUpRules(db);
  const kinds = ALL_KINDS.filter((k) => k.followUp && rules.rules.some((r) => r.kind === k.kind));
  const items: FollowUpDashboardItem[] = [];
  for (const kind of kinds) {
    for (let after = 0; ;) {
      const cases = await db
        .selectFrom('cases')
        .select(['id', 'kind', 'case_number', 'status'])
        .where('kind', '=', kind.kind)
        .where('status', 'in', [...kind.followUp!.statuses])
        .where('id', '>', after)
        .orderBy('id')
        .limit(CASES_PER_BATCH)
        .execute();
      if (cases.length === 0) break;
      after = cases[cases.length - 1]!.id;
      const timelines = await timelinesOf(
        db,
        cases.map((c) => c.id),
      );
      for (const c of cases) {
        for (const d of followUpsDue(c.kind, c.status, timelines.get(c.id) ?? [], rules, today)) {
          if (d.status === 'due' || d.status === 'overdue')
            items.push({ caseId: c.id, kind: c.kind, caseNumber: c.case_number, ...d, status: d.status });
        }
      }
    }
  }
  const byDue = (a: FollowUpDashboardItem, b: FollowUpDashboardItem) =>
    a.due.localeCompare(b.due) || a.caseNumber.localeCompare(b.caseNumber);
  return {
    today,
    overdue: items.filter((i) => i.status === 'overdue').sort(byDue),
    due: items.filter((i) => i.status === 'due').sort(byDue),
  };
}
