// 公证申请: the office's catalogue of notarization matters — each with its category, the materials it requires, 最多跑一次
// and 须本人亲自申办 — read in its order and changed one matter at a time (until the county bureau's configuration
// package replaces it).
import type { Kysely } from 'kysely';
import type { Database, NotarizationMatterTable } from '../../../db/schema';
import { AppError } from '../../../shared/errors';
import type { MatterUpdate, NotarizationMatter } from '../../../shared/kinds/notarization/matters';
import type { NotarizationCategory } from '../../../shared/kinds/notarization/options';
import type { Clock } from '../system/clock';

export function toMatter(row: NotarizationMatterTable): NotarizationMatter {
  return {
    code: row.code,
    name: row.name,
    category: row.category as NotarizationCategory,
    requiredMaterials: JSON.parse(row.required_materials) as string[],
    oneVisit: row.one_visit === 1,
    inPersonOnly: row.in_person_only === 1,
    active: row.active === 1,
  };
}

export async function listNotarizationMatters(
  db: Kysely<Database>,
  includeInactive: boolean,
): Promise<NotarizationMatter[]> {
  let query = db.selectFrom('notarization_matters').selectAll();
  if (!includeInactive) query = query.where('active', '=', 1);
  return (await query.orderBy('position').execute()).map(toMatter);
}

export async function updateNotarizationMatter(
  db: Kysely<Database>,
  input: MatterUpdate,
  clock: Clock,
): Promise<NotarizationMatter> {
  const found = await db
    .selectFrom('notarization_matters')
    .select('code')
    .where('code', '=', input.code)
    .executeTakeFirst();
  if (!found) throw new AppError('NOT_FOUND', '公证事项不存在', 'code');
  const clash = await db
    .selectFrom('notarization_matters')
    .select('code')
    .where('name', '=', input.name)
    .where('code', '<>', input.code)
    .executeTakeFirst();
  if (clash) throw new AppError('CONFLICT', `事项名称：与已有的事项“${input.name}”重复`, 'name');
  await db
    .updateTable('notarization_matters')
    .set({
      name: input.name,
      category: input.category,
      required_materials: JSON.stringify(input.requiredMaterials),
      one_visit: input.oneVisit ? 1 : 0,
      in_person_only: input.inPersonOnly ? 1 : 0,
      active: input.active ? 1 : 0,
      updated_at: clock.now().toISOString(),
    })
    .where('code', '=', input.code)
    .execute();
  const row = await db
    .selectFrom('notarization_matters')
    .selectAll()
    .where('code', '=', input.code)
    .executeTakeFirstOrThrow();
  return toMatter(row);
}
