// `export-ledger`: the office's ledger of one kind and year written from the command line (read back by
// libreoffice), and what it refuses — an unknown kind, a year out of range, a path it cannot write — leaving no file.
import fs from 'node:fs';
import path from 'node:path';
import { cli } from '../support/cli';
import { validRegistration } from '../shared/kinds/mediation/fixtures';
import { tempDir, testBackend } from '../support/fixtures';
import { libreofficeRows } from '../support/officeReaders';

// LibreOffice reads the ledger back; its first start on a loaded 2-core machine takes tens of seconds.
jest.setTimeout(180_000);

let db: string;
beforeAll(async () => {
  db = path.join(tempDir(), 'office.sqlite');
  const init = await cli('init', '--db', db, '--office-code', '430111', '--office-name', '黎托街道司法所');
  expect(init.code).toBe(0);
  const backend = testBackend(db);
  try {
    for (const receivedOn of ['2026-10-12', '2026-03-01'])
      await backend.api.call('mediation.create', { draftId: null, registration: validRegistration({ receivedOn }) });
  } finally {
    await backend.close();
  }
});

/** Every file in the folder: what a refused command must not have left behind. */
const filesIn = (dir: string) => fs.readdirSync(dir);

describe('export-ledger', () => {
  it('writes the year’s mediation ledger, which LibreOffice reads back with one row per dispute', async () => {
    const out = path.join(tempDir(), '调解台账.xlsx');
    const made = await cli('export-ledger', '--db', db, '--kind', 'mediation', '--year', '2026', '--out', out);
    expect(made).toEqual({ code: 0, out: `已导出台账：2件 → ${out}`, err: '' });
    const rows = libreofficeRows(out);
    expect(rows[0]![0]).toBe('黎托街道司法所2026年人民调解台账');
    expect(rows[2]!.slice(0, 3)).toEqual(['序号', '纠纷编号', '受理日期']);
    expect(rows.slice(3).map((r) => [r[0], r[2]])).toEqual([
      ['1', '2026年3月1日'],
      ['2', '2026年10月12日'],
    ]);
    expect(filesIn(path.dirname(out))).toEqual(['调解台账.xlsx']); // no .partial left beside it
  });

  it('says how to call it when the kind is unknown or the year is not a year, and writes nothing', async () => {
    const dir = tempDir();
    const out = path.join(dir, 'x.xlsx');
    expect(await cli('export-ledger', '--db', db, '--kind', 'divorce', '--year', '2026', '--out', out)).toMatchObject({
      code: 2,
      err: expect.stringContaining('--kind 应为 legal-aid、mediation、notarization 之一'),
    });
    expect(
      await cli('export-ledger', '--db', db, '--kind', 'mediation', '--year', '二〇二六', '--out', out),
    ).toMatchObject({
      code: 2,
      err: expect.stringContaining('--year 应为四位年份'),
    });
    expect(await cli('export-ledger', '--db', db, '--kind', 'mediation', '--out', out)).toMatchObject({
      code: 2,
      err: expect.stringContaining('缺少参数 --year'),
    });
    expect(
      await cli('export-ledger', '--db', db, '--kind', 'mediation', '--year', '2026', '--out', path.join(dir, 'x.csv')),
    ).toMatchObject({
      code: 2,
      err: expect.stringContaining('--out 应为 .xlsx 文件'),
    });
    expect(filesIn(dir)).toEqual([]);
  });

  it('refuses a year before 2000 or after this one, naming the field', async () => {
    const dir = tempDir();
    const early = await cli(
      'export-ledger',
      '--db',
      db,
      '--kind',
      'legal-aid',
      '--year',
      '1999',
      '--out',
      path.join(dir, 'a.xlsx'),
    );
    expect(early).toMatchObject({ code: 1, err: '年度：不能小于2000 (year)' });
    const late = await cli(
      'export-ledger',
      '--db',
      db,
      '--kind',
      'legal-aid',
      '--year',
      '2999',
      '--out',
      path.join(dir, 'a.xlsx'),
    );
    expect(late.code).toBe(1);
    expect(late.err).toMatch(/^年度：应在2000年至\d{4}年之间 \(year\)$/);
    expect(filesIn(dir)).toEqual([]);
  });

  it('refuses a path it cannot write, in Chinese, leaving neither the file nor a part of it', async () => {
    const dir = tempDir();
    const missing = path.join(dir, '没有这个文件夹', '台账.xlsx');
    const refused = await cli('export-ledger', '--db', db, '--kind', 'mediation', '--year', '2026', '--out', missing);
    expect(refused).toEqual({ code: 1, out: '', err: `无法写入输出文件 ${missing}：所在文件夹不存在，未生成任何文件` });
    const folder = path.join(dir, '台账.xlsx');
    fs.mkdirSync(folder);
    const onFolder = await cli('export-ledger', '--db', db, '--kind', 'mediation', '--year', '2026', '--out', folder);
    expect(onFolder).toEqual({ code: 1, out: '', err: `无法写入输出文件 ${folder}：这是一个文件夹，未生成任何文件` });
    expect(filesIn(dir)).toEqual(['台账.xlsx']);
    expect(filesIn(folder)).toEqual([]);
  });

  it('is listed in the usage', async () => {
    const help = await cli('help', 'export-ledger');
    expect(help).toMatchObject({ code: 0 });
    expect(help.out).toContain(
      'export-ledger --db FILE --kind legal-aid|mediation|notarization --year 2026 --out 台账.xlsx',
    );
    expect((await cli('help')).out).toContain('export-ledger');
  });
});
