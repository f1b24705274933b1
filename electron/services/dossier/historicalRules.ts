// The county's rule for 历史卷宗 (shared/dossier/historical.ts) as this file keeps it — the bureau's own setting, or
// what its configuration package brought an office — and which cases it covers: those an import of the office's old
// ledger made (ledger_import_rows, the 历史导入 mark).
import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema';
import type { SessionUser } from '../../../shared/accounts';
import {
  DEFAULT_HISTORICAL_DOSSIER_RULES,
  type HistoricalDossierRules,
  type HistoricalDossierRulesInfo,
} from '../../../shared/dossier/historical';
import type { Clock } from '../system/clock';

export async function historicalDossierRules(db: Kysely<Database>): Promise<HistoricalDossierRulesInfo> {
  const row = await db.selectFrom('historical_dossier_rules').selectAll().where('id', '=', 1).executeTakeFirst();
  if (!row) return { rules: DEFAULT_HISTORICAL_DOSSIER_RULES, isDefault: true, updatedBy: '', updatedAt: '' };
  return {
    rules: { completenessRequired: row.completeness_required === 1 },
    isDefault: false,
    updatedBy: row.updated_by,
    updatedAt: row.updated_at,
  };
}

/** Stores the rule (already checked by the schema); the dossiers it covers are re-checked by the caller. */
export async function saveHistoricalDossierRules(
  db: Kysely<Database>,
  rules: HistoricalDossierRules,
  { user, clock }: { user: Pick<SessionUser, 'displayName'>; clock: Clock },
): Promise<void> {
  const values = {
    completeness_required: rules.completenessRequired ? 1 : 0,
    updated_by: user.displayName,
    updated_at: clock.now().toISOString(),
  };
  await db
    .insertInto('historical_dossier_rules')
    .values({ id: 1, ...values })
    .onConflict((oc) => oc.column('id').doUpdateSet(values))
    .execute();
}

/** Of `ids`, the cases whose dossier is 历史卷宗 now: imported, and the county does not demand completeness. */
export async function historicalCaseIds(db: Kysely<Database>, ids: readonly number[]): Promise<Set<number>> {
  const out = new Set<number>();
  for (let i = 0; i < ids.length; i += 500) {
    const rows = await db
      .selectFrom('ledger_import_rows')
      .select('case_id')
      .where('case_id', 'in', ids.slice(i, i + 500))
      .execute();
    for (const r of rows) out.add(r.case_id);
  }
  // The rule is read only when an imported case is among them: most dossiers checked are not.
  if (out.size > 0 && (await historicalDossierRules(db)).rules.completenessRequired) return new Set();
  return out;
}
