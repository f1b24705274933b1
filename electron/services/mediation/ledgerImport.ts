// 人民调解's part of a ledger import (electron/services/ledger/importWrite.ts): every side of the dispute as a party
// with its mediation_parties row, and the case's row of mediation_cases. What a ledger does not hold is 未登记 or
// blank, never invented.
import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema';
import { UNREGISTERED, type RowPlan } from '../../../shared/ledger/ledgerRows';
import { partyRow } from '../cases/parties';
import { importedPartyFields } from '../ledger/importParties';

export async function writeMediationLedgerRow(trx: Kysely<Database>, caseId: number, plan: RowPlan): Promise<void> {
  const t = plan.text;
  const parties = await trx
    .insertInto('parties')
    .values(plan.parties.map((p, i) => partyRow(caseId, 'party', i, p.name, importedPartyFields(plan, p, i))))
    .returning(['id', 'position'])
    .execute();
  // RETURNING's order is not promised: each party's row found by its position.
  const idAt = new Map(parties.map((r) => [r.position, r.id]));
  await trx
    .insertInto('mediation_parties')
    .values(
      plan.parties.map((p, i) => ({
        party_id: idAt.get(i)!,
        party_kind: p.organisation ? ('organisation' as const) : ('person' as const),
        legal_representative: '',
      })),
    )
    .execute();
  await trx
    .insertInto('mediation_cases')
    .values({
      case_id: caseId,
      simple: 0,
      source: UNREGISTERED,
      source_detail: '',
      committee: t.committee ?? UNREGISTERED,
      dispute_type: t.disputeType ?? UNREGISTERED,
      summary: t.summary ?? UNREGISTERED,
      requests: '',
      amount_fen: plan.amountFen,
      people_count: plan.parties.length,
      major: 0,
      mass: 0,
      mediators: JSON.stringify(plan.mediators),
    })
    .execute();
}
