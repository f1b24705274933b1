// The office's export to the county bureau (docs/export-format.md): every row whose latest change came after the
// previous export, as a signed package, encrypted to the bureau when its key is set. Each export is recorded with
// its change range and what its manifest needs, so any earlier one can be made again exactly as it was.
import fsp from 'node:fs/promises';
import path from 'node:path';
import type { Kysely } from 'kysely';
import type { Database, ExchangeExportTable } from '../../../db/schema';
import { localDate } from '../../../shared/dates';
import { AppError } from '../../../shared/errors';
import { packageFileName, PACKAGE_FORMAT_VERSION, type DataManifest } from '../../../shared/exchange/manifest';
import { EXPORTED_TABLES } from '../../../shared/exchange/tables';
import type { ExportRecord, ExportResult } from '../../../shared/exchange/types';
import { requireOffice } from '../office';
import { APP_VERSION } from '../../version';
import { sealPackage, type Part } from './container';
import { ensureKeys, loadKeys, parsePublicKey } from './keys';
import { periodStatistics } from './statisticsPart';

export const ROWS_PART = 'rows.ndjson';
export const STATISTICS_PART = 'statistics.json';

async function requireOfficeMode(db: Kysely<Database>) {
  const office = await requireOffice(db);
  const row = await db.selectFrom('office').select(['mode', 'bureau_public_key']).where('id', '=', 1).executeTakeFirstOrThrow();
  if (row.mode !== 'office') throw new AppError('CONFLICT', '县局模式的数据文件不导出数据包，请在司法所的数据文件上操作');
  return { office, bureauPublicKey: row.bureau_public_key };
}

/**
 * The rows of one export: for every row changed in (after, upTo], its last version in that range, in change
 * order. A version later than upTo belongs to a later export, so the range alone decides the content.
 */
export async function rowsInRange(db: Kysely<Database>, after: number, upTo: number): Promise<{ lines: string[]; counts: DataManifest['counts'] }> {
  const changes = await db
    .selectFrom('change_log as c')
    .select(['c.seq', 'c.table_name', 'c.row_key', 'c.op', 'c.data'])
    .where('c.seq', '>', after)
    .where('c.seq', '<=', upTo)
    .where(({ eb, selectFrom }) =>
      eb(
        'c.seq',
        '=',
        selectFrom('change_log as d')
          .select(({ fn }) => fn.max('d.seq').as('latest'))
          .whereRef('d.table_name', '=', 'c.table_name')
          .whereRef('d.row_key', '=', 'c.row_key')
          .where('d.seq', '<=', upTo),
      ),
    )
    .orderBy('c.seq')
    .execute();
  const counts: DataManifest['counts'] = {};
  const lines: string[] = [];
  for (const c of changes) {
    if (!(c.table_name in EXPORTED_TABLES)) continue; // a table this version no longer exports
    const count = (counts[c.table_name] ??= { rows: 0, tombstones: 0 });
    const head = `{"t":${JSON.stringify(c.table_name)},"k":${JSON.stringify(c.row_key)},"s":${c.seq}`;
    if (c.op === 'delete' || c.data === null) {
      count.tombstones++;
      lines.push(`${head}}`);
    } else {
      count.rows++;
      lines.push(`${head},"d":${c.data}}`);
    }
  }
  return { lines, counts };
}

/** Builds the package of a recorded export; the same record gives the same content (and, unencrypted, the same bytes). */
async function buildPackage(db: Kysely<Database>, record: ExchangeExportTable, recipientText: string): Promise<{ file: Buffer; encrypted: boolean; contentHash: string; rowCount: number }> {
  const { office } = await requireOfficeMode(db);
  const keys = await loadKeys(db);
  if (!keys) throw new AppError('CONFLICT', '本机构的密钥尚未生成');
  const { lines, counts } = await rowsInRange(db, record.after_seq, record.up_to_seq);
  const content: Part[] = [
    { name: ROWS_PART, bytes: Buffer.from(lines.length ? `${lines.join('\n')}\n` : '', 'utf8') },
    { name: STATISTICS_PART, bytes: Buffer.from(record.statistics, 'utf8') },
  ];
  const recipient = recipientText ? parsePublicKey(recipientText) : null;
  const { file, manifest } = sealPackage(
    {
      format: 'casedesk-package',
      formatVersion: PACKAGE_FORMAT_VERSION,
      kind: 'office-data',
      office: { code: office.officeCode, name: office.name, bureauName: office.bureauName },
      period: record.period,
      sequence: record.sequence,
      changes: { after: record.after_seq, upTo: record.up_to_seq },
      createdAt: record.created_at,
      appVersion: record.app_version,
      counts,
      auditHead: { seq: record.audit_head_seq, hash: record.audit_head_hash },
    } as Omit<DataManifest, 'parts' | 'encryption' | 'signer' | 'contentHash'>,
    content,
    keys,
    recipient,
  );
  return { file, encrypted: recipient !== null, contentHash: manifest.contentHash, rowCount: lines.length };
}

async function writeAtomically(folder: string, name: string, bytes: Buffer): Promise<string> {
  await fsp.mkdir(folder, { recursive: true });
  const target = path.join(folder, name);
  const partial = `${target}.partial`;
  const handle = await fsp.open(partial, 'w');
  try {
    await handle.writeFile(bytes);
    await handle.sync();
  } finally {
    await handle.close();
  }
  await fsp.rename(partial, target);
  return target;
}

export function defaultExportFolder(dataFile: string): string {
  return path.join(path.dirname(path.resolve(dataFile)), 'exports');
}

function toRecord(row: ExchangeExportTable): ExportRecord {
  return {
    sequence: row.sequence, period: row.period, fileName: row.file_name, createdAt: row.created_at, createdBy: row.created_by,
    rowCount: row.row_count, afterSeq: row.after_seq, upToSeq: row.up_to_seq,
  };
}

/** A new export: everything changed since the previous one. Inside the calling channel's transaction. */
export async function exportNow(
  db: Kysely<Database>,
  { period, folder, now, username }: { period: string; folder: string; now: Date; username: string },
): Promise<ExportResult> {
  const { office, bureauPublicKey } = await requireOfficeMode(db);
  await ensureKeys(db, now);
  const last = await db.selectFrom('exchange_exports').select(['sequence', 'up_to_seq']).orderBy('sequence', 'desc').limit(1).executeTakeFirst();
  const head = await db.selectFrom('change_log').select(({ fn }) => fn.max('seq').as('seq')).executeTakeFirst();
  const audit = await db.selectFrom('audit_log').select(['seq', 'hash']).orderBy('seq', 'desc').limit(1).executeTakeFirst();
  const sequence = (last?.sequence ?? 0) + 1;
  const record: ExchangeExportTable = {
    sequence,
    period,
    after_seq: last?.up_to_seq ?? 0,
    up_to_seq: Math.max(last?.up_to_seq ?? 0, Number(head?.seq ?? 0)),
    created_at: now.toISOString(),
    created_by: username,
    app_version: APP_VERSION,
    audit_head_seq: audit?.seq ?? 0,
    audit_head_hash: audit?.hash ?? '',
    statistics: JSON.stringify(await periodStatistics(db, period, localDate(now))),
    row_count: 0,
    content_hash: '',
    file_name: packageFileName(office.officeCode, period, sequence),
  };
  const built = await buildPackage(db, record, bureauPublicKey);
  record.row_count = built.rowCount;
  record.content_hash = built.contentHash;
  await db.insertInto('exchange_exports').values(record).execute();
  const file = await writeAtomically(folder, record.file_name, built.file);
  return { ...toRecord(record), file, encrypted: built.encrypted };
}

/** An earlier export made again, with the same content: for a lost USB stick or a file the bureau could not read. */
export async function exportAgain(db: Kysely<Database>, { sequence, folder }: { sequence: number; folder: string }): Promise<ExportResult> {
  const { bureauPublicKey } = await requireOfficeMode(db);
  const record = await db.selectFrom('exchange_exports').selectAll().where('sequence', '=', sequence).executeTakeFirst();
  if (!record) throw new AppError('NOT_FOUND', `没有第${sequence}次报送`, 'sequence');
  const built = await buildPackage(db, record, bureauPublicKey);
  const file = await writeAtomically(folder, record.file_name, built.file);
  return { ...toRecord(record), file, encrypted: built.encrypted };
}

/** An earlier export's file in memory (the preview's browser saves it itself). */
export async function packageBytes(db: Kysely<Database>, sequence: number): Promise<{ fileName: string; bytes: Buffer }> {
  const { bureauPublicKey } = await requireOfficeMode(db);
  const record = await db.selectFrom('exchange_exports').selectAll().where('sequence', '=', sequence).executeTakeFirst();
  if (!record) throw new AppError('NOT_FOUND', `没有第${sequence}次报送`, 'sequence');
  return { fileName: record.file_name, bytes: (await buildPackage(db, record, bureauPublicKey)).file };
}

export async function exportHistory(db: Kysely<Database>): Promise<ExportRecord[]> {
  const rows = await db.selectFrom('exchange_exports').selectAll().orderBy('sequence', 'desc').execute();
  return rows.map(toRecord);
}
