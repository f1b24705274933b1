// Handlers of a legal-aid case after intake, the roster, and conflict checks.
import type { legalAidLifecycleChannels } from '../../shared/channels/legalAidLifecycle';
import type { LegalAidAction } from '../../shared/kinds/legalAid/lifecycle';
import { actor, type CallContext, type HandlersOf } from '../handlerTypes';
import * as conflicts from '../services/conflicts';
import * as lifecycle from '../services/legalAidLifecycle';
import * as roster from '../services/roster';

function act<A extends LegalAidAction>(action: A) {
  return (input: lifecycle.LegalAidActionInputs[A], call: CallContext) =>
    lifecycle.takeLegalAidAction(call.db, action, input, { user: actor(call), clock: call.clock });
}

export function legalAidLifecycleHandlers(): HandlersOf<typeof legalAidLifecycleChannels> {
  return {
    'legalAid.notifyMissing': act('notifyMissing'),
    'legalAid.supplyMaterials': act('supplyMaterials'),
    'legalAid.deemWithdrawn': act('deemWithdrawn'),
    'legalAid.decide': act('decide'),
    'legalAid.provideProvisionally': act('provideProvisionally'),
    'legalAid.assign': act('assign'),
    'legalAid.recordProgress': act('recordProgress'),
    'legalAid.terminate': act('terminate'),
    'legalAid.close': act('close'),
    'legalAid.object': act('object'),
    'legalAid.reviewObjection': act('reviewObjection'),
    'legalAid.recordSubsidy': act('recordSubsidy'),
    'legalAid.archive': act('archive'),

    'legalAid.actions': ({ caseId }, { db, clock }) => lifecycle.legalAidProgress(db, caseId, clock.today()),
    'legalAid.eligibility': (input, { db, clock }) => lifecycle.legalAidEligibility(db, input, clock.today()),
    'legalAid.overrideEligibility': (input, call) => lifecycle.overrideEligibility(call.db, actor(call), input, call.clock),
    'legalAid.deadlines': ({ caseId }, { db, clock }) => lifecycle.legalAidDeadlines(db, caseId, clock.today()),

    'legalAid.rosterList': ({ activeOnly }, { db }) => roster.listRoster(db, activeOnly),
    'legalAid.rosterAdd': (input, { db, clock }) => roster.addRosterEntry(db, input, clock),
    'legalAid.rosterUpdate': (input, { db, clock }) => roster.updateRosterEntry(db, input, clock),
    'legalAid.rosterSuggest': ({ caseId, orgType }, { db }) => lifecycle.rosterSuggestionForCase(db, caseId, orgType),

    'cases.conflicts': (input, { db, clock }) => conflicts.checkConflicts(db, input, clock.today()),
    'cases.acknowledgeConflicts': (input, call) => conflicts.acknowledgeConflicts(call.db, actor(call), input, call.clock),
    'cases.conflictAcknowledgements': ({ caseId }, { db }) => conflicts.listConflictAcknowledgements(db, caseId),
  };
}
