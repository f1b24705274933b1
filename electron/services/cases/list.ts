// The case list: one page of cases with a kind and status filter, a sort, and Chinese substring search.
import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema';
import type { CaseListPage, ChannelParsed } from '../../../shared/contract';
import { maskIdNumber } from '../../../shared/identity';
import { matchingCaseIds } from './search';

export type CaseListQuery = ChannelParsed<'cases.list'>;

export async function listCases(db: Kysely<Database>, q: CaseListQuery): Promise<CaseListPage> {
  let base = db.selectFrom('cases');
  if (q.kind) base = base.where('cases.kind', '=', q.kind);
  if (q.status) base = base.where('cases.status', '=', q.status);
  const matches = matchingCaseIds(q.query);
  if (matches) base = base.where('cases.id', 'in', matches);

  const { total } = await base.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow();
  let page = base
    .leftJoin('parties as a', (join) =>
      join.onRef('a.case_id', '=', 'cases.id').on('a.role', 'in', ['applicant', 'party']).on('a.position', '=', 0),
    )
    .select([
      'cases.id',
      'cases.kind',
      'cases.case_number',
      'cases.status',
      'cases.title',
      'cases.received_on',
      'cases.received_by',
      'a.name as applicant_name',
      'a.id_number as applicant_id',
    ]);
  const dir = q.sortOrder;
  if (q.sortBy === 'caseNumber') page = page.orderBy('cases.case_year', dir).orderBy('cases.case_seq', dir);
  else if (q.sortBy === 'createdAt') page = page.orderBy('cases.created_at', dir);
  else page = page.orderBy('cases.received_on', dir);
  const rows = await page
    .orderBy('cases.id', dir)
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize)
    .execute();
  return {
    total: Number(total),
    rows: rows.map((r) => ({
      id: r.id,
      kind: r.kind,
      caseNumber: r.case_number,
      status: r.status,
      title: r.title,
      applicantName: r.applicant_name ?? '',
      applicantIdMasked: r.applicant_id ? maskIdNumber(r.applicant_id) : '',
      receivedOn: r.received_on,
      receivedBy: r.received_by,
    })),
  };
}
