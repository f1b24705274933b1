// Migration 0009 rebuilds the shared parties table (a fourth role, `party`): existing rows, ids, indexes and the
// audit of the table must survive it, and it must refuse to run where dropping the table would cascade.
import { testKeys } from '../../support/testKey';
import path from 'node:path';
import { migrations } from '../../../db/migrations';
import { mediation } from '../../../db/migrations/0009-mediation';
import { openStore, schemaVersion } from '../../../db/open';
import { tempDir } from '../../support/fixtures';

const before9 = migrations.filter((m) => m.version < 9);

async function fileAtVersion8(): Promise<string> {
  const file = path.join(tempDir(), 'casedesk.sqlite');
  const previous = openStore(file, { keys: testKeys(), migrations: before9 });
  previous.sqlite.exec(`
    INSERT INTO cases (id, kind, case_number, case_year, case_seq, status, title, received_on, received_by, created_at, updated_at)
    VALUES (1, 'legal_aid', '〔2026〕黎托援字第0001号', 2026, 1, 'received', '赡养费纠纷', '2026-11-20', '李娟', 't', 't');
    INSERT INTO parties (id, case_id, role, position, name, id_number) VALUES (7, 1, 'applicant', 0, '张秀英', '11010519491231002X');
    INSERT INTO parties (id, case_id, role, position, name) VALUES (9, 1, 'opposing', 0, '张建国');
  `);
  await previous.close();
  return file;
}

describe('migration 0009 (mediation)', () => {
  it('keeps every party row and id, admits the role party, and refuses other roles', async () => {
    const file = await fileAtVersion8();
    const store = openStore(file, { keys: testKeys() });
    expect(schemaVersion(store.sqlite)).toBe(migrations.at(-1)!.version);
    expect(store.sqlite.prepare('SELECT id, role, name, id_number FROM parties ORDER BY id').all()).toEqual([
      { id: 7, role: 'applicant', name: '张秀英', id_number: '11010519491231002X' },
      { id: 9, role: 'opposing', name: '张建国', id_number: '' },
    ]);
    store.sqlite.prepare(`INSERT INTO parties (case_id, role, position, name) VALUES (1, 'party', 0, '王建国')`).run();
    expect(() =>
      store.sqlite.prepare(`INSERT INTO parties (case_id, role, position, name) VALUES (1, 'witness', 0, '某')`).run(),
    ).toThrow(/CHECK/);
    const indexes = (
      store.sqlite
        .prepare(
          `SELECT name FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'parties' AND sql IS NOT NULL ORDER BY name`,
        )
        .all() as { name: string }[]
    ).map((r) => r.name);
    expect(indexes).toEqual(['parties_by_case', 'parties_by_id_number', 'parties_by_name_birth']);
    // The rebuilt table is audited like before.
    const triggers = (
      store.sqlite
        .prepare(
          `SELECT name FROM sqlite_schema WHERE type = 'trigger' AND tbl_name = 'parties' AND name GLOB 'audit_*' ORDER BY name`,
        )
        .all() as { name: string }[]
    ).map((r) => r.name);
    expect(triggers).toEqual(['audit_parties_delete', 'audit_parties_insert', 'audit_parties_update']);
    expect(store.sqlite.prepare(`SELECT count(*) AS n FROM audit_pending WHERE table_name = 'parties'`).get()).toEqual({
      n: 1,
    });
    expect(store.sqlite.pragma('foreign_key_check')).toEqual([]);
    await store.close();
  });

  it('seeds the dispute types and the default subsidy rates', async () => {
    const store = openStore(path.join(tempDir(), 'casedesk.sqlite'), { keys: testKeys() });
    expect(store.sqlite.prepare('SELECT count(*) AS n FROM mediation_dispute_types WHERE active = 1').get()).toEqual({
      n: 19,
    });
    expect(
      store.sqlite.prepare('SELECT effective_from, oral_fen, written_fen FROM mediation_subsidy_rates').all(),
    ).toEqual([{ effective_from: '2000-01-01', oral_fen: 5_000, written_fen: 10_000 }]);
    expect(() =>
      store.sqlite.prepare(`INSERT INTO mediation_subsidy_rates VALUES ('2026-01-01', 50.5, 100, '', '', '')`).run(),
    ).toThrow(/CHECK/);
    expect(() =>
      store.sqlite.prepare(`INSERT INTO mediation_subsidy_rates VALUES ('2026-01-01', -1, 100, '', '', '')`).run(),
    ).toThrow(/CHECK/);
    await store.close();
  });

  it('refuses to run after a table that references parties, leaving that table and the version as they were', async () => {
    const file = await fileAtVersion8();
    const referencing = {
      version: 9,
      name: 'references-parties',
      up: (db: Parameters<typeof mediation.up>[0]) =>
        db.exec('CREATE TABLE party_notes (party_id INTEGER REFERENCES parties (id) ON DELETE CASCADE)'),
    };
    const withReference = openStore(file, { keys: testKeys(), migrations: [...before9, referencing] });
    withReference.sqlite.exec(`INSERT INTO party_notes VALUES (7)`);
    await withReference.close();
    expect(() =>
      openStore(file, { keys: testKeys(), migrations: [...before9, referencing, { ...mediation, version: 10 }] }),
    ).toThrow(/must run before any table references parties \(found: party_notes\)/);
    const after = openStore(file, { keys: testKeys(), migrations: [...before9, referencing] });
    expect(schemaVersion(after.sqlite)).toBe(9);
    expect(after.sqlite.prepare('SELECT party_id FROM party_notes').all()).toEqual([{ party_id: 7 }]);
    await after.close();
  });
});
