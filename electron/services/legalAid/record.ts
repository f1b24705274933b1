// 法律援助: an application read back as registered, and its search text (number, matter, people, authority, facts).
import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema';
import type { LegalAidCase } from '../../../shared/channels/legalAid';
import { AppError } from '../../../shared/errors';
import type { LegalAidApplication } from '../../../shared/kinds/legalAid/intake';
import type { LegalAidStatus } from '../../../shared/kinds/legalAid/lifecycle';
import { partiesOf, partyTerms } from '../cases/parties';
import { indexCaseText } from '../cases/search';

type Application = LegalAidApplication;

/** The case's search text, from the application as registered. */
export async function indexLegalAidCase(
  db: Kysely<Database>,
  id: number,
  caseNumber: string,
  app: Application,
): Promise<void> {
  const people = [app.applicant, ...(app.agent ? [app.agent] : []), ...app.opposingParties];
  const body = [
    caseNumber,
    app.matter,
    ...people.flatMap(partyTerms),
    app.handlingAuthority,
    app.notice?.authority ?? '',
    app.notice?.documentNumber ?? '',
    app.facts,
  ]
    .filter(Boolean)
    .join(' ');
  await indexCaseText(db, id, body);
}

/** Rebuilds a case's search text from what is stored (a case that came back in a recovery package). */
export async function reindexLegalAidCase(db: Kysely<Database>, id: number): Promise<void> {
  const stored = await getLegalAidCase(db, id);
  await indexLegalAidCase(db, id, stored.caseNumber, stored.application);
}

export async function getLegalAidCase(db: Kysely<Database>, id: number): Promise<LegalAidCase> {
  const row = await db
    .selectFrom('cases')
    .innerJoin('legal_aid_cases as l', 'l.case_id', 'cases.id')
    .selectAll('l')
    .select([
      'cases.id',
      'cases.case_number',
      'cases.status',
      'cases.received_on',
      'cases.received_by',
      'cases.created_at',
      'cases.updated_at',
    ])
    .where('cases.id', '=', id)
    .where('cases.kind', '=', 'legal_aid')
    .executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND', '案件不存在', 'id');
  const parties = await partiesOf(db, id);
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
        name: applicant.name,
        sex: applicant.sex as '男' | '女',
        ethnicity: applicant.ethnicity as Application['applicant']['ethnicity'],
        birthDate: applicant.birth_date,
        idType: applicant.id_type as Application['applicant']['idType'],
        idNumber: applicant.id_number,
        householdAddress: applicant.household_address,
        residence: applicant.residence,
        phone: applicant.phone,
        employer: applicant.employer,
        lacksCapacity: applicant.lacks_capacity === 1,
      },
      applicantGroups: JSON.parse(row.applicant_groups) as Application['applicantGroups'],
      agent: agent
        ? {
            name: agent.name,
            relation: agent.relation as NonNullable<Application['agent']>['relation'],
            idNumber: agent.id_number,
            phone: agent.phone,
          }
        : null,
      opposingParties: parties
        .filter((p) => p.role === 'opposing')
        .map((p) => ({ name: p.name, idNumber: p.id_number })),
      category: row.category as Application['category'],
      serviceForm: row.service_form as Application['serviceForm'],
      matter: row.matter,
      defenceGround: row.defence_ground as Application['defenceGround'],
      proceedingStage: row.proceeding_stage as Application['proceedingStage'],
      handlingAuthority: row.handling_authority,
      facts: row.facts,
      finance: {
        householdSize: row.household_size,
        monthlyIncomePerCapitaFen: row.monthly_income_per_capita_fen,
        basis: row.finance_basis as Application['finance']['basis'],
        exemptReason: row.finance_exempt_reason,
      },
      notice:
        row.notice_authority === ''
          ? null
          : {
              authority: row.notice_authority,
              documentNumber: row.notice_document_number,
              grounds: JSON.parse(row.notice_grounds) as NonNullable<Application['notice']>['grounds'],
            },
      receivedOn: row.received_on,
      receivedBy: row.received_by,
    },
  };
}
