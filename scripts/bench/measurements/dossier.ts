// Dossier completeness (卷宗材料是否齐全): of one open case, as its page shows it, and of every open case, as the
// dashboard's list of incomplete dossiers counts them.
import type BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import { dossierCompleteness } from '../../../electron/services/dossier/checklist';
import type { Measurement } from '../measurement';

const CASES_PER_BATCH = 500;

/**
 * The floor: the rows the check reads, as plain statements — each case's recorded check, and for a case whose
 * check is not current the facts it is evaluated from (details, agents, timeline, materials). The rule evaluation
 * itself is left out.
 */
function rawCompleteness(sqlite: BetterSqlite3.Database, which: 'open' | 'one') {
  const ruleSet = sqlite.prepare('SELECT max(version) FROM dossier_rule_sets').pluck();
  const checks = sqlite.prepare(
    `SELECT cases.id, cases.status, d.rule_set_version, d.missing_count, d.missing
     FROM cases LEFT JOIN dossier_checks AS d ON d.case_id = cases.id
     WHERE ${which === 'open' ? "cases.status != 'archived'" : 'cases.id = ?'} ORDER BY cases.id`,
  );
  const inList = (n: number) => Array.from({ length: n }, () => '?').join(', ');
  const factsStatements = new Map<number, BetterSqlite3.Statement[]>();
  const factsOf = (ids: number[]) => {
    let statements = factsStatements.get(ids.length);
    if (!statements) {
      const list = inList(ids.length);
      statements = [
        `SELECT id, kind, status, received_on FROM cases WHERE id IN (${list})`,
        `SELECT case_id, category, finance_basis FROM legal_aid_cases WHERE case_id IN (${list})`,
        `SELECT case_id, source, simple FROM mediation_cases WHERE case_id IN (${list})`,
        `SELECT case_id, matter_code, required_materials FROM notarization_requests WHERE case_id IN (${list})`,
        `SELECT case_id FROM parties WHERE role = 'agent' AND case_id IN (${list})`,
        `SELECT * FROM case_actions WHERE case_id IN (${list}) ORDER BY case_id, id`,
        `SELECT case_id, item_key, received_on, pages, form, note FROM dossier_materials WHERE case_id IN (${list})`,
      ].map((sql) => sqlite.prepare(sql));
      factsStatements.set(ids.length, statements);
    }
    for (const s of statements) {
      for (const row of s.all(...ids) as { data?: string }[]) if (row.data) JSON.parse(row.data);
    }
  };
  return (caseId?: number) => {
    const version = ruleSet.get() as number;
    const rows = (which === 'open' ? checks.all() : checks.all(caseId)) as {
      id: number;
      status: string;
      rule_set_version: number | null;
      missing_count: number | null;
      missing: string | null;
    }[];
    const unchecked: number[] = [];
    for (const r of rows) {
      const current = r.rule_set_version !== null && (r.rule_set_version === version || r.status === 'archived');
      if (current && r.missing !== null && r.missing_count !== null) {
        if (r.missing_count > 0) JSON.parse(r.missing);
      } else unchecked.push(r.id);
    }
    for (let i = 0; i < unchecked.length; i += CASES_PER_BATCH) factsOf(unchecked.slice(i, i + CASES_PER_BATCH));
    return rows.length;
  };
}

export const dossierOne: Measurement = {
  id: 'dossier.one',
  label: 'dossier completeness, one open case',
  runs: 60,
  warmup: 5,
  target: {},
  async prepare({ home }) {
    const sqlite = home.store.sqlite;
    const open = sqlite
      .prepare("SELECT id FROM cases WHERE status != 'archived' ORDER BY id")
      .pluck()
      .all() as number[];
    const caseId = open[Math.floor(open.length / 2)];
    if (caseId === undefined) throw new Error('the bench data has no open case');
    const raw = rawCompleteness(sqlite, 'one');
    const [first] = await dossierCompleteness(home.store.db, [caseId]);
    return {
      app: () => dossierCompleteness(home.store.db, [caseId]),
      raw: () => raw(caseId),
      note: `case ${caseId}: ${first ? `${first.missingCount} item(s) missing` : 'not evaluated'}`,
    };
  },
};

export const dossierAllOpen: Measurement = {
  id: 'dossier.allOpen',
  label: 'dossier completeness, all open cases',
  runs: 10,
  warmup: 1,
  target: { p95Ms: 1000 },
  async prepare({ home }) {
    const raw = rawCompleteness(home.store.sqlite, 'open');
    const first = await dossierCompleteness(home.store.db, 'open');
    return {
      app: () => dossierCompleteness(home.store.db, 'open'),
      raw: () => raw(),
      note: `${first.length} open cases, ${first.filter((c) => c.missingCount > 0).length} incomplete`,
    };
  },
};
