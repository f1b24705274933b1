import { openTestFile, testKeys } from '../support/testKey';
import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import { CASEDESK_APPLICATION_ID, openStore, schemaVersion } from '../../db/open';
import { migrations } from '../../db/migrations';
import { AppError } from '../../shared/errors';
import { dataState, tempDir, testBackend } from '../support/fixtures';
import { fixedClock } from '../../electron/services/system/clock';

const latest = migrations.at(-1)!.version;

describe('opening a data file', () => {
  it('creates a new file at the latest schema version with the CaseDesk identity', async () => {
    const file = path.join(tempDir(), 'nested', 'casedesk.sqlite');
    const store = openStore(file, { keys: testKeys() });
    expect(schemaVersion(store.sqlite)).toBe(latest);
    expect(store.sqlite.pragma('application_id', { simple: true })).toBe(CASEDESK_APPLICATION_ID);
    expect(store.migratedFrom).toBe(0);
    expect(store.backupPath).toBeNull();
    await store.close();
  });

  it('sets WAL, synchronous FULL, foreign keys and a busy timeout', async () => {
    const store = openStore(path.join(tempDir(), 'casedesk.sqlite'), { keys: testKeys() });
    expect(store.sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(store.sqlite.pragma('synchronous', { simple: true })).toBe(2); // FULL
    expect(store.sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(store.sqlite.pragma('busy_timeout', { simple: true })).toBe(5000);
    await store.close();
  });

  it('applies nothing and takes no backup when the file is current', async () => {
    const file = path.join(tempDir(), 'casedesk.sqlite');
    await openStore(file, { keys: testKeys() }).close();
    const again = openStore(file, { keys: testKeys() });
    expect(again.migratedFrom).toBe(latest);
    expect(again.backupPath).toBeNull();
    expect(fs.readdirSync(path.dirname(file)).filter((f) => f.endsWith('.bak'))).toEqual([]);
    await again.close();
  });

  // 2: before the search index existed; the one before the latest: the previous release (numbers may skip: each
  // engineer's branch takes its own).
  it.each([1, 2, migrations.at(-2)!.version])(
    'upgrades a file of schema version %i, keeping its data and backing it up first',
    async (from) => {
      const file = path.join(tempDir(), 'casedesk.sqlite');
      const previous = openStore(file, { keys: testKeys(), migrations: migrations.filter((m) => m.version <= from) });
      expect(schemaVersion(previous.sqlite)).toBe(from);
      previous.sqlite.exec(`
      INSERT INTO cases (id, kind, case_number, case_year, case_seq, status, title, received_on, received_by, created_at, updated_at)
      VALUES (1, 'legal_aid', '〔2026〕黎托援字第0001号', 2026, 1, 'received', '追索劳动报酬', '2026-11-20', '李娟', 't', 't');
      INSERT INTO parties (case_id, role, position, name, id_number) VALUES (1, 'applicant', 0, '欧阳秀英', '11010519491231002X');
    `);
      await previous.close();

      const store = openStore(file, { keys: testKeys(), now: () => new Date('2026-11-22T08:30:00Z') });
      expect(store.migratedFrom).toBe(from);
      expect(store.backupPath).toBe(`${path.resolve(file)}.v${from}-20261122T083000.bak`);
      expect(schemaVersion(store.sqlite)).toBe(latest);

      // The backup is the untouched previous version.
      const backup = openTestFile(store.backupPath!, { readonly: true });
      expect(schemaVersion(backup)).toBe(from);
      expect(backup.prepare('SELECT count(*) AS n FROM cases').get()).toEqual({ n: 1 });
      backup.close();

      expect(store.sqlite.prepare('SELECT case_number FROM cases').all()).toEqual([
        { case_number: '〔2026〕黎托援字第0001号' },
      ]);
      await store.close();
    },
  );

  it('indexes the cases of a file made before the search index existed', async () => {
    const file = path.join(tempDir(), 'casedesk.sqlite');
    const previous = openStore(file, { keys: testKeys(), migrations: migrations.slice(0, 2) });
    previous.sqlite.exec(`
      INSERT INTO cases (id, kind, case_number, case_year, case_seq, status, title, received_on, received_by, created_at, updated_at)
      VALUES (1, 'legal_aid', '〔2026〕黎托援字第0001号', 2026, 1, 'received', '追索劳动报酬', '2026-11-20', '李娟', 't', 't');
      INSERT INTO parties (case_id, role, position, name, id_number) VALUES (1, 'applicant', 0, '欧阳秀英', '11010519491231002X');
    `);
    await previous.close();
    const store = openStore(file, { keys: testKeys() });
    const hit = store.sqlite
      .prepare(`SELECT rowid FROM case_search_bigram WHERE case_search_bigram MATCH '"秀英"'`)
      .all();
    expect(hit).toEqual([{ rowid: 1 }]);
    const tri = store.sqlite
      .prepare(`SELECT rowid FROM case_search_trigram WHERE case_search_trigram MATCH '"1949123"'`)
      .all();
    expect(tri).toEqual([{ rowid: 1 }]);
    await store.close();
  });

  it('refuses a file newer than this program, leaving it untouched', async () => {
    const file = path.join(tempDir(), 'casedesk.sqlite');
    await openStore(file, { keys: testKeys() }).close();
    const raw = openTestFile(file);
    raw.pragma(`user_version = ${latest + 1}`);
    raw.close();
    const before = fs.readFileSync(file);
    expect(() => openStore(file, { keys: testKeys() })).toThrow(AppError);
    expect(() => openStore(file, { keys: testKeys() })).toThrow(/比本程序支持的/);
    expect(fs.readFileSync(file).equals(before)).toBe(true);
  });

  it('refuses a SQLite file that is not CaseDesk’s, leaving its bytes untouched', () => {
    const file = path.join(tempDir(), 'other.sqlite');
    const raw = new BetterSqlite3(file);
    raw.exec('CREATE TABLE accounts (id INTEGER PRIMARY KEY)');
    raw.close();
    const before = fs.readFileSync(file);
    expect(() => openStore(file, { keys: testKeys() })).toThrow(/不是CaseDesk数据文件/);
    expect(fs.readFileSync(file).equals(before)).toBe(true);
  });

  it('rolls a failing migration back entirely, leaving the file at its previous version', async () => {
    const file = path.join(tempDir(), 'casedesk.sqlite');
    const broken = [
      ...migrations,
      {
        version: latest + 1,
        name: 'broken',
        up: (db: BetterSqlite3.Database) => db.exec('CREATE TABLE half (x); SELECT * FROM nowhere;'),
      },
    ];
    await openStore(file, { keys: testKeys() }).close();
    expect(() => openStore(file, { keys: testKeys(), migrations: broken })).toThrow();
    const store = openStore(file, { keys: testKeys() });
    expect(schemaVersion(store.sqlite)).toBe(latest);
    expect(store.sqlite.prepare(`SELECT count(*) AS n FROM sqlite_schema WHERE name = 'half'`).get()).toEqual({ n: 0 });
    await store.close();
  });

  it('migrates a new file the same way every time for one moment, so the test fixtures may copy one', async () => {
    // test/support/fixtures.ts copies one migrated file per moment instead of migrating each new file.
    for (const moment of ['2026-11-22T02:00:00Z', '2026-11-23T16:30:00Z']) {
      const migrated = path.join(tempDir(), 'casedesk.sqlite');
      await openStore(migrated, { keys: testKeys(), now: () => new Date(moment) }).close();
      for (let copy = 0; copy < 2; copy++) {
        const backend = testBackend(undefined, { clock: fixedClock(moment) });
        await backend.close();
        expect(dataState(backend.dataFile)).toBe(dataState(migrated));
      }
    }
  });
});
