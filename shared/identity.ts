// Identity numbers and contact numbers: 公民身份号码 (GB 11643-1999), 行政区划代码 (GB/T 2260),
// 统一社会信用代码 (GB 32100-2015) and mainland phone numbers. Pure functions over strings.
import { isRealDate } from './dates';
import { toHalfWidthDigits } from './text';

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK_CHARS = '10X98765432';

/** Province-level codes of GB/T 2260, plus 81/82/83 used by residence permits of HK, Macau and Taiwan residents. */
const PROVINCE_CODES: ReadonlySet<string> = new Set([
  '11',
  '12',
  '13',
  '14',
  '15',
  '21',
  '22',
  '23',
  '31',
  '32',
  '33',
  '34',
  '35',
  '36',
  '37',
  '41',
  '42',
  '43',
  '44',
  '45',
  '46',
  '50',
  '51',
  '52',
  '53',
  '54',
  '61',
  '62',
  '63',
  '64',
  '65',
  '71',
  '81',
  '82',
  '83',
]);

export function idCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * ID_WEIGHTS[i]!;
  return ID_CHECK_CHARS[sum % 11]!;
}

export type IdNumberError = 'format' | 'address' | 'birthDate' | 'birthInFuture' | 'checksum';

interface ParsedIdNumber {
  /** Canonical 18-character form: ASCII digits, uppercase X. */
  canonical: string;
  birthDate: string; // ISO yyyy-mm-dd
  sex: '男' | '女';
  addressCode: string;
  upgradedFrom15: boolean;
}

export type IdNumberResult = { ok: true; value: ParsedIdNumber } | { ok: false; error: IdNumberError };

export const ID_NUMBER_MESSAGES: Record<IdNumberError, string> = {
  format: '应为18位（或旧式15位）公民身份号码',
  address: '前6位地址码无效',
  birthDate: '号码中的出生日期不是真实日期',
  birthInFuture: '号码中的出生日期晚于今天',
  checksum: '校验码不正确，请核对号码',
};

/** Accepts full-width digits, a lowercase x, spaces; upgrades 15-digit numbers; checks GB 11643. */
export function parseIdNumber(input: string, today: string): IdNumberResult {
  let s = toHalfWidthDigits(input)
    .replace(/[\s\u3000]/g, '')
    .replace(/[xｘＸ]/g, 'X');
  let upgradedFrom15 = false;
  if (/^\d{15}$/.test(s)) {
    const body = s.slice(0, 6) + '19' + s.slice(6);
    s = body + idCheckChar(body);
    upgradedFrom15 = true;
  } else if (!/^\d{17}[\dX]$/.test(s)) {
    return { ok: false, error: 'format' };
  }
  if (!PROVINCE_CODES.has(s.slice(0, 2))) return { ok: false, error: 'address' };
  const birthDate = `${s.slice(6, 10)}-${s.slice(10, 12)}-${s.slice(12, 14)}`;
  if (!isRealDate(birthDate) || Number(s.slice(6, 10)) < 1850) return { ok: false, error: 'birthDate' };
  if (birthDate > today) return { ok: false, error: 'birthInFuture' };
  if (!upgradedFrom15 && idCheckChar(s.slice(0, 17)) !== s[17]) return { ok: false, error: 'checksum' };
  return {
    ok: true,
    value: {
      canonical: s,
      birthDate,
      sex: Number(s[16]) % 2 === 1 ? '男' : '女',
      addressCode: s.slice(0, 6),
      upgradedFrom15,
    },
  };
}

/** Shows the first 6 and last 4 characters only (个人信息保护法: lists and statistics never show the full number). */
export function maskIdNumber(id: string): string {
  if (id.length <= 10) return id.replace(/./g, '*');
  return id.slice(0, 6) + '*'.repeat(id.length - 10) + id.slice(-4);
}

/**
 * A number that was masked (packages carry ID numbers masked; a party recovered from the bureau's copy has only
 * that): never a real number — no check, search or match may take it for one, and the clerk must enter it again.
 * No real ID number or 统一社会信用代码 has a star.
 */
export function isMaskedIdNumber(id: string): boolean {
  return id.includes('*');
}

/** A county-level 行政区划代码: valid province, and neither the city nor the county part is 00. */
export function isCountyDivisionCode(code: string): boolean {
  return (
    /^\d{6}$/.test(code) && PROVINCE_CODES.has(code.slice(0, 2)) && code.slice(2, 4) !== '00' && code.slice(4) !== '00'
  );
}

export type PhoneKind = 'mobile' | 'landline';

/** Mainland mobile (11 digits, 1[3-9]) or landline (area code 0xx/0xxx, 7–8 digits, optional extension). */
export function parsePhone(input: string): { ok: true; value: string; kind: PhoneKind } | { ok: false } {
  const s = toHalfWidthDigits(input)
    .replace(/[\s\u3000()（）]/g, '')
    .replace(/[—－–]/g, '-');
  const mobile = /^(?:\+?86-?)?(1[3-9]\d{9})$/.exec(s.replace(/-/g, ''));
  if (mobile) return { ok: true, value: mobile[1]!, kind: 'mobile' };
  const landline = /^(0\d{2,3})-?([2-9]\d{6,7})(?:-(\d{1,6}))?$/.exec(s);
  if (landline) {
    const [, area, number, ext] = landline;
    return { ok: true, value: `${area}-${number}${ext ? `-${ext}` : ''}`, kind: 'landline' };
  }
  return { ok: false };
}

const CREDIT_CODE_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const CREDIT_CODE_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** 统一社会信用代码 (GB 32100-2015): 18 characters from a 31-letter alphabet with a mod-31 check character. */
export function parseCreditCode(input: string): { ok: true; value: string } | { ok: false } {
  const s = toHalfWidthDigits(input).replace(/\s/g, '').toUpperCase();
  if (s.length !== 18 || [...s].some((c) => !CREDIT_CODE_CHARS.includes(c))) return { ok: false };
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += CREDIT_CODE_CHARS.indexOf(s[i]!) * CREDIT_CODE_WEIGHTS[i]!;
  const check = CREDIT_CODE_CHARS[(31 - (sum % 31)) % 31];
  return check === s[17] ? { ok: true, value: s } : { ok: false };
}
