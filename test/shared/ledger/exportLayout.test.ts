// The cells every kind's ledger shares: 回访 (date and, when recorded, satisfaction), masked ID numbers, and the
// registry giving each kind its columns with 序号 first.
import { followUpCell, maskedIdNumbers, type LedgerCase } from '../../../shared/ledger/exportLayout';
import { ledgerSheetOf } from '../../../shared/ledger/exportColumns';
import type { CaseAction } from '../../../shared/lifecycle';
import { CASE_KINDS } from '../../../shared/options';

const entry = (action: string, actedOn: string, data: Record<string, unknown> = {}): CaseAction => ({
  id: 1,
  action,
  actedOn,
  data,
  fromStatus: 'concluded',
  toStatus: 'concluded',
  username: '李娟',
  recordedAt: `${actedOn}T02:00:00.000Z`,
});

describe('the 回访 column', () => {
  it('gives each follow-up’s date, with the satisfaction when one was recorded, one line each', () => {
    expect(
      followUpCell([
        entry('register', '2026-11-01'),
        entry('followUp', '2026-11-15', { method: '电话回访', content: '已履行' }),
        entry('succeed', '2026-11-04'),
        entry('followUp', '2026-12-01', { satisfaction: '基本满意' }),
      ]),
    ).toBe('2026年11月15日\n2026年12月1日 基本满意');
  });

  it('is blank without follow-ups, and shows no satisfaction it does not know', () => {
    expect(followUpCell([entry('register', '2026-11-01')])).toBe('');
    expect(followUpCell([entry('followUp', '2026-11-15', { satisfaction: '<script>' })])).toBe('2026年11月15日');
  });
});

describe('ID numbers in a ledger', () => {
  it('shows only the first 6 and last 4 characters, one line per party with a number', () => {
    const c: LedgerCase = {
      caseNumber: '〔2026〕黎托调字第0001号',
      status: 'registered',
      receivedOn: '2026-11-01',
      detail: {},
      timeline: [],
      parties: [
        { role: 'party', name: '张秀英', sex: '女', idNumber: '11010519491231002X' },
        { role: 'party', name: '李四', sex: '男', idNumber: '' },
        { role: 'party', name: '某公司', sex: '', idNumber: '91350100M000100Y43' },
      ],
    };
    expect(maskedIdNumbers(c, 'party')).toBe('110105********002X\n913501********0Y43');
  });
});

describe('the registry of ledgers', () => {
  it.each(CASE_KINDS)('gives %s a title, its own table and columns, 序号 first, each header once', (kind) => {
    const sheet = ledgerSheetOf(kind);
    expect(sheet.title).not.toBe('');
    expect(sheet.headers[0]?.header).toBe('序号');
    const headers = sheet.headers.map((h) => h.header);
    expect(new Set(headers).size).toBe(headers.length);
    expect(headers).toEqual(expect.arrayContaining(['备注']));
    expect(sheet.headers.every((h) => h.width > 0)).toBe(true);
  });
});
