// The registry of the printed ledgers (台账导出): each kind's layout (shared/kinds/<kind>/ledgerExport.ts) under its
// kind, closed over its own facts. The workbook and the CLI look a kind's ledger up here; typed Record<CaseKind, …>,
// so a new kind without a ledger does not compile.
import { LEGAL_AID_LEDGER } from '../kinds/legalAid/ledgerExport';
import { MEDIATION_LEDGER } from '../kinds/mediation/ledgerExport';
import { NOTARIZATION_LEDGER } from '../kinds/notarization/ledgerExport';
import type { CaseKind } from '../options';
import { ledgerSheet, type LedgerSheet } from './exportLayout';

const LEDGER_SHEETS: Record<CaseKind, LedgerSheet> = {
  legal_aid: ledgerSheet(LEGAL_AID_LEDGER),
  mediation: ledgerSheet(MEDIATION_LEDGER),
  notarization: ledgerSheet(NOTARIZATION_LEDGER),
};

export function ledgerSheetOf(kind: CaseKind): LedgerSheet {
  return LEDGER_SHEETS[kind];
}

/** The years a ledger may be asked for: from the first the app can hold to the present one. */
export const LEDGER_FIRST_YEAR = 2000;
