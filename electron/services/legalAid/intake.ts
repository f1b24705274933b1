// 法律援助: registering an application — the case number, the case, its parties, its details, the first timeline
// entry, the dossier's first check, the search index, and the draft it came from removed, in one transaction.
import type { Kysely } from 'kysely';
import type { Database, NewParty } from '../../../db/schema';
import type { LegalAidApplication } from '../../../shared/kinds/legalAid/intake';
import type { LegalAidStatus } from '../../../shared/kinds/legalAid/lifecycle';
import { removeRegisteredDraft, requireDraft } from '../cases/drafts';
import { partyRow } from '../cases/parties';
import { completeRegistration, openCase } from '../cases/registration';
import type { Clock } from '../system/clock';
import { requireOffice } from '../system/office';
import { indexLegalAidCase } from './record';

function partyRows(caseId: number, app: LegalAidApplication): NewParty[] {
  const a = app.applicant;
  const rows: NewParty[] = [
    partyRow(caseId, 'applicant', 0, a.name, {
      sex: a.sex,
      ethnicity: a.ethnicity,
      birth_date: a.birthDate,
      id_type: a.idType,
      id_number: a.idNumber,
      household_address: a.householdAddress,
      residence: a.residence,
      phone: a.phone,
      employer: a.employer,
      lacks_capacity: a.lacksCapacity ? 1 : 0,
    }),
  ];
  if (app.agent) {
    const { name, relation, idNumber, phone } = app.agent;
    rows.push(partyRow(caseId, 'agent', 0, name, { relation, id_type: '居民身份证', id_number: idNumber, phone }));
  }
  app.opposingParties.forEach((p, i) => rows.push(partyRow(caseId, 'opposing', i, p.name, { id_number: p.idNumber })));
  return rows;
}

/**
 * Registers an application: case number, case, parties, details, search index, and the draft it came from
 * removed. Runs inside the caller's transaction (the dispatcher's, for the legalAid.create channel).
 */
export async function createLegalAidCase(
  trx: Kysely<Database>,
  app: LegalAidApplication,
  { draftId, clock }: { draftId: number | null; clock: Clock },
): Promise<{ id: number; caseNumber: string }> {
  await requireOffice(trx);
  if (draftId !== null) await requireDraft(trx, draftId);
  // 通知辩护 (第36条) skips the application review: the case waits for the assignment from the day of the notice.
  const status: LegalAidStatus = app.notice ? 'notified' : 'received';
  const registered = { title: app.matter, status, receivedOn: app.receivedOn, receivedBy: app.receivedBy };
  const { id, caseNumber } = await openCase(trx, 'legal_aid', registered, clock);
  await trx.insertInto('parties').values(partyRows(id, app)).execute();
  await trx
    .insertInto('legal_aid_cases')
    .values({
      case_id: id,
      category: app.category,
      service_form: app.serviceForm,
      matter: app.matter,
      defence_ground: app.defenceGround,
      proceeding_stage: app.proceedingStage,
      handling_authority: app.handlingAuthority,
      facts: app.facts,
      applicant_groups: JSON.stringify(app.applicantGroups),
      household_size: app.finance.householdSize,
      monthly_income_per_capita_fen: app.finance.monthlyIncomePerCapitaFen,
      finance_basis: app.finance.basis,
      finance_exempt_reason: app.finance.exemptReason,
      notice_authority: app.notice?.authority ?? '',
      notice_document_number: app.notice?.documentNumber ?? '',
      notice_grounds: JSON.stringify(app.notice?.grounds ?? []),
    })
    .execute();
  await completeRegistration(trx, id, registered, clock);
  await indexLegalAidCase(trx, id, caseNumber, app);
  await removeRegisteredDraft(trx, draftId);
  return { id, caseNumber };
}
