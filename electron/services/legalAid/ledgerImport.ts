// 法律援助's part of a ledger import (electron/services/ledger/importWrite.ts): the applicant and the other side as
// parties, and the case's row of legal_aid_cases, for many cases at once (system/rowBatches.ts). What a ledger does
// not hold is 未登记 or blank, never invented.
import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema';
import { UNREGISTERED } from '../../../shared/ledger/ledgerRows';
import { partyRow } from '../cases/parties';
import type { ImportedCase } from '../../../shared/ledger/ledgerRows';
import { importedPartyFields } from '../ledger/importParties';
import { insertRows } from '../system/rowBatches';

export async function writeLegalAidLedgerRows(trx: Kysely<Database>, cases: readonly ImportedCase[]): Promise<void> {
  await insertRows(
    trx,
    'parties',
    cases.flatMap(({ caseId, plan }) => [
      ...plan.parties.map((p, i) =>
        partyRow(caseId, i === 0 ? 'applicant' : 'opposing', i, p.name, importedPartyFields(plan, p, i)),
      ),
      ...plan.others.map((p, i) => partyRow(caseId, 'opposing', plan.parties.length + i, p.name)),
    ]),
  );
  await insertRows(
    trx,
    'legal_aid_cases',
    cases.map(({ caseId, plan }) => {
      const t = plan.text;
      return {
        case_id: caseId,
        category: t.category ?? UNREGISTERED,
        service_form: t.serviceForm ?? UNREGISTERED,
        matter: t.matter ?? UNREGISTERED,
        proceeding_stage: '',
        handling_authority: '',
        facts: plan.note || UNREGISTERED,
        applicant_groups: '[]',
        household_size: null,
        monthly_income_per_capita_fen: null,
        finance_basis: UNREGISTERED,
        finance_exempt_reason: '',
        // A ledger records neither why a defendant applied nor an authority's notice: not registered, never invented.
        defence_ground: '',
        notice_authority: '',
        notice_document_number: '',
        notice_grounds: '[]',
      };
    }),
  );
}
