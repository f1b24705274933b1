// The follow-up rules (回访要求) this office or bureau keeps: the stored ones when set (by the bureau's own page, or
// by its configuration package at an office), else those that ship (shared/followUp/rules.ts).
import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema';
import type { SessionUser } from '../../../shared/accounts';
import type { FollowUpRulesInfo } from '../../../shared/channels/followUp';
import { DEFAULT_FOLLOW_UP_RULES, followUpRulesSchema, type FollowUpRules } from '../../../shared/followUp/rules';
import type { Clock } from '../system/clock';

export async function followUpRules(db: Kysely<Database>): Promise<FollowUpRulesInfo> {
  const row = await db.selectFrom('follow_up_rules').selectAll().where('id', '=', 1).executeTakeFirst();
  if (!row) return { rules: DEFAULT_FOLLOW_UP_RULES, isDefault: true, updatedBy: '', updatedAt: '' };
  // Checked when saved; rules naming a step a later version dropped fall back to the shipped ones.
  const parsed = followUpRulesSchema.safeParse(JSON.parse(row.rules));
  return {
    rules: parsed.success ? parsed.data : DEFAULT_FOLLOW_UP_RULES,
    isDefault: !parsed.success,
    updatedBy: row.updated_by,
    updatedAt: row.updated_at,
  };
}

/** Saves the rules (already checked by the schema), or goes back to the shipped ones with null. */
export async function setFollowUpRules(
  db: Kysely<Database>,
  rules: FollowUpRules | null,
  { user, clock }: { user: Pick<SessionUser, 'displayName'>; clock: Clock },
): Promise<FollowUpRulesInfo> {
  if (rules === null) {
    await db.deleteFrom('follow_up_rules').where('id', '=', 1).execute();
  } else {
    const values = {
      rules: JSON.stringify(rules),
      updated_by: user.displayName,
      updated_at: clock.now().toISOString(),
    };
    await db
      .insertInto('follow_up_rules')
      .values({ id: 1, ...values })
      .onConflict((oc) => oc.column('id').doUpdateSet(values))
      .execute();
  }
  return followUpRules(db);
}
