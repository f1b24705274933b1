// 公证申请表: the intake form's schema, labels and cross-field rules, used by the form and the handler alike.
// Whether the matter exists in the catalogue (and may be applied for through an agent) is data, checked by the
// service against `notarization_matters`.
import { z } from 'zod';
import { ageOn, formatChineseDate, localDate } from '../../dates';
import { ID_NUMBER_MESSAGES, parseCreditCode, parseIdNumber, parsePhone } from '../../identity';
import { GB11643_ID_TYPES, ID_TYPES, SEXES, type IdType } from '../../options';
import { ID_NUMBER_MAX, LINE_MAX, NAME_MAX, PHONE_MAX } from '../../cases/fieldLimits';
import { choice, fen, integer, isoDate, strictObject, text, type Labels } from '../../validation';
import { AGENT_KINDS, DOMESTIC_USE, UNREGISTERED_USE, type UseScope } from './options';

/** The printed form's words, keyed by the field's path in the request. */
export const NOTARIZATION_LABELS: Labels = {
  applicants: '申请人',
  'applicants.*': '申请人',
  'applicants.*.kind': '申请人类型',
  'applicants.*.name': '申请人姓名（名称）',
  'applicants.*.sex': '性别',
  'applicants.*.birthDate': '出生日期',
  'applicants.*.idType': '证件类型',
  'applicants.*.idNumber': '公民身份号码',
  'applicants.*.address': '住址',
  'applicants.*.phone': '联系电话',
  'applicants.*.creditCode': '统一社会信用代码',
  'applicants.*.legalRepresentative': '法定代表人',
  agent: '代理人',
  'agent.kind': '代理人类型',
  'agent.name': '代理人姓名',
  'agent.idNumber': '代理人公民身份号码',
  'agent.phone': '代理人联系电话',
  'agent.powerOfAttorney': '授权委托书',
  matterCode: '公证事项',
  purpose: '公证书用途',
  placeOfUse: '使用地',
  copies: '份数',
  needsTranslation: '是否需要翻译',
  translationLanguage: '译文语种',
  pickupOn: '预约领取日期',
  feeFen: '收费',
  receivedOn: '受理日期',
  receivedBy: '受理人',
};

const personSchema = strictObject({
  kind: z.literal('person'),
  name: text({ max: NAME_MAX, required: true }),
  sex: choice(SEXES),
  birthDate: isoDate(),
  idType: choice(ID_TYPES),
  idNumber: text({ max: ID_NUMBER_MAX, required: true }),
  address: text({ max: LINE_MAX, required: true }),
  phone: text({ max: PHONE_MAX, required: true }),
});

const organisationSchema = strictObject({
  kind: z.literal('organisation'),
  name: text({ max: LINE_MAX, required: true }),
  creditCode: text({ max: ID_NUMBER_MAX, required: true }),
  legalRepresentative: text({ max: NAME_MAX, required: true }),
  phone: text({ max: PHONE_MAX }),
});

const applicantSchema = z.discriminatedUnion('kind', [personSchema, organisationSchema], {
  error: (iss) => (iss.code === 'invalid_union' ? '请选择自然人或法人或其他组织' : '格式不正确'),
});

const agentSchema = strictObject({
  kind: choice(AGENT_KINDS),
  name: text({ max: NAME_MAX, required: true }),
  idNumber: text({ max: ID_NUMBER_MAX, required: true }),
  phone: text({ max: PHONE_MAX, required: true }),
  /** 授权委托书 received (a 委托代理人 must have one). */
  powerOfAttorney: z.boolean({ error: '格式不正确' }),
});

const requestShape = strictObject({
  applicants: z.array(applicantSchema, { error: '格式不正确' }).min(1, '至少填写一个申请人').max(20, '最多20个'),
  agent: agentSchema.nullable(),
  /** A code of the matter catalogue (notarization_matters). */
  matterCode: text({ max: 40, required: true }),
  purpose: text({ max: LINE_MAX, required: true }),
  /** 国内, or the country or region where the certificate is used. */
  placeOfUse: text({ max: 50, required: true }),
  copies: integer({ min: 1, max: 50 }),
  needsTranslation: z.boolean({ error: '格式不正确' }),
  translationLanguage: text({ max: 20 }),
  /** 预约领取日期; '' when none was agreed. */
  pickupOn: isoDate({ required: false }),
  feeFen: fen(),
  /** The liaison point's receipt date. */
  receivedOn: isoDate(),
  receivedBy: text({ max: NAME_MAX, required: true }),
});

export type NotarizationRequest = z.output<typeof requestShape>;
export type NotarizationRequestInput = z.input<typeof requestShape>;
export type NotarizationApplicant = NotarizationRequest['applicants'][number];

export interface RuleIssue {
  path: (string | number)[];
  message: string;
}

const PHONE_MESSAGE = '应为手机号码或带区号的固定电话';

/** Spellings of the mainland that mean the certificate is used at home. */
const DOMESTIC_SPELLINGS = new Set(['国内', '中国', '中国大陆', '中国内地', '大陆', '内地', '境内']);
const REGION_NAMES: Record<string, string> = {
  香港: '香港特别行政区',
  中国香港: '香港特别行政区',
  澳门: '澳门特别行政区',
  中国澳门: '澳门特别行政区',
  台湾: '台湾地区',
  中国台湾: '台湾地区',
};

/** 使用地 as stored: 国内 for every spelling of the mainland, the full names of Hong Kong, Macao and Taiwan. */
export function canonicalPlaceOfUse(place: string): string {
  const s = place.trim();
  if (DOMESTIC_SPELLINGS.has(s)) return DOMESTIC_USE;
  return REGION_NAMES[s] ?? s;
}

/** 国内, 涉港澳台 or 涉外, from the place of use; 未登记 when the place is (an imported ledger's row). */
export function useScopeOf(place: string): UseScope {
  const s = canonicalPlaceOfUse(place);
  if (s === DOMESTIC_USE) return '国内';
  if (s === UNREGISTERED_USE) return UNREGISTERED_USE;
  if (/香港|澳门|台湾/.test(s)) return '涉港澳台';
  return '涉外';
}

function personIdProblem(idType: IdType, value: string, today: string): string | null {
  if (GB11643_ID_TYPES.has(idType)) {
    const parsed = parseIdNumber(value, today);
    return parsed.ok ? null : ID_NUMBER_MESSAGES[parsed.error];
  }
  return /^[A-Z0-9-]{5,30}$/.test(value.replace(/\s/g, '').toUpperCase()) ? null : '证件号码格式不正确';
}

function canonicalPersonId(idType: IdType, value: string, today: string): string {
  if (GB11643_ID_TYPES.has(idType)) {
    const parsed = parseIdNumber(value, today);
    return parsed.ok ? parsed.value.canonical : value;
  }
  return value.replace(/\s/g, '').toUpperCase();
}

/**
 * The rules that span fields: dates against today and each other, every number checked (and a person's ID
 * against the birth date and sex entered), the agent a minor needs and the 授权委托书 an entrusted agent needs,
 * and the language a translation needs.
 */
export function checkNotarizationRequest(req: NotarizationRequest, today: string): RuleIssue[] {
  const issues: RuleIssue[] = [];
  const add = (path: (string | number)[], message: string) => issues.push({ path, message });

  if (req.receivedOn > today) add(['receivedOn'], '不能晚于今天');
  if (req.pickupOn && req.pickupOn < req.receivedOn)
    add(['pickupOn'], `不能早于受理日期（${formatChineseDate(req.receivedOn)}）`);

  const seenNumbers = new Map<string, number>();
  let minor = false;
  req.applicants.forEach((a, i) => {
    const at = (field: string) => ['applicants', i, field];
    let number: string | null = null;
    if (a.kind === 'person') {
      if (a.birthDate > today) add(at('birthDate'), '不能晚于今天');
      else if (a.birthDate > req.receivedOn) add(at('birthDate'), '不能晚于受理日期');
      else if (ageOn(a.birthDate, req.receivedOn) < 18) minor = true;
      const problem = personIdProblem(a.idType, a.idNumber, today);
      if (problem) add(at('idNumber'), problem);
      else {
        number = canonicalPersonId(a.idType, a.idNumber, today);
        if (GB11643_ID_TYPES.has(a.idType)) {
          const parsed = parseIdNumber(a.idNumber, today);
          if (parsed.ok && parsed.value.birthDate !== a.birthDate)
            add(at('birthDate'), `与公民身份号码中的出生日期（${formatChineseDate(parsed.value.birthDate)}）不一致`);
          if (parsed.ok && parsed.value.sex !== a.sex)
            add(at('sex'), `与公民身份号码显示的性别（${parsed.value.sex}）不一致`);
        }
      }
      if (!parsePhone(a.phone).ok) add(at('phone'), PHONE_MESSAGE);
    } else {
      const code = parseCreditCode(a.creditCode);
      if (!code.ok) add(at('creditCode'), '应为18位有效的统一社会信用代码（校验不通过）');
      else number = code.value;
      if (a.phone && !parsePhone(a.phone).ok) add(at('phone'), PHONE_MESSAGE);
    }
    if (number !== null) {
      const first = seenNumbers.get(number);
      if (first !== undefined) add(at(a.kind === 'person' ? 'idNumber' : 'creditCode'), `与第${first + 1}个申请人重复`);
      else seenNumbers.set(number, i);
    }
  });

  const { agent } = req;
  if (agent) {
    const id = parseIdNumber(agent.idNumber, today);
    if (!id.ok) add(['agent', 'idNumber'], ID_NUMBER_MESSAGES[id.error]);
    else if (seenNumbers.has(id.value.canonical)) add(['agent', 'idNumber'], '代理人不能是申请人本人');
    if (!parsePhone(agent.phone).ok) add(['agent', 'phone'], PHONE_MESSAGE);
    if (agent.kind === '委托代理人' && !agent.powerOfAttorney)
      add(['agent', 'powerOfAttorney'], '委托代理人须提交申请人签署的授权委托书');
  }
  if (minor && agent?.kind !== '法定代理人') add(['agent'], '申请人为未成年人，须由监护人作为法定代理人代为申办');

  if (req.needsTranslation && !req.translationLanguage) add(['translationLanguage'], '需要翻译时须填写译文语种');
  if (!req.needsTranslation && req.translationLanguage) add(['translationLanguage'], '不需要翻译时不应填写译文语种');
  return issues;
}

/** Puts every number and the place of use into its canonical stored form (after the rules have passed). */
function canonicalizeNotarizationRequest(req: NotarizationRequest, today: string): NotarizationRequest {
  const phone = (v: string) => {
    const p = parsePhone(v);
    return p.ok ? p.value : v;
  };
  const creditCode = (v: string) => {
    const c = parseCreditCode(v);
    return c.ok ? c.value : v;
  };
  return {
    ...req,
    applicants: req.applicants.map((a) =>
      a.kind === 'person'
        ? { ...a, idNumber: canonicalPersonId(a.idType, a.idNumber, today), phone: phone(a.phone) }
        : { ...a, creditCode: creditCode(a.creditCode), phone: a.phone ? phone(a.phone) : '' },
    ),
    agent: req.agent
      ? {
          ...req.agent,
          idNumber: canonicalPersonId('居民身份证', req.agent.idNumber, today),
          phone: phone(req.agent.phone),
        }
      : null,
    placeOfUse: canonicalPlaceOfUse(req.placeOfUse),
  };
}

/** The schema the contract uses: shape, then the cross-field rules against today's local date, then canonical forms. */
export function notarizationRequestSchema(today: () => string = () => localDate()) {
  return requestShape
    .superRefine((req, ctx) => {
      for (const issue of checkNotarizationRequest(req, today())) ctx.addIssue({ code: 'custom', ...issue });
    })
    .transform((req) => canonicalizeNotarizationRequest(req, today()));
}
