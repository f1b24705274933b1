// The bureau imports a batch of packages one at a time: each is read, checked in full and merged before the next
// file is even opened, so a package refused in the middle of a batch leaves every other one imported.
import { openTestFile } from '../../../support/testKey';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { importPackages } from '../../../../electron/services/exchange/bureauImport';
import { sealPackage } from '../../../../electron/services/exchange/container';
import {
  fingerprintOf,
  parsePublicKey,
  publicKeyText,
  rawPublic,
  type KeyPairs,
} from '../../../../electron/services/exchange/keys';
import { makeSyntheticPackages, type SyntheticPackage } from '../../../../electron/services/exchange/syntheticPackages';
import { PACKAGE_FORMAT_VERSION, type DataManifest } from '../../../../shared/exchange/manifest';
import { bureau, type Site } from './fixtures';

function casesPerOffice(county: Site): { office_code: string; n: number }[] {
  const sqlite = openTestFile(county.dataFile, { readonly: true });
  try {
    return sqlite
      .prepare(
        `SELECT office_code, count(*) AS n FROM bureau_rows WHERE table_name = 'cases' GROUP BY office_code ORDER BY office_code`,
      )
      .all() as {
      office_code: string;
      n: number;
    }[];
  } finally {
    sqlite.close();
  }
}

function importedOffices(county: Site): string[] {
  const sqlite = openTestFile(county.dataFile, { readonly: true });
  try {
    return (
      sqlite.prepare('SELECT office_code FROM bureau_imports ORDER BY office_code').all() as { office_code: string }[]
    ).map((r) => r.office_code);
  } finally {
    sqlite.close();
  }
}

function writeAll(county: Site, made: readonly SyntheticPackage[]): string[] {
  return made.map((p) => {
    const file = path.join(county.folder, p.fileName);
    fs.writeFileSync(file, p.bytes);
    return file;
  });
}

it('imports five offices’ packages where the third was damaged on the USB stick: the other four arrive, the third is named with why', async () => {
  const county = await bureau();
  const made = await makeSyntheticPackages(county.api, { offices: 5, casesPerOffice: 30 });
  const files = writeAll(county, made);
  // A byte of the third package's rows flipped after it was signed.
  const damaged = fs.readFileSync(files[2]!);
  damaged[damaged.length - 100]! ^= 0x01;
  fs.writeFileSync(files[2]!, damaged);

  const outcomes = await county.api.call('bureau.importFiles', { files });

  expect(outcomes.map((o) => o.status)).toEqual(['imported', 'imported', 'rejected', 'imported', 'imported']);
  const refused = outcomes[2]!;
  expect(refused.status === 'rejected' && refused.reason).toMatch(/SHA-256校验失败/);
  expect(outcomes.map((o) => (o.status === 'imported' ? o.counts.inserted : 0))).toEqual(
    made.map((p, i) => (i === 2 ? 0 : p.rows)),
  );
  expect(casesPerOffice(county)).toEqual(
    ['43011101', '43011102', '43011104', '43011105'].map((office_code) => ({ office_code, n: 30 })),
  );
  expect(importedOffices(county)).toEqual(['43011101', '43011102', '43011104', '43011105']);
  await county.close();
}, 60_000);

it('reads each file only when its turn comes: a file gone by then is refused alone, and the offices before and after it are imported', async () => {
  const county = await bureau();
  const made = await makeSyntheticPackages(county.api, { offices: 3, casesPerOffice: 20 });
  const files = writeAll(county, made);
  fs.rmSync(files[1]!);

  const outcomes = await county.store.db.transaction().execute((trx) =>
    importPackages(
      trx,
      files.map((file) => ({ fileName: path.basename(file), path: file })),
      new Date('2026-11-22T02:00:00Z'),
    ),
  );

  expect(outcomes.map((o) => [o.fileName, o.status])).toEqual([
    [made[0]!.fileName, 'imported'],
    [made[1]!.fileName, 'rejected'],
    [made[2]!.fileName, 'imported'],
  ]);
  expect(outcomes[1]!.status === 'rejected' && outcomes[1]!.reason).toBe('不能读取文件');
  expect(casesPerOffice(county)).toEqual([
    { office_code: '43011101', n: 20 },
    { office_code: '43011103', n: 20 },
  ]);
  await county.close();
}, 60_000);

it('keeps nothing of a package whose last line is malformed, while the packages around it are imported', async () => {
  const county = await bureau();
  const made = await makeSyntheticPackages(county.api, { offices: 2, casesPerOffice: 20 });
  const bad = await brokenAtTheEnd(county, 200);
  const files = writeAll(county, [made[0]!, bad, made[1]!]);

  const outcomes = await county.api.call('bureau.importFiles', { files });

  expect(outcomes.map((o) => o.status)).toEqual(['imported', 'rejected', 'imported']);
  expect(outcomes[1]!.status === 'rejected' && outcomes[1]!.reason).toBe(
    '第201行数据不符合格式：表“cases”没有列“secret”',
  );
  expect(casesPerOffice(county)).toEqual([
    { office_code: '43011101', n: 20 },
    { office_code: '43011102', n: 20 },
  ]);
  expect(importedOffices(county)).toEqual(['43011101', '43011102']);
  await county.close();
}, 60_000);

it('undoes the batches already merged when a line after them fails: nothing of the package remains, the next one is imported', async () => {
  const county = await bureau();
  const made = await makeSyntheticPackages(county.api, { offices: 2, casesPerOffice: 20 });
  const bad = await brokenAtTheEnd(county, 4_100); // two batches of 2,000 rows merged before the bad line is read
  const files = writeAll(county, [made[0]!, bad, made[1]!]);

  const outcomes = await county.api.call('bureau.importFiles', { files });

  expect(outcomes.map((o) => o.status)).toEqual(['imported', 'rejected', 'imported']);
  expect(outcomes[1]!.status === 'rejected' && outcomes[1]!.reason).toBe(
    '第4101行数据不符合格式：表“cases”没有列“secret”',
  );
  expect(casesPerOffice(county)).toEqual([
    { office_code: '43011101', n: 20 },
    { office_code: '43011102', n: 20 },
  ]);
  expect(importedOffices(county)).toEqual(['43011101', '43011102']);
  const sqlite = openTestFile(county.dataFile, { readonly: true });
  expect(sqlite.prepare(`SELECT count(*) AS n FROM bureau_rows WHERE office_code = '43011199'`).get()).toEqual({
    n: 0,
  });
  sqlite.close();
  await county.close();
}, 60_000);

it('refuses a batch naming a file that cannot be read, with the field, before importing any', async () => {
  const county = await bureau();
  const files = writeAll(county, await makeSyntheticPackages(county.api, { offices: 2, casesPerOffice: 10 }));
  const missing = path.join(county.folder, 'gone.casedesk');
  await expect(county.api.call('bureau.importFiles', { files: [files[0]!, missing, files[1]!] })).rejects.toMatchObject(
    { data: { code: 'VALIDATION', field: 'files.1' } },
  );
  expect(importedOffices(county)).toEqual([]);
  await county.close();
}, 60_000);

it('stores each row’s data the same whether or not the line was written exactly as the export writes it', async () => {
  const county = await bureau();
  const data = caseData(7);
  const lines = [
    JSON.stringify({ t: 'cases', k: '7', s: 1, d: data }),
    JSON.stringify({ s: 2, d: { ...caseData(8) }, k: '8', t: 'cases' }), // fields in another order
    ` { "t" : "cases", "k" : "9", "s" : 3, "d" : ${JSON.stringify(caseData(9), null, 1).replace(/\n/g, ' ')} } `, // spaces
    JSON.stringify({ t: 'cases', k: '10', s: 4 }), // a tombstone
  ];
  const made = await signedPackage(county, '43011198', lines);
  const outcomes = await county.api.call('bureau.importFiles', { files: writeAll(county, [made]) });
  expect(outcomes.map((o) => o.status)).toEqual(['imported']);
  const sqlite = openTestFile(county.dataFile, { readonly: true });
  const rows = sqlite
    .prepare(`SELECT row_key, deleted, data, data_hash FROM bureau_rows WHERE office_code = '43011198' ORDER BY seq`)
    .all() as {
    row_key: string;
    deleted: number;
    data: string | null;
    data_hash: string;
  }[];
  sqlite.close();
  expect(rows.map((r) => [r.row_key, r.deleted, r.data])).toEqual([
    ['7', 0, JSON.stringify(caseData(7))],
    ['8', 0, JSON.stringify(caseData(8))],
    ['9', 0, JSON.stringify(caseData(9))],
    ['10', 1, null],
  ]);
  expect(rows[0]!.data_hash).toBe(
    crypto
      .createHash('sha256')
      .update(JSON.stringify(caseData(7)))
      .digest('hex'),
  );
  await county.close();
}, 60_000);

function caseData(id: number): Record<string, string | number> {
  return {
    id,
    kind: 'mediation',
    case_number: `〔2026〕测调字第${id}号`,
    case_year: 2026,
    case_seq: id,
    status: 'registered',
    title: '邻里纠纷',
    received_on: '2026-10-01',
    received_by: '李娟',
    created_at: '2026-10-01T02:00:00.000Z',
    updated_at: '2026-10-01T02:00:00.000Z',
  };
}

/** A registered office's signed, encrypted package of `good` valid case rows, then one with a column no table has. */
async function brokenAtTheEnd(county: Site, good: number): Promise<SyntheticPackage> {
  const row = (id: number, extra: Record<string, string> = {}) =>
    JSON.stringify({ t: 'cases', k: String(id), s: id, d: { ...caseData(id), ...extra } });
  const lines = Array.from({ length: good }, (_, i) => row(i + 1));
  lines.push(row(good + 1, { secret: '不应有的列' }));
  // Named to sort between the two good offices' files, as a clerk's folder would list them.
  return { ...(await signedPackage(county, '43011199', lines)), fileName: '43011101-2026-10-0001-b.casedesk' };
}

/** Office `code` registered at the county with fresh keys, and its signed package of `lines`, encrypted to the county. */
async function signedPackage(county: Site, code: string, lines: readonly string[]): Promise<SyntheticPackage> {
  const sign = crypto.generateKeyPairSync('ed25519');
  const box = crypto.generateKeyPairSync('x25519');
  const keys: KeyPairs = {
    sign: rawPublic(sign.publicKey),
    box: rawPublic(box.publicKey),
    signPrivate: sign.privateKey,
    boxPrivate: box.privateKey,
  };
  await county.api.call('bureau.registerOffice', {
    code,
    name: '测试街道司法所',
    publicKey: publicKeyText(keys),
    fingerprint: fingerprintOf(keys),
  });
  const counts: DataManifest['counts'] = {};
  for (const line of lines) {
    const row = JSON.parse(line) as { t: string; d?: unknown };
    const count = (counts[row.t] ??= { rows: 0, tombstones: 0 });
    if (row.d) count.rows++;
    else count.tombstones++;
  }
  const bureauKey = parsePublicKey((await county.api.call('exchange.keys', {})).publicKey ?? '');
  const { file } = sealPackage(
    {
      format: 'casedesk-package',
      formatVersion: PACKAGE_FORMAT_VERSION,
      kind: 'office-data',
      office: { code, name: '测试街道司法所', bureauName: '长沙市雨花区司法局' },
      period: '2026-10',
      sequence: 1,
      changes: { after: 0, upTo: lines.length },
      createdAt: '2026-11-02T01:00:00.000Z',
      appVersion: 'test',
      counts,
      auditHead: { seq: 1, hash: '' },
    } as Omit<DataManifest, 'parts' | 'encryption' | 'signer' | 'contentHash'>,
    [
      { name: 'rows.ndjson', bytes: Buffer.from(`${lines.join('\n')}\n`, 'utf8') },
      { name: 'statistics.json', bytes: Buffer.from('{"period":"2026-10","figures":{}}') },
    ],
    keys,
    bureauKey,
  );
  return { fileName: `${code}-2026-10-0001.casedesk`, bytes: file, cases: lines.length, rows: lines.length };
}
