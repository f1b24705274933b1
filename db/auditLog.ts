// Moving the changes the audit triggers captured into the hash-chained audit log, and verifying the chain.
import crypto from 'node:crypto';
import type BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import type { Kysely } from 'kysely';
import type { Database } from './schema';
import {
  entryHash,
  GENESIS_HASH,
  verifyChain,
  type AuditEntryContent,
  type ChainedAuditEntry,
  type ChainVerdict,
} from '../shared/auditChain';

// crypto.hash (Node >= 20.12) hashes a short text several times faster than createHash: a ledger import chains
// over a hundred thousand entries in one call.
const oneShot = (crypto as { hash?: (algorithm: string, data: string) => string }).hash;
export const sha256Hex = (text: string): string =>
  oneShot ? oneShot('sha256', text) : crypto.createHash('sha256').update(text, 'utf8').digest('hex');

export interface AuditActor {
  channel: string;
  /** null for the system itself (migrations); id null for the CLI's trusted session. */
  user: { id: number | null; username: string } | null;
  at: Date;
}

interface PendingRow {
  id: number;
  table_name: string;
  row_key: string;
  op: string;
  before: string | null;
  after: string | null;
}

/** Chains pending changes after the last entry: pure, shared by the async and the sync writer. */
function chain(
  last: { seq: number; hash: string } | undefined,
  pending: PendingRow[],
  actor: AuditActor,
): ChainedAuditEntry[] {
  let prevHash = last?.hash ?? GENESIS_HASH;
  let seq = last?.seq ?? 0;
  return pending.map((p) => {
    const content: AuditEntryContent = {
      seq: ++seq,
      at: actor.at.toISOString(),
      userId: actor.user?.id ?? null,
      username: actor.user?.username ?? '（系统）',
      channel: actor.channel,
      tableName: p.table_name,
      rowKey: p.row_key,
      op: p.op,
      before: p.before,
      after: p.after,
    };
    const entry = { ...content, prevHash, hash: entryHash(sha256Hex, prevHash, content) };
    prevHash = entry.hash;
    return entry;
  });
}

const toRow = (e: ChainedAuditEntry) => ({
  seq: e.seq,
  at: e.at,
  user_id: e.userId,
  username: e.username,
  channel: e.channel,
  table_name: e.tableName,
  row_key: e.rowKey,
  op: e.op,
  before: e.before,
  after: e.after,
  prev_hash: e.prevHash,
  hash: e.hash,
});

/**
 * Pending changes read and chained this many at a time: a call that writes many rows (a ledger import of 10,000
 * cases leaves about 85,000; a migration may touch every case) never holds them all at once.
 */
export const AUDIT_PAGE = 2_000;

/** One step of the page loop, for the writer to carry out on its connection. */
type AuditStep =
  | { kind: 'page'; afterId: number }
  | { kind: 'last' }
  | { kind: 'write'; entries: ChainedAuditEntry[] }
  | { kind: 'clear' };
/** What a step answers: a page of pending changes, the last entry (if any), or nothing. */
type AuditAnswer = PendingRow[] | { seq: number; hash: string } | undefined;

/**
 * The page loop both writers run, the async one (the dispatcher's, through Kysely) and the sync one (the migration
 * runner's, through better-sqlite3): a page of pending changes read after the last one read, chained after the last
 * entry, written, and so on until none is left; then the pending changes cleared. Answers how many were recorded.
 */
function* auditSteps(actor: AuditActor): Generator<AuditStep, number, AuditAnswer> {
  let last: { seq: number; hash: string } | undefined;
  let afterId = 0;
  let recorded = 0;
  for (;;) {
    const pending = (yield { kind: 'page', afterId }) as PendingRow[];
    if (pending.length === 0) break;
    if (recorded === 0) last = (yield { kind: 'last' }) as { seq: number; hash: string } | undefined;
    const entries = chain(last, pending, actor);
    yield { kind: 'write', entries };
    recorded += entries.length;
    last = entries.at(-1)!;
    afterId = pending.at(-1)!.id;
  }
  if (recorded > 0) yield { kind: 'clear' };
  return recorded;
}

/** Inside the call's transaction: turns what the triggers captured into chained audit entries. */
export async function recordAudit(trx: Kysely<Database>, actor: AuditActor): Promise<number> {
  const steps = auditSteps(actor);
  let answer: AuditAnswer;
  for (;;) {
    const step = steps.next(answer);
    if (step.done) return step.value;
    const s = step.value;
    answer = undefined;
    if (s.kind === 'page')
      answer = await trx
        .selectFrom('audit_pending')
        .selectAll()
        .where('id', '>', s.afterId)
        .orderBy('id')
        .limit(AUDIT_PAGE)
        .execute();
    else if (s.kind === 'last')
      answer = await trx
        .selectFrom('audit_log')
        .select(['seq', 'hash'])
        .orderBy('seq', 'desc')
        .limit(1)
        .executeTakeFirst();
    else if (s.kind === 'write')
      for (let i = 0; i < s.entries.length; i += 100)
        await trx
          .insertInto('audit_log')
          .values(s.entries.slice(i, i + 100).map(toRow))
          .execute();
    else await trx.deleteFrom('audit_pending').execute();
  }
}

/** The same for synchronous callers (the migration runner, a restore, the bench's builder), inside their transaction. */
export function recordAuditSync(sqlite: BetterSqlite3.Database, actor: AuditActor): number {
  const page = sqlite.prepare('SELECT * FROM audit_pending WHERE id > ? ORDER BY id LIMIT ?');
  const last = sqlite.prepare('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1');
  const insert = sqlite.prepare(
    `INSERT INTO audit_log (seq, at, user_id, username, channel, table_name, row_key, op, before, after, prev_hash, hash)
     VALUES (@seq, @at, @user_id, @username, @channel, @table_name, @row_key, @op, @before, @after, @prev_hash, @hash)`,
  );
  const steps = auditSteps(actor);
  let answer: AuditAnswer;
  for (;;) {
    const step = steps.next(answer);
    if (step.done) return step.value;
    const s = step.value;
    answer = undefined;
    if (s.kind === 'page') answer = page.all(s.afterId, AUDIT_PAGE) as PendingRow[];
    else if (s.kind === 'last') answer = last.get() as { seq: number; hash: string } | undefined;
    else if (s.kind === 'write') for (const e of s.entries) insert.run(toRow(e));
    else sqlite.prepare('DELETE FROM audit_pending').run();
  }
}

/** Reads the whole log in storage order (not sorted by seq: a reordering must show) and checks the chain. */
export function verifyAuditLog(sqlite: BetterSqlite3.Database): ChainVerdict {
  const rows = sqlite.prepare('SELECT * FROM audit_log ORDER BY rowid').iterate() as IterableIterator<
    ReturnType<typeof toRow>
  >;
  function* entries(): Generator<ChainedAuditEntry> {
    for (const r of rows) {
      yield {
        seq: r.seq,
        at: r.at,
        userId: r.user_id,
        username: r.username,
        channel: r.channel,
        tableName: r.table_name,
        rowKey: r.row_key,
        op: r.op,
        before: r.before,
        after: r.after,
        prevHash: r.prev_hash,
        hash: r.hash,
      };
    }
  }
  return verifyChain(sha256Hex, entries());
}
