// Opening an existing data file as the app starts: identity and version check, pragmas, migrations (none due),
// the handler map and dispatcher; then closing it.
import BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import { CASEDESK_APPLICATION_ID } from '../../../db/open';
import { applyKey } from '../../../db/dataKey';
import { openBackend } from '../../../electron/backend';
import { BENCH_KEY, benchKeys } from '../benchKey';
import type { Measurement } from '../measurement';
import { schemaVersion } from '../dataset';

export const openDataFile: Measurement = {
  id: 'open',
  label: 'open an existing data file (and close it)',
  runs: 20,
  warmup: 2,
  target: {},
  async prepare({ homeFile }) {
    const latest = schemaVersion();
    return {
      app: async () => {
        const backend = openBackend({ dataFile: homeFile, shell: 'preview', keys: benchKeys() });
        await backend.close();
      },
      raw: () => {
        const sqlite = new BetterSqlite3(homeFile);
        applyKey(sqlite, BENCH_KEY);
        if (sqlite.pragma('application_id', { simple: true }) !== CASEDESK_APPLICATION_ID)
          throw new Error('not a CaseDesk file');
        if (sqlite.pragma('user_version', { simple: true }) !== latest) throw new Error('not up to date');
        sqlite.pragma('journal_mode = WAL');
        sqlite.pragma('synchronous = FULL');
        sqlite.pragma('foreign_keys = ON');
        sqlite.pragma('busy_timeout = 5000');
        sqlite.close();
      },
    };
  },
};
