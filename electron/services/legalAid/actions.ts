// 法律援助: what each action does besides the timeline entry the lifecycle driver (electron/services/cases/actions.ts)
// writes — its checks against the case (its dates, its roster entry, the 事项类型 against the category) and its
// writes (an assignment) — and what every action answers: the status now and what may be done next.
import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema';
import type { LegalAidActionResult, LegalAidProgress } from '../../../shared/channels/legalAid';
import { daysBetween } from '../../../shared/calendar';
import { formatChineseDate } from '../../../shared/dates';
import { AppError } from '../../../shared/errors';
import { LEGAL_AID } from '../../../shared/kinds/legalAid';
import type { LegalAidActionInputs } from '../../../shared/kinds/legalAid/actions';
import { matterTypeProblem, PROVISIONAL_DAYS } from '../../../shared/kinds/legalAid/eligibility';
import {
  availableActions,
  LEGAL_AID_STATUS_LABELS,
  type LegalAidAction,
  type LegalAidFacts,
  type LegalAidStatus,
} from '../../../shared/kinds/legalAid/lifecycle';
import type { ActionContext, KindActions } from '../cases/actions';
import { recordFollowUp } from '../followUp/record';
import { legalAidFactsOf } from './deadlines';
import { recordAssignment, requireRosterEntry } from './roster';

/** An action's payload: its own fields, without the case and the date. */
type Payloads = { [A in LegalAidAction]: Omit<LegalAidActionInputs[A], 'caseId' | 'actedOn'> };
type Effect<A extends LegalAidAction> = (
  payload: Payloads[A],
  context: ActionContext<LegalAidFacts>,
) => Promise<Record<string, unknown>>;

function refuse(field: string, label: string, problem: string): never {
  throw new AppError('VALIDATION', `${label}：${problem}`, field);
}

const notifyMissing: Effect<'notifyMissing'> = async (p, { actedOn }) => {
  if (p.dueOn <= actedOn) refuse('dueOn', '补充期限', '应晚于告知日期');
  return p;
};

const deemWithdrawn: Effect<'deemWithdrawn'> = async (p, { actedOn, facts }) => {
  const dueOn = facts.materials!.dueOn;
  if (actedOn <= dueOn)
    refuse(
      'actedOn',
      LEGAL_AID.actions.deemWithdrawn.labels.actedOn!,
      `须在补充期限（${formatChineseDate(dueOn)}）届满之后`,
    );
  return p;
};

const decide: Effect<'decide'> = async (p, { db, caseId }) => {
  const { category } = await db
    .selectFrom('legal_aid_cases')
    .select('category')
    .where('case_id', '=', caseId)
    .executeTakeFirstOrThrow();
  const problem = matterTypeProblem(category as Parameters<typeof matterTypeProblem>[0], p.matterType);
  if (problem) refuse('matterType', '事项类型', problem);
  if (p.mandatoryDefenceGrounds.length > 0 && p.matterType !== '刑事辩护')
    refuse('mandatoryDefenceGrounds', '通知辩护情形', '仅刑事辩护可以选择');
  return p;
};

const provideProvisionally: Effect<'provideProvisionally'> = async (p, { actedOn }) => {
  if (p.ground === '距法定时效或者期限届满不足七日') {
    const left = daysBetween(actedOn, p.limitEndsOn);
    if (left < 0) refuse('limitEndsOn', '时效或期限届满日', '不能早于先行提供日期');
    if (left >= PROVISIONAL_DAYS)
      refuse(
        'limitEndsOn',
        '时效或期限届满日',
        `距先行提供日期还有${left}日，不足七日方可以此为由先行提供（法律援助法第44条）`,
      );
  }
  return p;
};

/** The roster entry, when the assignment names one, must be in the roster and match what was typed. */
const assign: Effect<'assign'> = async (p, { db, caseId, actedOn, clock }) => {
  if (p.rosterId !== null) {
    const entry = await requireRosterEntry(db, p.rosterId, 'rosterId');
    if (!entry.active) refuse('rosterId', '名册人员', '已不在册');
    if (entry.orgType !== p.orgType || entry.orgName !== p.orgName || entry.personName !== p.personName) {
      refuse('rosterId', '名册人员', `与所填承办机构或承办人员不一致（名册：${entry.orgName} ${entry.personName}）`);
    }
  }
  await recordAssignment(db, { caseId, ...p, assignedOn: actedOn }, clock);
  return p;
};

const notBeforeAssignment = (matterEndedOn: string, facts: LegalAidFacts) => {
  if (facts.assignment && matterEndedOn < facts.assignment.on) {
    refuse('matterEndedOn', '事项办结日期', `不能早于指派日期（${formatChineseDate(facts.assignment.on)}）`);
  }
};

const recordProgress: Effect<'recordProgress'> = async (p, { actedOn, facts }) => {
  if (p.matterEndedOn) {
    if (p.matterEndedOn > actedOn) refuse('matterEndedOn', '事项办结日期', '不能晚于进展日期');
    notBeforeAssignment(p.matterEndedOn, facts);
  }
  return p;
};

const close: Effect<'close'> = async (p, { actedOn, facts }) => {
  if (p.matterEndedOn > actedOn) refuse('matterEndedOn', '事项办结日期', '不能晚于结案日期');
  notBeforeAssignment(p.matterEndedOn, facts);
  if (p.materialsSubmittedOn < p.matterEndedOn)
    refuse('materialsSubmittedOn', '结案材料提交日期', '不能早于事项办结日期');
  if (p.materialsSubmittedOn > actedOn) refuse('materialsSubmittedOn', '结案材料提交日期', '不能晚于结案日期');
  return p;
};

/** What was objected to: the refusal or the termination in force. */
const object: Effect<'object'> = async (p, { facts }) => ({ ...p, against: facts.status });

/** What the review is about, and the status a correction restores: granted for a refusal, else the one terminated. */
const reviewObjection: Effect<'reviewObjection'> = async (p, { facts }) => {
  const open = facts.objections.findLast((o) => o.review === null)!;
  const restores: LegalAidStatus =
    open.against === 'refused' ? 'granted' : (facts.termination?.statusBefore ?? 'assigned');
  return { ...p, against: open.against, restores };
};

const recordSubsidy: Effect<'recordSubsidy'> = async (p, { actedOn, today }) => {
  if (p.paidOn < actedOn) refuse('paidOn', '补贴发放日期', '不能早于结案审查日期');
  if (p.paidOn > today) refuse('paidOn', '补贴发放日期', '不能晚于今天');
  return p;
};

/** The status, what the timeline says, and what may be done now. */
export async function legalAidProgress(db: Kysely<Database>, caseId: number, today: string): Promise<LegalAidProgress> {
  const facts = await legalAidFactsOf(db, caseId);
  return {
    caseId,
    status: facts.status,
    statusLabel: LEGAL_AID_STATUS_LABELS[facts.status],
    available: availableActions(facts, today),
    facts,
  };
}

export const LEGAL_AID_ACTIONS_SERVICE: KindActions<LegalAidFacts, LegalAidAction, Payloads, LegalAidActionResult> = {
  kind: LEGAL_AID,
  effects: {
    notifyMissing,
    deemWithdrawn,
    decide,
    provideProvisionally,
    assign,
    recordProgress,
    followUp: recordFollowUp,
    close,
    object,
    reviewObjection,
    recordSubsidy,
  },
  async result(db, caseId, today) {
    const { status, statusLabel, available } = await legalAidProgress(db, caseId, today);
    return { caseId, status, statusLabel, available };
  },
};
