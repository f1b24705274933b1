// Handlers of the ledger import: the file's bytes from base64, then the dry run, the import, or the mapping saved.
import type { ledgerImportChannels } from '../../shared/channels/ledgerImport';
import { actor, type HandlersOf } from '../handlerTypes';
import { checkLedger, saveMapping } from '../services/ledger/importCheck';
import { importLedger } from '../services/ledger/importWrite';

const bytesOf = (base64: string) => Buffer.from(base64, 'base64');

export function ledgerImportHandlers(): HandlersOf<typeof ledgerImportChannels> {
  return {
    'ledgerImport.check': async ({ base64, ...req }, { db, clock }) =>
      (await checkLedger(db, { ...req, bytes: bytesOf(base64) }, clock)).report,
    'ledgerImport.run': ({ base64, allOrNothing, ...req }, call) =>
      importLedger(call.db, { ...req, bytes: bytesOf(base64) }, { allOrNothing, user: actor(call), clock: call.clock }),
    'ledgerImport.saveMapping': async ({ mapping }, call) => {
      await saveMapping(call.db, mapping, { by: actor(call).displayName, clock: call.clock });
      return mapping;
    },
  };
}
