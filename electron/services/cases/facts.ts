// What each kind's pure rules (shared/kinds/<kind>/) need of a case, read from the database: its row of `cases`, the
// row of its kind's own table (the columns the kind names, shared/kinds/<kind>/detail.ts) and its timeline, folded by
// the kind into its facts. One case, or the rows of many cases at once.
import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema';
import { AppError } from '../../../shared/errors';
import { kindOf } from '../../../shared/kinds';
import type { CaseKindModule, KindFacts } from '../../../shared/kinds/kind';
import type { CaseKind } from '../../../shared/options';
import { caseTimeline } from './timeline';

/** The kinds' own tables, read by name: each kind names its table and the columns it needs. */
type DetailTables = Record<string, { case_id: number } & Record<string, unknown>>;

/** The detail rows of many cases of one kind, by case. */
export async function detailsOf(
  db: Kysely<Database>,
  kind: CaseKindModule,
  caseIds: readonly number[],
): Promise<Map<number, Record<string, unknown>>> {
  if (caseIds.length === 0) return new Map();
  const rows = await (db as unknown as Kysely<DetailTables>)
    .selectFrom(kind.detail.table)
    .select(['case_id', ...kind.detail.columns])
    .where('case_id', 'in', [...caseIds])
    .execute();
  return new Map(rows.map((r) => [r.case_id as number, r as Record<string, unknown>]));
}

/** One case's detail row; every case has one, written with it at registration. */
export async function detailOf(
  db: Kysely<Database>,
  kind: CaseKindModule,
  caseId: number,
): Promise<Record<string, unknown>> {
  const row = (await detailsOf(db, kind, [caseId])).get(caseId);
  if (!row) throw new AppError('INTERNAL', '案件缺少登记内容');
  return row;
}

export interface CaseState {
  id: number;
  kind: CaseKind;
  status: string;
  caseNumber: string;
  receivedOn: string;
  /** The date of the latest step (or of receipt): no later step may be dated before it. */
  lastActedOn: string;
}

/** A case's row, refused as not found when it is not a case of `kind` (when given). */
export async function caseState(
  db: Kysely<Database>,
  caseId: number,
  kind?: CaseKind,
  field = 'caseId',
): Promise<CaseState> {
  let query = db
    .selectFrom('cases')
    .select(['id', 'kind', 'status', 'case_number', 'received_on'])
    .select((eb) =>
      eb
        .selectFrom('case_actions')
        .select((a) => a.fn.max('acted_on').as('m'))
        .whereRef('case_actions.case_id', '=', 'cases.id')
        .as('last_acted_on'),
    )
    .where('id', '=', caseId);
  if (kind) query = query.where('kind', '=', kind);
  const row = await query.executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND', '案件不存在', field);
  return {
    id: row.id,
    kind: row.kind,
    status: row.status,
    caseNumber: row.case_number,
    receivedOn: row.received_on,
    lastActedOn: (row.last_acted_on as string | null) ?? row.received_on,
  };
}

/** A case's facts as its kind reads them, with its row. */
export async function caseFactsOf<F extends KindFacts = KindFacts>(
  db: Kysely<Database>,
  caseId: number,
  kind?: CaseKind,
  field = 'caseId',
): Promise<{ state: CaseState; facts: F; detail: Record<string, unknown> }> {
  const state = await caseState(db, caseId, kind, field);
  const module = kindOf(state.kind);
  const detail = await detailOf(db, module, caseId);
  const facts = module.factsOf(
    { receivedOn: state.receivedOn, status: state.status, detail },
    await caseTimeline(db, caseId),
  ) as F;
  return { state, facts, detail };
}
