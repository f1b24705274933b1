// 公证申请's service as the registry of kinds' services sees it (electron/services/kinds.ts): a request is handled by
// whoever received it at the liaison point; its rows of a case an old ledger brings in.
import { writeNotarizationLedgerRows } from './ledgerImport';

export const NOTARIZATION_SERVICE = {
  writeLedgerRows: writeNotarizationLedgerRows,
  handlerOf: async (): Promise<string | null> => null,
};
