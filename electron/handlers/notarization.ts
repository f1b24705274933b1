// Handlers of notarization requests: the matter catalogue, intake, the lifecycle, deadlines.
import type { notarizationChannels } from '../../shared/channels/notarization';
import { actor, type HandlersOf } from '../handlerTypes';
import * as notarization from '../services/notarization';

export function notarizationHandlers(): HandlersOf<typeof notarizationChannels> {
  return {
    'notarization.matters': ({ includeInactive }, { db }) => notarization.listNotarizationMatters(db, includeInactive),
    'notarization.updateMatter': (input, { db, clock }) => notarization.updateNotarizationMatter(db, input, clock),
    'notarization.create': ({ draftId, request }, { db, clock }) => notarization.createNotarizationCase(db, request, { draftId, clock }),
    'notarization.get': ({ id }, { db }) => notarization.getNotarizationCase(db, id),
    'notarization.act': (input, call) => notarization.actOnNotarization(call.db, actor(call), input, call.clock),
    'notarization.deadlines': ({ id }, { db, clock }) => notarization.notarizationCaseDeadlines(db, id, clock.today()),
  };
}
