// 法律援助申请表: the intake form's schema, labels and cross-field rules, used by the form and the handler alike.
import { z } from 'zod';
import { ageOn, formatChineseDate, localDate } from '../../dates';
import { ID_NUMBER_MESSAGES, parseCreditCode, parseIdNumber, parsePhone } from '../../identity';
import { ETHNIC_GROUPS, GB11643_ID_TYPES, ID_TYPES, SEXES, type IdType } from '../../options';
import { FACTS_MAX, ID_NUMBER_MAX, LINE_MAX, NAME_MAX, PHONE_MAX } from '../../cases/fieldLimits';
import { choice, fen, integer, isoDate, optionalChoice, strictObject, text, type Labels } from '../../validation';
import {
  AGENT_RELATIONS,
  APPLICANT_GROUPS,
  CATEGORIES_WITH_OPPOSING_PARTY,
  DEFENCE_GROUNDS,
  FINANCE_BASES,
  NOTICE_GROUNDS,
  LEGAL_AID_CATEGORIES,
  LEGAL_AID_SERVICE_FORMS,
  PROCEEDING_STAGES,
} from './options';

/** The printed form's words, keyed by the field's path in the application. */
export const LEGAL_AID_LABELS: Labels = {
  'applicant.name': '申请人姓名',
  'applicant.sex': '性别',
  'applicant.ethnicity': '民族',
  'applicant.birthDate': '出生日期',
  'applicant.idType': '证件类型',
  'applicant.idNumber': '公民身份号码',
  'applicant.householdAddress': '户籍所在地',
  'applicant.residence': '经常居住地',
  'applicant.phone': '联系电话',
  'applicant.employer': '工作单位',
  'applicant.lacksCapacity': '无民事行为能力或限制民事行为能力',
  applicantGroups: '申请人类别',
  agent: '代理人',
  'agent.name': '代理人姓名',
  'agent.relation': '与申请人关系',
  'agent.idNumber': '代理人公民身份号码',
  'agent.phone': '代理人联系电话',
  opposingParties: '对方当事人',
  'opposingParties.*.name': '对方当事人姓名（名称）',
  'opposingParties.*.idNumber': '对方当事人证件号码',
  category: '案件类别',
  serviceForm: '援助形式',
  matter: '案由',
  defenceGround: '没有委托辩护人的原因',
  proceedingStage: '案件所处阶段',
  handlingAuthority: '办案机关',
  facts: '案情及申请理由',
  'finance.householdSize': '家庭人口数',
  'finance.monthlyIncomePerCapitaFen': '家庭月人均收入',
  'finance.basis': '经济困难核查方式',
  'finance.exemptReason': '免予核查理由',
  notice: '通知辩护',
  'notice.authority': '通知机关',
  'notice.documentNumber': '通知书文号',
  'notice.grounds': '通知辩护的情形',
  receivedOn: '申请日期',
  receivedBy: '受理人',
};

const applicantSchema = strictObject({
  name: text({ max: NAME_MAX, required: true }),
  sex: choice(SEXES),
  ethnicity: choice(ETHNIC_GROUPS),
  birthDate: isoDate(),
  idType: choice(ID_TYPES),
  idNumber: text({ max: ID_NUMBER_MAX, required: true }),
  householdAddress: text({ max: LINE_MAX, required: true }),
  residence: text({ max: LINE_MAX }),
  phone: text({ max: PHONE_MAX, required: true }),
  employer: text({ max: LINE_MAX }),
  lacksCapacity: z.boolean({ error: '格式不正确' }),
});

const agentSchema = strictObject({
  name: text({ max: NAME_MAX, required: true }),
  relation: choice(AGENT_RELATIONS),
  idNumber: text({ max: ID_NUMBER_MAX, required: true }),
  phone: text({ max: PHONE_MAX, required: true }),
});

const opposingPartySchema = strictObject({
  name: text({ max: LINE_MAX, required: true }),
  idNumber: text({ max: ID_NUMBER_MAX }),
});

const financeSchema = strictObject({
  householdSize: integer({ min: 1, max: 50 }).nullable(),
  monthlyIncomePerCapitaFen: fen().nullable(),
  /** '' only where no financial check applies (see `financialCheckApplies`). */
  basis: optionalChoice(FINANCE_BASES),
  exemptReason: text({ max: 500, multiLine: true }),
});

/** 通知辩护 (法律援助法 第36条): the case starts from the authority's notice, not from an application. */
const noticeSchema = strictObject({
  authority: text({ max: LINE_MAX, required: true }),
  documentNumber: text({ max: LINE_MAX, required: true }),
  grounds: z
    .array(choice(NOTICE_GROUNDS), { error: '格式不正确' })
    .min(1, '请至少选择一项（法律援助法第25条、第28条）')
    .max(NOTICE_GROUNDS.length, '选项过多')
    .refine((grounds) => new Set(grounds).size === grounds.length, '选项重复'),
});

const applicationShape = strictObject({
  applicant: applicantSchema,
  applicantGroups: z
    .array(choice(APPLICANT_GROUPS), { error: '格式不正确' })
    .max(APPLICANT_GROUPS.length, '选项过多')
    .refine((groups) => new Set(groups).size === groups.length, '选项重复'),
  agent: agentSchema.nullable(),
  opposingParties: z.array(opposingPartySchema, { error: '格式不正确' }).max(20, '最多20个'),
  category: choice(LEGAL_AID_CATEGORIES),
  serviceForm: choice(LEGAL_AID_SERVICE_FORMS),
  matter: text({ max: LINE_MAX, required: true }),
  /** 刑事 applications for a defence: 经济困难 or 其他原因 (法律援助法 第24条); '' otherwise. */
  defenceGround: optionalChoice(DEFENCE_GROUNDS),
  proceedingStage: optionalChoice(PROCEEDING_STAGES),
  handlingAuthority: text({ max: LINE_MAX }),
  facts: text({ max: FACTS_MAX, required: true, multiLine: true }),
  finance: financeSchema,
  /** Null for an application; the notice for a notified defence, whose `receivedOn` is the day it was received. */
  notice: noticeSchema.nullable(),
  receivedOn: isoDate(),
  receivedBy: text({ max: NAME_MAX, required: true }),
});

export type LegalAidApplication = z.output<typeof applicationShape>;
export type LegalAidApplicationInput = z.input<typeof applicationShape>;

/**
 * Whether the application must state the finances (法律援助法 第41条): not when a suspect or defendant has no
 * defender for a reason other than financial difficulty (第24条 "或者其他原因").
 */
export function financialCheckApplies(app: { category: string; defenceGround: string; notified: boolean }): boolean {
  if (app.notified) return false; // 第36条: no application review, no financial check
  return !(app.category === '刑事' && app.defenceGround === '其他原因');
}

export interface RuleIssue {
  path: (string | number)[];
  message: string;
}

function idNumberIssue(idType: IdType, value: string, today: string): { message?: string; canonical?: string } {
  if (GB11643_ID_TYPES.has(idType)) {
    const parsed = parseIdNumber(value, today);
    return parsed.ok ? { canonical: parsed.value.canonical } : { message: ID_NUMBER_MESSAGES[parsed.error] };
  }
  const s = value.replace(/\s/g, '').toUpperCase();
  return /^[A-Z0-9-]{5,30}$/.test(s) ? { canonical: s } : { message: '证件号码格式不正确' };
}

/**
 * The rules that span fields: the ID number against the birth date and sex the clerk entered, dates against
 * today and each other, the agent a minor needs, what each case category requires, the financial basis.
 * Returns canonical forms for the numbers it checked, so that what is stored is what was validated.
 */
export function checkLegalAidApplication(app: LegalAidApplication, today: string): RuleIssue[] {
  const issues: RuleIssue[] = [];
  const add = (path: (string | number)[], message: string) => issues.push({ path, message });
  const { applicant, agent, finance } = app;

  if (app.receivedOn > today) add(['receivedOn'], '不能晚于今天');
  if (applicant.birthDate > today) add(['applicant', 'birthDate'], '不能晚于今天');
  else if (applicant.birthDate > app.receivedOn) add(['applicant', 'birthDate'], '不能晚于申请日期');

  const id = idNumberIssue(applicant.idType, applicant.idNumber, today);
  if (id.message) add(['applicant', 'idNumber'], id.message);
  else if (GB11643_ID_TYPES.has(applicant.idType)) {
    const parsed = parseIdNumber(applicant.idNumber, today);
    if (parsed.ok) {
      if (parsed.value.birthDate !== applicant.birthDate)
        add(
          ['applicant', 'birthDate'],
          `与公民身份号码中的出生日期（${formatChineseDate(parsed.value.birthDate)}）不一致`,
        );
      if (parsed.value.sex !== applicant.sex)
        add(['applicant', 'sex'], `与公民身份号码显示的性别（${parsed.value.sex}）不一致`);
    }
  }
  if (applicant.phone && !parsePhone(applicant.phone).ok) add(['applicant', 'phone'], '应为手机号码或带区号的固定电话');

  const minor = applicant.birthDate <= app.receivedOn && ageOn(applicant.birthDate, app.receivedOn) < 18;
  // A notified defendant does not apply, so no agent applies for them (第36条).
  if (!agent && !app.notice) {
    if (minor) add(['agent'], '申请人为未成年人，须填写代理人');
    else if (applicant.lacksCapacity) add(['agent'], '申请人无民事行为能力或限制民事行为能力，须填写代理人');
  } else if (agent) {
    const agentId = parseIdNumber(agent.idNumber, today);
    if (!agentId.ok) add(['agent', 'idNumber'], ID_NUMBER_MESSAGES[agentId.error]);
    if (!parsePhone(agent.phone).ok) add(['agent', 'phone'], '应为手机号码或带区号的固定电话');
  }

  app.opposingParties.forEach((party, i) => {
    if (party.idNumber && !parseIdNumber(party.idNumber, today).ok && !parseCreditCode(party.idNumber).ok)
      add(['opposingParties', i, 'idNumber'], '应为有效的公民身份号码或统一社会信用代码');
  });

  if (app.category === '刑事') {
    if (!app.proceedingStage) add(['proceedingStage'], '刑事案件须选择案件所处阶段');
    if (!app.handlingAuthority) add(['handlingAuthority'], '刑事案件须填写办案机关');
  }
  if (CATEGORIES_WITH_OPPOSING_PARTY.has(app.category) && app.opposingParties.length === 0)
    add(['opposingParties'], `${app.category}案件须填写至少一个对方当事人`);

  if (app.notice) {
    if (app.category !== '刑事') add(['category'], '通知辩护案件的案件类别应为刑事（法律援助法第36条）');
    if (app.defenceGround !== '') add(['defenceGround'], '通知辩护不经申请，不填写（法律援助法第36条）');
  } else if (app.defenceGround !== '' && app.category !== '刑事')
    add(['defenceGround'], '仅刑事案件申请辩护时填写（法律援助法第24条）');

  if (finance.basis === '免予核查') {
    if (!finance.exemptReason) add(['finance', 'exemptReason'], '选择免予核查时须写明理由');
  } else if (finance.basis === '') {
    if (financialCheckApplies({ ...app, notified: app.notice !== null })) add(['finance', 'basis'], '请选择');
  } else {
    if (finance.householdSize === null) add(['finance', 'householdSize'], '不能为空');
    if (finance.monthlyIncomePerCapitaFen === null) add(['finance', 'monthlyIncomePerCapitaFen'], '不能为空');
  }
  return issues;
}

/** Puts every number into its canonical stored form (after the rules have passed). */
function canonicalizeLegalAidApplication(app: LegalAidApplication, today: string): LegalAidApplication {
  const canonicalId = (type: IdType, v: string) => idNumberIssue(type, v, today).canonical ?? v;
  const phone = (v: string) => {
    const p = parsePhone(v);
    return p.ok ? p.value : v;
  };
  const opposingId = (v: string) => {
    if (!v) return v;
    const person = parseIdNumber(v, today);
    if (person.ok) return person.value.canonical;
    const org = parseCreditCode(v);
    return org.ok ? org.value : v;
  };
  return {
    ...app,
    applicant: {
      ...app.applicant,
      idNumber: canonicalId(app.applicant.idType, app.applicant.idNumber),
      phone: phone(app.applicant.phone),
    },
    agent: app.agent
      ? { ...app.agent, idNumber: canonicalId('居民身份证', app.agent.idNumber), phone: phone(app.agent.phone) }
      : null,
    opposingParties: app.opposingParties.map((p) => ({ ...p, idNumber: opposingId(p.idNumber) })),
  };
}

/** The schema the contract uses: shape, then the cross-field rules against today's local date, then canonical forms. */
export function legalAidApplicationSchema(today: () => string = () => localDate()) {
  return applicationShape
    .superRefine((app, ctx) => {
      for (const issue of checkLegalAidApplication(app, today())) ctx.addIssue({ code: 'custom', ...issue });
    })
    .transform((app) => canonicalizeLegalAidApplication(app, today()));
}
