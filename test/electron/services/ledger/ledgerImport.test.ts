// Bringing an office's own ledger in: the messy 人民调解台账 an office really keeps (a merged title row, every date
// form, full-width digits, 15-digit and lowercase-x IDs, blank and 合计 rows, formulas and #REF!), checked in a dry run
// that writes nothing, then imported in one transaction as real cases — numbered, closed as the ledger says, found
// by search, listed, counted — and never twice.
import fs from 'node:fs';
import path from 'node:path';
import { ApiError } from '../../../../shared/client';
import type { ChannelInput } from '../../../../shared/contract';
import { dataState, OFFICE, tempDir, testBackend, type TestBackend } from '../../../support/fixtures';
import { idNumber, writeCsv, writeXlsx } from '../../../support/ledgers';

const HEADER = [
  '序号',
  '案号',
  '受理日期',
  '申请人',
  '身份证号码',
  '被申请人',
  '纠纷类型',
  '纠纷简要情况',
  '调解员',
  '调解结果',
  '结案日期',
  '备注',
];
const ZHANG = idNumber('19800715', '011');
const WANG = idNumber('19750120', '024');
/** The same person's number as a 15-digit old card, and another with a lowercase x. */
const OLD_CARD = '430111750120022';
const WITH_X = (() => {
  for (let seq = 100; seq < 999; seq++) {
    const n = idNumber('19900101', String(seq));
    if (n.endsWith('X')) return n.toLowerCase();
  }
  throw new Error('no X');
})();
const FULL_WIDTH_ID = idNumber('19660606', '035').replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)));

// Spreadsheets written and read, a 64 MB zip bomb packed, 200,000 CSV rows: sized for a loaded 2-core machine.
jest.setTimeout(120_000);

let backend: TestBackend;
let dir: string;

beforeAll(async () => {
  backend = testBackend();
  dir = tempDir();
  await backend.api.call('office.setup', OFFICE);
});
afterAll(() => backend.close());

const base64 = (file: string) => fs.readFileSync(file).toString('base64');
const input = (
  file: string,
  patch: Partial<ChannelInput<'ledgerImport.check'>> = {},
): ChannelInput<'ledgerImport.check'> => ({
  kind: 'mediation',
  fileName: path.basename(file),
  base64: base64(file),
  sheet: null,
  mapping: null,
  ...patch,
});

async function messyLedger(file: string) {
  return writeXlsx(file, {
    title: '黎托街道人民调解委员会2023年度矛盾纠纷调解登记台账',
    header: HEADER,
    rows: [
      [
        1,
        '〔2023〕黎托调字第12号',
        '2023-05-06',
        '张三',
        ZHANG,
        '李四',
        '婚姻纠纷',
        '夫妻离婚财产分割',
        '刘调解',
        '调解成功',
        '2023/5/20',
        '',
      ],
      [
        { formula: 'A3+1', result: 2 },
        '',
        '2023/5/6',
        '王芳',
        WANG,
        '赵六',
        '邻里纠纷',
        '排水沟',
        '刘调解',
        '调解不成功',
        '2023.5.9',
        '',
      ],
      [3, '', '2023.5.7', '陈七、周八', OLD_CARD, '', '邻里纠纷', '', '', '终止', '', '15位旧证'],
      [4, '', '2023年5月8日', '孙九', WITH_X, '钱十', '合同纠纷', '', '', '', '', '未结'],
      [
        5,
        '',
        '20230509',
        '吴一',
        FULL_WIDTH_ID,
        '郑二',
        '家庭纠纷',
        '',
        '',
        '调解成功',
        '２０２３年５月３０日',
        '全角数字',
      ],
      [6, '', 45056, '冯三', '', '褚四', '家庭纠纷', '', '', '', '', 'Excel序列号'],
      [7, '', new Date(Date.UTC(2023, 4, 11)), '卫五', '', '蒋六', '家庭纠纷', '', '', '', '', '日期单元格'],
      [8, '', ' 2023 - 05 - 12 ', '沈七', '', '韩八', '家庭纠纷', '', '', '', '', '带空格'],
      [],
      [9, '', '2023-02-30', '杨九', '', '朱十', '家庭纠纷', '', '', '', '', '不存在的日期'],
      [10, '', '2023-06-01', '秦一', '430111198007150112', '尤二', '家庭纠纷', '', '', '', '', '校验码错'],
      [
        11,
        '',
        { formula: 'TODAY()', result: new Date(Date.UTC(2023, 5, 2)) },
        '许三',
        '',
        '何四',
        '家庭纠纷',
        '',
        '',
        '',
        '',
        '公式',
      ],
      [12, '', '2023-06-03', '吕五', '', '施六', { error: '#REF!' }, '', '', '', '', '错误值'],
      [13, '', '2023-06-04', '张三', ZHANG, '李四', '婚姻纠纷', '', '', '', '', ''],
      [14, '', '2023-06-04', '张三', ZHANG, '李四', '婚姻纠纷', '', '', '', '', '本表重复'],
      ['合计', '', '', '', '', '', '', '', '', '', '', ''],
    ],
  });
}

describe('the dry run of a messy 人民调解台账', () => {
  let file: string;
  beforeAll(async () => {
    file = await messyLedger(path.join(dir, '2023年调解台账.xlsx'));
  });

  it('finds the header under the merged title row and maps every column by its words', async () => {
    const report = await backend.api.call('ledgerImport.check', input(file));
    expect(report.headerRow).toBe(2);
    expect(report.mappingProblems).toEqual([]);
    expect(Object.fromEntries(report.columns.map((c) => [c.header, c.field]))).toEqual({
      序号: null,
      案号: 'caseNumber',
      受理日期: 'receivedOn',
      申请人: 'applicantName',
      身份证号码: 'idNumber',
      被申请人: 'otherParty',
      纠纷类型: 'disputeType',
      纠纷简要情况: 'summary',
      调解员: 'mediators',
      调解结果: 'result',
      结案日期: 'closedOn',
      备注: 'note',
    });
  });

  it('accepts every date form, full-width digits, 15-digit and lowercase-x IDs, and says what each row becomes', async () => {
    const before = dataState(backend.dataFile);
    const report = await backend.api.call('ledgerImport.check', input(file));
    const byRow = new Map(report.accepted.map((a) => [a.row, a]));
    expect([...byRow.keys()]).toEqual([3, 4, 5, 6, 7, 8, 9, 10, 16]);
    expect(byRow.get(3)).toMatchObject({
      caseNumber: '〔2023〕黎托调字第0012号',
      status: 'concluded',
      statusLabel: '调解成功',
      receivedOn: '2023-05-06',
      closedOn: '2023-05-20',
      parties: '张三、李四',
    });
    expect(byRow.get(4)).toMatchObject({ statusLabel: '调解不成功', receivedOn: '2023-05-06', closedOn: '2023-05-09' });
    expect(byRow.get(5)).toMatchObject({
      statusLabel: '已终止调解',
      receivedOn: '2023-05-07',
      closedOn: '2023-05-07',
      closedOnFromReceipt: true,
      parties: '陈七、周八',
    });
    expect(byRow.get(6)).toMatchObject({ statusLabel: '已受理', receivedOn: '2023-05-08', closedOn: null });
    expect(byRow.get(7)).toMatchObject({ receivedOn: '2023-05-09', closedOn: '2023-05-30' });
    expect(byRow.get(8)!.receivedOn).toBe('2023-05-10');
    expect(byRow.get(9)!.receivedOn).toBe('2023-05-11');
    expect(byRow.get(10)!.receivedOn).toBe('2023-05-12');
    expect(dataState(backend.dataFile)).toBe(before);
  });

  it('refuses impossible dates, bad IDs, formulas and error values, naming the row, column and reason', async () => {
    const report = await backend.api.call('ledgerImport.check', input(file));
    expect(report.refused).toEqual([
      { row: 12, column: '受理日期', message: '“2023年2月30日”不是真实日期' },
      { row: 13, column: '身份证号码', message: '校验码不正确，请核对号码' },
      { row: 14, column: '受理日期', message: expect.stringContaining('单元格是公式（=TODAY()）') },
      { row: 15, column: '纠纷类型', message: '单元格为错误值 #REF!，请改正后再导入' },
    ]);
    expect(report.skipped).toEqual([
      { row: 11, reason: '空行' },
      { row: 18, reason: '合计行' },
    ]);
    expect(report.duplicates).toEqual([{ row: 17, reason: '与本表第16行重复', caseNumber: '' }]);
  });
});

describe('importing the ledger', () => {
  let file: string;
  let imported: Awaited<ReturnType<typeof run>>;
  const run = () => backend.api.call('ledgerImport.run', { ...input(file), allOrNothing: false });

  beforeAll(async () => {
    file = await messyLedger(path.join(dir, 'import', '2023年调解台账.xlsx'));
    imported = await run();
  });

  it('writes every accepted row as a case, keeping the ledger’s own number and numbering the rest after it', () => {
    expect(imported.imported.map((i) => [i.row, i.caseNumber])).toEqual([
      [3, '〔2023〕黎托调字第0012号'],
      [4, '〔2023〕黎托调字第0013号'],
      [5, '〔2023〕黎托调字第0014号'],
      [6, '〔2023〕黎托调字第0015号'],
      [7, '〔2023〕黎托调字第0016号'],
      [8, '〔2023〕黎托调字第0017号'],
      [9, '〔2023〕黎托调字第0018号'],
      [10, '〔2023〕黎托调字第0019号'],
      [16, '〔2023〕黎托调字第0020号'],
    ]);
  });

  it('records the file’s SHA-256 and row and the 历史导入 mark, and the ledger’s result as the lifecycle’s end', async () => {
    const { sqlite } = backend.store;
    const sha = imported.report.sha256;
    expect(sha).toMatch(/^[0-9a-f]{64}$/);
    const rows = sqlite
      .prepare(
        `SELECT r.row_number, r.file_sha256, c.status, c.received_on FROM ledger_import_rows r JOIN cases c ON c.id = r.case_id ORDER BY r.row_number`,
      )
      .all() as { row_number: number; file_sha256: string; status: string; received_on: string }[];
    expect(rows.map((r) => [r.row_number, r.status])).toEqual([
      [3, 'concluded'],
      [4, 'failed'],
      [5, 'terminated'],
      [6, 'registered'],
      [7, 'concluded'],
      [8, 'registered'],
      [9, 'registered'],
      [10, 'registered'],
      [16, 'registered'],
    ]);
    expect(new Set(rows.map((r) => r.file_sha256))).toEqual(new Set([sha]));
    const timeline = sqlite
      .prepare(
        `SELECT a.action, a.acted_on, a.data FROM case_actions a JOIN ledger_import_rows r ON r.case_id = a.case_id WHERE r.row_number = 3 ORDER BY a.id`,
      )
      .all() as { action: string; acted_on: string; data: string }[];
    expect(timeline.map((t) => [t.action, t.acted_on])).toEqual([
      ['register', '2023-05-06'],
      ['succeed', '2023-05-20'],
    ]);
    expect(JSON.parse(timeline[1]!.data)).toMatchObject({ note: '历史导入' });
  });

  it('keeps what the ledger says and marks what it does not as 未登记, with the party’s data from the ID number', async () => {
    const caseId = imported.imported.find((i) => i.row === 5)!.caseId;
    const record = await backend.api.call('mediation.get', { id: caseId });
    expect(record.registration.parties.map((p) => p.name)).toEqual(['陈七', '周八']);
    expect(record.registration.parties[0]).toMatchObject({
      idNumber: expect.stringMatching(/^430111197501200220$|^4301111975012002\d{2}$/),
      sex: '女',
      birthDate: '1975-01-20',
    });
    expect(record.registration.summary).toBe('未登记');
    expect(record.registration.mediators).toEqual(['未登记']);
  });

  it('makes cases the list and the search find, the next new number after the ledger’s', async () => {
    const list = await backend.api.call('cases.list', {
      kind: 'mediation',
      status: null,
      query: '孙九',
      page: 1,
      pageSize: 20,
      sortBy: 'receivedOn',
      sortOrder: 'desc',
    });
    expect(list.rows.map((r) => r.caseNumber)).toEqual(['〔2023〕黎托调字第0015号']);
    const counter = backend.store.sqlite
      .prepare(`SELECT last_seq FROM case_number_counters WHERE kind = 'mediation' AND year = 2023`)
      .get() as { last_seq: number };
    expect(counter.last_seq).toBe(20);
  });

  it('raises no deadline for a closed imported case, while an open one has its limits like any case', async () => {
    const dashboard = await backend.api.call('dashboard.deadlines', {});
    const numbers = new Set(
      [...dashboard.dueSoon, ...dashboard.overdue, ...dashboard.doneLate].map((i) => i.caseNumber),
    );
    const numberOf = (row: number) => imported.imported.find((i) => i.row === row)!.caseNumber;
    for (const closed of [3, 4, 5, 7]) expect(numbers.has(numberOf(closed))).toBe(false);
    expect(numbers.has(numberOf(6))).toBe(true);
  });

  it('counts the imported cases in the statistics of their own year', async () => {
    const report = await backend.api.call('statistics.report', { period: '2023', scope: 'office' });
    expect(report.scope === 'office' && report.office.caseCount).toBe(9);
  });

  it('adds nothing when the same file is imported again, and lists each row as already imported', async () => {
    const before = dataState(backend.dataFile);
    const again = await backend.api.call('ledgerImport.check', input(file));
    expect(again.accepted).toEqual([]);
    expect(again.duplicates.filter((d) => d.reason === '已从本文件导入').map((d) => d.row)).toEqual([
      3, 4, 5, 6, 7, 8, 9, 10, 16,
    ]);
    const second = await run();
    expect(second.imported).toEqual([]);
    const count = backend.store.sqlite.prepare(`SELECT count(*) AS n FROM ledger_import_rows`).get() as { n: number };
    expect(count.n).toBe(9);
    expect(dataState(backend.dataFile)).toBe(before);
  });

  it('lists a row matching an existing case (same number, or same party ID and date) instead of duplicating it', async () => {
    const other = await writeXlsx(path.join(dir, 'import', '另一份台账.xlsx'), {
      header: HEADER,
      rows: [
        [1, '〔2023〕黎托调字第12号', '2023-07-01', '马一', '', '牛二', '家庭纠纷', '', '', '', '', ''],
        [2, '', '2023-05-06', '张三', ZHANG, '李四', '婚姻纠纷', '', '', '', '', ''],
        [3, '', '2023-07-02', '杨羊', '', '朱猪', '家庭纠纷', '', '', '', '', ''],
      ],
    });
    const report = await backend.api.call('ledgerImport.check', input(other));
    expect(report.duplicates).toEqual([
      { row: 2, reason: '与已有案件案号相同', caseNumber: '〔2023〕黎托调字第0012号' },
      { row: 3, reason: '与已有案件的当事人身份证号和受理日期相同', caseNumber: '〔2023〕黎托调字第0012号' },
    ]);
    expect(report.accepted.map((a) => a.row)).toEqual([4]);
  });

  it('refuses every row with --all-or-nothing when one is refused, writing nothing', async () => {
    const bad = await writeXlsx(path.join(dir, 'import', '有错的台账.xlsx'), {
      header: HEADER,
      rows: [
        [1, '', '2024-01-02', '甲', '', '乙', '家庭纠纷', '', '', '', '', ''],
        [2, '', '2024-13-02', '丙', '', '丁', '家庭纠纷', '', '', '', '', ''],
      ],
    });
    const before = dataState(backend.dataFile);
    const refused = backend.api.call('ledgerImport.run', { ...input(bad), allOrNothing: true });
    await expect(refused).rejects.toThrow(/有1行未通过检查.*第3行“受理日期”“2024年13月2日”不是真实日期/);
    expect(dataState(backend.dataFile)).toBe(before);
  });
});

describe('a CSV saved by WPS', () => {
  it('reads GBK and UTF-8 alike, and refuses an encoding that is neither', async () => {
    const rows = [
      ['序号', '受理日期', '当事人', '被申请人', '纠纷类型'],
      ['1', '2022年3月4日', '欧阳秀英', '欧阳建国', '家庭纠纷'],
    ];
    const gbk = writeCsv(path.join(dir, 'csv', '台账gbk.csv'), rows, 'gbk');
    const utf8 = writeCsv(path.join(dir, 'csv', '台账utf8.csv'), rows, 'utf8');
    const big5 = writeCsv(path.join(dir, 'csv', '台账big5.csv'), rows, 'big5');
    const fromGbk = await backend.api.call('ledgerImport.check', input(gbk));
    expect(fromGbk.encoding).toBe('GB18030');
    expect(fromGbk.accepted).toMatchObject([{ row: 2, parties: '欧阳秀英、欧阳建国', receivedOn: '2022-03-04' }]);
    const fromUtf8 = await backend.api.call('ledgerImport.check', input(utf8));
    expect(fromUtf8.encoding).toBe('UTF-8');
    expect(fromUtf8.accepted).toEqual(fromGbk.accepted);
    await expect(backend.api.call('ledgerImport.check', input(big5))).rejects.toThrow(
      /CSV 文件的编码无法识别（既不是 UTF-8，也不是 GBK\/GB18030）/,
    );
  });
});

describe('bad files and mappings', () => {
  const refusal = async (call: Promise<unknown>) => {
    try {
      await call;
    } catch (error) {
      if (error instanceof ApiError) return error.message;
      throw error;
    }
    throw new Error('not refused');
  };

  it('refuses an .xls, a renamed .doc, a .docx and a zip bomb, with the advice', async () => {
    const ole = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(600)]);
    const as = (fileName: string, bytes: Buffer) => ({
      ...input(__filename),
      fileName,
      base64: bytes.toString('base64'),
    });
    expect(await refusal(backend.api.call('ledgerImport.check', as('台账.xls', ole)))).toMatch(/另存为.*\.xlsx/);
    expect(await refusal(backend.api.call('ledgerImport.check', as('台账.xlsx', ole)))).toMatch(/旧版 Office 文档/);
    const { zipOf } = await import('../../../support/zips');
    const docx = zipOf({ 'word/document.xml': '<w:document/>', '[Content_Types].xml': '<Types/>' });
    expect(await refusal(backend.api.call('ledgerImport.check', as('台账.xlsx', docx)))).toMatch(/Word 文档/);
    const bomb = zipOf({
      'xl/workbook.xml': '<workbook/>',
      'xl/worksheets/sheet1.xml': Buffer.alloc(64 * 1024 * 1024, 0x20),
    });
    expect(bomb.length).toBeLessThan(128 * 1024);
    expect(await refusal(backend.api.call('ledgerImport.check', as('台账.xlsx', bomb)))).toMatch(/压缩炸弹/);
  });

  it('refuses 200,000 rows before reading them', async () => {
    const rows = [
      ['受理日期', '当事人', '被申请人'],
      ...Array.from({ length: 200_000 }, (_, i) => ['2023-01-01', `甲${i}`, '乙']),
    ];
    const file = writeCsv(path.join(dir, 'bad', '二十万行.csv'), rows);
    expect(await refusal(backend.api.call('ledgerImport.check', input(file)))).toBe(
      '表格行数过多（200001行）：一次最多导入100000行，请按年度拆分后分批导入',
    );
  });

  it('refuses a sheet without a recognisable header', async () => {
    const file = await writeXlsx(path.join(dir, 'bad', '无表头.xlsx'), {
      header: ['甲', '乙', '丙'],
      rows: [['1', '2', '3']],
    });
    expect(await refusal(backend.api.call('ledgerImport.check', input(file)))).toMatch(/找不到人民调解台账的表头/);
  });

  it('says what is wrong with a mapping that names no real column or maps a field twice, and checks no row', async () => {
    const file = await messyLedger(path.join(dir, 'bad', '台账.xlsx'));
    const report = await backend.api.call(
      'ledgerImport.check',
      input(file, { mapping: { kind: 'mediation', columns: { 结案日期: 'receivedOn', 登记时间: 'receivedOn' } } }),
    );
    expect(report.mappingProblems).toEqual([
      expect.stringContaining('映射中的列“登记时间”在表头中找不到'),
      '“受理日期”被映射到两列：C列“受理日期”和K列“结案日期”',
    ]);
    expect(report.accepted).toEqual([]);
    const before = dataState(backend.dataFile);
    await expect(
      backend.api.call('ledgerImport.run', {
        ...input(file, { mapping: { kind: 'mediation', columns: { 结案日期: 'receivedOn' } } }),
        allOrNothing: false,
      }),
    ).rejects.toThrow(/列的对应有误，未导入：“受理日期”被映射到两列/);
    expect(dataState(backend.dataFile)).toBe(before);
  });
});
