// The CLI's side of `import-ledger`: the kind's flag, the ledger and mapping files read (a file too large refused
// before it is read), and the dry run's report printed a line per row — accepted with what it becomes, refused with
// the column and the reason, skipped, or already held.
import { readFileSync, statSync } from 'node:fs';
import { formatChineseDate } from '../shared/dates';
import { caseKindLabel } from '../shared/kinds';
import { ledgerField } from '../shared/ledger/ledgerFields';
import { ledgerSizeProblem } from '../shared/ledger/ledgerLimits';
import { ledgerMappingSchema, type LedgerMapping } from '../shared/ledger/ledgerMapping';
import type { LedgerReport } from '../shared/ledger/ledgerReport';
import type { CaseKind } from '../shared/options';
import { fieldIssues } from '../shared/validation';

export const LEDGER_KIND_FLAGS: Readonly<Record<string, CaseKind>> = {
  'legal-aid': 'legal_aid',
  mediation: 'mediation',
  notarization: 'notarization',
};

function fileSize(file: string): number {
  try {
    return statSync(file).size;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new Error(`找不到文件：${file}`);
    throw error;
  }
}

/** The ledger's bytes; a file larger than the import takes is refused without reading it. */
export function readLedgerArgument(file: string): Buffer {
  const problem = ledgerSizeProblem(fileSize(file));
  if (problem) throw new Error(`${problem}（${file}）`);
  return readFileSync(file);
}

/** A mapping file (docs/ledger-import.md): JSON of { kind, columns }, refused with the reason. */
export function readMappingFile(file: string): LedgerMapping {
  if (fileSize(file) > 64 * 1024) throw new Error(`映射文件过大：${file}`);
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8').replace(/^\uFEFF/, ''));
  } catch {
    throw new Error(`映射文件不是有效的 JSON：${file}`);
  }
  const parsed = ledgerMappingSchema.safeParse(json);
  if (!parsed.success) {
    const issue = fieldIssues(parsed.error, { kind: '案件类型', columns: '列的对应' })[0];
    throw new Error(`映射文件有误：${issue?.message ?? '格式不正确'}（${file}）`);
  }
  return parsed.data;
}

const day = (iso: string | null) => (iso ? formatChineseDate(iso) : '');

export function printLedgerReport(report: LedgerReport, out: (line: string) => void): void {
  const encoding = report.encoding ? `，编码 ${report.encoding}` : '';
  out(
    `台账：${report.fileName}（${caseKindLabel(report.kind)}，工作表“${report.sheet}”，表头在第${report.headerRow}行${encoding}）`,
  );
  out(`文件 SHA-256：${report.sha256}`);
  out('列的对应：');
  for (const c of report.columns) {
    const field = c.field ? (ledgerField(report.kind, c.field)?.label ?? c.field) : '（不导入）';
    out(`  ${c.letter}列“${c.header}” → ${field}`);
  }
  for (const problem of report.mappingProblems) out(`列的对应有误：${problem}`);
  if (report.mappingProblems.length > 0) return;
  const refusedRows = new Set(report.refused.map((r) => r.row)).size;
  out(
    `可导入${report.accepted.length}行，未通过${refusedRows}行，跳过${report.skipped.length}行，已有案件${report.duplicates.length}行`,
  );
  for (const r of report.refused) out(`未通过：第${r.row}行“${r.column}”：${r.message}`);
  for (const r of report.skipped) out(`跳过：第${r.row}行：${r.reason}`);
  for (const r of report.duplicates) out(`已有：第${r.row}行：${r.reason}${r.caseNumber ? `（${r.caseNumber}）` : ''}`);
  for (const a of report.accepted) {
    const closed = a.closedOn
      ? ` · 结案${day(a.closedOn)}${a.closedOnFromReceipt ? '（台账未登记，按受理日期）' : ''}`
      : '';
    const number = a.caseNumber || '新编案号';
    out(
      `可导入：第${a.row}行 → ${a.statusLabel} · 受理${day(a.receivedOn)}${closed} · ${a.parties} · ${a.title} · ${number}`,
    );
  }
}
