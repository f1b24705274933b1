// The import of a ledger, after its dry run: every accepted row written as a real case of its kind inside the
// caller's one transaction (the dispatcher's) — its number (the ledger's own 〔YYYY〕…第N号 kept, the counter moved
// past it; others numbered as new), its row of `cases`, parties and the kind's own rows (the kind's service writes
// them, electron/services/<kind>/ledgerImport.ts: this file never branches on the kind), the timeline's
// registration and the lifecycle's closing steps its 结果 names, its search text, its record as a 历史导入 case
// (source file's SHA-256 and row), and its dossier checked (a 历史卷宗). The cases are written 500 at a time, table
// by table, in statements of a hundred rows compiled once (system/rowBatches.ts): a statement per row and table
// made a 10,000-row ledger's import take minutes. Every row is still audited by the triggers. `allOrNothing`: one
// refused row refuses them all.
import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema';
import type { SessionUser } from '../../../shared/accounts';
import { AppError } from '../../../shared/errors';
import { LEDGER_OPEN_STATUS } from '../../../shared/ledger/ledgerFields';
import type { LedgerImportResult } from '../../../shared/ledger/ledgerReport';
import { UNREGISTERED, type RowPlan } from '../../../shared/ledger/ledgerRows';
import type { CaseKind } from '../../../shared/options';
import { recordDossierCheck, recordHistoricalDossierChecks } from '../dossier/checklist';
import { historicalDossierRules } from '../dossier/historicalRules';
import { takeCaseNumbers } from '../cases/numbers';
import { indexNewCasesText } from '../cases/search';
import { registrationEntry } from '../cases/timeline';
import type { Clock } from '../system/clock';
import { kindServiceOf } from '../kinds';
import { insertRows } from '../system/rowBatches';
import { requireOffice } from '../system/office';
import { checkLedger, type LedgerImportRequest, type PlannedRow } from './importCheck';

type Trx = Kysely<Database>;

/** Cases written together, table by table: their rows' objects die young, and the statements stay a few per table. */
const CASES_PER_CHUNK = 500;

/** The search text: numbers (the ledger's too), title, parties' names and numbers, the kind's text fields. */
function searchBody(caseNumber: string, plan: RowPlan): string {
  return [
    caseNumber,
    plan.ledgerNumber !== caseNumber ? plan.ledgerNumber : '',
    plan.title,
    ...[...plan.parties, ...plan.others].flatMap((p) => [p.name, p.idNumber]),
    plan.phone,
    ...Object.values(plan.text).filter((v) => v !== UNREGISTERED),
    ...plan.mediators.filter((m) => m !== UNREGISTERED),
    plan.note,
  ]
    .filter(Boolean)
    .join(' ');
}

interface WriteContext {
  kind: CaseKind;
  prefix: string;
  user: SessionUser;
  clock: Clock;
  at: string;
  source: { sha256: string; fileName: string; sheet: string };
  /** The dossiers are 历史卷宗 (the county's rule): checked all at once after the cases are written. */
  historical: boolean;
}

/**
 * The cases' numbers in the rows' order: the ledger's own where it keeps one, else the year's next (each year's
 * counter moved once for all of this chunk's rows, which take its numbers in their order).
 */
async function numbersOf(
  trx: Trx,
  rows: readonly PlannedRow[],
  ctx: WriteContext,
): Promise<{ year: number; seq: number; caseNumber: string }[]> {
  const yearOf = ({ plan }: PlannedRow) => plan.keptNumber?.year ?? Number(plan.receivedOn.slice(0, 4));
  const newNumbers = new Map<number, { seq: number; caseNumber: string }[]>();
  for (const r of rows) if (!r.plan.keptNumber) newNumbers.set(yearOf(r), []);
  for (const year of newNumbers.keys()) {
    const count = rows.filter((r) => !r.plan.keptNumber && yearOf(r) === year).length;
    newNumbers.set(year, (await takeCaseNumbers(trx, ctx.kind, year, ctx.prefix, count)).reverse());
  }
  return rows.map((r) => {
    const year = yearOf(r);
    const k = r.plan.keptNumber;
    return { year, ...(k ? { seq: k.seq, caseNumber: k.text } : newNumbers.get(year)!.pop()!) };
  });
}

/**
 * Writes a chunk of cases, table by table, each table's rows in the rows' order (so ids come out as a case-by-case
 * import gave them): cases, the kind's rows, the timeline, the search text, the 历史导入 records (before the dossier
 * check, which reads them: whether the county demands completeness of it).
 */
async function writeCases(
  trx: Trx,
  rows: readonly PlannedRow[],
  ctx: WriteContext,
): Promise<{ row: number; caseId: number; caseNumber: string }[]> {
  const numbers = await numbersOf(trx, rows, ctx);
  const written = await insertRows(
    trx,
    'cases',
    rows.map(({ plan }, i) => ({
      kind: ctx.kind,
      case_number: numbers[i]!.caseNumber,
      case_year: numbers[i]!.year,
      case_seq: numbers[i]!.seq,
      status: plan.status,
      title: plan.title,
      received_on: plan.receivedOn,
      received_by: plan.receivedBy,
      created_at: ctx.at,
      updated_at: ctx.at,
    })),
    ['id', 'case_number'],
  );
  // RETURNING's order is not promised: each case found by its number (unique).
  const idOf = new Map(written.map((c) => [c.case_number, c.id]));
  const made = rows.map((r, i) => ({
    row: r.row,
    plan: r.plan,
    caseId: idOf.get(numbers[i]!.caseNumber)!,
    caseNumber: numbers[i]!.caseNumber,
  }));
  await kindServiceOf(ctx.kind).writeLedgerRows(trx, made);
  const open = LEDGER_OPEN_STATUS[ctx.kind];
  await insertRows(
    trx,
    'case_actions',
    made.flatMap(({ caseId, plan }) => {
      const registration = registrationEntry(caseId, {
        status: open,
        receivedOn: plan.receivedOn,
        by: plan.receivedBy,
        clock: ctx.clock,
      });
      // The closing steps the ledger's 结果 names, dated as it dates them, each noted as imported.
      let from = open;
      const steps = (plan.outcome?.actions ?? []).map((step) => {
        const data = {
          ...step.data,
          ...(plan.closedOnFromReceipt ? { note: '历史导入（台账未登记结案日期，按受理日期记）' } : {}),
          ...(plan.text.handler ? { personName: plan.text.handler } : {}),
        };
        const entry = {
          case_id: caseId,
          action: step.action,
          acted_on: plan.closedOn!,
          data: JSON.stringify(data),
          from_status: from,
          to_status: step.to,
          user_id: ctx.user.id > 0 ? ctx.user.id : null,
          username: ctx.user.username,
          recorded_at: ctx.at,
        };
        from = step.to;
        return entry;
      });
      return [registration, ...steps];
    }),
  );
  await indexNewCasesText(
    trx,
    made.map((m) => ({ caseId: m.caseId, body: searchBody(m.caseNumber, m.plan) })),
  );
  await insertRows(
    trx,
    'ledger_import_rows',
    made.map((m) => ({
      case_id: m.caseId,
      file_sha256: ctx.source.sha256,
      file_name: ctx.source.fileName,
      sheet: ctx.source.sheet,
      row_number: m.row,
      ledger_number: m.plan.ledgerNumber,
      imported_at: ctx.at,
      imported_by: ctx.user.username,
    })),
  );
  if (!ctx.historical) for (const m of made) await recordDossierCheck(trx, m.caseId, ctx.clock);
  return made.map(({ row, caseId, caseNumber }) => ({ row, caseId, caseNumber }));
}

/** Moves each year's counter past the highest number the ledger keeps, so new numbers never take one of them. */
async function moveCountersPast(trx: Trx, kind: CaseKind, rows: readonly PlannedRow[]): Promise<void> {
  const highest = new Map<number, number>();
  for (const { plan } of rows) {
    const k = plan.keptNumber;
    if (k) highest.set(k.year, Math.max(highest.get(k.year) ?? 0, k.seq));
  }
  for (const [year, seq] of highest) {
    await trx
      .insertInto('case_number_counters')
      .values({ kind, year, last_seq: seq })
      .onConflict((oc) =>
        oc.columns(['kind', 'year']).doUpdateSet((eb) => ({
          last_seq: eb.fn('max', [eb.ref('case_number_counters.last_seq'), eb.val(seq)]),
        })),
      )
      .execute();
  }
}

/** Checks the ledger again and writes its new accepted rows; refuses when the mapping is incomplete. */
export async function importLedger(
  trx: Trx,
  req: LedgerImportRequest,
  { allOrNothing, user, clock }: { allOrNothing: boolean; user: SessionUser; clock: Clock },
): Promise<LedgerImportResult> {
  const office = await requireOffice(trx);
  const { report, toWrite } = await checkLedger(trx, req, clock);
  if (report.mappingProblems.length > 0)
    throw new AppError(
      'VALIDATION',
      `列的对应有误，未导入：${report.mappingProblems[0]}`,
      'mapping',
      report.mappingProblems.map((message) => ({ field: 'mapping', message })),
    );
  if (allOrNothing && report.refused.length > 0) {
    const rows = new Set(report.refused.map((r) => r.row));
    throw new AppError(
      'VALIDATION',
      `有${rows.size}行未通过检查，已按“全部导入或全部不导入”的要求不导入任何一行（第一处：第${report.refused[0]!.row}行“${report.refused[0]!.column}”${report.refused[0]!.message}）`,
      'base64',
      report.refused
        .slice(0, 100)
        .map((r) => ({ field: 'base64', message: `第${r.row}行“${r.column}”：${r.message}` })),
    );
  }
  await moveCountersPast(trx, req.kind, toWrite);
  const at = clock.now().toISOString();
  const source = { sha256: report.sha256, fileName: req.fileName, sheet: report.sheet };
  const historical = !(await historicalDossierRules(trx)).rules.completenessRequired;
  const ctx: WriteContext = { kind: req.kind, prefix: office.caseNumberPrefix, user, clock, at, source, historical };
  const imported: LedgerImportResult['imported'] = [];
  for (let i = 0; i < toWrite.length; i += CASES_PER_CHUNK)
    imported.push(...(await writeCases(trx, toWrite.slice(i, i + CASES_PER_CHUNK), ctx)));
  if (historical)
    await recordHistoricalDossierChecks(
      trx,
      imported.map((i) => i.caseId),
      clock,
    );
  const numberOf = new Map(imported.map((i) => [i.row, i.caseNumber]));
  report.accepted = report.accepted.map((a) => ({ ...a, caseNumber: numberOf.get(a.row) ?? a.caseNumber }));
  return { report, imported };
}
