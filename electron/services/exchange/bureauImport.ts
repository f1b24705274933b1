// Bureau mode: importing offices' packages (docs/export-format.md). Every check must pass before anything of a
// package is kept: container, signature, hashes, the office registered with the signing key's fingerprint,
// decryption with the bureau's key, every row against the exported tables' schema. A refused package changes
// nothing (its rows are merged as they are checked, inside a savepoint rolled back when any check fails). The
// merge keeps, per (office, table, row), the version with the highest change sequence: the same package twice
// changes nothing and an older package after a newer one regresses nothing. What that rule cannot settle — the
// same row at the same sequence with different content, a re-sent sequence with different content, an office's
// audit log that got shorter — is recorded in bureau_conflicts for review. Only Kysely, so the same import can run
// on another dialect later. Packages are read one at a time and never held as rows: each file is read, verified,
// then decrypted chunk by chunk, checked line by line and merged in batches, so memory stays near one package's
// file and its rows' keys however many packages come at once.
import crypto from 'node:crypto';
import fsp from 'node:fs/promises';
import { CompiledQuery, sql, type Insertable, type Kysely } from 'kysely';
import type { BureauConflictTable, BureauRowTable, Database } from '../../../db/schema';
import type { DataManifest } from '../../../shared/exchange/manifest';
import { rowProblem, type PackageRow } from '../../../shared/exchange/rows';
import type { ImportCounts, ImportOutcome, VerifyOutcome } from '../../../shared/exchange/types';
import {
  bufferBytes, claimedManifest, contentKeyFor, fileBytes, PackageRefused, plaintextChunks, verifyPackage, type OpenedPackage, type PackageBytes,
} from './container';
import { loadKeys, type KeyPairs } from './keys';
import { ROWS_PART, STATISTICS_PART } from './officeExport';

/** A package to import: its bytes (an upload), or its path, opened only when its turn comes and read a piece at a time. */
export type PackageFile = { fileName: string; bytes: Buffer } | { fileName: string; path: string };

/** The manifest is the file's first part; its claimed office and sequence order the import. */
const HEAD_BYTES = 256 * 1024;

interface CheckedRow {
  t: string;
  k: string;
  s: number;
  /** The row's content as stored at the bureau, null for a tombstone. */
  json: string | null;
  hash: string;
}

/** A verified package whose office is registered with the key that signed it, ready to be read. */
interface OpenedData {
  fileName: string;
  manifest: DataManifest;
  officeName: string;
  opened: OpenedPackage;
  key: Buffer | null;
}

/**
 * Rows per statement (8 columns each, well under SQLite's 32,766 parameters). Measured on a county's import:
 * 500 is as fast as 2,000 and the batch's rows die young, so the heap stays about 80 MB smaller.
 */
const BATCH = 500;
const NEWLINE = 0x0a;

// crypto.hash (Node ≥ 20.12) is several times faster than createHash for the many small rows of an import.
const oneShot = (crypto as { hash?: (algorithm: string, data: string) => string }).hash;
const hashOf = (text: string): string => (oneShot ? oneShot('sha256', text) : crypto.createHash('sha256').update(text).digest('hex'));

/** Runs `use` on the file's bytes: an upload's buffer, or the file opened and read a piece at a time, then closed. */
async function withBytes<T>(file: PackageFile, use: (bytes: PackageBytes) => Promise<T>): Promise<T> {
  if ('bytes' in file) return use(bufferBytes(file.bytes));
  const handle = await fsp.open(file.path, 'r').catch(() => null);
  if (!handle) throw new PackageRefused('不能读取文件');
  try {
    return await use(fileBytes(handle.fd));
  } finally {
    await handle.close();
  }
}

async function headOf(file: PackageFile): Promise<Buffer> {
  if ('bytes' in file) return file.bytes.subarray(0, HEAD_BYTES);
  const handle = await fsp.open(file.path, 'r').catch(() => null);
  if (!handle) return Buffer.alloc(0);
  try {
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(HEAD_BYTES), 0, HEAD_BYTES, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

/**
 * The lines of rows.ndjson (without their newline), decrypted chunk by chunk; `onChunk` sees every plaintext
 * byte. UTF-8 never has a newline byte inside a character, so splitting the bytes is safe. Throws when the part
 * does not end with a newline, and (after the last line) when decryption fails.
 */
function* rowLines(pkg: { opened: OpenedPackage; key: Buffer | null }, onChunk?: (chunk: Buffer) => void): Generator<string> {
  let rest: Buffer | null = null;
  for (const chunk of plaintextChunks(pkg.opened, 0, pkg.key)) {
    onChunk?.(chunk);
    const bytes: Buffer = rest ? Buffer.concat([rest, chunk]) : chunk;
    let from = 0;
    for (let nl = bytes.indexOf(NEWLINE, from); nl !== -1; nl = bytes.indexOf(NEWLINE, from)) {
      yield bytes.toString('utf8', from, nl);
      from = nl + 1;
    }
    rest = from < bytes.length ? Buffer.from(bytes.subarray(from)) : null;
  }
  if (rest) throw new PackageRefused('数据行部分的结尾不完整');
}

/** The checks that need no decryption: a data package, from a registered office with its registered key. */
async function openData(db: Kysely<Database>, file: PackageFile, opened: OpenedPackage, bureauKeys: KeyPairs | null): Promise<OpenedData> {
  const manifest = opened.manifest;
  if (manifest.kind !== 'office-data') throw new PackageRefused('这是县局的配置包，不是司法所的数据包');
  const office = await db.selectFrom('bureau_offices').selectAll().where('code', '=', manifest.office.code).executeTakeFirst();
  if (!office) throw new PackageRefused(`机构 ${manifest.office.code}（${manifest.office.name}）未登记，请先在机构管理中登记其公钥指纹`);
  if (office.fingerprint !== manifest.signer.fingerprint || office.public_key !== manifest.signer.publicKey) {
    throw new PackageRefused(`签名公钥（指纹 ${manifest.signer.fingerprint}）与机构 ${office.code} 登记的指纹（${office.fingerprint}）不符`);
  }
  const key = contentKeyFor(opened, bureauKeys);
  const names = opened.stored.map((p) => p.name).join(',');
  if (names !== `${ROWS_PART},${STATISTICS_PART}`) throw new PackageRefused(`数据部分不符合格式（${names}）`);
  return { fileName: file.fileName, manifest, officeName: office.name, opened, key };
}

/** The statistics part's plaintext: small, read whole. */
function statisticsOf(pkg: OpenedData): Buffer {
  return Buffer.concat([...plaintextChunks(pkg.opened, 1, pkg.key)]);
}

/**
 * Reads a package's content once and returns its number of rows: every byte decrypted and hashed and, when `rows`
 * is given, every line checked and handed to it in batches while none has failed. Throws PackageRefused (the small
 * statistics part, decrypted first, at once if its GCM tag fails; the rest only once everything is read) with the
 * first of: the rows' GCM tag or an unfinished last line, the content hash, the first bad line, the statistics, the
 * counts. So a caller writing the batches must be able to undo them (importOne writes inside a savepoint).
 */
async function readContent(
  pkg: OpenedData,
  rows: ((batch: CheckedRow[]) => Promise<void>) | null,
  statisticsBytes: Buffer = statisticsOf(pkg),
): Promise<number> {
  const { opened, key, manifest } = pkg;
  const content = crypto.createHash('sha256');
  const partHead = (i: number) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(Math.max(0, opened.stored[i]!.length - (key ? 16 : 0)));
    content.update(Buffer.from(opened.stored[i]!.name, 'utf8')).update(len);
  };
  partHead(0);
  let problem: string | null = null;
  let rowCount = 0;
  const seen = new Map<string, Set<string>>();
  const counts: Record<string, { rows: number; tombstones: number }> = {};
  let batch: CheckedRow[] = [];
  for (const line of rowLines(pkg, (chunk) => content.update(chunk))) {
    rowCount++;
    if (!rows || problem !== null) continue;
    const checked = checkedLine(line, rowCount, manifest, seen, counts);
    if (typeof checked === 'string') {
      problem = checked;
      continue;
    }
    batch.push(checked);
    if (batch.length === BATCH) {
      await rows(batch);
      batch = [];
    }
  }
  partHead(1);
  content.update(statisticsBytes);
  if (content.digest('hex') !== manifest.contentHash) throw new PackageRefused('内容校验失败：解密后的内容与清单不符');
  if (problem !== null) throw new PackageRefused(problem);
  if (!rows) return rowCount;
  if (!isJsonObject(statisticsBytes.toString('utf8'))) throw new PackageRefused('统计数据部分不是有效的JSON对象');
  const expected = JSON.stringify(Object.entries(manifest.counts).filter(([, c]) => c.rows + c.tombstones > 0).sort());
  if (JSON.stringify(Object.entries(counts).sort()) !== expected) throw new PackageRefused('各表行数与清单不符');
  if (batch.length) await rows(batch);
  return rowCount;
}

function isJsonObject(text: string): boolean {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value);
  } catch {
    return false;
  }
}

/** Line `n` of a package as the row to merge, or what is wrong with it in Chinese; records it in `seen` and `counts`. */
function checkedLine(
  line: string,
  n: number,
  manifest: DataManifest,
  seen: Map<string, Set<string>>,
  counts: Record<string, { rows: number; tombstones: number }>,
): CheckedRow | string {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return `第${n}行数据不是有效的JSON`;
  }
  const problem = rowProblem(value);
  if (problem) return `第${n}行数据不符合格式：${problem}`;
  const row = value as PackageRow;
  if (row.s <= manifest.changes.after || row.s > manifest.changes.upTo) return `第${n}行数据的变更序号不在本包的范围内`;
  const keys = seen.get(row.t) ?? seen.set(row.t, new Set()).get(row.t)!;
  if (keys.has(row.k)) return `第${n}行数据重复（${row.t} ${row.k}）`;
  keys.add(row.k);
  const count = (counts[row.t] ??= { rows: 0, tombstones: 0 });
  if (row.d) count.rows++;
  else count.tombstones++;
  const json = row.d ? JSON.stringify(row.d) : null;
  return { t: row.t, k: row.k, s: row.s, json, hash: json === null ? 'tombstone' : hashOf(json) };
}

/** The office and export sequence a file claims, to merge an office's packages oldest first. */
async function claimedOrder(file: PackageFile): Promise<readonly [string, number]> {
  const claim = claimedManifest(await headOf(file)) as { kind?: unknown; office?: { code?: unknown }; sequence?: unknown } | null;
  const code = claim?.kind === 'office-data' ? claim.office?.code : undefined;
  return typeof code === 'string' && typeof claim?.sequence === 'number' ? [code, claim.sequence] : ['', 0];
}

/**
 * Imports packages (inside the calling channel's one transaction), one at a time, the older export sequences of
 * an office first: each is read, checked, merged and let go before the next is read. A refused package writes
 * nothing and the others are still imported. Returns one outcome per file, in the order given.
 */
export async function importPackages(db: Kysely<Database>, files: readonly PackageFile[], now: Date): Promise<ImportOutcome[]> {
  const mode = await db.selectFrom('office').select('mode').where('id', '=', 1).executeTakeFirst();
  if (mode?.mode !== 'bureau') {
    return files.map((f) => ({ fileName: f.fileName, status: 'rejected', reason: '本数据文件不是县局模式，不能导入司法所的数据包' }));
  }
  const bureauKeys = await loadKeys(db);
  const ordered: { index: number; code: string; sequence: number }[] = [];
  for (const [index, file] of files.entries()) {
    const [code, sequence] = await claimedOrder(file);
    ordered.push({ index, code, sequence });
  }
  ordered.sort((a, b) => a.code.localeCompare(b.code) || a.sequence - b.sequence || a.index - b.index);
  const outcomes = new Map<number, ImportOutcome>();
  for (const { index } of ordered) {
    const file = files[index]!;
    try {
      outcomes.set(index, await withBytes(file, async (bytes) => importOne(db, await openData(db, file, verifyPackage(bytes), bureauKeys), now)));
    } catch (error) {
      if (!(error instanceof PackageRefused)) throw error;
      outcomes.set(index, { fileName: file.fileName, status: 'rejected', reason: error.message });
    }
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
      outcomes.push(await withBytes(file, async (bytes) => {
        const opened = verifyPackage(bytes);
        if (!bureauMode) return { fileName: file.fileName, ok: true, manifest: opened.manifest, rowsChecked: null };
        const pkg = await openData(db, file, opened, bureauKeys);
        return { fileName: file.fileName, ok: true, manifest: pkg.manifest, rowsChecked: await readContent(pkg, async () => {}) };
      }));
    } catch (error) {
      if (!(error instanceof PackageRefused)) throw error;
      outcomes.push({ fileName: file.fileName, ok: false, reason: error.message });
    }
  }
  return outcomes;
}

/**
 * One package, in one pass: the rows are checked and merged as they are decrypted, inside a savepoint that is
 * rolled back when any check fails (to the end of the content: its hash, the GCM tag, the counts), so a refused
 * package leaves nothing behind, as if it had been checked whole before the first write.
 */
async function importOne(db: Kysely<Database>, pkg: OpenedData, now: Date): Promise<ImportOutcome> {
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
  if (earlier) {
    // Its rows were checked when it first came; its bytes are still decrypted and hashed.
    await readContent(pkg, null);
    return { ...done, status: 'duplicate', counts: { ...counts, unchanged: earlier.row_count }, warnings: [] };
  }
  // The first package of an office (the bulk of a county's first import) has nothing to compare with.
  const first = !(await db.selectFrom('bureau_rows').select('seq').where('office_code', '=', officeCode).limit(1).executeTakeFirst());
  const at = now.toISOString();
  const warnings: string[] = [];

  // The statistics part is small: read first, so the import's record is written once (the audit log keeps each write).
  const statisticsBytes = statisticsOf(pkg);
  const statisticsText = statisticsBytes.toString('utf8');
  // Checked (and the package refused when it is not valid JSON) after the rows, in the order readContent checks.
  const statistics = isJsonObject(statisticsText) ? statisticsText : '{}';
  // The manifest's counts are held to the rows read, so their sum is the package's number of rows once it passes.
  const rowCount = Object.values(manifest.counts).reduce((sum, c) => sum + c.rows + c.tombstones, 0);

  await sql`SAVEPOINT package_import`.execute(db);
  try {
    const { id: importId } = await db
      .insertInto('bureau_imports')
      .values({
        office_code: officeCode, sequence: manifest.sequence, period: manifest.period, after_seq: manifest.changes.after,
        up_to_seq: manifest.changes.upTo, created_at: manifest.createdAt, app_version: manifest.appVersion,
        audit_head_seq: manifest.auditHead.seq, audit_head_hash: manifest.auditHead.hash, statistics,
        row_count: rowCount, content_hash: manifest.contentHash, file_sha256: pkg.opened.fileSha256, file_name: pkg.fileName, imported_at: at,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const flag = async (kind: 'package' | 'audit', detail: string) => {
      warnings.push(detail);
      await db.insertInto('bureau_conflicts').values({
        office_code: officeCode, import_id: importId, kind, table_name: '', row_key: '', seq: manifest.sequence,
        kept_hash: '', incoming_hash: manifest.contentHash, incoming_data: null, detail, detected_at: at, resolved_at: null,
      }).execute();
    };
    if (same.length > 0) await flag('package', `第${manifest.sequence}次报送已导入过内容不同的数据包，请核对`);
    await checkAuditHead(db, officeCode, manifest, importId, flag);

    const compiled: UpsertStatements = new Map();
    await readContent(pkg, (batch) => mergeBatch(db, officeCode, importId, batch, counts, at, first, compiled), statisticsBytes);
    await sql`RELEASE package_import`.execute(db);
  } catch (error) {
    try {
      await sql`ROLLBACK TO package_import`.execute(db);
      await sql`RELEASE package_import`.execute(db);
    } catch {
      // SQLite rolled the whole transaction back itself (a full disk, say): the channel's transaction fails with the first error.
    }
    throw error;
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

/** The upsert's SQL by number of rows: Kysely builds it once, later batches of that size only bind new values. */
type UpsertStatements = Map<number, string>;

/** The columns of bureau_rows in the order the upsert binds them, one row after another. */
const ROW_COLUMNS = 8;

function upsertQuery(db: Kysely<Database>, rows: Insertable<BureauRowTable>[]) {
  return db
    .insertInto('bureau_rows')
    .values(rows)
    .onConflict((oc) =>
      oc.columns(['office_code', 'table_name', 'row_key']).doUpdateSet((eb) => ({
        seq: eb.ref('excluded.seq'),
        deleted: eb.ref('excluded.deleted'),
        data: eb.ref('excluded.data'),
        data_hash: eb.ref('excluded.data_hash'),
        import_id: eb.ref('excluded.import_id'),
      })),
    );
}

/** Rows given as their column values, ROW_COLUMNS per row in bureau_rows' column order, as Kysely takes them. */
function rowsOf(parameters: readonly unknown[]): Insertable<BureauRowTable>[] {
  const rows: Insertable<BureauRowTable>[] = [];
  for (let i = 0; i < parameters.length; i += ROW_COLUMNS) {
    const [office_code, table_name, row_key, seq, deleted, data, data_hash, import_id] = parameters.slice(i, i + ROW_COLUMNS) as [
      string, string, string, number, number, string | null, string, number,
    ];
    rows.push({ office_code, table_name, row_key, seq, deleted, data, data_hash, import_id });
  }
  return rows;
}

/** Writes rows given as their column values (see rowsOf), binding them straight into the statement once compiled. */
async function upsertRows(db: Kysely<Database>, parameters: unknown[], compiled: UpsertStatements): Promise<void> {
  const count = parameters.length / ROW_COLUMNS;
  const sqlText = compiled.get(count);
  if (sqlText) {
    await db.executeQuery(CompiledQuery.raw(sqlText, parameters));
    return;
  }
  const query = upsertQuery(db, rowsOf(parameters)).compile();
  // Reuse only when Kysely binds exactly the values, row by row in column order (it does for this query).
  if (sqlText === undefined) compiled.set(count, JSON.stringify(query.parameters) === JSON.stringify(parameters) ? query.sql : '');
  await db.executeQuery(query);
}

async function mergeBatch(
  db: Kysely<Database>,
  officeCode: string,
  importId: number,
  batch: CheckedRow[],
  counts: ImportCounts,
  at: string,
  first: boolean,
  compiled: UpsertStatements,
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
  const writes: unknown[] = [];
  const conflicts: Insertable<BureauConflictTable>[] = [];
  for (const r of batch) {
    const kept = first ? undefined : existing.get(`${r.t}\u0000${r.k}`);
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
      writes.push(officeCode, r.t, r.k, r.s, r.json === null ? 1 : 0, r.json, r.hash, importId);
    }
  }
  if (writes.length) await upsertRows(db, writes, compiled);
  if (conflicts.length) await db.insertInto('bureau_conflicts').values(conflicts).execute();
}
