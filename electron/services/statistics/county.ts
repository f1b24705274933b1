// The county's report at the bureau: the rows each office exported (electron/services/exchange), read per office
// and folded into CaseFacts by the same function the office uses on its own tables, then counted together.
import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema';
import { AppError } from '../../../shared/errors';
import type { ImportedRow } from '../../../shared/exchange/types';
import type { CountyStatistics, OfficeInput } from '../../../shared/statistics/compute';
import { kindOf } from '../../../shared/kinds';
import { CASE_KINDS, type CaseKind } from '../../../shared/options';
import { caseFactsFromRows, type CaseRowSet } from '../../../shared/statistics/fromRows';
import { importedRows, listOffices } from '../exchange/settings';
import { requireOffice } from '../system/office';
import { countyStatistics } from './office';
import { holidayTableOf } from '../calendar/holidayCalendar';

async function tableRows<T>(db: Kysely<Database>, table: string, officeCode: string): Promise<T[]> {
  const out: T[] = [];
  for await (const batch of importedRows(db, table, officeCode))
    for (const r of batch as ImportedRow[]) out.push(r.data as T);
  return out;
}

/** Every registered office with the facts of the cases it exported and the latest month it exported. */
export async function bureauOfficeInputs(
  db: Kysely<Database>,
  { now, today }: { now: Date; today: string },
): Promise<OfficeInput[]> {
  const out: OfficeInput[] = [];
  const table = await holidayTableOf(db);
  for (const office of await listOffices(db, now, today)) {
    const cases = await tableRows<CaseRowSet['cases'][number]>(db, 'cases', office.code);
    const actions = await tableRows<CaseRowSet['actions'][number]>(db, 'case_actions', office.code);
    const details = {} as Record<CaseKind, { case_id: number }[]>;
    for (const k of CASE_KINDS) details[k] = await tableRows(db, kindOf(k).detail.table, office.code);
    const rows: CaseRowSet = {
      cases,
      actions,
      details,
      dossierOverrides: await tableRows(db, 'dossier_overrides', office.code),
    };
    out.push({
      code: office.code,
      name: office.name,
      facts: caseFactsFromRows(office.code, rows, today, table),
      lastExportedMonth: office.lastPeriod,
    });
  }
  return out;
}

/** The county report, at a data file in 县局模式 only. */
export async function bureauStatistics(
  db: Kysely<Database>,
  periodKey: string,
  { now, today }: { now: Date; today: string },
): Promise<CountyStatistics> {
  const office = await requireOffice(db);
  const mode = await db.selectFrom('office').select('mode').where('id', '=', 1).executeTakeFirstOrThrow();
  if (mode.mode !== 'bureau')
    throw new AppError('CONFLICT', '统计范围：全县汇总只能在县司法局（县局模式）的数据文件中查看', 'scope');
  return countyStatistics(await bureauOfficeInputs(db, { now, today }), periodKey, {
    // In 县局模式 the file's own name is the bureau's (its configuration packages are signed with it); the name of
    // a bureau above it is not who fills this report in.
    countyName: office.name,
    today,
  });
}
