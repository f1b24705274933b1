// The data key on the command line: a key file (made for a new data file), the recovery key typed at a terminal,
// a clear Chinese refusal with no terminal; re-keying writes the new recovery key to the key file; the recovery key's
// groups and check characters catch typing mistakes.
import fs from 'node:fs';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import fc from 'fast-check';
import { dataKeyOf, keyThatOpens, newDataKey, recoveryKeyOf } from '../../db/dataKey';
import { cli } from '../support/cli';
import { KEY_FILE_ENV_VAR, keysForRun } from '../../scripts/keyInput';
import { formatRecoveryKey, parseRecoveryKey } from '../../shared/recoveryKey';
import { tempDir } from '../support/fixtures';
import { TEST_KEY, TEST_KEY_FILE } from '../support/testKey';

/** Runs `body` with $CASEDESK_KEY_FILE unset, as on a machine where nobody set it. */
async function withoutKeyFileVariable<T>(body: () => Promise<T>): Promise<T> {
  const kept = process.env[KEY_FILE_ENV_VAR];
  delete process.env[KEY_FILE_ENV_VAR];
  try {
    return await body();
  } finally {
    process.env[KEY_FILE_ENV_VAR] = kept;
  }
}

describe('the recovery key', () => {
  it('reads back every key it writes, as typed from paper (any case, spaces or dashes, O for 0)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 32, maxLength: 32 }), (bytes) => {
        const text = formatRecoveryKey(bytes);
        expect(text).toMatch(/^[0-9A-HJKMNP-TV-Z]{5}(-[0-9A-HJKMNP-TV-Z]{5}){12}$/);
        for (const typed of [text, text.toLowerCase().replace(/-/g, ' '), text.replace(/0/g, 'O').replace(/-/g, '')]) {
          const read = parseRecoveryKey(typed);
          expect(read.ok && Buffer.from(read.key).equals(Buffer.from(bytes))).toBe(true);
        }
      }),
    );
  });

  it('names the group of a mistyped character or two swapped neighbours', () => {
    const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
    // The check is mod 31 over 32 characters: 0 and Z weigh the same, the one pair it cannot tell apart.
    const alike = (a: string, b: string) => (alphabet.indexOf(a) - alphabet.indexOf(b)) % 31 === 0;
    fc.assert(
      fc.property(
        fc.uint8Array({ minLength: 32, maxLength: 32 }),
        fc.nat(12),
        fc.nat(3),
        fc.constantFrom(...alphabet),
        (bytes, group, at, wrong) => {
          const text = formatRecoveryKey(bytes);
          const i = group * 6 + at; // a key character of the group (five characters and a dash each)
          fc.pre(!alike(wrong, text[i]!));
          const typo = text.slice(0, i) + wrong + text.slice(i + 1);
          expect(parseRecoveryKey(typo)).toEqual({
            ok: false,
            message: expect.stringMatching(new RegExp(`^恢复密钥第${group + 1}组`)),
          });
        },
      ),
    );
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 32, maxLength: 32 }), fc.nat(12), fc.nat(2), (bytes, group, at) => {
        const text = formatRecoveryKey(bytes);
        const i = group * 6 + at;
        fc.pre(!alike(text[i]!, text[i + 1]!));
        const swapped = text.slice(0, i) + text[i + 1] + text[i] + text.slice(i + 2);
        expect(parseRecoveryKey(swapped)).toEqual({
          ok: false,
          message: expect.stringMatching(new RegExp(`^恢复密钥第${group + 1}组`)),
        });
      }),
    );
    expect(parseRecoveryKey('ABCDE-1234')).toEqual({
      ok: false,
      message: expect.stringMatching(/^恢复密钥应为13组、共65个字符，现有9个/),
    });
    expect(parseRecoveryKey(`${recoveryKeyOf(TEST_KEY)}!`)).toEqual({
      ok: false,
      message: '恢复密钥中有不应出现的字符“!”（只含数字和字母）',
    });
  });
});

describe('the CLI and the preview', () => {
  it('refuse an encrypted file when there is neither a key file nor a terminal, saying how to give the key, changing nothing', async () => {
    const db = path.join(tempDir(), 'office.sqlite');
    expect(await cli('init', '--db', db, '--office-code', '430111', '--office-name', '黎托街道司法所')).toMatchObject({
      code: 0,
    });
    const before = fs.readFileSync(db);
    const refused = await withoutKeyFileVariable(() => cli('users', '--db', db));
    expect(refused).toEqual({
      code: 1,
      out: '',
      err: expect.stringMatching(
        /^数据文件“.*office\.sqlite”已加密，需要密钥：请用 --key-file 参数或环境变量 CASEDESK_KEY_FILE 指定密钥文件.*或在终端中运行以输入恢复密钥$/,
      ),
    });
    expect(fs.readFileSync(db).equals(before)).toBe(true);
    // A new data file is not made without somewhere to keep its key.
    const fresh = path.join(tempDir(), 'new.sqlite');
    expect(
      await withoutKeyFileVariable(() =>
        cli('init', '--db', fresh, '--office-code', '430111', '--office-name', '黎托街道司法所'),
      ),
    ).toMatchObject({ code: 1, err: expect.stringMatching(/需要保存密钥的位置/) });
    expect(fs.existsSync(fresh)).toBe(false);
  });

  it('make the key file for a new data file, and open it again only with it', async () => {
    const folder = tempDir();
    const db = path.join(folder, 'office.sqlite');
    const keyFile = path.join(tempDir(), 'office.key');
    expect(
      await cli(
        'init',
        '--db',
        db,
        '--key-file',
        keyFile,
        '--office-code',
        '430111',
        '--office-name',
        '黎托街道司法所',
      ),
    ).toMatchObject({ code: 0 });
    const lines = fs.readFileSync(keyFile, 'utf8').split('\n');
    expect(lines[0]).toMatch(/^# CaseDesk 数据文件 office\.sqlite 的恢复密钥（编号 [0-9A-F-]{14}）/);
    const read = parseRecoveryKey(lines[1]!);
    expect(read.ok && keyThatOpens(db, [dataKeyOf(read.key)])).toBeTruthy();
    if (process.platform !== 'win32') expect(fs.statSync(keyFile).mode & 0o077).toBe(0);
    expect(await cli('users', '--db', db, '--key-file', keyFile)).toMatchObject({ code: 0 });
    // The tests' key file (in $CASEDESK_KEY_FILE) is another key: refused, naming the key this file needs.
    expect(await cli('users', '--db', db)).toMatchObject({
      code: 1,
      err: expect.stringMatching(/不能用本机的密钥（编号 .*）打开，它需要编号为 .* 的密钥/),
    });
  });

  it('refuse a key file that is cut short or damaged, in Chinese', async () => {
    const db = path.join(tempDir(), 'office.sqlite');
    await cli('init', '--db', db, '--office-code', '430111', '--office-name', '黎托街道司法所');
    const cut = path.join(tempDir(), 'cut.key');
    fs.writeFileSync(cut, fs.readFileSync(TEST_KEY_FILE, 'utf8').split('\n')[1]!.slice(0, 50));
    expect(await cli('users', '--db', db, '--key-file', cut)).toEqual({
      code: 1,
      out: '',
      err: expect.stringMatching(/^密钥文件“.*cut\.key”已损坏或不完整：恢复密钥应为13组、共65个字符，现有\d+个/),
    });
  });

  it('ask for the recovery key at a terminal', async () => {
    const db = path.join(tempDir(), 'office.sqlite');
    await cli('init', '--db', db, '--office-code', '430111', '--office-name', '黎托街道司法所');
    const input = new PassThrough();
    const output = new PassThrough();
    let asked = '';
    output.on('data', (chunk: Buffer) => (asked += chunk.toString('utf8')));
    const providing = keysForRun(db, { env: {}, interactive: true, input, output });
    input.write(`${recoveryKeyOf(TEST_KEY).toLowerCase()}\n`);
    const keys = await providing;
    expect(asked).toMatch(/已加密。请输入恢复密钥（13组，每组5个字符）：/);
    expect(keys.load(db)?.current.id).toBe(TEST_KEY.id);
  });

  it('re-key with the key file: the new recovery key is written there and shown, and an older backup restores with its own', async () => {
    const db = path.join(tempDir(), 'office.sqlite');
    const keyFile = path.join(tempDir(), 'office.key');
    fs.copyFileSync(TEST_KEY_FILE, keyFile);
    await cli('init', '--db', db, '--key-file', keyFile, '--office-code', '430111', '--office-name', '黎托街道司法所');
    await cli('demo', '--db', db, '--key-file', keyFile, '--cases', '2', '--seed', '3');
    const backup = (await cli('backup', '--db', db, '--key-file', keyFile)).out.replace(/^已备份：(.*)（.*$/, '$1');
    const rekeyed = await cli('rekey', '--db', db, '--key-file', keyFile);
    expect(rekeyed).toMatchObject({
      code: 0,
      out: expect.stringMatching(
        new RegExp(
          `^已更换数据密钥：原密钥编号 ${TEST_KEY.id}，新密钥编号 [0-9A-F-]{14}\\n新的恢复密钥：[0-9A-Z-]{77}\\n`,
        ),
      ),
    });
    const newKey = /新的恢复密钥：(\S+)/.exec(rekeyed.out)![1]!;
    expect(
      fs
        .readFileSync(keyFile, 'utf8')
        .split('\n')
        .filter((l) => l && !l.startsWith('#')),
    ).toEqual([newKey]);

    expect(await cli('restore', '--db', db, '--key-file', keyFile, '--from', backup)).toMatchObject({
      code: 1,
      err: expect.stringMatching(new RegExp(`需要编号为 ${TEST_KEY.id} 的密钥的恢复密钥`)),
    });
    const restored = await cli(
      'restore',
      '--db',
      db,
      '--key-file',
      keyFile,
      '--from',
      backup,
      '--recovery-key',
      recoveryKeyOf(TEST_KEY),
    );
    expect(restored).toMatchObject({
      code: 0,
      out: expect.stringMatching(
        new RegExp(
          `已核对备份：.*（完整性检查通过；需要编号为 ${TEST_KEY.id} 的恢复密钥）[\\s\\S]*已恢复：数据文件 .*，共 2 件案件`,
        ),
      ),
    });
    const read = parseRecoveryKey(newKey);
    expect(read.ok && keyThatOpens(db, [dataKeyOf(read.key)])).toBeTruthy();
    expect(keyThatOpens(db, [TEST_KEY, newDataKey()])).toBeNull();
  });
});
