// Installing a dossier rule set as the active one — the county bureau's configuration package calls
// `installDossierRuleSet` — and re-checking every open case against it.
import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema';
import { dossierRuleSetSchema, type DossierRuleSet } from '../../../shared/dossier/ruleSet';
import { AppError } from '../../../shared/errors';
import { validationError } from '../../../shared/validation';
import type { Clock } from '../system/clock';
import { recheckOpenDossiers } from './checklist';
import { activeDossierRules } from './rules';

const RULE_SET_LABELS = { version: '版本号', name: '名称', source: '依据', kinds: '卷宗材料' } as const;

/**
 * Validates and installs a rule set as the active one; its version must be higher than any installed. Every
 * open case is re-checked against it. Runs in the caller's transaction.
 */
export async function installDossierRuleSet(
  db: Kysely<Database>,
  ruleSet: unknown,
  { by, clock }: { by: string; clock: Clock },
): Promise<{ version: number; recheckedCases: number }> {
  const checked = dossierRuleSetSchema.safeParse(ruleSet);
  if (!checked.success) throw validationError(checked.error, RULE_SET_LABELS);
  const set = checked.data as DossierRuleSet;
  const current = await activeDossierRules(db);
  if (set.version <= current.version) {
    throw new AppError('CONFLICT', `卷宗材料标准版本号应大于当前的第${current.version}版`, 'version');
  }
  await db
    .insertInto('dossier_rule_sets')
    .values({
      version: set.version,
      name: set.name,
      rules: JSON.stringify(set),
      installed_at: clock.now().toISOString(),
      installed_by: by,
    })
    .execute();
  return { version: set.version, recheckedCases: await recheckOpenDossiers(db, clock) };
}
