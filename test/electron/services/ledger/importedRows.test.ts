// The ledger import's rows, exactly: three ledgers (人民调解, 法律援助, 公证) that reach every path of the writing —
// kept 〔YYYY〕…第N号 numbers beside new ones in the same year, several parties in one cell, an organisation, every
// 结果 the lifecycle maps (one with two closing steps, one without a closing date), blank results — imported into a
// fresh office, and every row the import wrote compared with importedRows.expected.json. That file was written by
// the import as it was before it wrote in batches (one Kysely statement per row, issue 17 item 6), so a faster
// import that drops, adds or changes a row — a case, a party, a step of the timeline, the search text and its two
// indexes, the 历史导入 record, the dossier check, the counter, the change log or an audit entry — fails here. The
// audit log and the change log are compared as sets (the batches write the same entries in another order), and the
// audit chain must verify. A migration that changes these tables changes the rows too: then (and only then) run this
// suite once with LEDGER_IMPORT_EXPECTED=write, read the files' diff, and commit them with the migration.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import { verifyAuditLog } from '../../../../db/auditLog';
import type { ChannelInput } from '../../../../shared/contract';
import { OFFICE, tempDir, testBackend, type TestBackend } from '../../../support/fixtures';
import { idNumber, writeCsv } from '../../../support/ledgers';

// Three imports on a loaded 2-core machine.
jest.setTimeout(60_000);

const EXPECTED = path.join(__dirname, 'importedRows.expected.json');
/** The same for larger ledgers, as each table's row count and the SHA-256 of its rows (the rows would be megabytes). */
const EXPECTED_DIGESTS = path.join(__dirname, 'importedRows.digests.json');

/** The tables an import writes, each ordered by its key (ids included: the batches must number rows alike). */
const TABLES: Record<string, string> = {
  cases: 'id',
  parties: 'id',
  mediation_cases: 'case_id',
  mediation_parties: 'party_id',
  legal_aid_cases: 'case_id',
  notarization_requests: 'case_id',
  notarization_parties: 'party_id',
  case_actions: 'id',
  case_search_text: 'case_id',
  case_search_trigram: 'rowid',
  case_search_bigram: 'rowid',
  ledger_import_rows: 'case_id',
  dossier_checks: 'case_id',
  case_number_counters: 'kind, year',
  sqlite_sequence: 'name',
};

function mediationLedger(file: string, count: number): string {
  const rows = [
    [
      '序号',
      '案号',
      '受理日期',
      '申请人',
      '身份证号码',
      '被申请人',
      '纠纷类型',
      '调解员',
      '调解结果',
      '结案日期',
      '涉及金额',
      '备注',
    ],
  ];
  const results = ['调解成功', '调解不成功', '终止', '', '调解成功'];
  for (let i = 0; i < count; i++) {
    const year = 2022 + (i % 2);
    // Kept numbers for every third row, above and below where the counter will be.
    const number = i % 3 === 0 ? `〔${year}〕黎托调字第${[7, 2, 30, 1][i % 4]! + 100 * Math.floor(i / 12)}号` : '';
    const result = results[i % results.length]!;
    rows.push([
      String(i + 1),
      number,
      `${year}-0${1 + (i % 9)}-1${i % 10}`,
      i === 4 ? `张${i}、李${i}` : `张${i}`,
      idNumber(`19${60 + (i % 40)}0101`, String(100 + i)),
      i === 7 ? '某某建筑有限公司' : `王${i}`,
      ['婚姻纠纷', '邻里纠纷', '合同纠纷'][i % 3]!,
      i % 4 === 0 ? '刘调解、陈调解' : '刘调解',
      result,
      result && i !== 9 ? `${year}-0${1 + (i % 9)}-2${Math.min(i % 10, 8)}` : '',
      i % 5 === 0 ? '1,200.50' : '',
      i === 2 ? '双方当场和解' : '',
    ]);
  }
  return writeCsv(file, rows);
}

function legalAidLedger(file: string, count: number): string {
  const rows = [
    [
      '受理日期',
      '申请人',
      '身份证号码',
      '对方当事人',
      '案由',
      '案件类别',
      '援助形式',
      '承办人',
      '办理结果',
      '结案日期',
    ],
  ];
  const results = ['已结案', '已归档', '终止', '不予援助', ''];
  for (let i = 0; i < count; i++) {
    const result = results[i % results.length]!;
    rows.push([
      `2023年${1 + (i % 12)}月${3 + (i % 10)}日`,
      `赵${i}`,
      idNumber(`19${70 + (i % 30)}0505`, String(200 + i)),
      i % 2 ? `钱${i}` : '',
      ['劳动争议', '追索赡养费', '交通事故赔偿'][i % 3]!,
      ['民事', '刑事', '行政'][i % 3]!,
      ['法律咨询', '代拟法律文书', '刑事辩护与代理'][i % 3]!,
      i % 3 ? '周律师' : '',
      result,
      result && i !== 6 ? `2023-12-${10 + (i % 18)}` : '',
    ]);
  }
  return writeCsv(file, rows);
}

function notarizationLedger(file: string, count: number): string {
  const rows = [['受理日期', '申请人', '身份证号码', '公证事项', '用途', '使用地', '份数', '结果', '领证日期']];
  const results = ['已领证', '不予办理', '终止', ''];
  for (let i = 0; i < count; i++) {
    const result = results[i % results.length]!;
    rows.push([
      `2024/${1 + (i % 12)}/${5 + (i % 8)}`,
      i === 3 ? `孙${i}、吴${i}` : `孙${i}`,
      idNumber(`19${80 + (i % 20)}0909`, String(300 + i)),
      ['委托', '声明', '委托'][i % 3]!,
      i % 2 ? '办理房产过户' : '',
      i % 3 === 1 ? '美国' : '',
      i % 4 === 2 ? '3' : '',
      result,
      result ? `2024-${1 + (i % 12)}-${20 + (i % 8)}` : '',
    ]);
  }
  return writeCsv(file, rows);
}

function rowsOf(sqlite: BetterSqlite3.Database) {
  const tables: Record<string, unknown[]> = {};
  for (const [table, key] of Object.entries(TABLES))
    tables[table] = sqlite.prepare(`SELECT * FROM ${table} ORDER BY ${key}`).all();
  // The order the batches write in is not the per-case order: the logs compared as sorted sets of their content.
  tables.change_log = sqlite
    .prepare('SELECT table_name, row_key, op, data FROM change_log ORDER BY table_name, row_key, op, data')
    .all();
  tables.audit_log = sqlite
    .prepare(
      `SELECT at, user_id, username, channel, table_name, row_key, op, before, after FROM audit_log
       ORDER BY table_name, row_key, op, before, after, channel`,
    )
    .all();
  return tables;
}

let dir: string;
let backend: TestBackend | null = null;

beforeAll(() => {
  dir = tempDir();
});
afterEach(async () => {
  await backend?.close();
  backend = null;
});

const input = (kind: ChannelInput<'ledgerImport.run'>['kind'], file: string): ChannelInput<'ledgerImport.run'> => ({
  kind,
  fileName: path.basename(file),
  base64: fs.readFileSync(file).toString('base64'),
  sheet: null,
  mapping: null,
  allOrNothing: true,
});

/** A fresh office imports the three ledgers of `counts` rows; answers every row the imports wrote. */
async function importThree(counts: [number, number, number]) {
  backend = testBackend();
  await backend.api.call('office.setup', OFFICE);
  const sub = path.join(dir, counts.join('-'));
  const imported = [
    await backend.api.call(
      'ledgerImport.run',
      input('mediation', mediationLedger(path.join(sub, '调解台账.csv'), counts[0])),
    ),
    await backend.api.call(
      'ledgerImport.run',
      input('legal_aid', legalAidLedger(path.join(sub, '援助台账.csv'), counts[1])),
    ),
    await backend.api.call(
      'ledgerImport.run',
      input('notarization', notarizationLedger(path.join(sub, '公证簿.csv'), counts[2])),
    ),
  ];
  expect(imported.map((r) => [r.imported.length, r.report.refused.length])).toEqual(counts.map((n) => [n, 0]));
  expect(verifyAuditLog(backend.store.sqlite)).toMatchObject({ ok: true });
  return rowsOf(backend.store.sqlite);
}

it('writes exactly the rows the one-statement-per-row import wrote, and the audit chain verifies', async () => {
  const rows = await importThree([12, 10, 8]);
  if (process.env.LEDGER_IMPORT_EXPECTED === 'write') fs.writeFileSync(EXPECTED, JSON.stringify(rows, null, 1) + '\n');
  const expected = JSON.parse(fs.readFileSync(EXPECTED, 'utf8')) as typeof rows;
  for (const table of Object.keys(expected))
    expect({ table, rows: rows[table] }).toEqual({ table, rows: expected[table] });
  expect(Object.keys(rows)).toEqual(Object.keys(expected));
});

it('writes the same rows when the batches are full (more than a hundred rows a table)', async () => {
  const rows = await importThree([130, 110, 105]);
  const digests = Object.fromEntries(
    Object.entries(rows).map(([table, r]) => [
      table,
      { rows: r.length, sha256: crypto.createHash('sha256').update(JSON.stringify(r)).digest('hex') },
    ]),
  );
  if (process.env.LEDGER_IMPORT_EXPECTED === 'write')
    fs.writeFileSync(EXPECTED_DIGESTS, JSON.stringify(digests, null, 1) + '\n');
  expect(digests).toEqual(JSON.parse(fs.readFileSync(EXPECTED_DIGESTS, 'utf8')));
});
