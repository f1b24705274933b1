// The registry of the kinds' services: what each kind's service (electron/services/<kind>/index.ts) answers for code
// that crosses kinds and needs more than the kind's shared rules (shared/kinds/) — who handles a case, for the
// dossier's cover; the kind's own rows of a case an old ledger brings in (台账导入). Each kind's handlers use its own
// service directly. Adding a kind is its folder and one line here.
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import type { ImportedCase } from '../../shared/ledger/ledgerRows';
import type { CaseKind } from '../../shared/options';
import { LEGAL_AID_SERVICE } from './legalAid';
import { MEDIATION_SERVICE } from './mediation';
import { NOTARIZATION_SERVICE } from './notarization';

export interface KindService {
  /** Who handles the case, for the dossier's cover; null: whoever received it. */
  handlerOf(db: Kysely<Database>, caseId: number): Promise<string | null>;
  /**
   * Writes the kind's own rows of the cases a ledger import made (their parties and detail rows), in `trx`, each
   * table's rows in the cases' order and in a few statements (system/rowBatches.ts).
   */
  writeLedgerRows(trx: Kysely<Database>, cases: readonly ImportedCase[]): Promise<void>;
}

const SERVICES = {
  legal_aid: LEGAL_AID_SERVICE,
  mediation: MEDIATION_SERVICE,
  notarization: NOTARIZATION_SERVICE,
} satisfies Record<CaseKind, KindService>;

export const kindServiceOf = (kind: CaseKind): KindService => SERVICES[kind];
