import { formatCaseNumber } from '../../shared/cases/caseNumber';
import { ageOn, formatChineseDate, isRealDate } from '../../shared/dates';
import { formatYuan, yuanToFen } from '../../shared/money';
import { suggestCaseNumberPrefix } from '../../shared/office';
import { bigramDocument, planSearch } from '../../db/searchTokens';

describe('case numbers', () => {
  it('formats 〔year〕prefix+kind字第NNNN号', () => {
    expect(formatCaseNumber('黎托', 'legal_aid', 2026, 1)).toBe('〔2026〕黎托援字第0001号');
    expect(formatCaseNumber('黎托', 'mediation', 2026, 12)).toBe('〔2026〕黎托调字第0012号');
    expect(formatCaseNumber('黎托', 'legal_aid', 2027, 12345)).toBe('〔2027〕黎托援字第12345号');
  });

  it('suggests a prefix from the office name', () => {
    expect(suggestCaseNumberPrefix('黎托街道司法所')).toBe('黎托');
    expect(suggestCaseNumberPrefix('雨花区跳马镇司法所')).toBe('跳马');
  });
});

describe('dates and money', () => {
  it('knows real dates, Chinese display and ages', () => {
    expect(isRealDate('2024-02-29')).toBe(true);
    expect(isRealDate('2026-02-29')).toBe(false);
    expect(formatChineseDate('2026-11-22')).toBe('2026年11月22日');
    expect(formatChineseDate('2026-01-05')).toBe('2026年1月5日');
    expect(ageOn('2008-11-23', '2026-11-22')).toBe(17);
    expect(ageOn('2008-11-22', '2026-11-22')).toBe(18);
  });

  it('converts yuan to integer fen and back', () => {
    expect(yuanToFen('850.5')).toBe(85_050);
    expect(yuanToFen('1,234.56')).toBe(123_456);
    expect(yuanToFen('0')).toBe(0);
    expect(yuanToFen('-1')).toBeNull();
    expect(yuanToFen('1.234')).toBeNull();
    expect(formatYuan(123_456)).toBe('1,234.56');
  });
});

describe('search tokens', () => {
  it('indexes overlapping bigrams and each run’s last character', () => {
    expect(bigramDocument('张三丰 李四')).toBe('张三 三丰 丰 李四 四');
    expect(bigramDocument('〔2026〕')).toBe('20 02 26 6');
  });

  it('plans which index answers a query', () => {
    expect(planSearch('张三丰')).toEqual({ index: 'trigram', match: '"张三丰"' });
    expect(planSearch('三丰')).toEqual({ index: 'bigram', match: '"三丰"' });
    expect(planSearch('丰')).toEqual({ index: 'bigram', match: '"丰"*' });
    expect(planSearch(' ')).toEqual({ index: 'none' });
    expect(planSearch('〔2')).toEqual({ index: 'like', pattern: '%〔2%' });
    expect(planSearch('a"b')).toEqual({ index: 'trigram', match: '"a""b"' });
  });
});
