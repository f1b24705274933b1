// 人民调解受理登记表 and the quick 口头调解登记: the schemas, the labels and the cross-field rules, used by the forms
// and the handler alike. Whether the 纠纷类型 is in the office's list is data, checked by the service against
// `mediation_dispute_types`.
import { z } from 'zod';
import { formatChineseDate, localDate } from '../../dates';
import { ID_NUMBER_MESSAGES, parseCreditCode, parseIdNumber, parsePhone } from '../../identity';
import { ETHNIC_GROUPS, SEXES } from '../../options';
import { FACTS_MAX, ID_NUMBER_MAX, LINE_MAX, NAME_MAX, PHONE_MAX } from '../../cases/fieldLimits';
import { choice, fen, integer, isoDate, strictObject, text, type Labels } from '../../validation';
import { MEDIATION_SOURCES, METHODS_NEEDING_DUE_DATE, PERFORMANCE_METHODS, SOURCES_NEEDING_DETAIL } from './options';

const MAX_PARTIES = 50;

const PHONE_MESSAGE = '应为手机号码或带区号的固定电话';
const CREDIT_CODE_MESSAGE = '应为18位有效的统一社会信用代码（校验码不正确或含有不允许的字符）';
/** 人民调解法 第28条: an oral agreement's content is recorded by the mediator. */
export const ORAL_CONTENT_MESSAGE = '口头协议须由调解员记录协议内容（人民调解法第28条）';
const TOO_FEW_PARTIES_MESSAGE = '纠纷须有两方或以上当事人';

/** Labels shared by both forms, keyed by the path of the field inside a party. */
const PARTY_LABELS: Labels = {
  parties: '当事人',
  'parties.*': '当事人',
  'parties.*.kind': '当事人类型',
  'parties.*.name': '当事人姓名（名称）',
  'parties.*.sex': '性别',
  'parties.*.birthDate': '出生日期',
  'parties.*.ethnicity': '民族',
  'parties.*.idNumber': '公民身份号码',
  'parties.*.address': '住址（住所）',
  'parties.*.phone': '联系电话',
  'parties.*.occupation': '职业或工作单位',
  'parties.*.creditCode': '统一社会信用代码',
  'parties.*.legalRepresentative': '法定代表人（负责人）',
};

/** The printed 受理登记表's words, keyed by the field's path in the registration. */
export const MEDIATION_LABELS: Labels = {
  source: '纠纷来源',
  sourceDetail: '来源说明',
  committee: '调解组织',
  ...PARTY_LABELS,
  disputeType: '纠纷类型',
  summary: '纠纷简要情况',
  requests: '当事人申请事项',
  amountFen: '涉及金额',
  peopleCount: '涉及人数',
  major: '重大疑难纠纷',
  mass: '群体性纠纷',
  mediators: '调解员',
  'mediators.*': '调解员',
  receivedOn: '受理日期',
  receivedBy: '登记人',
};

/** The 口头调解登记 row's words. */
export const QUICK_ORAL_LABELS: Labels = {
  source: '纠纷来源',
  committee: '调解组织',
  ...PARTY_LABELS,
  disputeType: '纠纷类型',
  summary: '纠纷简要情况',
  agreementContent: '协议内容',
  agreementAmountFen: '协议金额',
  performanceMethod: '履行方式',
  performanceDueOn: '履行期限',
  mediator: '调解员',
  mediatedOn: '调解日期',
  receivedBy: '登记人',
  crimePrevention: '防止民转刑',
};

const flag = () => z.boolean({ error: '格式不正确' });
const KIND_ERROR = {
  error: (iss: { code: string }) => (iss.code === 'invalid_union' ? '请选择自然人或法人、非法人组织' : '格式不正确'),
};

const personSchema = strictObject({
  kind: z.literal('person'),
  name: text({ max: NAME_MAX, required: true }),
  sex: choice(SEXES),
  birthDate: isoDate(),
  ethnicity: choice(ETHNIC_GROUPS),
  /** Optional; checked (GB 11643) when given. */
  idNumber: text({ max: ID_NUMBER_MAX }),
  address: text({ max: LINE_MAX, required: true }),
  phone: text({ max: PHONE_MAX, required: true }),
  occupation: text({ max: LINE_MAX }),
});

const organisationSchema = strictObject({
  kind: z.literal('organisation'),
  name: text({ max: LINE_MAX, required: true }),
  creditCode: text({ max: ID_NUMBER_MAX, required: true }),
  legalRepresentative: text({ max: NAME_MAX, required: true }),
  address: text({ max: LINE_MAX, required: true }),
  phone: text({ max: PHONE_MAX, required: true }),
});

const parties = <P extends z.ZodType>(party: P) =>
  z.array(party, { error: '格式不正确' }).min(2, TOO_FEW_PARTIES_MESSAGE).max(MAX_PARTIES, `最多${MAX_PARTIES}个`);

const mediatorName = () => text({ max: NAME_MAX, required: true });

const registrationShape = strictObject({
  source: choice(MEDIATION_SOURCES),
  /** Who referred it (法院、派出所、信访部门), or what the source was for 其他. */
  sourceDetail: text({ max: LINE_MAX }),
  /** The 人民调解委员会 that mediates. */
  committee: text({ max: LINE_MAX, required: true }),
  parties: parties(z.discriminatedUnion('kind', [personSchema, organisationSchema], KIND_ERROR)),
  disputeType: text({ max: 20, required: true }),
  summary: text({ max: FACTS_MAX, required: true, multiLine: true }),
  requests: text({ max: FACTS_MAX, multiLine: true }),
  amountFen: fen(),
  peopleCount: integer({ min: 1, max: 100_000 }),
  major: flag(),
  mass: flag(),
  mediators: z.array(mediatorName(), { error: '格式不正确' }).min(1, '至少填写一名调解员').max(10, '最多10名'),
  receivedOn: isoDate(),
  receivedBy: text({ max: NAME_MAX, required: true }),
});

export type MediationRegistration = z.output<typeof registrationShape>;
export type MediationRegistrationInput = z.input<typeof registrationShape>;
type MediationParty = MediationRegistration['parties'][number];

const quickPersonSchema = strictObject({
  kind: z.literal('person'),
  name: text({ max: NAME_MAX, required: true }),
  idNumber: text({ max: ID_NUMBER_MAX }),
  phone: text({ max: PHONE_MAX }),
  address: text({ max: LINE_MAX }),
});

const quickOrganisationSchema = strictObject({
  kind: z.literal('organisation'),
  name: text({ max: LINE_MAX, required: true }),
  creditCode: text({ max: ID_NUMBER_MAX }),
  phone: text({ max: PHONE_MAX }),
});

const quickOralShape = strictObject({
  source: choice(MEDIATION_SOURCES),
  committee: text({ max: LINE_MAX, required: true }),
  parties: parties(z.discriminatedUnion('kind', [quickPersonSchema, quickOrganisationSchema], KIND_ERROR)),
  disputeType: text({ max: 20, required: true }),
  summary: text({ max: FACTS_MAX, required: true, multiLine: true }),
  /** Required: the rule gives the statute's reason rather than a bare 不能为空. */
  agreementContent: text({ max: FACTS_MAX, multiLine: true }),
  agreementAmountFen: fen(),
  performanceMethod: choice(PERFORMANCE_METHODS),
  performanceDueOn: isoDate({ required: false }),
  mediator: mediatorName(),
  /** Registered, mediated and agreed on this one day. */
  mediatedOn: isoDate(),
  receivedBy: text({ max: NAME_MAX, required: true }),
  crimePrevention: flag(),
});

export type QuickOralMediation = z.output<typeof quickOralShape>;
export type QuickOralMediationInput = z.input<typeof quickOralShape>;
type QuickParty = QuickOralMediation['parties'][number];

export interface RuleIssue {
  path: (string | number)[];
  message: string;
}

/** An ID number as stored, or null when it does not pass GB 11643. */
function canonicalIdNumber(value: string, today: string): string | null {
  const parsed = parseIdNumber(value, today);
  return parsed.ok ? parsed.value.canonical : null;
}

type AnyParty = MediationParty | QuickParty;

/**
 * Every party's numbers: a person's 公民身份号码 (GB 11643) when given, checked against the birth date and sex when
 * those were entered; an organisation's 统一社会信用代码 (GB 32100, required on the full form); phones; and no
 * person or organisation twice.
 */
function checkParties(
  list: readonly AnyParty[],
  on: string,
  today: string,
  add: (path: (string | number)[], m: string) => void,
): void {
  const seen = new Map<string, number>();
  list.forEach((p, i) => {
    const at = (field: string) => ['parties', i, field];
    let number: string | null = null;
    if (p.kind === 'person') {
      if ('birthDate' in p) {
        if (p.birthDate > today) add(at('birthDate'), '不能晚于今天');
        else if (p.birthDate > on) add(at('birthDate'), '不能晚于受理日期');
      }
      if (p.idNumber) {
        const parsed = parseIdNumber(p.idNumber, today);
        if (!parsed.ok) add(at('idNumber'), ID_NUMBER_MESSAGES[parsed.error]);
        else {
          number = parsed.value.canonical;
          if ('birthDate' in p && p.birthDate <= today && parsed.value.birthDate !== p.birthDate)
            add(at('birthDate'), `与公民身份号码中的出生日期（${formatChineseDate(parsed.value.birthDate)}）不一致`);
          if ('sex' in p && parsed.value.sex !== p.sex)
            add(at('sex'), `与公民身份号码显示的性别（${parsed.value.sex}）不一致`);
        }
      }
    } else if (p.creditCode) {
      const code = parseCreditCode(p.creditCode);
      if (!code.ok) add(at('creditCode'), CREDIT_CODE_MESSAGE);
      else number = code.value;
    }
    if (p.phone && !parsePhone(p.phone).ok) add(at('phone'), PHONE_MESSAGE);
    if (number !== null) {
      const first = seen.get(number);
      if (first !== undefined)
        add(
          at(p.kind === 'person' ? 'idNumber' : 'creditCode'),
          `与第${first + 1}个当事人重复，同一当事人只能填写一次`,
        );
      else seen.set(number, i);
    }
  });
}

/** The 受理登记表's rules that span fields, against `today`. */
export function checkMediationRegistration(reg: MediationRegistration, today: string): RuleIssue[] {
  const issues: RuleIssue[] = [];
  const add = (path: (string | number)[], message: string) => issues.push({ path, message });
  if (reg.receivedOn > today) add(['receivedOn'], '不能晚于今天');
  if (SOURCES_NEEDING_DETAIL.has(reg.source) && !reg.sourceDetail)
    add(
      ['sourceDetail'],
      reg.source === '其他' ? '纠纷来源为“其他”的，须写明具体来源' : `${reg.source}的，须写明移送或委托单位`,
    );
  if (reg.source === '当事人申请' && !reg.requests) add(['requests'], '当事人申请调解的，须写明申请事项');
  checkParties(reg.parties, reg.receivedOn, today, add);
  if (reg.peopleCount < reg.parties.length) add(['peopleCount'], `不能少于当事人数（${reg.parties.length}）`);
  const seenMediators = new Set<string>();
  reg.mediators.forEach((m, i) => {
    if (seenMediators.has(m)) add(['mediators', i], '调解员重复');
    seenMediators.add(m);
  });
  return issues;
}

/** The 口头调解登记's rules, against `today`. */
export function checkQuickOralMediation(q: QuickOralMediation, today: string): RuleIssue[] {
  const issues: RuleIssue[] = [];
  const add = (path: (string | number)[], message: string) => issues.push({ path, message });
  if (q.mediatedOn > today) add(['mediatedOn'], '不能晚于今天');
  checkParties(q.parties, q.mediatedOn, today, add);
  if (!q.agreementContent) add(['agreementContent'], ORAL_CONTENT_MESSAGE);
  if (METHODS_NEEDING_DUE_DATE.has(q.performanceMethod) && !q.performanceDueOn)
    add(['performanceDueOn'], `${q.performanceMethod}的，须填写履行期限`);
  if (q.performanceDueOn && q.performanceDueOn < q.mediatedOn) add(['performanceDueOn'], '不能早于调解日期');
  return issues;
}

function canonicalPhone(v: string): string {
  if (!v) return v;
  const p = parsePhone(v);
  return p.ok ? p.value : v;
}

function canonicalParty<P extends AnyParty>(p: P, today: string): P {
  if (p.kind === 'person') {
    return {
      ...p,
      idNumber: p.idNumber ? (canonicalIdNumber(p.idNumber, today) ?? p.idNumber) : '',
      phone: canonicalPhone(p.phone),
    };
  }
  const code = p.creditCode ? parseCreditCode(p.creditCode) : null;
  return { ...p, creditCode: code?.ok ? code.value : p.creditCode, phone: canonicalPhone(p.phone) };
}

/** Puts every number into its canonical stored form (after the rules have passed). */
function canonicalizeMediationRegistration(reg: MediationRegistration, today: string): MediationRegistration {
  return { ...reg, parties: reg.parties.map((p) => canonicalParty(p, today)) };
}

function canonicalizeQuickOralMediation(q: QuickOralMediation, today: string): QuickOralMediation {
  return { ...q, parties: q.parties.map((p) => canonicalParty(p, today)) };
}

/** The schema the `mediation.create` channel uses: shape, rules against today's local date, canonical forms. */
export function mediationRegistrationSchema(today: () => string = () => localDate()) {
  return registrationShape
    .superRefine((reg, ctx) => {
      for (const issue of checkMediationRegistration(reg, today())) ctx.addIssue({ code: 'custom', ...issue });
    })
    .transform((reg) => canonicalizeMediationRegistration(reg, today()));
}

/** The schema of `mediation.quickOral`. */
export function quickOralMediationSchema(today: () => string = () => localDate()) {
  return quickOralShape
    .superRefine((q, ctx) => {
      for (const issue of checkQuickOralMediation(q, today())) ctx.addIssue({ code: 'custom', ...issue });
    })
    .transform((q) => canonicalizeQuickOralMediation(q, today()));
}

/**
 * The input of the `mediation.quickOral` channel: the form's fields, flat as the form sends them, and the draft they
 * were typed in (optional; the service removes it with the registration). Parsed as `{ draftId, oral }`.
 */
export function quickOralChannelSchema(draftId: z.ZodType<number>, today: () => string = () => localDate()) {
  return quickOralShape
    .extend({ draftId: draftId.nullable().default(null) })
    .superRefine((q, ctx) => {
      for (const issue of checkQuickOralMediation(q, today())) ctx.addIssue({ code: 'custom', ...issue });
    })
    .transform(({ draftId: from, ...q }) => ({ draftId: from, oral: canonicalizeQuickOralMediation(q, today()) }));
}
