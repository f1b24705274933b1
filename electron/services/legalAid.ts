// 法律援助 cases: registering an application and reading it back.
import type { Kysely } from 'kysely';
import type { Database, NewParty } from '../../db/schema';
import { AppError } from '../../shared/errors';
import type { LegalAidCase } from '../../shared/contract';
import type { LegalAidApplication } from '../../shared/kinds/legalAid/intake';
import type { LegalAidStatus } from '../../shared/kinds/legalAid/options';
import { recordRegistration } from './caseActions';
import { recordDossierCheck } from './dossier';
import { takeCaseNumber } from './caseNumbers';
import { indexCaseText } from './caseSearch';
import type { Clock } from './clock';
import { requireOffice } from './office';

function searchBody(caseNumber: string, app: LegalAidApplication): string {
  const people = [app.applicant, ...(app.agent ? [app.agent] : []), ...app.opposingParties];
  return [
    caseNumber,
    app.matter,
    ...people.flatMap((p) => [p.name, p.idNumber, 'phone' in p ? p.phone : '']),
    app.handlingAuthority,
    app.facts,
  ]
    .filter(Boolean)
    .join(' ');
}

function partyRows(caseId: number, app: LegalAidApplication): NewParty[] {
  const blank = {
    sex: '', ethnicity: '', birth_date: '', id_type: '', id_number: '', household_address: '',
    residence: '', phone: '', employer: '', relation: '', lacks_capacity: 0,
  };
  const a = app.applicant;
  const rows: NewParty[] = [
    {
      ...blank, case_id: caseId, role: 'applicant', position: 0, name: a.name, sex: a.sex, ethnicity: a.ethnicity,
      birth_date: a.birthDate, id_type: a.idType, id_number: a.idNumber, household_address: a.householdAddress,
      residence: a.residence, phone: a.phone, employer: a.employer, lacks_capacity: a.lacksCapacity ? 1 : 0,
    },
  ];
  if (app.agent) {
    rows.push({
      ...blank, case_id: caseId, role: 'agent', position: 0, name: app.agent.name, relation: app.agent.relation,
      id_type: '居民身份证', id_number: app.agent.idNumber, phone: app.agent.phone,
    });
  }
  app.opposingParties.forEach((p, i) =>
    rows.push({ ...blank, case_id: caseId, role: 'opposing', position: i, name: p.name, id_number: p.idNumber }),
  );
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
  const office = await requireOffice(trx);
  if (draftId !== null) {
    const draft = await trx.selectFrom('drafts').select('id').where('id', '=', draftId).executeTakeFirst();
    if (!draft) throw new AppError('NOT_FOUND', '草稿不存在或已删除', 'draftId');
  }
  const year = Number(app.receivedOn.slice(0, 4));
  const { seq, caseNumber } = await takeCaseNumber(trx, 'legal_aid', year, office.caseNumberPrefix);
  const at = clock.now().toISOString();
  const status: LegalAidStatus = 'received';
  const { id } = await trx
    .insertInto('cases')
    .values({
      kind: 'legal_aid', case_number: caseNumber, case_year: year, case_seq: seq, status, title: app.matter,
      received_on: app.receivedOn, received_by: app.receivedBy, created_at: at, updated_at: at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await trx.insertInto('parties').values(partyRows(id, app)).execute();
  await trx
    .insertInto('legal_aid_cases')
    .values({
      case_id: id, category: app.category, service_form: app.serviceForm, matter: app.matter,
      proceeding_stage: app.proceedingStage, handling_authority: app.handlingAuthority, facts: app.facts,
      applicant_groups: JSON.stringify(app.applicantGroups), household_size: app.finance.householdSize,
      monthly_income_per_capita_fen: app.finance.monthlyIncomePerCapitaFen, finance_basis: app.finance.basis,
      finance_exempt_reason: app.finance.exemptReason,
    })
    .execute();
  await recordRegistration(trx, id, { status, receivedOn: app.receivedOn, by: app.receivedBy, clock });
  await recordDossierCheck(trx, id, clock); // every case is checked from the start: lists read the stored result
  await indexCaseText(trx, id, searchBody(caseNumber, app));
  if (draftId !== null) await trx.deleteFrom('drafts').where('id', '=', draftId).execute();
  return { id, caseNumber };
}

/** Rebuilds a case's search text from what is stored (a case that came back in a recovery package). */
export async function reindexLegalAidCase(db: Kysely<Database>, id: number): Promise<void> {
  const stored = await getLegalAidCase(db, id);
  await indexCaseText(db, id, searchBody(stored.caseNumber, stored.application));
}

export async function getLegalAidCase(db: Kysely<Database>, id: number): Promise<LegalAidCase> {
  const row = await db
    .selectFrom('cases')
    .innerJoin('legal_aid_cases as l', 'l.case_id', 'cases.id')
    .selectAll('l')
    .select(['cases.id', 'cases.case_number', 'cases.status', 'cases.received_on', 'cases.received_by', 'cases.created_at', 'cases.updated_at'])
    .where('cases.id', '=', id)
    .where('cases.kind', '=', 'legal_aid')
    .executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND', '案件不存在', 'id');
  const parties = await db.selectFrom('parties').selectAll().where('case_id', '=', id).orderBy('role').orderBy('position').execute();
  const applicant = parties.find((p) => p.role === 'applicant');
  if (!applicant) throw new AppError('INTERNAL', '案件缺少申请人记录');
  const agent = parties.find((p) => p.role === 'agent');
  return {
    id: row.id,
    caseNumber: row.case_number,
    status: row.status as LegalAidStatus,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    application: {
      applicant: {
        name: applicant.name, sex: applicant.sex as '男' | '女',
        ethnicity: applicant.ethnicity as LegalAidApplication['applicant']['ethnicity'], birthDate: applicant.birth_date,
        idType: applicant.id_type as LegalAidApplication['applicant']['idType'], idNumber: applicant.id_number,
        householdAddress: applicant.household_address, residence: applicant.residence, phone: applicant.phone,
        employer: applicant.employer, lacksCapacity: applicant.lacks_capacity === 1,
      },
      applicantGroups: JSON.parse(row.applicant_groups) as LegalAidApplication['applicantGroups'],
      agent: agent
        ? { name: agent.name, relation: agent.relation as NonNullable<LegalAidApplication['agent']>['relation'], idNumber: agent.id_number, phone: agent.phone }
        : null,
      opposingParties: parties.filter((p) => p.role === 'opposing').map((p) => ({ name: p.name, idNumber: p.id_number })),
      category: row.category as LegalAidApplication['category'],
      serviceForm: row.service_form as LegalAidApplication['serviceForm'],
      matter: row.matter,
      proceedingStage: row.proceeding_stage as LegalAidApplication['proceedingStage'],
      handlingAuthority: row.handling_authority,
      facts: row.facts,
      finance: {
        householdSize: row.household_size,
        monthlyIncomePerCapitaFen: row.monthly_income_per_capita_fen,
        basis: row.finance_basis as LegalAidApplication['finance']['basis'],
        exemptReason: row.finance_exempt_reason,
      },
      receivedOn: row.received_on,
      receivedBy: row.received_by,
    },
  };
}
