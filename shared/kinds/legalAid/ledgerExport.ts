// The 法律援助案件登记台账 as the office keeps it: one row per application — the applicant and the matter (案号,
// 申请日期, 申请人, 类别, 案由, 援助形式, 对方当事人), the decision, who was assigned (承办单位, 承办人), closing, the
// result, 回访, 备注. Columns as data (shared/ledger/exportLayout.ts); the workbook reads them by kind.
import { formatYuan } from '../../money';
import {
  dateCell,
  followUpCell,
  lines,
  maskedIdNumbers,
  partyNames,
  type LedgerCase,
  type LedgerLayout,
} from '../../ledger/exportLayout';
import { factsOf, LEGAL_AID_STATUS_LABELS, type LegalAidFacts, type LegalAidStatus } from './lifecycle';

const text = (c: LedgerCase, column: string): string =>
  typeof c.detail[column] === 'string' ? (c.detail[column] as string) : '';

function groups(c: LedgerCase): string {
  try {
    const ticked: unknown = JSON.parse(text(c, 'applicant_groups') || '[]');
    return Array.isArray(ticked) ? ticked.filter((g) => typeof g === 'string').join('、') : '';
  } catch {
    return '';
  }
}

/** How the matter ended, or where it stands: 已结案, 终止, 不予援助, 视为撤回, else the status (an archived case says how it ended). */
function result(f: LegalAidFacts): string {
  if (f.termination) return '终止';
  if (f.closing) return '已结案';
  if (f.withdrawnOn) return '视为撤回';
  if (f.decision?.decision === '不予法律援助') return '不予援助';
  return LEGAL_AID_STATUS_LABELS[f.status as LegalAidStatus] ?? f.status;
}

export const LEGAL_AID_LEDGER: LedgerLayout<LegalAidFacts> = {
  title: '法律援助案件登记台账',
  detailTable: 'legal_aid_cases',
  detailColumns: ['category', 'service_form', 'matter', 'applicant_groups'],
  view: (c) => factsOf({ receivedOn: c.receivedOn, status: c.status }, c.timeline),
  columns: [
    { header: '案号', width: 20, value: (_f, c) => c.caseNumber },
    { header: '申请日期', width: 13, value: (_f, c) => dateCell(c.receivedOn) },
    { header: '申请人', width: 9, value: (_f, c) => partyNames(c, 'applicant') },
    {
      header: '性别',
      width: 5,
      value: (_f, c) => c.parties.find((p) => p.role === 'applicant')?.sex ?? '',
    },
    { header: '证件号码', width: 20, value: (_f, c) => maskedIdNumbers(c, 'applicant') },
    { header: '申请人类别', width: 11, value: (_f, c) => groups(c) },
    { header: '案件类别', width: 8, value: (_f, c) => text(c, 'category') },
    { header: '案由', width: 14, value: (_f, c) => text(c, 'matter') },
    { header: '援助形式', width: 16, value: (_f, c) => text(c, 'service_form') },
    { header: '对方当事人', width: 10, value: (_f, c) => partyNames(c, 'opposing') },
    {
      header: '审查决定',
      width: 13,
      value: (f) =>
        f.decision
          ? lines(dateCell(f.decision.on), f.decision.decision)
          : f.provisional
            ? lines(dateCell(f.provisional.on), '先行提供')
            : '',
    },
    { header: '指派日期', width: 13, value: (f) => dateCell(f.assignment?.on) },
    { header: '承办单位', width: 14, value: (f) => f.assignment?.orgName ?? '' },
    { header: '承办人', width: 8, value: (f) => f.assignment?.personName ?? '' },
    { header: '结案日期', width: 13, value: (f) => dateCell(f.closing?.on ?? f.termination?.on) },
    { header: '办理结果', width: 9, value: (f) => result(f) },
    { header: '回访', width: 16, value: (_f, c) => followUpCell(c.timeline) },
    {
      header: '备注',
      width: 16,
      value: (f) =>
        lines(
          f.provisional && '先行提供',
          f.termination && `终止原因：${f.termination.reason}`,
          f.objections.length > 0 && `异议${f.objections.length}次`,
          f.subsidy && `办案补贴${formatYuan(f.subsidy.amountFen)}元`,
          f.archivedOn && `${dateCell(f.archivedOn)}归档`,
        ),
    },
  ],
};
