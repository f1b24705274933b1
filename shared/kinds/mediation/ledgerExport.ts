// The 人民调解台账 as the office keeps it: one row per dispute — registration (编号, 受理日期, 来源, 调解组织,
// 当事人, 纠纷类型, 简要情况, 金额), who mediated, the result and the agreement's form, performance, 回访, 备注.
// Columns as data (shared/ledger/exportLayout.ts); the workbook reads them through the registry by kind.
import {
  dateCell,
  followUpCell,
  lines,
  maskedIdNumbers,
  partyNames,
  yuanCell,
  type LedgerCase,
  type LedgerLayout,
} from '../../ledger/exportLayout';
import { factsOf, MEDIATION_STATUS_LABELS, type MediationFacts, type MediationStatus } from './lifecycle';

const text = (c: LedgerCase, column: string): string =>
  typeof c.detail[column] === 'string' ? (c.detail[column] as string) : '';
const flag = (c: LedgerCase, column: string): boolean => c.detail[column] === 1;

function mediators(c: LedgerCase): string {
  try {
    const names: unknown = JSON.parse(text(c, 'mediators') || '[]');
    return Array.isArray(names) ? names.filter((n) => typeof n === 'string').join('、') : '';
  } catch {
    return '';
  }
}

export const MEDIATION_LEDGER: LedgerLayout<MediationFacts> = {
  title: '人民调解台账',
  detailTable: 'mediation_cases',
  detailColumns: [
    'simple',
    'source',
    'committee',
    'dispute_type',
    'summary',
    'amount_fen',
    'major',
    'mass',
    'mediators',
  ],
  view: (c) =>
    factsOf({ receivedOn: c.receivedOn, status: c.status, detail: { simple: flag(c, 'simple') ? 1 : 0 } }, c.timeline),
  columns: [
    { header: '纠纷编号', width: 20, value: (_f, c) => c.caseNumber },
    { header: '受理日期', width: 13, value: (_f, c) => dateCell(c.receivedOn) },
    { header: '纠纷来源', width: 10, value: (_f, c) => text(c, 'source') },
    { header: '调解组织', width: 14, value: (_f, c) => text(c, 'committee') },
    { header: '当事人', width: 12, value: (_f, c) => partyNames(c, 'party', 'applicant', 'opposing') },
    { header: '证件号码', width: 20, value: (_f, c) => maskedIdNumbers(c, 'party', 'applicant', 'opposing') },
    { header: '纠纷类型', width: 10, value: (_f, c) => text(c, 'dispute_type') },
    { header: '纠纷简要情况', width: 28, value: (_f, c) => text(c, 'summary') },
    {
      header: '涉及金额（元）',
      width: 11,
      format: 'yuan',
      value: (_f, c) => yuanCell(typeof c.detail.amount_fen === 'number' ? c.detail.amount_fen : null),
    },
    { header: '调解员', width: 10, value: (_f, c) => mediators(c) },
    { header: '调解日期', width: 13, value: (f) => dateCell(f.outcome?.on) },
    {
      header: '调解结果',
      width: 10,
      value: (f) => f.outcome?.result ?? MEDIATION_STATUS_LABELS[f.status as MediationStatus] ?? f.status,
    },
    { header: '协议形式', width: 8, value: (f) => f.agreement?.form ?? '' },
    { header: '履行情况', width: 10, value: (f) => f.performance?.state ?? '' },
    { header: '回访', width: 16, value: (_f, c) => followUpCell(c.timeline) },
    {
      header: '备注',
      width: 16,
      value: (f, c) =>
        lines(
          f.simple && '口头调解登记',
          flag(c, 'major') && '重大疑难纠纷',
          flag(c, 'mass') && '群体性纠纷',
          f.confirmation && `司法确认：${f.confirmation.result?.result ?? '已申请'}`,
          f.crimePrevention && '防止民转刑',
          f.archivedOn && `${dateCell(f.archivedOn)}归档`,
        ),
    },
  ],
};
