// Dates as ledgers really hold them: 2023-05-06, 2023/5/6, 2023.5.6, 2023年5月6日, 20230506, an Excel serial
// number, a date cell, with spaces or full-width digits, sometimes a time after. Read into yyyy-mm-dd, or refused
// with the Chinese reason — an impossible day is never moved to a real one.
import { isRealDate } from '../dates';
import { toHalfWidthDigits } from '../text';

export type LedgerDate = { ok: true; value: string } | { ok: false; message: string };

/** Excel's day 0 is 1899-12-30 (its 1900 leap-year bug makes every serial after February 1900 count from there). */
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;
/** 1950-01-01 and 2099-12-31 as Excel serials: a number outside them is not a date of a ledger. */
const SERIAL_MIN = 18_264;
const SERIAL_MAX = 73_050;

const pad = (n: number) => String(n).padStart(2, '0');

/** An Excel serial day number (a fraction is the time of day, dropped) as yyyy-mm-dd. */
function excelSerialDate(serial: number): string {
  const at = new Date(EXCEL_EPOCH_MS + Math.floor(serial) * DAY_MS);
  return `${at.getUTCFullYear()}-${pad(at.getUTCMonth() + 1)}-${pad(at.getUTCDate())}`;
}

const FORMS: readonly RegExp[] = [
  /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:$|[T\s]|\d{1,2}:)/,
  /^(\d{4})年(\d{1,2})月(\d{1,2})[日号]?/,
  /^(\d{4})(\d{2})(\d{2})$/,
];

function checked(y: number, m: number, d: number): LedgerDate {
  const iso = `${y}-${pad(m)}-${pad(d)}`;
  if (!isRealDate(iso)) return { ok: false, message: `“${y}年${m}月${d}日”不是真实日期` };
  if (y < 1950) return { ok: false, message: `年份${y}不合理` };
  return { ok: true, value: iso };
}

/** A ledger cell's date: text in any of the forms, a serial number, or a date the spreadsheet already read. */
export function parseLedgerDate(value: string | number | Date): LedgerDate {
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return { ok: false, message: '不是有效日期' };
    // Spreadsheet readers give a date cell as midnight UTC of its day.
    return checked(value.getUTCFullYear(), value.getUTCMonth() + 1, value.getUTCDate());
  }
  if (typeof value === 'number') {
    if (!Number.isFinite(value) || value < SERIAL_MIN || value > SERIAL_MAX)
      return { ok: false, message: `数字“${value}”不是日期` };
    return { ok: true, value: excelSerialDate(value) };
  }
  const s = toHalfWidthDigits(value)
    .replace(/[\s\u3000]+/g, ' ')
    .trim();
  if (s === '') return { ok: false, message: '不能为空' };
  const compact = s.replace(/\s+(?=[年月日号\-/.])|(?<=[年月\-/.])\s+/g, '');
  for (const form of FORMS) {
    const m = form.exec(compact);
    if (m) return checked(Number(m[1]), Number(m[2]), Number(m[3]));
  }
  if (/^\d+(\.\d+)?$/.test(compact)) return parseLedgerDate(Number(compact));
  return { ok: false, message: `“${value.trim().slice(0, 20)}”不是可识别的日期` };
}
