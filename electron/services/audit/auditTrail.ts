// Reading the audit log for the viewer: filtered, newest first, with the fields before and after.
import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema';
import type { AuditPage, ChannelParsed } from '../../../shared/contract';
import { localDayStart } from '../../../shared/dates';

export async function listAudit(db: Kysely<Database>, f: ChannelParsed<'audit.list'>): Promise<AuditPage> {
  let q = db.selectFrom('audit_log');
  if (f.username) q = q.where('username', '=', f.username);
  if (f.channel) q = q.where('channel', '=', f.channel);
  if (f.tableName) q = q.where('table_name', '=', f.tableName);
  if (f.rowKey) q = q.where('row_key', '=', f.rowKey);
  // The filter names local days; entries carry UTC moments.
  if (f.from) q = q.where('at', '>=', localDayStart(f.from));
  if (f.to) q = q.where('at', '<', localDayStart(f.to, 1));
  const { n } = await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const rows = await q
    .selectAll()
    .orderBy('seq', 'desc')
    .limit(f.pageSize)
    .offset((f.page - 1) * f.pageSize)
    .execute();
  return {
    total: Number(n),
    rows: rows.map((r) => ({
      seq: r.seq,
      at: r.at,
      username: r.username,
      channel: r.channel,
      tableName: r.table_name,
      rowKey: r.row_key,
      op: r.op as 'insert' | 'update' | 'delete',
      before: r.before ? (JSON.parse(r.before) as Record<string, unknown>) : null,
      after: r.after ? (JSON.parse(r.after) as Record<string, unknown>) : null,
    })),
  };
}
