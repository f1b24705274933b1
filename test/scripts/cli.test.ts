import { openTestFile } from '../support/testKey';
import fs from 'node:fs';
import path from 'node:path';
import { cli } from '../support/cli';
import { legalAidApplications } from '../../scripts/demoData';
import { legalAidApplicationSchema } from '../../shared/kinds/legalAid/intake';
import { testBackend, tempDir } from '../support/fixtures';

describe('npm run cli', () => {
  it('init sets the office up, and demo makes cases a clerk could have entered', async () => {
    const db = path.join(tempDir(), 'office.sqlite');
    expect(await cli('init', '--db', db, '--office-code', '430111', '--office-name', '黎托街道司法所')).toEqual({
      code: 0,
      out: `已设置：黎托街道司法所（43011101），数据文件 ${db}`,
      err: '',
    });
    expect(await cli('demo', '--db', db, '--cases', '25', '--seed', '3')).toMatchObject({
      code: 0,
      out: '已生成 25 件案件（种子 3）：法律援助 7 件、人民调解 14 件、公证申请 4 件',
    });
    const backend = testBackend(db);
    const list = (kind: 'legal_aid' | 'mediation' | 'notarization' | null) =>
      backend.api.call('cases.list', {
        kind,
        status: null,
        query: '',
        page: 1,
        pageSize: 50,
        sortBy: 'caseNumber',
        sortOrder: 'asc',
      });
    const page = await list(null);
    expect(page.total).toBe(25);
    expect(new Set(page.rows.map((r) => r.caseNumber)).size).toBe(25);
    expect([
      (await list('legal_aid')).total,
      (await list('mediation')).total,
      (await list('notarization')).total,
    ]).toEqual([7, 14, 4]);
    await backend.close();
  });

  it('demo is deterministic for a seed, and every case it makes passes the intake validation', () => {
    const options = { seed: 11, divisionCode: '430111', until: '2026-11-20' };
    const a = [...legalAidApplications(200, options)];
    const b = [...legalAidApplications(200, options)];
    expect(a).toEqual(b);
    expect([...legalAidApplications(5, { ...options, seed: 12 })]).not.toEqual(a.slice(0, 5));
    const schema = legalAidApplicationSchema(() => '2026-11-22');
    for (const app of a) expect(schema.safeParse(app).error).toBeUndefined();
    expect(new Set(a.map((x) => x.category)).size).toBeGreaterThanOrEqual(4);
    expect(a.some((x) => x.agent !== null)).toBe(true);
  });

  it('refuses a bad office code with the Chinese message and the field', async () => {
    const db = path.join(tempDir(), 'office.sqlite');
    const result = await cli('init', '--db', db, '--office-code', '430100', '--office-name', '某所');
    expect(result).toEqual({
      code: 1,
      out: '',
      err: '县级行政区划代码：应为6位县级行政区划代码（如430203） (divisionCode)',
    });
  });

  it('refuses demo before init, and usage errors with exit code 2', async () => {
    const db = path.join(tempDir(), 'office.sqlite');
    expect(await cli('demo', '--db', db, '--cases', '3')).toMatchObject({ code: 1, err: '请先运行 init 设置司法所' });
    expect(await cli('init', '--db', db)).toMatchObject({
      code: 2,
      err: expect.stringContaining('缺少参数 --office-name'),
    });
    expect(await cli('demo', '--db', db, '--cases=-3')).toMatchObject({ code: 2, err: '--cases 应为非负整数' });
    expect(await cli('frobnicate')).toMatchObject({ code: 2, err: expect.stringContaining('未知命令：frobnicate') });
  });
});

describe('the command line, read by node’s util.parseArgs in strict mode', () => {
  const DEMO_USAGE = '用法 / usage: npm run cli -- demo --db FILE --cases N --seed S [--until 2026-11-20]';

  it('refuses a flag the command does not take, with that command’s usage and exit code 2, touching nothing', async () => {
    const dir = tempDir();
    const db = path.join(dir, 'office.sqlite');
    expect(await cli('demo', '--db', db, '--cases', '3', '--sede', '7')).toEqual({
      code: 2,
      out: '',
      err: `未知参数：--sede\n${DEMO_USAGE}`,
    });
    expect(await cli('backup', '--db', db, '--folder', dir)).toMatchObject({
      code: 2,
      err: expect.stringMatching(/^未知参数：--folder\n用法 \/ usage: npm run cli -- backup --db FILE/),
    });
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it('refuses a flag without its value, a value given to --help and an argument where none belongs', async () => {
    const db = path.join(tempDir(), 'office.sqlite');
    expect(await cli('demo', '--db', db, '--cases')).toEqual({
      code: 2,
      out: '',
      err: `参数 --cases 缺少值\n${DEMO_USAGE}`,
    });
    expect(await cli('demo', '--db', db, '--cases', '--seed', '7')).toMatchObject({
      code: 2,
      err: expect.stringMatching(/^参数 --cases 缺少值（以“-”开头的值请写成 --cases=值）\n/),
    });
    expect(await cli('demo', '--db', db, '--help=yes')).toMatchObject({
      code: 2,
      err: expect.stringMatching(/^参数 --help 不带值\n/),
    });
    expect(await cli('demo', '--db', db, 'extra.sqlite')).toEqual({
      code: 2,
      out: '',
      err: `多余的参数：extra.sqlite\n${DEMO_USAGE}`,
    });
    expect(await cli('restore', '--db', db)).toMatchObject({
      code: 2,
      err: expect.stringMatching(
        /^缺少参数 --from\n用法 \/ usage: npm run cli -- restore --db FILE --from 备份文件 \[--recovery-key 恢复密钥\]/,
      ),
    });
  });

  it('prints the usage and exits 0 for help, help <command> and <command> --help', async () => {
    const all = await cli('help');
    expect(all.code).toBe(0);
    for (const command of [
      'init',
      'demo',
      'users',
      'audit-verify',
      'backup',
      'restore',
      'keys',
      'mode',
      'export',
      'register-office',
      'import',
      'verify',
      'print',
      'report',
    ]) {
      expect(all.out).toContain(`\n  ${command} `.trimEnd());
    }
    expect(await cli('help', 'demo')).toEqual({ code: 0, out: DEMO_USAGE, err: '' });
    expect(await cli('demo', '--help')).toEqual({ code: 0, out: DEMO_USAGE, err: '' });
    expect(await cli('--help')).toEqual({ code: 0, out: all.out, err: '' });
    expect(await cli('help', 'frobnicate')).toMatchObject({
      code: 2,
      err: expect.stringMatching(/^未知命令：frobnicate\n用法/),
    });
    expect(await cli()).toMatchObject({ code: 2, out: '', err: all.out });
  });
});

describe('npm run cli -- users and audit-verify', () => {
  it('adds a user, resets a password, and lists the accounts', async () => {
    const db = path.join(tempDir(), 'office.sqlite');
    await cli('init', '--db', db, '--office-code', '430111', '--office-name', '黎托街道司法所');
    expect(
      await cli(
        'users',
        '--db',
        db,
        '--add',
        'lijuan',
        '--name',
        '李娟',
        '--role',
        'clerk',
        '--password',
        'Initial123',
      ),
    ).toEqual({
      code: 0,
      out: '已添加用户：lijuan（办事员），首次登录须修改密码\n1\tlijuan\t李娟\t办事员\t正常',
      err: '',
    });
    expect(await cli('users', '--db', db, '--reset', 'LIJUAN', '--password', 'Another123')).toMatchObject({
      code: 0,
      out: expect.stringContaining('已重置密码：lijuan'),
    });
    expect(await cli('users', '--db', db, '--add', 'x', '--role', 'boss', '--password', 'Initial123')).toMatchObject({
      code: 2,
      err: expect.stringContaining('--role 应为'),
    });
    expect(await cli('users', '--db', db, '--add', 'y', '--role', 'clerk', '--password', 'short')).toMatchObject({
      code: 1,
      err: '密码：至少8个字符 (password)',
    });
  });

  it('audit-verify passes an intact log and names the first broken entry with a non-zero exit', async () => {
    const db = path.join(tempDir(), 'office.sqlite');
    await cli('init', '--db', db, '--office-code', '430111', '--office-name', '黎托街道司法所');
    await cli('demo', '--db', db, '--cases', '3', '--seed', '1');
    const ok = await cli('audit-verify', '--db', db);
    expect(ok).toMatchObject({ code: 0, out: expect.stringMatching(/^审计日志完整：共\d+条/) });
    const raw = openTestFile(db);
    raw
      .prepare(
        `UPDATE audit_log SET after = replace(after, '黎托', '某某') WHERE seq = (SELECT min(seq) FROM audit_log WHERE after LIKE '%黎托%')`,
      )
      .run();
    const broken = raw.prepare(`SELECT min(seq) AS seq FROM audit_log WHERE after LIKE '%某某%'`).get() as {
      seq: number;
    };
    raw.close();
    expect(await cli('audit-verify', '--db', db)).toEqual({
      code: 3,
      out: '',
      err: `审计日志校验失败：第${broken.seq}条记录：记录内容与其哈希不符（记录被改动）`,
    });
  });
});
