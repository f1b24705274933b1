// The 公证申请登记簿 as a liaison office keeps it: one row per request — the applicant, the matter, its use and
// copies, forwarding to the notary office, the certificate, hand-over, the result and 备注 (容缺, translation).
// Columns as data (shared/ledger/exportLayout.ts); the workbook reads them by kind.
import {
  dateCell,
  lines,
  maskedIdNumbers,
  partyNames,
  yuanCell,
  type LedgerCase,
  type LedgerLayout,
} from '../../ledger/exportLayout';
import { factsOf, NOTARIZATION_STATUS_LABELS, type NotarizationFacts, type NotarizationStatus } from './lifecycle';

const text = (c: LedgerCase, column: string): string =>
  typeof c.detail[column] === 'string' ? (c.detail[column] as string) : '';

const ENDED = { refuse: '不予办理', terminate: '终止公证' } as const;

/** How the request ended, or where it stands (an archived request says how it ended). */
function result({ status, progress }: NotarizationFacts): string {
  if (progress.ended) return ENDED[progress.ended.action];
  if (progress.delivery) return '已领取';
  if (progress.certificate) return '已出证';
  return NOTARIZATION_STATUS_LABELS[status as NotarizationStatus] ?? status;
}

export const NOTARIZATION_LEDGER: LedgerLayout<NotarizationFacts> = {
  title: '公证申请登记簿',
  detailTable: 'notarization_requests',
  detailColumns: [
    'matter_name',
    'purpose',
    'place_of_use',
    'copies',
    'needs_translation',
    'translation_language',
    'fee_fen',
  ],
  view: (c) => factsOf({ receivedOn: c.receivedOn, status: c.status }, c.timeline),
  columns: [
    { header: '编号', width: 20, value: (_f, c) => c.caseNumber },
    { header: '受理日期', width: 13, value: (_f, c) => dateCell(c.receivedOn) },
    { header: '申请人', width: 12, value: (_f, c) => partyNames(c, 'applicant') },
    { header: '证件号码', width: 20, value: (_f, c) => maskedIdNumbers(c, 'applicant') },
    { header: '代理人', width: 8, value: (_f, c) => partyNames(c, 'agent') },
    { header: '公证事项', width: 12, value: (_f, c) => text(c, 'matter_name') },
    { header: '用途', width: 12, value: (_f, c) => text(c, 'purpose') },
    { header: '使用地', width: 9, value: (_f, c) => text(c, 'place_of_use') },
    { header: '份数', width: 5, value: (_f, c) => (typeof c.detail.copies === 'number' ? c.detail.copies : '') },
    {
      header: '收费（元）',
      width: 9,
      format: 'yuan',
      value: (_f, c) => yuanCell(typeof c.detail.fee_fen === 'number' ? c.detail.fee_fen : null),
    },
    {
      header: '转递公证处',
      width: 16,
      value: ({ progress }) =>
        progress.forwarded ? lines(progress.forwarded.notaryOffice, dateCell(progress.forwarded.on)) : '',
    },
    { header: '出证日期', width: 13, value: ({ progress }) => dateCell(progress.certificate?.issuedOn) },
    { header: '公证书编号', width: 14, value: ({ progress }) => progress.certificate?.number ?? '' },
    { header: '领取日期', width: 13, value: ({ progress }) => dateCell(progress.delivery?.on) },
    { header: '办理结果', width: 9, value: (f) => result(f) },
    {
      header: '备注',
      width: 16,
      value: ({ progress }, c) =>
        lines(
          progress.deferred &&
            `容缺受理：${progress.deferred.item}${progress.deferred.suppliedOn ? `（${dateCell(progress.deferred.suppliedOn)}补交）` : ''}`,
          c.detail.needs_translation === 1 && `需翻译：${text(c, 'translation_language')}`,
          progress.ended && `${ENDED[progress.ended.action]}：${progress.ended.reason}`,
          progress.archived && `${dateCell(progress.archived.on)}归档`,
        ),
    },
  ],
};
