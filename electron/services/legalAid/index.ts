// 法律援助's service as the registry of kinds' services sees it (electron/services/kinds.ts): who handles a case — the
// person it was last assigned to; its rows of a case an old ledger brings in.
import { writeLegalAidLedgerRows } from './ledgerImport';
import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema';

export const LEGAL_AID_SERVICE = {
  writeLedgerRows: writeLegalAidLedgerRows,
  async handlerOf(db: Kysely<Database>, caseId: number): Promise<string | null> {
    const a = await db
      .selectFrom('legal_aid_assignments')
      .select('person_name')
      .where('case_id', '=', caseId)
      .orderBy('id', 'desc')
      .executeTakeFirst();
    return a?.person_name ?? null;
  },
};
