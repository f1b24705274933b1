// Encryption at rest: the data file, its backups, attachments and an export's scratch file hold no applicant's name
// or ID number in their bytes; a file opens only with its key, and says so in Chinese when the key is missing or
// wrong; a plain file of an older version is encrypted at its first open, verified, nothing lost.
import fs from 'node:fs';
import BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import path from 'node:path';
import { dataKeyFromRecoveryKey, fileStateOf, MemoryKeyProvider, newDataKey, recoveryKeyOf } from '../../db/dataKey';
import { ENCRYPTING_SUFFIX, PLAIN_ORIGINAL_SUFFIX } from '../../db/encryptPlain';
import { openStore } from '../../db/open';
import { verifyAuditLog } from '../../db/auditLog';
import { openBackend } from '../../electron/backend';
import { rowsInRange } from '../../electron/services/exchange/officeExport';
import { FileStore, keyIdOfFile } from '../../electron/services/fileStore';
import { ScratchFile } from '../../electron/services/scratchFile';
import { createApi } from '../../shared/client';
import { AppError } from '../../shared/errors';
import { OFFICE, tempDir, testBackend, validApplication, type TestBackend } from '../support/fixtures';
import { bytesContain, decryptInPlace, plainAttachment } from '../support/plainFiles';
import { openTestFile, TEST_KEY, testKeys } from '../support/testKey';

const NAME = validApplication().applicant.name; // 张秀英
const ID_NUMBER = validApplication().applicant.idNumber; // 11010519491231002X
const ADDRESS = validApplication().applicant.householdAddress;

async function officeWithApplicant(): Promise<TestBackend> {
  const backend = testBackend();
  await backend.api.call('office.setup', OFFICE);
  await backend.api.call('legalAid.create', { draftId: null, application: validApplication() });
  return backend;
}

/** The data file's bytes with its WAL folded in, as a copied file would be. */
function checkpointed(backend: TestBackend): string {
  backend.store.sqlite.pragma('wal_checkpoint(TRUNCATE)');
  return backend.dataFile;
}

describe('the bytes at rest hold no applicant’s name or ID number', () => {
  it('in the data file (and its WAL), which still holds the case for whoever has the key', async () => {
    const backend = await officeWithApplicant();
    expect(bytesContain(backend.dataFile, NAME, ID_NUMBER, ADDRESS)).toEqual([]);
    if (fs.existsSync(`${backend.dataFile}-wal`))
      expect(bytesContain(`${backend.dataFile}-wal`, NAME, ID_NUMBER)).toEqual([]);
    expect(bytesContain(checkpointed(backend), NAME, ID_NUMBER, ADDRESS, 'SQLite format 3')).toEqual([]);
    const read = openTestFile(backend.dataFile, { readonly: true });
    expect(read.prepare('SELECT name, id_number FROM parties WHERE name = ?').get(NAME)).toEqual({
      name: NAME,
      id_number: ID_NUMBER,
    });
    read.close();
    await backend.close();
  });

  it('in a backup, and in the attachment files kept beside the data and copied with the backup', async () => {
    const backend = await officeWithApplicant();
    const files = new FileStore(backend.dataFile, () => backend.store.keyRing);
    const scan = Buffer.from(`%PDF-1.4 申请人${NAME} 身份证号${ID_NUMBER}`, 'utf8');
    const sha = files.put(scan);
    expect(bytesContain(files.pathOf(sha), NAME, ID_NUMBER, '%PDF')).toEqual([]);
    expect(keyIdOfFile(fs.readFileSync(files.pathOf(sha)))).toBe(TEST_KEY.id);
    expect(files.read(sha)).toEqual(scan);

    const backup = await backend.api.call('backup.create', { folder: null });
    expect(backup).toMatchObject({ keyId: TEST_KEY.id, keyNote: '本机当前密钥' });
    expect(bytesContain(backup.file, NAME, ID_NUMBER, ADDRESS, 'SQLite format 3')).toEqual([]);
    expect(bytesContain(path.join(`${backup.file}.attachments`, sha), NAME, ID_NUMBER)).toEqual([]);
    expect(JSON.parse(fs.readFileSync(`${backup.file}.key-id`, 'utf8'))).toEqual({
      format: 'casedesk-key-id',
      keyId: TEST_KEY.id,
    });
    await backend.close();
  });

  it('in an export’s scratch file, which still reads back as the rows the package carries', async () => {
    const backend = await officeWithApplicant();
    const scratch = new ScratchFile(path.join(tempDir(), 'rows.ndjson'));
    const upTo = (backend.store.sqlite.prepare('SELECT max(seq) AS n FROM change_log').get() as { n: number }).n;
    const rows = await rowsInRange(backend.store.db, 0, upTo, scratch);
    expect(rows.rowCount).toBeGreaterThan(0);
    expect(fs.statSync(scratch.file).size).toBe(rows.length);
    expect(bytesContain(scratch.file, NAME, ID_NUMBER, '"t":"parties"')).toEqual([]);
    const plain = Buffer.concat([...scratch.chunks(4096)]).toString('utf8');
    expect(plain).toContain(NAME);
    expect(plain.split('\n').filter(Boolean)).toHaveLength(rows.rowCount);
    await backend.close();
  });
});

describe('a file opens only with its key', () => {
  it('refuses a data file copied to another PC without its key, in Chinese, naming the key it needs, changing nothing', async () => {
    const backend = await officeWithApplicant();
    const file = checkpointed(backend);
    await backend.close();
    const before = fs.readFileSync(file);
    const refused = (() => {
      try {
        openStore(file, { keys: new MemoryKeyProvider(null) });
      } catch (error) {
        return error as AppError;
      }
      return null;
    })();
    expect(refused).toBeInstanceOf(AppError);
    expect(refused).toMatchObject({
      code: 'DATA_KEY',
      message: expect.stringMatching(
        new RegExp(`已加密，本机没有它的密钥（需要编号为 ${TEST_KEY.id} 的密钥）.*恢复密钥`),
      ),
    });
    expect(refused!.message).not.toMatch(/not a database/);
    expect(fs.readFileSync(file).equals(before)).toBe(true);
  });

  it('refuses a wrong key (a recovery key of the right form that belongs to other data) without touching the file', async () => {
    const backend = await officeWithApplicant();
    const file = checkpointed(backend);
    await backend.close();
    const before = fs.readFileSync(file);
    const other = dataKeyFromRecoveryKey(recoveryKeyOf(newDataKey()));
    expect(() => openStore(file, { keys: testKeys(other) })).toThrow(
      new RegExp(`不能用本机的密钥（编号 ${other.id}）打开，它需要编号为 ${TEST_KEY.id} 的密钥`),
    );
    expect(fs.readFileSync(file).equals(before)).toBe(true);
    // And the right key still opens it, with everything in it.
    const again = openStore(file, { keys: testKeys() });
    expect(again.sqlite.prepare('SELECT count(*) AS n FROM parties WHERE name = ?').get(NAME)).toEqual({ n: 1 });
    await again.close();
  });

  it('makes a new key for a new file, kept by the provider, and writes the key number beside the file', async () => {
    const file = path.join(tempDir(), 'casedesk.sqlite');
    const keys = new MemoryKeyProvider(null);
    const store = openStore(file, { keys });
    expect(store.keyEvent).toBe('created');
    expect(keys.load()?.current.id).toBe(store.keyRing.current.id);
    expect(fileStateOf(file)).toBe('encrypted');
    expect(JSON.parse(fs.readFileSync(`${file}.key-id`, 'utf8')).keyId).toBe(store.keyRing.current.id);
    await store.close();
  });
});

describe('a plain data file of an older version', () => {
  async function plainOffice() {
    const backend = await officeWithApplicant();
    const counts = backend.store.sqlite
      .prepare(
        `SELECT (SELECT count(*) FROM cases) AS cases, (SELECT count(*) FROM parties) AS parties, (SELECT count(*) FROM audit_log) AS audit`,
      )
      .get();
    const head = verifyAuditLog(backend.store.sqlite);
    await backend.close();
    decryptInPlace(backend.dataFile);
    const sha = plainAttachment(backend.dataFile, `${NAME}的身份证复印件`);
    return { file: backend.dataFile, counts, head, sha };
  }

  it('is encrypted at the first open: the same rows and audit chain, the plain original wiped, its attachments encrypted', async () => {
    const { file, counts, head, sha } = await plainOffice();
    expect(fileStateOf(file)).toBe('plain');
    expect(bytesContain(file, NAME)).toEqual([NAME]); // what the migration must take away

    const keys = new MemoryKeyProvider(null);
    const backend = openBackend({ dataFile: file, shell: 'preview', keys });
    expect(backend.store.keyEvent).toBe('encrypted-plain');
    const key = keys.load()!.current;
    expect(
      backend.store.sqlite
        .prepare(
          `SELECT (SELECT count(*) FROM cases) AS cases, (SELECT count(*) FROM parties) AS parties, (SELECT count(*) FROM audit_log) AS audit`,
        )
        .get(),
    ).toEqual(counts);
    expect(verifyAuditLog(backend.store.sqlite)).toEqual(head);
    await backend.close();

    expect(fileStateOf(file)).toBe('encrypted');
    expect(bytesContain(file, NAME, ID_NUMBER)).toEqual([]);
    const folder = path.dirname(file);
    expect(
      fs.readdirSync(folder).filter((n) => n.endsWith(PLAIN_ORIGINAL_SUFFIX) || n.endsWith(ENCRYPTING_SUFFIX)),
    ).toEqual([]);
    const attachment = path.join(folder, 'attachments', sha);
    expect(bytesContain(attachment, NAME)).toEqual([]);
    expect(new FileStore(file, () => ({ current: key, previous: null })).read(sha).toString('utf8')).toBe(
      `${NAME}的身份证复印件`,
    );
  });

  it('encrypts the plain backups an older version left in backups/, with their attachments; a damaged one is left and the app opens', async () => {
    const backend = await officeWithApplicant();
    const kept = await backend.api.call('backup.create', { folder: null });
    const damaged = await backend.api.call('backup.create', { folder: null });
    await backend.close();
    for (const file of [kept.file, damaged.file]) {
      decryptInPlace(file);
      fs.rmSync(`${file}.key-id`);
    }
    const sha = plainAttachment(backend.dataFile, `${NAME}的身份证复印件`);
    fs.mkdirSync(`${kept.file}.attachments`, { recursive: true });
    fs.renameSync(
      path.join(path.dirname(backend.dataFile), 'attachments', sha),
      path.join(`${kept.file}.attachments`, sha),
    );
    fs.truncateSync(damaged.file, Math.floor(fs.statSync(damaged.file).size / 2)); // cut short on an old USB copy
    expect(bytesContain(kept.file, NAME)).toEqual([NAME]);

    const logged: unknown[] = [];
    const again = openBackend({
      dataFile: backend.dataFile,
      shell: 'preview',
      keys: testKeys(),
      log: (e) => logged.push(e),
    });
    expect(fileStateOf(kept.file)).toBe('encrypted');
    expect(bytesContain(kept.file, NAME, ID_NUMBER, 'SQLite format 3')).toEqual([]);
    expect(bytesContain(path.join(`${kept.file}.attachments`, sha), NAME)).toEqual([]);
    expect(JSON.parse(fs.readFileSync(`${kept.file}.key-id`, 'utf8')).keyId).toBe(TEST_KEY.id);
    const read = openTestFile(kept.file, { readonly: true });
    expect(read.prepare('SELECT name FROM parties WHERE name = ?').pluck().get(NAME)).toBe(NAME);
    read.close();
    expect(fileStateOf(damaged.file)).toBe('plain'); // left as it was, named in the log
    expect(logged.map(String)).toEqual([expect.stringContaining(damaged.file)]);
    expect(
      fs
        .readdirSync(path.dirname(kept.file))
        .filter((n) => n.endsWith(PLAIN_ORIGINAL_SUFFIX) || n.endsWith(ENCRYPTING_SUFFIX)),
    ).toEqual([]);
    again.sessions.signInSystem('local');
    const listed = await createApi(again.dispatch).call('backup.list', {});
    expect(listed.find((b) => b.file === kept.file)).toMatchObject({ keyId: TEST_KEY.id, keyNote: '本机当前密钥' });
    expect(listed.find((b) => b.file === damaged.file)).toMatchObject({
      keyId: null,
      keyNote: '旧版本的未加密备份（恢复时加密）',
    });
    await again.close();
  });

  it('refuses, untouched, a plain file from a newer CaseDesk before encrypting anything', async () => {
    const { file } = await plainOffice();
    const plain = new BetterSqlite3(file);
    plain.pragma('user_version = 9999');
    plain.close();
    const before = fs.readFileSync(file);
    expect(() => openStore(file, { keys: new MemoryKeyProvider(null) })).toThrow(/比本程序支持的.*新，请升级CaseDesk/);
    expect(fs.readFileSync(file).equals(before)).toBe(true);
    expect(fileStateOf(file)).toBe('plain');
  });
});
