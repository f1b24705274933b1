// Every change to an audited table is captured by triggers into audit_pending, in the statement's own
// transaction, so no write can escape the audit log. The dispatcher then moves the pending rows into the
// hash-chained audit_log with who, when and which channel (electron/services/audit.ts).
import type BetterSqlite3 from 'better-sqlite3-multiple-ciphers';

/** Tables whose rows are derived, transient or the audit itself. */
const NOT_AUDITED = new Set(['audit_pending', 'audit_log', 'drafts', 'case_search_text', 'case_number_counters']);

/** Columns whose values never enter the log. */
const REDACTED_COLUMNS = new Set(['password_hash']);

interface Column {
  name: string;
  pk: number;
}

const q = (name: string) => `"${name.replace(/"/g, '""')}"`;
const lit = (s: string) => `'${s.replace(/'/g, "''")}'`;

function jsonOf(row: 'NEW' | 'OLD', columns: Column[]): string {
  const pairs = columns.map((c) =>
    REDACTED_COLUMNS.has(c.name) ? `${lit(c.name)}, '***'` : `${lit(c.name)}, ${row}.${q(c.name)}`,
  );
  return `json_object(${pairs.join(', ')})`;
}

function keyOf(row: 'NEW' | 'OLD', columns: Column[], withoutRowid: boolean): string {
  if (!withoutRowid) return `CAST(${row}.rowid AS TEXT)`;
  const pk = columns.filter((c) => c.pk > 0).sort((a, b) => a.pk - b.pk);
  return `json_array(${pk.map((c) => `${row}.${q(c.name)}`).join(', ')})`;
}

function auditedTables(db: BetterSqlite3.Database): { name: string; withoutRowid: boolean }[] {
  const rows = db
    .prepare(
      `SELECT name, sql FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND sql NOT LIKE 'CREATE VIRTUAL%'`,
    )
    .all() as { name: string; sql: string }[];
  const shadow = new Set(
    (
      db.prepare(`SELECT name FROM sqlite_schema WHERE type = 'table' AND sql LIKE 'CREATE VIRTUAL%'`).all() as {
        name: string;
      }[]
    ).map((r) => r.name),
  );
  return rows
    .filter((r) => !NOT_AUDITED.has(r.name) && ![...shadow].some((v) => r.name.startsWith(`${v}_`)))
    .map((r) => ({ name: r.name, withoutRowid: /WITHOUT\s+ROWID\s*;?\s*$/i.test(r.sql) }));
}

/** (Re)creates the insert, update and delete triggers of every audited table from its current columns. */
export function installAuditTriggers(db: BetterSqlite3.Database): void {
  for (const { name, withoutRowid } of auditedTables(db)) {
    const columns = db.prepare(`SELECT name, pk FROM pragma_table_info(?)`).all(name) as Column[];
    const changed = columns.map((c) => `OLD.${q(c.name)} IS NOT NEW.${q(c.name)}`).join(' OR ');
    const insert = (op: string, key: string, before: string, after: string) =>
      `INSERT INTO audit_pending (table_name, row_key, op, before, after) VALUES (${lit(name)}, ${key}, '${op}', ${before}, ${after});`;
    db.exec(`
      DROP TRIGGER IF EXISTS ${q(`audit_${name}_insert`)};
      DROP TRIGGER IF EXISTS ${q(`audit_${name}_update`)};
      DROP TRIGGER IF EXISTS ${q(`audit_${name}_delete`)};
      CREATE TRIGGER ${q(`audit_${name}_insert`)} AFTER INSERT ON ${q(name)} BEGIN
        ${insert('insert', keyOf('NEW', columns, withoutRowid), 'NULL', jsonOf('NEW', columns))}
      END;
      CREATE TRIGGER ${q(`audit_${name}_update`)} AFTER UPDATE ON ${q(name)} WHEN ${changed} BEGIN
        ${insert('update', keyOf('NEW', columns, withoutRowid), jsonOf('OLD', columns), jsonOf('NEW', columns))}
      END;
      CREATE TRIGGER ${q(`audit_${name}_delete`)} AFTER DELETE ON ${q(name)} BEGIN
        ${insert('delete', keyOf('OLD', columns, withoutRowid), jsonOf('OLD', columns), 'NULL')}
      END;
    `);
  }
}
