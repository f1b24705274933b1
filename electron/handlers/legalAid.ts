// Handlers of 法律援助 cases: registering and reading an application, its lifecycle actions (through the driver),
// what may be done now, eligibility and its override, time limits, and the roster.
import type { legalAidChannels } from '../../shared/channels/legalAid';
import { refusingUnfollowedKinds } from '../services/followUp/record';
import { actionHandlers, actor, type HandlersOf } from '../handlerTypes';
import { legalAidProgress, LEGAL_AID_ACTIONS_SERVICE } from '../services/legalAid/actions';
import { legalAidDeadlines } from '../services/legalAid/deadlines';
import { legalAidEligibility, overrideEligibility } from '../services/legalAid/eligibility';
import { createLegalAidCase } from '../services/legalAid/intake';
import { getLegalAidCase } from '../services/legalAid/record';
import * as roster from '../services/legalAid/roster';

export function legalAidHandlers(): HandlersOf<typeof legalAidChannels> {
  const actions = actionHandlers('legalAid', LEGAL_AID_ACTIONS_SERVICE);
  return {
    'legalAid.create': ({ draftId, application }, { db, clock }) =>
      createLegalAidCase(db, application, { draftId, clock }),
    'legalAid.get': ({ id }, { db }) => getLegalAidCase(db, id),
    ...actions,
    'legalAid.followUp': refusingUnfollowedKinds(actions['legalAid.followUp']),
    'legalAid.actions': ({ caseId }, { db, clock }) => legalAidProgress(db, caseId, clock.today()),
    'legalAid.eligibility': (input, { db, clock }) => legalAidEligibility(db, input, clock.today()),
    'legalAid.overrideEligibility': (input, call) => overrideEligibility(call.db, actor(call), input, call.clock),
    'legalAid.deadlines': ({ caseId }, { db, clock }) => legalAidDeadlines(db, caseId, clock.today()),

    'legalAid.rosterList': ({ activeOnly }, { db }) => roster.listRoster(db, activeOnly),
    'legalAid.rosterAdd': (input, { db, clock }) => roster.addRosterEntry(db, input, clock),
    'legalAid.rosterUpdate': (input, { db, clock }) => roster.updateRosterEntry(db, input, clock),
    'legalAid.rosterSuggest': ({ caseId, orgType }, { db }) => roster.rosterSuggestionForCase(db, caseId, orgType),
  };
}
