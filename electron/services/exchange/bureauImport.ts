// Bureau mode: importing offices' packages (docs/export-format.md). Every check runs before anything of a package
// is written: container, signature, hashes, the office registered with the signing key's fingerprint, decryption
// with the bureau's key, every row against the exported tables' schema. A refused package changes nothing. The
// merge keeps, per (office, table, row), the version with the highest change sequence: the same package twice
// changes nothing and an older package after a newer one regresses nothing. What that rule cannot settle — the
// same row at the same sequence with different content, a re-sent sequence with different content, an office's
// audit log that got shorter — is recorded in bureau_conflicts for review. Only Kysely, so the same import can run
// on another dialect later.
import crypto from 'node:crypto';
import type { Insertable, Kysely } from 'kysely';
import type { BureauConflictTable, BureauRowTable, Database } from '../../../db/schema';
import type { DataManifest } from '../../../shared/exchange/manifest';
import { rowProblem, type PackageRow } from '../../../shared/exchange/rows';
import type { ImportCounts, ImportOutcome, VerifyOutcome } from '../../../shared/exchange/types';
import { contentHashOf, decryptParts, PackageRefused, verifyPackage, type OpenedPackage } from './container';
import { loadKeys, type KeyPairs } from './keys';
import { ROWS_PART, STATISTICS_PART } from './officeExport';

export interface PackageFile {
  fileName: string;
  bytes: Buffer;
}

interface CheckedRow {
  t: string;
  k: string;
  s: number;
  /** The row's content as stored at the bureau, null for a tombstone. */
  json: string | null;
  hash: string;
}

interface CheckedPackage {
  fileName: string;
  manifest: DataManifest;
  officeName: string;
  fileSha256: string;
  /** Already imported with the same content: its rows were checked then, and nothing will be written. */
  duplicate: boolean;
  rows: CheckedRow[];
  statistics: string;
}

/** Rows per statement: 8 columns each, well under SQLite's 32,766 parameters. */
const BATCH = 2000;

// crypto.hash (Node ≥ 20.12) is several times faster than createHash for the many small rows of an import.
const oneShot = (crypto as { hash?: (algorithm: string, data: string) => string }).hash;
const hashOf = (text: string): string => (oneShot ? oneShot('sha256', text) : crypto.createHash('sha256').update(text).digest('hex'));

async function checkPackage(
  db: Kysely<Database>,
  file: PackageFile,
  bureauKeys: KeyPairs | null,
  { opened = verifyPackage(file.bytes), skipDuplicate = true }: { opened?: OpenedPackage; skipDuplicate?: boolean } = {},
): Promise<CheckedPackage> {
  const manifest = opened.manifest;
  if (manifest.kind !== 'office-data') throw new PackageRefused('这是县局的配置包，不是司法所的数据包');
  const office = await db.selectFrom('bureau_offices').selectAll().where('code', '=', manifest.office.code).executeTakeFirst();
  if (!office) throw new PackageRefused(`机构 ${manifest.office.code}（${manifest.office.name}）未登记，请先在机构管理中登记其公钥指纹`);
  if (office.fingerprint !== manifest.signer.fingerprint || office.public_key !== manifest.signer.publicKey) {
    throw new PackageRefused(`签名公钥（指纹 ${manifest.signer.fingerprint}）与机构 ${office.code} 登记的指纹（${office.fingerprint}）不符`);
  }
  const parts = decryptParts(opened, bureauKeys);
  if (contentHashOf(parts) !== manifest.contentHash) throw new PackageRefused('内容校验失败：解密后的内容与清单不符');
  const names = parts.map((p) => p.name).join(',');
  if (names !== `${ROWS_PART},${STATISTICS_PART}`) throw new PackageRefused(`数据部分不符合格式（${names}）`);
  const imported = skipDuplicate && await db
    .selectFrom('bureau_imports')
    .select('row_count')
    .where('office_code', '=', manifest.office.code)
    .where('sequence', '=', manifest.sequence)
    .where('content_hash', '=', manifest.contentHash)
    .executeTakeFirst();
  if (imported) {
    return { fileName: file.fileName, manifest, officeName: office.name, fileSha256: opened.fileSha256, duplicate: true, rows: [], statistics: '' };
  }
  const rowsText = parts[0]!.bytes.toString('utf8');
  const statisticsText = parts[1]!.bytes.toString('utf8');
  try {
    const stats: unknown = JSON.parse(statisticsText);
    if (typeof stats !== 'object' || stats === null || Array.isArray(stats)) throw new Error();
  } catch {
    throw new PackageRefused('统计数据部分不是有效的JSON对象');
  }

  const rows: CheckedPackage['rows'] = [];
  const seen = new Set<string>();
  const counts: Record<string, { rows: number; tombstones: number }> = {};
  const lines = rowsText.length ? rowsText.split('\n') : [];
  if (lines.length && lines.pop() !== '') throw new PackageRefused('数据行部分的结尾不完整');
  lines.forEach((line, i) => {
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      throw new PackageRefused(`第${i + 1}行数据不是有效的JSON`);
    }
    const problem = rowProblem(value);
    if (problem) throw new PackageRefused(`第${i + 1}行数据不符合格式：${problem}`);
    const row = value as PackageRow;
    if (row.s <= manifest.changes.after || row.s > manifest.changes.upTo) throw new PackageRefused(`第${i + 1}行数据的变更序号不在本包的范围内`);
    const id = `${row.t}\u0000${row.k}`;
    if (seen.has(id)) throw new PackageRefused(`第${i + 1}行数据重复（${row.t} ${row.k}）`);
    seen.add(id);
    const count = (counts[row.t] ??= { rows: 0, tombstones: 0 });
    if (row.d) count.rows++;
    else count.tombstones++;
    const json = row.d ? JSON.stringify(row.d) : null;
    rows.push({ t: row.t, k: row.k, s: row.s, json, hash: json === null ? 'tombstone' : hashOf(json) });
  });
  const expected = JSON.stringify(Object.entries(manifest.counts).filter(([, c]) => c.rows + c.tombstones > 0).sort());
  if (JSON.stringify(Object.entries(counts).sort()) !== expected) throw new PackageRefused('各表行数与清单不符');
  return { fileName: file.fileName, manifest, officeName: office.name, fileSha256: opened.fileSha256, duplicate: false, rows, statistics: statisticsText };
}

/**
 * Imports packages (inside the calling channel's one transaction): each checked in full first, then merged, the
 * older export sequences of an office first. Returns one outcome per file, in the order given.
 */
export async function importPackages(db: Kysely<Database>, files: readonly PackageFile[], now: Date): Promise<ImportOutcome[]> {
  const mode = await db.selectFrom('office').select('mode').where('id', '=', 1).executeTakeFirst();
  if (mode?.mode !== 'bureau') {
    return files.map((f) => ({ fileName: f.fileName, status: 'rejected', reason: '本数据文件不是县局模式，不能导入司法所的数据包' }));
  }
  const bureauKeys = await loadKeys(db);
  const outcomes = new Map<number, ImportOutcome>();
  const refuse = (index: number, error: unknown) => {
    if (!(error instanceof PackageRefused)) throw error;
    outcomes.set(index, { fileName: files[index]!.fileName, status: 'rejected', reason: error.message });
  };
  // First the signatures and hashes, to order the packages; then one package at a time is checked in full and
  // merged, so that only one package's rows are ever held in memory.
  const verified: { index: number; opened: OpenedPackage }[] = [];
  for (const [index, file] of files.entries()) {
    try {
      verified.push({ index, opened: verifyPackage(file.bytes) });
    } catch (error) {
      refuse(index, error);
    }
  }
  const order = (m: OpenedPackage['manifest']) => (m.kind === 'office-data' ? [m.office.code, m.sequence] as const : ['', 0] as const);
  verified.sort((a, b) => {
    const [ca, sa] = order(a.opened.manifest);
    const [cb, sb] = order(b.opened.manifest);
    return ca.localeCompare(cb) || sa - sb;
  });
  for (const { index, opened } of verified) {
    let pkg: CheckedPackage;
    try {
      pkg = await checkPackage(db, files[index]!, bureauKeys, { opened });
    } catch (error) {
      refuse(index, error);
      continue;
    }
    outcomes.set(index, await mergePackage(db, pkg, now));
  }
  return files.map((_, i) => outcomes.get(i)!);
}

/**
 * Every check an import makes, without importing: for `verify --db` at the bureau (decrypts with its key) or
 * at an office (signature and hashes only; an encrypted package cannot be read there).
 */
export async function verifyPackages(db: Kysely<Database>, files: readonly PackageFile[]): Promise<VerifyOutcome[]> {
  const bureauMode = (await db.selectFrom('office').select('mode').where('id', '=', 1).executeTakeFirst())?.mode === 'bureau';
  const bureauKeys = bureauMode ? await loadKeys(db) : null;
  const outcomes: VerifyOutcome[] = [];
  for (const file of files) {
    try {
      if (bureauMode) {
        const pkg = await checkPackage(db, file, bureauKeys, { skipDuplicate: false });
        outcomes.push({ fileName: file.fileName, ok: true, manifest: pkg.manifest, rowsChecked: pkg.rows.length });
      } else {
        outcomes.push({ fileName: file.fileName, ok: true, manifest: verifyPackage(file.bytes).manifest, rowsChecked: null });
      }
    } catch (error) {
      if (!(error instanceof PackageRefused)) throw error;
      outcomes.push({ fileName: file.fileName, ok: false, reason: error.message });
    }
  }
  return outcomes;
}

async function mergePackage(db: Kysely<Database>, pkg: CheckedPackage, now: Date): Promise<ImportOutcome> {
  const { manifest } = pkg;
  const officeCode = manifest.office.code;
  const done = { fileName: pkg.fileName, officeCode, officeName: pkg.officeName, period: manifest.period, sequence: manifest.sequence };
  const counts: ImportCounts = { inserted: 0, updated: 0, unchanged: 0, older: 0, conflicts: 0 };
  const same = await db
    .selectFrom('bureau_imports')
    .select(['id', 'content_hash', 'row_count'])
    .where('office_code', '=', officeCode)
    .where('sequence', '=', manifest.sequence)
    .execute();
  const earlier = same.find((s) => s.content_hash === manifest.contentHash);
  if (pkg.duplicate || earlier) {
    return { ...done, status: 'duplicate', counts: { ...counts, unchanged: earlier?.row_count ?? 0 }, warnings: [] };
  }
  // The first package of an office (the bulk of a county's first import) has nothing to compare with.
  const first = !(await db.selectFrom('bureau_rows').select('seq').where('office_code', '=', officeCode).limit(1).executeTakeFirst());

  const at = now.toISOString();
  const { id: importId } = await db
    .insertInto('bureau_imports')
    .values({
      office_code: officeCode, sequence: manifest.sequence, period: manifest.period, after_seq: manifest.changes.after,
      up_to_seq: manifest.changes.upTo, created_at: manifest.createdAt, app_version: manifest.appVersion,
      audit_head_seq: manifest.auditHead.seq, audit_head_hash: manifest.auditHead.hash, statistics: pkg.statistics,
      row_count: pkg.rows.length, content_hash: manifest.contentHash, file_sha256: pkg.fileSha256, file_name: pkg.fileName, imported_at: at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();

  const warnings: string[] = [];
  const flag = async (kind: 'package' | 'audit', detail: string) => {
    warnings.push(detail);
    await db.insertInto('bureau_conflicts').values({
      office_code: officeCode, import_id: importId, kind, table_name: '', row_key: '', seq: manifest.sequence,
      kept_hash: '', incoming_hash: manifest.contentHash, incoming_data: null, detail, detected_at: at, resolved_at: null,
    }).execute();
  };
  if (same.length > 0) await flag('package', `第${manifest.sequence}次报送已导入过内容不同的数据包，请核对`);
  await checkAuditHead(db, officeCode, manifest, importId, flag);

  for (let i = 0; i < pkg.rows.length; i += BATCH) {
    await mergeBatch(db, officeCode, importId, pkg.rows.slice(i, i + BATCH), counts, at, first);
  }
  if (counts.conflicts > 0) warnings.push(`${counts.conflicts}行与已导入的同一版本内容不同，已列入待核冲突`);
  return { ...done, status: 'imported', counts, warnings };
}

/** An office's audit log only grows: a later export with an earlier head means entries were cut from its end. */
async function checkAuditHead(db: Kysely<Database>, officeCode: string, manifest: DataManifest, importId: number, flag: (kind: 'audit', detail: string) => Promise<void>) {
  const others = await db
    .selectFrom('bureau_imports')
    .select(['sequence', 'audit_head_seq', 'audit_head_hash'])
    .where('office_code', '=', officeCode)
    .where('id', '!=', importId)
    .execute();
  const head = manifest.auditHead;
  for (const o of others) {
    const shrank = (o.sequence < manifest.sequence && o.audit_head_seq > head.seq) || (o.sequence > manifest.sequence && o.audit_head_seq < head.seq);
    const forked = o.audit_head_seq === head.seq && o.audit_head_hash !== head.hash;
    if (shrank || forked) {
      await flag('audit', `审计日志异常：第${o.sequence}次报送时审计日志到第${o.audit_head_seq}条，第${manifest.sequence}次报送时到第${head.seq}条${forked ? '且末条哈希不同' : ''}，司法所的审计日志可能被删减`);
      return;
    }
  }
}

async function mergeBatch(
  db: Kysely<Database>,
  officeCode: string,
  importId: number,
  batch: CheckedRow[],
  counts: ImportCounts,
  at: string,
  first: boolean,
): Promise<void> {
  const byTable = new Map<string, string[]>();
  if (!first) for (const r of batch) (byTable.get(r.t) ?? byTable.set(r.t, []).get(r.t)!).push(r.k);
  const existing = new Map<string, { seq: number; data_hash: string }>();
  for (const [table, keys] of byTable) {
    const found = await db
      .selectFrom('bureau_rows')
      .select(['row_key', 'seq', 'data_hash'])
      .where('office_code', '=', officeCode)
      .where('table_name', '=', table)
      .where('row_key', 'in', keys)
      .execute();
    for (const f of found) existing.set(`${table}\u0000${f.row_key}`, f);
  }
  const writes: Insertable<BureauRowTable>[] = [];
  const conflicts: Insertable<BureauConflictTable>[] = [];
  for (const r of batch) {
    const kept = existing.get(`${r.t}\u0000${r.k}`);
    if (kept && r.s < kept.seq) counts.older++;
    else if (kept && r.s === kept.seq) {
      if (kept.data_hash === r.hash) counts.unchanged++;
      else {
        counts.conflicts++;
        conflicts.push({
          office_code: officeCode, import_id: importId, kind: 'row', table_name: r.t, row_key: r.k, seq: r.s, kept_hash: kept.data_hash,
          incoming_hash: r.hash, incoming_data: r.json, detail: '同一变更序号的行内容与已导入的不同', detected_at: at, resolved_at: null,
        });
      }
    } else {
      if (kept) counts.updated++;
      else counts.inserted++;
      writes.push({ office_code: officeCode, table_name: r.t, row_key: r.k, seq: r.s, deleted: r.json === null ? 1 : 0, data: r.json, data_hash: r.hash, import_id: importId });
    }
  }
  if (writes.length) {
    await db
      .insertInto('bureau_rows')
      .values(writes)
      .onConflict((oc) =>
        oc.columns(['office_code', 'table_name', 'row_key']).doUpdateSet((eb) => ({
          seq: eb.ref('excluded.seq'),
          deleted: eb.ref('excluded.deleted'),
          data: eb.ref('excluded.data'),
          data_hash: eb.ref('excluded.data_hash'),
          import_id: eb.ref('excluded.import_id'),
        })),
      )
      .execute();
  }
  if (conflicts.length) await db.insertInto('bureau_conflicts').values(conflicts).execute();
}
