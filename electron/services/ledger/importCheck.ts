// The dry run of a ledger import (and the first half of the import itself): the file read, its header found and
// mapped, every row checked with the intake's rules, and each accepted row compared with the office's cases — a row
// this file already brought in, a case with the same number, or the same party's ID number and date is listed, not
// duplicated. Reads only; nothing is written.
import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema';
import { AppError } from '../../../shared/errors';
import { kindOf } from '../../../shared/kinds';
import { normalizeHeader } from '../../../shared/ledger/ledgerFields';
import {
  findHeaderRow,
  ledgerMappingSchema,
  LEDGER_NAMES,
  resolveMapping,
  type LedgerMapping,
} from '../../../shared/ledger/ledgerMapping';
import type { LedgerReport, LedgerReportRow } from '../../../shared/ledger/ledgerReport';
import { checkLedgerRow, type RowContext, type RowPlan } from '../../../shared/ledger/ledgerRows';
import type { CaseKind } from '../../../shared/options';
import type { Clock } from '../system/clock';
import { readLedgerFile } from './importFile';

export interface LedgerImportRequest {
  kind: CaseKind;
  fileName: string;
  bytes: Buffer;
  sheet: string | null;
  mapping: LedgerMapping | null;
}

/** An accepted row and what it becomes, for the import to write. */
export interface PlannedRow {
  row: number;
  plan: RowPlan;
}

export interface LedgerCheck {
  report: LedgerReport;
  /** The rows to write: accepted, and neither imported before nor a case the office already has. */
  toWrite: PlannedRow[];
}

const CHUNK = 500;

async function rowContext(db: Kysely<Database>, today: string): Promise<RowContext> {
  const types = await db.selectFrom('mediation_dispute_types').select('name').where('active', '=', 1).execute();
  const matters = await db
    .selectFrom('notarization_matters')
    .select(['code', 'name'])
    .where('active', '=', 1)
    .execute();
  const byName = new Map<string, { code: string; name: string }>();
  for (const m of matters) {
    byName.set(normalizeHeader(m.name), m);
    byName.set(normalizeHeader(m.name).replace(/公证$/, ''), m);
  }
  return { today, disputeTypes: new Set(types.map((t) => t.name)), matters: byName };
}

/** The mapping the office saved for a kind, if any. */
async function savedMapping(db: Kysely<Database>, kind: CaseKind): Promise<LedgerMapping | null> {
  const row = await db.selectFrom('ledger_mappings').select('columns').where('kind', '=', kind).executeTakeFirst();
  if (!row) return null;
  const parsed = ledgerMappingSchema.safeParse({ kind, columns: JSON.parse(row.columns) as unknown });
  return parsed.success ? parsed.data : null;
}

/** Saves a kind's mapping for next time (the dispatcher's transaction and audit). */
export async function saveMapping(
  db: Kysely<Database>,
  mapping: LedgerMapping,
  { by, clock }: { by: string; clock: Clock },
): Promise<void> {
  const row = { columns: JSON.stringify(mapping.columns), saved_at: clock.now().toISOString(), saved_by: by };
  await db
    .insertInto('ledger_mappings')
    .values({ kind: mapping.kind, ...row })
    .onConflict((oc) => oc.column('kind').doUpdateSet(row))
    .execute();
}

function describe(kind: CaseKind, r: PlannedRow, caseNumber: string): LedgerReportRow {
  const { plan } = r;
  return {
    row: r.row,
    caseNumber,
    ledgerNumber: plan.ledgerNumber,
    title: plan.title,
    parties: plan.parties.map((p) => p.name).join('、'),
    status: plan.status,
    statusLabel: kindOf(kind).statusLabels[plan.status] ?? plan.status,
    receivedOn: plan.receivedOn,
    closedOn: plan.closedOn,
    closedOnFromReceipt: plan.closedOnFromReceipt,
  };
}

/** Reads, maps and checks a ledger; refuses a file it cannot read with the reason (field `file`). */
export async function checkLedger(db: Kysely<Database>, req: LedgerImportRequest, clock: Clock): Promise<LedgerCheck> {
  const file = await readLedgerFile({ fileName: req.fileName, bytes: req.bytes }, req.sheet);
  const { kind } = req;
  const header = findHeaderRow(kind, file.sheet);
  if (!header)
    throw new AppError(
      'VALIDATION',
      `找不到${LEDGER_NAMES[kind]}的表头：前30行中没有一行含两个以上可识别的列名（如“当事人”“受理日期”）。请确认选择了正确的工作表和案件类型`,
      'base64',
    );
  const saved = await savedMapping(db, kind);
  const { mapping, problems } = resolveMapping(kind, header.columns, { given: req.mapping, saved });
  const base = {
    kind,
    fileName: req.fileName,
    sha256: file.sha256,
    format: file.format,
    encoding: file.encoding,
    sheet: file.sheet.name,
    sheetNames: file.sheetNames,
    headerRow: file.sheet.rows[header.at]!.number,
    columns: mapping,
    mappingProblems: problems,
  };
  const empty = { accepted: [], refused: [], skipped: [], duplicates: [] };
  if (problems.length > 0) return { report: { ...base, ...empty }, toWrite: [] };

  const ctx = await rowContext(db, clock.today());
  const report: LedgerReport = { ...base, ...empty };
  const planned: PlannedRow[] = [];
  for (const row of file.sheet.rows.slice(header.at + 1)) {
    const v = checkLedgerRow(kind, mapping, row, ctx);
    if (v.verdict === 'skipped') report.skipped.push({ row: v.row, reason: v.reason });
    else if (v.verdict === 'refused')
      for (const issue of v.issues) report.refused.push({ row: v.row, column: issue.column, message: issue.message });
    else planned.push({ row: v.row, plan: v.plan });
  }

  const toWrite = await withoutDuplicates(db, kind, { sha256: file.sha256, sheet: file.sheet.name }, planned, report);
  report.accepted = toWrite.map((r) => describe(kind, r, r.plan.keptNumber?.text ?? ''));
  return { report, toWrite };
}

/**
 * The planned rows that are new: not brought in from this file before, not a case the office has (same number, or
 * the same party ID number and date), and not a repeat of an earlier row of the file. The others go to the report.
 */
async function withoutDuplicates(
  db: Kysely<Database>,
  kind: CaseKind,
  source: { sha256: string; sheet: string },
  planned: readonly PlannedRow[],
  report: LedgerReport,
): Promise<PlannedRow[]> {
  const imported = new Map(
    (
      await db
        .selectFrom('ledger_import_rows')
        .innerJoin('cases', 'cases.id', 'ledger_import_rows.case_id')
        .select(['row_number', 'case_number'])
        .where('file_sha256', '=', source.sha256)
        .where('sheet', '=', source.sheet)
        .execute()
    ).map((r) => [r.row_number, r.case_number]),
  );

  const years = [...new Set(planned.flatMap((r) => (r.plan.keptNumber ? [r.plan.keptNumber.year] : [])))];
  const byNumber = new Map<string, string>();
  const bySeq = new Map<string, string>();
  for (let i = 0; i < years.length; i += CHUNK) {
    const rows = await db
      .selectFrom('cases')
      .select(['case_number', 'case_year', 'case_seq'])
      .where('kind', '=', kind)
      .where('case_year', 'in', years.slice(i, i + CHUNK))
      .execute();
    for (const r of rows) {
      byNumber.set(r.case_number, r.case_number);
      bySeq.set(`${r.case_year}:${r.case_seq}`, r.case_number);
    }
  }

  const ids = [...new Set(planned.flatMap((r) => r.plan.parties.map((p) => p.idNumber).filter(Boolean)))];
  const byParty = new Map<string, string>();
  for (let i = 0; i < ids.length; i += CHUNK) {
    const rows = await db
      .selectFrom('parties')
      .innerJoin('cases', 'cases.id', 'parties.case_id')
      .select(['parties.id_number', 'cases.received_on', 'cases.case_number'])
      .where('cases.kind', '=', kind)
      // Implied by the list, but said so that SQLite may use the partial index of ID numbers (not scan the kind).
      .where('parties.id_number', '<>', '')
      .where('parties.id_number', 'in', ids.slice(i, i + CHUNK))
      .execute();
    for (const r of rows) byParty.set(`${r.id_number}|${r.received_on}`, r.case_number);
  }

  const fresh: PlannedRow[] = [];
  const inFile = new Map<string, number>();
  for (const r of planned) {
    const { plan } = r;
    const listed = (reason: string, caseNumber: string) => report.duplicates.push({ row: r.row, reason, caseNumber });
    const before = imported.get(r.row);
    if (before !== undefined) {
      listed('已从本文件导入', before);
      continue;
    }
    const kept = plan.keptNumber;
    const partyKeys = plan.parties.filter((p) => p.idNumber).map((p) => `${p.idNumber}|${plan.receivedOn}`);
    const sameNumber = kept ? byNumber.get(kept.text) : undefined;
    if (sameNumber) {
      listed('与已有案件案号相同', sameNumber);
      continue;
    }
    const sameParty = partyKeys.map((k) => byParty.get(k)).find(Boolean);
    if (sameParty) {
      listed('与已有案件的当事人身份证号和受理日期相同', sameParty);
      continue;
    }
    const seqTaken = kept ? bySeq.get(`${kept.year}:${kept.seq}`) : undefined;
    if (kept && seqTaken) {
      report.refused.push({
        row: r.row,
        column: '案号',
        message: `${kept.year}年第${kept.seq}号已是本所案件${seqTaken}的编号，不能保留原案号：请核对`,
      });
      continue;
    }
    const keys = [...(kept ? [`n:${kept.year}:${kept.seq}`] : []), ...partyKeys.map((k) => `p:${k}`)];
    const earlier = keys.map((k) => inFile.get(k)).find((n) => n !== undefined);
    if (earlier !== undefined) {
      listed(`与本表第${earlier}行重复`, '');
      continue;
    }
    for (const k of keys) inFile.set(k, r.row);
    fresh.push(r);
  }
  return fresh;
}
