import fs from 'node:fs';
import path from 'node:path';
import { cli } from '../support/cli';
import { tempDir } from '../support/fixtures';

const line = (text: string, label: string) => new RegExp(`${label}：(\\S+)`).exec(text)?.[1] ?? '';

describe('npm run cli -- keys, export, import, verify', () => {
  it('carries an office’s export to the bureau on the command line, and refuses a damaged one with exit 3', async () => {
    const dir = tempDir();
    const office = path.join(dir, 'office.sqlite');
    const county = path.join(dir, 'county.sqlite');
    const usb = path.join(dir, 'usb');
    fs.mkdirSync(usb);
    expect((await cli('init', '--db', office, '--office-code', '430111', '--office-name', '黎托街道司法所')).code).toBe(
      0,
    );
    expect(
      (
        await cli(
          'init',
          '--db',
          county,
          '--office-code',
          '430111',
          '--office-number',
          '00',
          '--office-name',
          '雨花区司法局',
        )
      ).code,
    ).toBe(0);
    expect(await cli('mode', '--db', county, '--set', 'bureau')).toMatchObject({ code: 0, out: '使用方式：县局模式' });

    const bureauKeys = await cli('keys', '--db', county);
    expect(bureauKeys.out).toMatch(
      /^使用方式：县局模式\n公钥：casedesk1:[\w-]{86}\n指纹：([0-9a-f]{4}-){7}[0-9a-f]{4}$/,
    );
    const officeKeys = await cli('keys', '--db', office, '--bureau-key', line(bureauKeys.out, '公钥'));
    expect(officeKeys.out).toContain(`县局公钥指纹：${line(bureauKeys.out, '指纹')}`);
    expect(
      await cli(
        'register-office',
        '--db',
        county,
        '--code',
        '43011101',
        '--name',
        '黎托街道司法所',
        '--public-key',
        line(officeKeys.out, '公钥'),
        '--fingerprint',
        line(officeKeys.out, '指纹'),
      ),
    ).toMatchObject({ code: 0 });

    expect(
      (
        await cli(
          'users',
          '--db',
          office,
          '--add',
          'lijuan',
          '--name',
          '李娟',
          '--role',
          'clerk',
          '--password',
          'Initial123',
        )
      ).code,
    ).toBe(0);
    const exported = await cli('export', '--db', office, '--out', usb, '--period', '2026-11');
    expect(exported).toMatchObject({
      code: 0,
      out: expect.stringMatching(/^已导出：.*43011101-2026-11-0001\.casedesk（2026-11，第1次报送，\d+行，已加密）$/),
    });
    const pkg = path.join(usb, '43011101-2026-11-0001.casedesk');

    // Without a data file: the signature and hashes; at the bureau, the content too.
    expect(await cli('verify', pkg)).toMatchObject({
      code: 0,
      out: expect.stringMatching(/^校验通过：43011101-2026-11-0001\.casedesk（签名与各部分哈希/),
    });
    expect(await cli('verify', pkg, '--db', county)).toMatchObject({ code: 0, out: expect.stringContaining('解密与') });

    const damaged = path.join(usb, 'damaged.casedesk');
    const bytes = fs.readFileSync(pkg);
    bytes[bytes.length - 5] = bytes[bytes.length - 5]! ^ 0xff;
    fs.writeFileSync(damaged, bytes);
    expect(await cli('verify', damaged)).toMatchObject({
      code: 3,
      out: expect.stringMatching(/^校验失败：damaged\.casedesk：数据部分“statistics\.json”的SHA-256校验失败/),
    });

    const imported = await cli('import', '--db', county, pkg, damaged);
    expect(imported.code).toBe(3);
    expect(imported.out).toMatch(
      /^已导入：43011101-2026-11-0001\.casedesk（黎托街道司法所，2026-11，第1次报送）新增\d+行/,
    );
    expect(imported.out).toMatch(/已拒收：damaged\.casedesk：数据部分“statistics\.json”的SHA-256校验失败/);
    expect(imported.err).toBe('1个数据包被拒收，未导入');
    expect(await cli('import', '--db', county, pkg)).toMatchObject({
      code: 0,
      out: expect.stringMatching(/^已导入过，未作改动/),
    });
    // Verified again after the import: still every row checked.
    expect((await cli('verify', pkg, '--db', county)).out).toMatch(/解密与[1-9]\d*行数据/);

    const again = await cli('export', '--db', office, '--out', usb, '--again', '1');
    expect(again).toMatchObject({ code: 0, out: expect.stringMatching(/^已重新生成：/) });
    expect(await cli('export', '--db', office, '--again', '7')).toMatchObject({
      code: 1,
      err: '没有第7次报送 (sequence)',
    });
    expect(await cli('verify')).toMatchObject({ code: 2 });
  }, 30_000);
});
