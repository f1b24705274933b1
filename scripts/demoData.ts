// Deterministic, realistic synthetic cases: the same seed gives the same cases. Used by the CLI's `demo` and,
// later, the benchmark. Everything it makes goes through the contract's validation like a clerk's input.
import { idCheckChar } from '../shared/identity';
import type { LegalAidApplicationInput } from '../shared/legalAid/application';
import { LEGAL_AID_CATEGORIES, LEGAL_AID_SERVICE_FORMS, PROCEEDING_STAGES } from '../shared/legalAid/options';

/** mulberry32: small, fast, good enough for synthetic data. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤';
const GIVEN = '伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华建国建华志强玉兰海燕红梅小红春梅金凤德明永红文华淑珍桂兰凤英丹丹晓东国庆立新';
const PLACES = ['黎托街道', '洞井街道', '同升街道', '跳马镇', '东山街道', '圭塘街道', '井湾子街道', '侯家塘街道'];
const VILLAGES = ['花侯村', '新安村', '合丰村', '石塘村', '白竹村', '大塘社区', '桂花坪社区', '红星社区'];
const COMPANIES = ['某建筑劳务有限公司', '某物流有限公司', '某餐饮管理有限公司', '某汽车运输有限公司', '某物业服务有限公司', '某电子科技有限公司'];
const AUTHORITIES = ['某区公安分局', '某区人民检察院', '某区人民法院', '某区劳动人事争议仲裁委员会'];

interface Matter {
  category: (typeof LEGAL_AID_CATEGORIES)[number];
  matter: string;
  facts: string;
  opposingCompany: boolean;
}

const MATTERS: Matter[] = [
  { category: '民事', matter: '追索劳动报酬', facts: '申请人在工地务工八个月，包工头拖欠工资共计三万余元，多次催要未果。', opposingCompany: true },
  { category: '民事', matter: '确认劳动关系', facts: '申请人在公司工作两年未签订劳动合同，工伤后公司否认存在劳动关系。', opposingCompany: true },
  { category: '民事', matter: '赡养费纠纷', facts: '申请人年逾七旬，三名子女均不支付赡养费，生活困难。', opposingCompany: false },
  { category: '民事', matter: '抚养费纠纷', facts: '申请人离婚后独自抚养孩子，对方拒不支付抚养费已一年有余。', opposingCompany: false },
  { category: '民事', matter: '交通事故人身损害赔偿', facts: '申请人骑电动车被货车撞伤致十级伤残，肇事方拒绝赔偿后续治疗费用。', opposingCompany: true },
  { category: '民事', matter: '工伤事故人身损害赔偿', facts: '申请人在车间操作时右手受伤，用人单位未缴纳工伤保险，拒绝承担赔偿。', opposingCompany: true },
  { category: '民事', matter: '医疗事故人身损害赔偿', facts: '申请人家属在诊所输液后病情加重，诊所拒绝承担责任。', opposingCompany: true },
  { category: '行政', matter: '社会保险待遇', facts: '申请人申请养老保险待遇被拒，认为缴费年限计算有误。', opposingCompany: false },
  { category: '国家赔偿', matter: '国家赔偿', facts: '申请人被错误羁押后经再审改判无罪，申请国家赔偿。', opposingCompany: false },
  { category: '刑事', matter: '盗窃', facts: '犯罪嫌疑人系未成年人，因涉嫌盗窃被刑事拘留，其监护人申请法律援助。', opposingCompany: false },
  { category: '刑事', matter: '故意伤害', facts: '被告人家庭经济困难，无力委托辩护人，申请指派律师辩护。', opposingCompany: false },
  { category: '非诉讼及其他', matter: '代拟法律文书', facts: '申请人需要起草赡养协议，请求代为拟写。', opposingCompany: false },
];

function pick<T>(rand: () => number, items: readonly T[]): T {
  return items[Math.floor(rand() * items.length)]!;
}

function chineseName(rand: () => number): string {
  const given = [...GIVEN];
  const length = rand() < 0.7 ? 2 : 1;
  let name = pick(rand, [...SURNAMES]);
  for (let i = 0; i < length; i++) name += pick(rand, given);
  return name;
}

function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

export function syntheticIdNumber(rand: () => number, divisionCode: string, birthDate: string, sex: '男' | '女'): string {
  let seq = Math.floor(rand() * 500) * 2 + (sex === '男' ? 1 : 0);
  seq = Math.max(0, Math.min(999, seq));
  const body = divisionCode + birthDate.replace(/-/g, '') + String(seq).padStart(3, '0');
  return body + idCheckChar(body);
}

export interface DemoOptions {
  seed: number;
  divisionCode: string;
  /** The latest application date (yyyy-mm-dd); cases spread over the years before it. */
  until: string;
  years?: number;
}

/** The i-th synthetic legal-aid application of a seed. */
export function* legalAidApplications(count: number, { seed, divisionCode, until, years = 3 }: DemoOptions): Generator<LegalAidApplicationInput> {
  const rand = seededRandom(seed);
  const end = new Date(`${until}T00:00:00Z`).getTime();
  const span = years * 365 * 86_400_000;
  for (let i = 0; i < count; i++) {
    const m = pick(rand, MATTERS);
    const receivedOn = isoDay(new Date(end - Math.floor(rand() * span)));
    const minor = m.category === '刑事' && rand() < 0.5;
    const age = minor ? 14 + Math.floor(rand() * 4) : 20 + Math.floor(rand() * 60);
    const birthYear = Number(receivedOn.slice(0, 4)) - age - 1;
    const birthDate = isoDay(new Date(Date.UTC(birthYear, Math.floor(rand() * 12), 1 + Math.floor(rand() * 28))));
    const sex = rand() < 0.5 ? '男' : '女';
    const name = chineseName(rand);
    const place = pick(rand, PLACES);
    const elderly = age >= 60;
    const groups = [
      ...(minor ? ['未成年人' as const] : []),
      ...(elderly ? ['老年人' as const] : []),
      ...(m.matter.includes('劳动') || m.matter.includes('工伤') ? ['农民工' as const] : []),
      ...(sex === '女' && !minor ? ['妇女' as const] : []),
    ];
    const exempt = minor || groups.includes('农民工');
    yield {
      applicant: {
        name, sex, ethnicity: rand() < 0.92 ? '汉族' : pick(rand, ['土家族', '苗族', '回族', '侗族']), birthDate,
        idType: '居民身份证', idNumber: syntheticIdNumber(rand, divisionCode, birthDate, sex),
        householdAddress: `${place}${pick(rand, VILLAGES)}${1 + Math.floor(rand() * 30)}组`,
        residence: rand() < 0.5 ? '' : `${pick(rand, PLACES)}${pick(rand, VILLAGES)}`,
        phone: `1${pick(rand, ['3', '5', '7', '8', '9'])}${String(Math.floor(rand() * 1e9)).padStart(9, '0')}`,
        employer: m.opposingCompany && rand() < 0.5 ? pick(rand, COMPANIES).replace('某', place.slice(0, 2)) : '',
        lacksCapacity: false,
      },
      applicantGroups: groups,
      agent: minor
        ? {
            name: name[0] + pick(rand, [...GIVEN]) + pick(rand, [...GIVEN]),
            relation: '父母',
            idNumber: syntheticIdNumber(rand, divisionCode, `${birthYear - 28}-0${1 + Math.floor(rand() * 9)}-1${Math.floor(rand() * 9)}`, '女'),
            phone: `139${String(Math.floor(rand() * 1e8)).padStart(8, '0')}`,
          }
        : null,
      opposingParties:
        m.category === '刑事' || m.category === '非诉讼及其他'
          ? []
          : [{ name: m.opposingCompany ? pick(rand, COMPANIES).replace('某', place.slice(0, 2)) : chineseName(rand), idNumber: '' }],
      category: m.category,
      serviceForm:
        m.category === '刑事'
          ? LEGAL_AID_SERVICE_FORMS[2]
          : m.category === '非诉讼及其他'
            ? LEGAL_AID_SERVICE_FORMS[1]
            : LEGAL_AID_SERVICE_FORMS[3],
      matter: m.matter,
      proceedingStage: m.category === '刑事' ? pick(rand, PROCEEDING_STAGES.slice(0, 3)) : '',
      handlingAuthority: m.category === '刑事' ? pick(rand, AUTHORITIES.slice(0, 3)) : '',
      facts: m.facts,
      finance: exempt
        ? { householdSize: null, monthlyIncomePerCapitaFen: null, basis: '免予核查', exemptReason: minor ? '未成年人' : '农民工请求支付劳动报酬或工伤赔偿' }
        : { householdSize: 1 + Math.floor(rand() * 6), monthlyIncomePerCapitaFen: 50_000 + Math.floor(rand() * 100_000), basis: rand() < 0.8 ? '承诺' : '证明材料', exemptReason: '' },
      receivedOn,
      receivedBy: pick(rand, ['李娟', '王建国', '陈晓东']),
    };
  }
}
