// Channels of the dossier (卷宗材料): the checklist of a case, materials received, scans attached (uploaded in
// chunks: a scan is larger than one call's payload), a director's override of the closing and archiving check,
// completeness of many cases at once (the case list), and the printed pages.
import { z } from 'zod';
import { channel, empty, id, read, write } from '../channel';
import type { DossierArchiveStatus, ElectronicDossierFile } from '../dossier/electronic';
import type { DossierChecklist } from '../dossier/evaluate';
import {
  HISTORICAL_DOSSIER_RULE_LABELS,
  historicalDossierRulesSchema,
  type HistoricalDossierRulesInfo,
} from '../dossier/historical';
import {
  ATTACH_LABELS,
  attachSchema,
  MARK_RECEIVED_LABELS,
  markReceivedSchema,
  OVERRIDE_LABELS,
  overrideSchema,
  PRINT_DOCUMENTS,
  UNMARK_LABELS,
  unmarkSchema,
  UPLOAD_BEGIN_LABELS,
  UPLOAD_CHUNK_LABELS,
  uploadBeginSchema,
  uploadChunkSchema,
  type AttachmentType,
  type GatedAction,
} from '../dossier/materials';
import type { CaseKind } from '../options';
import type { PrintedPage } from '../print/dossierPages';
import { APPROVERS, WRITERS } from '../roles';
import { choice, isoDate, strictObject } from '../validation';

export interface AttachmentInfo {
  id: number;
  itemKey: string;
  fileName: string;
  contentType: AttachmentType;
  sizeBytes: number;
  sha256: string;
  addedBy: string;
  addedAt: string;
}

export interface DossierOverrideRecord {
  id: number;
  action: GatedAction;
  missing: string[];
  reason: string;
  username: string;
  recordedAt: string;
}

export interface DossierView {
  caseId: number;
  kind: CaseKind;
  caseNumber: string;
  status: string;
  receivedOn: string;
  checklist: DossierChecklist;
  attachments: AttachmentInfo[];
  overrides: DossierOverrideRecord[];
  /** The rule-set version the case was last checked against (null before its first check). */
  checkedVersion: number | null;
  /** The checks of this kind (结案 for legal aid, and 归档), each with what would be missing at it now. */
  gates: { action: GatedAction; missing: string[] }[];
}

export interface DossierCompleteness {
  caseId: number;
  missingCount: number;
  missing: string[];
  ruleSetVersion: number;
}

export interface IncompleteDossiers {
  /** How many open cases lack required items now. */
  total: number;
  /** The first of them, most missing first. */
  cases: (DossierCompleteness & { kind: CaseKind; caseNumber: string; status: string })[];
}

export const dossierChannels = {
  'dossier.get': channel<DossierView>()(strictObject({ caseId: id }), read({ caseId: '案件' })),
  'dossier.markReceived': channel<DossierView>()(markReceivedSchema, write(MARK_RECEIVED_LABELS, WRITERS)),
  'dossier.unmark': channel<DossierView>()(unmarkSchema, write(UNMARK_LABELS, WRITERS)),
  /** Starts an upload: the size is checked before any byte is sent. Nothing is written to the data file. */
  'dossier.uploadBegin': channel<{ uploadId: string; chunkBytes: number }>()(
    uploadBeginSchema,
    read(UPLOAD_BEGIN_LABELS, WRITERS),
  ),
  /** One chunk, in order; the first shows the file's type. Nothing is written to the data file. */
  'dossier.uploadChunk': channel<{ received: number }>()(uploadChunkSchema, read(UPLOAD_CHUNK_LABELS, WRITERS)),
  /** Files the uploaded scan under its item (and records the item as received if it was not). */
  'dossier.attach': channel<DossierView>()(attachSchema, write(ATTACH_LABELS, WRITERS)),
  'dossier.override': channel<DossierOverrideRecord>()(overrideSchema, write(OVERRIDE_LABELS, APPROVERS)),
  'dossier.completeness': channel<DossierCompleteness[]>()(
    strictObject({ caseIds: z.array(id, { error: '格式不正确' }).max(500, '一次最多500件') }),
    read({ caseIds: '案件' }),
  ),
  /** The open cases whose dossiers lack required items (the dashboard). */
  'dossier.incomplete': channel<IncompleteDossiers>()(empty, read()),
  'dossier.print': channel<PrintedPage>()(
    strictObject({ caseId: id, doc: choice(PRINT_DOCUMENTS), noticeDueOn: isoDate({ required: false }) }),
    read({ caseId: '案件', doc: '打印内容', noticeDueOn: '补正期限' }),
  ),
  /** The electronic dossier (电子卷宗) as one PDF: the one kept at archiving, else made now. Nothing is written. */
  'dossier.electronic': channel<ElectronicDossierFile>()(strictObject({ caseId: id }), read({ caseId: '案件' })),
  /** What archiving kept (the dossier's SHA-256) and whether the current materials still match it. */
  'dossier.archiveStatus': channel<DossierArchiveStatus>()(strictObject({ caseId: id }), read({ caseId: '案件' })),
  /** The county's rule for 历史卷宗 (imported cases' dossiers): whether completeness is demanded of them. */
  'dossier.historicalRules': channel<HistoricalDossierRulesInfo>()(empty, read()),
  'dossier.setHistoricalRules': channel<HistoricalDossierRulesInfo>()(
    historicalDossierRulesSchema,
    write(HISTORICAL_DOSSIER_RULE_LABELS, APPROVERS),
  ),
} as const;
