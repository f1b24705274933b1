// The two mediation registration forms' values as the clerk leaves them (dates as dayjs, money as typed yuan,
// mediators as one line of names, selects possibly empty), the payloads made from them, and their field issues
// from the very schemas the channels use. Form fields are named by their payload paths, so a refusal of the main
// process finds its field.
import dayjs, { type Dayjs } from 'dayjs';
import { localDate } from '../../shared/dates';
import type { ChannelInput } from '../../shared/contract';
import {
  checkMediationRegistration,
  checkQuickOralMediation,
  MEDIATION_LABELS,
  mediationRegistrationSchema,
  QUICK_ORAL_LABELS,
  quickOralMediationSchema,
  type MediationRegistration,
  type MediationRegistrationInput,
  type QuickOralMediation,
  type QuickOralMediationInput,
} from '../../shared/kinds/mediation/intake';
import type { MediationPartyKind } from '../../shared/kinds/mediation/options';
import { schemaIssues } from '../forms/checkedForm';
import { DATE_FORMAT, isoOf, namesOf, typedFen, typedInteger, withRuleIssues } from '../forms/typedValues';
import {
  draftChoice,
  draftDataOf,
  draftDay,
  draftFlag,
  draftList,
  draftRecord,
  draftText,
  draftTitleOf,
} from '../forms/draftData';

/** One party row: the fields of both kinds, of which the chosen kind's are sent. */
export interface PartyValues {
  kind: MediationPartyKind;
  name: string;
  sex: string | undefined;
  birthDate: Dayjs | null;
  ethnicity: string | undefined;
  idNumber: string;
  address: string;
  phone: string;
  occupation: string;
  creditCode: string;
  legalRepresentative: string;
}

export const emptyParty = (kind: MediationPartyKind = 'person'): PartyValues => ({
  kind,
  name: '',
  sex: undefined,
  birthDate: null,
  ethnicity: '汉族',
  idNumber: '',
  address: '',
  phone: '',
  occupation: '',
  creditCode: '',
  legalRepresentative: '',
});

export interface RegistrationValues {
  source: string | undefined;
  sourceDetail: string;
  committee: string;
  parties: PartyValues[];
  disputeType: string | undefined;
  summary: string;
  requests: string;
  /** Typed in yuan. */
  amountFen: string;
  peopleCount: string;
  major: boolean;
  mass: boolean;
  /** Names separated by 、 */
  mediators: string;
  receivedOn: Dayjs | null;
  receivedBy: string;
}

export function emptyRegistration(today: string = localDate()): RegistrationValues {
  return {
    source: undefined,
    sourceDetail: '',
    committee: '',
    parties: [emptyParty(), emptyParty()],
    disputeType: undefined,
    summary: '',
    requests: '',
    amountFen: '',
    peopleCount: '2',
    major: false,
    mass: false,
    mediators: '',
    receivedOn: dayjs(today, DATE_FORMAT, true),
    receivedBy: '',
  };
}

type FullParty = MediationRegistrationInput['parties'][number];

function fullParty(p: PartyValues): FullParty {
  return p.kind === 'organisation'
    ? {
        kind: 'organisation',
        name: p.name,
        creditCode: p.creditCode,
        legalRepresentative: p.legalRepresentative,
        address: p.address,
        phone: p.phone,
      }
    : {
        kind: 'person',
        name: p.name,
        sex: (p.sex ?? '') as '男',
        birthDate: isoOf(p.birthDate),
        ethnicity: (p.ethnicity ?? '') as '汉族',
        idNumber: p.idNumber,
        address: p.address,
        phone: p.phone,
        occupation: p.occupation,
      };
}

/** The payload of `mediation.create`'s registration, unvalidated: the schema and the main process judge it. */
export function toRegistration(v: RegistrationValues): MediationRegistrationInput {
  return {
    source: (v.source ?? '') as MediationRegistrationInput['source'],
    sourceDetail: v.sourceDetail,
    committee: v.committee,
    parties: v.parties.map(fullParty),
    disputeType: v.disputeType ?? '',
    summary: v.summary,
    requests: v.requests,
    amountFen: typedFen(v.amountFen, 0) as number,
    peopleCount: typedInteger(v.peopleCount) as number,
    major: v.major,
    mass: v.mass,
    mediators: namesOf(v.mediators),
    receivedOn: isoOf(v.receivedOn),
    receivedBy: v.receivedBy,
  };
}

/** Messages about one mediator of the list go under the one line the names are typed in. */
function onMediatorLine(issues: Map<string, string>): Map<string, string> {
  for (const [path, text] of issues) {
    if (path.startsWith('mediators.')) {
      issues.delete(path);
      if (!issues.has('mediators')) issues.set('mediators', text);
    }
  }
  return issues;
}

export function registrationIssues(v: RegistrationValues): Map<string, string> {
  const payload = toRegistration(v);
  const issues = schemaIssues(mediationRegistrationSchema(), payload, MEDIATION_LABELS);
  return onMediatorLine(
    withRuleIssues(issues, MEDIATION_LABELS, () =>
      checkMediationRegistration(payload as MediationRegistration, localDate()),
    ),
  );
}

/** A 口头调解登记 party: only what the short form asks. */
export interface QuickPartyValues {
  kind: MediationPartyKind;
  name: string;
  idNumber: string;
  creditCode: string;
  phone: string;
  address: string;
}

export const emptyQuickParty = (): QuickPartyValues => ({
  kind: 'person',
  name: '',
  idNumber: '',
  creditCode: '',
  phone: '',
  address: '',
});

export interface QuickOralValues {
  source: string | undefined;
  committee: string;
  parties: QuickPartyValues[];
  disputeType: string | undefined;
  summary: string;
  agreementContent: string;
  /** Typed in yuan. */
  agreementAmountFen: string;
  performanceMethod: string | undefined;
  performanceDueOn: Dayjs | null;
  mediator: string;
  mediatedOn: Dayjs | null;
  receivedBy: string;
  crimePrevention: boolean;
}

export function emptyQuickOral(today: string = localDate()): QuickOralValues {
  return {
    source: '当事人申请',
    committee: '',
    parties: [emptyQuickParty(), emptyQuickParty()],
    disputeType: undefined,
    summary: '',
    agreementContent: '',
    agreementAmountFen: '',
    performanceMethod: '即时履行',
    performanceDueOn: null,
    mediator: '',
    mediatedOn: dayjs(today, DATE_FORMAT, true),
    receivedBy: '',
    crimePrevention: false,
  };
}

export function toQuickOral(v: QuickOralValues): QuickOralMediationInput {
  return {
    source: (v.source ?? '') as QuickOralMediationInput['source'],
    committee: v.committee,
    parties: v.parties.map((p) =>
      p.kind === 'organisation'
        ? { kind: 'organisation', name: p.name, creditCode: p.creditCode, phone: p.phone }
        : { kind: 'person', name: p.name, idNumber: p.idNumber, phone: p.phone, address: p.address },
    ),
    disputeType: v.disputeType ?? '',
    summary: v.summary,
    agreementContent: v.agreementContent,
    agreementAmountFen: typedFen(v.agreementAmountFen, 0) as number,
    performanceMethod: (v.performanceMethod ?? '') as QuickOralMediationInput['performanceMethod'],
    performanceDueOn: isoOf(v.performanceDueOn),
    mediator: v.mediator,
    mediatedOn: isoOf(v.mediatedOn),
    receivedBy: v.receivedBy,
    crimePrevention: v.crimePrevention,
  };
}

export function quickOralIssues(v: QuickOralValues): Map<string, string> {
  const payload = toQuickOral(v);
  const issues = schemaIssues(quickOralMediationSchema(), payload, QUICK_ORAL_LABELS);
  return withRuleIssues(issues, QUICK_ORAL_LABELS, () =>
    checkQuickOralMediation(payload as QuickOralMediation, localDate()),
  );
}

/** What the conflict check is asked about: every party with a name. */
export function conflictPartiesOf(
  parties: readonly (PartyValues | QuickPartyValues)[],
): ChannelInput<'cases.conflicts'>['parties'] {
  return parties
    .filter((p) => p.name.trim() !== '')
    .map((p) => ({
      name: p.name.trim(),
      idNumber: (p.kind === 'organisation' ? p.creditCode : p.idNumber).trim(),
      birthDate: 'birthDate' in p ? isoOf(p.birthDate) : '',
      role: 'party' as const,
    }));
}

// ---- Drafts: the forms' values as plain JSON (dates as yyyy-mm-dd), read back defensively. ----

/** Which of the two mediation forms a draft was typed in: both are drafts of kind `mediation`. */
export type MediationDraftForm = 'registration' | 'quickOral';

export const mediationDraftFormOf = (data: Record<string, unknown>): MediationDraftForm =>
  data.form === 'quickOral' ? 'quickOral' : 'registration';

const partyKindOf = (v: unknown): MediationPartyKind => (v === 'organisation' ? 'organisation' : 'person');
const partiesTitle = (parties: readonly { name: string }[]) => draftTitleOf(parties.map((p) => p.name ?? ''));

export function registrationDraft(v: RegistrationValues): { title: string; data: Record<string, unknown> } {
  return {
    title: partiesTitle(v.parties ?? []),
    data: { ...(draftDataOf(v) as Record<string, unknown>), form: 'registration' },
  };
}

export function registrationFromDraft(data: Record<string, unknown>): RegistrationValues {
  const empty = emptyRegistration();
  const parties = draftList(data.parties).map((raw) => {
    const p = draftRecord(raw);
    const blank = emptyParty(partyKindOf(p.kind));
    return {
      kind: blank.kind,
      name: draftText(p.name),
      sex: draftChoice(p.sex),
      birthDate: draftDay(p.birthDate),
      ethnicity: draftChoice(p.ethnicity, blank.ethnicity),
      idNumber: draftText(p.idNumber),
      address: draftText(p.address),
      phone: draftText(p.phone),
      occupation: draftText(p.occupation),
      creditCode: draftText(p.creditCode),
      legalRepresentative: draftText(p.legalRepresentative),
    };
  });
  return {
    source: draftChoice(data.source, empty.source),
    sourceDetail: draftText(data.sourceDetail),
    committee: draftText(data.committee),
    parties: parties.length > 0 ? parties : empty.parties,
    disputeType: draftChoice(data.disputeType),
    summary: draftText(data.summary),
    requests: draftText(data.requests),
    amountFen: draftText(data.amountFen),
    peopleCount: draftText(data.peopleCount, empty.peopleCount),
    major: draftFlag(data.major),
    mass: draftFlag(data.mass),
    mediators: draftText(data.mediators),
    receivedOn: draftDay(data.receivedOn, empty.receivedOn),
    receivedBy: draftText(data.receivedBy),
  };
}

export function quickOralDraft(v: QuickOralValues): { title: string; data: Record<string, unknown> } {
  return {
    title: partiesTitle(v.parties ?? []),
    data: { ...(draftDataOf(v) as Record<string, unknown>), form: 'quickOral' },
  };
}

export function quickOralFromDraft(data: Record<string, unknown>): QuickOralValues {
  const empty = emptyQuickOral();
  const parties = draftList(data.parties).map((raw) => {
    const p = draftRecord(raw);
    return {
      kind: partyKindOf(p.kind),
      name: draftText(p.name),
      idNumber: draftText(p.idNumber),
      creditCode: draftText(p.creditCode),
      phone: draftText(p.phone),
      address: draftText(p.address),
    };
  });
  return {
    source: draftChoice(data.source, empty.source),
    committee: draftText(data.committee),
    parties: parties.length > 0 ? parties : empty.parties,
    disputeType: draftChoice(data.disputeType),
    summary: draftText(data.summary),
    agreementContent: draftText(data.agreementContent),
    agreementAmountFen: draftText(data.agreementAmountFen),
    performanceMethod: draftChoice(data.performanceMethod, empty.performanceMethod),
    performanceDueOn: draftDay(data.performanceDueOn),
    mediator: draftText(data.mediator),
    mediatedOn: draftDay(data.mediatedOn, empty.mediatedOn),
    receivedBy: draftText(data.receivedBy),
    crimePrevention: draftFlag(data.crimePrevention),
  };
}
