// 人民调解: what each action does besides the timeline entry the lifecycle driver (electron/services/cases/actions.ts)
// writes — its checks against the case and the office's data (the term to extend and whether the county allows it,
// the agreement's dates, the county's subsidy rates) and what it records — and what every action answers: the case as it now stands.
import type { MediationCase } from '../../../shared/channels/mediation';
import { formatChineseDate } from '../../../shared/dates';
import { AppError } from '../../../shared/errors';
import { MEDIATION } from '../../../shared/kinds/mediation';
import type { MediationActionInputs } from '../../../shared/kinds/mediation/actions';
import { EXTENSION_REFUSED_MESSAGE } from '../../../shared/kinds/mediation/countyRules';
import { mediationTermDue } from '../../../shared/kinds/mediation/deadlines';
import type { MediationAction, MediationFacts } from '../../../shared/kinds/mediation/lifecycle';
import { computeSubsidy } from '../../../shared/kinds/mediation/subsidy';
import type { ActionContext, KindActions } from '../cases/actions';
import { recordFollowUp } from '../followUp/record';
import { holidayTableOf } from '../calendar/holidayCalendar';
import { getMediationCase, indexMediation } from './record';
import { allRates, mediationRules } from './settings';

/** An action's payload: its own fields, without the case and the date. */
type Payloads = { [A in MediationAction]: Omit<MediationActionInputs[A], 'caseId' | 'actedOn'> };
type Effect<A extends MediationAction> = (
  payload: Payloads[A],
  context: ActionContext<MediationFacts>,
) => Promise<Record<string, unknown>>;

function refuse(field: string, label: string, problem: string): never {
  throw new AppError('VALIDATION', `${label}：${problem}`, field);
}

/** Past the month only where the county's rules allow it (《人民调解工作若干规定》第33条 gives no extension). */
const extend: Effect<'extend'> = async (p, { db, facts }) => {
  if (!(await mediationRules(db)).rules.extensionAllowed)
    throw new AppError('CONFLICT', EXTENSION_REFUSED_MESSAGE, 'action');
  const due = mediationTermDue(facts, { table: await holidayTableOf(db) });
  if (p.extendedTo <= due) refuse('extendedTo', '延长至', `应晚于现在的调解期限（${formatChineseDate(due)}）`);
  return p;
};

/** An agreement takes effect on the day of success unless another day is given; never a day still to come. */
const succeed: Effect<'succeed'> = async (p, { actedOn, today }) => {
  const effectiveOn = p.effectiveOn || actedOn;
  if (effectiveOn > today) refuse('effectiveOn', '协议生效日期', '不能晚于今天');
  return { ...p, effectiveOn };
};

const applyConfirmation: Effect<'applyConfirmation'> = async (p, { actedOn, facts }) => {
  const effectiveOn = facts.agreement!.effectiveOn;
  if (actedOn < effectiveOn) {
    refuse(
      'actedOn',
      MEDIATION.actions.applyConfirmation.labels.actedOn!,
      `不能早于调解协议生效日期（${formatChineseDate(effectiveOn)}）`,
    );
  }
  return p;
};

const markCrimePrevention: Effect<'markCrimePrevention'> = async (p, { facts }) => {
  if (p.crimePrevention === facts.crimePrevention) refuse('crimePrevention', '防止民转刑', '与现有认定相同，无需更改');
  return p;
};

/** The amount: the county's rate for the agreement's form on the day of the agreement, or one entered with a note. */
const recordSubsidy: Effect<'recordSubsidy'> = async ({ amountFen, note }, { db, facts }) => {
  const agreement = facts.agreement!;
  const result = computeSubsidy(await allRates(db), {
    form: agreement.form,
    agreedOn: agreement.on,
    manualFen: amountFen,
    note,
  });
  if (!result.ok) refuse(result.field, result.field === 'note' ? '说明' : '补贴金额', result.problem);
  return { ...result.value, note };
};

export const MEDIATION_ACTIONS_SERVICE: KindActions<MediationFacts, MediationAction, Payloads, MediationCase> = {
  kind: MEDIATION,
  effects: { extend, succeed, followUp: recordFollowUp, applyConfirmation, markCrimePrevention, recordSubsidy },
  // The agreement's content is searched for.
  after: { succeed: indexMediation },
  result: (db, caseId, today) => getMediationCase(db, caseId, today, 'caseId'),
};
