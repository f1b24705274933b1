// 人民调解's part of a ledger import (electron/services/ledger/importWrite.ts): every side of the dispute as a party
// with its mediation_parties row, and the case's row of mediation_cases, for many cases at once
// (system/rowBatches.ts). What a ledger does not hold is 未登记 or blank, never invented.
import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema';
import { UNREGISTERED } from '../../../shared/ledger/ledgerRows';
import { partyRow } from '../cases/parties';
import type { ImportedCase } from '../../../shared/ledger/ledgerRows';
import { importedPartyFields } from '../ledger/importParties';
import { insertRows } from '../system/rowBatches';

export async function writeMediationLedgerRows(trx: Kysely<Database>, cases: readonly ImportedCase[]): Promise<void> {
  const parties = await insertRows(
    trx,
    'parties',
    cases.flatMap(({ caseId, plan }) =>
      plan.parties.map((p, i) => partyRow(caseId, 'party', i, p.name, importedPartyFields(plan, p, i))),
    ),
    ['id', 'case_id', 'position'],
  );
  // RETURNING's order is not promised: each party's row found by its case and position.
  const idAt = new Map(parties.map((r) => [`${r.case_id}:${r.position}`, r.id]));
  await insertRows(
    trx,
    'mediation_parties',
    cases.flatMap(({ caseId, plan }) =>
      plan.parties.map((p, i) => ({
        party_id: idAt.get(`${caseId}:${i}`)!,
        party_kind: p.organisation ? ('organisation' as const) : ('person' as const),
        legal_representative: '',
      })),
    ),
  );
  await insertRows(
    trx,
    'mediation_cases',
    cases.map(({ caseId, plan }) => {
      const t = plan.text;
      return {
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
      };
    }),
  );
}
