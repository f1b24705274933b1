// Handlers of the dossier: checklist, materials, chunked attachment uploads, the director's override,
// completeness of many cases, the printed pages, the electronic dossier (电子卷宗) with its archived hash, and the
// county's rule for 历史卷宗 (imported cases).
import type { Store } from '../../db/open';
import type { dossierChannels } from '../../shared/channels/dossier';
import { actor, type HandlersOf } from '../handlerTypes';
import { Uploads } from '../services/attachments';
import { FileStore } from '../services/fileStore';
import * as dossier from '../services/dossier/checklist';
import { historicalDossierRules } from '../services/dossier/historicalRules';
import { printDossierDocument } from '../services/dossier/print';

export function dossierHandlers({ store }: { store: Store }): HandlersOf<typeof dossierChannels> {
  const uploads = new Uploads(store.path, new FileStore(store.path, () => store.keyRing));
  return {
    'dossier.get': ({ caseId }, { db }) => dossier.dossierView(db, caseId),
    'dossier.markReceived': (input, call) => dossier.markReceived(call.db, actor(call), input, call.clock),
    'dossier.unmark': (input, { db, clock }) => dossier.unmarkReceived(db, input, clock),
    'dossier.uploadBegin': (input, { db, clock }) => uploads.begin(db, input, clock),
    'dossier.uploadChunk': async (input) => uploads.chunk(input),
    'dossier.attach': (input, call) => uploads.attach(call.db, actor(call), input, call.clock),
    'dossier.override': (input, call) => dossier.overrideDossierCheck(call.db, actor(call), input, call.clock),
    'dossier.completeness': ({ caseIds }, { db }) => dossier.dossierCompleteness(db, caseIds),
    'dossier.incomplete': (_input, { db }) => dossier.incompleteDossiers(db),
    'dossier.print': (input, { db, clock }) => printDossierDocument(db, input, clock.today()),
    'dossier.electronic': ({ caseId }, { db, clock, dossiers }) => dossiers.dossierOf(db, caseId, clock),
    'dossier.archiveStatus': ({ caseId }, { db, dossiers }) => dossiers.status(db, caseId),
    'dossier.historicalRules': (_input, { db }) => historicalDossierRules(db),
    'dossier.setHistoricalRules': (input, call) =>
      dossier.setHistoricalDossierRules(call.db, input, { user: actor(call), clock: call.clock }),
  };
}
