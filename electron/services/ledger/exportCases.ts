// The cases of one kind and one year as the printed ledger reads them (shared/ledger/exportLayout.ts): each case's
// row, parties, its kind's own row (the columns the kind's ledger names) and its timeline, a batch of cases at a
// time in a few queries (no query per case). A case belongs to the year of its 受理日期 (received_on).
import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema';
import type { LedgerCase, LedgerParty, LedgerSheet } from '../../../shared/ledger/exportLayout';
import type { CaseKind } from '../../../shared/options';
import { timelinesOf } from '../cases/timeline';

/** The kinds' own tables, read by the name the ledger gives. */
type DetailTables = Record<string, { case_id: number } & Record<string, unknown>>;

/** Cases read at a time: only their rows for the sheet are kept (memory on old PCs at 1,000 cases a year). */
const CASES_PER_BATCH = 500;

/** Every case of `kind` received in `year`, in the order received (then registered). */
export async function ledgerCases(
  db: Kysely<Database>,
  { kind, year, sheet }: { kind: CaseKind; year: number; sheet: LedgerSheet },
  each: (c: LedgerCase) => void,
): Promise<number> {
  const cases = await db
    .selectFrom('cases')
    .select(['id', 'case_number', 'status', 'received_on'])
    .where('kind', '=', kind)
    .where('received_on', '>=', `${year}-01-01`)
    .where('received_on', '<=', `${year}-12-31`)
    .orderBy('received_on')
    .orderBy('id')
    .execute();
  for (let at = 0; at < cases.length; at += CASES_PER_BATCH) {
    const batch = cases.slice(at, at + CASES_PER_BATCH);
    const ids = batch.map((c) => c.id);
    const [parties, details, timelines] = await Promise.all([
      db
        .selectFrom('parties')
        .select(['case_id', 'role', 'name', 'sex', 'id_number'])
        .where('case_id', 'in', ids)
        .orderBy('case_id')
        .orderBy('role')
        .orderBy('position')
        .execute(),
      (db as unknown as Kysely<DetailTables>)
        .selectFrom(sheet.detailTable)
        .select(['case_id', ...sheet.detailColumns])
        .where('case_id', 'in', ids)
        .execute(),
      timelinesOf(db, ids),
    ]);
    const partiesOf = new Map<number, LedgerParty[]>();
    for (const p of parties) {
      let list = partiesOf.get(p.case_id);
      if (!list) partiesOf.set(p.case_id, (list = []));
      list.push({ role: p.role, name: p.name, sex: p.sex, idNumber: p.id_number });
    }
    const detailOf = new Map(details.map((d) => [d.case_id, d as Record<string, unknown>]));
    for (const c of batch) {
      each({
        caseNumber: c.case_number,
        status: c.status,
        receivedOn: c.received_on,
        parties: partiesOf.get(c.id) ?? [],
        detail: detailOf.get(c.id) ?? {},
        timeline: timelines.get(c.id) ?? [],
      });
    }
  }
  return cases.length;
}
