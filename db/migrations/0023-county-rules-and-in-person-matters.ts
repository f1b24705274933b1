import { IN_PERSON_MATTERS } from '../../shared/kinds/notarization/matters';
import type { Migration } from './migration';

/**
 * The county's mediation rules (shared/kinds/mediation/countyRules.ts) as the bureau set them, or as its
 * configuration package brought them: one row. No row means the rules that ship (extension allowed).
 *
 * And the in-person matters of 公证程序规则 第11条 the first catalogue lacked (遗赠扶养协议、认领亲子、解除收养关系、
 * 保证; shared/kinds/notarization/matters.ts), flagged in person only, placed before 其他. A matter the office
 * already has under the same code or name (a bureau may have added it by hand) is left as it is.
 */
export const countyRulesAndInPersonMatters: Migration = {
  version: 23,
  name: 'county-rules-and-in-person-matters',
  up(db) {
    db.exec(`
      CREATE TABLE mediation_rules (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        extension_allowed INTEGER NOT NULL CHECK (extension_allowed IN (0, 1)),
        updated_by TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
    `);
    const known = db.prepare('SELECT 1 FROM notarization_matters WHERE code = ? OR name = ?');
    const added = IN_PERSON_MATTERS.filter((m) => known.get(m.code, m.name) === undefined);
    const other = db.prepare(`SELECT position FROM notarization_matters WHERE code = 'other'`).get() as
      { position: number } | undefined;
    const last = (db.prepare('SELECT max(position) AS p FROM notarization_matters').get() as { p: number | null }).p;
    // Before 其他 when it is still there: it and what follows it move down to make room.
    const first = other ? other.position : (last ?? 0) + 1;
    if (other) {
      db.prepare('UPDATE notarization_matters SET position = position + ? WHERE position >= ?').run(
        added.length,
        first,
      );
    }
    const insert = db.prepare(
      `INSERT INTO notarization_matters (code, position, name, category, required_materials, one_visit, in_person_only, active, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, 1, ?)`,
    );
    added.forEach((m, i) =>
      insert.run(
        m.code,
        first + i,
        m.name,
        m.category,
        JSON.stringify(m.requiredMaterials),
        m.oneVisit ? 1 : 0,
        m.inPersonOnly ? 1 : 0,
        // A fixed timestamp: the same in every file, whenever it was migrated.
        '2026-12-07T00:00:00.000Z',
      ),
    );
  },
};
