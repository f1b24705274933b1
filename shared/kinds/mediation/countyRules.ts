// The county's mediation rules (调解规则) that the statute leaves open, as data the bureau sets on its 人民调解设置
// page and sends in its configuration package (electron/services/exchange/configPackage.ts): today one switch,
// whether a mediation may continue past the month when both parties agree. 《人民调解工作若干规定》第33条 says only
// "一般在一个月内调结" — no extension rule — so continuing past the month is the county's (provincial practice),
// cited as such, and on unless the county turns it off.
import { z } from 'zod';
import { strictObject, type Labels } from '../../validation';

export const mediationRulesSchema = strictObject({
  /** 经双方当事人同意延长调解期限: the county's rule, not 第33条's. */
  extensionAllowed: z.boolean({ error: '格式不正确' }),
});
export type MediationRules = z.output<typeof mediationRulesSchema>;

/** The stored rules, or those that ship (isDefault) when the county has set none. */
export interface MediationRulesInfo {
  rules: MediationRules;
  isDefault: boolean;
  updatedBy: string;
  updatedAt: string;
}

export const MEDIATION_RULE_LABELS: Labels = {
  extensionAllowed: '允许经双方当事人同意延长调解期限',
};

/** What ships: extension allowed, as provincial practice has it. */
export const DEFAULT_MEDIATION_RULES: MediationRules = { extensionAllowed: true };

/** The one-month term, worded as the article words it. */
export const MEDIATION_TERM_SOURCE = '《人民调解工作若干规定》第33条（一般在一个月内调结）';

/** Where the extension comes from: the county's rule, not the article. */
export const EXTENSION_SOURCE = '县司法局调解规则（经双方当事人同意可延长；第33条未规定延长）';

/** Why the extend action is refused when the county turned the switch off. */
export const EXTENSION_REFUSED_MESSAGE =
  '本县调解规则不允许延长调解期限（《人民调解工作若干规定》第33条：一般在一个月内调结）';
