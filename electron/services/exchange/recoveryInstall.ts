// Office mode: installing the bureau's recovery package (docs/export-format.md, "Recovery package"), after a restore
// or first thing after a reinstall. Checked before anything is read: a recovery package, for this office, signed
// with the bureau key the office set, encrypted to this installation's key, not older than the office's newest
// export nor than a recovery package already installed. Then, in the calling channel's one transaction, every row:
// - one the office does not have comes back under its own key (its case number, its ids), parents first;
// - one the office holds as the bureau does is left alone;
// - one that differs on both sides is shown, and changed only as the clerk chose: the bureau's version written
//   over it, or the office's own kept and logged again so that the bureau receives it as the newer one. Never
//   silently: a row without a choice is left as it is (installing the package again offers it again).
// The office's high-water marks are first raised to the bureau's (db/highWater.ts), so every id, case number and
// sequence continues beyond what the bureau has seen; the install is recorded in `restores`, so the next export
// tells the bureau. A dry run does all of it inside a savepoint and rolls it back: what it reports is what an
// install would do. ID numbers come back masked (packages never carry them whole) and are listed for re-entry;
// attachment files are not in packages and are listed when this office's folder lacks them.
import crypto from 'node:crypto';
import fs from 'node:fs';
import { CompiledQuery, sql, type Kysely } from 'kysely';
import { relogRowSql } from '../../../db/changeTriggers';
import type { HighWater } from '../../../db/highWater';
import type { Database } from '../../../db/schema';
import { formatMoment } from '../../../shared/dates';
import { AppError } from '../../../shared/errors';
import { maskIdNumber, isMaskedIdNumber } from '../../../shared/identity';
import type { RecoveryManifest } from '../../../shared/exchange/manifest';
import { rowProblem, type PackageRow } from '../../../shared/exchange/rows';
import { EXPORTED_TABLES } from '../../../shared/exchange/tables';
import type { RecoveryChoice, RecoveryDifference, RecoverySummary, RowContent } from '../../../shared/exchange/types';
import type { CaseKind } from '../../../shared/options';
import { tableLabel } from '../../../shared/tableLabels';
import { attachmentPath } from '../attachments';
import { indexCaseText } from '../cases/search';
import { reindexLegalAidCase } from '../legalAid/record';
import { indexMediation } from '../mediation/record';
import { indexNotarization } from '../notarization/record';
import { requireOffice } from '../system/office';
import { rowLines, withBytes, type PackageFile } from './bureauImport';
import { contentKeyFor, PackageRefused, verifyPackage } from './container';
import { fingerprintOf, loadKeys, parsePublicKey } from './keys';
import { ROWS_PART } from './officeExport';

/** Rows of one table handled together. */
const BATCH = 500;
/** The lists a plan shows are cut here (the counts are whole). */
const LISTED = 500;
/** What a recovered user's password hash is until an administrator resets it: it matches no password. */
const NO_PASSWORD = 'recovered:no-password';

/** Each kind's own search text, rebuilt from what is stored (the kind's service knows its fields). */
const REINDEX: Record<CaseKind, (db: Kysely<Database>, caseId: number) => Promise<void>> = {
  legal_aid: reindexLegalAidCase,
  mediation: indexMediation,
  notarization: indexNotarization,
};

export interface RecoveryOptions {
  dryRun: boolean;
  choices: readonly RecoveryChoice[];
  user: { username: string };
  now: Date;
  /** The data file, for the attachments folder. */
  dataFile: string;
  /** Raises the file's high-water marks (inside the channel's transaction) and writes the copy beside it. */
  highWater: { raise(marks: HighWater): void; keep(): void };
}

function refused(reason: string): AppError {
  return new AppError('VALIDATION', `恢复包：${reason}，未作任何改动`, 'file');
}

const rowId = (table: string, key: string) => `${table}\u0000${key}`;

/** A dry run reports what installing would do; an install does it, in the calling channel's transaction. */
export async function recoverFromPackage(
  db: Kysely<Database>,
  file: PackageFile,
  options: RecoveryOptions,
): Promise<RecoverySummary> {
  const office = await requireOffice(db);
  const row = await db
    .selectFrom('office')
    .select(['mode', 'bureau_public_key'])
    .where('id', '=', 1)
    .executeTakeFirstOrThrow();
  if (row.mode !== 'office') throw new AppError('CONFLICT', '县局模式的数据文件不安装恢复包');
  const bureauKey = row.bureau_public_key ? parsePublicKey(row.bureau_public_key) : null;
  if (!bureauKey) throw new AppError('CONFLICT', '请先设置县司法局公钥，才能核对恢复包的签名', 'file');
  const keys = await loadKeys(db);
  try {
    return await withBytes(file, async (bytes) => {
      const opened = verifyPackage(bytes);
      const manifest = opened.manifest;
      if (manifest.kind !== 'office-recovery')
        throw new PackageRefused(
          manifest.kind === 'office-data' ? '这是司法所的数据包，不是县局的恢复包' : '这是县局的配置包，不是恢复包',
        );
      if (manifest.office.code !== office.officeCode) {
        throw new PackageRefused(
          `这是机构 ${manifest.office.code}（${manifest.office.name}）的恢复包，不是本所（${office.officeCode}）的`,
        );
      }
      if (manifest.signer.fingerprint !== fingerprintOf(bureauKey)) {
        throw new PackageRefused(
          `签名公钥（指纹 ${manifest.signer.fingerprint}）不是本所设置的县司法局公钥（指纹 ${fingerprintOf(bureauKey)}）`,
        );
      }
      if (!keys)
        throw new PackageRefused(
          '本机尚未生成密钥，不能解密：请先在数据报送页面查看本所公钥，交县局登记后重新生成恢复包',
        );
      if (manifest.encryption.recipientFingerprint !== fingerprintOf(keys)) {
        throw new PackageRefused(
          `恢复包是加密给另一个公钥的（指纹 ${manifest.encryption.recipientFingerprint}），不是本所当前的公钥（指纹 ${fingerprintOf(keys)}）：请县局核对登记的公钥（重装后须先重新登记）再生成`,
        );
      }
      const key = contentKeyFor(opened, keys);
      if (opened.stored.map((p) => p.name).join(',') !== ROWS_PART)
        throw new PackageRefused('数据部分不符合恢复包格式');
      await refuseIfOlder(db, manifest);
      const installedBefore =
        (await db
          .selectFrom('exchange_recovery_installs')
          .select('id')
          .where('content_hash', '=', manifest.contentHash)
          .executeTakeFirst()) !== undefined;

      await sql`SAVEPOINT recovery_install`.execute(db);
      try {
        const summary = await install(db, { opened, key, manifest, fileName: file.fileName, installedBefore }, options);
        if (options.dryRun) {
          await sql`ROLLBACK TO recovery_install`.execute(db);
        } else {
          await recordInstall(db, manifest, file.fileName, summary, options);
        }
        await sql`RELEASE recovery_install`.execute(db);
        if (!options.dryRun) options.highWater.keep();
        return summary;
      } catch (error) {
        try {
          await sql`ROLLBACK TO recovery_install`.execute(db);
          await sql`RELEASE recovery_install`.execute(db);
        } catch {
          // SQLite already rolled the whole transaction back; the channel fails with the first error.
        }
        throw error;
      }
    });
  } catch (error) {
    if (error instanceof PackageRefused) throw refused(error.message);
    throw error;
  }
}

/** Refuses a package made before the bureau imported the office's newest export, or older than one installed. */
async function refuseIfOlder(db: Kysely<Database>, manifest: RecoveryManifest): Promise<void> {
  const newestExport = Number(
    (
      await db
        .selectFrom('exchange_exports')
        .select(({ fn }) => fn.max('sequence').as('n'))
        .executeTakeFirst()
    )?.n ?? 0,
  );
  const holds = manifest.lastImport?.sequence ?? 0;
  if (newestExport > holds) {
    throw new PackageRefused(
      `县局${formatMoment(manifest.issuedAt)}生成的恢复包${holds ? `只含至第${holds}次报送` : '不含本所的任何报送'}，本所已生成第${newestExport}次报送：请先把第${newestExport}次报送交县局导入，再请县局重新生成恢复包`,
    );
  }
  const newer = await db
    .selectFrom('exchange_recovery_installs')
    .select(['issued_at', 'content_hash'])
    .where('issued_at', '>', manifest.issuedAt)
    .where('content_hash', '!=', manifest.contentHash)
    .orderBy('issued_at', 'desc')
    .executeTakeFirst();
  if (newer) throw new PackageRefused(`比已安装的恢复包（县局${formatMoment(newer.issued_at)}生成）旧`);
}

interface OpenedRecovery {
  opened: ReturnType<typeof verifyPackage>;
  key: Buffer | null;
  manifest: RecoveryManifest;
  fileName: string;
  installedBefore: boolean;
}

/** What one install carries from batch to batch. */
interface Progress {
  summary: RecoverySummary;
  choices: Map<string, RecoveryChoice['take']>;
  added: Map<string, number>;
  /** Cases whose rows came back or changed: their search text is rebuilt. */
  touchedCases: Set<number>;
  /** Parties that came back or changed, whose case is looked up at the end. */
  touchedParties: Set<number>;
  dataFile: string;
  now: string;
}

async function install(db: Kysely<Database>, pkg: OpenedRecovery, options: RecoveryOptions): Promise<RecoverySummary> {
  const { manifest } = pkg;
  // First the marks: the rows that come back, and every row after them, are logged above what the bureau has seen.
  options.highWater.raise(manifest.highWater);
  const progress: Progress = {
    summary: {
      fileName: pkg.fileName,
      bureauName: manifest.bureau.name,
      issuedAt: manifest.issuedAt,
      lastImport: manifest.lastImport,
      added: [],
      addedCases: [],
      addedCaseCount: 0,
      same: 0,
      differences: [],
      differenceCount: 0,
      skipped: [],
      missingAttachments: [],
      maskedParties: [],
      usersWithoutPassword: [],
      installedBefore: pkg.installedBefore,
      tookBureau: 0,
      keptOffice: 0,
      undecided: 0,
    },
    choices: new Map(options.choices.map((c) => [rowId(c.table, c.key), c.take])),
    added: new Map(),
    touchedCases: new Set(),
    touchedParties: new Set(),
    dataFile: options.dataFile,
    now: options.now.toISOString(),
  };
  const content = crypto.createHash('sha256');
  const head = Buffer.alloc(4);
  head.writeUInt32BE(Math.max(0, pkg.opened.stored[0]!.length - (pkg.key ? 16 : 0)));
  content.update(Buffer.from(ROWS_PART, 'utf8')).update(head);
  const counts: Record<string, { rows: number; tombstones: number }> = {};
  const seen = new Set<string>();
  let batch: PackageRow[] = [];
  let n = 0;
  for (const line of rowLines(pkg, (chunk) => content.update(chunk))) {
    n++;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      throw new PackageRefused(`第${n}行数据不是有效的JSON`);
    }
    const problem = rowProblem(value);
    if (problem) throw new PackageRefused(`第${n}行数据不符合格式：${problem}`);
    const r = value as PackageRow;
    if (seen.has(rowId(r.t, r.k))) throw new PackageRefused(`第${n}行数据重复（${r.t} ${r.k}）`);
    seen.add(rowId(r.t, r.k));
    const count = (counts[r.t] ??= { rows: 0, tombstones: 0 });
    if (r.d) count.rows++;
    else count.tombstones++;
    if (batch.length > 0 && (batch[0]!.t !== r.t || batch.length === BATCH)) {
      await handleBatch(db, batch, progress);
      batch = [];
    }
    batch.push(r);
  }
  if (content.digest('hex') !== manifest.contentHash) throw new PackageRefused('内容校验失败：解密后的内容与清单不符');
  const expected = JSON.stringify(
    Object.entries(manifest.counts)
      .filter(([, c]) => c.rows + c.tombstones > 0)
      .sort(),
  );
  if (JSON.stringify(Object.entries(counts).sort()) !== expected) throw new PackageRefused('各表行数与清单不符');
  if (batch.length > 0) await handleBatch(db, batch, progress);
  await finish(db, progress);
  return progress.summary;
}

/** The office's rows of `table` under `keys`, with their exported columns as the bureau sees them (masked). */
async function officeRowsOf(db: Kysely<Database>, table: string, keys: string[]): Promise<Map<string, RowContent>> {
  const spec = EXPORTED_TABLES[table]!;
  const columns = Object.keys(spec.columns);
  const keyExpr =
    spec.key.length === 1 ? sql.ref(spec.key[0]!) : sql`json_array(${sql.join(spec.key.map((c) => sql.ref(c)))})`;
  const values = spec.key.length === 1 ? keys.map(Number) : keys;
  const rows =
    await sql<RowContent>`SELECT ${sql.join(columns.map((c) => sql.ref(c)))} FROM ${sql.table(table)} WHERE ${keyExpr} IN (${sql.join(values)})`.execute(
      db,
    );
  const found = new Map<string, RowContent>();
  for (const r of rows.rows) {
    for (const c of spec.masked ?? []) if (typeof r[c] === 'string') r[c] = maskIdNumber(r[c] as string);
    const k = spec.key.length === 1 ? String(r[spec.key[0]!]) : JSON.stringify(spec.key.map((c) => r[c]));
    found.set(k, r);
  }
  return found;
}

function sameContent(office: RowContent, bureau: RowContent): boolean {
  return Object.keys(bureau).every((c) => office[c] === bureau[c]);
}

/**
 * Rebuilds a case's search text with its kind's own fields. A case that came back without a part its kind needs
 * (its applicant refused, say) is still found by its number and title.
 */
export async function reindexCase(db: Kysely<Database>, caseId: number): Promise<void> {
  const stored = await db
    .selectFrom('cases')
    .select(['kind', 'case_number', 'title'])
    .where('id', '=', caseId)
    .executeTakeFirst();
  if (!stored) return;
  await sql`SAVEPOINT case_index`.execute(db);
  try {
    await REINDEX[stored.kind as CaseKind](db, caseId);
    await sql`RELEASE case_index`.execute(db);
  } catch {
    await sql`ROLLBACK TO case_index`.execute(db);
    await sql`RELEASE case_index`.execute(db);
    await indexCaseText(db, caseId, `${stored.case_number} ${stored.title}`);
  }
}

/** Append-only tables (interference records, overrides…) refuse every update and delete by trigger. */
async function appendOnly(db: Kysely<Database>, table: string): Promise<boolean> {
  const found = await sql<{
    n: number;
  }>`SELECT count(*) AS n FROM sqlite_schema WHERE type = 'trigger' AND name = ${`${table}_no_update`}`.execute(db);
  return Number(found.rows[0]?.n ?? 0) > 0;
}

async function handleBatch(db: Kysely<Database>, batch: PackageRow[], progress: Progress): Promise<void> {
  const table = batch[0]!.t;
  const office = await officeRowsOf(
    db,
    table,
    batch.map((r) => r.k),
  );
  const toAdd: PackageRow[] = [];
  for (const r of batch) {
    const mine = office.get(r.k);
    if (!mine) {
      if (r.d) toAdd.push(r);
      else progress.summary.same++; // deleted on both sides
      continue;
    }
    if (r.d && sameContent(mine, r.d)) {
      progress.summary.same++;
      continue;
    }
    await settleDifference(db, table, r, mine, progress);
  }
  if (toAdd.length > 0) await addRows(db, table, toAdd, progress);
}

/** A row that differs on both sides: listed, and changed only as the clerk chose. */
async function settleDifference(
  db: Kysely<Database>,
  table: string,
  r: PackageRow,
  mine: RowContent,
  progress: Progress,
): Promise<void> {
  const { summary } = progress;
  summary.differenceCount++;
  if (summary.differences.length < LISTED) {
    summary.differences.push({
      table,
      key: r.k,
      label: await labelOf(db, table, r.k, mine),
      office: mine,
      bureau: r.d ?? null,
    } satisfies RecoveryDifference);
  }
  const take = progress.choices.get(rowId(table, r.k));
  if (!take) {
    summary.undecided++;
    return;
  }
  const spec = EXPORTED_TABLES[table]!;
  const where = spec.key.map((c) => sql`${sql.ref(c)} = ${mine[c]}`);
  if (take === 'office') {
    // Sent again as the newest version: the marks were raised, so its sequence is above the bureau's.
    await db.executeQuery(CompiledQuery.raw(relogRowSql(table), [r.k]));
    summary.keptOffice++;
    return;
  }
  if (await appendOnly(db, table)) {
    throw new AppError(
      'CONFLICT',
      `${tableLabel(table)}（${r.k}）只能追加、不能修改，只能保留本所的版本，未作任何改动`,
      'choices',
    );
  }
  if (table === 'users') {
    // Who may sign in, and with which role, is this office's administrator's decision, not a package's.
    throw new AppError(
      'CONFLICT',
      `用户账户（${String(mine.username)}）不按县局的版本修改，请由管理员在用户管理中调整，未作任何改动`,
      'choices',
    );
  }
  if (!r.d) {
    try {
      await sql`DELETE FROM ${sql.table(table)} WHERE ${sql.join(where, sql` AND `)}`.execute(db);
    } catch (error) {
      if (String((error as { code?: unknown }).code).startsWith('SQLITE_CONSTRAINT')) {
        throw new AppError(
          'CONFLICT',
          `${tableLabel(table)}（${r.k}）仍有其他记录引用，不能按县局的版本删除，未作任何改动`,
          'choices',
        );
      }
      throw error;
    }
  } else {
    const data = r.d;
    const sets = Object.keys(data)
      .filter((c) => !spec.key.includes(c))
      // A masked number never replaces a number the office has (it only fills an empty one, to be entered again).
      .filter(
        (c) =>
          !(
            spec.masked?.includes(c) &&
            typeof data[c] === 'string' &&
            isMaskedIdNumber(data[c] as string) &&
            mine[c] !== ''
          ),
      )
      .map((c) => sql`${sql.ref(c)} = ${data[c]}`);
    if (sets.length > 0)
      await sql`UPDATE ${sql.table(table)} SET ${sql.join(sets)} WHERE ${sql.join(where, sql` AND `)}`.execute(db);
  }
  summary.tookBureau++;
  noteTouched(table, r.d ?? mine, progress);
}

function noteTouched(table: string, data: Record<string, unknown>, progress: Progress): void {
  if (table === 'cases' && typeof data.id === 'number') progress.touchedCases.add(data.id);
  else if (typeof data.case_id === 'number') progress.touchedCases.add(data.case_id);
  else if (typeof data.party_id === 'number') progress.touchedParties.add(data.party_id);
}

/** Nullable references whose row this office does not have (a roster entry, say) come back empty. */
async function dropDanglingOptionalRefs(
  db: Kysely<Database>,
  table: string,
  rows: Record<string, unknown>[],
): Promise<void> {
  const refs = await sql<{
    table: string;
    from: string;
    to: string;
  }>`SELECT "table", "from", "to" FROM pragma_foreign_key_list(${table})`.execute(db);
  const columns = EXPORTED_TABLES[table]!.columns;
  for (const ref of refs.rows) {
    if (columns[ref.from] !== 'int?' && columns[ref.from] !== 'text?') continue;
    const wanted = [...new Set(rows.map((r) => r[ref.from]).filter((v) => v !== null && v !== undefined))];
    if (wanted.length === 0) continue;
    const present = await sql<{
      v: unknown;
    }>`SELECT ${sql.ref(ref.to)} AS v FROM ${sql.table(ref.table)} WHERE ${sql.ref(ref.to)} IN (${sql.join(wanted as (string | number)[])})`.execute(
      db,
    );
    const have = new Set(present.rows.map((p) => p.v));
    for (const r of rows)
      if (r[ref.from] !== null && r[ref.from] !== undefined && !have.has(r[ref.from])) r[ref.from] = null;
  }
}

/** Why SQLite refused a row, in Chinese. */
function refusalReason(error: unknown): string {
  const code = String((error as { code?: unknown }).code);
  if (code === 'SQLITE_CONSTRAINT_FOREIGNKEY') return '所引用的记录（所属案件、公证事项、卷宗材料标准或用户）本所没有';
  if (code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY')
    return '案号、用户名或编号已被本所的另一条记录使用';
  return '内容不符合本所的数据格式';
}

/** Rows the office does not have, inserted under their own keys; one that SQLite refuses is skipped with why. */
async function addRows(db: Kysely<Database>, table: string, rows: PackageRow[], progress: Progress): Promise<void> {
  const values = rows.map((r) =>
    table === 'users'
      ? {
          ...r.d!,
          password_hash: NO_PASSWORD,
          must_change_password: 1,
          created_at: progress.now,
          updated_at: progress.now,
        }
      : { ...r.d! },
  );
  await dropDanglingOptionalRefs(db, table, values);
  const insert = (batch: Record<string, unknown>[]) => {
    const columns = Object.keys(batch[0]!);
    return sql`INSERT INTO ${sql.table(table)} (${sql.join(columns.map((c) => sql.ref(c)))}) VALUES ${sql.join(
      batch.map((v) => sql`(${sql.join(columns.map((c) => v[c] as string | number | null))})`),
    )}`.execute(db);
  };
  const inserted: Record<string, unknown>[] = [];
  const sameShape = values.every((v) => Object.keys(v).join() === Object.keys(values[0]!).join());
  await sql`SAVEPOINT recovery_rows`.execute(db);
  try {
    if (!sameShape) throw new Error('rows of different columns: one at a time');
    for (let i = 0; i < values.length; i += 100) await insert(values.slice(i, i + 100));
    await sql`RELEASE recovery_rows`.execute(db);
    inserted.push(...values);
  } catch {
    // One of them is refused: again one at a time, each in its own savepoint, to keep the others and say why.
    await sql`ROLLBACK TO recovery_rows`.execute(db);
    await sql`RELEASE recovery_rows`.execute(db);
    for (const [i, v] of values.entries()) {
      await sql`SAVEPOINT recovery_row`.execute(db);
      try {
        await insert([v]);
        await sql`RELEASE recovery_row`.execute(db);
        inserted.push(v);
      } catch (error) {
        await sql`ROLLBACK TO recovery_row`.execute(db);
        await sql`RELEASE recovery_row`.execute(db);
        if (!String((error as { code?: unknown }).code).startsWith('SQLITE_CONSTRAINT')) throw error;
        progress.summary.skipped.push({ table, key: rows[i]!.k, reason: refusalReason(error) });
      }
    }
  }
  progress.added.set(table, (progress.added.get(table) ?? 0) + inserted.length);
  for (const v of inserted) {
    noteTouched(table, v, progress);
    if (table === 'cases') {
      progress.summary.addedCaseCount++;
      if (progress.summary.addedCases.length < 200) progress.summary.addedCases.push(String(v.case_number));
    } else if (table === 'users') {
      progress.summary.usersWithoutPassword.push(String(v.username));
    } else if (table === 'attachments' && !fs.existsSync(attachmentPath(progress.dataFile, String(v.sha256)))) {
      progress.summary.missingAttachments.push({
        caseNumber: await caseNumberOf(db, Number(v.case_id)),
        itemKey: String(v.item_key),
        fileName: String(v.file_name),
      });
    }
  }
}

async function caseNumberOf(db: Kysely<Database>, caseId: number): Promise<string> {
  return (
    (await db.selectFrom('cases').select('case_number').where('id', '=', caseId).executeTakeFirst())?.case_number ??
    `案件${caseId}`
  );
}

/** A row in words: its table, and its case number or name where it has one. */
async function labelOf(db: Kysely<Database>, table: string, key: string, row: RowContent): Promise<string> {
  if (table === 'cases') return `${tableLabel(table)} ${String(row.case_number)}`;
  if (table === 'users') return `${tableLabel(table)} ${String(row.username)}`;
  const owner = typeof row.case_id === 'number' ? `（${await caseNumberOf(db, row.case_id)}）` : '';
  const name = typeof row.name === 'string' ? ` ${row.name}` : '';
  return `${tableLabel(table)}${name}${owner} 编号${key}`;
}

/** The end of an install: search text rebuilt for every case touched; what remains to do listed. */
async function finish(db: Kysely<Database>, progress: Progress): Promise<void> {
  const { summary } = progress;
  if (progress.touchedParties.size > 0) {
    const owners = await db
      .selectFrom('parties')
      .select('case_id')
      .where('id', 'in', [...progress.touchedParties])
      .execute();
    for (const o of owners) progress.touchedCases.add(o.case_id);
  }
  for (const caseId of progress.touchedCases) await reindexCase(db, caseId);
  summary.added = [...progress.added]
    .filter(([, rows]) => rows > 0)
    .map(([table, rows]) => ({ table, label: tableLabel(table), rows }));
  const masked = await db
    .selectFrom('parties as p')
    .innerJoin('cases as c', 'c.id', 'p.case_id')
    .select(['p.id', 'p.name', 'p.id_number', 'c.case_number'])
    .where('p.id_number', 'like', '%*%')
    .orderBy('c.case_number')
    .orderBy('p.id')
    .limit(LISTED)
    .execute();
  summary.maskedParties = masked.map((p) => ({
    partyId: p.id,
    caseNumber: p.case_number,
    name: p.name,
    idNumber: p.id_number,
  }));
}

/** The install in `restores` (the next export tells the bureau) and in exchange_recovery_installs. */
async function recordInstall(
  db: Kysely<Database>,
  manifest: RecoveryManifest,
  fileName: string,
  summary: RecoverySummary,
  options: RecoveryOptions,
): Promise<void> {
  const marks = new Map(
    (
      await db
        .selectFrom('sqlite_sequence')
        .select(['name', 'seq'])
        .where('name', 'in', ['change_log', 'exchange_exports'])
        .execute()
    ).map((r) => [r.name, Number(r.seq)]),
  );
  const at = options.now.toISOString();
  await db
    .insertInto('restores')
    .values({
      event_id: crypto.randomUUID(),
      kind: 'recovery',
      source: fileName,
      source_time: manifest.issuedAt,
      happened_at: at,
      by_user: options.user.username,
      pre_restore_backup: '',
      change_seq: marks.get('change_log') ?? 0,
      export_sequence: marks.get('exchange_exports') ?? 0,
      reported_in: null,
    })
    .execute();
  await db
    .insertInto('exchange_recovery_installs')
    .values({
      issued_at: manifest.issuedAt,
      content_hash: manifest.contentHash,
      file_name: fileName,
      installed_at: at,
      installed_by: options.user.username,
      summary: JSON.stringify({
        added: summary.added,
        addedCaseCount: summary.addedCaseCount,
        same: summary.same,
        differenceCount: summary.differenceCount,
        tookBureau: summary.tookBureau,
        keptOffice: summary.keptOffice,
        undecided: summary.undecided,
        skipped: summary.skipped.length,
      }),
    })
    .execute();
}
