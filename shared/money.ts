// Money crosses every boundary as integer fen; clerks type yuan.

/** "1234.5" → 123450; null when not a non-negative amount with at most two decimals. */
export function yuanToFen(input: string): number | null {
  const s = input.trim().replace(/[,，]/g, '');
  const m = /^(\d{1,10})(?:\.(\d{1,2}))?$/.exec(s);
  if (!m) return null;
  return Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
}

/** 123450 → "1,234.50" */
export function formatYuan(fen: number): string {
  const yuan = Math.floor(fen / 100).toLocaleString('en-US');
  return `${yuan}.${String(fen % 100).padStart(2, '0')}`;
}
