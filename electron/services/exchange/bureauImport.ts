// Bureau mode: importing offices' packages (docs/export-format.md). Every check must pass before anything of a
// package is kept: container, signature, hashes, the office registered with the signing key's fingerprint,
// decryption with the bureau's key, every row against the exported tables' schema. A refused package changes
// nothing (its rows are merged as they are checked, inside a savepoint rolled back when any check fails). The
// merge keeps, per (office, table, row), the version with the highest change sequence: the same package twice
// changes nothing and an older package after a newer one regresses nothing. What that rule cannot settle — the
// same row at the same sequence with different content, a re-sent sequence with different content, an office's
// audit log that got shorter — is recorded in bureau_conflicts for review. A row is never written over another
// row: when an incoming row has the key of a stored row but is another one (its identity columns differ, or its
// case is another case: shared/exchange/tables.ts), both are kept — the stored one in bureau_rows, the incoming one
// in an `identity` conflict with both versions. The first export after a restore says so and carries the office's
// inventory: the rows the bureau holds that the office no longer has are listed (`lost`). Only Kysely, so the same
// import can run on another dialect later. Packages are read one at a time and never held as rows: each file is
// read, verified, then decrypted chunk by chunk, checked line by line and merged in batches, so memory stays near
// one package's file and its rows' keys however many packages come at once.
import crypto from 'node:crypto';
import fsp from 'node:fs/promises';
import { CompiledQuery, sql, type Insertable, type Kysely } from 'kysely';
import type { BureauConflictTable, BureauRowTable, Database } from '../../../db/schema';
import { formatMoment } from '../../../shared/dates';
import type { DataManifest } from '../../../shared/exchange/manifest';
import { rowProblem, type PackageRow } from '../../../shared/exchange/rows';
import { EXPORTED_TABLES, isExportedTable } from '../../../shared/exchange/tables';
import type { ImportCounts, ImportOutcome, VerifyOutcome } from '../../../shared/exchange/types';
import { tableLabel } from '../../../shared/tableLabels';
import {
  bufferBytes,
  claimedManifest,
  contentKeyFor,
  fileBytes,
  PackageRefused,
  plaintextChunks,
  verifyPackage,
  type OpenedPackage,
  type PackageBytes,
} from './container';
import { restoredLine } from './describe';
import { loadKeys, type KeyPairs } from './keys';
import { INVENTORY_PART, ROWS_PART, STATISTICS_PART } from './officeExport';

/** A package to import: its bytes (an upload), or its path, opened only when its turn comes and read a piece at a time. */
export type PackageFile = { fileName: string; bytes: Buffer } | { fileName: string; path: string };

/** The manifest is the file's first part; its claimed office and sequence order the import. */
const HEAD_BYTES = 256 * 1024;

interface CheckedRow {
  t: string;
  k: string;
  s: number;
  /** The row's content as stored at the bureau, null for a tombstone; `d` the same, parsed. */
  json: string | null;
  d: Record<string, unknown> | null;
  hash: string;
}

/** A verified package whose office is registered with the key that signed it, ready to be read. */
interface OpenedData {
  fileName: string;
  manifest: DataManifest;
  officeName: string;
  opened: OpenedPackage;
  key: Buffer | null;
  /** Signed by a key a director replaced (a reinstall): when, and why. */
  retiredKey: { retiredAt: string; reason: string } | null;
}

/** The rows an office holds, per table: key → the change sequence of its version (inventory.ndjson). */
type Inventory = Map<string, Map<string, number>>;

/**
 * Rows per statement (8 columns each, well under SQLite's 32,766 parameters). Measured on a county's import:
 * 500 is as fast as 2,000 and the batch's rows die young, so the heap stays about 80 MB smaller.
 */
const BATCH = 500;
const NEWLINE = 0x0a;

// crypto.hash (Node ≥ 20.12) is several times faster than createHash for the many small rows of an import.
const oneShot = (crypto as { hash?: (algorithm: string, data: string) => string }).hash;
const hashOf = (text: string): string =>
  oneShot ? oneShot('sha256', text) : crypto.createHash('sha256').update(text).digest('hex');

/** Runs `use` on the file's bytes: an upload's buffer, or the file opened and read a piece at a time, then closed. */
export async function withBytes<T>(file: PackageFile, use: (bytes: PackageBytes) => Promise<T>): Promise<T> {
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
export function* rowLines(
  pkg: { opened: OpenedPackage; key: Buffer | null },
  onChunk?: (chunk: Buffer) => void,
  part = 0,
): Generator<string> {
  let rest: Buffer | null = null;
  for (const chunk of plaintextChunks(pkg.opened, part, pkg.key)) {
    onChunk?.(chunk);
    const bytes: Buffer = rest ? Buffer.concat([rest, chunk]) : chunk;
    let from = 0;
    for (let nl = bytes.indexOf(NEWLINE, from); nl !== -1; nl = bytes.indexOf(NEWLINE, from)) {
      yield bytes.toString('utf8', from, nl);
      from = nl + 1;
    }
    rest = from < bytes.length ? Buffer.from(bytes.subarray(from)) : null;
  }
  if (rest) throw new PackageRefused(part === 0 ? '数据行部分的结尾不完整' : '清单部分的结尾不完整');
}

/** The checks that need no decryption: a data package, from a registered office with its registered key. */
async function openData(
  db: Kysely<Database>,
  file: PackageFile,
  opened: OpenedPackage,
  bureauKeys: KeyPairs | null,
): Promise<OpenedData> {
  const manifest = opened.manifest;
  if (manifest.kind === 'bureau-config') throw new PackageRefused('这是县局的配置包，不是司法所的数据包');
  if (manifest.kind === 'office-recovery') throw new PackageRefused('这是县局给司法所的恢复包，不是司法所的数据包');
  if (manifest.kind === 'office-dossiers')
    throw new PackageRefused('这是司法所为案卷评查提交的案卷包，请在案卷评查中导入（命令 dossier-import）');
  const office = await db
    .selectFrom('bureau_offices')
    .selectAll()
    .where('code', '=', manifest.office.code)
    .executeTakeFirst();
  if (!office)
    throw new PackageRefused(
      `机构 ${manifest.office.code}（${manifest.office.name}）未登记，请先在机构管理中登记其公钥指纹`,
    );
  let retiredKey: OpenedData['retiredKey'] = null;
  if (office.fingerprint !== manifest.signer.fingerprint || office.public_key !== manifest.signer.publicKey) {
    // A key a director replaced after a reinstall: what it signed stays valid history.
    const retired = await db
      .selectFrom('bureau_retired_keys')
      .selectAll()
      .where('office_code', '=', office.code)
      .where('fingerprint', '=', manifest.signer.fingerprint)
      .where('public_key', '=', manifest.signer.publicKey)
      .executeTakeFirst();
    if (!retired)
      throw new PackageRefused(
        `签名公钥（指纹 ${manifest.signer.fingerprint}）与机构 ${office.code} 登记的指纹（${office.fingerprint}）不符`,
      );
    retiredKey = { retiredAt: retired.retired_at, reason: retired.reason };
  }
  const key = contentKeyFor(opened, bureauKeys);
  const names = opened.stored.map((p) => p.name).join(',');
  const expected = [ROWS_PART, STATISTICS_PART, ...(manifest.restored ? [INVENTORY_PART] : [])].join(',');
  if (names !== expected) throw new PackageRefused(`数据部分不符合格式（${names}）`);
  return { fileName: file.fileName, manifest, officeName: office.name, opened, key, retiredKey };
}

/** The statistics part's plaintext: small, read whole. */
function statisticsOf(pkg: OpenedData): Buffer {
  return Buffer.concat([...plaintextChunks(pkg.opened, 1, pkg.key)]);
}

/**
 * Reads a package's content once and returns its number of rows (and the inventory of an export after a restore):
 * every byte decrypted and hashed and, when `rows` is given, every line checked and handed to it in batches while
 * none has failed. Throws PackageRefused (the small statistics part, decrypted first, at once if its GCM tag fails;
 * the rest only once everything is read) with the first of: the rows' GCM tag or an unfinished last line, the
 * content hash, the first bad line, the statistics, the counts, the inventory. So a caller writing the batches must
 * be able to undo them (importOne writes inside a savepoint).
 */
async function readContent(
  pkg: OpenedData,
  rows: ((batch: CheckedRow[]) => Promise<void>) | null,
  statisticsBytes: Buffer = statisticsOf(pkg),
): Promise<{ rowCount: number; inventory: Inventory | null }> {
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
  let inventory: Inventory | null = null;
  let inventoryProblem: string | null = null;
  if (manifest.restored) {
    partHead(2);
    inventory = new Map();
    let n = 0;
    for (const line of rowLines(pkg, (chunk) => content.update(chunk), 2)) {
      n++;
      if (rows && inventoryProblem === null) inventoryProblem = inventoryLineProblem(line, n, manifest, inventory);
    }
  }
  if (content.digest('hex') !== manifest.contentHash) throw new PackageRefused('内容校验失败：解密后的内容与清单不符');
  if (problem !== null) throw new PackageRefused(problem);
  if (!rows) return { rowCount, inventory: null };
  if (!isJsonObject(statisticsBytes.toString('utf8'))) throw new PackageRefused('统计数据部分不是有效的JSON对象');
  const expected = JSON.stringify(
    Object.entries(manifest.counts)
      .filter(([, c]) => c.rows + c.tombstones > 0)
      .sort(),
  );
  if (JSON.stringify(Object.entries(counts).sort()) !== expected) throw new PackageRefused('各表行数与清单不符');
  if (inventoryProblem !== null) throw new PackageRefused(inventoryProblem);
  if (batch.length) await rows(batch);
  return { rowCount, inventory };
}

/** Line `n` of an inventory checked and added to it, or what is wrong with it in Chinese. */
function inventoryLineProblem(line: string, n: number, manifest: DataManifest, inventory: Inventory): string | null {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return `清单第${n}行不是有效的JSON`;
  }
  const r = value as { t?: unknown; k?: unknown; s?: unknown };
  if (typeof r !== 'object' || r === null || Object.keys(r).some((f) => f !== 't' && f !== 'k' && f !== 's'))
    return `清单第${n}行不符合格式`;
  if (typeof r.t !== 'string' || !isExportedTable(r.t)) return `清单第${n}行：未知的表“${String(r.t)}”`;
  if (typeof r.k !== 'string' || r.k === '') return `清单第${n}行缺少行键`;
  if (typeof r.s !== 'number' || !Number.isSafeInteger(r.s) || r.s < 1 || r.s > manifest.changes.upTo)
    return `清单第${n}行的变更序号无效`;
  const keys = inventory.get(r.t) ?? inventory.set(r.t, new Map()).get(r.t)!;
  if (keys.has(r.k)) return `清单第${n}行重复（${r.t} ${r.k}）`;
  keys.set(r.k, r.s);
  return null;
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
  return { t: row.t, k: row.k, s: row.s, json, d: row.d ?? null, hash: json === null ? 'tombstone' : hashOf(json) };
}

/** The office and export sequence a file claims, to merge an office's packages oldest first. */
async function claimedOrder(file: PackageFile): Promise<readonly [string, number]> {
  const claim = claimedManifest(await headOf(file)) as {
    kind?: unknown;
    office?: { code?: unknown };
    sequence?: unknown;
  } | null;
  const code = claim?.kind === 'office-data' ? claim.office?.code : undefined;
  return typeof code === 'string' && typeof claim?.sequence === 'number' ? [code, claim.sequence] : ['', 0];
}

/**
 * Imports packages (inside the calling channel's one transaction), one at a time, the older export sequences of
 * an office first: each is read, checked, merged and let go before the next is read. A refused package writes
 * nothing and the others are still imported. Returns one outcome per file, in the order given.
 */
export async function importPackages(
  db: Kysely<Database>,
  files: readonly PackageFile[],
  now: Date,
): Promise<ImportOutcome[]> {
  const mode = await db.selectFrom('office').select('mode').where('id', '=', 1).executeTakeFirst();
  if (mode?.mode !== 'bureau') {
    return files.map((f) => ({
      fileName: f.fileName,
      status: 'rejected',
      reason: '本数据文件不是县局模式，不能导入司法所的数据包',
    }));
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
      outcomes.set(
        index,
        await withBytes(file, async (bytes) =>
          importOne(db, await openData(db, file, verifyPackage(bytes), bureauKeys), now),
        ),
      );
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
  const bureauMode =
    (await db.selectFrom('office').select('mode').where('id', '=', 1).executeTakeFirst())?.mode === 'bureau';
  const bureauKeys = bureauMode ? await loadKeys(db) : null;
  const outcomes: VerifyOutcome[] = [];
  for (const file of files) {
    try {
      outcomes.push(
        await withBytes(file, async (bytes) => {
          const opened = verifyPackage(bytes);
          if (!bureauMode) return { fileName: file.fileName, ok: true, manifest: opened.manifest, rowsChecked: null };
          const pkg = await openData(db, file, opened, bureauKeys);
          return {
            fileName: file.fileName,
            ok: true,
            manifest: pkg.manifest,
            rowsChecked: (await readContent(pkg, async () => {})).rowCount,
          };
        }),
      );
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
  const restored = manifest.restored ? restoredLine(manifest.restored) : null;
  const done = {
    fileName: pkg.fileName,
    officeCode,
    officeName: pkg.officeName,
    period: manifest.period,
    sequence: manifest.sequence,
    restored,
  };
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
  if (pkg.retiredKey && manifest.createdAt >= pkg.retiredKey.retiredAt) {
    throw new PackageRefused(
      `签名公钥（指纹 ${manifest.signer.fingerprint}）已于${formatMoment(pkg.retiredKey.retiredAt)}停用，此后生成的数据包不予导入`,
    );
  }
  // The first package of an office (the bulk of a county's first import) has nothing to compare with.
  const first = !(await db
    .selectFrom('bureau_rows')
    .select('seq')
    .where('office_code', '=', officeCode)
    .limit(1)
    .executeTakeFirst());
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
        office_code: officeCode,
        sequence: manifest.sequence,
        period: manifest.period,
        after_seq: manifest.changes.after,
        up_to_seq: manifest.changes.upTo,
        created_at: manifest.createdAt,
        app_version: manifest.appVersion,
        audit_head_seq: manifest.auditHead.seq,
        audit_head_hash: manifest.auditHead.hash,
        statistics,
        row_count: rowCount,
        content_hash: manifest.contentHash,
        file_sha256: pkg.opened.fileSha256,
        file_name: pkg.fileName,
        imported_at: at,
        restored: manifest.restored ? JSON.stringify(manifest.restored) : null,
        signer_fingerprint: manifest.signer.fingerprint,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const flag = async (kind: 'package' | 'audit', detail: string) => {
      warnings.push(detail);
      await db
        .insertInto('bureau_conflicts')
        .values({
          office_code: officeCode,
          import_id: importId,
          kind,
          table_name: '',
          row_key: '',
          seq: manifest.sequence,
          kept_hash: '',
          incoming_hash: manifest.contentHash,
          incoming_data: null,
          detail,
          detected_at: at,
          resolved_at: null,
        })
        .execute();
    };
    if (same.length > 0) await flag('package', `第${manifest.sequence}次报送已导入过内容不同的数据包，请核对`);
    if (pkg.retiredKey) {
      await flag(
        'package',
        `第${manifest.sequence}次报送由已停用的公钥（指纹 ${manifest.signer.fingerprint}，停用原因：${pkg.retiredKey.reason}）签名，生成于停用之前，已导入，请核对`,
      );
    }
    await checkAuditHead(db, officeCode, manifest, importId, flag);

    const merge: MergeState = {
      db,
      officeCode,
      importId,
      at,
      first,
      counts,
      compiled: new Map(),
      collided: first ? new Set() : await collidedParents(db, officeCode),
      written: [],
    };
    const { inventory } = await readContent(pkg, (batch) => mergeBatch(merge, batch), statisticsBytes);
    await divertChildrenOfCollided(merge);
    if (manifest.restored && inventory) {
      const lost = await listLostRows(db, officeCode, importId, inventory, at);
      const detail = `${restoredLine(manifest.restored)}；本局存有而司法所已没有（或只有较旧版本）的行：${lost}行${lost > 0 ? '，已列入待核冲突，可为其生成恢复包' : ''}`;
      warnings.push(detail);
      await db
        .insertInto('bureau_conflicts')
        .values({
          office_code: officeCode,
          import_id: importId,
          kind: 'restore',
          table_name: '',
          row_key: '',
          seq: manifest.sequence,
          kept_hash: '',
          incoming_hash: manifest.contentHash,
          incoming_data: null,
          detail,
          detected_at: at,
          resolved_at: null,
        })
        .execute();
    }
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
  if (counts.conflicts > 0)
    warnings.push(
      `${counts.conflicts}行与本局所存的不能合并（同一版本内容不同，或是占用了同一编号的另一行），两个版本都已保留并列入待核冲突`,
    );
  return { ...done, status: 'imported', counts, warnings };
}

/**
 * An office's audit log only grows: a later export with an earlier head means entries were cut from its end. A
 * restore sets the log back to the backup's (and a reinstall starts a new one), which the first export after it
 * declares: packages are compared only with those since the same declared restore.
 */
async function checkAuditHead(
  db: Kysely<Database>,
  officeCode: string,
  manifest: DataManifest,
  importId: number,
  flag: (kind: 'audit', detail: string) => Promise<void>,
) {
  const imported = await db
    .selectFrom('bureau_imports')
    .select(['id', 'sequence', 'audit_head_seq', 'audit_head_hash', 'restored'])
    .where('office_code', '=', officeCode)
    .execute();
  const restorePoints = imported.filter((i) => i.restored).map((i) => i.sequence);
  const epochOf = (sequence: number) => Math.max(0, ...restorePoints.filter((p) => p <= sequence));
  const epoch = epochOf(manifest.sequence);
  const head = manifest.auditHead;
  for (const o of imported) {
    if (o.id === importId || epochOf(o.sequence) !== epoch) continue;
    const shrank =
      (o.sequence < manifest.sequence && o.audit_head_seq > head.seq) ||
      (o.sequence > manifest.sequence && o.audit_head_seq < head.seq);
    const forked = o.audit_head_seq === head.seq && o.audit_head_hash !== head.hash;
    if (shrank || forked) {
      await flag(
        'audit',
        `审计日志异常：第${o.sequence}次报送时审计日志到第${o.audit_head_seq}条，第${manifest.sequence}次报送时到第${head.seq}条${forked ? '且末条哈希不同' : ''}，司法所的审计日志可能被删减`,
      );
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
    const [office_code, table_name, row_key, seq, deleted, data, data_hash, import_id] = parameters.slice(
      i,
      i + ROW_COLUMNS,
    ) as [string, string, string, number, number, string | null, string, number];
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
  if (sqlText === undefined)
    compiled.set(count, JSON.stringify(query.parameters) === JSON.stringify(parameters) ? query.sql : '');
  await db.executeQuery(query);
}

/** The version of a row the bureau held before a package wrote over it (null: it held none). */
interface HeldVersion {
  seq: number;
  deleted: number;
  data: string | null;
  data_hash: string;
  import_id: number;
}

/** What merging one package carries from batch to batch. */
interface MergeState {
  db: Kysely<Database>;
  officeCode: string;
  importId: number;
  at: string;
  /** The office's first package: nothing held, nothing to compare (the bulk of a county's first import). */
  first: boolean;
  counts: ImportCounts;
  compiled: UpsertStatements;
  /** `table\0key` of cases and parties whose key the office now uses for another row than the one the bureau holds. */
  collided: Set<string>;
  /**
   * The rows with a parent this package wrote, with what they replaced: a row can come before its case in a
   * package (its case changed later), so whether its case is another case is only known at the end.
   */
  written: { t: string; k: string; parent: string; held: HeldVersion | null }[];
}

const rowId = (table: string, key: string) => `${table}\u0000${key}`;

/** The parents (cases, parties) already found to be another row at the office than at the bureau. */
async function collidedParents(db: Kysely<Database>, officeCode: string): Promise<Set<string>> {
  const rows = await db
    .selectFrom('bureau_conflicts')
    .select(['table_name', 'row_key'])
    .where('office_code', '=', officeCode)
    .where('kind', '=', 'identity')
    .where('table_name', 'in', ['cases', 'parties'])
    .execute();
  return new Set(rows.map((r) => rowId(r.table_name, r.row_key)));
}

/** The key of the row's parent, `table\0key`, from its content; null for a table without one. */
function parentOf(table: string, data: Record<string, unknown> | null): string | null {
  const parent = EXPORTED_TABLES[table]!.parent;
  if (!parent || !data) return null;
  const value = data[parent.column];
  return value === undefined || value === null ? null : rowId(parent.table, String(value));
}

/** Whether two versions of a row are different rows: a column that never changes differs. */
function identityDiffers(table: string, held: Record<string, unknown>, incoming: Record<string, unknown>): boolean {
  return (EXPORTED_TABLES[table]!.identity ?? []).some((c) => held[c] !== incoming[c]);
}

function parseData(json: string | null): Record<string, unknown> | null {
  return json === null ? null : (JSON.parse(json) as Record<string, unknown>);
}

async function mergeBatch(state: MergeState, batch: CheckedRow[]): Promise<void> {
  const { db, officeCode, importId, counts, at, first } = state;
  const byTable = new Map<string, string[]>();
  if (!first) for (const r of batch) (byTable.get(r.t) ?? byTable.set(r.t, []).get(r.t)!).push(r.k);
  const existing = new Map<string, HeldVersion>();
  for (const [table, keys] of byTable) {
    const found = await db
      .selectFrom('bureau_rows')
      .select(['row_key', 'seq', 'deleted', 'data', 'data_hash', 'import_id'])
      .where('office_code', '=', officeCode)
      .where('table_name', '=', table)
      .where('row_key', 'in', keys)
      .execute();
    for (const f of found) existing.set(rowId(table, f.row_key), f);
  }
  const writes: unknown[] = [];
  const conflicts: Insertable<BureauConflictTable>[] = [];
  const conflict = (r: CheckedRow, kept: HeldVersion | undefined, kind: 'row' | 'identity', detail: string) => {
    counts.conflicts++;
    conflicts.push({
      office_code: officeCode,
      import_id: importId,
      kind,
      table_name: r.t,
      row_key: r.k,
      seq: r.s,
      kept_seq: kept?.seq ?? null,
      kept_hash: kept?.data_hash ?? '',
      kept_data: kept?.data ?? null,
      incoming_hash: r.hash,
      incoming_data: r.json,
      detail,
      detected_at: at,
      resolved_at: null,
    });
  };
  for (const r of batch) {
    const kept = first ? undefined : existing.get(rowId(r.t, r.k));
    if (kept && r.s < kept.seq) {
      counts.older++;
      continue;
    }
    if (kept && r.s === kept.seq) {
      if (kept.data_hash === r.hash) counts.unchanged++;
      else conflict(r, kept, 'row', '同一变更序号的行内容与已导入的不同');
      continue;
    }
    if (!first) {
      const incoming = r.d;
      const heldData = kept && !kept.deleted ? parseData(kept.data) : null;
      const self = rowId(r.t, r.k);
      const parent = parentOf(r.t, incoming ?? heldData);
      if (parent !== null && state.collided.has(parent)) {
        // Its case (or party) is another case at the office than the one the bureau holds under that key.
        if (r.t === 'cases' || r.t === 'parties') state.collided.add(self);
        conflict(
          r,
          kept,
          'identity',
          `所属的${parent.startsWith('cases') ? '案件' : '当事人'}（编号${parent.split('\u0000')[1]}）在司法所已是另一条记录，本行未合并`,
        );
        continue;
      }
      const another =
        heldData !== null && (incoming === null ? state.collided.has(self) : identityDiffers(r.t, heldData, incoming));
      if (another) {
        if (r.t === 'cases' || r.t === 'parties') state.collided.add(self);
        conflict(r, kept, 'identity', identityDetail(r.t, heldData, incoming));
        continue;
      }
      if (parent !== null) {
        state.written.push({ t: r.t, k: r.k, parent, held: kept ? { ...kept } : null });
      }
    }
    if (kept) counts.updated++;
    else counts.inserted++;
    writes.push(officeCode, r.t, r.k, r.s, r.json === null ? 1 : 0, r.json, r.hash, importId);
  }
  if (writes.length) await upsertRows(db, writes, state.compiled);
  if (conflicts.length) await db.insertInto('bureau_conflicts').values(conflicts).execute();
}

/** Why a row that arrived under a stored row's key is another row, in Chinese. */
function identityDetail(
  table: string,
  held: Record<string, unknown>,
  incoming: Record<string, unknown> | null,
): string {
  if (incoming === null) return `${tableLabel(table)}：司法所删除的是占用此编号的另一条记录，本局所存的未删除`;
  const differs = (EXPORTED_TABLES[table]!.identity ?? []).filter((c) => held[c] !== incoming[c]);
  if (table === 'cases')
    return `编号相同而案件不同：本局所存为${String(held.case_number)}，报来的是${String(incoming.case_number)}；两者都已保留，未合并`;
  return `${tableLabel(table)}：编号相同而内容为另一条记录（${differs.join('、')}不同）；两者都已保留，未合并`;
}

/**
 * At the end of a package: rows it wrote whose case (or party) turned out, later in the package, to be another
 * case at the office than the bureau's are taken back — what they replaced is put back, and they are kept in an
 * `identity` conflict instead. Parties taken back take their own rows (mediation_parties …) with them.
 */
async function divertChildrenOfCollided(state: MergeState): Promise<void> {
  const { db, officeCode, importId, counts, at } = state;
  for (let again = true; again;) {
    again = false;
    const undo = state.written.filter((w) => state.collided.has(w.parent));
    if (undo.length === 0) return;
    state.written = state.written.filter((w) => !state.collided.has(w.parent));
    for (const w of undo) {
      const row = await db
        .selectFrom('bureau_rows')
        .selectAll()
        .where('office_code', '=', officeCode)
        .where('table_name', '=', w.t)
        .where('row_key', '=', w.k)
        .executeTakeFirstOrThrow();
      if (w.held) {
        await upsertQuery(db, [{ office_code: officeCode, table_name: w.t, row_key: w.k, ...w.held }]).execute();
        counts.updated--;
      } else {
        await db
          .deleteFrom('bureau_rows')
          .where('office_code', '=', officeCode)
          .where('table_name', '=', w.t)
          .where('row_key', '=', w.k)
          .execute();
        counts.inserted--;
      }
      counts.conflicts++;
      await db
        .insertInto('bureau_conflicts')
        .values({
          office_code: officeCode,
          import_id: importId,
          kind: 'identity',
          table_name: w.t,
          row_key: w.k,
          seq: row.seq,
          kept_seq: w.held?.seq ?? null,
          kept_hash: w.held?.data_hash ?? '',
          kept_data: w.held?.data ?? null,
          incoming_hash: row.data_hash,
          incoming_data: row.data,
          detail: `所属的${w.parent.startsWith('cases') ? '案件' : '当事人'}（编号${w.parent.split('\u0000')[1]}）在司法所已是另一条记录，本行未合并`,
          detected_at: at,
          resolved_at: null,
        })
        .execute();
      if (w.t === 'parties') {
        state.collided.add(rowId(w.t, w.k));
        again = true;
      }
    }
  }
}

/** Rows compared a thousand at a time. */
const LOST_BATCH = 1000;

/**
 * After the first export since a restore: every row the bureau holds for the office that the office's inventory
 * does not have — or has only in an older version than the bureau's — is listed as a `lost` conflict with the
 * bureau's content (what a recovery package gives back). Returns how many.
 */
async function listLostRows(
  db: Kysely<Database>,
  officeCode: string,
  importId: number,
  inventory: Inventory,
  at: string,
): Promise<number> {
  let lost = 0;
  let after = { table: '', key: '' };
  for (;;) {
    const rows = await db
      .selectFrom('bureau_rows')
      .select(['table_name', 'row_key', 'seq', 'deleted', 'data', 'data_hash'])
      .where('office_code', '=', officeCode)
      .where((eb) =>
        eb.or([
          eb('table_name', '>', after.table),
          eb.and([eb('table_name', '=', after.table), eb('row_key', '>', after.key)]),
        ]),
      )
      .orderBy('table_name')
      .orderBy('row_key')
      .limit(LOST_BATCH)
      .execute();
    if (rows.length === 0) return lost;
    after = { table: rows.at(-1)!.table_name, key: rows.at(-1)!.row_key };
    const found: Insertable<BureauConflictTable>[] = [];
    for (const r of rows) {
      const officeSeq = inventory.get(r.table_name)?.get(r.row_key);
      let detail: string | null = null;
      if (officeSeq === undefined && !r.deleted)
        detail = `${tableLabel(r.table_name)}：司法所恢复后已没有此行，本局存有（第${r.seq}号变更）`;
      else if (officeSeq !== undefined && officeSeq < r.seq) {
        detail = r.deleted
          ? `${tableLabel(r.table_name)}：司法所恢复后仍有此行（第${officeSeq}号变更），本局记为已删除（第${r.seq}号变更）`
          : `${tableLabel(r.table_name)}：司法所恢复后此行是较旧的版本（第${officeSeq}号变更），本局存有较新的（第${r.seq}号变更）`;
      }
      if (detail === null) continue;
      found.push({
        office_code: officeCode,
        import_id: importId,
        kind: 'lost',
        table_name: r.table_name,
        row_key: r.row_key,
        seq: officeSeq ?? 0,
        kept_seq: r.seq,
        kept_hash: r.data_hash,
        kept_data: r.data,
        incoming_hash: '',
        incoming_data: null,
        detail,
        detected_at: at,
        resolved_at: null,
      });
    }
    lost += found.length;
    for (let i = 0; i < found.length; i += 100)
      await db
        .insertInto('bureau_conflicts')
        .values(found.slice(i, i + 100))
        .execute();
  }
}
