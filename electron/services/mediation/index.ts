// 人民调解's service as the registry of kinds' services sees it (electron/services/kinds.ts): who handles a case —
// its mediators; its rows of a case an old ledger brings in.
import { writeMediationLedgerRows } from './ledgerImport';
import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema';

export const MEDIATION_SERVICE = {
  writeLedgerRows: writeMediationLedgerRows,
  async handlerOf(db: Kysely<Database>, caseId: number): Promise<string | null> {
    const m = await db
      .selectFrom('mediation_cases')
      .select('mediators')
      .where('case_id', '=', caseId)
      .executeTakeFirst();
    const names = m ? (JSON.parse(m.mediators) as string[]) : [];
    return names.length ? names.join('、') : null;
  },
};
