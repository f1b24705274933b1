// 法律援助: the eligibility verdict for a case (what the case records, or what the clerk tries before deciding) and a
// director's overrides of its parts, with their written reasons.
import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema';
import type { SessionUser } from '../../../shared/accounts';
import type { EligibilityReport } from '../../../shared/channels/legalAid';
import {
  assessEligibility,
  MANDATORY_DEFENCE_GROUNDS,
  type EligibilityOverride,
  type EligibilityPart,
  type MandatoryDefenceGround,
  type MatterType,
} from '../../../shared/kinds/legalAid/eligibility';
import { caseState } from '../cases/facts';
import type { Clock } from '../system/clock';
import { legalAidFactsOf } from './deadlines';
import { getLegalAidCase } from './record';

export interface EligibilityQuery {
  caseId: number;
  matterType: MatterType | null;
  mandatoryDefenceGrounds: MandatoryDefenceGround[] | null;
  limitEndsOn: string | null;
  urgentPreservation: boolean | null;
}

async function overridesOf(db: Kysely<Database>, caseId: number): Promise<EligibilityOverride[]> {
  const rows = await db
    .selectFrom('legal_aid_eligibility_overrides')
    .selectAll()
    .where('case_id', '=', caseId)
    .orderBy('id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    part: r.part as EligibilityPart,
    conclusion: r.conclusion as EligibilityOverride['conclusion'],
    reason: r.reason,
    username: r.username,
    recordedAt: r.recorded_at,
  }));
}

/**
 * The verdict for a case: what the query gives, else what the case records (the decision's 事项类型 and 通知辩护
 * grounds, the provisional aid's dates, judged on the day it was provided), else what can be inferred.
 */
export async function legalAidEligibility(
  db: Kysely<Database>,
  query: EligibilityQuery,
  today: string,
): Promise<EligibilityReport> {
  const facts = await legalAidFactsOf(db, query.caseId);
  const { application: app } = await getLegalAidCase(db, query.caseId);
  const recordedLimit = facts.provisional && facts.provisional.limitEndsOn ? facts.provisional.limitEndsOn : null;
  const recordedUrgent = facts.provisional?.ground === '需要立即申请财产保全、证据保全或者先予执行';
  const givenProvisional =
    (query.limitEndsOn !== null && query.limitEndsOn !== '') || query.urgentPreservation !== null;
  const verdict = assessEligibility({
    category: app.category,
    matter: app.matter,
    applicantGroups: app.applicantGroups,
    applicantBirthDate: app.applicant.birthDate,
    receivedOn: app.receivedOn,
    lacksCapacity: app.applicant.lacksCapacity,
    financeBasis: app.finance.basis,
    defenceGround: app.defenceGround,
    notified: app.notice !== null,
    matterType: query.matterType ?? facts.decision?.matterType ?? null,
    matterTypeSource: query.matterType !== null ? 'given' : facts.decision ? 'recorded' : null,
    mandatoryDefenceGrounds:
      query.mandatoryDefenceGrounds ??
      facts.decision?.mandatoryDefenceGrounds ??
      app.notice?.grounds.filter((g): g is MandatoryDefenceGround =>
        (MANDATORY_DEFENCE_GROUNDS as readonly string[]).includes(g),
      ) ??
      [],
    limitEndsOn: givenProvisional ? query.limitEndsOn || null : recordedLimit,
    urgentPreservation: givenProvisional ? (query.urgentPreservation ?? false) : recordedUrgent,
    on: givenProvisional || !facts.provisional ? today : facts.provisional.on,
  });
  const overrides = await overridesOf(db, query.caseId);
  const overridden: EligibilityReport['overridden'] = {};
  for (const o of overrides) overridden[o.part] = o;
  return { ...verdict, caseId: query.caseId, overrides, overridden };
}

/** A director's or administrator's override of one part of the verdict, with the written reason. */
export async function overrideEligibility(
  db: Kysely<Database>,
  user: SessionUser,
  input: { caseId: number; part: EligibilityPart; conclusion: EligibilityOverride['conclusion']; reason: string },
  clock: Clock,
): Promise<EligibilityOverride> {
  await caseState(db, input.caseId, 'legal_aid');
  const at = clock.now().toISOString();
  const { id } = await db
    .insertInto('legal_aid_eligibility_overrides')
    .values({
      case_id: input.caseId,
      part: input.part,
      conclusion: input.conclusion,
      reason: input.reason,
      user_id: user.id > 0 ? user.id : null,
      username: user.displayName,
      recorded_at: at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return {
    id,
    part: input.part,
    conclusion: input.conclusion,
    reason: input.reason,
    username: user.displayName,
    recordedAt: at,
  };
}
