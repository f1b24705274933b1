// Handlers of 人民调解 cases: registration, the lifecycle, reading, time limits, dispute types and subsidy rates.
import type { mediationChannels } from '../../shared/channels/mediation';
import type { MediationAction } from '../../shared/kinds/mediation/lifecycle';
import { actor, type CallContext, type HandlersOf } from '../handlerTypes';
import * as mediation from '../services/mediation';

function act<A extends MediationAction>(action: A) {
  return (input: mediation.MediationActionInputs[A], call: CallContext) =>
    mediation.takeMediationAction(call.db, action, input, { user: actor(call), clock: call.clock });
}

export function mediationHandlers(): HandlersOf<typeof mediationChannels> {
  return {
    'mediation.create': ({ draftId, registration }, { db, clock }) => mediation.createMediationCase(db, registration, { draftId, clock }),
    'mediation.quickOral': ({ draftId, oral }, call) => mediation.createQuickOralMediation(call.db, oral, { draftId, user: actor(call), clock: call.clock }),
    'mediation.get': ({ id }, { db, clock }) => mediation.getMediationCase(db, id, clock.today()),
    'mediation.deadlines': ({ id }, { db, clock }) => mediation.mediationCaseDeadlines(db, id, clock.today()),

    'mediation.investigate': act('investigate'),
    'mediation.recordSession': act('recordSession'),
    'mediation.extend': act('extend'),
    'mediation.succeed': act('succeed'),
    'mediation.fail': act('fail'),
    'mediation.terminate': act('terminate'),
    'mediation.recordPerformance': act('recordPerformance'),
    'mediation.followUp': act('followUp'),
    'mediation.applyConfirmation': act('applyConfirmation'),
    'mediation.recordConfirmation': act('recordConfirmation'),
    'mediation.markCrimePrevention': act('markCrimePrevention'),
    'mediation.recordSubsidy': act('recordSubsidy'),
    'mediation.archive': act('archive'),

    'mediation.disputeTypes': ({ includeInactive }, { db }) => mediation.listDisputeTypes(db, includeInactive),
    'mediation.saveDisputeTypes': (input, { db, clock }) => mediation.saveDisputeTypes(db, input, clock),
    'mediation.subsidyRates': (_input, { db, clock }) => mediation.listSubsidyRates(db, clock.today()),
    'mediation.setSubsidyRates': (input, call) => mediation.setSubsidyRates(call.db, actor(call), input, call.clock),
  };
}
