// The audit log's hash chain. Each entry's hash covers its sequence number, its content and the previous
// entry's hash, so an edited, deleted, inserted or reordered entry breaks the chain from that point on.
// Pure: the hash function is passed in (node:crypto in the main process).

export const GENESIS_HASH = '0'.repeat(64);

export interface AuditEntryContent {
  seq: number;
  at: string;
  userId: number | null;
  username: string;
  channel: string;
  tableName: string;
  rowKey: string;
  op: string;
  before: string | null;
  after: string | null;
}

export interface ChainedAuditEntry extends AuditEntryContent {
  prevHash: string;
  hash: string;
}

export type Sha256Hex = (text: string) => string;

/** The exact text that is hashed: a JSON array in a fixed order, so no field can be shifted into another. */
export function entryHash(sha256: Sha256Hex, prevHash: string, e: AuditEntryContent): string {
  return sha256(
    JSON.stringify([
      prevHash,
      e.seq,
      e.at,
      e.userId,
      e.username,
      e.channel,
      e.tableName,
      e.rowKey,
      e.op,
      e.before,
      e.after,
    ]),
  );
}

export type ChainVerdict = { ok: true; entries: number; headHash: string } | { ok: false; seq: number; reason: string };

/** Walks the log in storage order and names the first entry that does not fit. */
export function verifyChain(sha256: Sha256Hex, entries: Iterable<ChainedAuditEntry>): ChainVerdict {
  let prev = GENESIS_HASH;
  let expectedSeq = 1;
  let count = 0;
  for (const e of entries) {
    if (e.seq !== expectedSeq) {
      return {
        ok: false,
        seq: e.seq,
        reason: `序号不连续：应为第${expectedSeq}条，实为第${e.seq}条（有记录被删除或调换）`,
      };
    }
    if (e.prevHash !== prev)
      return { ok: false, seq: e.seq, reason: '与前一条记录的链接不符（前一条被改动、删除或调换）' };
    if (entryHash(sha256, prev, e) !== e.hash)
      return { ok: false, seq: e.seq, reason: '记录内容与其哈希不符（记录被改动）' };
    prev = e.hash;
    expectedSeq++;
    count++;
  }
  return { ok: true, entries: count, headHash: prev };
}
