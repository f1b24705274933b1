// A legal-aid case after intake: every action checked (the lifecycle's rules, the date, the payload against the
// case) and taken through the engine (caseActions.takeAction), inside the dispatcher's transaction; what may be done
// now; the eligibility verdict and its overrides; the statutory time limits.
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { Database } from '../../db/schema';
import type { SessionUser } from '../../shared/accounts';
import { daysBetween } from '../../shared/calendar';
import type { EligibilityReport, LegalAidActionResult, LegalAidProgress, RosterSuggestion } from '../../shared/channels/legalAidLifecycle';
import type { DeadlineRuleOverrides } from '../../shared/deadlines';
import { formatChineseDate } from '../../shared/dates';
import { AppError } from '../../shared/errors';
import type {
  archiveSchema,
  assignSchema,
  closeSchema,
  decideSchema,
  deemWithdrawnSchema,
  notifyMissingSchema,
  ORG_TYPES,
  objectSchema,
  provideProvisionallySchema,
  recordProgressSchema,
  recordSubsidySchema,
  reviewObjectionSchema,
  supplyMaterialsSchema,
  terminateSchema,
} from '../../shared/kinds/legalAid/actions';
import {
  assessEligibility,
  expertiseFor,
  inferMatterType,
  matterTypeProblem,
  PROVISIONAL_DAYS,
  type EligibilityOverride,
  type EligibilityPart,
  type MandatoryDefenceGround,
  type MatterType,
} from '../../shared/kinds/legalAid/eligibility';
import {
  availableLegalAidActions,
  legalAidActionProblem,
  legalAidDeadlinesOf,
  legalAidFacts,
  legalAidLifecycle,
  type LegalAidAction,
  type LegalAidDeadline,
  type LegalAidFacts,
} from '../../shared/kinds/legalAid/lifecycle';
import { LEGAL_AID_STATUS_LABELS, type LegalAidStatus } from '../../shared/kinds/legalAid/options';
import { actionDateProblem } from '../../shared/lifecycle';
import { caseState, caseTimeline, takeAction } from './caseActions';
import type { Clock } from './clock';
import { recordDossierCheck, requireCompleteDossier } from './dossier';
import { holidayTableOf } from './holidayCalendar';
import { getLegalAidCase } from './legalAid';
import { recordAssignment, requireRosterEntry, suggestFromRoster } from './roster';

/** Each action's parsed input: the case, the date, and the action's own fields. */
export interface LegalAidActionInputs {
  notifyMissing: z.output<typeof notifyMissingSchema>;
  supplyMaterials: z.output<typeof supplyMaterialsSchema>;
  deemWithdrawn: z.output<typeof deemWithdrawnSchema>;
  decide: z.output<typeof decideSchema>;
  provideProvisionally: z.output<typeof provideProvisionallySchema>;
  assign: z.output<typeof assignSchema>;
  recordProgress: z.output<typeof recordProgressSchema>;
  terminate: z.output<typeof terminateSchema>;
  close: z.output<typeof closeSchema>;
  object: z.output<typeof objectSchema>;
  reviewObjection: z.output<typeof reviewObjectionSchema>;
  recordSubsidy: z.output<typeof recordSubsidySchema>;
  archive: z.output<typeof archiveSchema>;
}

/** The label of each action's date field, for messages about the date. */
const DATE_LABELS: Record<LegalAidAction, string> = {
  notifyMissing: '告知日期',
  supplyMaterials: '补齐日期',
  deemWithdrawn: '视为撤回日期',
  decide: '决定日期',
  provideProvisionally: '先行提供日期',
  assign: '指派日期',
  recordProgress: '进展日期',
  terminate: '终止日期',
  close: '结案日期',
  object: '异议日期',
  reviewObjection: '审查日期',
  recordSubsidy: '结案审查日期',
  archive: '归档日期',
};

export async function legalAidFactsOf(db: Kysely<Database>, caseId: number): Promise<LegalAidFacts> {
  const state = await caseState(db, caseId, 'legal_aid');
  const { received_on } = await db.selectFrom('cases').select('received_on').where('id', '=', caseId).executeTakeFirstOrThrow();
  return legalAidFacts(received_on, state.status as LegalAidStatus, await caseTimeline(db, caseId));
}

function refuse(field: string, label: string, problem: string): never {
  throw new AppError('VALIDATION', `${label}：${problem}`, field);
}

type Payload<A extends LegalAidAction> = Omit<LegalAidActionInputs[A], 'caseId' | 'actedOn'>;

/**
 * The rules that need the case: dates against the case's own dates, the roster entry, the 事项类型 against the
 * category. Returns the data the timeline records (the payload, plus what the service adds).
 */
async function checkedData<A extends LegalAidAction>(
  db: Kysely<Database>,
  action: A,
  payload: Payload<A>,
  ctx: { caseId: number; actedOn: string; facts: LegalAidFacts; today: string; clock: Clock },
): Promise<Record<string, unknown>> {
  const { actedOn, facts, today } = ctx;
  const p = payload as Record<string, unknown>;
  switch (action) {
    case 'notifyMissing': {
      const { dueOn } = payload as Payload<'notifyMissing'>;
      if (dueOn <= actedOn) refuse('dueOn', '补充期限', '应晚于告知日期');
      return p;
    }
    case 'deemWithdrawn': {
      const dueOn = facts.materials!.dueOn;
      if (actedOn <= dueOn) refuse('actedOn', DATE_LABELS.deemWithdrawn, `须在补充期限（${formatChineseDate(dueOn)}）届满之后`);
      return p;
    }
    case 'decide': {
      const { matterType, mandatoryDefenceGrounds } = payload as Payload<'decide'>;
      const { category } = await db.selectFrom('legal_aid_cases').select('category').where('case_id', '=', ctx.caseId).executeTakeFirstOrThrow();
      const problem = matterTypeProblem(category as Parameters<typeof matterTypeProblem>[0], matterType);
      if (problem) refuse('matterType', '事项类型', problem);
      if (mandatoryDefenceGrounds.length > 0 && matterType !== '刑事辩护') refuse('mandatoryDefenceGrounds', '通知辩护情形', '仅刑事辩护可以选择');
      return p;
    }
    case 'provideProvisionally': {
      const { ground, limitEndsOn } = payload as Payload<'provideProvisionally'>;
      if (ground === '距法定时效或者期限届满不足七日') {
        const left = daysBetween(actedOn, limitEndsOn);
        if (left < 0) refuse('limitEndsOn', '时效或期限届满日', '不能早于先行提供日期');
        if (left >= PROVISIONAL_DAYS) refuse('limitEndsOn', '时效或期限届满日', `距先行提供日期还有${left}日，不足七日方可以此为由先行提供（法律援助法第44条）`);
      }
      return p;
    }
    case 'assign': {
      const a = payload as Payload<'assign'>;
      if (a.rosterId !== null) {
        const entry = await requireRosterEntry(db, a.rosterId, 'rosterId');
        if (!entry.active) refuse('rosterId', '名册人员', '已不在册');
        if (entry.orgType !== a.orgType || entry.orgName !== a.orgName || entry.personName !== a.personName) {
          refuse('rosterId', '名册人员', `与所填承办机构或承办人员不一致（名册：${entry.orgName} ${entry.personName}）`);
        }
      }
      await recordAssignment(db, { caseId: ctx.caseId, ...a, assignedOn: actedOn }, ctx.clock);
      return p;
    }
    case 'recordProgress': {
      const { matterEndedOn } = payload as Payload<'recordProgress'>;
      if (matterEndedOn) {
        if (matterEndedOn > actedOn) refuse('matterEndedOn', '事项办结日期', '不能晚于进展日期');
        if (facts.assignment && matterEndedOn < facts.assignment.on) refuse('matterEndedOn', '事项办结日期', `不能早于指派日期（${formatChineseDate(facts.assignment.on)}）`);
      }
      return p;
    }
    case 'close': {
      const { matterEndedOn, materialsSubmittedOn } = payload as Payload<'close'>;
      if (matterEndedOn > actedOn) refuse('matterEndedOn', '事项办结日期', '不能晚于结案日期');
      if (facts.assignment && matterEndedOn < facts.assignment.on) refuse('matterEndedOn', '事项办结日期', `不能早于指派日期（${formatChineseDate(facts.assignment.on)}）`);
      if (materialsSubmittedOn < matterEndedOn) refuse('materialsSubmittedOn', '结案材料提交日期', '不能早于事项办结日期');
      if (materialsSubmittedOn > actedOn) refuse('materialsSubmittedOn', '结案材料提交日期', '不能晚于结案日期');
      return p;
    }
    case 'object':
      return { ...p, against: facts.status };
    case 'reviewObjection': {
      const open = facts.objections.findLast((o) => o.review === null)!;
      const restores: LegalAidStatus = open.against === 'refused' ? 'granted' : (facts.termination?.statusBefore ?? 'assigned');
      return { ...p, against: open.against, restores };
    }
    case 'recordSubsidy': {
      const { paidOn } = payload as Payload<'recordSubsidy'>;
      if (paidOn < actedOn) refuse('paidOn', '补贴发放日期', '不能早于结案审查日期');
      if (paidOn > today) refuse('paidOn', '补贴发放日期', '不能晚于今天');
      return p;
    }
    default:
      return p;
  }
}

/** Checks and takes one action on a legal-aid case; answers with the new status and what may be done next. */
export async function takeLegalAidAction<A extends LegalAidAction>(
  db: Kysely<Database>,
  action: A,
  input: LegalAidActionInputs[A],
  { user, clock }: { user: SessionUser; clock: Clock },
): Promise<LegalAidActionResult> {
  const { caseId, actedOn, ...payload } = input;
  const today = clock.today();
  const facts = await legalAidFactsOf(db, caseId);
  const problem = legalAidActionProblem(facts, action, today);
  if (problem) throw new AppError('CONFLICT', problem, 'action');
  const dateProblem = actionDateProblem(actedOn, facts.lastActedOn, today);
  if (dateProblem) refuse('actedOn', DATE_LABELS[action], dateProblem);
  const data = await checkedData(db, action, payload as Payload<A>, { caseId, actedOn, facts, today, clock });
  if (action === 'close' || action === 'archive') await requireCompleteDossier(db, caseId, action);
  const status = await takeAction(db, legalAidLifecycle, 'legal_aid', { caseId, action, actedOn, data }, { user, clock });
  await recordDossierCheck(db, caseId, clock);
  const after = await legalAidFactsOf(db, caseId);
  return { caseId, status, statusLabel: LEGAL_AID_STATUS_LABELS[status], available: availableLegalAidActions(after, today) };
}

export async function legalAidProgress(db: Kysely<Database>, caseId: number, today: string): Promise<LegalAidProgress> {
  const facts = await legalAidFactsOf(db, caseId);
  return { caseId, status: facts.status, statusLabel: LEGAL_AID_STATUS_LABELS[facts.status], available: availableLegalAidActions(facts, today), facts };
}

/** Every statutory limit of the case on `today` (the cross-kind dashboard builds on this). */
export async function legalAidDeadlines(db: Kysely<Database>, caseId: number, today: string, rules?: DeadlineRuleOverrides): Promise<LegalAidDeadline[]> {
  return legalAidDeadlinesOf(await legalAidFactsOf(db, caseId), today, rules, await holidayTableOf(db));
}

export interface EligibilityQuery {
  caseId: number;
  matterType: MatterType | null;
  mandatoryDefenceGrounds: MandatoryDefenceGround[] | null;
  limitEndsOn: string | null;
  urgentPreservation: boolean | null;
}

async function overridesOf(db: Kysely<Database>, caseId: number): Promise<EligibilityOverride[]> {
  const rows = await db.selectFrom('legal_aid_eligibility_overrides').selectAll().where('case_id', '=', caseId).orderBy('id').execute();
  return rows.map((r) => ({
    id: r.id, part: r.part as EligibilityPart, conclusion: r.conclusion as EligibilityOverride['conclusion'], reason: r.reason,
    username: r.username, recordedAt: r.recorded_at,
  }));
}

/**
 * The verdict for a case: what the query gives, else what the case records (the decision's 事项类型 and 通知辩护
 * grounds, the provisional aid's dates, judged on the day it was provided), else what can be inferred.
 */
export async function legalAidEligibility(db: Kysely<Database>, query: EligibilityQuery, today: string): Promise<EligibilityReport> {
  const facts = await legalAidFactsOf(db, query.caseId);
  const { application: app } = await getLegalAidCase(db, query.caseId);
  const recordedLimit = facts.provisional && facts.provisional.limitEndsOn ? facts.provisional.limitEndsOn : null;
  const recordedUrgent = facts.provisional?.ground === '需要立即申请财产保全、证据保全或者先予执行';
  const givenProvisional = (query.limitEndsOn !== null && query.limitEndsOn !== '') || query.urgentPreservation !== null;
  const verdict = assessEligibility({
    category: app.category,
    matter: app.matter,
    applicantGroups: app.applicantGroups,
    applicantBirthDate: app.applicant.birthDate,
    receivedOn: app.receivedOn,
    lacksCapacity: app.applicant.lacksCapacity,
    financeBasis: app.finance.basis,
    matterType: query.matterType ?? facts.decision?.matterType ?? null,
    matterTypeSource: query.matterType !== null ? 'given' : facts.decision ? 'recorded' : null,
    mandatoryDefenceGrounds: query.mandatoryDefenceGrounds ?? facts.decision?.mandatoryDefenceGrounds ?? [],
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
      case_id: input.caseId, part: input.part, conclusion: input.conclusion, reason: input.reason,
      user_id: user.id > 0 ? user.id : null, username: user.displayName, recorded_at: at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id, part: input.part, conclusion: input.conclusion, reason: input.reason, username: user.displayName, recordedAt: at };
}


/** Whom to assign the case to: the roster's rotation among those whose expertise fits the case's 事项类型. */
export async function rosterSuggestionForCase(
  db: Kysely<Database>,
  caseId: number,
  orgType: (typeof ORG_TYPES)[number] | null,
): Promise<RosterSuggestion> {
  const facts = await legalAidFactsOf(db, caseId);
  const { application } = await getLegalAidCase(db, caseId);
  const type = facts.decision?.matterType ?? inferMatterType(application.category, application.matter);
  return suggestFromRoster(db, { expertise: type ? expertiseFor(type) : null, orgType });
}
