// The office's export to the county bureau (docs/export-format.md): every row whose latest change came after the
// previous export, as a signed package, always encrypted to the bureau (refused until its key is set). Each export
// is recorded with its change range and what its manifest needs, so any earlier one can be made again exactly as it
// was. The first export after a restore (db/stagedRestore.ts `restores`) says so in its manifest and carries the
// keys of every row the office holds (inventory.ndjson), so the bureau can list the rows it holds that the office no
// longer has.
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Kysely } from 'kysely';
import type { Database, ExchangeExportTable } from '../../../db/schema';
import { localDate } from '../../../shared/dates';
import { AppError } from '../../../shared/errors';
import {
  dataFormatVersion,
  packageFileName,
  type DataManifest,
  type RestoredNote,
} from '../../../shared/exchange/manifest';
import { EXPORTED_TABLES } from '../../../shared/exchange/tables';
import type { ExportRecord, ExportResult } from '../../../shared/exchange/types';
import { requireOffice } from '../system/office';
import { ScratchFile } from '../scratchFile';
import { APP_VERSION } from '../../version';
import { CHUNK_BYTES, partOfBytes, sealPackageStream, type PartSource, type SealedPackage } from './container';
import { writeIntoFolder } from './exportFolder';
import { ensureKeys, loadKeys, parsePublicKey } from './keys';
import type { OfficeReports } from '../statistics/officeReports';
import { periodStatistics } from './statisticsPart';

export const ROWS_PART = 'rows.ndjson';
export const STATISTICS_PART = 'statistics.json';
/** Version 2, the first export after a restore: `{"t","k","s"}` for every row the office holds, in key order. */
export const INVENTORY_PART = 'inventory.ndjson';

/** Refused until the bureau's key is set: no package leaves the office unencrypted. */
const NO_BUREAU_KEY_MESSAGE =
  '未设置县司法局公钥，不能导出：数据包含全部当事人信息，必须加密给县司法局。请在“数据报送 → 密钥”中填写县局公钥，' +
  '或安装县局的配置包（首次安装时填写县局告知的公钥指纹，即一并设置县局公钥）；命令行：npm run cli -- keys --db 数据文件 --bureau-key casedesk1:…';

/** The office and the bureau key it exports to; refused in bureau mode or before the bureau key is set. */
export async function requireOfficeMode(db: Kysely<Database>) {
  const office = await requireOffice(db);
  const row = await db
    .selectFrom('office')
    .select(['mode', 'bureau_public_key'])
    .where('id', '=', 1)
    .executeTakeFirstOrThrow();
  if (row.mode !== 'office')
    throw new AppError('CONFLICT', '县局模式的数据文件不导出数据包，请在司法所的数据文件上操作');
  if (!row.bureau_public_key || !parsePublicKey(row.bureau_public_key))
    throw new AppError('CONFLICT', NO_BUREAU_KEY_MESSAGE);
  return { office, bureauPublicKey: row.bureau_public_key };
}

/** Lines are gathered into strings of about this many characters before they are written out. */
const PENDING_CHARS = 256 * 1024;

/**
 * The rows of one export, written to `file`: for every row changed in (after, upTo], its last version in that
 * range, in change order. A version later than upTo belongs to a later export, so the range alone decides the
 * content. Streamed from SQLite to the file, so the export holds neither the rows nor the part in memory.
 */
export async function rowsInRange(
  db: Kysely<Database>,
  after: number,
  upTo: number,
  file: ScratchFile,
): Promise<{ length: number; rowCount: number; counts: DataManifest['counts'] }> {
  const changes = db
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
    .stream();
  const counts: DataManifest['counts'] = {};
  let length = 0;
  let rowCount = 0;
  let pending = '';
  const flush = () => {
    const bytes = Buffer.from(pending, 'utf8');
    file.append(bytes);
    length += bytes.length;
    pending = '';
  };
  try {
    for await (const c of changes) {
      if (!(c.table_name in EXPORTED_TABLES)) continue; // a table this version no longer exports
      const count = (counts[c.table_name] ??= { rows: 0, tombstones: 0 });
      const head = `{"t":${JSON.stringify(c.table_name)},"k":${JSON.stringify(c.row_key)},"s":${c.seq}`;
      if (c.op === 'delete' || c.data === null) {
        count.tombstones++;
        pending += `${head}}\n`;
      } else {
        count.rows++;
        pending += `${head},"d":${c.data}}\n`;
      }
      rowCount++;
      if (pending.length >= PENDING_CHARS) flush();
    }
    flush();
  } finally {
    file.close();
  }
  return { length, rowCount, counts };
}

/**
 * Every row the office held at change `upTo` — each (table, key) whose last change up to then was not a deletion —
 * as `{"t","k","s"}` lines written to `file`, ordered by table and key. Read from the change log, so the same
 * export made again lists the same rows.
 */
async function inventoryAt(db: Kysely<Database>, upTo: number, file: ScratchFile): Promise<{ length: number }> {
  // SQLite takes a bare column (op) from the row that gave the group's max().
  const latest = db
    .selectFrom('change_log')
    .select(({ fn }) => ['table_name', 'row_key', 'op', fn.max('seq').as('seq')])
    .where('seq', '<=', upTo)
    .groupBy(['table_name', 'row_key'])
    .orderBy('table_name')
    .orderBy('row_key')
    .stream();
  let length = 0;
  let pending = '';
  const flush = () => {
    const bytes = Buffer.from(pending, 'utf8');
    file.append(bytes);
    length += bytes.length;
    pending = '';
  };
  try {
    for await (const r of latest) {
      if (r.op !== 'upsert' || !(r.table_name in EXPORTED_TABLES)) continue;
      pending += `{"t":${JSON.stringify(r.table_name)},"k":${JSON.stringify(r.row_key)},"s":${Number(r.seq)}}\n`;
      if (pending.length >= PENDING_CHARS) flush();
    }
    flush();
  } finally {
    file.close();
  }
  return { length };
}

/** A part read back from its (encrypted) scratch file, a chunk at a time, as often as sealing needs. */
export function partOfScratch(name: string, file: ScratchFile, length: number): PartSource {
  return { name, length, chunks: () => file.chunks(CHUNK_BYTES, length) };
}

interface BuiltPackage {
  sealed: SealedPackage;
  rowCount: number;
}

/**
 * Builds the package of a recorded export and hands it to `use` (the same record gives the same content). The
 * rows wait in a scratch file, encrypted under a key held only in memory (scratchFile.ts), removed afterwards.
 */
async function withPackage<T>(
  db: Kysely<Database>,
  record: ExchangeExportTable,
  recipientText: string,
  use: (built: BuiltPackage) => Promise<T>,
): Promise<T> {
  const { office } = await requireOfficeMode(db);
  const keys = await loadKeys(db);
  if (!keys) throw new AppError('CONFLICT', '本机构的密钥尚未生成');
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'casedesk-export-'));
  try {
    const rowsFile = new ScratchFile(path.join(scratch, ROWS_PART));
    const rows = await rowsInRange(db, record.after_seq, record.up_to_seq, rowsFile);
    const recipient = parsePublicKey(recipientText);
    if (!recipient) throw new AppError('CONFLICT', NO_BUREAU_KEY_MESSAGE); // requireOfficeMode checked it already
    const restored = record.restored ? (JSON.parse(record.restored) as RestoredNote) : null;
    const parts = [
      partOfScratch(ROWS_PART, rowsFile, rows.length),
      partOfBytes(STATISTICS_PART, Buffer.from(record.statistics, 'utf8')),
    ];
    if (restored) {
      const inventoryFile = new ScratchFile(path.join(scratch, INVENTORY_PART));
      parts.push(
        partOfScratch(INVENTORY_PART, inventoryFile, (await inventoryAt(db, record.up_to_seq, inventoryFile)).length),
      );
    }
    const sealed = sealPackageStream(
      {
        format: 'casedesk-package',
        formatVersion: dataFormatVersion(restored !== null, rows.counts),
        kind: 'office-data',
        office: { code: office.officeCode, name: office.name, bureauName: office.bureauName },
        period: record.period,
        sequence: record.sequence,
        changes: { after: record.after_seq, upTo: record.up_to_seq },
        createdAt: record.created_at,
        appVersion: record.app_version,
        counts: rows.counts,
        auditHead: { seq: record.audit_head_seq, hash: record.audit_head_hash },
        ...(restored ? { restored } : {}),
      } as Omit<DataManifest, 'parts' | 'encryption' | 'signer' | 'contentHash'>,
      parts,
      keys,
      recipient,
    );
    return await use({ sealed, rowCount: rows.rowCount });
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}

async function writeAtomically(folder: string, name: string, chunks: Iterable<Buffer>): Promise<string> {
  return writeIntoFolder(folder, name, async (target) => {
    const partial = `${target}.partial`;
    const handle = await fsp.open(partial, 'w');
    try {
      // Each writeFile continues at the current position and retries short writes.
      for (const chunk of chunks) await handle.writeFile(chunk);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await fsp.rename(partial, target);
  });
}

export function defaultExportFolder(dataFile: string): string {
  return path.join(path.dirname(path.resolve(dataFile)), 'exports');
}

function toRecord(row: ExchangeExportTable): ExportRecord {
  return {
    sequence: row.sequence,
    period: row.period,
    fileName: row.file_name,
    createdAt: row.created_at,
    createdBy: row.created_by,
    rowCount: row.row_count,
    afterSeq: row.after_seq,
    upToSeq: row.up_to_seq,
    restored: Boolean(row.restored),
  };
}

/**
 * The restores the bureau has not been told of, as the manifest's note (null: none). The note says where ids and
 * sequences continue after the newest of them.
 */
async function unreportedRestores(db: Kysely<Database>): Promise<{ ids: number[]; note: RestoredNote } | null> {
  const events = await db.selectFrom('restores').selectAll().where('reported_in', 'is', null).orderBy('id').execute();
  const newest = events.at(-1);
  if (!newest) return null;
  return {
    ids: events.map((e) => e.id),
    note: {
      events: events.map((e) => ({
        kind: e.kind,
        source: e.source,
        sourceTime: e.source_time,
        at: e.happened_at,
        by: e.by_user,
      })),
      changesContinueAfter: newest.change_seq,
      sequenceContinuesAfter: newest.export_sequence,
    },
  };
}

/**
 * The next export sequence: one past the highest ever given — in this file or, after a restore, the marks it was
 * raised to (sqlite_sequence, db/highWater.ts), so a sequence the bureau has seen is never sent again.
 */
async function nextExportSequence(db: Kysely<Database>): Promise<number> {
  const last = await db
    .selectFrom('exchange_exports')
    .select(({ fn }) => fn.max('sequence').as('n'))
    .executeTakeFirst();
  const mark = await db
    .selectFrom('sqlite_sequence')
    .select('seq')
    .where('name', '=', 'exchange_exports')
    .executeTakeFirst();
  return Math.max(Number(last?.n ?? 0), Number(mark?.seq ?? 0)) + 1;
}

/**
 * A new export: everything changed since the previous one. Inside the calling channel's transaction.
 * `keepHighWater` writes the marks beside the data file (db/highWater.ts); it runs before the package is written,
 * so no id or sequence in a package the bureau may read can be given again after a restore.
 */
export async function exportNow(
  db: Kysely<Database>,
  {
    period,
    folder,
    now,
    username,
    keepHighWater,
    reports,
  }: {
    period: string;
    folder: string;
    now: Date;
    username: string;
    keepHighWater: () => void;
    /** The office's reports kept for reuse: the period's figures the clerk just opened are not computed again. */
    reports: OfficeReports;
  },
): Promise<ExportResult> {
  const { office, bureauPublicKey } = await requireOfficeMode(db);
  await ensureKeys(db, now);
  const last = await db
    .selectFrom('exchange_exports')
    .select(['sequence', 'up_to_seq'])
    .orderBy('sequence', 'desc')
    .limit(1)
    .executeTakeFirst();
  const head = await db
    .selectFrom('change_log')
    .select(({ fn }) => fn.max('seq').as('seq'))
    .executeTakeFirst();
  const audit = await db
    .selectFrom('audit_log')
    .select(['seq', 'hash'])
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst();
  const sequence = await nextExportSequence(db);
  const restores = await unreportedRestores(db);
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
    statistics: JSON.stringify(await periodStatistics(db, reports, period, localDate(now))),
    row_count: 0,
    content_hash: '',
    file_name: packageFileName(office.officeCode, period, sequence),
    restored: restores ? JSON.stringify(restores.note) : null,
  };
  return withPackage(db, record, bureauPublicKey, async ({ sealed, rowCount }) => {
    record.row_count = rowCount;
    record.content_hash = sealed.manifest.contentHash;
    await db.insertInto('exchange_exports').values(record).execute();
    if (restores)
      await db.updateTable('restores').set({ reported_in: sequence }).where('id', 'in', restores.ids).execute();
    keepHighWater();
    const file = await writeAtomically(folder, record.file_name, sealed.chunks());
    return { ...toRecord(record), file };
  });
}

/** An earlier export made again, with the same content: for a lost USB stick or a file the bureau could not read. */
export async function exportAgain(
  db: Kysely<Database>,
  { sequence, folder }: { sequence: number; folder: string },
): Promise<ExportResult> {
  const { bureauPublicKey } = await requireOfficeMode(db);
  const record = await db
    .selectFrom('exchange_exports')
    .selectAll()
    .where('sequence', '=', sequence)
    .executeTakeFirst();
  if (!record) throw new AppError('NOT_FOUND', `没有第${sequence}次报送`, 'sequence');
  return withPackage(db, record, bureauPublicKey, async ({ sealed }) => {
    const file = await writeAtomically(folder, record.file_name, sealed.chunks());
    return { ...toRecord(record), file };
  });
}

/** An earlier export's file in memory (the preview's browser saves it itself). */
export async function packageBytes(
  db: Kysely<Database>,
  sequence: number,
): Promise<{ fileName: string; bytes: Buffer }> {
  const { bureauPublicKey } = await requireOfficeMode(db);
  const record = await db
    .selectFrom('exchange_exports')
    .selectAll()
    .where('sequence', '=', sequence)
    .executeTakeFirst();
  if (!record) throw new AppError('NOT_FOUND', `没有第${sequence}次报送`, 'sequence');
  return withPackage(db, record, bureauPublicKey, async ({ sealed }) => ({
    fileName: record.file_name,
    bytes: Buffer.concat([...sealed.chunks()]),
  }));
}

export async function exportHistory(db: Kysely<Database>): Promise<ExportRecord[]> {
  const rows = await db.selectFrom('exchange_exports').selectAll().orderBy('sequence', 'desc').execute();
  return rows.map(toRecord);
}
