// Handlers of 人民调解 cases: registration (受理登记表, 口头调解登记), reading, its lifecycle actions (through the
// driver), time limits, and the office's 纠纷类型, 以奖代补 rates and the county's mediation rules.
import type { mediationChannels } from '../../shared/channels/mediation';
import { refusingUnfollowedKinds } from '../services/followUp/record';
import { actionHandlers, actor, type HandlersOf } from '../handlerTypes';
import { MEDIATION_ACTIONS_SERVICE } from '../services/mediation/actions';
import { mediationCaseDeadlines } from '../services/mediation/deadlines';
import { createMediationCase, createQuickOralMediation } from '../services/mediation/intake';
import { getMediationCase } from '../services/mediation/record';
import * as settings from '../services/mediation/settings';

export function mediationHandlers(): HandlersOf<typeof mediationChannels> {
  const actions = actionHandlers('mediation', MEDIATION_ACTIONS_SERVICE);
  return {
    'mediation.create': ({ draftId, registration }, { db, clock }) =>
      createMediationCase(db, registration, { draftId, clock }),
    'mediation.quickOral': ({ draftId, oral }, call) =>
      createQuickOralMediation(call.db, oral, { draftId, user: actor(call), clock: call.clock }),
    'mediation.get': ({ id }, { db, clock }) => getMediationCase(db, id, clock.today()),
    'mediation.deadlines': ({ id }, { db, clock }) => mediationCaseDeadlines(db, id, clock.today()),
    ...actions,
    'mediation.followUp': refusingUnfollowedKinds(actions['mediation.followUp']),

    'mediation.disputeTypes': ({ includeInactive }, { db }) => settings.listDisputeTypes(db, includeInactive),
    'mediation.saveDisputeTypes': (input, { db, clock }) => settings.saveDisputeTypes(db, input, clock),
    'mediation.subsidyRates': (_input, { db, clock }) => settings.listSubsidyRates(db, clock.today()),
    'mediation.setSubsidyRates': (input, call) => settings.setSubsidyRates(call.db, actor(call), input, call.clock),
    'mediation.rules': (_input, { db }) => settings.mediationRules(db),
    'mediation.setRules': (input, call) =>
      settings.setMediationRules(call.db, input, { user: actor(call), clock: call.clock }),
  };
}
