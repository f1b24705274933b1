// Option lists shared by forms, validation and printing. Values are the Chinese words on the paper forms, so
// what is stored reads the same as what is printed.

/** The kinds of case, each a module of shared/kinds/ under this name (the registry, shared/kinds/index.ts). */
export const CASE_KINDS = ['legal_aid', 'mediation', 'notarization'] as const;
export type CaseKind = (typeof CASE_KINDS)[number];

export const SEXES = ['男', '女'] as const;

export const ID_TYPES = [
  '居民身份证',
  '港澳台居民居住证',
  '港澳居民来往内地通行证',
  '台湾居民来往大陆通行证',
  '外国人永久居留身份证',
  '护照',
  '其他',
] as const;
export type IdType = (typeof ID_TYPES)[number];
/** ID types whose numbers follow GB 11643 (and so carry a birth date, a sex and a check character). */
export const GB11643_ID_TYPES: ReadonlySet<IdType> = new Set(['居民身份证', '港澳台居民居住证']);

export const ETHNIC_GROUPS = [
  '汉族',
  '蒙古族',
  '回族',
  '藏族',
  '维吾尔族',
  '苗族',
  '彝族',
  '壮族',
  '布依族',
  '朝鲜族',
  '满族',
  '侗族',
  '瑶族',
  '白族',
  '土家族',
  '哈尼族',
  '哈萨克族',
  '傣族',
  '黎族',
  '傈僳族',
  '佤族',
  '畲族',
  '高山族',
  '拉祜族',
  '水族',
  '东乡族',
  '纳西族',
  '景颇族',
  '柯尔克孜族',
  '土族',
  '达斡尔族',
  '仫佬族',
  '羌族',
  '布朗族',
  '撒拉族',
  '毛南族',
  '仡佬族',
  '锡伯族',
  '阿昌族',
  '普米族',
  '塔吉克族',
  '怒族',
  '乌孜别克族',
  '俄罗斯族',
  '鄂温克族',
  '德昂族',
  '保安族',
  '裕固族',
  '京族',
  '塔塔尔族',
  '独龙族',
  '鄂伦春族',
  '赫哲族',
  '门巴族',
  '珞巴族',
  '基诺族',
  '其他',
  '外国血统中国籍人士',
] as const;
