// Deterministic, realistic synthetic data: the same seed gives the same data. Used by the CLI's `demo` (through
// scripts/demoCases.ts, which drives the cases through their lifecycles) and, later, the benchmark. Everything
// it makes goes through the contract's validation like a clerk's input.
//
// This file holds the primitives (seeded random numbers, names, ID numbers, credit codes, phones, places) and the
// intake forms of the three kinds: 法律援助申请表, 人民调解受理登记表 / 口头调解登记, 公证申请表.
import { addDays, isWorkingDay } from '../shared/calendar';
import { HOLIDAY_TABLE, mergeHolidayTables, type HolidayTable } from '../shared/holidays';
import { idCheckChar } from '../shared/identity';
import type { LegalAidApplicationInput } from '../shared/kinds/legalAid/intake';
import type { MatterType } from '../shared/kinds/legalAid/eligibility';
import type { ETHNIC_GROUPS } from '../shared/options';
import {
  LEGAL_AID_SERVICE_FORMS,
  type APPLICANT_GROUPS,
  type LegalAidCategory,
} from '../shared/kinds/legalAid/options';
import type { OTHER_ROUTES } from '../shared/kinds/mediation/options';
import type { MediationRegistrationInput, QuickOralMediationInput } from '../shared/kinds/mediation/intake';
import type { NotarizationRequestInput } from '../shared/kinds/notarization/intake';

// ---------------------------------------------------------------------------------------------------------------
// Random numbers

export type Rand = () => number;

/** mulberry32: small, fast, good enough for synthetic data. */
export function seededRandom(seed: number): Rand {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function pick<T>(rand: Rand, items: readonly T[]): T {
  return items[Math.floor(rand() * items.length)]!;
}

/** An integer from lo to hi, both included. */
export function int(rand: Rand, lo: number, hi: number): number {
  return lo + Math.floor(rand() * (hi - lo + 1));
}

export function chance(rand: Rand, p: number): boolean {
  return rand() < p;
}

/** One of the items, each as likely as its weight. */
export function weighted<T>(rand: Rand, entries: readonly (readonly [T, number])[]): T {
  const total = entries.reduce((s, [, w]) => s + w, 0);
  let x = rand() * total;
  for (const [item, w] of entries) {
    if (x < w) return item;
    x -= w;
  }
  return entries[entries.length - 1]![0];
}

export function shuffle<T>(rand: Rand, items: readonly T[]): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/** `n` distinct items, in the list's order. */
export function some<T>(rand: Rand, items: readonly T[], n: number): T[] {
  const chosen = new Set(
    shuffle(
      rand,
      items.map((_, i) => i),
    ).slice(0, n),
  );
  return items.filter((_, i) => chosen.has(i));
}

// ---------------------------------------------------------------------------------------------------------------
// Dates

const range = (from: string, days: number) => Array.from({ length: days }, (_, i) => addDays(from, i));

/**
 * The shipped holiday table with the two years before it, so that demo cases of 2023 and 2024 are not dated on a
 * public holiday either (国务院办公厅关于2023年、2024年部分节假日安排的通知).
 */
export const DEMO_HOLIDAY_TABLE: HolidayTable = mergeHolidayTables(
  {
    2023: {
      holidays: [
        '2023-01-01',
        '2023-01-02',
        ...range('2023-01-21', 7),
        '2023-04-05',
        ...range('2023-04-29', 5),
        ...range('2023-06-22', 3),
        ...range('2023-09-29', 8),
      ],
      workdays: ['2023-01-28', '2023-01-29', '2023-04-23', '2023-05-06', '2023-06-25', '2023-10-07', '2023-10-08'],
      source: '国务院办公厅关于2023年部分节假日安排的通知（国办发明电〔2022〕16号）',
    },
    2024: {
      holidays: [
        '2024-01-01',
        ...range('2024-02-10', 8),
        ...range('2024-04-04', 3),
        ...range('2024-05-01', 5),
        '2024-06-10',
        ...range('2024-09-15', 3),
        ...range('2024-10-01', 7),
      ],
      workdays: [
        '2024-02-04',
        '2024-02-18',
        '2024-04-07',
        '2024-04-28',
        '2024-05-11',
        '2024-09-14',
        '2024-09-29',
        '2024-10-12',
      ],
      source: '国务院办公厅关于2024年部分节假日安排的通知（国办发明电〔2023〕7号）',
    },
  },
  HOLIDAY_TABLE,
);

/** The first working day on or after `iso` (weekends, public holidays and make-up working days as scheduled). */
export function workingDayFrom(iso: string): string {
  let day = iso;
  while (!isWorkingDay(day, DEMO_HOLIDAY_TABLE)) day = addDays(day, 1);
  return day;
}

/** 2026-03-05 → 2026年3月 */
export function chineseMonth(iso: string): string {
  return `${iso.slice(0, 4)}年${Number(iso.slice(5, 7))}月`;
}

/** 2026-03-05 → 2026年3月5日 */
export function chineseDay(iso: string): string {
  return `${chineseMonth(iso)}${Number(iso.slice(8, 10))}日`;
}

function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** A birth date that makes someone `age` full years old on `on`. */
function birthDateFor(rand: Rand, on: string, age: number): string {
  // Born between (on - age - 1 years, on - age years]: a day of that window, never Feb 29 trouble.
  const latest = `${Number(on.slice(0, 4)) - age}${on.slice(4)}`;
  const base = latest.endsWith('02-29') ? `${latest.slice(0, 8)}28` : latest;
  return addDays(base, -int(rand, 0, 364));
}

// ---------------------------------------------------------------------------------------------------------------
// Where the office is

export interface DemoOffice {
  divisionCode: string;
  /** 黎托街道司法所: the township it serves is the name without 司法所. */
  name?: string;
  /** 长沙市雨花区司法局: the county is the name without 司法局. */
  bureauName?: string;
  /** 案号代字, used in document numbers. */
  caseNumberPrefix?: string;
}

export interface DemoLocale {
  divisionCode: string;
  /** 湖南 */
  province: string;
  /** 湘 */
  provinceAbbr: string;
  /** 黎托街道 */
  township: string;
  /** 黎托 */
  townshipShort: string;
  /** 长沙市雨花区 */
  county: string;
  /** 雨 (as in （2026）湘雨证字第12号) */
  countyAbbr: string;
  /** 湘0111: the court code of the county (province and the last four digits of the division code). */
  courtCode: string;
  bureauName: string;
  prefix: string;
  /** The landline area code, when known. */
  areaCode: string | null;
  /** Other townships of the county (for addresses), the office's own first. */
  townships: string[];
}

const PROVINCES: Record<string, [string, string]> = {
  '11': ['北京', '京'],
  '12': ['天津', '津'],
  '13': ['河北', '冀'],
  '14': ['山西', '晋'],
  '15': ['内蒙古', '蒙'],
  '21': ['辽宁', '辽'],
  '22': ['吉林', '吉'],
  '23': ['黑龙江', '黑'],
  '31': ['上海', '沪'],
  '32': ['江苏', '苏'],
  '33': ['浙江', '浙'],
  '34': ['安徽', '皖'],
  '35': ['福建', '闽'],
  '36': ['江西', '赣'],
  '37': ['山东', '鲁'],
  '41': ['河南', '豫'],
  '42': ['湖北', '鄂'],
  '43': ['湖南', '湘'],
  '44': ['广东', '粤'],
  '45': ['广西', '桂'],
  '46': ['海南', '琼'],
  '50': ['重庆', '渝'],
  '51': ['四川', '川'],
  '52': ['贵州', '贵'],
  '53': ['云南', '云'],
  '54': ['西藏', '藏'],
  '61': ['陕西', '陕'],
  '62': ['甘肃', '甘'],
  '63': ['青海', '青'],
  '64': ['宁夏', '宁'],
  '65': ['新疆', '新'],
};
const AREA_CODES: Record<string, string> = {
  '4301': '0731',
  '1101': '010',
  '3101': '021',
  '4401': '020',
  '4201': '027',
  '5101': '028',
};
const YUHUA_TOWNSHIPS = [
  '黎托街道',
  '洞井街道',
  '同升街道',
  '东山街道',
  '圭塘街道',
  '井湾子街道',
  '侯家塘街道',
  '跳马镇',
];
const GENERIC_TOWNSHIPS = ['城关镇', '新塘镇', '石桥乡', '河西街道', '白沙镇', '桥头乡'];

export function demoLocale(office: DemoOffice): DemoLocale {
  const { divisionCode } = office;
  const [province, provinceAbbr] = PROVINCES[divisionCode.slice(0, 2)] ?? ['', ''];
  const fromName = (office.name ?? '黎托街道司法所').replace(/司法所$/, '').trim();
  const township = fromName.length >= 2 ? fromName : '城关镇';
  const townshipShort = township.replace(/(街道|镇|乡)$/, '') || township;
  const fromBureau = (office.bureauName ?? '长沙市雨花区司法局').replace(/司法局$/, '').trim();
  const county = fromBureau.length >= 2 ? fromBureau : '本县';
  const countyCore = county.replace(/^.*?[省市州盟]/, '').replace(/[区县市旗]$/, '');
  const neighbours = (YUHUA_TOWNSHIPS.includes(township) ? YUHUA_TOWNSHIPS : GENERIC_TOWNSHIPS).filter(
    (t) => t !== township,
  );
  return {
    divisionCode,
    province,
    provinceAbbr,
    township,
    townshipShort,
    county,
    countyAbbr: countyCore.slice(0, 1) || county.slice(0, 1),
    courtCode: `${provinceAbbr}${divisionCode.slice(2)}`,
    bureauName: office.bureauName ?? '县司法局',
    prefix: office.caseNumberPrefix ?? townshipShort.slice(0, 2),
    areaCode: AREA_CODES[divisionCode.slice(0, 4)] ?? null,
    townships: [township, ...neighbours],
  };
}

const VILLAGES = [
  '花侯村',
  '新安村',
  '合丰村',
  '石塘村',
  '白竹村',
  '枫树村',
  '黄土岭村',
  '双塘村',
  '大塘社区',
  '桂花坪社区',
  '红星社区',
  '长塘社区',
  '金桥社区',
  '鹏飞社区',
];

/** A village or community of the township (the office's own, mostly). */
export function village(rand: Rand): string {
  return pick(rand, VILLAGES);
}

export function address(rand: Rand, locale: DemoLocale, { local = 0.8 }: { local?: number } = {}): string {
  const township = chance(rand, local) ? locale.township : pick(rand, locale.townships);
  const v = village(rand);
  return v.endsWith('村')
    ? `${township}${v}${int(rand, 1, 16)}组${int(rand, 1, 60)}号`
    : `${township}${v}${int(rand, 1, 30)}栋${int(rand, 1, 6)}0${int(rand, 1, 4)}室`;
}

// ---------------------------------------------------------------------------------------------------------------
// People

type Sex = '男' | '女';

/** Common surnames, the commonest several times over (王、李、张、刘、陈 are about a third of all people). */
const SURNAMES = [
  ...'王李张刘陈'.repeat(6),
  ...'杨黄赵吴周徐孙马朱胡'.repeat(3),
  ...'郭何高林罗郑梁谢宋唐'.repeat(2),
  ...'许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤易',
];
/** Given names by sex and by when people were born (naming fashions change). */
const GIVEN: Record<Sex, [number, string[]][]> = {
  男: [
    [
      1960,
      [
        '建国',
        '国庆',
        '德明',
        '志刚',
        '振华',
        '有才',
        '福生',
        '长顺',
        '春生',
        '树林',
        '卫东',
        '跃进',
        '解放',
        '桂林',
        '新民',
      ],
    ],
    [
      1980,
      [
        '志强',
        '建军',
        '伟',
        '勇',
        '军',
        '斌',
        '涛',
        '红兵',
        '小平',
        '立新',
        '国华',
        '海波',
        '卫国',
        '永辉',
        '文斌',
        '建平',
      ],
    ],
    [
      1995,
      ['磊', '鹏', '超', '杰', '浩', '亮', '俊', '鑫', '宇', '帅', '晓东', '志伟', '海洋', '文杰', '俊峰', '明辉'],
    ],
    [
      9999,
      ['子轩', '浩然', '宇轩', '梓豪', '俊熙', '一鸣', '博文', '天佑', '宇航', '思远', '皓轩', '子豪', '梓睿', '铭泽'],
    ],
  ],
  女: [
    [
      1960,
      ['秀英', '桂兰', '淑珍', '玉兰', '凤英', '秀兰', '桂英', '春兰', '菊香', '玉珍', '素芬', '金凤', '秀珍', '冬梅'],
    ],
    [
      1980,
      ['红梅', '丽华', '海燕', '春梅', '艳', '丽', '芳', '敏', '霞', '红霞', '小红', '建英', '美玲', '彩霞', '晓燕'],
    ],
    [1995, ['静', '婷', '丹', '娟', '雪', '琳', '倩', '晓丽', '婷婷', '丹丹', '佳', '莉', '慧', '思思', '玲']],
    [9999, ['欣怡', '梓涵', '雨涵', '诗琪', '可馨', '紫萱', '思雨', '一诺', '语嫣', '梦瑶', '若汐', '佳怡', '雨欣']],
  ],
};
/** Uyghur names are written with the middle dot (given name·father's name). */
const UYGHUR_GIVEN: Record<Sex, string[]> = {
  男: ['艾力', '买买提', '艾尔肯', '阿不都'],
  女: ['阿依古丽', '古丽娜尔', '热依拉', '帕提古丽'],
};
const UYGHUR_FATHER = ['吐尔逊', '买买提', '艾力', '司马义', '阿布拉'];

export function chineseName(
  rand: Rand,
  sex: Sex = chance(rand, 0.5) ? '男' : '女',
  birthYear = 1975,
  surname?: string,
): string {
  const pool = GIVEN[sex].find(([before]) => birthYear < before)![1];
  return (surname ?? pick(rand, SURNAMES)) + pick(rand, pool);
}

export interface DemoPerson {
  name: string;
  sex: Sex;
  birthDate: string;
  ethnicity: Ethnicity;
  idNumber: string;
  phone: string;
}

type Ethnicity = (typeof ETHNIC_GROUPS)[number];

export function syntheticIdNumber(
  rand: () => number,
  divisionCode: string,
  birthDate: string,
  sex: '男' | '女',
): string {
  let seq = Math.floor(rand() * 500) * 2 + (sex === '男' ? 1 : 0);
  seq = Math.max(0, Math.min(999, seq));
  const body = divisionCode + birthDate.replace(/-/g, '') + String(seq).padStart(3, '0');
  return body + idCheckChar(body);
}

const OTHER_DIVISIONS = ['420111', '360102', '440106', '510104', '450102', '520102', '431121', '430521', '431202'];
const ETHNICITIES: [Ethnicity, number][] = [
  ['汉族', 90],
  ['土家族', 3],
  ['苗族', 2.5],
  ['侗族', 1.5],
  ['瑶族', 1],
  ['回族', 1],
  ['维吾尔族', 0.6],
  ['壮族', 0.4],
];
const MOBILE_PREFIXES = [
  '130',
  '131',
  '132',
  '133',
  '135',
  '136',
  '137',
  '138',
  '139',
  '150',
  '151',
  '152',
  '153',
  '155',
  '156',
  '157',
  '158',
  '159',
  '166',
  '173',
  '176',
  '177',
  '180',
  '181',
  '182',
  '183',
  '185',
  '186',
  '187',
  '188',
  '189',
  '191',
  '198',
  '199',
];

export function mobile(rand: Rand): string {
  return pick(rand, MOBILE_PREFIXES) + String(int(rand, 0, 99_999_999)).padStart(8, '0');
}

/** A landline of the county (8 digits after the area code), or a mobile where the area code is not known. */
export function landline(rand: Rand, locale: DemoLocale): string {
  return locale.areaCode
    ? `${locale.areaCode}-${int(rand, 8, 8)}${String(int(rand, 0, 9_999_999)).padStart(7, '0')}`
    : mobile(rand);
}

/** Where an ID number was issued: the county mostly, the rest of the city or another province sometimes. */
function idDivision(rand: Rand, locale: DemoLocale, ethnicity: Ethnicity): string {
  if (ethnicity === '维吾尔族') return pick(rand, ['653101', '650102', '652901']);
  const x = rand();
  if (x < 0.72) return locale.divisionCode;
  if (x < 0.92)
    return `${locale.divisionCode.slice(0, 4)}${pick(rand, ['02', '03', '04', '05', '11', '12', '21', '81'])}`;
  return pick(rand, OTHER_DIVISIONS);
}

/** A person `age` years old on `on`: name, sex, birth date, ethnicity, a GB 11643 number that agrees, a phone. */
export function person(
  rand: Rand,
  locale: DemoLocale,
  on: string,
  { age, sex, surname }: { age: number; sex?: Sex; surname?: string },
): DemoPerson {
  const s: Sex = sex ?? (chance(rand, 0.5) ? '男' : '女');
  const birthDate = birthDateFor(rand, on, age);
  const ethnicity: Ethnicity = surname ? '汉族' : weighted(rand, ETHNICITIES);
  const name =
    ethnicity === '维吾尔族'
      ? `${pick(rand, UYGHUR_GIVEN[s])}·${pick(rand, UYGHUR_FATHER)}`
      : chineseName(rand, s, Number(birthDate.slice(0, 4)), surname);
  return {
    name,
    sex: s,
    birthDate,
    ethnicity,
    idNumber: syntheticIdNumber(rand, idDivision(rand, locale, ethnicity), birthDate, s),
    phone: mobile(rand),
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Organisations

const CREDIT_CODE_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const CREDIT_CODE_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const ORG_CODE_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];

/**
 * A 统一社会信用代码 (GB 32100): 登记管理部门 and 机构类别 (91 a company, 92 an individual business, 12 a public
 * institution), the division code, a 组织机构代码 with its own GB 11714 check character, and the mod-31 check.
 */
export function syntheticCreditCode(
  rand: Rand,
  divisionCode: string,
  type: 'company' | 'individual' | 'institution' = 'company',
): string {
  const org = Array.from({ length: 8 }, () =>
    chance(rand, 0.8) ? String(int(rand, 0, 9)) : pick(rand, [...'ABCDEFGHJKLMNPQRTUWXY']),
  );
  const orgSum = org.reduce(
    (s, c, i) => s + (/\d/.test(c) ? Number(c) : c.charCodeAt(0) - 55) * ORG_CODE_WEIGHTS[i]!,
    0,
  );
  const c9 = 11 - (orgSum % 11);
  const orgCheck = c9 === 10 ? 'X' : c9 === 11 ? '0' : String(c9);
  const body =
    (type === 'company' ? '91' : type === 'individual' ? '92' : '12') + divisionCode + org.join('') + orgCheck;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += CREDIT_CODE_CHARS.indexOf(body[i]!) * CREDIT_CODE_WEIGHTS[i]!;
  return body + CREDIT_CODE_CHARS[(31 - (sum % 31)) % 31]!;
}

const FIRM_WORDS = [
  '宏达',
  '恒信',
  '鑫源',
  '华盛',
  '远航',
  '金穗',
  '德润',
  '兴旺',
  '顺发',
  '永安',
  '中联',
  '嘉诚',
  '万和',
  '天成',
];
export const COMPANY_KINDS = {
  construction: ['建筑劳务有限公司', '建设工程有限公司', '建筑工程有限公司'],
  logistics: ['物流有限公司', '汽车运输有限公司'],
  factory: ['机械制造有限公司', '电子科技有限公司', '包装材料有限公司', '食品有限公司'],
  service: ['餐饮管理有限公司', '物业服务有限公司', '家政服务有限公司'],
  property: ['物业服务有限公司', '物业管理有限公司'],
  shop: ['家电经营部', '建材经营部', '农资经营部', '超市'],
  clinic: ['诊所', '门诊部'],
} as const;

export function companyName(rand: Rand, locale: DemoLocale, kind: keyof typeof COMPANY_KINDS): string {
  const where =
    kind === 'shop' || kind === 'clinic'
      ? locale.townshipShort
      : chance(rand, 0.6)
        ? locale.county.replace(/^.*?[省]/, '').slice(0, 2)
        : locale.province;
  return `${where}${pick(rand, FIRM_WORDS)}${pick(rand, COMPANY_KINDS[kind])}`;
}

// ---------------------------------------------------------------------------------------------------------------
// Money

/** Yuan as a clerk writes it in a narrative: 36800元, 1.2万元. */
export function yuan(amount: number): string {
  return amount >= 100_000 && amount % 1000 === 0 ? `${amount / 10_000}万元` : `${amount}元`;
}

// ---------------------------------------------------------------------------------------------------------------
// 法律援助: the matters applied for, and the application

type ApplicantGroup = (typeof APPLICANT_GROUPS)[number];
type ServiceForm = (typeof LEGAL_AID_SERVICE_FORMS)[number];

export interface FactsContext {
  rand: Rand;
  locale: DemoLocale;
  receivedOn: string;
  applicant: DemoPerson;
  age: number;
  /** The other side: a person's or an organisation's name ('' when there is none). */
  opponent: string;
  /** A month before the application, as 2025年3月. */
  monthsAgo: (min: number, max: number) => string;
  daysAgo: (min: number, max: number) => string;
}

export interface LegalAidMatter {
  key: string;
  weight: number;
  category: LegalAidCategory;
  /** 案由 as the clerk writes it. */
  matter: string;
  /** The 事项类型 a decision on it records. */
  matterType: MatterType;
  serviceForm: ServiceForm;
  opponent: 'company' | 'person' | 'relative' | 'authority' | 'none';
  companyKind?: keyof typeof COMPANY_KINDS;
  /** The applicant's age on the application date; a criminal suspect is a minor this often. */
  age: [number, number];
  minors?: number;
  sex?: Sex;
  groups?: ApplicantGroup[];
  /** 免予核查 and why (法律援助法 第32、42条). */
  exemptReason?: string;
  /** A matter outside the statutory list: what a refusal for scope rests on. */
  outOfScope?: boolean;
  facts: (c: FactsContext) => string;
  /** For criminal matters: the authority by stage. */
  criminal?: { offence: string };
}

const JOBS = ['泥工', '木工', '钢筋工', '架子工', '水电安装工', '小工'];
const PROJECTS = ['安置小区', '商住楼', '标准厂房', '学校教学楼', '市政道路', '农贸市场'];
const DISEASES = ['高血压', '糖尿病', '慢性支气管炎', '风湿性关节炎', '冠心病', '腰椎间盘突出'];

export const LEGAL_AID_MATTERS: readonly LegalAidMatter[] = [
  {
    key: 'wages',
    weight: 16,
    category: '民事',
    matter: '追索劳动报酬',
    matterType: '支付劳动报酬',
    serviceForm: '劳动争议调解与仲裁代理',
    opponent: 'company',
    companyKind: 'construction',
    age: [24, 62],
    groups: ['农民工'],
    exemptReason: '农民工请求支付劳动报酬',
    facts: (c) =>
      `申请人自${c.monthsAgo(200, 420)}起在${c.opponent}承建的${pick(c.rand, PROJECTS)}项目工地从事${pick(c.rand, JOBS)}工作，约定日工资${int(c.rand, 20, 35) * 10}元。` +
      `工程完工后，包工头以工程款未结算为由拖欠申请人工资${yuan(int(c.rand, 60, 480) * 100)}，申请人多次催要未果，请求依法追索劳动报酬。`,
  },
  {
    key: 'labourRelation',
    weight: 6,
    category: '民事',
    matter: '确认劳动关系',
    matterType: '确认劳动关系',
    serviceForm: '劳动争议调解与仲裁代理',
    opponent: 'company',
    companyKind: 'logistics',
    age: [22, 55],
    groups: ['农民工'],
    facts: (c) =>
      `申请人于${c.monthsAgo(300, 900)}进入${c.opponent}从事${pick(c.rand, ['仓库搬运', '送货司机', '车间普工', '保安', '保洁'])}工作，公司未与其签订书面劳动合同，也未为其缴纳社会保险。` +
      `${c.monthsAgo(20, 120)}，申请人在工作中受伤，公司否认与申请人存在劳动关系，申请人请求确认劳动关系并主张相应权利。`,
  },
  {
    key: 'workInjury',
    weight: 9,
    category: '民事',
    matter: '工伤保险待遇纠纷',
    matterType: '工伤事故人身损害赔偿',
    serviceForm: '劳动争议调解与仲裁代理',
    opponent: 'company',
    companyKind: 'factory',
    age: [22, 58],
    groups: ['农民工'],
    exemptReason: '农民工请求工伤事故人身损害赔偿',
    facts: (c) =>
      `申请人系${c.opponent}${pick(c.rand, ['车间操作工', '叉车司机', '包装工', '机修工'])}，${c.daysAgo(120, 400)}在操作${pick(c.rand, ['冲压机', '切割机', '注塑机', '传送带'])}时` +
      `${pick(c.rand, ['右手食指、中指被压伤', '左手掌被割伤', '右前臂被卷入致骨折'])}，经人力资源和社会保障部门认定为工伤，劳动能力鉴定为${pick(c.rand, ['八', '九', '十'])}级伤残。` +
      `公司未为申请人缴纳工伤保险，拒不支付一次性伤残补助金、停工留薪期工资等工伤保险待遇。`,
  },
  {
    key: 'support',
    weight: 9,
    category: '民事',
    matter: '赡养费纠纷',
    matterType: '赡养费抚养费扶养费',
    serviceForm: '民事、行政、国家赔偿诉讼代理及非诉讼代理',
    opponent: 'relative',
    age: [66, 88],
    facts: (c) =>
      `申请人现年${c.age}岁，${pick(c.rand, ['丧偶', '老伴已去世多年', '与老伴共同生活'])}，育有子女${int(c.rand, 2, 4)}人。申请人患有${pick(c.rand, DISEASES)}，常年服药，` +
      `无固定收入，仅靠每月${int(c.rand, 12, 25) * 10}元城乡居民基础养老金生活。其子${c.opponent}等人以各种理由拒绝支付赡养费，经村（居）委会多次调解无果。`,
  },
  {
    key: 'childSupport',
    weight: 6,
    category: '民事',
    matter: '抚养费纠纷',
    matterType: '赡养费抚养费扶养费',
    serviceForm: '民事、行政、国家赔偿诉讼代理及非诉讼代理',
    opponent: 'person',
    age: [26, 45],
    sex: '女',
    facts: (c) =>
      `申请人与${c.opponent}于${c.monthsAgo(700, 1500).slice(0, 5)}经人民法院调解离婚，婚生${pick(c.rand, ['子', '女'])}随申请人生活，${c.opponent}每月应支付抚养费${int(c.rand, 6, 15) * 100}元。` +
      `自${c.monthsAgo(200, 500)}起${c.opponent}拒不支付，累计拖欠${yuan(int(c.rand, 40, 150) * 100)}，申请人独自抚养孩子，经济困难。`,
  },
  {
    key: 'traffic',
    weight: 8,
    category: '民事',
    matter: '机动车交通事故责任纠纷',
    matterType: '交通食品药品医疗事故人身损害赔偿',
    serviceForm: '民事、行政、国家赔偿诉讼代理及非诉讼代理',
    opponent: 'person',
    age: [20, 75],
    facts: (c) =>
      `${c.daysAgo(60, 300)}，申请人驾驶电动自行车行至${c.locale.townshipShort}${pick(c.rand, ['大道', '路口', '集镇路段', '乡道'])}时，与${c.opponent}驾驶的${pick(c.rand, ['小型货车', '小型轿车', '摩托车', '重型自卸货车'])}相撞受伤。` +
      `经公安交通管理部门认定，${c.opponent}负事故主要责任。申请人住院治疗${int(c.rand, 12, 60)}天，花费医疗费${yuan(int(c.rand, 150, 900) * 100)}，对方垫付部分费用后拒绝继续赔偿。`,
  },
  {
    key: 'medical',
    weight: 2,
    category: '民事',
    matter: '医疗损害责任纠纷',
    matterType: '交通食品药品医疗事故人身损害赔偿',
    serviceForm: '民事、行政、国家赔偿诉讼代理及非诉讼代理',
    opponent: 'company',
    companyKind: 'clinic',
    age: [30, 80],
    facts: (c) =>
      `申请人因${pick(c.rand, ['感冒发热', '咳嗽', '腹泻'])}到${c.opponent}就诊，诊所在未做皮试的情况下为其输液，申请人随即出现过敏性休克，经转院抢救后遗留${pick(c.rand, ['心肌损害', '肾功能损害'])}。` +
      `诊所拒绝承担赔偿责任。`,
  },
  {
    key: 'domesticViolence',
    weight: 4,
    category: '民事',
    matter: '离婚纠纷（家庭暴力）',
    matterType: '遭受虐待遗弃或者家庭暴力主张相关权益',
    serviceForm: '民事、行政、国家赔偿诉讼代理及非诉讼代理',
    opponent: 'person',
    age: [25, 55],
    sex: '女',
    exemptReason: '遭受家庭暴力的受害人主张相关权益（法律援助法第32条）',
    facts: (c) =>
      `申请人与${c.opponent}于${c.monthsAgo(1500, 6000).slice(0, 5)}登记结婚，婚后育有${pick(c.rand, ['一子', '一女', '一子一女'])}。${c.opponent}长期酗酒，多次对申请人实施殴打，` +
      `公安机关曾出具家庭暴力告诫书。申请人请求离婚，并要求${c.opponent}承担损害赔偿责任。`,
  },
  {
    key: 'pension',
    weight: 3,
    category: '行政',
    matter: '社会保险待遇（养老保险）',
    matterType: '社会保险待遇或者社会救助',
    serviceForm: '民事、行政、国家赔偿诉讼代理及非诉讼代理',
    opponent: 'authority',
    age: [60, 66],
    facts: (c) =>
      `申请人自${c.monthsAgo(9000, 12000).slice(0, 5)}起在原国营企业工作，企业改制后自行缴纳养老保险。申请人达到法定退休年龄后申请领取基本养老金，` +
      `社会保险经办机构以累计缴费年限不足十五年为由不予核定。申请人认为其在原国营企业的工作年限应视同缴费年限，请求依法处理。`,
  },
  {
    key: 'stateCompensation',
    weight: 1,
    category: '国家赔偿',
    matter: '刑事赔偿（再审改判无罪）',
    matterType: '再审改判无罪请求国家赔偿',
    serviceForm: '民事、行政、国家赔偿诉讼代理及非诉讼代理',
    opponent: 'authority',
    age: [35, 65],
    exemptReason: '再审改判无罪请求国家赔偿（法律援助法第32条）',
    facts: (c) =>
      `申请人因涉嫌${pick(c.rand, ['诈骗罪', '职务侵占罪', '故意伤害罪'])}于${c.monthsAgo(1500, 3000).slice(0, 5)}被羁押${int(c.rand, 200, 900)}日，后经再审改判无罪。申请人依法申请国家赔偿。`,
  },
  {
    key: 'theft',
    weight: 7,
    category: '刑事',
    matter: '盗窃',
    matterType: '刑事辩护',
    serviceForm: '刑事辩护与代理',
    opponent: 'none',
    age: [18, 45],
    minors: 0.5,
    criminal: { offence: '盗窃罪' },
    facts: (c) =>
      c.age < 18
        ? `犯罪嫌疑人${c.applicant.name}系未成年人，因涉嫌盗窃${pick(c.rand, ['电动车电瓶', '手机', '工地电缆'])}被公安机关刑事拘留，其监护人代为申请法律援助。`
        : `${c.applicant.name}因涉嫌盗窃${pick(c.rand, ['电动车', '工地钢材', '店铺财物'])}被追究刑事责任，其家庭经济困难，无力委托辩护人，申请法律援助。`,
  },
  {
    key: 'assault',
    weight: 5,
    category: '刑事',
    matter: '故意伤害',
    matterType: '刑事辩护',
    serviceForm: '刑事辩护与代理',
    opponent: 'none',
    age: [20, 60],
    minors: 0.15,
    criminal: { offence: '故意伤害罪' },
    facts: (c) =>
      `${c.applicant.name}因${pick(c.rand, ['邻里纠纷', '酒后口角', '宅基地纠纷'])}与他人发生冲突，致对方轻伤，因涉嫌故意伤害罪被追究刑事责任。其家庭经济困难，无力委托辩护人，申请指派律师辩护。`,
  },
  {
    key: 'drunkDriving',
    weight: 2,
    category: '刑事',
    matter: '危险驾驶',
    matterType: '刑事辩护',
    serviceForm: '刑事辩护与代理',
    opponent: 'none',
    age: [22, 60],
    criminal: { offence: '危险驾驶罪' },
    facts: (c) =>
      `${c.applicant.name}酒后驾驶摩托车被交警查获，经检测血液酒精含量超过醉驾标准，因涉嫌危险驾驶罪被追究刑事责任。其系低保对象，申请法律援助。`,
  },
  {
    key: 'victim',
    weight: 2,
    category: '刑事',
    matter: '故意伤害（刑事附带民事诉讼）',
    matterType: '刑事被害人自诉人附带民事诉讼原告人代理',
    serviceForm: '刑事辩护与代理',
    opponent: 'person',
    age: [20, 70],
    facts: (c) =>
      `${c.daysAgo(60, 200)}，申请人与${c.opponent}发生口角，被${c.opponent}持木棍殴打致${pick(c.rand, ['左臂骨折', '鼻骨骨折', '多处软组织挫伤'])}，经鉴定为轻伤二级。` +
      `${c.opponent}因涉嫌故意伤害罪被提起公诉，申请人拟提起附带民事诉讼，请求赔偿医疗费、误工费等损失。`,
  },
  {
    key: 'agreementDraft',
    weight: 3,
    category: '非诉讼及其他',
    matter: '代拟法律文书（赡养协议）',
    matterType: '赡养费抚养费扶养费',
    serviceForm: '代拟法律文书',
    opponent: 'none',
    age: [68, 90],
    facts: (c) =>
      `申请人年逾${Math.floor(c.age / 10) * 10}，${int(c.rand, 2, 4)}名子女同意签订赡养协议，约定轮流照顾和赡养费分担，请求代为拟写赡养协议。`,
  },
  // Matters outside the statutory list: applied for, and refused for scope.
  {
    key: 'loan',
    weight: 0,
    category: '民事',
    matter: '民间借贷纠纷',
    matterType: '不属于法定援助事项',
    serviceForm: '民事、行政、国家赔偿诉讼代理及非诉讼代理',
    opponent: 'person',
    age: [30, 70],
    outOfScope: true,
    facts: (c) =>
      `申请人于${c.monthsAgo(400, 900)}借给${c.opponent}${yuan(int(c.rand, 20, 150) * 1000)}，约定一年内归还，到期后对方以资金周转困难为由拒不还款。`,
  },
  {
    key: 'lease',
    weight: 0,
    category: '民事',
    matter: '房屋租赁合同纠纷',
    matterType: '不属于法定援助事项',
    serviceForm: '民事、行政、国家赔偿诉讼代理及非诉讼代理',
    opponent: 'person',
    age: [40, 75],
    outOfScope: true,
    facts: (c) =>
      `申请人将自有临街门面出租给${c.opponent}经营${pick(c.rand, ['餐馆', '副食店', '五金店'])}，对方自${c.monthsAgo(120, 400)}起拖欠租金${yuan(int(c.rand, 12, 60) * 1000)}，经催告仍未支付。`,
  },
  {
    key: 'sale',
    weight: 0,
    category: '民事',
    matter: '买卖合同纠纷',
    matterType: '不属于法定援助事项',
    serviceForm: '民事、行政、国家赔偿诉讼代理及非诉讼代理',
    opponent: 'person',
    age: [30, 65],
    outOfScope: true,
    facts: (c) =>
      `申请人向${c.opponent}出售生猪${int(c.rand, 10, 60)}头，对方收货后拖欠货款${yuan(int(c.rand, 20, 120) * 1000)}，多次催要未果。`,
  },
];

export const IN_SCOPE_MATTERS = LEGAL_AID_MATTERS.filter((m) => !m.outOfScope);
export const OUT_OF_SCOPE_MATTERS = LEGAL_AID_MATTERS.filter((m) => m.outOfScope);
/** Matters a refusal for the applicant's means can rest on: in scope, means tested, not criminal. */
export const MEANS_TESTED_MATTERS = IN_SCOPE_MATTERS.filter(
  (m) => !m.exemptReason && m.category !== '刑事' && m.category !== '非诉讼及其他',
);

export function pickLegalAidMatter(rand: Rand, from: readonly LegalAidMatter[] = IN_SCOPE_MATTERS): LegalAidMatter {
  return weighted(
    rand,
    from.map((m) => [m, m.weight || 1] as const),
  );
}

function authorityName(locale: DemoLocale, m: LegalAidMatter): string {
  if (m.category === '国家赔偿') return `${locale.county}人民法院`;
  return `${locale.county}人力资源和社会保障局`;
}

/** Criminal stage and the authority handling it (侦查: police; 审查起诉: procuratorate; 审判: court). */
function criminalStage(rand: Rand, locale: DemoLocale): readonly ['侦查' | '审查起诉' | '审判', string] {
  const police = locale.county.endsWith('区') ? '公安分局' : '公安局';
  const stage = weighted(rand, [
    ['侦查', 2],
    ['审查起诉', 3],
    ['审判', 5],
  ] as const);
  return [
    stage,
    stage === '侦查'
      ? `${locale.county}${police}`
      : stage === '审查起诉'
        ? `${locale.county}人民检察院`
        : `${locale.county}人民法院`,
  ];
}

export interface LegalAidApplicationOptions {
  locale: DemoLocale;
  receivedOn: string;
  receivedBy: string;
  /** Refused later for the applicant's means: a household above the local standard, shown by certificates. */
  aboveMeansStandard?: boolean;
}

/** Matters whose other side is the applicant's (former) spouse, of about the same age. */
const SPOUSE_MATTERS = new Set(['childSupport', 'domesticViolence']);

/** One application for `m`, received on `receivedOn`. */
export function legalAidApplication(
  rand: Rand,
  m: LegalAidMatter,
  opts: LegalAidApplicationOptions,
): LegalAidApplicationInput {
  const { locale, receivedOn } = opts;
  const minor = m.minors !== undefined && chance(rand, m.minors);
  const age = minor ? int(rand, 14, 17) : int(rand, m.age[0], m.age[1]);
  const applicant = person(rand, locale, receivedOn, { age, ...(m.sex ? { sex: m.sex } : {}) });
  const opponent =
    m.opponent === 'company'
      ? companyName(rand, locale, m.companyKind ?? 'service')
      : m.opponent === 'relative'
        ? chineseName(
            rand,
            '男',
            Number(receivedOn.slice(0, 4)) - age + 27,
            applicant.name.includes('·') ? undefined : applicant.name[0],
          )
        : m.opponent === 'person'
          ? SPOUSE_MATTERS.has(m.key)
            ? chineseName(
                rand,
                applicant.sex === '女' ? '男' : '女',
                Number(applicant.birthDate.slice(0, 4)) + int(rand, -6, 3),
              )
            : chineseName(rand, undefined, Number(receivedOn.slice(0, 4)) - int(rand, 25, 60))
          : m.opponent === 'authority'
            ? authorityName(locale, m)
            : '';
  const context: FactsContext = {
    rand,
    locale,
    receivedOn,
    applicant,
    age,
    opponent,
    monthsAgo: (min, max) => chineseMonth(addDays(receivedOn, -int(rand, min, max))),
    daysAgo: (min, max) => chineseDay(addDays(receivedOn, -int(rand, min, max))),
  };
  const facts = m.facts(context);
  const groups: ApplicantGroup[] = [
    ...(minor ? ['未成年人' as const] : []),
    ...(age >= 60 ? ['老年人' as const] : []),
    ...(applicant.sex === '女' && !minor ? ['妇女' as const] : []),
    ...(m.groups ?? []),
    ...(m.key === 'drunkDriving' ? ['低保对象' as const] : []),
  ];
  const stage =
    m.category === '刑事'
      ? m.key === 'victim'
        ? (['审判', `${locale.county}人民法院`] as const)
        : criminalStage(rand, locale)
      : null;
  const exempt = minor ? '未成年人' : m.exemptReason;
  const place = address(rand, locale);
  const parentAge = age + int(rand, 22, 34);
  const parent = minor ? person(rand, locale, receivedOn, { age: parentAge, surname: applicant.name[0] }) : null;
  return {
    applicant: {
      name: applicant.name,
      sex: applicant.sex,
      ethnicity: applicant.ethnicity,
      birthDate: applicant.birthDate,
      idType: '居民身份证',
      idNumber: applicant.idNumber,
      householdAddress: place,
      residence: chance(rand, 0.6) ? '' : address(rand, locale, { local: 0.5 }),
      phone: minor ? parent!.phone : applicant.phone,
      employer: m.opponent === 'company' && m.companyKind !== 'clinic' ? opponent : '',
      lacksCapacity: false,
    },
    applicantGroups: [...new Set(groups)],
    agent: parent ? { name: parent.name, relation: '父母', idNumber: parent.idNumber, phone: parent.phone } : null,
    opposingParties:
      m.opponent === 'none'
        ? []
        : m.opponent === 'company'
          ? [
              {
                name: opponent,
                idNumber: chance(rand, 0.5)
                  ? syntheticCreditCode(
                      rand,
                      locale.divisionCode,
                      m.companyKind === 'clinic' ? 'individual' : 'company',
                    )
                  : '',
              },
            ]
          : m.opponent === 'authority'
            ? [{ name: opponent, idNumber: '' }]
            : [{ name: opponent, idNumber: '' }],
    category: m.category,
    serviceForm: m.serviceForm,
    matter: m.matter,
    // The demo's defendants state financial difficulty (法律援助法 第24条); victims apply under 第29条.
    defenceGround: m.category === '刑事' && m.key !== 'victim' ? '经济困难' : '',
    notice: null,
    proceedingStage: stage ? stage[0] : '',
    handlingAuthority: stage ? stage[1] : '',
    facts,
    finance: opts.aboveMeansStandard
      ? {
          householdSize: int(rand, 2, 4),
          monthlyIncomePerCapitaFen: int(rand, 38, 75) * 10_000,
          basis: '证明材料',
          exemptReason: '',
        }
      : exempt
        ? { householdSize: null, monthlyIncomePerCapitaFen: null, basis: '免予核查', exemptReason: exempt }
        : {
            householdSize: int(rand, 1, 6),
            monthlyIncomePerCapitaFen: int(rand, 40, 180) * 1000,
            basis: chance(rand, 0.75) ? '承诺' : '证明材料',
            exemptReason: '',
          },
    receivedOn,
    receivedBy: opts.receivedBy,
  };
}

export interface DemoOptions {
  seed: number;
  divisionCode: string;
  /** The latest application date (yyyy-mm-dd); cases spread over the years before it. */
  until: string;
  years?: number;
  /** The office's name, bureau and 案号代字, for places and document numbers (the division code alone otherwise). */
  office?: Omit<DemoOffice, 'divisionCode'>;
}

/** `count` synthetic legal-aid applications of a seed, received on working days over the years before `until`. */
export function* legalAidApplications(
  count: number,
  { seed, divisionCode, until, years = 3, office }: DemoOptions,
): Generator<LegalAidApplicationInput> {
  const rand = seededRandom(seed);
  const locale = demoLocale({ divisionCode, ...office });
  const clerks = ['李娟', '王建国', '陈晓东'];
  const end = new Date(`${until}T00:00:00Z`).getTime();
  const span = years * 365 * 86_400_000;
  for (let i = 0; i < count; i++) {
    const m = pickLegalAidMatter(rand);
    let receivedOn = workingDayFrom(isoDay(new Date(end - Math.floor(rand() * span))));
    if (receivedOn > until) receivedOn = until;
    yield legalAidApplication(rand, m, { locale, receivedOn, receivedBy: pick(rand, clerks) });
  }
}

// ---------------------------------------------------------------------------------------------------------------
// 人民调解: the disputes, the 受理登记表 and the 口头调解登记

export interface DisputeContext {
  rand: Rand;
  locale: DemoLocale;
  /** The applicant (first party) and the other side (second party; an organisation's name when it is one). */
  a: string;
  b: string;
  village: string;
  /** The sum the dispute is about, in yuan (0 when none). */
  amount: number;
  /** The sum agreed, in yuan. */
  agreed: number;
  /** Which of a template's stories this dispute is (templates with several take it modulo their count). */
  variant: number;
}

export interface DisputeTemplate {
  disputeType: string;
  weight: number;
  /** The second party: a person, or an organisation of this kind. */
  other: 'person' | keyof typeof COMPANY_KINDS;
  /** Both parties of one family (same surname). */
  family?: boolean;
  /** Yuan involved: [min, max] in hundreds, or null when nothing is claimed. */
  amount: [number, number] | null;
  /** Which committee hears it. */
  committee: 'village' | 'township' | 'traffic' | 'medical';
  /** Often many people (wages, property management). */
  mass?: boolean;
  /** Simple enough to be settled orally on the spot (口头调解). */
  oral: boolean;
  routes: (typeof OTHER_ROUTES)[number][];
  summary: (c: DisputeContext) => string;
  requests: (c: DisputeContext) => string;
  investigation: (c: DisputeContext) => string;
  session: (c: DisputeContext) => string;
  agreement: (c: DisputeContext) => string;
  failure: (c: DisputeContext) => string;
}

export const DISPUTE_TEMPLATES: readonly DisputeTemplate[] = [
  {
    disputeType: '邻里纠纷',
    weight: 18,
    other: 'person',
    amount: [5, 60],
    committee: 'village',
    oral: true,
    routes: ['司法'],
    summary: (c) => {
      const issue = pick(c.rand, [
        `${c.b}家新修排水沟将雨水排向${c.a}家院墙，致墙基受损`,
        `${c.b}家在两户之间的公共通道上堆放杂物、砌筑围墙，影响${c.a}家出行`,
        `${c.b}家屋后竹木遮挡${c.a}家采光，落叶堵塞${c.a}家屋檐水沟`,
        `${c.b}家饲养的鸡鸭多次进入${c.a}家菜地啄食菜苗`,
      ]);
      return `${c.a}与${c.b}系${c.village}相邻住户。${issue}，双方多次发生争吵，${c.a}申请调解。`;
    },
    requests: (c) => `请求${c.b}排除妨碍、恢复原状${c.amount ? `，并赔偿损失${yuan(c.amount)}` : ''}。`,
    investigation: (c) => `到现场查看，${c.a}家院墙墙基有明显水渍和裂缝，双方房屋间距约一点五米，走访了左右邻居。`,
    session: (c) =>
      `调解员向双方讲解《民法典》相邻关系的规定，${c.b}同意整改，双方就赔偿数额${pick(c.rand, ['仍有分歧', '基本达成一致'])}。`,
    agreement: (c) =>
      `${c.b}于十日内自行整改、恢复通行和排水${c.agreed ? `，并一次性补偿${c.a}${yuan(c.agreed)}` : ''}；双方今后互谅互让，和睦相处。`,
    failure: (c) => `${c.b}坚持认为自家整改后不存在妨碍，拒绝赔偿，双方分歧较大。`,
  },
  {
    disputeType: '家庭纠纷',
    weight: 14,
    other: 'person',
    family: true,
    amount: null,
    committee: 'village',
    oral: true,
    routes: ['司法'],
    summary: (c) =>
      [
        `${c.a}与${c.b}系兄弟，父亲去世后，母亲年老多病，兄弟二人因母亲的赡养和老屋的使用问题产生矛盾，${c.b}已半年未探望母亲，母亲请村委会出面调解。`,
        `${c.a}与${c.b}系兄弟，父母早年分家时未立字据，现老屋所在地块被列入征收范围，兄弟二人因征收补偿款的分配发生争执。`,
        `${c.a}与${c.b}系兄弟，两家共用老宅堂屋，${c.b}家儿子结婚需翻修房屋，${c.a}不同意，两家多次争吵，关系紧张。`,
      ][c.variant % 3]!,
    requests: (c) =>
      ['请求明确赡养义务的分担和老屋的使用。', '请求按份分配征收补偿款。', '请求明确老宅堂屋的使用和翻修费用分担。'][
        c.variant % 3
      ]!,
    investigation: (c) =>
      [
        `走访${c.a}、${c.b}的母亲及村组干部，了解到老人每月医药费约六百元，目前由${c.a}一家负担。`,
        '查阅了分家时的证人回忆和征收补偿协议，走访了当年参与分家的亲属。',
        '到老宅现场查看堂屋使用现状，听取了族中长辈的意见。',
      ][c.variant % 3]!,
    session: (c) =>
      [
        `召集兄弟二人及其配偶在村委会调解，讲解赡养老人的法定义务，${c.b}表示愿意分担。`,
        '组织兄弟二人和族中长辈协商，双方同意按当年分家的实际情况分配。',
        '调解员提出由翻修一方承担费用、堂屋共同使用的方案，双方基本认可。',
      ][c.variant % 3]!,
    agreement: (c) =>
      [
        `${c.a}、${c.b}每人每月各支付母亲赡养费${pick(c.rand, [400, 500, 600])}元，母亲由二人每半年轮流照顾；老屋由母亲居住使用，任何一方不得擅自处分。`,
        `老屋征收补偿款由兄弟二人各得一半，母亲的安置房由${c.a}负责照顾居住。`,
        `${c.b}自行承担翻修费用，翻修后堂屋仍由两家共同使用，逢年过节共同祭祖。`,
      ][c.variant % 3]!,
    failure: (c) =>
      [
        `${c.b}以其经济困难为由拒绝负担赡养费，调解未能达成一致。`,
        '双方对分家时的约定说法不一，调解未能达成一致。',
        `${c.a}坚持不同意翻修，调解未能达成一致。`,
      ][c.variant % 3]!,
  },
  {
    disputeType: '婚姻纠纷',
    weight: 8,
    other: 'person',
    amount: null,
    committee: 'village',
    oral: false,
    routes: ['司法'],
    summary: (c) =>
      [
        `${c.a}与${c.b}系夫妻，婚后育有一子。近年来双方因家庭开支和照顾老人问题经常争吵，${c.b}已回娘家居住三个月，${c.a}请求调解。`,
        `${c.a}与${c.b}系夫妻，${c.a}长期在外务工，双方因${c.b}沉迷打牌、家务无人料理发生矛盾，${c.a}提出离婚，双方就子女抚养和房屋归属争执不下。`,
      ][c.variant % 2]!,
    requests: (c) => ['请求调解夫妻矛盾，和好共同生活。', '请求调解离婚后子女抚养和房屋归属问题。'][c.variant % 2]!,
    investigation: (c) =>
      [
        `分别走访${c.a}、${c.b}及双方父母，了解矛盾起因主要是经济开支安排。`,
        '走访了双方父母和村组干部，了解了家庭财产和子女就读情况。',
      ][c.variant % 2]!,
    session: (c) =>
      [
        `调解员分别做双方工作，${c.a}承认对家庭关心不够，双方同意再给彼此一次机会。`,
        '调解员从有利于子女成长的角度做双方工作，双方就抚养和房屋问题达成初步意见。',
      ][c.variant % 2]!,
    agreement: (c) =>
      [
        '双方和好，女方回家共同生活；家庭收入由双方共同管理，重大开支协商决定。',
        `双方自愿到婚姻登记机关办理离婚登记；儿子由${c.a}抚养，${c.b}每月支付抚养费八百元；房屋归${c.a}所有。`,
      ][c.variant % 2]!,
    failure: (c) =>
      [
        `${c.b}坚持离婚，不同意和好，已告知其可向人民法院起诉。`,
        '双方均要求抚养子女，分歧较大，已告知其可向人民法院起诉。',
      ][c.variant % 2]!,
  },
  {
    disputeType: '房屋宅基地纠纷',
    weight: 10,
    other: 'person',
    amount: null,
    committee: 'village',
    oral: false,
    routes: ['行政', '司法'],
    summary: (c) =>
      `${c.a}在原宅基地上翻建房屋，${c.b}认为其地基超出原界址约半米，占用了两家之间的滴水巷，阻止施工，双方发生争执。`,
    requests: (c) => `请求确认两家宅基地界址，${c.b}停止阻工。`,
    investigation: (c) => `会同村组干部到现场丈量，查阅两户宅基地使用证，${c.a}新建地基东侧超出原界址约零点四米。`,
    session: (c) => `组织双方现场对照宅基地使用证确认界址，${c.a}同意后退地基。`,
    agreement: (c) =>
      `${c.a}将新建房屋东侧地基后退零点四米，留出滴水巷；${c.b}不再阻止施工，双方界址以现场所立界桩为准。`,
    failure: () => '双方对界址认定分歧较大，均不同意让步。',
  },
  {
    disputeType: '山林土地纠纷',
    weight: 5,
    other: 'person',
    amount: null,
    committee: 'village',
    oral: false,
    routes: ['行政', '司法'],
    summary: (c) =>
      `${c.a}与${c.b}两家承包地相邻，因田埂界线不清，${c.b}今年春耕时将田埂向${c.a}家一侧移动约一米，双方发生争执。`,
    requests: () => '请求恢复原田埂界线。',
    investigation: () => '查阅土地承包经营权证及原始承包台账，走访了相邻农户和原组长。',
    session: () => '组织双方和老组长到田间指认原界线，双方初步认可。',
    agreement: (c) => `以原承包台账记载为准恢复田埂界线，由${c.b}在秋收后十日内自行恢复。`,
    failure: () => '双方对原界线位置说法不一，均不认可对方的指认。',
  },
  {
    disputeType: '合同纠纷',
    weight: 6,
    other: 'person',
    amount: [30, 300],
    committee: 'township',
    oral: false,
    routes: ['司法'],
    summary: (c) =>
      [
        `${c.a}承包${c.b}的鱼塘养殖，约定年承包费${yuan(c.amount)}。因鱼塘水源被污染，${c.a}要求减免当年承包费，${c.b}不同意，双方发生纠纷。`,
        `${c.a}请${c.b}装修自建房，约定工程款${yuan(c.amount)}。完工后${c.a}以卫生间渗水、墙面开裂为由拒付尾款，双方发生纠纷。`,
      ][c.variant % 2]!,
    requests: (c) => [`请求减免当年承包费${yuan(c.amount)}。`, `请求${c.b}返修并核减工程款。`][c.variant % 2]!,
    investigation: (c) =>
      ['到鱼塘现场查看，走访了附近养殖户，上游沟渠确有污水流入。', `到${c.a}家查看装修质量，卫生间墙面确有渗水痕迹。`][
        c.variant % 2
      ]!,
    session: () => '调解员组织双方协商，双方同意按实际损失分担。',
    agreement: (c) =>
      [
        `${c.b}减免${c.a}当年承包费${yuan(c.agreed)}，剩余承包费于年底前付清，合同继续履行。`,
        `${c.b}于十五日内对卫生间防水返修；${c.a}在返修验收后支付剩余工程款${yuan(c.agreed)}。`,
      ][c.variant % 2]!,
    failure: () => '双方对损失数额各执一词，未能达成一致。',
  },
  {
    disputeType: '损害赔偿纠纷',
    weight: 8,
    other: 'person',
    amount: [8, 80],
    committee: 'village',
    oral: true,
    routes: ['司法'],
    summary: (c) =>
      [
        `${c.b}饲养的狗未拴绳，将路过的${c.a}咬伤，${c.a}花费狂犬疫苗及治疗费用${yuan(c.amount)}，要求${c.b}赔偿，${c.b}只同意承担一半。`,
        `${c.b}在自家承包地焚烧秸秆，火势蔓延烧毁${c.a}家的柑橘树二十余株，${c.a}要求赔偿损失${yuan(c.amount)}。`,
        `${c.b}雇请的挖机在平整场地时挖断了${c.a}家的自来水管和电缆，${c.a}要求赔偿修复费用和损失${yuan(c.amount)}。`,
      ][c.variant % 3]!,
    requests: (c) => `请求${c.b}赔偿损失${yuan(c.amount)}。`,
    investigation: (c) =>
      [
        `查看了${c.a}的门诊病历和收费票据，走访了目击村民。`,
        '到果园现场清点被烧毁的柑橘树，请村农技员估算了损失。',
        '到现场查看管线损坏情况，核对了维修人员出具的费用清单。',
      ][c.variant % 3]!,
    session: (c) =>
      [
        `调解员讲解饲养动物损害责任的规定，${c.b}认可应承担赔偿责任。`,
        `调解员讲解侵权责任的规定，${c.b}认可应赔偿损失。`,
        `${c.b}认可损害事实，双方就赔偿数额进行协商。`,
      ][c.variant % 3]!,
    agreement: (c) => `${c.b}一次性赔偿${c.a}各项损失共计${yuan(c.agreed)}，当场付清，双方再无其他纠纷。`,
    failure: (c) => `${c.b}认为损失数额过高，拒绝按${c.a}的要求赔偿。`,
  },
  {
    disputeType: '劳动争议纠纷',
    weight: 6,
    other: 'construction',
    amount: [100, 800],
    committee: 'township',
    mass: true,
    oral: false,
    routes: ['仲裁', '司法'],
    summary: (c) => `${c.a}等人在${c.b}承建的工地务工，工程完工后公司拖欠工资共计${yuan(c.amount)}，工人多次讨薪未果。`,
    requests: (c) => `请求${c.b}支付拖欠的工资${yuan(c.amount)}。`,
    investigation: () => '核对了工人考勤记录和班组长出具的工资欠条，约谈了公司项目负责人。',
    session: (c) => `召集工人代表和${c.b}项目负责人协商，公司承认欠薪，请求分期支付。`,
    agreement: (c) => `${c.b}于协议签订之日起三十日内分两期支付拖欠工资${yuan(c.agreed)}，由项目负责人担保。`,
    failure: (c) => `${c.b}以工程款未结算为由拒绝付款，已告知工人可向劳动人事争议仲裁委员会申请仲裁。`,
  },
  {
    disputeType: '道路交通事故纠纷',
    weight: 6,
    other: 'person',
    amount: [50, 600],
    committee: 'traffic',
    oral: false,
    routes: ['司法'],
    summary: (c) =>
      `${c.b}驾驶小型轿车与${c.a}驾驶的电动车相撞，${c.a}受伤住院。交警部门认定${c.b}负主要责任，双方就赔偿数额协商未果，经交警部门引导申请调解。`,
    requests: (c) => `请求赔偿医疗费、误工费、护理费等共计${yuan(c.amount)}。`,
    investigation: () => '查阅了道路交通事故认定书、住院病历和医疗费票据，核对了保险公司的理赔范围。',
    session: () => '组织双方及保险公司理赔员协商，逐项核对赔偿项目。',
    agreement: (c) => `除保险公司理赔部分外，${c.b}另行赔偿${c.a}${yuan(c.agreed)}，双方就本次事故再无其他纠纷。`,
    failure: () => '双方对误工费、护理费的计算标准分歧较大。',
  },
  {
    disputeType: '物业纠纷',
    weight: 5,
    other: 'property',
    amount: [20, 200],
    committee: 'township',
    mass: true,
    oral: false,
    routes: ['司法'],
    summary: (c) =>
      `${c.village}部分业主以电梯经常故障、小区卫生差为由拒交物业费，${c.b}向业主催缴未果，${c.a}等业主代表申请调解。`,
    requests: () => '请求物业公司履行维修和保洁义务，合理确定欠缴物业费的处理。',
    investigation: () => '查看了小区电梯维保记录和公共区域卫生状况，听取了业主代表和物业公司的意见。',
    session: () => '召集业主代表和物业公司负责人协商，物业公司承诺整改。',
    agreement: (c) => `${c.b}于一个月内完成电梯维修并增加保洁频次；业主在整改完成后补交欠缴物业费，免收滞纳金。`,
    failure: () => '物业公司不同意免收滞纳金，业主代表不接受。',
  },
  {
    disputeType: '消费纠纷',
    weight: 5,
    other: 'shop',
    amount: [3, 40],
    committee: 'township',
    oral: true,
    routes: ['行政', '司法'],
    summary: (c) =>
      `${c.a}在${c.b}购买的${pick(c.rand, ['电暖器', '洗衣机', '电动车', '燃气灶'])}使用不久即出现故障，要求退货，经营者只同意维修。`,
    requests: (c) => `请求退货并退还货款${yuan(c.amount)}。`,
    investigation: () => '查看了购货凭证和商品故障情况。',
    session: (c) => `调解员讲解消费者权益保护法关于三包的规定，${c.b}同意更换。`,
    agreement: (c) => `${c.b}当场为${c.a}更换同型号新品一台，双方再无争议。`,
    failure: (c) => `${c.b}坚持只维修不退换。`,
  },
  {
    disputeType: '医疗纠纷',
    weight: 2,
    other: 'clinic',
    amount: [50, 500],
    committee: 'medical',
    oral: false,
    routes: ['司法'],
    summary: (c) =>
      `${c.a}在${c.b}拔牙后伤口感染，住院治疗一周，认为诊所消毒不规范，要求赔偿，诊所认为系患者术后护理不当所致。`,
    requests: (c) => `请求赔偿医疗费、误工费共计${yuan(c.amount)}。`,
    investigation: () => '调取了诊所的诊疗记录和消毒记录，听取了医学专家的意见。',
    session: () => '组织医患双方协商，医学专家到场说明诊疗过程中存在的不足。',
    agreement: (c) => `${c.b}一次性补偿${c.a}医疗费、误工费等${yuan(c.agreed)}，双方就此次诊疗再无纠纷。`,
    failure: () => '诊所不认可存在过错，双方分歧较大。',
  },
  {
    disputeType: '生产经营纠纷',
    weight: 3,
    other: 'person',
    amount: [50, 500],
    committee: 'township',
    oral: false,
    routes: ['司法'],
    summary: (c) =>
      `${c.a}与${c.b}合伙养殖生猪，因市场行情下跌出现亏损，双方就散伙后合伙财产的分割和亏损分担发生争议。`,
    requests: () => '请求分割合伙财产、分担亏损。',
    investigation: () => '清点了猪场存栏和饲料库存，查阅了合伙账目。',
    session: () => '组织双方对账，双方认可清点结果。',
    agreement: (c) =>
      `猪场由${c.a}继续经营，${c.a}于三个月内支付${c.b}合伙份额折价款${yuan(c.agreed)}，亏损由双方按出资比例分担。`,
    failure: () => '双方对存栏生猪的估价分歧较大。',
  },
];

/** The dispute templates whose type the office's list has (its active 纠纷类型); never empty. */
export function disputeTemplatesFor(activeTypes?: readonly string[]): readonly DisputeTemplate[] {
  if (!activeTypes) return DISPUTE_TEMPLATES;
  const fitting = DISPUTE_TEMPLATES.filter((t) => activeTypes.includes(t.disputeType));
  if (fitting.length > 0) return fitting;
  // An office that renamed every type: any of its types, with the neighbours' dispute as the story.
  return activeTypes.slice(0, 1).map((disputeType) => ({ ...DISPUTE_TEMPLATES[0]!, disputeType }));
}

export interface DisputeParties {
  context: DisputeContext;
  /** Names of the mediators who handle it and the committee. */
  committee: string;
  mediators: string[];
}

function committeeName(rand: Rand, locale: DemoLocale, t: DisputeTemplate, v: string): string {
  switch (t.committee) {
    case 'village':
      return `${v}人民调解委员会`;
    case 'township':
      return `${locale.township}人民调解委员会`;
    case 'traffic':
      return `${locale.county}道路交通事故纠纷人民调解委员会`;
    case 'medical':
      return `${locale.county}医疗纠纷人民调解委员会`;
  }
}

/** The two sides of a dispute: for a family dispute, two brothers (one surname, both of the majority). */
function disputants(rand: Rand, t: DisputeTemplate, locale: DemoLocale, on: string): [DemoPerson, DemoPerson] {
  if (!t.family)
    return [person(rand, locale, on, { age: int(rand, 25, 75) }), person(rand, locale, on, { age: int(rand, 25, 75) })];
  const surname = pick(rand, SURNAMES);
  const elder = int(rand, 38, 68);
  return [
    person(rand, locale, on, { age: elder, sex: '男', surname }),
    person(rand, locale, on, { age: elder - int(rand, 2, 8), sex: '男', surname }),
  ];
}

export interface MediationRegistrationOptions {
  locale: DemoLocale;
  receivedOn: string;
  receivedBy: string;
  mediatorPool: readonly string[];
}

/** A full 受理登记表 for a dispute of template `t`, with the context the later records draw on. */
export function mediationRegistration(
  rand: Rand,
  t: DisputeTemplate,
  { locale, receivedOn, receivedBy, mediatorPool }: MediationRegistrationOptions,
): { registration: MediationRegistrationInput; context: DisputeContext; mediators: string[] } {
  const v = village(rand);
  const [a, b] = disputants(rand, t, locale, receivedOn);
  const personB = t.other === 'person' ? b : null;
  const orgName = t.other === 'person' ? '' : companyName(rand, locale, t.other);
  const amount = t.amount ? int(rand, t.amount[0], t.amount[1]) * 100 : 0;
  const context: DisputeContext = {
    rand,
    locale,
    a: a.name,
    b: personB?.name ?? orgName,
    village: v,
    amount,
    agreed: Math.round((amount * int(rand, 50, 100)) / 10_000) * 100,
    variant: int(rand, 0, 59),
  };
  const source = weighted(rand, [
    ['当事人申请', 65],
    ['主动调解', 18],
    ['公安移送', 7],
    ['法院委托/移送', 5],
    ['信访移送', 5],
  ] as const);
  const police = locale.county.endsWith('区') ? '公安分局' : '公安局';
  const sourceDetail =
    source === '公安移送'
      ? `${locale.county}${police}${locale.townshipShort}派出所`
      : source === '法院委托/移送'
        ? `${locale.county}人民法院`
        : source === '信访移送'
          ? `${locale.township}信访办`
          : '';
  const occupation = () => pick(rand, ['务农', '务农', '个体经营', '退休', '务工', '']);
  const people = [a, ...(personB ? [personB] : [])].map((p) => ({
    kind: 'person' as const,
    name: p.name,
    sex: p.sex,
    birthDate: p.birthDate,
    ethnicity: p.ethnicity,
    idNumber: chance(rand, 0.75) ? p.idNumber : '',
    address: t.committee === 'village' ? `${locale.township}${v}${int(rand, 1, 16)}组` : address(rand, locale),
    phone: chance(rand, 0.9) ? p.phone : landline(rand, locale),
    occupation: occupation(),
  }));
  const parties: MediationRegistrationInput['parties'] = personB
    ? people
    : [
        ...people,
        {
          kind: 'organisation',
          name: orgName,
          creditCode: syntheticCreditCode(
            rand,
            locale.divisionCode,
            t.other === 'shop' || t.other === 'clinic' ? 'individual' : 'company',
          ),
          legalRepresentative: chineseName(rand, undefined, 1975),
          address: address(rand, locale, { local: 0.5 }),
          phone: landline(rand, locale),
        },
      ];
  const mass = t.mass === true && chance(rand, 0.35);
  const mediators = some(rand, mediatorPool, chance(rand, 0.6) ? 2 : 1);
  return {
    context,
    mediators,
    registration: {
      source,
      sourceDetail,
      committee: committeeName(rand, locale, t, v),
      parties,
      disputeType: t.disputeType,
      summary: t.summary(context),
      requests: source === '当事人申请' || chance(rand, 0.5) ? t.requests(context) : '',
      amountFen: amount * 100,
      peopleCount: mass ? int(rand, 8, 40) : parties.length,
      major: mass || chance(rand, 0.03),
      mass,
      mediators,
      receivedOn,
      receivedBy,
    },
  };
}

/** A 口头调解登记: a simple dispute registered, mediated and agreed orally on one day. */
export function quickOralMediation(
  rand: Rand,
  t: DisputeTemplate,
  { locale, receivedOn, receivedBy, mediatorPool }: MediationRegistrationOptions,
): { quickOral: QuickOralMediationInput; context: DisputeContext } {
  const v = village(rand);
  const [a, b] = disputants(rand, t, locale, receivedOn);
  const orgName = t.other === 'person' ? '' : companyName(rand, locale, t.other);
  const amount = t.amount ? int(rand, t.amount[0], t.amount[1]) * 100 : 0;
  const context: DisputeContext = {
    rand,
    locale,
    a: a.name,
    b: orgName || b.name,
    village: v,
    amount,
    agreed: Math.round((amount * int(rand, 40, 100)) / 10_000) * 100,
    variant: int(rand, 0, 59),
  };
  const quickPerson = (p: DemoPerson) => ({
    kind: 'person' as const,
    name: p.name,
    idNumber: chance(rand, 0.5) ? p.idNumber : '',
    phone: chance(rand, 0.7) ? p.phone : '',
    address: chance(rand, 0.6) ? `${locale.township}${v}` : '',
  });
  const parties: QuickOralMediationInput['parties'] = orgName
    ? [
        quickPerson(a),
        {
          kind: 'organisation',
          name: orgName,
          creditCode: chance(rand, 0.6) ? syntheticCreditCode(rand, locale.divisionCode, 'individual') : '',
          phone: chance(rand, 0.7) ? mobile(rand) : '',
        },
      ]
    : [quickPerson(a), quickPerson(b)];
  const agreed = context.agreed;
  return {
    context,
    quickOral: {
      source: chance(rand, 0.8) ? '当事人申请' : '主动调解',
      committee: committeeName(rand, locale, t, v),
      parties,
      disputeType: t.disputeType,
      summary: t.summary(context),
      agreementContent: t.agreement(context),
      agreementAmountFen: agreed * 100,
      performanceMethod: agreed > 0 ? '即时履行' : '无给付内容',
      performanceDueOn: '',
      mediator: pick(rand, mediatorPool),
      mediatedOn: receivedOn,
      receivedBy,
      crimePrevention: chance(rand, 0.03),
    },
  };
}

// ---------------------------------------------------------------------------------------------------------------
// 公证申请: what people ask the liaison point for, and the request

/** Where a certificate is used, and the language of its translation. */
const ABROAD: [string, string, number][] = [
  ['美国', '英语', 14],
  ['加拿大', '英语', 9],
  ['英国', '英语', 8],
  ['澳大利亚', '英语', 8],
  ['日本', '日语', 8],
  ['新加坡', '英语', 5],
  ['德国', '德语', 4],
  ['韩国', '韩语', 4],
  ['法国', '法语', 2],
  ['新西兰', '英语', 2],
  ['香港特别行政区', '', 6],
  ['澳门特别行政区', '', 2],
];

export interface NotarizationTemplate {
  code: string;
  weight: number;
  /** 公证书用途; abroad: used abroad (a place and a translation are drawn), else 国内. */
  purposes: [string, 'abroad' | 'home'][];
  applicants: 'one' | 'heirs' | 'organisation' | 'couple';
  age: [number, number];
  /** The applicant is a child this often (a parent applies as 法定代理人). */
  minors?: number;
  /** Base fee in yuan. */
  fee: number;
}

export const NOTARIZATION_TEMPLATES: readonly NotarizationTemplate[] = [
  {
    code: 'education',
    weight: 10,
    purposes: [
      ['出国留学', 'abroad'],
      ['境外就业', 'abroad'],
    ],
    applicants: 'one',
    age: [18, 32],
    fee: 100,
  },
  {
    code: 'degree',
    weight: 5,
    purposes: [
      ['出国留学', 'abroad'],
      ['境外就业', 'abroad'],
    ],
    applicants: 'one',
    age: [22, 35],
    fee: 100,
  },
  {
    code: 'no_criminal_record',
    weight: 10,
    purposes: [
      ['办理工作签证', 'abroad'],
      ['境外就业', 'abroad'],
      ['申请移民', 'abroad'],
    ],
    applicants: 'one',
    age: [20, 50],
    fee: 100,
  },
  {
    code: 'kinship',
    weight: 12,
    purposes: [
      ['探亲签证', 'abroad'],
      ['办理继承手续', 'home'],
      ['子女境外入学', 'abroad'],
      ['申请父母随迁', 'abroad'],
    ],
    applicants: 'one',
    age: [25, 70],
    fee: 100,
  },
  {
    code: 'birth',
    weight: 6,
    purposes: [
      ['出国留学', 'abroad'],
      ['子女出国探亲', 'abroad'],
      ['办理境外居留', 'abroad'],
    ],
    applicants: 'one',
    age: [18, 30],
    minors: 0.35,
    fee: 100,
  },
  {
    code: 'marital_status',
    weight: 10,
    purposes: [
      ['申请家属团聚签证', 'abroad'],
      ['办理境外房产购置手续', 'abroad'],
      ['办理涉外婚姻登记', 'abroad'],
    ],
    applicants: 'one',
    age: [25, 60],
    fee: 100,
  },
  {
    code: 'entrustment',
    weight: 12,
    purposes: [
      ['委托亲属代为办理房产过户', 'home'],
      ['委托他人代为出售房屋', 'home'],
      ['委托他人代领征收补偿款', 'home'],
      ['委托他人代办车辆过户', 'home'],
    ],
    applicants: 'one',
    age: [30, 80],
    fee: 200,
  },
  {
    code: 'declaration',
    weight: 6,
    purposes: [
      ['放弃房屋继承权', 'home'],
      ['声明婚前个人财产', 'home'],
      ['同意未成年子女出国', 'abroad'],
    ],
    applicants: 'one',
    age: [30, 75],
    fee: 200,
  },
  {
    code: 'inheritance',
    weight: 8,
    purposes: [
      ['继承房产', 'home'],
      ['继承银行存款', 'home'],
      ['继承宅基地上房屋', 'home'],
    ],
    applicants: 'heirs',
    age: [35, 75],
    fee: 800,
  },
  { code: 'will', weight: 3, purposes: [['订立遗嘱', 'home']], applicants: 'one', age: [62, 90], fee: 400 },
  { code: 'gift', weight: 3, purposes: [['将房产赠与子女', 'home']], applicants: 'one', age: [50, 80], fee: 500 },
  { code: 'survival', weight: 4, purposes: [['领取境外养老金', 'abroad']], applicants: 'one', age: [65, 90], fee: 100 },
  {
    code: 'copy_conformity',
    weight: 6,
    purposes: [
      ['办理签证', 'abroad'],
      ['境外求职', 'abroad'],
    ],
    applicants: 'one',
    age: [20, 40],
    fee: 60,
  },
  {
    code: 'signature_seal',
    weight: 3,
    purposes: [
      ['境外投标', 'abroad'],
      ['办理出口业务', 'abroad'],
    ],
    applicants: 'organisation',
    age: [35, 60],
    fee: 200,
  },
  { code: 'experience', weight: 3, purposes: [['境外就业', 'abroad']], applicants: 'one', age: [25, 45], fee: 100 },
  {
    code: 'contract',
    weight: 3,
    purposes: [
      ['借款合同赋予强制执行效力', 'home'],
      ['房屋买卖合同公证', 'home'],
    ],
    applicants: 'organisation',
    age: [30, 60],
    fee: 500,
  },
  {
    code: 'identity',
    weight: 2,
    purposes: [['办理境外银行开户', 'abroad']],
    applicants: 'one',
    age: [25, 60],
    fee: 100,
  },
  {
    code: 'death',
    weight: 2,
    purposes: [
      ['办理保险理赔', 'home'],
      ['办理境外遗产继承', 'abroad'],
    ],
    applicants: 'one',
    age: [35, 70],
    fee: 100,
  },
  {
    code: 'property_division',
    weight: 2,
    purposes: [['离婚财产分割', 'home']],
    applicants: 'couple',
    age: [30, 60],
    fee: 500,
  },
  {
    code: 'professional_title',
    weight: 1,
    purposes: [['境外执业资格认证', 'abroad']],
    applicants: 'one',
    age: [30, 55],
    fee: 100,
  },
  {
    code: 'evidence_preservation',
    weight: 1,
    purposes: [['保全网页侵权证据', 'home']],
    applicants: 'organisation',
    age: [30, 60],
    fee: 1000,
  },
  { code: 'other', weight: 1, purposes: [['其他', 'home']], applicants: 'one', age: [25, 70], fee: 200 },
];

/** The catalogue's facts a request needs (from the office's catalogue, or the shipped MATTER_SEED). */
export interface DemoMatter {
  code: string;
  name: string;
  requiredMaterials: readonly string[];
  inPersonOnly: boolean;
}

export interface NotarizationRequestOptions {
  locale: DemoLocale;
  receivedOn: string;
  receivedBy: string;
}

/** A 公证申请表 for matter `m` (template `t`); returns who would collect the certificate, too. */
export function notarizationRequest(
  rand: Rand,
  t: NotarizationTemplate,
  m: DemoMatter,
  { locale, receivedOn, receivedBy }: NotarizationRequestOptions,
): { request: NotarizationRequestInput; applicantName: string; agentName: string | null } {
  const [purpose, where] = pick(rand, t.purposes);
  const [place, language] =
    where === 'abroad'
      ? weighted(
          rand,
          ABROAD.map(([p, l, w]) => [[p, l] as const, w] as const),
        )
      : (['国内', ''] as const);
  const minor = t.minors !== undefined && chance(rand, t.minors);
  const applicants: NotarizationRequestInput['applicants'] = [];
  const asApplicant = (p: DemoPerson): NotarizationRequestInput['applicants'][number] => ({
    kind: 'person',
    name: p.name,
    sex: p.sex,
    birthDate: p.birthDate,
    idType: '居民身份证',
    idNumber: p.idNumber,
    address: address(rand, locale),
    phone: p.phone,
  });
  let lead: DemoPerson;
  if (t.applicants === 'organisation') {
    lead = person(rand, locale, receivedOn, { age: int(rand, t.age[0], t.age[1]) });
    applicants.push({
      kind: 'organisation',
      name: companyName(rand, locale, pick(rand, ['factory', 'logistics', 'construction'] as const)),
      creditCode: syntheticCreditCode(rand, locale.divisionCode),
      legalRepresentative: lead.name,
      phone: landline(rand, locale),
    });
    if (t.code === 'contract' && chance(rand, 0.7))
      applicants.push(asApplicant(person(rand, locale, receivedOn, { age: int(rand, 28, 60) })));
  } else {
    lead = person(rand, locale, receivedOn, { age: minor ? int(rand, 3, 16) : int(rand, t.age[0], t.age[1]) });
    applicants.push(asApplicant(lead));
    if (t.applicants === 'heirs') {
      for (let i = int(rand, 1, 3); i > 0; i--)
        applicants.push(
          asApplicant(person(rand, locale, receivedOn, { age: int(rand, t.age[0], t.age[1]), surname: lead.name[0] })),
        );
    }
    if (t.applicants === 'couple') {
      applicants.push(
        asApplicant(
          person(rand, locale, receivedOn, {
            age: int(rand, t.age[0], t.age[1]),
            sex: lead.sex === '男' ? '女' : '男',
          }),
        ),
      );
    }
  }
  let agent: NotarizationRequestInput['agent'] = null;
  if (minor) {
    const parent = person(rand, locale, receivedOn, { age: int(rand, 30, 45), surname: lead.name[0] });
    agent = {
      kind: '法定代理人',
      name: parent.name,
      idNumber: parent.idNumber,
      phone: parent.phone,
      powerOfAttorney: false,
    };
  } else if (!m.inPersonOnly && t.applicants !== 'organisation' && chance(rand, 0.12)) {
    const relative = person(rand, locale, receivedOn, { age: int(rand, 25, 60) });
    agent = {
      kind: '委托代理人',
      name: relative.name,
      idNumber: relative.idNumber,
      phone: relative.phone,
      powerOfAttorney: true,
    };
  }
  const copies = where === 'abroad' ? int(rand, 1, 3) : int(rand, 1, 2);
  const needsTranslation = language !== '' && chance(rand, 0.92);
  const heirs = t.applicants === 'heirs' ? int(rand, 5, 30) * 100 : 0;
  return {
    applicantName: lead.name,
    agentName: agent?.name ?? null,
    request: {
      applicants,
      agent,
      matterCode: m.code,
      purpose,
      placeOfUse: place,
      copies,
      needsTranslation,
      translationLanguage: needsTranslation ? language : '',
      pickupOn: chance(rand, 0.4) ? addDays(receivedOn, int(rand, 10, 20)) : '',
      feeFen: (t.fee + heirs + (copies - 1) * 20 + (needsTranslation ? 100 : 0)) * 100,
      receivedOn,
      receivedBy,
    },
  };
}
