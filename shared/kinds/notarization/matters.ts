// The matter catalogue (公证事项目录): each matter, its 公证法 第11条 category, the materials the liaison point checks
// for it, whether the province lists it as "最多跑一次", and whether the applicant must apply in person.
//
// MATTER_SEED is what migration 0010 put into `notarization_matters`, IN_PERSON_MATTERS what 0023 added (the
// in-person matters of 公证程序规则 第11条 the first seed lacked). A released migration is never edited, so neither
// is its list: later changes come from the county bureau's configuration package (or the
// `notarization.updateMatter` channel), and a new shipped default needs a new migration. SHIPPED_MATTERS is the
// catalogue a new file has, in its order.
import { z } from 'zod';
import { choice, strictObject, text, type Labels } from '../../validation';
import { NOTARIZATION_CATEGORIES, type NotarizationCategory } from './options';

export interface NotarizationMatter {
  /** Stable identifier (ASCII), used by cases and by the bureau's configuration. */
  code: string;
  name: string;
  category: NotarizationCategory;
  /** 证明材料 the liaison point checks against, in the order of the checklist. */
  requiredMaterials: string[];
  /** On the province's "最多跑一次" list. */
  oneVisit: boolean;
  /**
   * Must be applied for by the applicant in person, never by a 委托代理人 (公证法 第26条: 遗嘱、生存、收养关系等;
   * 公证程序规则 第11条 adds 遗赠扶养协议、赠与、认领亲子、解除收养关系、生存状况、委托、声明、保证 and other matters
   * closely tied to the person).
   */
  inPersonOnly: boolean;
  active: boolean;
}

type Seed = Omit<NotarizationMatter, 'active'>;

/** Where "须本人亲自申办" comes from, for the pages that show the flag and the refusal of an agent. */
export const IN_PERSON_SOURCE = '公证法 第26条；公证程序规则 第11条';

const ID = '申请人身份证明（居民身份证）';

/**
 * "最多跑一次": the matters ../shared/domain/notarization.md names (委托、声明、学历、出生、亲属关系、无犯罪记录、婚姻状况).
 * In-person: 公证法 第26条 and 公证程序规则 第11条.
 */
export const MATTER_SEED: readonly Seed[] = [
  {
    code: 'entrustment',
    name: '委托',
    category: '委托、声明、赠与、遗嘱',
    oneVisit: true,
    inPersonOnly: true,
    requiredMaterials: [
      '委托人身份证明（居民身份证）',
      '委托书',
      '受托人身份证明复印件',
      '委托事项涉及财产的权利凭证（如不动产权证书）',
    ],
  },
  {
    code: 'declaration',
    name: '声明',
    category: '委托、声明、赠与、遗嘱',
    oneVisit: true,
    inPersonOnly: true,
    requiredMaterials: ['声明人身份证明（居民身份证）', '声明书', '与声明事项有关的证明材料'],
  },
  {
    code: 'gift',
    name: '赠与',
    category: '委托、声明、赠与、遗嘱',
    oneVisit: false,
    inPersonOnly: true,
    requiredMaterials: [
      '赠与人身份证明（居民身份证）',
      '受赠人身份证明',
      '赠与合同或赠与书',
      '赠与财产的权利凭证',
      '赠与人婚姻状况证明（共有财产须配偶同意）',
    ],
  },
  {
    code: 'will',
    name: '遗嘱',
    category: '委托、声明、赠与、遗嘱',
    oneVisit: false,
    inPersonOnly: true,
    requiredMaterials: [
      '遗嘱人身份证明（居民身份证）',
      '户口簿',
      '遗嘱草稿',
      '遗嘱处分财产的权利凭证',
      '遗嘱人婚姻状况证明',
    ],
  },
  {
    code: 'inheritance',
    name: '继承',
    category: '继承',
    oneVisit: false,
    inPersonOnly: false,
    requiredMaterials: [
      '继承人身份证明（居民身份证）',
      '户口簿',
      '被继承人死亡证明',
      '继承人与被继承人的亲属关系证明',
      '遗产的权利凭证',
      '被继承人婚姻状况证明',
      '放弃继承声明书（有人放弃继承时）',
    ],
  },
  {
    code: 'contract',
    name: '合同',
    category: '合同',
    oneVisit: false,
    inPersonOnly: false,
    requiredMaterials: ['当事人身份证明（法人提交营业执照和法定代表人身份证明）', '合同文本', '合同标的的权利凭证'],
  },
  {
    code: 'education',
    name: '学历',
    category: '出生、生存、死亡、身份、经历、学历、学位、职务、职称、有无违法犯罪记录',
    oneVisit: true,
    inPersonOnly: false,
    requiredMaterials: [ID, '毕业证书原件'],
  },
  {
    code: 'degree',
    name: '学位',
    category: '出生、生存、死亡、身份、经历、学历、学位、职务、职称、有无违法犯罪记录',
    oneVisit: false,
    inPersonOnly: false,
    requiredMaterials: [ID, '学位证书原件'],
  },
  {
    code: 'birth',
    name: '出生',
    category: '出生、生存、死亡、身份、经历、学历、学位、职务、职称、有无违法犯罪记录',
    oneVisit: true,
    inPersonOnly: false,
    requiredMaterials: [ID, '户口簿', '出生医学证明', '父母身份证明'],
  },
  {
    code: 'survival',
    name: '生存',
    category: '出生、生存、死亡、身份、经历、学历、学位、职务、职称、有无违法犯罪记录',
    oneVisit: false,
    inPersonOnly: true,
    requiredMaterials: [ID, '户口簿', '近期免冠照片'],
  },
  {
    code: 'death',
    name: '死亡',
    category: '出生、生存、死亡、身份、经历、学历、学位、职务、职称、有无违法犯罪记录',
    oneVisit: false,
    inPersonOnly: false,
    requiredMaterials: [ID, '死亡医学证明或火化证明', '户籍注销证明', '申请人与死者的关系证明'],
  },
  {
    code: 'identity',
    name: '身份',
    category: '出生、生存、死亡、身份、经历、学历、学位、职务、职称、有无违法犯罪记录',
    oneVisit: false,
    inPersonOnly: false,
    requiredMaterials: [ID, '户口簿'],
  },
  {
    code: 'kinship',
    name: '亲属关系',
    category: '婚姻状况、亲属关系、收养关系',
    oneVisit: true,
    inPersonOnly: false,
    requiredMaterials: [
      ID,
      '户口簿',
      '关系人身份证明或户籍证明',
      '证明亲属关系的材料（出生医学证明、村（居）民委员会或派出所证明）',
    ],
  },
  {
    code: 'marital_status',
    name: '婚姻状况',
    category: '婚姻状况、亲属关系、收养关系',
    oneVisit: true,
    inPersonOnly: false,
    requiredMaterials: [
      ID,
      '户口簿',
      '结婚证、离婚证（离婚判决书、调解书）或配偶死亡证明（按婚姻状况提交）',
      '婚姻登记机关出具的婚姻登记记录证明',
    ],
  },
  {
    code: 'adoption',
    name: '收养关系',
    category: '婚姻状况、亲属关系、收养关系',
    oneVisit: false,
    inPersonOnly: true,
    requiredMaterials: [
      '收养人身份证明（居民身份证）',
      '户口簿',
      '收养登记证',
      '被收养人出生医学证明',
      '收养人婚姻状况证明',
    ],
  },
  {
    code: 'no_criminal_record',
    name: '无犯罪记录',
    category: '出生、生存、死亡、身份、经历、学历、学位、职务、职称、有无违法犯罪记录',
    oneVisit: true,
    inPersonOnly: false,
    requiredMaterials: [ID, '户口簿', '公安机关出具的无犯罪记录证明'],
  },
  {
    code: 'experience',
    name: '经历',
    category: '出生、生存、死亡、身份、经历、学历、学位、职务、职称、有无违法犯罪记录',
    oneVisit: false,
    inPersonOnly: false,
    requiredMaterials: [ID, '工作单位出具的工作经历证明', '劳动合同或社会保险缴费记录'],
  },
  {
    code: 'position',
    name: '职务',
    category: '出生、生存、死亡、身份、经历、学历、学位、职务、职称、有无违法犯罪记录',
    oneVisit: false,
    inPersonOnly: false,
    requiredMaterials: [ID, '任职文件或工作单位出具的职务证明'],
  },
  {
    code: 'professional_title',
    name: '职称',
    category: '出生、生存、死亡、身份、经历、学历、学位、职务、职称、有无违法犯罪记录',
    oneVisit: false,
    inPersonOnly: false,
    requiredMaterials: [ID, '专业技术职称（资格）证书'],
  },
  {
    code: 'copy_conformity',
    name: '文书副本与原本相符',
    category: '文书上的签名、印鉴、日期，文书的副本、影印本与原本相符',
    oneVisit: false,
    inPersonOnly: false,
    requiredMaterials: [ID, '文书原本', '文书副本或影印本'],
  },
  {
    code: 'signature_seal',
    name: '签名印鉴属实',
    category: '文书上的签名、印鉴、日期，文书的副本、影印本与原本相符',
    oneVisit: false,
    inPersonOnly: false,
    requiredMaterials: [ID, '须证明签名、印鉴的文书', '营业执照和印章（证明单位印鉴时）'],
  },
  {
    code: 'evidence_preservation',
    name: '保全证据',
    category: '保全证据',
    oneVisit: false,
    inPersonOnly: false,
    requiredMaterials: [ID, '拟保全证据的情况说明', '与保全事项有关的权利证明'],
  },
  {
    code: 'articles_of_association',
    name: '公司章程',
    category: '公司章程',
    oneVisit: false,
    inPersonOnly: false,
    requiredMaterials: ['营业执照', '法定代表人身份证明', '公司章程', '股东会决议'],
  },
  {
    code: 'property_division',
    name: '财产分割',
    category: '财产分割',
    oneVisit: false,
    inPersonOnly: false,
    requiredMaterials: ['各当事人身份证明', '财产分割协议', '财产的权利凭证', '婚姻状况证明（分割夫妻共同财产时）'],
  },
  {
    code: 'bidding',
    name: '招标投标',
    category: '招标投标、拍卖',
    oneVisit: false,
    inPersonOnly: false,
    requiredMaterials: ['招标人营业执照', '招标文件', '投标人资格审查材料'],
  },
  {
    code: 'auction',
    name: '拍卖',
    category: '招标投标、拍卖',
    oneVisit: false,
    inPersonOnly: false,
    requiredMaterials: ['拍卖人营业执照', '委托拍卖合同', '拍卖标的的权利凭证', '拍卖公告'],
  },
  {
    code: 'other',
    name: '其他',
    category: '其他公证事项',
    oneVisit: false,
    inPersonOnly: false,
    requiredMaterials: [ID, '与公证事项有关的证明材料'],
  },
];

/**
 * The in-person matters 公证程序规则 第11条 names that MATTER_SEED lacked (遗赠扶养协议、认领亲子、解除收养关系、保证),
 * added by migration 0023 before 其他; none is on the "最多跑一次" list. 保证 (a 保证书) is a unilateral declaration,
 * filed with 委托、声明; 遗赠扶养协议 is a contract (民法典 第1158条).
 */
export const IN_PERSON_MATTERS: readonly Seed[] = [
  {
    code: 'legacy_support_agreement',
    name: '遗赠扶养协议',
    category: '合同',
    oneVisit: false,
    inPersonOnly: true,
    requiredMaterials: [
      '遗赠人身份证明（居民身份证）',
      '扶养人身份证明（居民身份证或组织的登记证明）',
      '遗赠扶养协议',
      '遗赠财产的权利凭证（如不动产权证书）',
    ],
  },
  {
    code: 'paternity_acknowledgement',
    name: '认领亲子',
    category: '婚姻状况、亲属关系、收养关系',
    oneVisit: false,
    inPersonOnly: true,
    requiredMaterials: [
      '认领人身份证明（居民身份证）',
      '被认领人身份证明或出生医学证明',
      '认领声明书',
      '亲子关系证明材料（如亲子鉴定意见书）',
    ],
  },
  {
    code: 'adoption_dissolution',
    name: '解除收养关系',
    category: '婚姻状况、亲属关系、收养关系',
    oneVisit: false,
    inPersonOnly: true,
    requiredMaterials: [
      '收养人、被收养人身份证明（居民身份证）',
      '收养登记证或收养公证书',
      '解除收养关系协议书',
      '户口簿',
    ],
  },
  {
    code: 'guarantee',
    name: '保证',
    category: '委托、声明、赠与、遗嘱',
    oneVisit: false,
    inPersonOnly: true,
    requiredMaterials: ['保证人身份证明（居民身份证）', '保证书', '与保证事项有关的证明材料'],
  },
];

/** The catalogue a new file has, in order: 0010's seed with 0023's matters before 其他. */
export const SHIPPED_MATTERS: readonly Seed[] = [
  ...MATTER_SEED.filter((m) => m.code !== 'other'),
  ...IN_PERSON_MATTERS,
  ...MATTER_SEED.filter((m) => m.code === 'other'),
];

const MATERIAL_MAX = 100;

/** A list of distinct, non-blank items (missing materials, required materials). */
export function itemList({ min, max }: { min: number; max: number }) {
  return z
    .array(text({ max: MATERIAL_MAX, required: true }), { error: '格式不正确' })
    .min(min, min === 1 ? '至少填写一项' : `至少填写${min}项`)
    .max(max, `最多${max}项`)
    .refine((items) => new Set(items).size === items.length, '有重复的项目');
}

export const MATTER_LABELS: Labels = {
  code: '公证事项',
  name: '事项名称',
  category: '事项类别',
  requiredMaterials: '所需材料',
  oneVisit: '最多跑一次',
  inPersonOnly: '须本人亲自申办',
  active: '启用',
  includeInactive: '包括已停用事项',
};

const flag = () => z.boolean({ error: '格式不正确' });

/** One matter as the director edits it (the code names it and does not change). */
export const matterUpdateSchema = strictObject({
  code: text({ max: 40, required: true }),
  name: text({ max: 30, required: true }),
  category: choice(NOTARIZATION_CATEGORIES),
  requiredMaterials: itemList({ min: 1, max: 30 }),
  oneVisit: flag(),
  inPersonOnly: flag(),
  active: flag(),
});
export type MatterUpdate = z.output<typeof matterUpdateSchema>;
