// 公证申请: registering a request — the rules again against the office's today, the matter against the catalogue
// (active, and 须本人亲自申办 when it says so), then the case number, case, applicants and agent, details, first
// timeline entry, the dossier's first check and the search index, and the draft it came from removed, in one
// transaction.
import type { Kysely } from 'kysely';
import type { Database, NewParty } from '../../../db/schema';
import {
  NOTARIZATION_LABELS,
  checkNotarizationRequest,
  useScopeOf,
  type NotarizationApplicant,
  type NotarizationRequest,
} from '../../../shared/kinds/notarization/intake';
import type { NotarizationStatus } from '../../../shared/kinds/notarization/lifecycle';
import { IN_PERSON_SOURCE } from '../../../shared/kinds/notarization/matters';
import { refuseIssues } from '../../../shared/validation';
import { removeRegisteredDraft, requireDraft } from '../cases/drafts';
import { CREDIT_CODE_ID_TYPE, insertParty, partyRow } from '../cases/parties';
import { completeRegistration, openCase } from '../cases/registration';
import type { Clock } from '../system/clock';
import { requireOffice } from '../system/office';
import { toMatter } from './matters';
import { indexNotarization } from './record';

const BLANK_DETAIL = { legal_representative: '', agent_kind: '', power_of_attorney: 0 };

function applicantRow(caseId: number, a: NotarizationApplicant, position: number): NewParty {
  return a.kind === 'person'
    ? partyRow(caseId, 'applicant', position, a.name, {
        sex: a.sex,
        birth_date: a.birthDate,
        id_type: a.idType,
        id_number: a.idNumber,
        residence: a.address,
        phone: a.phone,
      })
    : partyRow(caseId, 'applicant', position, a.name, {
        id_type: CREDIT_CODE_ID_TYPE,
        id_number: a.creditCode,
        phone: a.phone,
      });
}

/**
 * Registers a request: the rules again against the office's today, the matter against the catalogue, then the
 * case number, case, parties, details, first timeline entry and search index, and the draft it came from removed.
 */
export async function createNotarizationCase(
  trx: Kysely<Database>,
  req: NotarizationRequest,
  { draftId, clock }: { draftId: number | null; clock: Clock },
): Promise<{ id: number; caseNumber: string }> {
  await requireOffice(trx);
  const issues = checkNotarizationRequest(req, clock.today());
  if (issues.length > 0) refuseIssues(issues, NOTARIZATION_LABELS, ['request']);
  if (draftId !== null) await requireDraft(trx, draftId);
  const matterRow = await trx
    .selectFrom('notarization_matters')
    .selectAll()
    .where('code', '=', req.matterCode)
    .executeTakeFirst();
  if (!matterRow || matterRow.active !== 1)
    refuseIssues([{ path: ['matterCode'], message: '不在公证事项目录中或已停用' }], NOTARIZATION_LABELS, ['request']);
  const matter = toMatter(matterRow);
  if (matter.inPersonOnly && req.agent?.kind === '委托代理人') {
    const message = `${matter.name}公证须由申请人本人亲自申办，不能委托他人代理（${IN_PERSON_SOURCE}）`;
    refuseIssues([{ path: ['agent'], message }], NOTARIZATION_LABELS, ['request']);
  }

  const status: NotarizationStatus = 'received';
  const registered = { title: `${matter.name}公证`, status, receivedOn: req.receivedOn, receivedBy: req.receivedBy };
  const { id, caseNumber } = await openCase(trx, 'notarization', registered, clock);

  for (const [i, a] of req.applicants.entries()) {
    const partyId = await insertParty(trx, applicantRow(id, a, i));
    const legalRepresentative = a.kind === 'organisation' ? a.legalRepresentative : '';
    await trx
      .insertInto('notarization_parties')
      .values({ ...BLANK_DETAIL, party_id: partyId, party_kind: a.kind, legal_representative: legalRepresentative })
      .execute();
  }
  if (req.agent) {
    const { name, idNumber, phone, kind, powerOfAttorney } = req.agent;
    const partyId = await insertParty(
      trx,
      partyRow(id, 'agent', 0, name, { id_type: '居民身份证', id_number: idNumber, phone }),
    );
    await trx
      .insertInto('notarization_parties')
      .values({
        ...BLANK_DETAIL,
        party_id: partyId,
        party_kind: 'person',
        agent_kind: kind,
        power_of_attorney: powerOfAttorney ? 1 : 0,
      })
      .execute();
  }
  await trx
    .insertInto('notarization_requests')
    .values({
      case_id: id,
      matter_code: matter.code,
      matter_name: matter.name,
      matter_category: matter.category,
      required_materials: JSON.stringify(matter.requiredMaterials),
      one_visit: matter.oneVisit ? 1 : 0,
      purpose: req.purpose,
      place_of_use: req.placeOfUse,
      use_scope: useScopeOf(req.placeOfUse),
      copies: req.copies,
      needs_translation: req.needsTranslation ? 1 : 0,
      translation_language: req.translationLanguage,
      pickup_on: req.pickupOn,
      fee_fen: req.feeFen,
    })
    .execute();
  await completeRegistration(trx, id, registered, clock);
  await indexNotarization(trx, id);
  await removeRegisteredDraft(trx, draftId);
  return { id, caseNumber };
}
