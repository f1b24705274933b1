// The channel of the printed ledger (台账导出): one kind's cases of one year as the office's .xlsx ledger. Clerks and
// up: a read-only account may look at cases but not take a ledger of parties' names out of the app.
import { channel, read } from '../channel';
import { LEDGER_FIRST_YEAR } from '../ledger/exportColumns';
import { CASE_KINDS } from '../options';
import { WRITERS } from '../roles';
import { choice, integer, strictObject } from '../validation';

export interface LedgerExport {
  fileName: string;
  /** The .xlsx bytes, base64: the renderer saves them as a download. */
  base64: string;
  /** How many cases the ledger lists. */
  rowCount: number;
}

const LEDGER_EXPORT_LABELS = { kind: '案件类型', year: '年度' };

export const ledgerExportChannels = {
  /** The ledger of one kind for one year (cases by their 受理日期), in the columns the office's ledger keeps. */
  'ledger.export': channel<LedgerExport>()(
    strictObject({ kind: choice(CASE_KINDS), year: integer({ min: LEDGER_FIRST_YEAR, max: 9999 }) }),
    read(LEDGER_EXPORT_LABELS, WRITERS),
  ),
} as const;
