// 案号: 〔2026〕黎托援字第0001号 — unique per office, year and kind; numbers are never reused.
import { kindOf } from '../kinds';
import type { CaseKind } from '../options';

export function formatCaseNumber(prefix: string, kind: CaseKind, year: number, seq: number): string {
  return `〔${year}〕${prefix}${kindOf(kind).numberWord}字第${String(seq).padStart(4, '0')}号`;
}
