// The IPC contract: the one source of truth for every channel between the renderer and the main process.
// Each channel (shared/channel.ts) has a zod input schema, validated in the main process and never trusted from
// the renderer, the Chinese labels that name its fields in error messages, who may call it, whether it writes,
// and an output type. The channels are declared by area in shared/channels/ and merged here.
import type { z } from 'zod';
import { caseChannels } from './channels/cases';
import { interferenceChannels } from './channels/interference';
import { legalAidLifecycleChannels } from './channels/legalAidLifecycle';
import { mediationChannels } from './channels/mediation';
import { notarizationChannels } from './channels/notarization';
import { systemChannels } from './channels/system';

export { MAX_PAYLOAD_CHARS } from './channel';
export type { AppInfo, AuditPage, AuditRow, AuthStatus, BackupInfo } from './channels/system';
export { CASE_SORT_KEYS } from './channels/cases';
export type { CaseListPage, CaseListRow, Draft, DraftSummary, LegalAidCase } from './channels/cases';
export type { NotarizationCase, NotarizationCaseDeadlines } from './channels/notarization';
export type {
  EligibilityReport,
  LegalAidActionResult,
  LegalAidProgress,
  RosterCandidate,
  RosterEntry,
  RosterSuggestion,
} from './channels/legalAidLifecycle';
export type { ActionOption, LegalAidDeadline, LegalAidFacts } from './legalAid/lifecycle';
export type { EligibilityOverride, EligibilityVerdict } from './legalAid/eligibility';
export type { ConflictAcknowledgement, ConflictMatch, ConflictReport } from './parties';
export type { NotarizationMatter } from './notarization/matters';
export type { MediationCase, MediationCaseDeadlines, MediationPartyRecord, MediationRegistrationRecord } from './channels/mediation';
export type { MediationActionOption, MediationDeadline, MediationFacts, MediationStatus } from './mediation/lifecycle';
export type { DisputeType } from './mediation/disputeTypes';
export type { SubsidyRate, SubsidyRates } from './mediation/subsidy';

export const contract = {
  ...systemChannels,
  ...interferenceChannels,
  ...caseChannels,
  ...legalAidLifecycleChannels,
  ...notarizationChannels,
  ...mediationChannels,
} as const;

export type Contract = typeof contract;
export type Channel = keyof Contract;
export type ChannelInput<C extends Channel> = z.input<Contract[C]['input']>;
export type ChannelParsed<C extends Channel> = z.output<Contract[C]['input']>;
export type ChannelOutput<C extends Channel> = Contract[C]['output'];

export function isChannel(name: unknown): name is Channel {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(contract, name);
}
