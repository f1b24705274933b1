// Migration 0015 and the high-water marks (db/highWater.ts): the exported tables' ids and the export sequence become
// AUTOINCREMENT with every row and id kept, so the id of a deleted newest row is never given again; the marks of a
// file are read from any schema version, and raising them only ever raises.
import { testKeys } from '../support/testKey';
import path from 'node:path';
import { highestOf, highWaterOf, raiseHighWater } from '../../db/highWater';
import { migrations } from '../../db/migrations';
import { openStore } from '../../db/open';
import { tempDir } from '../support/fixtures';

const before15 = migrations.filter((m) => m.version < 15);

describe('migration 0015 (ids never reused)', () => {
  it('keeps every row, id, index and trigger, and never gives the id of a deleted newest row again', async () => {
    const file = path.join(tempDir(), 'casedesk.sqlite');
    const old = openStore(file, { keys: testKeys(), migrations: before15 });
    old.sqlite.exec(`
      INSERT INTO cases (id, kind, case_number, case_year, case_seq, status, title, received_on, received_by, created_at, updated_at)
      VALUES (1, 'legal_aid', '〔2026〕黎托援字第0001号', 2026, 1, 'received', '追索劳动报酬', '2026-11-20', '李娟', 't', 't'),
             (7, 'legal_aid', '〔2026〕黎托援字第0007号', 2026, 7, 'received', '赡养费纠纷', '2026-11-20', '李娟', 't', 't');
      INSERT INTO parties (id, case_id, role, position, name, id_number) VALUES (40, 7, 'applicant', 0, '欧阳秀英', '11010519491231002X');
    `);
    const schemaOf = (s: typeof old) =>
      s.sqlite
        .prepare(
          `SELECT type, name FROM sqlite_schema WHERE type IN ('index', 'trigger') AND tbl_name IN ('cases', 'parties', 'dossier_overrides') ORDER BY name`,
        )
        .all();
    const dependents = schemaOf(old);
    await old.close();

    const store = openStore(file, { keys: testKeys() });
    try {
      expect(store.sqlite.prepare('SELECT id, case_number FROM cases ORDER BY id').all()).toEqual([
        { id: 1, case_number: '〔2026〕黎托援字第0001号' },
        { id: 7, case_number: '〔2026〕黎托援字第0007号' },
      ]);
      expect(store.sqlite.prepare('SELECT id, case_id, name FROM parties').all()).toEqual([
        { id: 40, case_id: 7, name: '欧阳秀英' },
      ]);
      expect(schemaOf(store)).toEqual(dependents);
      expect(store.sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
      expect(store.sqlite.pragma('foreign_key_check')).toEqual([]);
      // Append-only tables stay append-only.
      expect(
        store.sqlite
          .prepare(`SELECT count(*) FROM sqlite_schema WHERE name = 'dossier_overrides_no_update'`)
          .pluck()
          .get(),
      ).toBe(1);

      store.sqlite.prepare('DELETE FROM cases WHERE id = 7').run();
      const next = store.sqlite
        .prepare(
          `INSERT INTO cases (kind, case_number, case_year, case_seq, status, title, received_on, received_by, created_at, updated_at)
                  VALUES ('legal_aid', '〔2026〕黎托援字第0008号', 2026, 8, 'received', '工伤', '2026-11-21', '李娟', 't', 't') RETURNING id`,
        )
        .get() as { id: number };
      expect(next.id).toBe(8);
      expect(highWaterOf(store.sqlite).sequences).toMatchObject({ cases: 8, parties: 40 });
    } finally {
      await store.close();
    }
  });
});

describe('high-water marks', () => {
  it('are read from a file of any version, take the highest of every source, and are only ever raised', async () => {
    const file = path.join(tempDir(), 'casedesk.sqlite');
    const old = openStore(file, { keys: testKeys(), migrations: migrations.slice(0, 3) });
    old.sqlite.exec(`
      INSERT INTO cases (id, kind, case_number, case_year, case_seq, status, title, received_on, received_by, created_at, updated_at)
      VALUES (12, 'legal_aid', '〔2026〕黎托援字第0003号', 2026, 3, 'received', '追索劳动报酬', '2026-11-20', '李娟', 't', 't');
      INSERT INTO case_number_counters (kind, year, last_seq) VALUES ('legal_aid', 2026, 3);
    `);
    const marks = highWaterOf(old.sqlite);
    expect(marks).toMatchObject({
      sequences: { cases: 12, change_log: 0 },
      caseNumbers: [{ kind: 'legal_aid', year: 2026, lastSeq: 3 }],
    });
    await old.close();

    const highest = highestOf(
      marks,
      { sequences: { cases: 5, change_log: 90 }, caseNumbers: [{ kind: 'legal_aid', year: 2026, lastSeq: 9 }] },
      null,
    );
    expect(highest).toMatchObject({
      sequences: { cases: 12, change_log: 90 },
      caseNumbers: [{ kind: 'legal_aid', year: 2026, lastSeq: 9 }],
    });

    const store = openStore(file, { keys: testKeys() });
    try {
      store.sqlite.transaction(() => raiseHighWater(store.sqlite, highest))();
      expect(highWaterOf(store.sqlite)).toMatchObject({
        sequences: { cases: 12, change_log: 90 },
        caseNumbers: [{ kind: 'legal_aid', year: 2026, lastSeq: 9 }],
      });
      const lower = {
        sequences: { cases: 1, change_log: 1 },
        caseNumbers: [{ kind: 'legal_aid', year: 2026, lastSeq: 1 }],
      };
      expect(store.sqlite.transaction(() => raiseHighWater(store.sqlite, lower))()).toEqual([]);
      expect(highWaterOf(store.sqlite)).toMatchObject({
        sequences: { cases: 12, change_log: 90 },
        caseNumbers: [{ kind: 'legal_aid', year: 2026, lastSeq: 9 }],
      });
    } finally {
      await store.close();
    }
  });
});
