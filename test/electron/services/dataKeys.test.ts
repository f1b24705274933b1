// The data key over time: a director re-keys in one step; backups made before stay restorable with their own
// recovery key, and the app says which key a backup needs; a plain backup of an older version is restored and
// encrypted; a backup of another office is refused; the desktop app on a new PC asks for the recovery key.
import fs from 'node:fs';
import path from 'node:path';
import { fileStateOf, keyThatOpens, newDataKey, recoveryKeyOf, type DataKeyProvider } from '../../../db/dataKey';
import { openBackend, type Backend } from '../../../electron/backend';
import { dataKeyFilePath, SafeStorageKeyProvider } from '../../../electron/dataKeyFile';
import { openBackendOrAskForKey } from '../../../electron/dataKeyGate';
import { FileStore } from '../../../electron/services/fileStore';
import { createApi } from '../../../shared/client';
import { OFFICE, tempDir, testBackend, validApplication, type TestBackend } from '../../support/fixtures';
import { bytesContain, decryptInPlace } from '../../support/plainFiles';
import { TEST_KEY, testKeys } from '../../support/testKey';
import { fakeSafeStorage } from '../fakeElectron';

const NAME = validApplication().applicant.name;

async function officeWith(cases: number): Promise<TestBackend> {
  const backend = testBackend();
  await backend.api.call('office.setup', OFFICE);
  for (let i = 0; i < cases; i++)
    await backend.api.call('legalAid.create', { draftId: null, application: validApplication() });
  return backend;
}

const caseCount = (b: Backend) => (b.store.sqlite.prepare('SELECT count(*) AS n FROM cases').get() as { n: number }).n;

/** Closes and opens the data file again with the same provider (a restore staged is applied then). */
async function reopen(b: TestBackend, keys: DataKeyProvider = b.store.keys): Promise<TestBackend> {
  await b.close();
  const again = openBackend({ dataFile: b.dataFile, shell: 'preview', keys });
  again.sessions.signInSystem('local');
  return { ...again, api: createApi(again.dispatch), dataFile: b.dataFile };
}

describe('re-keying', () => {
  it('gives the data file and its attachments a new key and recovery key in one step; an older backup needs its own', async () => {
    let office = await officeWith(2);
    const files = () => new FileStore(office.dataFile, () => office.store.keyRing);
    const sha = files().put(Buffer.from(`${NAME}的户口簿`, 'utf8'));
    const before = await office.api.call('backup.create', { folder: null });
    await office.api.call('legalAid.create', { draftId: null, application: validApplication() });

    const shown = await office.api.call('dataKey.show', {});
    expect(shown).toEqual({ keyId: TEST_KEY.id, recoveryKey: recoveryKeyOf(TEST_KEY) });
    // The director's (所长) step; an administrator is refused (the role table, test/electron/handlers/roles.test.ts).
    const director = await office.api.call('users.create', {
      username: 'suozhang',
      displayName: '王所长',
      role: 'director',
      password: 'Initial123',
    });
    office.sessions.control('director').signIn({
      id: director.id,
      username: 'suozhang',
      displayName: '王所长',
      role: 'director',
      mustChangePassword: false,
    });
    expect(await office.dispatch('dataKey.rekey', {}, 'local')).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    const made = await createApi((channel, input) => office.dispatch(channel, input, 'director')).call(
      'dataKey.rekey',
      {},
    );
    expect(made.previousKeyId).toBe(TEST_KEY.id);
    expect(made.keyId).not.toBe(TEST_KEY.id);
    expect(made.recoveryKey).not.toBe(shown.recoveryKey);
    expect(office.store.keyRing).toMatchObject({ current: { id: made.keyId }, previous: null });
    expect(office.store.keys.load(office.dataFile)).toMatchObject({ current: { id: made.keyId }, previous: null });
    expect(files().read(sha).toString('utf8')).toBe(`${NAME}的户口簿`);

    // The new key opens the file and the attachment, the old one neither.
    office.store.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    expect(keyThatOpens(office.dataFile, [TEST_KEY])).toBeNull();
    expect(keyThatOpens(office.dataFile, [office.store.keyRing.current])?.id).toBe(made.keyId);
    expect(() => new FileStore(office.dataFile, () => ({ current: TEST_KEY, previous: null })).read(sha)).toThrow(
      new RegExp(`另一把密钥（编号 ${made.keyId}）`),
    );

    // The backup says which key it needs; restoring it without that key changes nothing, and says so.
    const listed = (await office.api.call('backup.list', {})).find((b) => b.file === before.file)!;
    expect(listed).toMatchObject({ keyId: TEST_KEY.id, keyNote: `需要编号为 ${TEST_KEY.id} 的恢复密钥` });
    const staged = `${office.dataFile}.restore-pending`;
    const refuse = async (recoveryKey?: string) => {
      const answer = await office.dispatch(
        'backup.restore',
        { file: before.file, ...(recoveryKey === undefined ? {} : { recoveryKey }) },
        'local',
      );
      expect(fs.existsSync(staged)).toBe(false);
      return answer.ok ? null : answer.error;
    };
    expect(await refuse()).toMatchObject({
      code: 'DATA_KEY',
      field: 'recoveryKey',
      message: expect.stringMatching(new RegExp(`需要编号为 ${TEST_KEY.id} 的密钥的恢复密钥.*未作任何改动$`)),
    });
    const typo = recoveryKeyOf(TEST_KEY).replace(
      /^(\w{5}-\w{5}-)(\w)/,
      (_, head: string, c: string) => head + (c === 'A' ? 'B' : 'A'),
    );
    expect(await refuse(typo)).toMatchObject({
      code: 'DATA_KEY',
      field: 'recoveryKey',
      message: expect.stringMatching(/^恢复密钥第3组.*有误（校验位不符）/),
    });
    expect(await refuse(made.recoveryKey.slice(0, 40))).toMatchObject({
      code: 'DATA_KEY',
      message: expect.stringMatching(/应为13组、共65个字符，现有/),
    });
    const stranger = newDataKey();
    expect(await refuse(recoveryKeyOf(stranger))).toMatchObject({
      code: 'DATA_KEY',
      field: 'recoveryKey',
      message: expect.stringMatching(new RegExp(`输入的恢复密钥（编号 ${stranger.id}）不能打开它`)),
    });

    // With its own recovery key (as typed from paper: lower case, spaces) it is restored, under the current key.
    const typed = recoveryKeyOf(TEST_KEY).toLowerCase().replace(/-/g, ' ');
    const { checked } = await office.api.call('backup.restore', { file: before.file, recoveryKey: typed });
    expect(checked.keyNote).toBe(`需要编号为 ${TEST_KEY.id} 的恢复密钥`);
    office = await reopen(office);
    expect(office.store.restored).not.toBeNull();
    expect(caseCount(office)).toBe(2);
    expect(office.store.keyRing.current.id).toBe(made.keyId);
    expect(files().read(sha).toString('utf8')).toBe(`${NAME}的户口簿`);
    await office.close();
    expect(keyThatOpens(office.dataFile, [TEST_KEY])).toBeNull();
  });
});

describe('restoring backups under other keys', () => {
  it('restores a plain backup of an older version and encrypts it', async () => {
    let office = await officeWith(3);
    const backup = await office.api.call('backup.create', { folder: tempDir() });
    decryptInPlace(backup.file);
    fs.rmSync(`${backup.file}.key-id`);
    expect(fileStateOf(backup.file)).toBe('plain');
    await office.api.call('legalAid.create', { draftId: null, application: validApplication() });
    expect((await office.api.call('backup.list', {})).find((b) => b.file === backup.file)).toBeUndefined(); // another folder

    const { checked } = await office.api.call('backup.restore', { file: backup.file });
    expect(checked).toMatchObject({ keyId: null, keyNote: '旧版本的未加密备份（恢复时加密）' });
    office = await reopen(office);
    expect(caseCount(office)).toBe(3);
    office.store.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    expect(fileStateOf(office.dataFile)).toBe('encrypted');
    expect(bytesContain(office.dataFile, NAME)).toEqual([]);
    expect(fileStateOf(backup.file)).toBe('plain'); // the backup itself is never changed
    await office.close();
  });

  it('refuses a backup of another office (another key), naming the key it needs, changing nothing', async () => {
    const office = await officeWith(1);
    const elsewhere = openBackend({
      dataFile: path.join(tempDir(), 'casedesk.sqlite'),
      shell: 'preview',
      keys: testKeys(newDataKey()),
    });
    elsewhere.sessions.signInSystem('local');
    const theirs = createApi(elsewhere.dispatch);
    await theirs.call('office.setup', { ...OFFICE, officeNumber: '07' });
    const foreign = await theirs.call('backup.create', { folder: tempDir() });
    await elsewhere.close();

    const answer = await office.dispatch('backup.restore', { file: foreign.file }, 'local');
    expect(answer).toEqual({
      ok: false,
      error: {
        code: 'DATA_KEY',
        field: 'recoveryKey',
        message: expect.stringMatching(new RegExp(`需要编号为 ${foreign.keyId} 的密钥的恢复密钥`)),
      },
    });
    expect(fs.existsSync(`${office.dataFile}.restore-pending`)).toBe(false);
    await office.close();
  });
});

describe('the desktop app on a PC that does not hold the key', () => {
  it('asks for the recovery key, refuses a wrong one, and with the right one opens the data and keeps the key for this PC', async () => {
    const dataFile = path.join(tempDir(), 'casedesk.sqlite');
    const firstPc = new SafeStorageKeyProvider(fakeSafeStorage());
    const made = openBackend({ dataFile, shell: 'electron', keys: firstPc });
    made.sessions.signInSystem('local');
    await createApi(made.dispatch).call('office.setup', OFFICE);
    const recoveryKey = recoveryKeyOf(made.store.keyRing.current);
    const keyId = made.store.keyRing.current.id;
    await made.close();

    // The folder copied to a new PC: its key file is there, but this system account cannot unwrap it.
    const newPc = openBackendOrAskForKey({
      dataFile,
      shell: 'electron',
      keys: new SafeStorageKeyProvider(fakeSafeStorage()),
    });
    const status = await newPc.dispatch('auth.status', {}, 'window:1');
    expect(status).toEqual({
      ok: false,
      error: {
        code: 'DATA_KEY',
        message: expect.stringMatching(new RegExp(`无法解开.*编号 ${keyId}.*请输入编号为 ${keyId} 的恢复密钥`)),
      },
    });
    expect(await newPc.dispatch('app.info', {}, 'window:1')).toMatchObject({ ok: true, value: { dataFile } });
    expect(await newPc.dispatch('dataKey.unlock', { recoveryKey: 'ABCDE' }, 'window:1')).toMatchObject({
      ok: false,
      error: { code: 'DATA_KEY', field: 'recoveryKey' },
    });
    expect(
      await newPc.dispatch('dataKey.unlock', { recoveryKey: recoveryKeyOf(newDataKey()) }, 'window:1'),
    ).toMatchObject({
      ok: false,
      error: {
        code: 'DATA_KEY',
        field: 'recoveryKey',
        message: expect.stringMatching(new RegExp(`不是这份数据的.*这份数据需要编号 ${keyId}`)),
      },
    });
    expect(await newPc.dispatch('dataKey.unlock', { recoveryKey }, 'window:1')).toEqual({ ok: true, value: { keyId } });
    expect(await newPc.dispatch('office.get', {}, 'window:1')).toMatchObject({
      ok: true,
      value: { name: OFFICE.name },
    });
    await newPc.close();
  });

  it('asks for the recovery key when the key file beside the data is cut short', async () => {
    const dataFile = path.join(tempDir(), 'casedesk.sqlite');
    const account = fakeSafeStorage();
    const made = openBackend({ dataFile, shell: 'electron', keys: new SafeStorageKeyProvider(account) });
    const recoveryKey = recoveryKeyOf(made.store.keyRing.current);
    await made.close();
    const keyFile = dataKeyFilePath(dataFile);
    fs.writeFileSync(keyFile, fs.readFileSync(keyFile, 'utf8').slice(0, 40));

    const gate = openBackendOrAskForKey({ dataFile, shell: 'electron', keys: new SafeStorageKeyProvider(account) });
    expect(await gate.dispatch('auth.status', {}, 'window:1')).toMatchObject({
      ok: false,
      error: { code: 'DATA_KEY', message: expect.stringMatching(/密钥文件.*已损坏或不完整：请输入恢复密钥/) },
    });
    expect(await gate.dispatch('dataKey.unlock', { recoveryKey }, 'window:1')).toMatchObject({ ok: true });
    await gate.close();
    // The key file is whole again: the next start needs nothing typed.
    const next = openBackendOrAskForKey({ dataFile, shell: 'electron', keys: new SafeStorageKeyProvider(account) });
    expect(await next.dispatch('auth.status', {}, 'window:1')).toMatchObject({ ok: true });
    await next.close();
  });
});
