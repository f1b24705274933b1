// 公证申请's part of a ledger import (electron/services/ledger/importWrite.ts): the applicants as parties with their
// notarization_parties rows, and the request with the matter as the catalogue has it, for many cases at once
// (system/rowBatches.ts). What a ledger does not hold is 未登记 or blank, never invented: a row without 使用地 has
// 未登记 as its scope too, not 国内.
import type { Kysely, Selectable } from 'kysely';
import type { Database, NotarizationMatterTable } from '../../../db/schema';
import { UNREGISTERED } from '../../../shared/ledger/ledgerRows';
import { partyRow } from '../cases/parties';
import type { ImportedCase } from '../../../shared/ledger/ledgerRows';
import { importedPartyFields } from '../ledger/importParties';
import { insertRows } from '../system/rowBatches';

export async function writeNotarizationLedgerRows(
  trx: Kysely<Database>,
  cases: readonly ImportedCase[],
): Promise<void> {
  const parties = await insertRows(
    trx,
    'parties',
    cases.flatMap(({ caseId, plan }) =>
      plan.parties.map((p, i) => partyRow(caseId, 'applicant', i, p.name, importedPartyFields(plan, p, i))),
    ),
    ['id', 'case_id', 'position'],
  );
  // RETURNING's order is not promised: each party's row found by its case and position.
  const idAt = new Map(parties.map((r) => [`${r.case_id}:${r.position}`, r.id]));
  await insertRows(
    trx,
    'notarization_parties',
    cases.flatMap(({ caseId, plan }) =>
      plan.parties.map((p, i) => ({
        party_id: idAt.get(`${caseId}:${i}`)!,
        party_kind: p.organisation ? ('organisation' as const) : ('person' as const),
        legal_representative: '',
        agent_kind: '',
        power_of_attorney: 0,
      })),
    ),
  );
  // The catalogue's matters, each read once however many rows name it.
  const codes = [...new Set(cases.map((c) => c.plan.matterCode))];
  const matters = new Map<string, Selectable<NotarizationMatterTable>>();
  for (const code of codes) {
    const matter = await trx
      .selectFrom('notarization_matters')
      .selectAll()
      .where('code', '=', code)
      .executeTakeFirstOrThrow();
    matters.set(code, matter);
  }
  await insertRows(
    trx,
    'notarization_requests',
    cases.map(({ caseId, plan }) => {
      const t = plan.text;
      const matter = matters.get(plan.matterCode)!;
      return {
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
      };
    }),
  );
}
