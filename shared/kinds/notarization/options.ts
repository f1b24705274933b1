// 公证申请 option lists, from ../shared/domain/notarization.md, 公证法 and 公证程序规则. Values are the Chinese
// words of the forms, so what is stored reads the same as what is printed.

/** 公证法 第11条: the eleven items of the notary offices' business, each matter of the catalogue under one. */
export const NOTARIZATION_CATEGORIES = [
  '合同',
  '继承',
  '委托、声明、赠与、遗嘱',
  '财产分割',
  '招标投标、拍卖',
  '婚姻状况、亲属关系、收养关系',
  '出生、生存、死亡、身份、经历、学历、学位、职务、职称、有无违法犯罪记录',
  '公司章程',
  '保全证据',
  '文书上的签名、印鉴、日期，文书的副本、影印本与原本相符',
  '其他公证事项',
] as const;
export type NotarizationCategory = (typeof NOTARIZATION_CATEGORIES)[number];

/** 申请人类型 */
export const APPLICANT_KINDS = ['person', 'organisation'] as const;
export type ApplicantKind = (typeof APPLICANT_KINDS)[number];
export const APPLICANT_KIND_LABELS: Record<ApplicantKind, string> = {
  person: '自然人',
  organisation: '法人或其他组织',
};

/**
 * 代理人类型: a 委托代理人 acts on a 授权委托书 (公证法 第26条); a 法定代理人 (guardian) acts for a minor or an
 * applicant without full capacity and needs none.
 */
export const AGENT_KINDS = ['委托代理人', '法定代理人'] as const;

/** 使用地 meaning the certificate is used in the mainland. */
export const DOMESTIC_USE = '国内';

/** What a request brought in from an old ledger that does not say where the certificate is used holds: never 国内. */
export const UNREGISTERED_USE = '未登记';

/**
 * Where a certificate is used, as the office counts it: 国内, 涉外 (a foreign country), or 涉港澳台 (Hong Kong,
 * Macao and Taiwan are not foreign, but their certificates go through the same extra steps); 未登记 only for an
 * imported ledger's row that does not say (the intake form requires 使用地).
 */
const USE_SCOPES = ['国内', '涉外', '涉港澳台', UNREGISTERED_USE] as const;
export type UseScope = (typeof USE_SCOPES)[number];

/** Suggestions for 使用地 (any country or region may be typed). */
export const PLACES_OF_USE = [
  DOMESTIC_USE,
  '香港特别行政区',
  '澳门特别行政区',
  '台湾地区',
  '美国',
  '加拿大',
  '英国',
  '澳大利亚',
  '新西兰',
  '日本',
  '韩国',
  '新加坡',
  '马来西亚',
  '泰国',
  '德国',
  '法国',
  '意大利',
  '西班牙',
  '荷兰',
  '俄罗斯',
] as const;

/** Suggestions for 译文语种 (any language may be typed). */
export const TRANSLATION_LANGUAGES = [
  '英语',
  '日语',
  '韩语',
  '法语',
  '德语',
  '俄语',
  '西班牙语',
  '葡萄牙语',
  '意大利语',
  '阿拉伯语',
  '泰语',
  '越南语',
] as const;

/** 期限中止的事由 (公证法 第30条: time for force majeure, supplementing materials or verifying facts is not counted). */
export const SUSPENSION_REASONS = ['补充材料', '核实有关情况', '不可抗力'] as const;
export type SuspensionReason = (typeof SUSPENSION_REASONS)[number];

/** 告知方式: how the applicant was told the clock stopped (公证程序规则 第35条: 并应当及时告知当事人). */
export const TELLING_METHODS = ['当面告知', '电话告知', '短信告知', '书面通知'] as const;

/** 送达方式 */
export const DELIVERY_METHODS = ['本人领取', '代理人领取', '邮寄送达'] as const;
