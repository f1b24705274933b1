// 案号: 〔2026〕黎托援字第0001号 — unique per office, year and kind; numbers are never reused.
import { CASE_KIND_NUMBER_WORDS, type CaseKind } from '../options';

export function formatCaseNumber(prefix: string, kind: CaseKind, year: number, seq: number): string {
  return `〔${year}〕${prefix}${CASE_KIND_NUMBER_WORDS[kind]}字第${String(seq).padStart(4, '0')}号`;
}
