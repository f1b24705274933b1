// The dossier rule sets kept in the data file: the active one (the highest version), and any earlier one (an
// archived case stays judged by the version it was archived under). Installing a newer set is ./install.ts.
import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema';
import type { DossierRuleSet } from '../../../shared/dossier/ruleSet';
import { AppError } from '../../../shared/errors';

// Parsed sets by version: a stored version never changes, so parsing it once per process is enough.
const parsed = new Map<string, DossierRuleSet>();

function parse(rules: string): DossierRuleSet {
  let set = parsed.get(rules);
  if (!set) {
    set = JSON.parse(rules) as DossierRuleSet;
    parsed.set(rules, set);
  }
  return set;
}

export async function activeDossierRules(db: Kysely<Database>): Promise<DossierRuleSet> {
  const row = await db
    .selectFrom('dossier_rule_sets')
    .select('rules')
    .orderBy('version', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (!row) throw new AppError('INTERNAL', '缺少卷宗材料标准');
  return parse(row.rules);
}

export async function dossierRulesOfVersion(db: Kysely<Database>, version: number): Promise<DossierRuleSet> {
  const row = await db
    .selectFrom('dossier_rule_sets')
    .select('rules')
    .where('version', '=', version)
    .executeTakeFirst();
  return row ? parse(row.rules) : activeDossierRules(db);
}
