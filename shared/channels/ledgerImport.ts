// Channels of the ledger import (台账导入, docs/ledger-import.md): the dry run of a file (its mapping, and every row
// accepted, refused, skipped or already held), the import itself in one transaction, and the mapping saved for next
// time. The file travels as base64; clerks and up.
import { z } from 'zod';
import { channel, read, write } from '../channel';
import { ledgerMappingSchema, type LedgerMapping } from '../ledger/ledgerMapping';
import { MAX_LEDGER_BYTES } from '../ledger/ledgerLimits';
import type { LedgerImportResult, LedgerReport } from '../ledger/ledgerReport';
import { CASE_KINDS } from '../options';
import { WRITERS } from '../roles';
import { choice, strictObject, text } from '../validation';

const LEDGER_LABELS = {
  kind: '案件类型',
  fileName: '文件名',
  // Whatever is wrong with the ledger file as a whole is refused under this field: 台账文件：…
  base64: '台账文件',
  sheet: '工作表',
  mapping: '列的对应',
  'mapping.kind': '列的对应（案件类型）',
  'mapping.columns': '列的对应',
  allOrNothing: '全部导入或全部不导入',
} as const;

/** The file's bytes as base64, and room for the rest of the call. */
const MAX_LEDGER_CHARS = Math.ceil((MAX_LEDGER_BYTES * 4) / 3) + 64 * 1024;

const fileInput = {
  kind: choice(CASE_KINDS),
  fileName: text({ max: 200, required: true }),
  base64: z.string({ error: '格式不正确' }).regex(/^[A-Za-z0-9+/]*={0,2}$/, '格式不正确'),
  sheet: text({ max: 100 }).nullable(),
  mapping: ledgerMappingSchema.nullable(),
};

export const ledgerImportChannels = {
  /** The dry run: nothing is written. */
  'ledgerImport.check': channel<LedgerReport>()(strictObject(fileInput), {
    ...read(LEDGER_LABELS, WRITERS),
    maxPayloadChars: MAX_LEDGER_CHARS,
  }),
  'ledgerImport.run': channel<LedgerImportResult>()(
    strictObject({ ...fileInput, allOrNothing: z.boolean({ error: '格式不正确' }) }),
    { ...write(LEDGER_LABELS, WRITERS), maxPayloadChars: MAX_LEDGER_CHARS },
  ),
  'ledgerImport.saveMapping': channel<LedgerMapping>()(
    strictObject({ mapping: ledgerMappingSchema }),
    write(LEDGER_LABELS, WRITERS),
  ),
};
