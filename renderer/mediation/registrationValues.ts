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
} from '../../shared/mediation/registration';
import type { MediationPartyKind } from '../../shared/mediation/options';
import { schemaIssues } from '../forms/checkedForm';
import { DATE_FORMAT, isoOf, namesOf, typedFen, typedInteger, withRuleIssues } from '../forms/typedValues';

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
  kind, name: '', sex: undefined, birthDate: null, ethnicity: '汉族', idNumber: '', address: '', phone: '', occupation: '',
  creditCode: '', legalRepresentative: '',
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
    source: undefined, sourceDetail: '', committee: '', parties: [emptyParty(), emptyParty()], disputeType: undefined, summary: '',
    requests: '', amountFen: '', peopleCount: '2', major: false, mass: false, mediators: '', receivedOn: dayjs(today, DATE_FORMAT, true),
    receivedBy: '',
  };
}

type FullParty = MediationRegistrationInput['parties'][number];

function fullParty(p: PartyValues): FullParty {
  return p.kind === 'organisation'
    ? { kind: 'organisation', name: p.name, creditCode: p.creditCode, legalRepresentative: p.legalRepresentative, address: p.address, phone: p.phone }
    : {
        kind: 'person', name: p.name, sex: (p.sex ?? '') as '男', birthDate: isoOf(p.birthDate), ethnicity: (p.ethnicity ?? '') as '汉族',
        idNumber: p.idNumber, address: p.address, phone: p.phone, occupation: p.occupation,
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
  return onMediatorLine(withRuleIssues(issues, MEDIATION_LABELS, () => checkMediationRegistration(payload as MediationRegistration, localDate())));
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

export const emptyQuickParty = (): QuickPartyValues => ({ kind: 'person', name: '', idNumber: '', creditCode: '', phone: '', address: '' });

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
    source: '当事人申请', committee: '', parties: [emptyQuickParty(), emptyQuickParty()], disputeType: undefined, summary: '',
    agreementContent: '', agreementAmountFen: '', performanceMethod: '即时履行', performanceDueOn: null, mediator: '',
    mediatedOn: dayjs(today, DATE_FORMAT, true), receivedBy: '', crimePrevention: false,
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
  return withRuleIssues(issues, QUICK_ORAL_LABELS, () => checkQuickOralMediation(payload as QuickOralMediation, localDate()));
}

/** What the conflict check is asked about: every party with a name. */
export function conflictPartiesOf(parties: readonly (PartyValues | QuickPartyValues)[]): ChannelInput<'cases.conflicts'>['parties'] {
  return parties
    .filter((p) => p.name.trim() !== '')
    .map((p) => ({
      name: p.name.trim(),
      idNumber: (p.kind === 'organisation' ? p.creditCode : p.idNumber).trim(),
      birthDate: 'birthDate' in p ? isoOf(p.birthDate) : '',
      role: 'party' as const,
    }));
}
