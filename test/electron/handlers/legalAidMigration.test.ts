// Migration 0017 (legal-aid grounds and notices): applications registered before it read back correctly — a
// criminal application as a defence on financial difficulty (how it was reviewed), others with no ground.
import path from 'node:path';
import { migrations } from '../../../db/migrations';
import { openStore, schemaVersion } from '../../../db/open';
import { tempDir } from '../../support/fixtures';
import { testKeys } from '../../support/testKey';

const before17 = migrations.filter((m) => m.version < 17);

async function fileAtVersion16(): Promise<string> {
  const file = path.join(tempDir(), 'casedesk.sqlite');
  const previous = openStore(file, { keys: testKeys(), migrations: before17 });
  previous.sqlite.exec(`
    INSERT INTO cases (id, kind, case_number, case_year, case_seq, status, title, received_on, received_by, created_at, updated_at)
    VALUES (1, 'legal_aid', '〔2026〕黎托援字第0001号', 2026, 1, 'received', '涉嫌盗窃罪', '2026-11-20', '李娟', 't', 't'),
           (2, 'legal_aid', '〔2026〕黎托援字第0002号', 2026, 2, 'received', '赡养费纠纷', '2026-11-20', '李娟', 't', 't');
    INSERT INTO legal_aid_cases (case_id, category, service_form, matter, proceeding_stage, handling_authority, facts,
      applicant_groups, household_size, monthly_income_per_capita_fen, finance_basis, finance_exempt_reason)
    VALUES (1, '刑事', '刑事辩护与代理', '涉嫌盗窃罪', '侦查', '雨花区公安分局', '无力委托辩护人', '[]', 3, 50000, '承诺', ''),
           (2, '民事', '其他', '赡养费纠纷', '', '', '子女不付赡养费', '[]', 1, 85050, '承诺', '');
  `);
  await previous.close();
  return file;
}

describe('migration 0017 (legal-aid grounds and notices)', () => {
  it('reads an existing criminal application as a defence on financial difficulty, and others without a ground', async () => {
    const file = await fileAtVersion16();
    const store = openStore(file, { keys: testKeys() });
    expect(schemaVersion(store.sqlite)).toBe(migrations.at(-1)!.version);
    expect(store.sqlite.prepare('SELECT case_id, defence_ground FROM legal_aid_cases ORDER BY case_id').all()).toEqual([
      { case_id: 1, defence_ground: '经济困难' },
      { case_id: 2, defence_ground: '' },
    ]);
    expect(() =>
      store.sqlite.prepare(`UPDATE legal_aid_cases SET defence_ground = '没钱' WHERE case_id = 1`).run(),
    ).toThrow(/CHECK/);
    await store.close();
  });
});
