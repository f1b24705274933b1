// A ledger's party as a row of `parties`, for each kind's import (electron/services/<kind>/ledgerImport.ts): what the
// ID number says (sex, birth date, the kind of number), and the ledger's phone and address for the first party only
// (a ledger keeps one of each per row).
import type { NewParty } from '../../../db/schema';
import type { LedgerParty, RowPlan } from '../../../shared/ledger/ledgerRows';
import { CREDIT_CODE_ID_TYPE, idTypeOf } from '../cases/parties';

export function importedPartyFields(plan: RowPlan, p: LedgerParty, position: number): Partial<NewParty> {
  return {
    sex: p.sex,
    birth_date: p.birthDate,
    id_type: p.organisation ? CREDIT_CODE_ID_TYPE : idTypeOf(p.idNumber),
    id_number: p.idNumber,
    phone: position === 0 ? plan.phone : '',
    residence: position === 0 ? plan.address : '',
  };
}
