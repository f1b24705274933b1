import { lacksClosingFollowUp, withClosingFollowUp } from '../../shared/dossier/rules/closingFollowUp';
import type { DossierRuleSet } from '../../shared/dossier/ruleSet';
import type { Migration } from './migration';

/**
 * The county's follow-up rules (回访要求, shared/followUp/rules.ts) as the bureau set them, or as its configuration
 * package brought them: one row, JSON checked by the rules' zod schema when saved. No row means the rules that ship
 * with the program. The follow-ups themselves are case actions (`followUp` in case_actions): no table of their own.
 *
 * And the next version of the shipped dossier rules, in which a closing follow-up record stands for legal aid's
 * 受援人意见反馈表 (shared/dossier/rules/closingFollowUp.ts) — only over the shipped set: a bureau's own set is its
 * to change.
 */
export const followUpRules: Migration = {
  version: 19,
  name: 'follow-up-rules',
  up(db) {
    db.exec(`
      CREATE TABLE follow_up_rules (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        rules TEXT NOT NULL CHECK (json_valid(rules)),
        updated_by TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
    `);
    const latest = db
      .prepare('SELECT version, installed_by, rules FROM dossier_rule_sets ORDER BY version DESC LIMIT 1')
      .get() as { version: number; installed_by: string; rules: string } | undefined;
    if (!latest || latest.installed_by !== SHIPPED_BY) return;
    const set = JSON.parse(latest.rules) as DossierRuleSet;
    if (!lacksClosingFollowUp(set)) return;
    const next = withClosingFollowUp(set);
    // A fixed timestamp, as for the first shipped set: the same in every file, whenever it was migrated.
    db.prepare(
      `INSERT INTO dossier_rule_sets (version, name, rules, installed_at, installed_by) VALUES (?, ?, ?, ?, ?)`,
    ).run(next.version, next.name, JSON.stringify(next), '2026-12-07T00:00:00.000Z', SHIPPED_BY);
  },
};

const SHIPPED_BY = '随程序提供';
