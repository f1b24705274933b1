// The intake form's values as the clerk leaves them (dates as dayjs, money as typed yuan, selects possibly
// empty), and the three things made from them: the application payload, the draft's JSON, and the field issues.
import dayjs, { type Dayjs } from 'dayjs';
import { z } from 'zod';
import { ageOn, localDate } from '../../shared/dates';
import {
  checkLegalAidApplication,
  LEGAL_AID_LABELS,
  legalAidApplicationSchema,
  type LegalAidApplication,
  type LegalAidApplicationInput,
} from '../../shared/kinds/legalAid/intake';
import { yuanToFen } from '../../shared/money';
import { fieldIssues } from '../../shared/validation';
import { DATE_FORMAT, isoOf } from '../forms/typedValues';

export interface IntakeValues {
  /** 通知辩护 (法律援助法 第36条): the case starts from an authority's notice, not an application. */
  notified: boolean;
  notice: { authority: string; documentNumber: string; grounds: string[] };
  applicant: {
    name: string;
    sex: string | undefined;
    ethnicity: string | undefined;
    birthDate: Dayjs | null;
    idType: string | undefined;
    idNumber: string;
    householdAddress: string;
    residence: string;
    phone: string;
    employer: string;
    lacksCapacity: boolean;
  };
  applicantGroups: string[];
  /** The clerk's tick for an agent; an agent is also required (and shown) for minors and those lacking capacity. */
  hasAgent: boolean;
  agent: { name: string; relation: string | undefined; idNumber: string; phone: string };
  opposingParties: { name: string; idNumber: string }[];
  category: string | undefined;
  serviceForm: string | undefined;
  matter: string;
  /** 刑事 only: 经济困难 / 其他原因 (法律援助法 第24条). */
  defenceGround: string | undefined;
  proceedingStage: string | undefined;
  handlingAuthority: string;
  facts: string;
  finance: {
    householdSize: string;
    monthlyIncomePerCapitaYuan: string;
    basis: string | undefined;
    exemptReason: string;
  };
  receivedOn: Dayjs | null;
  receivedBy: string;
}

/** Form paths that differ from the payload's: the income is typed in yuan and sent in fen. */
const FORM_PATH_OF: Readonly<Record<string, string>> = {
  'finance.monthlyIncomePerCapitaFen': 'finance.monthlyIncomePerCapitaYuan',
};
const PAYLOAD_PATH_OF: Readonly<Record<string, string>> = Object.fromEntries(
  Object.entries(FORM_PATH_OF).map(([payload, form]) => [form, payload]),
);
export const payloadPath = (formPath: string): string => PAYLOAD_PATH_OF[formPath] ?? formPath;

export function emptyIntake(today: string = localDate()): IntakeValues {
  return {
    notified: false,
    notice: { authority: '', documentNumber: '', grounds: [] },
    applicant: {
      name: '',
      sex: undefined,
      ethnicity: '汉族',
      birthDate: null,
      idType: '居民身份证',
      idNumber: '',
      householdAddress: '',
      residence: '',
      phone: '',
      employer: '',
      lacksCapacity: false,
    },
    applicantGroups: [],
    hasAgent: false,
    agent: { name: '', relation: undefined, idNumber: '', phone: '' },
    opposingParties: [],
    category: undefined,
    serviceForm: undefined,
    matter: '',
    defenceGround: undefined,
    proceedingStage: undefined,
    handlingAuthority: '',
    facts: '',
    finance: { householdSize: '', monthlyIncomePerCapitaYuan: '', basis: undefined, exemptReason: '' },
    receivedOn: dayjs(today, DATE_FORMAT, true),
    receivedBy: '',
  };
}

interface AgentFacts {
  lacksCapacity: boolean | undefined;
  birthDate: Dayjs | null | undefined;
  receivedOn: Dayjs | null | undefined;
}

/** Whether the application needs an agent: a minor on the application date, or a person lacking capacity. */
export function agentRequired({ lacksCapacity, birthDate, receivedOn }: AgentFacts): boolean {
  if (lacksCapacity) return true;
  const birth = isoOf(birthDate);
  const on = isoOf(receivedOn);
  return birth !== '' && on !== '' && birth <= on && ageOn(birth, on) < 18;
}

// A notified defendant does not apply (第36条), so an agent is never required of one.
const agentShown = (values: IntakeValues): boolean =>
  !!values.hasAgent ||
  (!values.notified &&
    agentRequired({
      lacksCapacity: values.applicant.lacksCapacity,
      birthDate: values.applicant.birthDate,
      receivedOn: values.receivedOn,
    }));

/**
 * A number the clerk typed, for the schema to judge: blank is null, digits are a number, anything else goes as
 * typed so that the schema's own message ("格式不正确", "应为整数") names the problem.
 */
function typedNumber(s: string): number | string | null {
  const t = s.trim();
  if (t === '') return null;
  return /^\d+(\.\d+)?$/.test(t) ? Number(t) : t;
}

/** Yuan as typed → fen; a malformed amount is passed on in a form the schema refuses with the right message. */
function typedFen(s: string): number | string | null {
  const t = s.trim();
  if (t === '') return null;
  const fen = yuanToFen(t);
  if (fen !== null) return fen;
  const n = Number(t.replace(/[,，]/g, ''));
  return Number.isFinite(n) ? n * 100 : t; // 1.234 → not an integer of fen; -5 → negative; "abc" → format
}

/** The payload of `legalAid.create`, unvalidated: the schema and the main process judge it. */
export function toApplication(values: IntakeValues): LegalAidApplicationInput {
  const a = values.applicant;
  const withAgent = agentShown(values);
  const basis = values.finance.basis ?? '';
  const notified = values.notified === true;
  const payload = {
    applicant: {
      name: a.name ?? '',
      sex: a.sex ?? '',
      ethnicity: a.ethnicity ?? '',
      birthDate: isoOf(a.birthDate),
      idType: a.idType ?? '',
      idNumber: a.idNumber ?? '',
      householdAddress: a.householdAddress ?? '',
      residence: a.residence ?? '',
      phone: a.phone ?? '',
      employer: a.employer ?? '',
      lacksCapacity: !!a.lacksCapacity,
    },
    applicantGroups: values.applicantGroups ?? [],
    agent: withAgent
      ? {
          name: values.agent.name ?? '',
          relation: values.agent.relation ?? '',
          idNumber: values.agent.idNumber ?? '',
          phone: values.agent.phone ?? '',
        }
      : null,
    opposingParties: (values.opposingParties ?? []).map((p) => ({ name: p?.name ?? '', idNumber: p?.idNumber ?? '' })),
    category: values.category ?? '',
    serviceForm: values.serviceForm ?? '',
    matter: values.matter ?? '',
    // Asked only of a criminal case; a ground left from before the category changed is not sent.
    defenceGround: values.category === '刑事' && !notified ? (values.defenceGround ?? '') : '',
    proceedingStage: values.proceedingStage ?? '',
    handlingAuthority: values.handlingAuthority ?? '',
    facts: values.facts ?? '',
    // A notified defence has no financial check (第36条): the section is hidden and nothing stale is sent.
    finance: notified
      ? { householdSize: null, monthlyIncomePerCapitaFen: null, basis: '', exemptReason: '' }
      : {
          householdSize: typedNumber(values.finance.householdSize ?? ''),
          monthlyIncomePerCapitaFen: typedFen(values.finance.monthlyIncomePerCapitaYuan ?? ''),
          basis,
          // The reason is asked for only when the clerk chose 免予核查; otherwise nothing stale is sent.
          exemptReason: basis === '免予核查' ? (values.finance.exemptReason ?? '') : '',
        },
    notice: notified
      ? {
          authority: values.notice?.authority ?? '',
          documentNumber: values.notice?.documentNumber ?? '',
          grounds: values.notice?.grounds ?? [],
        }
      : null,
    receivedOn: isoOf(values.receivedOn),
    receivedBy: values.receivedBy ?? '',
  };
  // Selects may still be blank and numbers mistyped: the type is what the schema will accept, not what it holds.
  return payload as unknown as LegalAidApplicationInput;
}

const trimmedDeep = (v: unknown): unknown =>
  typeof v === 'string'
    ? v.trim()
    : Array.isArray(v)
      ? v.map(trimmedDeep)
      : v && typeof v === 'object'
        ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, trimmedDeep(x)]))
        : v;

/**
 * Every field's Chinese message, keyed by its payload path ("applicant.idNumber", "opposingParties.0.name").
 * The shared schema stops before its cross-field rules while any field is malformed, so while the form is
 * half-filled the same rules are run here too, so that a wrong check character shows as soon as it is typed.
 */
export function intakeIssues(values: IntakeValues, today: string = localDate()): Map<string, string> {
  const application = toApplication(values);
  const parsed = legalAidApplicationSchema(() => today).safeParse(application);
  if (parsed.success) return new Map();
  const rules = checkLegalAidApplication(trimmedDeep(application) as LegalAidApplication, today);
  const ruleError = new z.ZodError(
    rules.map((r) => ({ code: 'custom' as const, path: r.path, message: r.message, input: undefined })),
  );
  const issues = new Map<string, string>();
  for (const issue of [...fieldIssues(parsed.error, LEGAL_AID_LABELS), ...fieldIssues(ruleError, LEGAL_AID_LABELS)]) {
    if (!issues.has(issue.field)) issues.set(issue.field, issue.message);
  }
  return issues;
}

// ---- Drafts: the form's values as JSON (dates as yyyy-mm-dd), read back defensively: a draft is old data. ----

export type IntakeDraft = Record<string, unknown>;

export function toDraftData(values: IntakeValues): IntakeDraft {
  return {
    ...values,
    applicant: { ...values.applicant, birthDate: isoOf(values.applicant.birthDate) },
    receivedOn: isoOf(values.receivedOn),
  };
}

export function draftTitle(values: IntakeValues): string {
  return [...(values.applicant.name ?? '').trim()].slice(0, 50).join('');
}

const obj = (v: unknown): Record<string, unknown> =>
  v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
const str = (v: unknown, fallback = ''): string =>
  typeof v === 'string' ? v : typeof v === 'number' ? String(v) : fallback;
const pick = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);
const date = (v: unknown): Dayjs | null => {
  const d = typeof v === 'string' ? dayjs(v, DATE_FORMAT, true) : null;
  return d && d.isValid() ? d : null;
};

export function fromDraftData(data: IntakeDraft): IntakeValues {
  const a = obj(data.applicant);
  const agent = obj(data.agent);
  const finance = obj(data.finance);
  const parties = Array.isArray(data.opposingParties) ? data.opposingParties : [];
  const notice = obj(data.notice);
  return {
    notified: data.notified === true,
    notice: {
      authority: str(notice.authority),
      documentNumber: str(notice.documentNumber),
      grounds: Array.isArray(notice.grounds) ? notice.grounds.filter((g): g is string => typeof g === 'string') : [],
    },
    applicant: {
      name: str(a.name),
      sex: pick(a.sex),
      ethnicity: pick(a.ethnicity),
      birthDate: date(a.birthDate),
      idType: pick(a.idType),
      idNumber: str(a.idNumber),
      householdAddress: str(a.householdAddress),
      residence: str(a.residence),
      phone: str(a.phone),
      employer: str(a.employer),
      lacksCapacity: a.lacksCapacity === true,
    },
    applicantGroups: Array.isArray(data.applicantGroups)
      ? data.applicantGroups.filter((g): g is string => typeof g === 'string')
      : [],
    hasAgent: data.hasAgent === true,
    agent: {
      name: str(agent.name),
      relation: pick(agent.relation),
      idNumber: str(agent.idNumber),
      phone: str(agent.phone),
    },
    opposingParties: parties.map((p) => ({ name: str(obj(p).name), idNumber: str(obj(p).idNumber) })),
    category: pick(data.category),
    serviceForm: pick(data.serviceForm),
    matter: str(data.matter),
    defenceGround: pick(data.defenceGround),
    proceedingStage: pick(data.proceedingStage),
    handlingAuthority: str(data.handlingAuthority),
    facts: str(data.facts),
    finance: {
      householdSize: str(finance.householdSize),
      monthlyIncomePerCapitaYuan: str(finance.monthlyIncomePerCapitaYuan),
      basis: pick(finance.basis),
      exemptReason: str(finance.exemptReason),
    },
    receivedOn: date(data.receivedOn),
    receivedBy: str(data.receivedBy),
  };
}
