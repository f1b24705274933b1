// Handler of the printed ledger (台账导出): the workbook of one kind and year, as base64 for the renderer to save.
import type { ledgerExportChannels } from '../../shared/channels/ledgerExport';
import type { HandlersOf } from '../handlerTypes';
import { ledgerWorkbook } from '../services/ledger/exportWorkbook';

export function ledgerExportHandlers(): HandlersOf<typeof ledgerExportChannels> {
  return {
    'ledger.export': async (input, { db, clock }) => {
      const made = await ledgerWorkbook(db, input, clock.today());
      return { fileName: made.fileName, base64: made.bytes.toString('base64'), rowCount: made.rowCount };
    },
  };
}
