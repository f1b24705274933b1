// The data of a case's printed dossier pages, gathered from the case, its timeline and its checklist, and handed
// to the one HTML renderer (shared/print/dossierPages.ts) that the print view and the CLI's PDF both use.
import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema';
import { addDays } from '../../../shared/calendar';
import type { PrintDocument } from '../../../shared/dossier/materials';
import { AppError } from '../../../shared/errors';
import { followUpRecordOf } from '../../../shared/followUp/form';
import { kindOf } from '../../../shared/kinds';
import { renderDossierDocument, type DossierPrintData, type PrintedPage } from '../../../shared/print/dossierPages';
import { kindServiceOf } from '../kinds';
import { caseChecklist, requireCase } from './checklist';
import { activeDossierRules } from './rules';

/** 补正 days given by default when no date is chosen (legal aid: the notice's own due date if one was told). */
const DEFAULT_SUPPLY_DAYS = 15;

export async function dossierPrintData(
  db: Kysely<Database>,
  caseId: number,
  noticeDueOn: string,
  today: string,
): Promise<DossierPrintData> {
  const c = await requireCase(db, caseId);
  const kind = kindOf(c.kind);
  const office = await db.selectFrom('office').select(['name', 'bureau_name']).executeTakeFirst();
  const parties = await db
    .selectFrom('parties')
    .select(['name', 'role'])
    .where('case_id', '=', caseId)
    .where('role', 'in', ['applicant', 'party'])
    .orderBy('position')
    .execute();
  const actions = await db
    .selectFrom('case_actions')
    .select(['id', 'action', 'acted_on', 'username', 'data', 'from_status', 'to_status', 'recorded_at'])
    .where('case_id', '=', caseId)
    .orderBy('id')
    .execute();
  const { closedStatuses, closingActions, noticeAction } = kind.dossier;
  const closing = closedStatuses.includes(c.status)
    ? actions.filter((a) => closingActions.includes(a.action)).at(-1)
    : undefined;
  const archived = actions.filter((a) => a.action === 'archive').at(-1);
  const told = actions.filter((a) => a.action === noticeAction).at(-1);
  const toldDue = told ? ((JSON.parse(told.data) as { dueOn?: unknown }).dueOn as string | undefined) : undefined;
  const rules = await activeDossierRules(db);
  return {
    officeName: office?.name ?? '',
    bureauName: office?.bureau_name ?? '',
    kindLabel: kind.label,
    caseNumber: c.caseNumber,
    title: c.title,
    parties: parties.map((p) => p.name),
    addressee: parties[0]?.name ?? '申请人',
    // Who handles the case, by its kind (the person assigned, the mediators), else whoever received it.
    handler: (await kindServiceOf(c.kind).handlerOf(db, caseId)) ?? c.receivedBy,
    openedOn: c.receivedOn,
    closedOn: closing?.acted_on ?? null,
    retention: rules.kinds[c.kind].retention,
    filedBy: archived?.username ?? c.receivedBy,
    checklist: await caseChecklist(db, c),
    printedOn: today,
    noticeDueOn:
      noticeDueOn || (typeof toldDue === 'string' && toldDue >= today ? toldDue : addDays(today, DEFAULT_SUPPLY_DAYS)),
    noticeTerms: kind.dossier.noticeTerms,
    followUps: {
      questions: kind.followUp?.questions ?? [],
      records: actions
        .filter((a) => a.action === 'followUp')
        .map((a) =>
          followUpRecordOf({
            id: a.id,
            action: a.action,
            actedOn: a.acted_on,
            data: JSON.parse(a.data) as Record<string, unknown>,
            fromStatus: a.from_status,
            toStatus: a.to_status,
            username: a.username,
            recordedAt: a.recorded_at,
          }),
        ),
    },
  };
}

/**
 * The case's 回访记录 as a page of its own: what stands in the electronic dossier for an item a follow-up record
 * satisfies. Made from the case's data alone (no date of printing), so the archived dossier's hash stays the same
 * for the same case.
 */
export async function followUpRecordPage(db: Kysely<Database>, caseId: number): Promise<PrintedPage> {
  const c = await requireCase(db, caseId);
  return renderDossierDocument('followUp', await dossierPrintData(db, caseId, '', c.receivedOn));
}

export async function printDossierDocument(
  db: Kysely<Database>,
  input: { caseId: number; doc: PrintDocument; noticeDueOn: string },
  today: string,
): Promise<PrintedPage> {
  const data = await dossierPrintData(db, input.caseId, input.noticeDueOn, today);
  // A 补正材料通知书 with nothing to supply would tell the applicant the materials are incomplete when they are not.
  if (input.doc === 'notice' && data.checklist.missing.length === 0)
    throw new AppError('CONFLICT', '卷宗材料齐全，没有需要补正的材料，不能出具补正材料通知书', 'doc');
  return renderDossierDocument(input.doc, data);
}
