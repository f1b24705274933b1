// The IPC contract: the one source of truth for every channel between the renderer and the main process.
// Each channel (shared/channel.ts) has a zod input schema, validated in the main process and never trusted from
// the renderer, the Chinese labels that name its fields in error messages, who may call it, whether it writes,
// and an output type. The channels are declared by area in shared/channels/ and merged here.
import type { z } from 'zod';
import { caseChannels } from './channels/cases';
import { dossierChannels } from './channels/dossier';
import { exchangeChannels } from './channels/exchange';
import { interferenceChannels } from './channels/interference';
import { ledgerImportChannels } from './channels/ledgerImport';
import { legalAidChannels } from './channels/legalAid';
import { ledgerExportChannels } from './channels/ledgerExport';
import { mediationChannels } from './channels/mediation';
import { notarizationChannels } from './channels/notarization';
import { statisticsChannels } from './channels/statistics';
import { evaluationChannels } from './channels/evaluation';
import { holidayChannels } from './channels/holidays';
import { followUpChannels } from './channels/followUp';
import { systemChannels } from './channels/system';

import { MAX_PAYLOAD_CHARS } from './channel';

export { MAX_PAYLOAD_CHARS };
export type { AppInfo, AuditPage, AuditRow, AuthStatus, BackupInfo, RecoveryKeyInfo } from './channels/system';
export { CASE_SORT_KEYS } from './channels/cases';
export type { CaseListPage, CaseListRow, Draft, DraftSummary } from './channels/cases';
export type { NotarizationCase, NotarizationCaseDeadlines } from './channels/notarization';
export type {
  EligibilityReport,
  LegalAidCase,
  LegalAidProgress,
  RosterCandidate,
  RosterEntry,
  RosterSuggestion,
} from './channels/legalAid';
export type { LegalAidDeadline } from './kinds/legalAid/deadlines';
export type { EligibilityOverride } from './kinds/legalAid/eligibility';
export type { ConflictAcknowledgement } from './cases/conflicts';
export type { NotarizationMatter } from './kinds/notarization/matters';
export type { MediationCase, MediationCaseDeadlines, MediationPartyRecord } from './channels/mediation';
export type { MediationDeadline } from './kinds/mediation/deadlines';
export type { DisputeType } from './kinds/mediation/disputeTypes';
export type { SubsidyRate, SubsidyRates } from './kinds/mediation/subsidy';
export type { StatisticsReport, TemplateInfo } from './channels/statistics';
export type { DossierCompleteness, DossierView, IncompleteDossiers } from './channels/dossier';

export type {
  BureauConflict,
  BureauOffice,
  ExchangeStatus,
  ExportRecord,
  ImportOutcome,
  RecoveryChoice,
  RecoveryDifference,
  RecoverySummary,
  RowContent,
} from './exchange/types';

export const contract = {
  ...systemChannels,
  ...interferenceChannels,
  ...caseChannels,
  ...legalAidChannels,
  ...notarizationChannels,
  ...mediationChannels,
  ...statisticsChannels,
  ...dossierChannels,
  ...exchangeChannels,
  ...holidayChannels,
  ...ledgerExportChannels,
  ...ledgerImportChannels,
  ...followUpChannels,
  ...evaluationChannels,
} as const;

export type Contract = typeof contract;
export type Channel = keyof Contract;
export type ChannelInput<C extends Channel> = z.input<Contract[C]['input']>;
export type ChannelParsed<C extends Channel> = z.output<Contract[C]['input']>;
export type ChannelOutput<C extends Channel> = Contract[C]['output'];

/** The most any one call may carry: the uploads' channels (base64 packages) allow more than MAX_PAYLOAD_CHARS. */
export const LARGEST_PAYLOAD_CHARS = Math.max(
  MAX_PAYLOAD_CHARS,
  ...Object.values(contract).map((c: { maxPayloadChars?: number }) => c.maxPayloadChars ?? MAX_PAYLOAD_CHARS),
);

export function isChannel(name: unknown): name is Channel {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(contract, name);
}
