// Migration 0024 widens 公证申请's use_scope to take 未登记 (rebuilding the table), sets 未登记 where an imported
// ledger row said nothing and 国内 had been stored, and writes the 历史导入 records made before it, and the corrected
// requests, to the change log so that the next export to the bureau carries them.
import path from 'node:path';
import { migrations } from '../../db/migrations';
import { openStore, schemaVersion } from '../../db/open';
import { tempDir } from '../support/fixtures';
import { testKeys } from '../support/testKey';

const before24 = migrations.filter((m) => m.version < 24);
const SHA = 'a'.repeat(64);

async function fileAtVersion23(): Promise<string> {
  const file = path.join(tempDir(), 'casedesk.sqlite');
  const previous = openStore(file, { keys: testKeys(), migrations: before24 });
  previous.sqlite.exec(`
    INSERT INTO cases (id, kind, case_number, case_year, case_seq, status, title, received_on, received_by, created_at, updated_at)
    VALUES (1, 'notarization', '〔2023〕黎托公字第0001号', 2023, 1, 'delivered', '委托公证', '2023-04-03', '未登记', 't', 't'),
           (2, 'notarization', '〔2026〕黎托公字第0001号', 2026, 1, 'received', '委托公证', '2026-11-20', '李娟', 't', 't');
    INSERT INTO notarization_requests (case_id, matter_code, matter_name, matter_category, required_materials, one_visit,
      purpose, place_of_use, use_scope, copies, needs_translation, translation_language, pickup_on, fee_fen)
    VALUES (1, 'entrustment', '委托', '民事', '[]', 0, '未登记', '未登记', '国内', 1, 0, '', '', 0),
           (2, 'entrustment', '委托', '民事', '[]', 0, '办理房产过户', '国内', '国内', 1, 0, '', '', 0);
    INSERT INTO ledger_import_rows (case_id, file_sha256, file_name, sheet, row_number, ledger_number, imported_at, imported_by)
    VALUES (1, '${SHA}', '公证申请登记簿.xlsx', '台账', 3, '', '2026-11-21T00:00:00.000Z', 'admin');
  `);
  await previous.close();
  return file;
}

describe('migration 0024 (historical dossiers, 未登记 use)', () => {
  it('stores 未登记 for an imported request that said nothing, keeps the others, and logs both changes for export', async () => {
    const file = await fileAtVersion23();
    const store = openStore(file, { keys: testKeys() });
    try {
      expect(schemaVersion(store.sqlite)).toBe(migrations.at(-1)!.version);
      expect(
        store.sqlite.prepare('SELECT case_id, use_scope FROM notarization_requests ORDER BY case_id').all(),
      ).toEqual([
        { case_id: 1, use_scope: '未登记' },
        { case_id: 2, use_scope: '国内' },
      ]);
      expect(() =>
        store.sqlite.prepare(`UPDATE notarization_requests SET use_scope = '外地' WHERE case_id = 2`).run(),
      ).toThrow(/CHECK/);
      const logged = store.sqlite
        .prepare(
          `SELECT table_name, row_key, data FROM change_log WHERE table_name IN ('notarization_requests', 'ledger_import_rows') AND row_key = '1' ORDER BY seq DESC`,
        )
        .all() as { table_name: string; row_key: string; data: string }[];
      const latest = new Map(
        logged.reverse().map((r) => [r.table_name, JSON.parse(r.data) as Record<string, unknown>]),
      );
      expect(latest.get('notarization_requests')).toMatchObject({
        case_id: 1,
        use_scope: '未登记',
        place_of_use: '未登记',
      });
      expect(latest.get('ledger_import_rows')).toEqual({
        case_id: 1,
        file_sha256: SHA,
        file_name: '公证申请登记簿.xlsx',
        sheet: '台账',
        row_number: 3,
        ledger_number: '',
        imported_at: '2026-11-21T00:00:00.000Z',
        imported_by: 'admin',
      });
      const indexes = store.sqlite
        .prepare(
          `SELECT name FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'notarization_requests' AND sql IS NOT NULL`,
        )
        .all();
      expect(indexes).toEqual([{ name: 'notarization_requests_by_matter' }]);
      expect(store.sqlite.pragma('foreign_key_check')).toEqual([]);
    } finally {
      await store.close();
    }
  });
});
