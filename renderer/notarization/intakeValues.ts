// The 公证申请表's values as the clerk leaves them (dates as dayjs, the fee as typed yuan, the copies as typed), the
// `notarization.create` payload made from them, and their issues from the schema the channel uses. Form fields
// are named by their payload paths, so a refusal of the main process finds its field.
import dayjs, { type Dayjs } from 'dayjs';
import type { ChannelInput } from '../../shared/contract';
import { localDate } from '../../shared/dates';
import type { ApplicantKind } from '../../shared/kinds/notarization/options';
import {
  checkNotarizationRequest,
  NOTARIZATION_LABELS,
  notarizationRequestSchema,
  type NotarizationRequest,
  type NotarizationRequestInput,
} from '../../shared/kinds/notarization/intake';
import { schemaIssues } from '../forms/checkedForm';
import { DATE_FORMAT, isoOf, typedFen, typedInteger, withRuleIssues } from '../forms/typedValues';
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

export interface ApplicantValues {
  kind: ApplicantKind;
  name: string;
  sex: string | undefined;
  birthDate: Dayjs | null;
  idType: string | undefined;
  idNumber: string;
  address: string;
  phone: string;
  creditCode: string;
  legalRepresentative: string;
}

export const emptyApplicant = (): ApplicantValues => ({
  kind: 'person',
  name: '',
  sex: undefined,
  birthDate: null,
  idType: '居民身份证',
  idNumber: '',
  address: '',
  phone: '',
  creditCode: '',
  legalRepresentative: '',
});

export interface RequestValues {
  applicants: ApplicantValues[];
  hasAgent: boolean;
  agent: { kind: string | undefined; name: string; idNumber: string; phone: string; powerOfAttorney: boolean };
  matterCode: string | undefined;
  purpose: string;
  placeOfUse: string;
  copies: string;
  needsTranslation: boolean;
  translationLanguage: string;
  pickupOn: Dayjs | null;
  /** Typed in yuan. */
  feeFen: string;
  receivedOn: Dayjs | null;
  receivedBy: string;
}

export function emptyRequest(today: string = localDate()): RequestValues {
  return {
    applicants: [emptyApplicant()],
    hasAgent: false,
    agent: { kind: '委托代理人', name: '', idNumber: '', phone: '', powerOfAttorney: false },
    matterCode: undefined,
    purpose: '',
    placeOfUse: '国内',
    copies: '1',
    needsTranslation: false,
    translationLanguage: '',
    pickupOn: null,
    feeFen: '',
    receivedOn: dayjs(today, DATE_FORMAT, true),
    receivedBy: '',
  };
}

export function toRequest(v: RequestValues): NotarizationRequestInput {
  return {
    applicants: v.applicants.map((a) =>
      a.kind === 'organisation'
        ? {
            kind: 'organisation',
            name: a.name,
            creditCode: a.creditCode,
            legalRepresentative: a.legalRepresentative,
            phone: a.phone,
          }
        : {
            kind: 'person',
            name: a.name,
            sex: (a.sex ?? '') as '男',
            birthDate: isoOf(a.birthDate),
            idType: (a.idType ?? '') as '居民身份证',
            idNumber: a.idNumber,
            address: a.address,
            phone: a.phone,
          },
    ),
    agent: v.hasAgent
      ? {
          kind: (v.agent.kind ?? '') as '委托代理人',
          name: v.agent.name,
          idNumber: v.agent.idNumber,
          phone: v.agent.phone,
          powerOfAttorney: v.agent.powerOfAttorney,
        }
      : null,
    matterCode: v.matterCode ?? '',
    purpose: v.purpose,
    placeOfUse: v.placeOfUse,
    copies: typedInteger(v.copies) as number,
    needsTranslation: v.needsTranslation,
    translationLanguage: v.needsTranslation ? v.translationLanguage : '',
    pickupOn: isoOf(v.pickupOn),
    feeFen: typedFen(v.feeFen, 0) as number,
    receivedOn: isoOf(v.receivedOn),
    receivedBy: v.receivedBy,
  };
}

export function requestIssues(v: RequestValues): Map<string, string> {
  const payload = toRequest(v);
  const issues = schemaIssues(notarizationRequestSchema(), payload, NOTARIZATION_LABELS);
  return withRuleIssues(issues, NOTARIZATION_LABELS, () =>
    checkNotarizationRequest(payload as NotarizationRequest, localDate()),
  );
}

/** What the conflict check is asked about: the applicants and the agent. */
export function conflictPartiesOf(v: RequestValues): ChannelInput<'cases.conflicts'>['parties'] {
  return [
    ...v.applicants.map((a) => ({
      name: a.name,
      idNumber: a.kind === 'organisation' ? a.creditCode : a.idNumber,
      birthDate: a.kind === 'person' ? isoOf(a.birthDate) : '',
      role: 'applicant' as const,
    })),
    ...(v.hasAgent ? [{ name: v.agent.name, idNumber: v.agent.idNumber, birthDate: '', role: 'agent' as const }] : []),
  ].filter((p) => p.name.trim() !== '');
}

// ---- Drafts: the form's values as plain JSON (dates as yyyy-mm-dd), read back defensively. ----

export function requestDraft(v: RequestValues): { title: string; data: Record<string, unknown> } {
  return {
    title: draftTitleOf((v.applicants ?? []).map((a) => a?.name ?? '')),
    data: draftDataOf(v) as Record<string, unknown>,
  };
}

export function requestFromDraft(data: Record<string, unknown>): RequestValues {
  const empty = emptyRequest();
  const applicants = draftList(data.applicants).map((raw) => {
    const a = draftRecord(raw);
    const blank = emptyApplicant();
    return {
      kind: (a.kind === 'organisation' ? 'organisation' : 'person') as ApplicantKind,
      name: draftText(a.name),
      sex: draftChoice(a.sex),
      birthDate: draftDay(a.birthDate),
      idType: draftChoice(a.idType, blank.idType),
      idNumber: draftText(a.idNumber),
      address: draftText(a.address),
      phone: draftText(a.phone),
      creditCode: draftText(a.creditCode),
      legalRepresentative: draftText(a.legalRepresentative),
    };
  });
  const agent = draftRecord(data.agent);
  return {
    applicants: applicants.length > 0 ? applicants : empty.applicants,
    hasAgent: draftFlag(data.hasAgent),
    agent: {
      kind: draftChoice(agent.kind, empty.agent.kind),
      name: draftText(agent.name),
      idNumber: draftText(agent.idNumber),
      phone: draftText(agent.phone),
      powerOfAttorney: draftFlag(agent.powerOfAttorney),
    },
    matterCode: draftChoice(data.matterCode),
    purpose: draftText(data.purpose),
    placeOfUse: draftText(data.placeOfUse, empty.placeOfUse),
    copies: draftText(data.copies, empty.copies),
    needsTranslation: draftFlag(data.needsTranslation),
    translationLanguage: draftText(data.translationLanguage),
    pickupOn: draftDay(data.pickupOn),
    feeFen: draftText(data.feeFen),
    receivedOn: draftDay(data.receivedOn, empty.receivedOn),
    receivedBy: draftText(data.receivedBy),
  };
}
