// 人民调解: the office's data its cases use — the list of 纠纷类型 (reordered, added, retired; never deleted, as
// cases keep their type), the county's 以奖代补 rates from a date (history kept) and the county's mediation rules
// (whether the term may be extended, shared/kinds/mediation/countyRules.ts).
import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema';
import type { SessionUser } from '../../../shared/accounts';
import { AppError } from '../../../shared/errors';
import {
  DEFAULT_MEDIATION_RULES,
  type MediationRules,
  type MediationRulesInfo,
} from '../../../shared/kinds/mediation/countyRules';
import type { DisputeType, DisputeTypeList } from '../../../shared/kinds/mediation/disputeTypes';
import {
  rateInForce,
  type SubsidyRate,
  type SubsidyRates,
  type SubsidyRatesInput,
} from '../../../shared/kinds/mediation/subsidy';
import type { Clock } from '../system/clock';

// The office's 纠纷类型

function toDisputeType(r: { name: string; position: number; active: number }): DisputeType {
  return { name: r.name, position: r.position, active: r.active === 1 };
}

export async function listDisputeTypes(db: Kysely<Database>, includeInactive: boolean): Promise<DisputeType[]> {
  let q = db.selectFrom('mediation_dispute_types').select(['name', 'position', 'active']);
  if (!includeInactive) q = q.where('active', '=', 1);
  return (await q.orderBy('active', 'desc').orderBy('position').execute()).map(toDisputeType);
}

/** The list in its new order; stored types left out are retired, never deleted (cases keep their type). */
export async function saveDisputeTypes(
  db: Kysely<Database>,
  { types }: DisputeTypeList,
  clock: Clock,
): Promise<DisputeType[]> {
  const at = clock.now().toISOString();
  const given = new Set(types.map((t) => t.name));
  const stored = await db
    .selectFrom('mediation_dispute_types')
    .select(['name', 'position'])
    .orderBy('position')
    .execute();
  let position = 0;
  for (const t of types) {
    position += 1;
    await db
      .insertInto('mediation_dispute_types')
      .values({ name: t.name, position, active: t.active ? 1 : 0, updated_at: at })
      .onConflict((oc) => oc.column('name').doUpdateSet({ position, active: t.active ? 1 : 0, updated_at: at }))
      .execute();
  }
  for (const s of stored.filter((s) => !given.has(s.name))) {
    position += 1;
    await db
      .updateTable('mediation_dispute_types')
      .set({ position, active: 0, updated_at: at })
      .where('name', '=', s.name)
      .execute();
  }
  return listDisputeTypes(db, true);
}

/** Null when the 纠纷类型 may be given to a new case; otherwise why not. */
export async function disputeTypeProblem(db: Kysely<Database>, name: string): Promise<string | null> {
  const row = await db
    .selectFrom('mediation_dispute_types')
    .select('active')
    .where('name', '=', name)
    .executeTakeFirst();
  if (!row) return '不在本所的纠纷类型列表中';
  return row.active === 1 ? null : '该纠纷类型已停用';
}

// 以奖代补 rates

function toRate(r: Database['mediation_subsidy_rates']): SubsidyRate {
  return {
    effectiveFrom: r.effective_from,
    oralFen: r.oral_fen,
    writtenFen: r.written_fen,
    note: r.note,
    setBy: r.set_by,
    recordedAt: r.recorded_at,
  };
}

export async function allRates(db: Kysely<Database>): Promise<SubsidyRate[]> {
  return (await db.selectFrom('mediation_subsidy_rates').selectAll().orderBy('effective_from', 'desc').execute()).map(
    toRate,
  );
}

export async function listSubsidyRates(db: Kysely<Database>, today: string): Promise<SubsidyRates> {
  const history = await allRates(db);
  // The seeded default (effective 2000-01-01) is never removed, so some rate is always in force.
  const inForce = rateInForce(history, today) ?? history.at(-1);
  if (!inForce) throw new AppError('INTERNAL', '缺少以奖代补补贴标准');
  return { inForce, history };
}

/** The county's rates from a date; a second setting for the same date replaces the first (the audit log keeps both). */
export async function setSubsidyRates(
  db: Kysely<Database>,
  user: SessionUser,
  input: SubsidyRatesInput,
  clock: Clock,
): Promise<SubsidyRates> {
  const values = {
    oral_fen: input.oralFen,
    written_fen: input.writtenFen,
    note: input.note,
    set_by: user.displayName,
    recorded_at: clock.now().toISOString(),
  };
  await db
    .insertInto('mediation_subsidy_rates')
    .values({ effective_from: input.effectiveFrom, ...values })
    .onConflict((oc) => oc.column('effective_from').doUpdateSet(values))
    .execute();
  return listSubsidyRates(db, clock.today());
}

// The county's mediation rules

export async function mediationRules(db: Kysely<Database>): Promise<MediationRulesInfo> {
  const row = await db.selectFrom('mediation_rules').selectAll().where('id', '=', 1).executeTakeFirst();
  if (!row) return { rules: DEFAULT_MEDIATION_RULES, isDefault: true, updatedBy: '', updatedAt: '' };
  return {
    rules: { extensionAllowed: row.extension_allowed === 1 },
    isDefault: false,
    updatedBy: row.updated_by,
    updatedAt: row.updated_at,
  };
}

/** Saves the rules (already checked by the schema). */
export async function setMediationRules(
  db: Kysely<Database>,
  rules: MediationRules,
  { user, clock }: { user: Pick<SessionUser, 'displayName'>; clock: Clock },
): Promise<MediationRulesInfo> {
  const values = {
    extension_allowed: rules.extensionAllowed ? 1 : 0,
    updated_by: user.displayName,
    updated_at: clock.now().toISOString(),
  };
  await db
    .insertInto('mediation_rules')
    .values({ id: 1, ...values })
    .onConflict((oc) => oc.column('id').doUpdateSet(values))
    .execute();
  return mediationRules(db);
}
