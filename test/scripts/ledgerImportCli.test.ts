// `npm run cli -- import-ledger`: a legal-aid ledger saved by WPS as a GBK CSV, whose applicant column the synonym
// table does not know — refused until a mapping file names it, then checked in a dry run that writes nothing, and
// imported; a file too large or an .xls refused with the advice, before anything is read.
import fs from 'node:fs';
import path from 'node:path';
import { cli } from '../support/cli';
import { dataState, tempDir } from '../support/fixtures';
import { idNumber, writeCsv } from '../support/ledgers';

// Spreadsheets written and read, a 64 MB zip bomb packed, 200,000 CSV rows: sized for a loaded 2-core machine.
jest.setTimeout(120_000);

describe('npm run cli -- import-ledger', () => {
  const dir = tempDir();
  const db = path.join(dir, 'office.sqlite');
  const ledger = path.join(dir, '法律援助台账.csv');
  const map = path.join(dir, '映射.json');

  beforeAll(async () => {
    expect((await cli('init', '--db', db, '--office-code', '430111', '--office-name', '黎托街道司法所')).code).toBe(0);
    writeCsv(
      ledger,
      [
        ['法律援助案件登记台账（2024年）', '', '', '', '', '', '', ''],
        ['序号', '申请日期', '受援对象', '身份证号', '案由', '案件类别', '办理结果', '结案日期'],
        ['1', '2024/3/5', '刘桂兰', idNumber('19500304', '022'), '赡养费纠纷', '民事案件', '已结案', '2024年6月1日'],
        ['2', '2024-03-08', '黄志强', idNumber('19800101', '013'), '追索劳动报酬', '民事', '', ''],
        ['3', '2024-03-09', '周丽', '', '离婚纠纷', '家事', '', ''],
        ['合计', '3件', '', '', '', '', '', ''],
      ],
      'gbk',
    );
    fs.writeFileSync(map, JSON.stringify({ kind: 'legal_aid', columns: { 受援对象: 'applicantName' } }));
  });

  it('refuses a ledger whose applicant column it cannot find, saying which field to map', async () => {
    const run = await cli('import-ledger', '--db', db, '--kind', 'legal-aid', '--file', ledger, '--dry-run');
    expect(run.code).toBe(1);
    expect(run.out).toContain('列的对应有误：没有“申请人”列：请在映射中指定哪一列是申请人');
    expect(run.err).toBe('列的对应有误，未检查各行：请用 --map 指定映射');
  });

  it('checks every row in a dry run with the mapping file, writing nothing', async () => {
    const before = dataState(db);
    const run = await cli(
      'import-ledger',
      '--db',
      db,
      '--kind',
      'legal-aid',
      '--file',
      ledger,
      '--map',
      map,
      '--dry-run',
    );
    expect(run).toMatchObject({ code: 0, err: '' });
    expect(run.out).toContain('工作表“法律援助台账”，表头在第2行，编码 GB18030');
    expect(run.out).toContain('C列“受援对象” → 申请人');
    expect(run.out).toContain('可导入2行，未通过1行，跳过1行，已有案件0行');
    expect(run.out).toContain('未通过：第5行“案件类别”：应为刑事、民事、行政、国家赔偿、非诉讼及其他之一');
    expect(run.out).toContain('跳过：第6行：合计行');
    expect(run.out).toContain(
      '可导入：第3行 → 已结案 · 受理2024年3月5日 · 结案2024年6月1日 · 刘桂兰 · 赡养费纠纷 · 新编案号',
    );
    expect(run.out).toContain('试运行：未写入任何数据');
    expect(dataState(db)).toBe(before);
  });

  it('imports the accepted rows, then nothing the second time', async () => {
    const first = await cli('import-ledger', '--db', db, '--kind', 'legal-aid', '--file', ledger, '--map', map);
    expect(first).toMatchObject({ code: 0, err: '' });
    expect(first.out).toContain(
      '可导入：第3行 → 已结案 · 受理2024年3月5日 · 结案2024年6月1日 · 刘桂兰 · 赡养费纠纷 · 〔2024〕',
    );
    expect(first.out).toContain('已导入：2件（标记为历史导入）');
    const again = await cli('import-ledger', '--db', db, '--kind', 'legal-aid', '--file', ledger, '--map', map);
    expect(again.out).toContain('已有：第3行：已从本文件导入（〔2024〕');
    expect(again.out).toContain('已导入：0件（标记为历史导入）');
  });

  it('refuses a 60 MB file and an .xls before reading them, and a wrong kind as a usage error', async () => {
    const big = path.join(dir, '大台账.xlsx');
    fs.writeFileSync(big, '');
    fs.truncateSync(big, 60 * 1024 * 1024);
    const tooBig = await cli('import-ledger', '--db', db, '--kind', 'mediation', '--file', big, '--dry-run');
    expect(tooBig.code).toBe(1);
    expect(tooBig.err).toContain('文件过大（60.0 MB）：台账文件不能超过20.0 MB');
    const xls = path.join(dir, '台账.xls');
    fs.writeFileSync(xls, Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]));
    const old = await cli('import-ledger', '--db', db, '--kind', 'mediation', '--file', xls);
    expect(old).toMatchObject({ code: 1 });
    expect(old.err).toContain(
      '不能导入旧版 .xls 文件：请在 Excel 或 WPS 中打开，“另存为” Excel 工作簿（.xlsx）后再导入 (base64)',
    );
    const wrong = await cli('import-ledger', '--db', db, '--kind', 'lawsuit', '--file', xls);
    expect(wrong.code).toBe(2);
    expect(wrong.err).toContain('--kind 应为 legal-aid、mediation 或 notarization');
  });
});
