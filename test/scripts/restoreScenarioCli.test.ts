// Issue 20, end to end on the command line as an office and its bureau would go: a backup; five more cases; the
// month's export, imported at the bureau; the disk fails and the backup is restored; three new cases; the next
// export imported. The bureau must still hold the lost cases, no id or export sequence may be named twice, the
// bureau must hear of the restore and list what the office lost, and the bureau's recovery package must bring the
// lost cases back to the office under their own numbers.
import { openTestFile } from '../support/testKey';
import fs from 'node:fs';
import path from 'node:path';
import { cli } from '../support/cli';
import { dataState, tempDir } from '../support/fixtures';

async function ok(...argv: string[]): Promise<string> {
  const result = await cli(...argv);
  expect({ argv, code: result.code, err: result.err }).toEqual({ argv, code: 0, err: '' });
  return result.out;
}

const line = (text: string, label: string) => new RegExp(`${label}：(\\S+)`).exec(text)?.[1] ?? '';

function query<T>(file: string, sql: string, ...params: unknown[]): T[] {
  const sqlite = openTestFile(file, { readonly: true });
  try {
    return sqlite.prepare(sql).all(...params) as T[];
  } finally {
    sqlite.close();
  }
}

const casesAt = (office: string) =>
  query<{ id: number; case_number: string }>(office, 'SELECT id, case_number FROM cases ORDER BY id');
const bureauCases = (county: string) =>
  new Map(
    query<{ row_key: string; deleted: number; data: string }>(
      county,
      `SELECT row_key, deleted, data FROM bureau_rows WHERE table_name = 'cases'`,
    ).map((r) => [Number(r.row_key), r.deleted ? null : (JSON.parse(r.data) as { case_number: string }).case_number]),
  );

describe('npm run cli -- restore, export after it, recovery-package and recover (issue 20)', () => {
  it('keeps the lost cases at the bureau, names no id or sequence twice, and brings the lost cases back to the office', async () => {
    const dir = tempDir();
    const office = path.join(dir, 'office', 'casedesk.sqlite');
    const county = path.join(dir, 'county', 'casedesk.sqlite');
    const usb = path.join(dir, 'usb');
    fs.mkdirSync(usb);
    await ok(
      'init',
      '--db',
      office,
      '--office-code',
      '430203',
      '--office-number',
      '02',
      '--office-name',
      '枫溪街道司法所',
      '--prefix',
      '枫溪',
    );
    await ok(
      'init',
      '--db',
      county,
      '--office-code',
      '430203',
      '--office-number',
      '00',
      '--office-name',
      '株洲市芦淞区司法局',
    );
    await ok('mode', '--db', county, '--set', 'bureau');
    const bureauKey = line(await ok('keys', '--db', county), '公钥');
    const officeKeys = await ok('keys', '--db', office, '--bureau-key', bureauKey);
    await ok(
      'register-office',
      '--db',
      county,
      '--code',
      '43020302',
      '--name',
      '枫溪街道司法所',
      '--public-key',
      line(officeKeys, '公钥'),
      '--fingerprint',
      line(officeKeys, '指纹'),
    );

    await ok('demo', '--db', office, '--cases', '12', '--seed', '3', '--until', '2026-11-20');
    await ok('export', '--db', office, '--out', usb, '--period', '2026-10');
    await ok('import', '--db', county, path.join(usb, '43020302-2026-10-0001.casedesk'));
    const backup = /^已备份：(.+)（\d+ KB）$/.exec(await ok('backup', '--db', office, '--out', usb))![1]!;
    const kept = casesAt(office);

    // Five more cases, the month's export (第2次) carried to the bureau.
    await ok('demo', '--db', office, '--cases', '5', '--seed', '5', '--until', '2026-11-20');
    const lost = casesAt(office).slice(kept.length);
    expect(lost).toHaveLength(5);
    expect(await ok('export', '--db', office, '--out', usb, '--period', '2026-11')).toMatch(/第2次报送/);
    await ok('import', '--db', county, path.join(usb, '43020302-2026-11-0002.casedesk'));

    // The disk fails: the backup is restored, three new cases are registered, the next export goes to the bureau.
    const restored = await ok('restore', '--db', office, '--from', backup);
    expect(restored).toMatch(/报送序号从3继续；下次报送将告知县局/);
    expect(casesAt(office)).toEqual(kept);
    await ok('demo', '--db', office, '--cases', '3', '--seed', '11', '--until', '2026-11-20');
    const fresh = casesAt(office).slice(kept.length);
    expect(fresh).toHaveLength(3);
    // No id is named twice: the new cases continue after the lost ones, and no case number is issued again.
    expect(Math.min(...fresh.map((c) => c.id))).toBeGreaterThan(Math.max(...lost.map((c) => c.id)));
    for (const c of fresh) expect(lost.map((l) => l.case_number)).not.toContain(c.case_number);

    const third = await ok('export', '--db', office, '--out', usb, '--period', '2026-11');
    expect(third).toMatch(/43020302-2026-11-0003\.casedesk（2026-11，第3次报送/);
    const imported = await ok('import', '--db', county, path.join(usb, '43020302-2026-11-0003.casedesk'));
    expect(imported).toMatch(/^已导入：43020302-2026-11-0003\.casedesk.*冲突0行/);
    expect(imported).toMatch(
      /注意：恢复备份后的报送：.*从备份恢复（casedesk-\d{8}-\d{6}-manual\.sqlite.*报送序号从3继续；本局存有而司法所已没有（或只有较旧版本）的行：[1-9]\d*行/,
    );

    // The bureau still holds the lost cases, beside the new ones, each under its own key.
    const atBureau = bureauCases(county);
    for (const c of [...kept, ...lost, ...fresh])
      expect({ id: c.id, number: atBureau.get(c.id) }).toEqual({ id: c.id, number: c.case_number });
    const lostListed = query<{ table_name: string; row_key: string }>(
      county,
      `SELECT table_name, row_key FROM bureau_conflicts WHERE kind = 'lost'`,
    );
    expect(
      lostListed
        .filter((r) => r.table_name === 'cases')
        .map((r) => Number(r.row_key))
        .sort(),
    ).toEqual(lost.map((c) => c.id).sort());
    expect(query(county, `SELECT 1 FROM bureau_conflicts WHERE kind IN ('identity', 'row', 'package')`)).toEqual([]);

    // The bureau's recovery package: checked first (nothing changes), then installed.
    const made = await ok('recovery-package', '--db', county, '--office', '43020302', '--out', usb);
    const recovery = /^已生成恢复包：(.+?)（/.exec(made)![1]!;
    expect(path.basename(recovery)).toMatch(/^43020302-recovery-\d{4}-\d{2}-\d{2}\.casedesk$/);
    expect(made).toMatch(/含至第3次报送，已加密给该司法所/);
    const before = dataState(office);
    const dry = await ok('recover', '--db', office, '--from', recovery, '--dry-run');
    expect(dry).toMatch(/将恢复（只核对，未作改动）：案件5行/);
    expect(dataState(office)).toBe(before);
    const installed = await ok('recover', '--db', office, '--from', recovery);
    expect(installed).toMatch(/已恢复：案件5行/);
    expect(installed).toMatch(/证件号码只有部分（恢复包不含完整号码），需重新录入：[1-9]\d*人/);
    expect(installed).not.toMatch(/两边不同的行/);
    const now = casesAt(office);
    for (const c of [...kept, ...lost, ...fresh]) expect(now).toContainEqual(c);
    expect(now).toHaveLength(kept.length + lost.length + fresh.length);

    // Installing it again adds nothing; the next export tells the bureau, which finds nothing lost any more.
    expect(await ok('recover', '--db', office, '--from', recovery)).toMatch(
      /已恢复：无缺少的行.*此前已安装过|此前已安装过[\s\S]*已恢复：无缺少的行/,
    );
    expect(await ok('export', '--db', office, '--out', usb, '--period', '2026-11')).toMatch(/第4次报送/);
    const fourth = await ok('import', '--db', county, path.join(usb, '43020302-2026-11-0004.casedesk'));
    expect(fourth).toMatch(/安装县局恢复包.*司法所已没有（或只有较旧版本）的行：0行/);
    expect(
      query(county, `SELECT 1 FROM bureau_conflicts WHERE kind IN ('identity', 'row', 'package', 'audit')`),
    ).toEqual([]);
    expect(await ok('audit-verify', '--db', office)).toMatch(/^审计日志完整/);

    // Refused in Chinese, exit 1, nothing changed: a data package given as a recovery package, a missing file.
    const state = dataState(office);
    expect(
      await cli('recover', '--db', office, '--from', path.join(usb, '43020302-2026-11-0004.casedesk')),
    ).toMatchObject({
      code: 1,
      err: '恢复包：这是司法所的数据包，不是县局的恢复包，未作任何改动 (file)',
    });
    expect(await cli('recover', '--db', office, '--from', path.join(usb, 'nowhere.casedesk'))).toMatchObject({
      code: 1,
      err: expect.stringMatching(/^恢复包文件：找不到或不能读取/),
    });
    expect(await cli('recovery-package', '--db', office, '--office', '43020302')).toMatchObject({
      code: 1,
      err: '只有县局模式的数据文件能生成恢复包',
    });
    expect(dataState(office)).toBe(state);
  }, 180_000);
});
