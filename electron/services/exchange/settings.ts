// Who this installation is in the exchange: an office or the county bureau (县局模式), its keys, the bureau's key
// an office uses; and the bureau's register of offices, their lateness and the conflicts awaiting review.
import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema';
import { AppError } from '../../../shared/errors';
import { isLate } from '../../../shared/statistics/compute';
import type {
  BureauConflict,
  BureauOffice,
  ExchangeStatus,
  ImportedRow,
  InstallationMode,
  RowContent,
} from '../../../shared/exchange/types';
import type { RestoredNote } from '../../../shared/exchange/manifest';
import { restoredLine } from './describe';
import { ensureKeys, fingerprintOf, loadKeys, parsePublicKey, parsePublicKeyOrThrow, publicKeyText } from './keys';

async function officeRow(db: Kysely<Database>) {
  const row = await db
    .selectFrom('office')
    .select(['mode', 'bureau_public_key'])
    .where('id', '=', 1)
    .executeTakeFirst();
  if (!row) throw new AppError('NOT_SET_UP', '请先完成司法所设置');
  return row;
}

export async function exchangeStatus(db: Kysely<Database>): Promise<ExchangeStatus> {
  const row = await db
    .selectFrom('office')
    .select(['mode', 'bureau_public_key'])
    .where('id', '=', 1)
    .executeTakeFirst();
  const keys = await loadKeys(db);
  const bureau = row?.bureau_public_key ? parsePublicKey(row.bureau_public_key) : null;
  return {
    mode: row?.mode ?? 'office',
    publicKey: keys ? publicKeyText(keys) : null,
    fingerprint: keys ? fingerprintOf(keys) : null,
    bureauPublicKey: row?.bureau_public_key ?? '',
    bureauFingerprint: bureau ? fingerprintOf(bureau) : null,
  };
}

/** Makes the key pair if there is none yet, and says what they are. */
export async function ensureExchangeKeys(db: Kysely<Database>, now: Date): Promise<ExchangeStatus> {
  await officeRow(db);
  await ensureKeys(db, now);
  return exchangeStatus(db);
}

/** Chosen at setup: a file that already holds cases (or exports, or imports) keeps its mode. */
export async function setMode(db: Kysely<Database>, mode: InstallationMode, now: Date): Promise<ExchangeStatus> {
  const row = await officeRow(db);
  if (row.mode !== mode) {
    const used = await Promise.all([
      db.selectFrom('cases').select('id').limit(1).executeTakeFirst(),
      db.selectFrom('exchange_exports').select('sequence').limit(1).executeTakeFirst(),
      db.selectFrom('bureau_imports').select('id').limit(1).executeTakeFirst(),
    ]);
    if (used.some(Boolean)) throw new AppError('CONFLICT', '数据文件中已有案件或报送记录，不能再更改使用方式', 'mode');
    await db.updateTable('office').set({ mode, updated_at: now.toISOString() }).where('id', '=', 1).execute();
  }
  await ensureKeys(db, now);
  return exchangeStatus(db);
}

export async function setBureauKey(db: Kysely<Database>, publicKey: string, now: Date): Promise<ExchangeStatus> {
  const row = await officeRow(db);
  if (row.mode !== 'office') throw new AppError('CONFLICT', '县局模式的数据文件不需要设置县局公钥');
  const text = publicKey.trim();
  if (text !== '') parsePublicKeyOrThrow(text, 'publicKey', '县司法局公钥');
  await db
    .updateTable('office')
    .set({ bureau_public_key: text, updated_at: now.toISOString() })
    .where('id', '=', 1)
    .execute();
  return exchangeStatus(db);
}

async function requireBureau(db: Kysely<Database>): Promise<void> {
  if ((await officeRow(db)).mode !== 'bureau') throw new AppError('CONFLICT', '只有县局模式的数据文件能登记司法所');
}

export async function registerOffice(
  db: Kysely<Database>,
  input: { code: string; name: string; publicKey: string; fingerprint: string },
  now: Date,
): Promise<BureauOffice> {
  await requireBureau(db);
  const keys = parsePublicKeyOrThrow(input.publicKey, 'publicKey', '司法所公钥');
  const fingerprint = fingerprintOf(keys);
  // The fingerprint is read out over the phone or from the office's printout: it must match the key pasted in.
  if (fingerprint !== input.fingerprint.trim().toLowerCase()) {
    throw new AppError(
      'VALIDATION',
      `公钥指纹：与公钥不符（该公钥的指纹是 ${fingerprint}），请与司法所核对`,
      'fingerprint',
    );
  }
  const taken = await db
    .selectFrom('bureau_offices')
    .select('code')
    .where('fingerprint', '=', fingerprint)
    .where('code', '!=', input.code)
    .executeTakeFirst();
  if (taken) throw new AppError('CONFLICT', `该公钥已登记给机构 ${taken.code}`, 'publicKey');
  const imported = await db
    .selectFrom('bureau_imports')
    .select('id')
    .where('office_code', '=', input.code)
    .limit(1)
    .executeTakeFirst();
  const current = await db.selectFrom('bureau_offices').selectAll().where('code', '=', input.code).executeTakeFirst();
  if (current && imported && current.fingerprint !== fingerprint) {
    throw new AppError(
      'CONFLICT',
      '该机构已有导入的数据包，不能在此更换公钥：司法所重装后，请所长在机构管理中“重新登记公钥”并写明原因',
      'publicKey',
    );
  }
  const values = { name: input.name, public_key: publicKeyText(keys), fingerprint };
  await db
    .insertInto('bureau_offices')
    .values({ code: input.code, ...values, registered_at: now.toISOString() })
    .onConflict((oc) => oc.column('code').doUpdateSet(values))
    .execute();
  return (await listOffices(db, now)).find((o) => o.code === input.code)!;
}

/**
 * Bureau mode, a director only: an office reinstalled without a backup has new keys. Its new public key replaces the
 * registered one, with the fingerprint the office read out and a written reason; the old key is kept as retired, so
 * what it signed stays valid history (bureauImport.ts). The office then installs its recovery package first.
 */
export async function replaceOfficeKey(
  db: Kysely<Database>,
  input: { code: string; publicKey: string; fingerprint: string; reason: string },
  { now, by }: { now: Date; by: string },
): Promise<BureauOffice> {
  await requireBureau(db);
  const current = await db.selectFrom('bureau_offices').selectAll().where('code', '=', input.code).executeTakeFirst();
  if (!current) throw new AppError('NOT_FOUND', `机构 ${input.code} 尚未登记`, 'code');
  const keys = parsePublicKeyOrThrow(input.publicKey, 'publicKey', '司法所的新公钥');
  const fingerprint = fingerprintOf(keys);
  if (fingerprint !== input.fingerprint.trim().toLowerCase()) {
    throw new AppError(
      'VALIDATION',
      `公钥指纹：与公钥不符（该公钥的指纹是 ${fingerprint}），请与司法所核对`,
      'fingerprint',
    );
  }
  if (fingerprint === current.fingerprint)
    throw new AppError('CONFLICT', '这就是该机构当前登记的公钥，无需重新登记', 'publicKey');
  const taken = await db
    .selectFrom('bureau_offices')
    .select('code')
    .where('fingerprint', '=', fingerprint)
    .executeTakeFirst();
  if (taken) throw new AppError('CONFLICT', `该公钥已登记给机构 ${taken.code}`, 'publicKey');
  const retired = await db
    .selectFrom('bureau_retired_keys')
    .select('office_code')
    .where('fingerprint', '=', fingerprint)
    .executeTakeFirst();
  if (retired) throw new AppError('CONFLICT', '该公钥已停用，不能再次登记', 'publicKey');
  const at = now.toISOString();
  await db
    .insertInto('bureau_retired_keys')
    .values({
      fingerprint: current.fingerprint,
      office_code: current.code,
      public_key: current.public_key,
      registered_at: current.registered_at,
      retired_at: at,
      retired_by: by,
      reason: input.reason.trim(),
    })
    .execute();
  await db
    .updateTable('bureau_offices')
    .set({ public_key: publicKeyText(keys), fingerprint, registered_at: at })
    .where('code', '=', current.code)
    .execute();
  return (await listOffices(db, now)).find((o) => o.code === input.code)!;
}

export async function listOffices(
  db: Kysely<Database>,
  now: Date,
  today = now.toISOString().slice(0, 10),
): Promise<BureauOffice[]> {
  const offices = await db.selectFrom('bureau_offices').selectAll().orderBy('code').execute();
  const imports = await db
    .selectFrom('bureau_imports')
    .select(['id', 'office_code', 'sequence', 'period', 'imported_at', 'restored'])
    .execute();
  const retiredKeys = await db.selectFrom('bureau_retired_keys').selectAll().orderBy('retired_at', 'desc').execute();
  const lostByImport = new Map(
    (
      await db
        .selectFrom('bureau_conflicts')
        .select(({ fn }) => ['import_id', fn.countAll<number>().as('n')])
        .where('kind', '=', 'lost')
        .groupBy('import_id')
        .execute()
    ).map((r) => [r.import_id, Number(r.n)]),
  );
  return offices.map((o) => {
    const mine = imports.filter((i) => i.office_code === o.code);
    const newest = mine.reduce<(typeof mine)[number] | null>(
      (best, i) => (!best || i.sequence > best.sequence ? i : best),
      null,
    );
    const lastPeriod = mine.reduce<string | null>((p, i) => (p === null || i.period > p ? i.period : p), null);
    const have = new Set(mine.map((i) => i.sequence));
    const missing: number[] = [];
    for (let s = 1; newest && s < newest.sequence; s++) if (!have.has(s)) missing.push(s);
    const restore = mine
      .filter((i) => i.restored)
      .reduce<(typeof mine)[number] | null>((best, i) => (!best || i.sequence > best.sequence ? i : best), null);
    return {
      code: o.code,
      name: o.name,
      fingerprint: o.fingerprint,
      registeredAt: o.registered_at,
      lastPeriod,
      lastSequence: newest?.sequence ?? null,
      lastImportedAt: newest?.imported_at ?? null,
      late: isLate(lastPeriod, today), // the statistics' rule: the last finished month, due by the 5th
      missingSequences: missing,
      lastRestore: restore
        ? {
            sequence: restore.sequence,
            note: restoredLine(JSON.parse(restore.restored!) as RestoredNote),
            lostRows: lostByImport.get(restore.id) ?? 0,
          }
        : null,
      retiredKeys: retiredKeys
        .filter((k) => k.office_code === o.code)
        .map((k) => ({
          fingerprint: k.fingerprint,
          retiredAt: k.retired_at,
          retiredBy: k.retired_by,
          reason: k.reason,
        })),
    };
  });
}

export async function listConflicts(
  db: Kysely<Database>,
  { includeResolved }: { includeResolved: boolean },
): Promise<BureauConflict[]> {
  let query = db.selectFrom('bureau_conflicts').selectAll().orderBy('id', 'desc').limit(1000);
  if (!includeResolved) query = query.where('resolved_at', 'is', null);
  const content = (json: string | null | undefined): RowContent | null =>
    json ? (JSON.parse(json) as RowContent) : null;
  return (await query.execute()).map((c) => ({
    id: c.id,
    officeCode: c.office_code,
    kind: c.kind,
    tableName: c.table_name,
    rowKey: c.row_key,
    seq: c.seq,
    keptSeq: c.kept_seq ?? null,
    keptData: content(c.kept_data),
    incomingData: content(c.incoming_data),
    detail: c.detail,
    detectedAt: c.detected_at,
    resolvedAt: c.resolved_at,
  }));
}

export async function resolveConflict(db: Kysely<Database>, id: number, now: Date): Promise<BureauConflict> {
  const found = await db
    .updateTable('bureau_conflicts')
    .set({ resolved_at: now.toISOString() })
    .where('id', '=', id)
    .where('resolved_at', 'is', null)
    .executeTakeFirst();
  if (Number(found.numUpdatedRows) === 0) throw new AppError('NOT_FOUND', '没有这条待核冲突（或已核过）', 'id');
  return (await listConflicts(db, { includeResolved: true })).find((c) => c.id === id)!;
}

/**
 * For the county figures (the statistics module): the imported rows of one table, per office, tombstones left
 * out, in batches so that 200,000 cases never sit in memory twice.
 */
export async function* importedRows(
  db: Kysely<Database>,
  table: string,
  officeCode?: string,
  batch = 5000,
): AsyncGenerator<ImportedRow[]> {
  let after = { office: '', key: '' };
  for (;;) {
    let query = db
      .selectFrom('bureau_rows')
      .select(['office_code', 'row_key', 'data'])
      .where('table_name', '=', table)
      .where('deleted', '=', 0)
      .where((eb) =>
        eb.or([
          eb('office_code', '>', after.office),
          eb.and([eb('office_code', '=', after.office), eb('row_key', '>', after.key)]),
        ]),
      )
      .orderBy('office_code')
      .orderBy('row_key')
      .limit(batch);
    if (officeCode !== undefined) query = query.where('office_code', '=', officeCode);
    const rows = await query.execute();
    if (rows.length === 0) return;
    yield rows.map((r) => ({
      officeCode: r.office_code,
      table,
      key: r.row_key,
      data: JSON.parse(r.data ?? '{}') as ImportedRow['data'],
    }));
    const last = rows.at(-1)!;
    after = { office: last.office_code, key: last.row_key };
  }
}
