// Handlers of notarization requests: the matter catalogue, intake, reading, the lifecycle actions (through the
// driver), deadlines.
import type { notarizationChannels } from '../../shared/channels/notarization';
import { actionHandlers, type HandlersOf } from '../handlerTypes';
import { NOTARIZATION_ACTIONS_SERVICE } from '../services/notarization/actions';
import { notarizationCaseDeadlines } from '../services/notarization/deadlines';
import { createNotarizationCase } from '../services/notarization/intake';
import { listNotarizationMatters, updateNotarizationMatter } from '../services/notarization/matters';
import { getNotarizationCase } from '../services/notarization/record';

export function notarizationHandlers(): HandlersOf<typeof notarizationChannels> {
  return {
    'notarization.matters': ({ includeInactive }, { db }) => listNotarizationMatters(db, includeInactive),
    'notarization.updateMatter': (input, { db, clock }) => updateNotarizationMatter(db, input, clock),
    'notarization.create': ({ draftId, request }, { db, clock }) =>
      createNotarizationCase(db, request, { draftId, clock }),
    'notarization.get': ({ id }, { db }) => getNotarizationCase(db, id),
    ...actionHandlers('notarization', NOTARIZATION_ACTIONS_SERVICE),
    'notarization.deadlines': ({ id }, { db, clock }) => notarizationCaseDeadlines(db, id, clock.today()),
  };
}
