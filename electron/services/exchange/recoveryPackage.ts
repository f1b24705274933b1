// Bureau mode: the recovery package of one office (docs/export-format.md, "Recovery package"): every row the bureau
// holds for it as last imported — tombstones included, so the office sees what it had deleted — signed by the
// bureau and encrypted to the office's registered key, with the high-water marks the office must continue beyond
// (ids, change and export sequences, case numbers). The office installs it after a restore, or first thing after a
// reinstall (electron/services/exchange/recoveryInstall.ts). The rows stream from SQLite to a scratch file, as
// the office's export does, so neither they nor the package are held whole.
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Kysely } from 'kysely';
import { SEQUENCED_TABLES, type CaseNumberMark } from '../../../db/highWater';
import type { Database } from '../../../db/schema';
import { AppError } from '../../../shared/errors';
import { RESTORE_FORMAT_VERSION, recoveryFileName, type RecoveryManifest } from '../../../shared/exchange/manifest';
import { EXPORTED_TABLES, TABLES_PARENTS_FIRST } from '../../../shared/exchange/tables';
import { requireOffice } from '../system/office';
import { APP_VERSION } from '../../version';
import { sealPackageStream } from './container';
import { ensureKeys, parsePublicKey } from './keys';
import { partOfScratch, ROWS_PART } from './officeExport';
import { ScratchFile } from '../scratchFile';

const BATCH = 2000;
/** Lines are gathered into strings of about this many characters before they are written out. */
const PENDING_CHARS = 256 * 1024;

export interface RecoveryPackageResult {
  file: string;
  fileName: string;
  rows: number;
  /** The newest export of the office the package holds. */
  upToSequence: number | null;
}

/**
 * Writes `officeCode`'s recovery package into `folder` (inside the calling channel's transaction, which records
 * it in bureau_recovery_packages: who made one, for whom, when).
 */
export async function makeRecoveryPackage(
  db: Kysely<Database>,
  { officeCode, folder, now, by }: { officeCode: string; folder: string; now: Date; by: string },
): Promise<RecoveryPackageResult> {
  const bureau = await requireOffice(db);
  const mode = await db.selectFrom('office').select('mode').where('id', '=', 1).executeTakeFirstOrThrow();
  if (mode.mode !== 'bureau') throw new AppError('CONFLICT', '只有县局模式的数据文件能生成恢复包');
  const office = await db.selectFrom('bureau_offices').selectAll().where('code', '=', officeCode).executeTakeFirst();
  if (!office) throw new AppError('NOT_FOUND', `机构 ${officeCode} 尚未登记`, 'code');
  const recipient = parsePublicKey(office.public_key);
  if (!recipient) throw new AppError('CONFLICT', `机构 ${officeCode} 登记的公钥无效`, 'code');
  const keys = await ensureKeys(db, now);
  const imports = await db
    .selectFrom('bureau_imports')
    .select(['sequence', 'period', 'imported_at', 'up_to_seq'])
    .where('office_code', '=', officeCode)
    .execute();
  const lastImport = imports.reduce<(typeof imports)[number] | null>(
    (best, i) => (!best || i.sequence > best.sequence ? i : best),
    null,
  );

  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'casedesk-recovery-'));
  try {
    const rowsFile = new ScratchFile(path.join(scratch, ROWS_PART));
    const written = await writeRows(db, officeCode, rowsFile);
    const sequences: Record<string, number> = { ...written.ids };
    sequences.change_log = Math.max(written.maxSeq, ...imports.map((i) => i.up_to_seq));
    sequences.exchange_exports = lastImport?.sequence ?? 0;
    const issuedAt = now.toISOString();
    const sealed = sealPackageStream(
      {
        format: 'casedesk-package',
        formatVersion: RESTORE_FORMAT_VERSION,
        kind: 'office-recovery',
        office: { code: office.code, name: office.name },
        bureau: { name: bureau.name },
        issuedAt,
        appVersion: APP_VERSION,
        lastImport: lastImport
          ? { sequence: lastImport.sequence, period: lastImport.period, importedAt: lastImport.imported_at }
          : null,
        highWater: { sequences, caseNumbers: written.caseNumbers },
        counts: written.counts,
      } as Omit<RecoveryManifest, 'parts' | 'encryption' | 'signer' | 'contentHash'>,
      [partOfScratch(ROWS_PART, rowsFile, written.length)],
      keys,
      recipient,
    );
    const fileName = recoveryFileName(office.code, issuedAt);
    await fsp.mkdir(folder, { recursive: true });
    const target = path.join(folder, fileName);
    const handle = await fsp.open(`${target}.partial`, 'w');
    try {
      for (const chunk of sealed.chunks()) await handle.writeFile(chunk);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await fsp.rename(`${target}.partial`, target);
    await db
      .insertInto('bureau_recovery_packages')
      .values({
        office_code: office.code,
        issued_at: issuedAt,
        issued_by: by,
        file_name: fileName,
        content_hash: sealed.manifest.contentHash,
        row_count: written.rows,
        up_to_sequence: lastImport?.sequence ?? null,
      })
      .execute();
    return { file: target, fileName, rows: written.rows, upToSequence: lastImport?.sequence ?? null };
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}

/**
 * The office's rows, parents before the rows that reference them, each table in key order, as package lines; with
 * the marks they imply: the highest id of each table, the highest change sequence, each kind and year's last case
 * number.
 */
async function writeRows(db: Kysely<Database>, officeCode: string, file: ScratchFile) {
  const counts: RecoveryManifest['counts'] = {};
  const ids: Record<string, number> = {};
  const caseNumbers = new Map<string, CaseNumberMark>();
  let maxSeq = 0;
  let rows = 0;
  let length = 0;
  let pending = '';
  const flush = () => {
    const bytes = Buffer.from(pending, 'utf8');
    file.append(bytes);
    length += bytes.length;
    pending = '';
  };
  try {
    for (const table of TABLES_PARENTS_FIRST) {
      const idColumn =
        SEQUENCED_TABLES[table] && EXPORTED_TABLES[table]!.key.length === 1 ? EXPORTED_TABLES[table]!.key[0] : null;
      for (let after = ''; ;) {
        const batch = await db
          .selectFrom('bureau_rows')
          .select(['row_key', 'seq', 'deleted', 'data'])
          .where('office_code', '=', officeCode)
          .where('table_name', '=', table)
          .where('row_key', '>', after)
          .orderBy('row_key')
          .limit(BATCH)
          .execute();
        if (batch.length === 0) break;
        after = batch.at(-1)!.row_key;
        const count = (counts[table] ??= { rows: 0, tombstones: 0 });
        for (const r of batch) {
          maxSeq = Math.max(maxSeq, r.seq);
          if (idColumn) ids[table] = Math.max(ids[table] ?? 0, Number(r.row_key) || 0);
          const head = `{"t":${JSON.stringify(table)},"k":${JSON.stringify(r.row_key)},"s":${r.seq}`;
          if (r.deleted || r.data === null) {
            count.tombstones++;
            pending += `${head}}\n`;
          } else {
            count.rows++;
            pending += `${head},"d":${r.data}}\n`;
            if (table === 'cases') noteCaseNumber(caseNumbers, JSON.parse(r.data) as Record<string, unknown>);
          }
          rows++;
          if (pending.length >= PENDING_CHARS) flush();
        }
      }
    }
    flush();
  } finally {
    file.close();
  }
  return { counts, ids, maxSeq, caseNumbers: [...caseNumbers.values()], rows, length };
}

function noteCaseNumber(marks: Map<string, CaseNumberMark>, c: Record<string, unknown>): void {
  if (typeof c.kind !== 'string' || typeof c.case_year !== 'number' || typeof c.case_seq !== 'number') return;
  const key = `${c.kind}\u0000${c.case_year}`;
  const held = marks.get(key);
  if (!held || held.lastSeq < c.case_seq) marks.set(key, { kind: c.kind, year: c.case_year, lastSeq: c.case_seq });
}
