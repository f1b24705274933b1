// Score sheets (评查表) as data: one per kind of dossier the bureau evaluates — legal aid criminal, legal aid civil
// and administrative (SF/T 0085-2020), mediation, notarization — each a list of items with their maximum points
// and what loses points (百分制: the maxima add up to 100), the grade thresholds (优秀 ≥ 90, 良好 ≥ 80, 合格 ≥ 60
// by default) and how two evaluators' scores combine (their mean by default). The defaults below ship as version 1;
// the bureau replaces a sheet with a newer version (evaluation.saveSheet), and every score records the version it
// was given on. Pure: the grade and the total of a score are computed here for the page, the service and the CLI.
import { z } from 'zod';
import type { CaseKind } from '../options';
import { strictObject, text, type Labels } from '../validation';

export const SHEET_KINDS = ['legalAidCriminal', 'legalAidCivil', 'mediation', 'notarization'] as const;
export type SheetKind = (typeof SHEET_KINDS)[number];

export const SHEET_KIND_LABELS: Record<SheetKind, string> = {
  legalAidCriminal: '刑事法律援助',
  legalAidCivil: '民事、行政法律援助',
  mediation: '人民调解',
  notarization: '公证申请',
};

export const GRADES = ['优秀', '良好', '合格', '不合格'] as const;
export type Grade = (typeof GRADES)[number];

const COMBINE_METHODS = ['mean', 'lowest'] as const;
export type CombineMethod = (typeof COMBINE_METHODS)[number];

interface ScoreItem {
  /** Stable identifier (ASCII): a score's points refer to it. */
  key: string;
  /** 评查项目 */
  label: string;
  /** 分值: the most points the item gives. */
  max: number;
  /** 扣分情形: what loses points, as the evaluator reads it. */
  deductions: string[];
}

export interface ScoreSheet {
  kind: SheetKind;
  /** 评查表名称 */
  title: string;
  /** Where it comes from (the standard, the province's notice). */
  source: string;
  items: ScoreItem[];
  /** The lowest total of each grade above 不合格. */
  grades: { excellent: number; good: number; pass: number };
  /** How the required evaluators' totals make the case's score. */
  combine: CombineMethod;
}

/** A stored sheet: the version every score given on it records. */
export interface VersionedSheet {
  version: number;
  sheet: ScoreSheet;
  /** Version 1 is the shipped default; later versions are the bureau's. */
  isDefault: boolean;
  savedBy: string;
  savedAt: string;
}

/** Points are given in half points at the finest (a sheet's maxima and a score's points alike). */
const halfPoints = (what: string) =>
  z
    .number({ error: `${what}应为数字` })
    .finite(`${what}应为数字`)
    .refine((n) => Number.isInteger(n * 2), `${what}最小单位为0.5分`);

const TOTAL = 100;

export const scoreSheetSchema = strictObject({
  kind: z.enum(SHEET_KINDS, { error: '不是可选的评查表类别' }),
  title: text({ max: 60, required: true }),
  source: text({ max: 200 }),
  items: z
    .array(
      strictObject({
        key: z
          .string({ error: '格式不正确' })
          .regex(/^[A-Za-z][A-Za-z0-9_]{0,39}$/, '应为英文字母开头的字母、数字或下划线（至多40个）'),
        label: text({ max: 60, required: true }),
        max: halfPoints('分值').refine((n) => n > 0 && n <= TOTAL, '分值应大于0且不超过100'),
        deductions: z.array(text({ max: 200, required: true }), { error: '格式不正确' }).max(20, '扣分情形过多'),
      }),
      { error: '格式不正确' },
    )
    .min(1, '至少一个评查项目')
    .max(60, '评查项目过多')
    .refine((items) => new Set(items.map((i) => i.key)).size === items.length, '评查项目标识重复')
    .refine(
      (items) => Math.abs(items.reduce((s, i) => s + i.max, 0) - TOTAL) < 1e-9,
      `各项分值之和应为${TOTAL}分（百分制）`,
    ),
  grades: strictObject({
    excellent: halfPoints('优秀分数线'),
    good: halfPoints('良好分数线'),
    pass: halfPoints('合格分数线'),
  }).refine(
    (g) => g.excellent <= TOTAL && g.excellent > g.good && g.good > g.pass && g.pass > 0,
    '分数线应为 100 ≥ 优秀 > 良好 > 合格 > 0',
  ),
  combine: z.enum(COMBINE_METHODS, { error: '不是可选的合分方式' }),
}) satisfies z.ZodType<ScoreSheet>;

export const SCORE_SHEET_LABELS: Labels = {
  sheet: '评查表',
  'sheet.kind': '评查表类别',
  'sheet.title': '评查表名称',
  'sheet.source': '依据',
  'sheet.items': '评查项目',
  'sheet.items.*.key': '评查项目标识',
  'sheet.items.*.label': '评查项目名称',
  'sheet.items.*.max': '分值',
  'sheet.items.*.deductions': '扣分情形',
  'sheet.items.*.deductions.*': '扣分情形',
  'sheet.grades': '等次分数线',
  'sheet.grades.excellent': '优秀分数线',
  'sheet.grades.good': '良好分数线',
  'sheet.grades.pass': '合格分数线',
  'sheet.combine': '合分方式',
};

const DEFAULT_GRADES = { excellent: 90, good: 80, pass: 60 };

const item = (key: string, label: string, max: number, deductions: string[]): ScoreItem => ({
  key,
  label,
  max,
  deductions,
});

/** The sheets that ship with the program (version 1), from the practice in quality.md and SF/T 0085-2020. */
export const DEFAULT_SHEETS: Readonly<Record<SheetKind, ScoreSheet>> = {
  legalAidCriminal: {
    kind: 'legalAidCriminal',
    title: '刑事法律援助案件质量评查表',
    source: '《全国刑事法律援助服务规范》（SF/T 0032-2019）服务质量控制',
    items: [
      item('acceptance', '受理审查与指派（通知辩护）', 10, [
        '受理审查不规范或审批手续不全',
        '未在规定时限内指派承办人',
      ]),
      item('meeting', '会见犯罪嫌疑人、被告人', 15, ['未在规定时间内会见', '未制作会见笔录或笔录不完整']),
      item('files', '阅卷', 15, ['未阅卷或阅卷笔录不全', '未摘录与辩护有关的主要证据']),
      item('investigation', '调查取证与程序申请', 10, ['应调查取证而未调查', '应申请而未申请取保候审、鉴定等']),
      item('defence', '辩护意见质量', 25, ['无书面辩护意见', '辩护意见未针对案件争议焦点', '事实认定或法律适用错误']),
      item('trial', '出庭辩护', 10, ['无正当理由未出庭', '庭审准备不充分']),
      item('closing', '结案文书与时限', 10, ['未在规定时间内提交结案材料', '缺少判决书、裁定书等结案文书']),
      item('dossier', '卷宗装订与材料齐全', 5, ['卷内材料缺失', '装订不规范或卷内目录不全']),
    ],
    grades: DEFAULT_GRADES,
    combine: 'mean',
  },
  legalAidCivil: {
    kind: 'legalAidCivil',
    title: '民事、行政法律援助案件质量评查表',
    source: 'SF/T 0085-2020《民事行政法律援助案件质量同行评估规则》',
    items: [
      item('acceptance', '受理审查与指派', 10, ['受理审查不规范或审批手续不全', '未在规定时限内指派承办人']),
      item('contact', '接受指派与会见受援人', 10, ['未及时与受援人签订委托协议', '未会见受援人或未制作谈话笔录']),
      item('investigation', '阅卷、调查取证', 15, ['未阅卷或阅卷笔录不全', '应调查取证而未调查']),
      item('opinion', '代理意见质量', 25, ['无书面代理意见', '代理意见未针对争议焦点', '事实认定或法律适用错误']),
      item('hearing', '参加庭审、调解与程序事项', 10, ['无正当理由未出庭', '未依法申请财产保全、证据保全等']),
      item('communication', '告知与沟通', 10, ['未及时告知受援人案件进展', '重大事项未征询受援人意见']),
      item('closing', '结案文书与时限', 10, ['未在规定时间内提交结案材料', '缺少判决书、调解书等结案文书']),
      item('dossier', '卷宗装订与材料齐全', 5, ['卷内材料缺失', '装订不规范或卷内目录不全']),
      item('satisfaction', '受援人满意度', 5, ['受援人不满意', '未回访受援人']),
    ],
    grades: DEFAULT_GRADES,
    combine: 'mean',
  },
  mediation: {
    kind: 'mediation',
    title: '人民调解卷宗评查表',
    source: '《中华人民共和国人民调解法》与人民调解卷宗管理规定',
    items: [
      item('registration', '受理登记', 10, ['登记信息不全', '未告知当事人权利义务']),
      item('investigation', '调查核实', 15, ['未调查纠纷事实', '无调查记录']),
      item('mediation', '调解过程', 20, ['无调解笔录', '调解方式不当或违背当事人意愿']),
      item('agreement', '调解协议', 20, ['协议内容不明确或不合法', '缺少当事人签名、调解员签名或印章']),
      item('followUp', '回访与履行', 15, ['未回访', '未督促履行调解协议']),
      item('closing', '结案时限', 10, ['超过调解期限未结案']),
      item('dossier', '卷宗装订与材料齐全', 10, ['卷内材料缺失', '装订不规范或卷内目录不全']),
    ],
    grades: DEFAULT_GRADES,
    combine: 'mean',
  },
  notarization: {
    kind: 'notarization',
    title: '公证申请卷宗评查表',
    source: '司法所代办公证申请的工作规范',
    items: [
      item('acceptance', '受理与告知', 20, ['未一次性告知所需材料', '受理登记信息不全']),
      item('materials', '材料审查与容缺受理', 25, ['材料审查不严', '容缺受理后未按期补齐材料']),
      item('forwarding', '转递公证机构', 20, ['未及时转递公证机构']),
      item('delivery', '证书送达', 15, ['未及时送达公证书', '无送达记录']),
      item('records', '登记与记录', 10, ['办理记录不完整']),
      item('dossier', '卷宗装订与材料齐全', 10, ['卷内材料缺失', '装订不规范或卷内目录不全']),
    ],
    grades: DEFAULT_GRADES,
    combine: 'mean',
  },
};

/** The grade of a total on a sheet. */
export function gradeOf(total: number, grades: ScoreSheet['grades']): Grade {
  if (total >= grades.excellent) return '优秀';
  if (total >= grades.good) return '良好';
  if (total >= grades.pass) return '合格';
  return '不合格';
}

/** The case's score from its evaluators' totals (rounded to two decimals), or null before any. */
export function combineTotals(totals: readonly number[], method: CombineMethod): number | null {
  if (totals.length === 0) return null;
  const value = method === 'lowest' ? Math.min(...totals) : totals.reduce((s, t) => s + t, 0) / totals.length;
  return Math.round(value * 100) / 100;
}

/** Which sheet a case is scored on, by its kind; legal aid by its category too (刑事 or the others). */
const SHEET_OF_KIND: Readonly<Record<CaseKind, (legalAidCategory: string | null) => SheetKind>> = {
  legal_aid: (category) => (category === '刑事' ? 'legalAidCriminal' : 'legalAidCivil'),
  mediation: () => 'mediation',
  notarization: () => 'notarization',
};

export function sheetKindOf(caseKind: CaseKind, legalAidCategory: string | null): SheetKind {
  return SHEET_OF_KIND[caseKind](legalAidCategory);
}
