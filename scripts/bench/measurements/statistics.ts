// The office's periodic report (统计报表) for one month, as the clerk opens it before the monthly export.
import { officeStatistics } from '../../../electron/services/statistics/office';
import { addDays } from '../../../shared/calendar';
import { parsePeriod } from '../../../shared/statistics/period';
import { ALL_KINDS, FINISHED_STATUSES as FINISHED } from '../../../shared/kinds';
import type { Measurement } from '../measurement';

/** How long before the range a finished case's last step can still count in it (electron/services/statistics/office.ts). */
const PAYMENT_LAG_DAYS = 92;

export const officeReport: Measurement = {
  id: 'statistics.month',
  label: 'office statistics, one month (year to date)',
  runs: 10,
  warmup: 1,
  target: {},
  async prepare({ home, today }) {
    const periodKey = today.slice(0, 7);
    const period = parsePeriod(periodKey);
    if (!period) throw new Error(`no period ${periodKey}`);
    const { from, to } = period.yearToDate;
    const since = addDays(from, -PAYMENT_LAG_DAYS);
    // The floor: the rows the report's facts are read from (officeCaseFacts), as plain statements.
    const selected = `SELECT id FROM cases WHERE received_on <= ? AND (status NOT IN (${FINISHED.map(() => '?').join(', ')})
      OR EXISTS (SELECT 1 FROM case_actions a WHERE a.case_id = cases.id AND a.acted_on >= ?))`;
    const params = [to, ...FINISHED, since];
    const statements = [
      `SELECT id, kind, case_number, status, received_on FROM cases WHERE id IN (${selected}) ORDER BY id`,
      `SELECT id, case_id, action, acted_on, data, from_status, to_status FROM case_actions WHERE case_id IN (${selected}) ORDER BY case_id, id`,
      // Each kind's own rows, the columns it names (shared/kinds/<kind>/detail.ts).
      ...ALL_KINDS.map(
        ({ detail }) =>
          `SELECT case_id, ${detail.columns.join(', ')} FROM ${detail.table} WHERE case_id IN (${selected})`,
      ),
      `SELECT case_id, action FROM dossier_overrides WHERE case_id IN (${selected})`,
    ].map((sql) => home.store.sqlite.prepare(sql));
    const first = await officeStatistics(home.store.db, periodKey, today);
    return {
      app: () => officeStatistics(home.store.db, periodKey, today),
      raw: () => {
        for (const s of statements)
          for (const row of s.all(...params) as { data?: string }[]) if (row.data) JSON.parse(row.data);
      },
      note: `period ${periodKey}, ${first.caseCount} cases counted`,
    };
  },
};
