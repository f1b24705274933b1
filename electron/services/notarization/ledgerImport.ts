// 公证申请's part of a ledger import (electron/services/ledger/importWrite.ts): the applicants as parties with their
// notarization_parties rows, and the request with the matter as the catalogue has it. What a ledger does not hold
// is 未登记 or blank, never invented: a row without 使用地 has 未登记 as its scope too, not 国内.
import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema';
import { UNREGISTERED, type RowPlan } from '../../../shared/ledger/ledgerRows';
import { partyRow } from '../cases/parties';
import { importedPartyFields } from '../ledger/importParties';

export async function writeNotarizationLedgerRow(trx: Kysely<Database>, caseId: number, plan: RowPlan): Promise<void> {
  const t = plan.text;
  const parties = await trx
    .insertInto('parties')
    .values(plan.parties.map((p, i) => partyRow(caseId, 'applicant', i, p.name, importedPartyFields(plan, p, i))))
    .returning(['id', 'position'])
    .execute();
  // RETURNING's order is not promised: each party's row found by its position.
  const idAt = new Map(parties.map((r) => [r.position, r.id]));
  await trx
    .insertInto('notarization_parties')
    .values(
      plan.parties.map((p, i) => ({
        party_id: idAt.get(i)!,
        party_kind: p.organisation ? ('organisation' as const) : ('person' as const),
        legal_representative: '',
        agent_kind: '',
        power_of_attorney: 0,
      })),
    )
    .execute();
  const matter = await trx
    .selectFrom('notarization_matters')
    .selectAll()
    .where('code', '=', plan.matterCode)
    .executeTakeFirstOrThrow();
  await trx
    .insertInto('notarization_requests')
    .values({
      case_id: caseId,
      matter_code: matter.code,
      matter_name: matter.name,
      matter_category: matter.category,
      required_materials: matter.required_materials,
      one_visit: matter.one_visit,
      purpose: t.purpose ?? UNREGISTERED,
      place_of_use: t.placeOfUse ?? UNREGISTERED,
      use_scope: plan.useScope,
      copies: plan.copies,
      needs_translation: 0,
      translation_language: '',
      pickup_on: '',
      fee_fen: 0,
    })
    .execute();
}
