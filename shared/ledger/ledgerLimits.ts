// How large a ledger file the import takes: checked by the page and the CLI before a byte is sent, and by the main
// process again on what arrives (electron/services/ledger/importFile.ts).

export const MAX_LEDGER_BYTES = 20 * 1024 * 1024;
/** The most rows one import reads (a county's largest office keeps far fewer a year). */
export const MAX_LEDGER_ROWS = 100_000;

/** The Chinese refusal of a file of `bytes`, or null when its size is fine. */
export function ledgerSizeProblem(bytes: number): string | null {
  if (bytes === 0) return '文件是空的';
  if (bytes <= MAX_LEDGER_BYTES) return null;
  const mb = (n: number) => (n / 1024 / 1024).toFixed(1);
  return `文件过大（${mb(bytes)} MB）：台账文件不能超过${mb(MAX_LEDGER_BYTES)} MB，请按年度拆分后分批导入`;
}
