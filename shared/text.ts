// Text normalisation and the character rules every free-text field obeys.
// Printed forms are set in CJK serif fonts without emoji, and the bureau's systems read GB 18030 text, so
// emoji and control characters are refused rather than silently stripped.

const FULL_WIDTH_DIGITS = /[\uFF10-\uFF19]/g;

/** Turns full-width digits (０-９) into ASCII digits. */
export function toHalfWidthDigits(s: string): string {
  return s.replace(FULL_WIDTH_DIGITS, (c) => String.fromCharCode(c.charCodeAt(0) - 0xff10 + 0x30));
}

// C0 and C1 controls, DEL, and the bidirectional overrides that can disguise text.
const CONTROL_SINGLE_LINE = /[\u0000-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/u;
const CONTROL_MULTI_LINE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/u;
const EMOJI = /[\p{Extended_Pictographic}\u{1F1E6}-\u{1F1FF}\u{FE0F}\u{200D}]/u;

export type TextProblem = 'control' | 'emoji' | null;

export function textProblem(s: string, multiLine: boolean): TextProblem {
  if ((multiLine ? CONTROL_MULTI_LINE : CONTROL_SINGLE_LINE).test(s)) return 'control';
  if (EMOJI.test(s)) return 'emoji';
  return null;
}

/** Length in characters as a clerk counts them (code points, so a rare CJK character counts once). */
export function charLength(s: string): number {
  let n = 0;
  for (const _ of s) n++;
  return n;
}
