// Demo cases of every kind in every stage, deterministic for a seed: the CLI's `demo` (and, later, the benchmark).
//
// planDemoCases is pure: for each case it draws the kind (30% legal aid, 55% mediation, 15% notarization), the
// status it is to reach (so that, for enough cases, every status of every kind occurs), the intake form and the
// lifecycle actions that lead there, each dated on a working day not before the previous one and not after
// `until`. Open cases are recent; concluded and archived ones spread over the past years.
// makeDemoCases then registers each case and takes its actions through the same channels a clerk uses.
import { addDays, daysBetween } from '../shared/calendar';
import type { CaseStatus } from '../shared/cases/statuses';
import { ApiError, type Api } from '../shared/client';
import type { Channel, ChannelInput } from '../shared/contract';
import { formatChineseDate, isRealDate } from '../shared/dates';
import { LEGAL_AID_LIFECYCLE, type LegalAidAction, type LegalAidStatus } from '../shared/kinds/legalAid/lifecycle';
import type { LegalAidApplicationInput } from '../shared/kinds/legalAid/intake';
import type { PROGRESS_KINDS, TERMINATION_REASONS } from '../shared/kinds/legalAid/options';
import { mediationTermDue } from '../shared/kinds/mediation/deadlines';
import {
  confirmationDue,
  MEDIATION_LIFECYCLE,
  type MediationAction,
  type MediationStatus,
} from '../shared/kinds/mediation/lifecycle';
import type { MEDIATION_TERMINATION_REASONS } from '../shared/kinds/mediation/options';
import {
  NOTARIZATION_LIFECYCLE,
  type NotarizationAction,
  type NotarizationStatus,
} from '../shared/kinds/notarization/lifecycle';
import { MATTER_SEED } from '../shared/kinds/notarization/matters';
import { ALL_KINDS, caseKindLabel } from '../shared/kinds';
import { CASE_KINDS, type CaseKind } from '../shared/options';
import {
  chance,
  chineseName,
  demoLocale,
  disputeTemplatesFor,
  int,
  LEGAL_AID_MATTERS,
  legalAidApplication,
  mediationRegistration,
  MEANS_TESTED_MATTERS,
  NOTARIZATION_TEMPLATES,
  notarizationRequest,
  OUT_OF_SCOPE_MATTERS,
  pick,
  pickLegalAidMatter,
  quickOralMediation,
  seededRandom,
  shuffle,
  some,
  weighted,
  workingDayFrom,
  yuan,
  type DemoLocale,
  type DemoMatter,
  type DemoOffice,
  type DisputeContext,
  type DisputeTemplate,
  type LegalAidMatter,
  type NotarizationTemplate,
  type Rand,
} from './demoData';

// ---------------------------------------------------------------------------------------------------------------
// Proportions

/** Of every 100 cases a township office registers: legal aid, people's mediation, notarization. */
export const DEMO_KIND_SHARES: Readonly<Record<CaseKind, number>> = { legal_aid: 30, mediation: 55, notarization: 15 };

/**
 * Where a kind's cases stand, per 100: many recent ones in the early stages, most of the rest concluded and
 * archived. Typed as a record of each lifecycle's statuses, so a status added to a lifecycle must be given a share.
 */
export const DEMO_STATUS_SHARES: {
  readonly legal_aid: Readonly<Record<LegalAidStatus, number>>;
  readonly mediation: Readonly<Record<MediationStatus, number>>;
  readonly notarization: Readonly<Record<NotarizationStatus, number>>;
} = {
  legal_aid: {
    received: 7,
    notified: 1,
    awaiting_materials: 5,
    provisional: 2,
    granted: 3,
    assigned: 18,
    closed: 6,
    refused: 3,
    objection_pending: 1,
    terminated: 3,
    withdrawn: 2,
    archived: 49,
  },
  mediation: { registered: 6, mediating: 11, concluded: 21, failed: 4, terminated: 4, archived: 54 },
  notarization: {
    received: 5,
    awaiting_materials: 5,
    ready: 3,
    forwarded: 5,
    accepted: 8,
    suspended: 3,
    issued: 5,
    delivered: 14,
    refused: 3,
    terminated: 4,
    archived: 45,
  },
};

/**
 * Days between a case's last action and `until`, by the status it rests in. A status a clerk leaves quickly (待审查,
 * 已决定给予) is recent; a file that is finished but not yet archived (archiving is done in batches) may wait months;
 * `spread` spreads the cases over the whole period, fewer of them in the last months (archived cases).
 */
const IDLE: {
  legal_aid: Record<LegalAidStatus, readonly [number, number] | 'spread'>;
  mediation: Record<MediationStatus, readonly [number, number] | 'spread'>;
  notarization: Record<NotarizationStatus, readonly [number, number] | 'spread'>;
} = {
  legal_aid: {
    received: [0, 6],
    notified: [0, 2],
    awaiting_materials: [0, 12],
    provisional: [0, 2],
    granted: [0, 2],
    assigned: [0, 45],
    closed: [0, 240],
    refused: [0, 240],
    objection_pending: [0, 4],
    terminated: [0, 240],
    withdrawn: [0, 240],
    archived: 'spread',
  },
  mediation: {
    registered: [0, 4],
    mediating: [0, 12],
    concluded: [0, 330],
    failed: [0, 300],
    terminated: [0, 300],
    archived: 'spread',
  },
  notarization: {
    received: [0, 1],
    awaiting_materials: [0, 15],
    ready: [0, 2],
    forwarded: [0, 4],
    accepted: [0, 10],
    suspended: [0, 12],
    issued: [0, 8],
    delivered: [0, 300],
    refused: [0, 240],
    terminated: [0, 240],
    archived: 'spread',
  },
};

/** Archived cases thin out over the last RAMP_DAYS (the files of recent cases are mostly still open). */
const RAMP_DAYS = 240;

/** Splits n by the shares (largest remainder); every key gets at least one when n allows it. */
export function allocate<K extends string>(n: number, shares: Readonly<Record<K, number>>): Record<K, number> {
  const keys = Object.keys(shares) as K[];
  const total = keys.reduce((s, k) => s + shares[k], 0);
  const exact = keys.map((k) => (n * shares[k]) / total);
  const counts = exact.map(Math.floor);
  const byRemainder = keys.map((_, i) => i).sort((a, b) => exact[b]! - counts[b]! - (exact[a]! - counts[a]!) || a - b);
  for (let left = n - counts.reduce((s, c) => s + c, 0), j = 0; left > 0; left--, j++) counts[byRemainder[j]!]! += 1;
  if (n >= keys.length) {
    for (let i = 0; i < keys.length; i++) {
      if (counts[i] !== 0) continue;
      const largest = counts.indexOf(Math.max(...counts));
      counts[largest]! -= 1;
      counts[i] = 1;
    }
  }
  return Object.fromEntries(keys.map((k, i) => [k, counts[i]!])) as Record<K, number>;
}

function expand<K extends string>(counts: Record<K, number>): K[] {
  return (Object.keys(counts) as K[]).flatMap((k) => Array<K>(counts[k]).fill(k));
}

// ---------------------------------------------------------------------------------------------------------------
// Plans

type WithoutCase<T> = T extends unknown ? Omit<T, 'caseId'> : never;
type StepChannel = `legalAid.${LegalAidAction}` | `mediation.${MediationAction}` | `notarization.${NotarizationAction}`;

/** One lifecycle action, the case left out (the case id is known once it is registered). */
export type DemoStep = { [C in StepChannel]: { channel: C; input: WithoutCase<ChannelInput<C>> } }[StepChannel];

export type DemoRegistration =
  | { channel: 'legalAid.create'; input: ChannelInput<'legalAid.create'> }
  | { channel: 'mediation.create'; input: ChannelInput<'mediation.create'> }
  | { channel: 'mediation.quickOral'; input: ChannelInput<'mediation.quickOral'> }
  | { channel: 'notarization.create'; input: ChannelInput<'notarization.create'> };

export interface DemoCasePlan {
  kind: CaseKind;
  /** The status the case is in after its last step. */
  status: CaseStatus;
  receivedOn: string;
  register: DemoRegistration;
  steps: DemoStep[];
}

const la = <A extends LegalAidAction>(action: A, input: WithoutCase<ChannelInput<`legalAid.${A}`>>) =>
  ({ channel: `legalAid.${action}`, input }) as DemoStep;
const med = <A extends MediationAction>(action: A, input: WithoutCase<ChannelInput<`mediation.${A}`>>) =>
  ({ channel: `mediation.${action}`, input }) as DemoStep;
/** A notarization step, written with its action beside its input. */
type NotaryStep = {
  [A in NotarizationAction]: { action: A } & WithoutCase<ChannelInput<`notarization.${A}`>>;
}[NotarizationAction];
const notary = ({ action, ...input }: NotaryStep): DemoStep =>
  ({ channel: `notarization.${action}`, input }) as DemoStep;

/** The date each step is taken on. */
export function stepDate(step: DemoStep): string {
  return step.input.actedOn;
}

/** A case's days: each step on a working day, never before the previous one; `latest` is the last date used. */
class Walk {
  on: string;
  latest: string;
  constructor(start: string) {
    this.on = workingDayFrom(start);
    this.latest = this.on;
  }
  /** `days` calendar days on, then the next working day. */
  after(days: number): string {
    return this.to(addDays(this.on, days));
  }
  /** The first working day on or after `date` (and not before the current day). */
  to(date: string): string {
    this.on = workingDayFrom(date > this.on ? date : this.on);
    if (this.on > this.latest) this.latest = this.on;
    return this.on;
  }
}

interface Staff {
  orgType: '律师事务所' | '基层法律服务所' | '法律援助中心';
  orgName: string;
  people: string[];
}

/** What every case of a plan shares: the office's place, its clerks and mediators, the lawyers it assigns. */
interface Office {
  locale: DemoLocale;
  clerks: string[];
  mediators: string[];
  providers: Staff[];
  notaryOffice: string;
  disputeTemplates: readonly DisputeTemplate[];
  notarization: readonly { template: NotarizationTemplate; matter: DemoMatter }[];
}

interface Built {
  receivedOn: string;
  latest: string;
  register: DemoRegistration;
  steps: DemoStep[];
}

const year = (iso: string) => iso.slice(0, 4);

// ---------------------------------------------------------------------------------------------------------------
// 法律援助

interface LegalAidRoute {
  materials: 'none' | 'supplied' | 'pending' | 'withdrawn';
  /** Registered from an authority's notice (通知辩护, 第36条): no review, the assignment follows. */
  notified: boolean;
  first: 'none' | 'grant' | 'provisional' | 'refuse';
  /** A refusal corrected on objection goes on like a grant. */
  objection: 'none' | 'pending' | 'upheld' | 'corrected';
  assign: boolean;
  progress: number;
  matterEndedInProgress: boolean;
  end: 'none' | 'terminate' | 'close';
  subsidy: boolean;
  archive: boolean;
}

function legalAidRoute(r: Rand, target: LegalAidStatus): LegalAidRoute {
  const base: LegalAidRoute = {
    materials: chance(r, 0.15) ? 'supplied' : 'none',
    notified: false,
    first: 'none',
    objection: 'none',
    assign: false,
    progress: 0,
    matterEndedInProgress: false,
    end: 'none',
    subsidy: false,
    archive: false,
  };
  const aid = (): 'grant' | 'provisional' => (chance(r, 0.12) ? 'provisional' : 'grant');
  const handled = (min: number, max: number): Partial<LegalAidRoute> => ({
    first: aid(),
    assign: true,
    progress: int(r, min, max),
  });
  switch (target) {
    case 'received':
      return base;
    case 'notified':
      return { ...base, materials: 'none', notified: true };
    case 'awaiting_materials':
      return { ...base, materials: 'pending' };
    case 'withdrawn':
      return { ...base, materials: 'withdrawn' };
    case 'provisional':
      return { ...base, first: 'provisional' };
    case 'granted':
      return { ...base, first: 'grant' };
    case 'refused':
      return { ...base, first: 'refuse' };
    case 'objection_pending':
      return chance(r, 0.75)
        ? { ...base, first: 'refuse', objection: 'pending' }
        : { ...base, ...handled(0, 2), end: 'terminate', objection: 'pending' };
    case 'assigned':
      return { ...base, ...handled(0, 3), matterEndedInProgress: chance(r, 0.2) };
    case 'closed':
      return { ...base, ...handled(1, 4), end: 'close', subsidy: chance(r, 0.5) };
    case 'terminated': {
      const assigned = chance(r, 0.6);
      return { ...base, first: aid(), assign: assigned, progress: assigned ? int(r, 0, 2) : 0, end: 'terminate' };
    }
    case 'archived': {
      const way = weighted(r, [
        ['closed', 70],
        ['refused', 12],
        ['terminated', 8],
        ['withdrawn', 6],
        ['corrected', 4],
      ] as const);
      const archived = { ...base, archive: true };
      switch (way) {
        case 'closed':
          return { ...archived, ...handled(1, 4), end: 'close', subsidy: true };
        case 'refused':
          return { ...archived, first: 'refuse', objection: chance(r, 0.25) ? 'upheld' : 'none' };
        case 'terminated':
          return {
            ...archived,
            first: aid(),
            assign: true,
            progress: int(r, 0, 2),
            end: 'terminate',
            objection: chance(r, 0.15) ? 'upheld' : 'none',
          };
        case 'withdrawn':
          return { ...archived, materials: 'withdrawn' };
        case 'corrected':
          return {
            ...archived,
            first: 'refuse',
            objection: 'corrected',
            assign: true,
            progress: int(r, 1, 3),
            end: 'close',
            subsidy: true,
          };
      }
    }
  }
}

const MISSING_MATERIALS: Record<string, string[]> = {
  wages: ['考勤记录或工友证人证言', '工资欠条或结算单', '劳动合同或务工协议'],
  labourRelation: ['工作证、工作服等劳动关系证明', '工资转账记录', '医疗费票据'],
  workInjury: ['工伤认定决定书', '劳动能力鉴定结论书', '医疗费票据'],
  traffic: ['道路交通事故认定书', '住院病历及医疗费票据', '伤残鉴定意见书'],
  support: ['子女户籍信息', '医疗费票据', '村委会出具的家庭情况证明'],
  childSupport: ['离婚调解书', '子女出生医学证明'],
  default: ['户口簿复印件', '家庭经济状况证明', '与案件有关的证据材料'],
};

const PROGRESS_SEQUENCES: Record<string, readonly (typeof PROGRESS_KINDS)[number][]> = {
  defence: ['会见', '阅卷', '会见', '开庭', '文书送达'],
  victim: ['会见', '阅卷', '开庭', '文书送达'],
  labour: ['会见', '调查取证', '开庭', '调解或和解', '文书送达'],
  civil: ['会见', '调查取证', '开庭', '文书送达'],
  paper: ['其他'],
};

function progressSequence(m: LegalAidMatter) {
  if (m.matterType === '刑事辩护') return PROGRESS_SEQUENCES.defence!;
  if (m.category === '刑事') return PROGRESS_SEQUENCES.victim!;
  if (m.category === '非诉讼及其他') return PROGRESS_SEQUENCES.paper!;
  return m.serviceForm === '劳动争议调解与仲裁代理' ? PROGRESS_SEQUENCES.labour! : PROGRESS_SEQUENCES.civil!;
}

/** Whom the assigned lawyer asks, and what evidence comes of it, by matter. */
const LABOUR_INQUIRY: [string[], string[]] = [
  ['工友', '原单位同事', '项目部'],
  ['考勤记录', '工资发放记录', '工友证人证言'],
];
const INJURY_INQUIRY: [string[], string[]] = [
  ['经办医院', '交警部门', '目击证人'],
  ['病历资料', '医疗费票据', '事故现场照片'],
];
const FAMILY_INQUIRY: [string[], string[]] = [
  ['村（居）委会', '邻居', '其他子女'],
  ['家庭收入情况证明', '证人证言', '医疗费票据'],
];
const INQUIRIES: Record<string, [string[], string[]]> = {
  wages: LABOUR_INQUIRY,
  labourRelation: LABOUR_INQUIRY,
  workInjury: [
    ['工友', '经办医院', '车间负责人'],
    ['工伤认定材料', '病历资料', '工友证人证言'],
  ],
  traffic: INJURY_INQUIRY,
  medical: [
    ['经办医院', '转诊医院'],
    ['病历资料', '输液记录', '医疗费票据'],
  ],
  support: FAMILY_INQUIRY,
  childSupport: [
    ['村（居）委会', '孩子就读学校'],
    ['离婚调解书', '抚养费支付记录'],
  ],
  domesticViolence: [
    ['派出所', '邻居', '妇联'],
    ['报警记录', '家庭暴力告诫书', '伤情照片'],
  ],
  pension: [
    ['原单位', '档案馆'],
    ['职工档案', '养老保险缴费记录'],
  ],
  default: [
    ['有关单位', '证人'],
    ['书证', '证人证言'],
  ],
};

function progressText(r: Rand, kind: string, m: LegalAidMatter, who: string, l: DemoLocale): string {
  const criminal = m.category === '刑事';
  const labour = m.serviceForm === '劳动争议调解与仲裁代理';
  const forum = labour ? `${l.county}劳动人事争议仲裁委员会` : `${l.county}人民法院`;
  switch (kind) {
    case '会见':
      return m.matterType === '刑事辩护'
        ? `在${l.county}看守所会见${who}，听取其对案件事实的陈述和辩解，告知其诉讼权利和认罪认罚从宽制度。`
        : `约见受援人${who}，了解案件事实和诉求，告知其权利义务和${labour ? '仲裁' : '诉讼'}风险。`;
    case '阅卷':
      return `到${criminal ? `${l.county}人民检察院` : forum}查阅、复制案卷材料，梳理在案证据。`;
    case '调查取证': {
      const [sources, evidence] = INQUIRIES[m.key] ?? INQUIRIES.default!;
      return `向${pick(r, sources)}调查了解情况，收集${pick(r, evidence)}等证据材料。`;
    }
    case '开庭':
      return `参加${forum}开庭审理，发表${m.matterType === '刑事辩护' ? '辩护' : '代理'}意见。`;
    case '调解或和解':
      return `参加${forum}主持的调解，双方就支付数额和期限进行协商。`;
    case '文书送达':
      return `收到${forum}送达的${m.matterType === '刑事辩护' ? '刑事判决书' : labour ? '仲裁裁决书' : '民事判决书'}，已向受援人解释并告知${labour ? '起诉' : '上诉'}权利。`;
    default:
      return '根据受援人提供的材料起草文书初稿，并向受援人解释文书内容，受援人无异议。';
  }
}

type Closing = Pick<ChannelInput<'legalAid.close'>, 'result' | 'closingDocument' | 'closingDocumentNumber' | 'summary'>;

function closingOf(r: Rand, m: LegalAidMatter, on: string, l: DemoLocale): Closing {
  const y = year(on);
  const n = () => int(r, 120, 4800);
  if (m.category === '非诉讼及其他') {
    return {
      result: '法律咨询或代拟文书已完成',
      closingDocument: '其他结案文书',
      closingDocumentNumber: '',
      summary: '已为受援人代拟赡养协议，各方当事人已签字确认。',
    };
  }
  if (m.matterType === '刑事辩护') {
    const result = weighted(r, [
      ['从轻、减轻或免除处罚', 80],
      ['无罪或不起诉', 6],
      ['其他', 14],
    ] as const);
    return result === '无罪或不起诉'
      ? {
          result,
          closingDocument: '不起诉决定书',
          closingDocumentNumber: `${l.countyAbbr}检刑不诉〔${y}〕${int(r, 5, 90)}号`,
          summary: '人民检察院采纳辩护意见，决定不起诉。',
        }
      : {
          result,
          closingDocument: '判决书',
          closingDocumentNumber: `（${y}）${l.courtCode}刑初${n()}号`,
          summary: `法院采纳了辩护人提出的${pick(r, ['自首', '初犯、偶犯', '认罪认罚', '积极退赃退赔'])}等辩护意见，判处${pick(r, ['有期徒刑六个月，缓刑一年', '拘役四个月', '有期徒刑一年', '有期徒刑八个月，缓刑一年'])}。`,
        };
  }
  const labour = m.serviceForm === '劳动争议调解与仲裁代理';
  const result = weighted(r, [
    ['胜诉或请求全部支持', 30],
    ['部分胜诉或请求部分支持', 26],
    ['调解结案', 26],
    ['和解结案', 8],
    ['撤诉', 4],
    ['败诉或请求未获支持', 6],
  ] as const);
  const court =
    m.category === '行政' ? '行初' : m.category === '国家赔偿' ? '法委赔' : m.category === '刑事' ? '刑初' : '民初';
  const docNumber = labour
    ? `${l.countyAbbr}劳人仲案字〔${y}〕${int(r, 20, 600)}号`
    : `（${y}）${l.courtCode}${court}${n()}号`;
  switch (result) {
    case '调解结案':
      return {
        result,
        closingDocument: '调解书',
        closingDocumentNumber: docNumber,
        summary: `经${labour ? '仲裁庭' : '法院'}主持调解，双方达成协议，对方于三个月内分期支付${yuan(int(r, 20, 300) * 100)}。`,
      };
    case '和解结案':
      return {
        result,
        closingDocument: '和解协议',
        closingDocumentNumber: '',
        summary: '双方自行达成和解协议，对方已一次性支付。',
      };
    case '撤诉':
      return {
        result,
        closingDocument: '裁定书',
        closingDocumentNumber: docNumber,
        summary: '对方在诉讼中履行了义务，受援人申请撤诉，法院裁定准许。',
      };
    case '败诉或请求未获支持':
      return {
        result,
        closingDocument: labour ? '仲裁裁决书' : '判决书',
        closingDocumentNumber: docNumber,
        summary: '因证据不足，请求未获支持，已告知受援人上诉权利。',
      };
    default:
      return {
        result,
        closingDocument: labour ? '仲裁裁决书' : '判决书',
        closingDocumentNumber: docNumber,
        summary: result === '胜诉或请求全部支持' ? '受援人的请求获得全部支持。' : '受援人的请求获得部分支持。',
      };
  }
}

const TERMINATIONS: [(typeof TERMINATION_REASONS)[number], number, string][] = [
  ['受援人自行委托律师或者其他代理人', 40, '受援人已另行委托律师代理，书面申请终止法律援助。'],
  ['受援人有正当理由要求终止法律援助', 25, '受援人与对方已自行和解，申请终止法律援助。'],
  ['案件终止审理或者已经被撤销', 15, '办案机关撤销案件，本案终止。'],
  [
    '受援人的经济状况发生变化，不再符合法律援助条件',
    12,
    '受援人已获得赔偿款，经济状况发生变化，不再符合法律援助条件。',
  ],
  ['受援人故意隐瞒与案件有关的重要事实或者提供虚假证据', 8, '经核实，受援人隐瞒了已获得部分赔偿的事实。'],
];

const DEFENCE_MATTERS = LEGAL_AID_MATTERS.filter((m) => m.matterType === '刑事辩护');

/** The application turned into a notified defence: the notice, its 第25条 ground, no finances (第36条). */
function notifiedDefence(r: Rand, app: LegalAidApplicationInput, locale: DemoLocale): LegalAidApplicationInput {
  const minor = !!app.applicantGroups?.includes('未成年人');
  const authority = app.handlingAuthority || `${locale.county}公安局`;
  const name = app.applicant.name;
  return {
    ...app,
    applicantGroups: minor ? app.applicantGroups : [...new Set([...(app.applicantGroups ?? []), '残疾人' as const])],
    defenceGround: '',
    finance: { householdSize: null, monthlyIncomePerCapitaFen: null, basis: '', exemptReason: '' },
    notice: {
      authority,
      documentNumber: `${locale.countyAbbr}${authority.includes('法院') ? '法' : authority.includes('检察') ? '检' : '公'}通援〔${app.receivedOn.slice(0, 4)}〕${int(r, 1, 99)}号`,
      grounds: [minor ? '未成年人' : '视力、听力、言语残疾人'],
    },
    facts: `${authority}发来通知辩护公函：犯罪嫌疑人、被告人${name}${minor ? '系未成年人' : '系听力、言语残疾人'}，没有委托辩护人，通知法律援助机构指派律师担任辩护人。`,
  };
}

function buildLegalAid(r: Rand, target: LegalAidStatus, start: string, o: Office): Built {
  const { locale } = o;
  const w = new Walk(start);
  const receivedOn = w.on;
  const route = legalAidRoute(r, target);
  const refusal =
    route.first === 'refuse'
      ? route.objection === 'corrected'
        ? 'corrected'
        : chance(r, 0.5)
          ? 'scope'
          : 'means'
      : null;
  const m = route.notified
    ? pickLegalAidMatter(r, DEFENCE_MATTERS)
    : refusal === 'scope'
      ? pickLegalAidMatter(r, OUT_OF_SCOPE_MATTERS)
      : refusal
        ? pickLegalAidMatter(r, MEANS_TESTED_MATTERS)
        : pickLegalAidMatter(r);
  const applied = legalAidApplication(r, m, {
    locale,
    receivedOn,
    receivedBy: pick(r, o.clerks),
    aboveMeansStandard: refusal === 'means',
  });
  // 通知辩护 (第36条): a minor's defence the centre goes on to assign, and every case routed to `notified`, starts
  // from the authority's notice instead of an application. A grant that is not assigned stays an application: a
  // notice would leave the case 已通知, not 已决定给予.
  const notified =
    m.matterType === '刑事辩护' &&
    route.materials === 'none' &&
    (route.notified || (route.first === 'grant' && route.assign && !!applied.applicantGroups?.includes('未成年人')));
  const application = notified ? notifiedDefence(r, applied, locale) : applied;
  const who = application.applicant.name;
  const decidedBy = weighted(r, [
    ['县法律援助中心', 7],
    ['司法所', 3],
  ] as const);
  const steps: DemoStep[] = [];

  if (route.materials !== 'none') {
    const notifiedOn = w.after(int(r, 0, 2));
    const dueDays = int(r, 10, 15);
    const dueOn = addDays(notifiedOn, dueDays);
    const list = MISSING_MATERIALS[m.key] ?? MISSING_MATERIALS.default!;
    steps.push(
      la('notifyMissing', {
        actedOn: notifiedOn,
        items: some(r, list, int(r, 1, Math.min(3, list.length))),
        dueOn,
        note: pick(r, ['已当面一次性告知，申请人签收告知书', '已电话告知并邮寄一次性告知书', '']),
      }),
    );
    if (route.materials === 'supplied')
      steps.push(la('supplyMaterials', { actedOn: w.after(int(r, 2, dueDays - 2)), note: '申请人已补齐材料' }));
    if (route.materials === 'withdrawn') {
      steps.push(
        la('deemWithdrawn', {
          actedOn: w.to(addDays(dueOn, int(r, 1, 12))),
          note: '申请人逾期未补充材料，经电话联系未果',
        }),
      );
    }
  }

  const decideOn = () => w.after(chance(r, 0.9) ? int(r, 1, 6) : int(r, 8, 12));
  if (route.first === 'grant' && !notified) {
    steps.push(
      la('decide', {
        actedOn: decideOn(),
        decision: '给予法律援助',
        decidedBy,
        matterType: m.matterType,
        mandatoryDefenceGrounds:
          m.matterType === '刑事辩护' && application.applicantGroups?.includes('未成年人') ? ['未成年人'] : [],
        documentNumber: `${locale.countyAbbr}法援决〔${year(w.on)}〕{~}号`,
        reasons: '',
      }),
    );
  } else if (route.first === 'provisional') {
    const on = w.after(int(r, 0, 2));
    const urgent = m.opponent === 'company' && chance(r, 0.5);
    steps.push(
      la(
        'provideProvisionally',
        urgent
          ? {
              actedOn: on,
              ground: '需要立即申请财产保全、证据保全或者先予执行',
              limitEndsOn: '',
              decidedBy,
              reason: '对方正在转移财产，需立即申请财产保全。',
            }
          : m.category === '刑事'
            ? {
                actedOn: on,
                ground: '法律法规规章规定的其他情形',
                limitEndsOn: '',
                decidedBy,
                reason: '犯罪嫌疑人即将被提请审查起诉，需及时提供辩护。',
              }
            : {
                actedOn: on,
                ground: '距法定时效或者期限届满不足七日',
                limitEndsOn: addDays(on, int(r, 1, 6)),
                decidedBy,
                reason:
                  m.serviceForm === '劳动争议调解与仲裁代理'
                    ? '距劳动争议仲裁时效届满不足七日，需立即申请仲裁。'
                    : '距诉讼时效届满不足七日，需立即起诉。',
              },
      ),
    );
  } else if (route.first === 'refuse') {
    steps.push(
      la('decide', {
        actedOn: decideOn(),
        decision: '不予法律援助',
        decidedBy,
        matterType: m.matterType,
        mandatoryDefenceGrounds: [],
        documentNumber: `${locale.countyAbbr}法援不决〔${year(w.on)}〕{~}号`,
        reasons:
          refusal === 'scope'
            ? `申请人请求的${m.matter}事项不属于法律援助法第三十一条规定的法律援助事项范围。已告知申请人可通过人民调解或向人民法院起诉等途径解决。`
            : refusal === 'means'
              ? `经核查，申请人家庭月人均收入${yuan(Math.round((application.finance.monthlyIncomePerCapitaFen ?? 0) / 100))}，高于本地法律援助经济困难标准，且不属于免予核查经济困难状况的情形。`
              : '申请人未能提供家庭经济困难的证明材料，不能认定其符合经济困难标准。',
      }),
    );
  }
  const objection = (against: 'refusal' | 'termination') => {
    if (route.objection === 'none') return;
    steps.push(
      la('object', {
        actedOn: w.after(int(r, 2, 14)),
        content:
          against === 'refusal'
            ? '申请人认为其家庭经济困难，申请事项关系基本生活，对不予法律援助决定不服。'
            : '受援人认为终止法律援助的理由不能成立，请求继续提供法律援助。',
      }),
    );
    if (route.objection === 'pending') return;
    steps.push(
      la('reviewObjection', {
        actedOn: w.after(int(r, 1, 5)),
        result: route.objection === 'corrected' ? '责令改正' : '维持原决定',
        reviewedBy: locale.bureauName,
        opinion:
          route.objection === 'corrected'
            ? '经审查，申请人的经济状况符合本地经济困难标准，原决定认定事实有误，责令法律援助机构改正，给予法律援助。'
            : '经审查，原决定认定事实清楚，适用法律正确，维持原决定。',
      }),
    );
  };
  if (route.first === 'refuse') objection('refusal');

  let provider: Staff | null = null;
  if (route.assign) {
    provider = weighted(
      r,
      o.providers.map(
        (p) =>
          [
            p,
            m.category === '刑事' ? (p.orgType === '律师事务所' ? 1 : 0) : p.orgType === '律师事务所' ? 0.6 : 0.2,
          ] as const,
      ),
    );
    const assignedOn = w.after(chance(r, 0.9) ? int(r, 0, 2) : int(r, 4, 6));
    steps.push(
      la('assign', {
        actedOn: assignedOn,
        assignedBy: chance(r, 0.8) ? '县法律援助中心' : '司法所',
        orgType: provider.orgType,
        orgName: provider.orgName,
        personName: pick(r, provider.people),
        rosterId: null,
      }),
    );
    const sequence = progressSequence(m);
    for (let i = 0; i < route.progress; i++) {
      const on = w.after(int(r, 5, 40));
      const kind = sequence[i % sequence.length]!;
      const ended = route.matterEndedInProgress && i === route.progress - 1;
      steps.push(
        la('recordProgress', {
          actedOn: on,
          kind,
          content: progressText(r, kind, m, who, locale),
          matterEndedOn: ended ? on : '',
        }),
      );
    }
  }
  if (route.end === 'terminate') {
    const [reason, , explanation] = weighted(
      r,
      TERMINATIONS.map((t) => [t, t[1]] as const),
    );
    steps.push(la('terminate', { actedOn: w.after(int(r, 7, 60)), reason, decidedBy, explanation }));
    objection('termination');
  } else if (route.end === 'close') {
    const matterEndedOn = w.after(int(r, 5, 40));
    const materialsSubmittedOn = w.after(int(r, 3, 25));
    const closedOn = w.after(int(r, 0, 5));
    steps.push(
      la('close', { actedOn: closedOn, matterEndedOn, materialsSubmittedOn, ...closingOf(r, m, closedOn, locale) }),
    );
    // 回访受援人 after closing (受援人意见反馈表).
    const satisfaction = weighted(r, [
      ['满意', 85],
      ['基本满意', 12],
      ['不满意', 3],
    ] as const);
    steps.push(
      la('followUp', {
        actedOn: w.after(int(r, 1, 20)),
        method: chance(r, 0.85) ? '电话' : '上门',
        reached: '受援人',
        reachedName: who,
        answers: { timelyContact: '是', progressTold: satisfaction === '不满意' ? '否' : '是', handlerRating: '好' },
        satisfaction,
        remarks: satisfaction === '不满意' ? '受援人反映承办人未及时告知开庭时间。' : '',
      }),
    );
    if (route.subsidy) {
      const reviewedOn = w.after(int(r, 5, 25));
      const staffOfCentre = provider?.orgType === '法律援助中心';
      const amountFen = staffOfCentre
        ? 0
        : m.category === '非诉讼及其他'
          ? int(r, 1, 3) * 10_000
          : provider?.orgType === '基层法律服务所'
            ? int(r, 6, 10) * 10_000
            : m.category === '刑事'
              ? int(r, 8, 15) * 10_000
              : int(r, 12, 20) * 10_000;
      steps.push(
        la('recordSubsidy', {
          actedOn: reviewedOn,
          amountFen,
          paidOn: w.after(int(r, 0, 20)),
          note: staffOfCentre ? '法律援助中心工作人员承办，不发放办案补贴' : '',
        }),
      );
    }
  }
  if (route.archive)
    steps.push(la('archive', { actedOn: w.after(int(r, 5, 45)), archiveNumber: `${year(w.on)}-援-{###}`, note: '' }));
  return {
    receivedOn,
    latest: w.latest,
    register: { channel: 'legalAid.create', input: { draftId: null, application } },
    steps,
  };
}

// ---------------------------------------------------------------------------------------------------------------
// 人民调解

interface MediationRoute {
  oral: boolean;
  investigate: boolean;
  sessions: number;
  extend: boolean;
  sessionsAfterExtend: number;
  outcome: 'none' | 'succeed' | 'fail' | 'terminate';
  archive: boolean;
}

function mediationRoute(r: Rand, target: MediationStatus): MediationRoute {
  const none: MediationRoute = {
    oral: false,
    investigate: false,
    sessions: 0,
    extend: false,
    sessionsAfterExtend: 0,
    outcome: 'none',
    archive: false,
  };
  const investigate = chance(r, 0.45);
  const under = (min: number, max: number, extend: number): MediationRoute => {
    const ext = chance(r, extend);
    return {
      ...none,
      investigate,
      sessions: int(r, min, max),
      extend: ext,
      sessionsAfterExtend: ext ? int(r, 0, 1) : 0,
    };
  };
  const concluded = (): MediationRoute =>
    chance(r, 0.42) ? { ...none, oral: true, outcome: 'succeed' } : { ...under(1, 2, 0.06), outcome: 'succeed' };
  const failed = (): MediationRoute => ({ ...under(1, 3, 0.12), outcome: 'fail' });
  const terminated = (): MediationRoute => ({ ...none, sessions: chance(r, 0.5) ? 1 : 0, outcome: 'terminate' });
  switch (target) {
    case 'registered':
      return none;
    case 'mediating':
      return investigate ? under(0, 2, 0.2) : under(1, 2, 0.2);
    case 'concluded':
      return concluded();
    case 'failed':
      return failed();
    case 'terminated':
      return terminated();
    case 'archived': {
      const way = weighted(r, [
        ['concluded', 78],
        ['failed', 10],
        ['terminated', 12],
      ] as const);
      return { ...(way === 'concluded' ? concluded() : way === 'failed' ? failed() : terminated()), archive: true };
    }
  }
}

const MEDIATION_TERMINATIONS: [(typeof MEDIATION_TERMINATION_REASONS)[number], number, string][] = [
  ['当事人撤回调解申请', 35, '双方已自行协商解决，申请人撤回调解申请。'],
  ['一方当事人明确拒绝继续调解', 30, '被申请人明确表示不再参加调解。'],
  ['当事人已向人民法院起诉或申请仲裁', 20, '申请人已向人民法院提起诉讼。'],
  ['纠纷已由其他机关受理或处理', 10, '纠纷已由有关行政机关受理处理。'],
  ['其他', 5, '申请人外出务工，长期联系不上。'],
];

function sessionPlace(t: DisputeTemplate, c: DisputeContext): string {
  switch (t.committee) {
    case 'village':
      return `${c.village}${c.village.endsWith('村') ? '村委会' : '居委会'}调解室`;
    case 'township':
      return `${c.locale.township}人民调解委员会调解室`;
    case 'traffic':
      return `${c.locale.county}交警大队事故处理中心调解室`;
    case 'medical':
      return `${c.locale.county}医疗纠纷人民调解委员会调解室`;
  }
}

function buildMediation(r: Rand, target: MediationStatus, start: string, o: Office): Built {
  const { locale } = o;
  const w = new Walk(start);
  const receivedOn = w.on;
  const route = mediationRoute(r, target);
  const oralTemplates = o.disputeTemplates.filter((t) => t.oral);
  const oral = route.oral && oralTemplates.length > 0;
  const t = weighted(
    r,
    (oral ? oralTemplates : o.disputeTemplates).map((x) => [x, x.weight] as const),
  );
  const steps: DemoStep[] = [];
  const clerk = pick(r, o.clerks);

  let register: DemoRegistration;
  let context: DisputeContext;
  let mediators: string[];
  let agreement: { on: string; form: '书面' | '口头'; method: string; dueOn: string; crimePrevention: boolean } | null =
    null;
  if (oral) {
    const made = quickOralMediation(r, t, { locale, receivedOn, receivedBy: clerk, mediatorPool: o.mediators });
    register = { channel: 'mediation.quickOral', input: made.quickOral };
    context = made.context;
    mediators = [made.quickOral.mediator];
    agreement = {
      on: receivedOn,
      form: '口头',
      method: made.quickOral.performanceMethod,
      dueOn: '',
      crimePrevention: made.quickOral.crimePrevention,
    };
  } else {
    const made = mediationRegistration(r, t, { locale, receivedOn, receivedBy: clerk, mediatorPool: o.mediators });
    register = { channel: 'mediation.create', input: { draftId: null, registration: made.registration } };
    context = made.context;
    mediators = made.mediators;
    const attendees = `${context.a}、${context.b}${t.other === 'person' ? '' : '负责人'}、${mediators.join('、')}`;
    if (route.investigate) {
      steps.push(
        med('investigate', {
          actedOn: w.after(int(r, 0, 4)),
          investigator: mediators[0]!,
          subject: t.other === 'person' ? context.b : context.a,
          place: t.committee === 'village' ? '纠纷现场' : sessionPlace(t, context),
          content: t.investigation(context),
        }),
      );
    }
    // The last session before an agreement records what brought it; earlier ones, the way there.
    const total = route.sessions + route.sessionsAfterExtend;
    let held = 0;
    const session = () => {
      held += 1;
      const content =
        held === total && route.outcome === 'succeed'
          ? t.session(context)
          : held === total && route.outcome === 'fail'
            ? '再次组织双方调解，双方仍各执己见，未能达成一致意见。'
            : held === 1
              ? '双方分别陈述纠纷经过和各自诉求，调解员讲解相关法律规定，双方分歧较大，约定择日再调。'
              : pick(r, [
                  '调解员分别与双方背靠背沟通，释法析理，双方立场有所松动。',
                  '邀请村组干部和双方亲友参与做工作，双方同意继续协商。',
                  '调解员就争议焦点提出调解方案，双方表示回去考虑。',
                ]);
      steps.push(
        med('recordSession', { actedOn: w.after(int(r, 1, 10)), place: sessionPlace(t, context), attendees, content }),
      );
    };
    for (let i = 0; i < route.sessions; i++) session();
    if (route.extend) {
      const termDue = mediationTermDue({ receivedOn, extension: null });
      steps.push(
        med('extend', {
          actedOn: w.to(addDays(receivedOn, int(r, 20, 27))),
          extendedTo: addDays(termDue, int(r, 15, 30)),
          partiesConsent: true,
          reason: pick(r, [
            '双方同意待补充证据后继续调解',
            '需待一方当事人外出务工返乡后继续调解',
            '需待农忙结束后组织现场勘查',
          ]),
        }),
      );
      for (let i = 0; i < route.sessionsAfterExtend; i++) session();
    }
    if (route.outcome === 'succeed') {
      const on = w.after(int(r, 0, 7));
      const form = chance(r, 0.8) ? '书面' : '口头';
      const agreedFen = context.agreed * 100;
      const method =
        agreedFen === 0
          ? '无给付内容'
          : weighted(r, [
              ['即时履行', 50],
              ['限期履行', 35],
              ['分期履行', 15],
            ] as const);
      const dueOn = method === '限期履行' || method === '分期履行' ? addDays(on, int(r, 7, 60)) : '';
      const crimePrevention = chance(r, 0.04);
      steps.push(
        med('succeed', {
          actedOn: on,
          form,
          content: t.agreement(context),
          amountFen: agreedFen,
          performanceMethod: method,
          performanceDueOn: dueOn,
          effectiveOn: '',
          agreementNumber: form === '书面' ? `${made.registration.committee.slice(0, 2)}调〔${year(on)}〕{#}号` : '',
          crimePrevention,
          note: '',
        }),
      );
      agreement = { on, form, method, dueOn, crimePrevention };
    } else if (route.outcome === 'fail') {
      steps.push(med('fail', { actedOn: w.after(int(r, 0, 5)), reason: t.failure(context), routesTold: t.routes }));
    } else if (route.outcome === 'terminate') {
      const [reason, , explanation] = weighted(
        r,
        MEDIATION_TERMINATIONS.map((x) => [x, x[1]] as const),
      );
      steps.push(med('terminate', { actedOn: w.after(int(r, 1, 20)), reason, explanation }));
    }
  }

  if (agreement) {
    const archived = route.archive;
    if (agreement.form === '书面' && chance(r, 0.12)) {
      const appliedOn = w.after(int(r, 1, 12));
      if (appliedOn <= confirmationDue({ effectiveOn: agreement.on })) {
        steps.push(
          med('applyConfirmation', {
            actedOn: appliedOn,
            court: `${locale.county}人民法院`,
            note: '双方当事人共同申请',
          }),
        );
        if (archived || chance(r, 0.85)) {
          const result = chance(r, 0.95) ? '确认调解协议有效' : '驳回申请';
          steps.push(
            med('recordConfirmation', {
              actedOn: w.after(int(r, 7, 25)),
              result,
              rulingNumber: `（${year(w.on)}）${locale.courtCode}民特${int(r, 10, 400)}号`,
              note: result === '驳回申请' ? '协议部分内容违反法律规定，法院裁定驳回申请' : '',
            }),
          );
        }
      }
    }
    if (chance(r, oral ? 0.3 : 0.7)) {
      const deferred = agreement.method === '限期履行' || agreement.method === '分期履行';
      const on = deferred ? w.to(addDays(agreement.dueOn, int(r, 0, 10))) : w.after(int(r, 0, 5));
      const state = deferred
        ? weighted(r, [
            ['已履行', 85],
            ['部分履行', 10],
            ['未履行', 5],
          ] as const)
        : '已履行';
      steps.push(
        med('recordPerformance', {
          actedOn: on,
          state,
          note:
            state === '部分履行'
              ? '已支付第一期款项，余款约定延后一个月支付'
              : state === '未履行'
                ? '义务人以经济困难为由未按期履行，已告知权利人可申请司法确认或起诉'
                : '',
        }),
      );
    }
    if (chance(r, oral ? 0.2 : 0.5)) {
      steps.push(
        med('followUp', {
          actedOn: w.after(int(r, 10, 60)),
          method: weighted(r, [
            ['电话', 50],
            ['上门', 35],
            ['短信', 5],
            ['其他', 10],
          ] as const),
          reached: '当事人',
          reachedName: context.a,
          answers: { performed: '已履行', newDispute: '否' },
          satisfaction: weighted(r, [
            ['满意', 80],
            ['基本满意', 20],
          ] as const),
          remarks: pick(r, [
            '协议已履行完毕，双方关系和睦，未再发生纠纷。',
            '双方按协议履行，对调解结果表示满意。',
            '经回访，双方矛盾已化解，当事人对调解工作满意。',
          ]),
        }),
      );
    }
    if (!agreement.crimePrevention && chance(r, 0.03)) {
      steps.push(
        med('markCrimePrevention', {
          actedOn: w.after(int(r, 1, 30)),
          crimePrevention: true,
          note: '纠纷中双方曾持械对峙，调解及时化解了矛盾激化的风险。',
        }),
      );
    }
    if (chance(r, archived ? 0.85 : 0.35)) {
      const major = register.channel === 'mediation.create' && register.input.registration.major === true;
      steps.push(
        med(
          'recordSubsidy',
          major && chance(r, 0.5)
            ? { actedOn: w.after(int(r, 5, 60)), amountFen: 30_000, note: '重大疑难纠纷，经县司法局核定提高补贴标准' }
            : { actedOn: w.after(int(r, 5, 60)), amountFen: null, note: '' },
        ),
      );
    }
  }
  if (route.archive)
    steps.push(med('archive', { actedOn: w.after(int(r, 5, 60)), archiveNumber: `${year(w.on)}-调-{###}`, note: '' }));
  return { receivedOn, latest: w.latest, register, steps };
}

// ---------------------------------------------------------------------------------------------------------------
// 公证申请

interface NotarizationRoute {
  check: 'none' | 'complete' | 'missing';
  supply: boolean;
  forward: boolean;
  accept: boolean;
  deferred: 'none' | 'outstanding' | 'supplied';
  suspend: 'none' | 'open' | 'resumed';
  issue: boolean;
  deliver: boolean;
  end: 'none' | 'refuse' | 'terminate';
  archive: boolean;
}

function notarizationRoute(r: Rand, target: NotarizationStatus): NotarizationRoute {
  const none: NotarizationRoute = {
    check: 'none',
    supply: false,
    forward: false,
    accept: false,
    deferred: 'none',
    suspend: 'none',
    issue: false,
    deliver: false,
    end: 'none',
    archive: false,
  };
  const ready = (): NotarizationRoute =>
    chance(r, 0.7) ? { ...none, check: 'complete' } : { ...none, check: 'missing', supply: true };
  const forwarded = (): NotarizationRoute => ({ ...ready(), forward: true });
  const accepted = (allowOutstanding: boolean): NotarizationRoute => ({
    ...forwarded(),
    accept: true,
    deferred: chance(r, 0.2) ? (allowOutstanding && chance(r, 0.5) ? 'outstanding' : 'supplied') : 'none',
  });
  const issued = (): NotarizationRoute => ({
    ...accepted(false),
    suspend: chance(r, 0.2) ? 'resumed' : 'none',
    issue: true,
  });
  const refused = (): NotarizationRoute => {
    if (chance(r, 0.5)) return { ...forwarded(), end: 'refuse' };
    return { ...accepted(true), suspend: chance(r, 0.3) ? 'open' : 'none', end: 'refuse' };
  };
  const terminated = (): NotarizationRoute => {
    const at = weighted(r, [
      ['received', 20],
      ['awaiting', 40],
      ['ready', 10],
      ['forwarded', 10],
      ['accepted', 20],
    ] as const);
    const before =
      at === 'received'
        ? none
        : at === 'awaiting'
          ? { ...none, check: 'missing' as const }
          : at === 'ready'
            ? ready()
            : at === 'forwarded'
              ? forwarded()
              : accepted(true);
    return { ...before, end: 'terminate' };
  };
  switch (target) {
    case 'received':
      return none;
    case 'awaiting_materials':
      return { ...none, check: 'missing' };
    case 'ready':
      return ready();
    case 'forwarded':
      return forwarded();
    case 'accepted':
      return accepted(true);
    case 'suspended':
      return { ...accepted(true), suspend: 'open' };
    case 'issued':
      return issued();
    case 'delivered':
      return { ...issued(), deliver: true };
    case 'refused':
      return refused();
    case 'terminated':
      return terminated();
    case 'archived': {
      const way = weighted(r, [
        ['delivered', 85],
        ['refused', 5],
        ['terminated', 10],
      ] as const);
      return {
        ...(way === 'delivered' ? { ...issued(), deliver: true } : way === 'refused' ? refused() : terminated()),
        archive: true,
      };
    }
  }
}

function buildNotarization(r: Rand, target: NotarizationStatus, start: string, o: Office): Built {
  const { locale } = o;
  const w = new Walk(start);
  const receivedOn = w.on;
  const route = notarizationRoute(r, target);
  const { template, matter } = weighted(
    r,
    o.notarization.map((x) => [x, x.template.weight] as const),
  );
  const made = notarizationRequest(r, template, matter, { locale, receivedOn, receivedBy: pick(r, o.clerks) });
  const steps: DemoStep[] = [];
  const act = (input: NotaryStep) => steps.push(notary(input));
  const optional = matter.requiredMaterials.slice(1);
  const materials = optional.length > 0 ? optional : ['与公证事项有关的证明材料原件'];
  const number = (kind: '证受字' | '证字') =>
    `（${year(w.on)}）${locale.provinceAbbr}${locale.countyAbbr}${kind}第{~}号`;

  if (route.check !== 'none') {
    const missing = route.check === 'missing' ? some(r, materials, int(r, 1, Math.min(2, materials.length))) : [];
    act({
      action: 'checkMaterials',
      actedOn: w.after(chance(r, 0.8) ? 0 : 1),
      data: { missingItems: missing, note: missing.length > 0 ? '已当场出具一次性告知书' : '材料齐全' },
    });
    if (route.supply)
      act({ action: 'supplyMaterials', actedOn: w.after(int(r, 2, 12)), data: { note: '申请人已补齐材料' } });
  }
  if (route.forward)
    act({ action: 'forward', actedOn: w.after(int(r, 0, 2)), data: { notaryOffice: o.notaryOffice, note: '' } });
  if (route.accept) {
    const on = w.after(int(r, 1, 4));
    const deferred =
      route.deferred === 'none'
        ? null
        : { item: pick(r, materials), commitmentSigned: true, promisedOn: addDays(on, int(r, 5, 15)) };
    act({ action: 'accept', actedOn: on, data: { noticeNumber: number('证受字'), deferred } });
    if (route.deferred === 'supplied')
      act({ action: 'supplyDeferred', actedOn: w.after(int(r, 2, 14)), data: { note: '申请人已按承诺补交' } });
  }
  if (route.suspend !== 'none') {
    const reason = weighted(r, [
      ['补充材料', 5],
      ['核实有关情况', 5],
    ] as const);
    const stoppedOn = w.after(int(r, 2, 6));
    act({
      action: 'suspend',
      actedOn: stoppedOn,
      data: {
        reason,
        missingItems: reason === '补充材料' ? [pick(r, materials)] : [],
        // Told the same day (公证程序规则 第35条); no draw, so the rest of the demo stays as it was.
        toldOn: stoppedOn,
        toldHow: '电话告知',
        note: reason === '核实有关情况' ? '公证处向有关单位发函核实' : '公证处通知补充材料',
      },
    });
    if (route.suspend === 'resumed') act({ action: 'resume', actedOn: w.after(int(r, 5, 15)), data: { note: '' } });
  }
  if (route.issue)
    act({ action: 'issue', actedOn: w.after(int(r, 3, 14)), data: { certificateNumber: number('证字') } });
  if (route.deliver) {
    const method =
      made.agentName && chance(r, 0.5)
        ? '代理人领取'
        : weighted(r, [
            ['本人领取', 75],
            ['邮寄送达', 25],
          ] as const);
    act({
      action: 'deliver',
      actedOn: w.after(int(r, 1, 10)),
      data: { method, recipient: method === '代理人领取' ? made.agentName! : made.applicantName, receiptSigned: true },
    });
  }
  if (route.end === 'refuse') {
    act({
      action: 'refuse',
      actedOn: w.after(int(r, 3, 20)),
      data: {
        reason: pick(r, [
          '申请人不能提供真实、合法、充分的证明材料',
          '申请公证的事项不真实',
          '当事人与申请公证的事项没有利害关系',
        ]),
      },
    });
  } else if (route.end === 'terminate') {
    act({
      action: 'terminate',
      actedOn: w.after(int(r, 2, 40)),
      data: {
        reason:
          route.check === 'missing' && !route.supply
            ? '申请人逾期未补充材料，视为撤回公证申请'
            : pick(r, ['申请人撤回公证申请', '申请人已改为到其他公证机构办理']),
      },
    });
  }
  if (route.archive)
    act({ action: 'archive', actedOn: w.after(int(r, 5, 30)), data: { archiveNumber: `${year(w.on)}-公-{###}` } });
  return {
    receivedOn,
    latest: w.latest,
    register: { channel: 'notarization.create', input: { draftId: null, request: made.request } },
    steps,
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Placing a case in time, and the whole plan

/**
 * Builds the case so that its last date falls `idle` days before `until` (or, spread, anywhere in the period):
 * a trial build measures how long the case takes; builds from an earlier start until it fits.
 */
function placed(
  build: (start: string) => Built,
  until: string,
  idle: readonly [number, number] | 'spread',
  spanDays: number,
  r: Rand,
): Built {
  const trial = build(until);
  const takes = daysBetween(trial.receivedOn, trial.latest);
  let back = takes + (idle === 'spread' ? int(r, 0, Math.max(0, spanDays - takes)) : int(r, idle[0], idle[1]));
  for (let i = 0; idle === 'spread' && back < RAMP_DAYS && r() * RAMP_DAYS > back && i < 50; i++)
    back = takes + int(r, 0, Math.max(0, spanDays - takes));
  let start = addDays(until, -back);
  for (let attempt = 0; attempt < 30; attempt++) {
    const built = build(start);
    if (built.latest <= until) return built;
    start = addDays(start, -daysBetween(until, built.latest));
  }
  throw new Error('演示数据：无法在截止日期前安排案件的全部步骤');
}

export interface DemoPlanOptions {
  seed: number;
  /** The latest date any step may carry (yyyy-mm-dd, not after today). */
  until: string;
  /** Cases spread over this many years before `until`. */
  years?: number;
  office: DemoOffice;
  /** The office's active 纠纷类型 (default: the shipped list). */
  disputeTypes?: readonly string[];
  /** The office's active notarization matters (default: the shipped catalogue). */
  matters?: readonly DemoMatter[];
}

const PLACEHOLDER = /\{(#+|~)\}/;

/**
 * Replaces a placeholder in every string of a value by the next number of its series: {#} counts 1, 2, 3 (the
 * office's own series; {###} zero-padded), {~} a county-wide series the office sees only some numbers of.
 */
function numbered<T>(value: T, next: (series: string, sparse: boolean) => number): T {
  if (typeof value === 'string') {
    const m = PLACEHOLDER.exec(value);
    if (!m) return value;
    const sparse = m[1] === '~';
    return value.replace(PLACEHOLDER, String(next(value, sparse)).padStart(sparse ? 1 : m[1]!.length, '0')) as T;
  }
  if (Array.isArray(value)) return value.map((v) => numbered(v, next)) as T;
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, numbered(v, next)])) as T;
  }
  return value;
}

function officeOf(r: Rand, options: DemoPlanOptions): Office {
  const locale = demoLocale(options.office);
  const name = () => chineseName(r, undefined, int(r, 1965, 1995));
  const firms = ['星城', '麓山', '湘江', '楚才', '弘正', '金洲'].map((w) => `${locale.province}${w}律师事务所`);
  const matters = options.matters ?? MATTER_SEED;
  const notarization = NOTARIZATION_TEMPLATES.flatMap((template) => {
    const matter = matters.find((m) => m.code === template.code);
    return matter ? [{ template, matter }] : [];
  });
  const fallback = matters[0] ?? MATTER_SEED[MATTER_SEED.length - 1]!;
  return {
    locale,
    clerks: [name(), name(), name()],
    mediators: Array.from({ length: 6 }, name),
    providers: [
      ...some(r, firms, 4).map((orgName): Staff => ({ orgType: '律师事务所', orgName, people: [name(), name()] })),
      { orgType: '基层法律服务所', orgName: `${locale.townshipShort}法律服务所`, people: [name(), name()] },
      { orgType: '法律援助中心', orgName: `${locale.county}法律援助中心`, people: [name()] },
    ],
    notaryOffice: `${locale.county.replace(/[区县]$/, '')}公证处`,
    disputeTemplates: disputeTemplatesFor(options.disputeTypes),
    notarization:
      notarization.length > 0
        ? notarization
        : [
            {
              template: {
                code: fallback.code,
                weight: 1,
                purposes: [['其他', 'home']],
                applicants: 'one',
                age: [25, 70],
                fee: 200,
              },
              matter: fallback,
            },
          ],
  };
}

/** How the demo makes a kind's cases: its builder (a case brought to a status) and how long each status rests. */
interface DemoKind<S extends string> {
  build(r: Rand, target: S, start: string, o: Office): Built;
  idle: Readonly<Record<S, readonly [number, number] | 'spread'>>;
}

/** Each kind's demo cases: one entry per kind, so planning never branches on the kind. */
const DEMO_KINDS: {
  readonly legal_aid: DemoKind<LegalAidStatus>;
  readonly mediation: DemoKind<MediationStatus>;
  readonly notarization: DemoKind<NotarizationStatus>;
} = {
  legal_aid: { build: buildLegalAid, idle: IDLE.legal_aid },
  mediation: { build: buildMediation, idle: IDLE.mediation },
  notarization: { build: buildNotarization, idle: IDLE.notarization },
};

/** `count` cases of every kind, in the order they are registered (by receipt date), deterministic for the seed. */
export function planDemoCases(count: number, options: DemoPlanOptions): DemoCasePlan[] {
  const r = seededRandom(options.seed);
  const office = officeOf(r, options);
  const spanDays = Math.round((options.years ?? 3) * 365);
  const kinds = shuffle(r, expand(allocate(count, DEMO_KIND_SHARES)));
  const perKind = allocate(count, DEMO_KIND_SHARES);
  const queues = Object.fromEntries(
    CASE_KINDS.map((k) => [
      k,
      shuffle(r, expand(allocate(perKind[k], DEMO_STATUS_SHARES[k] as Record<string, number>))),
    ]),
  ) as Record<CaseKind, string[]>;
  const plans: DemoCasePlan[] = kinds.map((kind) => {
    const caseSeed = Math.floor(r() * 4294967296);
    const fresh = () => seededRandom(caseSeed);
    const demo = DEMO_KINDS[kind] as DemoKind<string>;
    const status = queues[kind].pop()! as CaseStatus;
    const built = placed(
      (start) => demo.build(fresh(), status, start, office),
      options.until,
      demo.idle[status]!,
      spanDays,
      r,
    );
    return { kind, status, receivedOn: built.receivedOn, register: built.register, steps: built.steps };
  });
  plans.sort((a, b) => (a.receivedOn < b.receivedOn ? -1 : a.receivedOn > b.receivedOn ? 1 : 0));
  // Document and archive numbers run per series and year, in the order the documents were made.
  const counters = new Map<string, number>();
  const next = (series: string, sparse: boolean) => {
    const n = (counters.get(series) ?? (sparse ? int(r, 5, 60) : 0)) + (sparse ? int(r, 1, 30) : 1);
    counters.set(series, n);
    return n;
  };
  const all = plans.flatMap((plan) => plan.steps.map((step, i) => ({ plan, i, on: stepDate(step) })));
  all.sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : 0));
  for (const { plan, i } of all) plan.steps[i] = numbered(plan.steps[i]!, next);
  return plans;
}

// ---------------------------------------------------------------------------------------------------------------
// Through the channels

export interface DemoSummary {
  total: number;
  byKind: Record<CaseKind, number>;
  /** How many cases of each kind rest in each status. */
  byStatus: Record<CaseKind, Record<string, number>>;
}

/** The status a case starts in, by the channel it was registered through (口头调解 is registered concluded). */
const REGISTERED_AS: Readonly<Record<DemoRegistration['channel'], string>> = {
  'legalAid.create': 'received',
  'mediation.create': 'registered',
  'mediation.quickOral': 'concluded',
  'notarization.create': 'received',
};

/** Null when `until` may be used (a real date, not after today); otherwise why not, in Chinese. */
export function untilProblem(until: string, today: string): string | null {
  if (!isRealDate(until)) return '--until 应为真实的日期，如 2026-11-20';
  if (until > today) return `--until 不能晚于今天（${formatChineseDate(today)}）`;
  return null;
}

/** Each step's channel with the label of its action (every kind's, from its lifecycle). */
const STEP_LABELS: Record<string, string> = Object.fromEntries(
  ALL_KINDS.flatMap((k) => Object.entries(k.lifecycle.actions).map(([a, def]) => [`${k.key}.${a}`, def.label])),
);

const labelOf = (step: DemoStep): string => STEP_LABELS[step.channel] ?? step.channel;

/** The lifecycles' status lists, for the summary and the tests. */
export const DEMO_STATUSES: Record<CaseKind, readonly string[]> = {
  legal_aid: Object.keys(LEGAL_AID_LIFECYCLE.statusLabels),
  mediation: Object.keys(MEDIATION_LIFECYCLE.statusLabels),
  notarization: Object.keys(NOTARIZATION_LIFECYCLE.statusLabels),
};

/**
 * Makes `count` demo cases: reads the office, its 纠纷类型 and its notarization matters, plans the cases, then
 * registers each and takes its actions through the channels, as a clerk would (one transaction per call).
 */
export async function makeDemoCases(
  api: Api,
  { count, seed, until, years }: { count: number; seed: number; until: string; years?: number },
): Promise<DemoSummary> {
  const office = await api.call('office.get', {});
  if (!office) throw new Error('请先运行 init 设置司法所');
  const disputeTypes = (await api.call('mediation.disputeTypes', { includeInactive: false })).map((t) => t.name);
  const matters = await api.call('notarization.matters', { includeInactive: false });
  const plans = planDemoCases(count, { seed, until, ...(years ? { years } : {}), office, disputeTypes, matters });
  const call = api.call as (
    channel: Channel,
    input: unknown,
  ) => Promise<{ id?: number; caseNumber?: string; status?: string }>;
  const summary: DemoSummary = {
    total: 0,
    byKind: Object.fromEntries(CASE_KINDS.map((k) => [k, 0])) as Record<CaseKind, number>,
    byStatus: Object.fromEntries(
      CASE_KINDS.map((k) => [k, Object.fromEntries(DEMO_STATUSES[k].map((s) => [s, 0]))]),
    ) as Record<CaseKind, Record<string, number>>,
  };
  for (const plan of plans) {
    const { id, caseNumber } = (await call(plan.register.channel, plan.register.input)) as {
      id: number;
      caseNumber: string;
    };
    // A notified defence (第36条) registers as `notified`, not `received`.
    let status: string =
      plan.register.channel === 'legalAid.create' && plan.register.input.application.notice
        ? 'notified'
        : REGISTERED_AS[plan.register.channel];
    for (const step of plan.steps) {
      try {
        if (closesOrArchives(step)) await fileDemoDossier(api, id, stepDate(step));
        status = (await call(step.channel, { ...step.input, caseId: id })).status ?? status;
      } catch (error) {
        if (!(error instanceof ApiError)) throw error;
        throw new ApiError({
          ...error.data,
          message: `${caseNumber}（${caseKindLabel(plan.kind)}）“${labelOf(step)}”：${error.data.message}`,
        });
      }
    }
    if (status !== plan.status) throw new Error(`演示数据有误：${caseNumber}应为“${plan.status}”，实为“${status}”`);
    summary.total += 1;
    summary.byKind[plan.kind] += 1;
    summary.byStatus[plan.kind][status] = (summary.byStatus[plan.kind][status] ?? 0) + 1;
  }
  return summary;
}

/** The steps the dossier's check gates (each kind says which of its actions). */
const GATED_CHANNELS: ReadonlySet<string> = new Set(
  ALL_KINDS.flatMap((k) => k.dossier.gatedActions.map((a) => `${k.key}.${a}`)),
);
const closesOrArchives = (step: DemoStep): boolean => GATED_CHANNELS.has(step.channel);

/**
 * Before closing or archiving (which check the dossier), the clerk files the materials the case requires that are
 * not on file yet, as received on that day; page counts follow from the names, so the demo stays deterministic.
 */
async function fileDemoDossier(api: Api, caseId: number, on: string): Promise<void> {
  const { checklist } = await api.call('dossier.get', { caseId });
  for (const item of checklist.items) {
    if (!item.required || item.present) continue;
    await api.call('dossier.markReceived', {
      caseId,
      itemKey: item.key,
      receivedOn: on,
      pages: 1 + (item.name.length % 6),
      form: item.key.endsWith('Id') ? '复印件' : '原件',
      note: '',
    });
  }
}

/** The CLI's line: 已生成 300 件案件（种子 7）：法律援助 90 件、人民调解 165 件、公证申请 45 件 */
export function demoSummaryLine(summary: DemoSummary, seed: number): string {
  const parts = CASE_KINDS.map((k) => `${caseKindLabel(k)} ${summary.byKind[k]} 件`);
  return `已生成 ${summary.total} 件案件（种子 ${seed}）：${parts.join('、')}`;
}
