import fs from 'node:fs';
import path from 'node:path';
import { cli } from '../../support/cli';
import { fileState, tempDir, testBackend } from '../../support/fixtures';

async function caseCount(db: string): Promise<number> {
  const backend = testBackend(db);
  try {
    return (
      await backend.api.call('cases.list', {
        kind: null,
        status: null,
        query: '',
        page: 1,
        pageSize: 10,
        sortBy: 'caseNumber',
        sortOrder: 'asc',
      })
    ).total;
  } finally {
    await backend.close();
  }
}

async function officeWithCases(count: number): Promise<string> {
  const db = path.join(tempDir(), 'office.sqlite');
  expect(await cli('init', '--db', db, '--office-code', '430111', '--office-name', '黎托街道司法所')).toMatchObject({
    code: 0,
  });
  expect(await cli('demo', '--db', db, '--cases', String(count), '--seed', '1', '--until', '2026-11-20')).toMatchObject(
    { code: 0 },
  );
  return db;
}

describe('npm run cli -- backup and restore', () => {
  it('backs up to a folder, and restores that backup after more cases were registered', async () => {
    const db = await officeWithCases(3);
    const usb = tempDir();
    const backup = await cli('backup', '--db', db, '--out', usb);
    expect(backup).toMatchObject({ code: 0, err: '' });
    const file = /^已备份：(.+)（\d+ KB）$/.exec(backup.out)?.[1];
    expect(path.dirname(file!)).toBe(usb);
    expect(path.basename(file!)).toMatch(/^casedesk-\d{8}-\d{6}-manual\.sqlite$/);

    await cli('demo', '--db', db, '--cases', '2', '--seed', '2', '--until', '2026-11-20');
    expect(await caseCount(db)).toBe(5);

    const restore = await cli('restore', '--db', db, '--from', file!);
    expect(restore.code).toBe(0);
    expect(restore.err).toBe('');
    const lines = restore.out.split('\n');
    expect(lines[0]).toBe(`已核对备份：${file}（完整性检查通过；本机当前密钥）`);
    expect(lines[1]).toMatch(
      new RegExp(
        `^恢复前的数据已备份到：${path.join(path.dirname(db), 'backups')}/casedesk-\\d{8}-\\d{6}-pre-restore\\.sqlite$`,
      ),
    );
    expect(lines[2]).toBe(`已恢复：数据文件 ${db}，共 3 件案件`);
    expect(lines[3]).toMatch(/^编号不会重复：变更序号从\d+继续，报送序号从1继续；下次报送将告知县局$/);
    expect(lines).toHaveLength(4);
    expect(await caseCount(db)).toBe(3);
    expect(fs.existsSync(`${db}.restore-pending`)).toBe(false);
  });

  it('backs up into the backups folder next to the data file without --out', async () => {
    const db = await officeWithCases(1);
    const { code, out } = await cli('backup', '--db', db);
    expect(code).toBe(0);
    expect(out).toMatch(
      new RegExp(
        `^已备份：${path.join(path.dirname(db), 'backups')}/casedesk-\\d{8}-\\d{6}-manual\\.sqlite（\\d+ KB）$`,
      ),
    );
  });

  it('refuses a missing folder and a file that is not a backup, in Chinese with the field, changing nothing', async () => {
    const db = await officeWithCases(1);
    const missing = path.join(tempDir(), 'U盘');
    expect(await cli('backup', '--db', db, '--out', missing)).toEqual({
      code: 1,
      out: '',
      err: `备份位置：文件夹“${missing}”不存在（U盘是否已插好？） (folder)`,
    });
    const text = path.join(tempDir(), 'casedesk-20261120-080000-manual.sqlite');
    fs.writeFileSync(text, '不是数据库');
    const before = fileState(db);
    expect(await cli('restore', '--db', db, '--from', text)).toEqual({
      code: 1,
      out: '',
      err: '备份文件：不是数据库文件，或文件头已损坏，未作任何改动 (file)',
    });
    expect(fileState(db)).toBe(before);
    expect(fs.existsSync(`${db}.restore-pending`)).toBe(false);
    expect(await cli('restore', '--db', db)).toMatchObject({
      code: 2,
      err: expect.stringContaining('缺少参数 --from'),
    });
  });
});
