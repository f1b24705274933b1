// Interference records and the monthly statements of the three rules. Append-only by trigger; the services
// only ever insert.
import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema';
import type { SessionUser } from '../../../shared/accounts';
import { AppError } from '../../../shared/errors';
import type {
  InterferenceRecord,
  InterferenceRecordInput,
  InterferenceStatement,
  StatementOverview,
} from '../../../shared/interference';
import type { Clock } from '../system/clock';

function personalAccount(user: SessionUser): number {
  if (user.id <= 0) throw new AppError('FORBIDDEN', '请使用个人账户登录后记录');
  return user.id;
}

export async function recordInterference(
  db: Kysely<Database>,
  user: SessionUser,
  input: InterferenceRecordInput,
  clock: Clock,
): Promise<{ id: number }> {
  const recordedBy = personalAccount(user);
  if (input.occurredOn > clock.today()) throw new AppError('VALIDATION', '过问日期：不能晚于今天', 'occurredOn');
  const found = await db.selectFrom('cases').select('id').where('id', '=', input.caseId).executeTakeFirst();
  if (!found) throw new AppError('NOT_FOUND', '案件不存在', 'caseId');
  const { id } = await db
    .insertInto('interference_records')
    .values({
      case_id: input.caseId,
      category: input.category,
      person_name: input.personName,
      person_unit: input.personUnit,
      person_position: input.personPosition,
      occurred_on: input.occurredOn,
      method: input.method,
      content: input.content,
      handling: input.handling,
      recorded_by: recordedBy,
      recorded_at: clock.now().toISOString(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id };
}

export async function listInterference(
  db: Kysely<Database>,
  filter: { caseId: number | null; period: string | null },
): Promise<InterferenceRecord[]> {
  let q = db
    .selectFrom('interference_records as r')
    .innerJoin('cases as c', 'c.id', 'r.case_id')
    .innerJoin('users as u', 'u.id', 'r.recorded_by')
    .selectAll('r')
    .select(['c.case_number', 'u.display_name']);
  if (filter.caseId !== null) q = q.where('r.case_id', '=', filter.caseId);
  if (filter.period !== null) q = q.where('r.occurred_on', 'like', `${filter.period}-%`);
  const rows = await q.orderBy('r.occurred_on', 'desc').orderBy('r.id', 'desc').execute();
  return rows.map((r) => ({
    id: r.id,
    caseId: r.case_id,
    caseNumber: r.case_number,
    category: r.category as InterferenceRecord['category'],
    personName: r.person_name,
    personUnit: r.person_unit,
    personPosition: r.person_position,
    occurredOn: r.occurred_on,
    method: r.method as InterferenceRecord['method'],
    content: r.content,
    handling: r.handling,
    recordedBy: r.display_name,
    recordedAt: r.recorded_at,
  }));
}

/** The signed-in user's statement for a finished or current month: the count of their records, or 零报告. */
export async function submitStatement(
  db: Kysely<Database>,
  user: SessionUser,
  period: string,
  note: string,
  clock: Clock,
): Promise<InterferenceStatement> {
  const userId = personalAccount(user);
  if (period > clock.today().slice(0, 7)) throw new AppError('VALIDATION', '报告月份：不能晚于本月', 'period');
  const existing = await db
    .selectFrom('interference_statements')
    .select('id')
    .where('user_id', '=', userId)
    .where('period', '=', period)
    .executeTakeFirst();
  if (existing) throw new AppError('CONFLICT', `报告月份：${period}的报告已提交，不能重复提交`, 'period');
  const { n } = await db
    .selectFrom('interference_records')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('recorded_by', '=', userId)
    .where('occurred_on', 'like', `${period}-%`)
    .executeTakeFirstOrThrow();
  const count = Number(n);
  const row = await db
    .insertInto('interference_statements')
    .values({
      user_id: userId,
      period,
      record_count: count,
      nil: count === 0 ? 1 : 0,
      note,
      submitted_at: clock.now().toISOString(),
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return {
    id: row.id,
    userId,
    displayName: user.displayName,
    period,
    recordCount: count,
    nil: count === 0,
    note,
    submittedAt: row.submitted_at,
  };
}

export async function statementOverview(db: Kysely<Database>, period: string): Promise<StatementOverview> {
  const rows = await db
    .selectFrom('interference_statements as s')
    .innerJoin('users as u', 'u.id', 's.user_id')
    .selectAll('s')
    .select('u.display_name')
    .where('s.period', '=', period)
    .orderBy('s.user_id')
    .execute();
  const submitted = new Set(rows.map((r) => r.user_id));
  const users = await db
    .selectFrom('users')
    .select(['id', 'display_name'])
    .where('active', '=', 1)
    .where('role', 'in', ['admin', 'director', 'clerk'])
    .orderBy('id')
    .execute();
  return {
    period,
    statements: rows.map((r) => ({
      id: r.id,
      userId: r.user_id,
      displayName: r.display_name,
      period: r.period,
      recordCount: r.record_count,
      nil: r.nil === 1,
      note: r.note,
      submittedAt: r.submitted_at,
    })),
    missing: users.filter((u) => !submitted.has(u.id)).map((u) => ({ userId: u.id, displayName: u.display_name })),
  };
}
