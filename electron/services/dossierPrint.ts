// The data of a case's printed dossier pages, gathered from the case, its timeline and its checklist, and handed
// to the one HTML renderer (shared/print/dossierPages.ts) that the print view and the CLI's PDF both use.
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { addDays } from '../../shared/calendar';
import type { PrintDocument } from '../../shared/dossier/materials';
import { CASE_KIND_LABELS, type CaseKind } from '../../shared/options';
import { renderDossierDocument, type DossierPrintData, type PrintedPage } from '../../shared/print/dossierPages';
import { caseChecklist, requireCase } from './dossier';
import { activeDossierRules } from './dossierRules';

/** The action that ends a case's handling, per kind: its date is the cover's 结案日期. */
const CLOSING_ACTIONS: Record<CaseKind, string[]> = {
  legal_aid: ['close', 'terminate', 'deemWithdrawn', 'decide'],
  mediation: ['succeed', 'fail', 'terminate'],
  notarization: ['deliver', 'refuse', 'terminate'],
};
const CLOSED_STATUSES = new Set(['closed', 'refused', 'terminated', 'withdrawn', 'archived', 'concluded', 'failed', 'delivered']);

/** 补正 days given by default when no date is chosen (legal aid: the notice's own due date if one was told). */
const DEFAULT_SUPPLY_DAYS = 15;

const NOTICE_TERMS: Record<CaseKind, string> = {
  legal_aid: '逾期未补正的，视为撤回申请（《中华人民共和国法律援助法》第四十三条）；补充材料所需时间不计入审查期限。',
  mediation: '逾期未补正的，将影响调解工作的开展。',
  notarization: '补充材料所需时间不计入办理期限；逾期未补正的，公证机构可以不予办理。',
};

async function handlerOf(db: Kysely<Database>, caseId: number, kind: CaseKind, receivedBy: string): Promise<string> {
  if (kind === 'legal_aid') {
    const a = await db.selectFrom('legal_aid_assignments').select('person_name').where('case_id', '=', caseId).orderBy('id', 'desc').executeTakeFirst();
    return a?.person_name ?? receivedBy;
  }
  if (kind === 'mediation') {
    const m = await db.selectFrom('mediation_cases').select('mediators').where('case_id', '=', caseId).executeTakeFirst();
    const names = m ? (JSON.parse(m.mediators) as string[]) : [];
    return names.length ? names.join('、') : receivedBy;
  }
  return receivedBy;
}

export async function dossierPrintData(db: Kysely<Database>, caseId: number, noticeDueOn: string, today: string): Promise<DossierPrintData> {
  const c = await requireCase(db, caseId);
  const office = await db.selectFrom('office').select(['name', 'bureau_name']).executeTakeFirst();
  const parties = await db.selectFrom('parties').select(['name', 'role']).where('case_id', '=', caseId).where('role', 'in', ['applicant', 'party']).orderBy('position').execute();
  const actions = await db.selectFrom('case_actions').select(['action', 'acted_on', 'username', 'data']).where('case_id', '=', caseId).orderBy('id').execute();
  const closing = CLOSED_STATUSES.has(c.status) ? actions.filter((a) => CLOSING_ACTIONS[c.kind].includes(a.action)).at(-1) : undefined;
  const archived = actions.filter((a) => a.action === 'archive').at(-1);
  const told = actions.filter((a) => a.action === 'notifyMissing').at(-1);
  const toldDue = told ? ((JSON.parse(told.data) as { dueOn?: unknown }).dueOn as string | undefined) : undefined;
  const rules = await activeDossierRules(db);
  return {
    officeName: office?.name ?? '',
    bureauName: office?.bureau_name ?? '',
    kindLabel: CASE_KIND_LABELS[c.kind],
    caseNumber: c.caseNumber,
    title: c.title,
    parties: parties.map((p) => p.name),
    addressee: parties[0]?.name ?? '申请人',
    handler: await handlerOf(db, caseId, c.kind, c.receivedBy),
    openedOn: c.receivedOn,
    closedOn: closing?.acted_on ?? null,
    retention: rules.kinds[c.kind].retention,
    filedBy: archived?.username ?? c.receivedBy,
    checklist: await caseChecklist(db, c),
    printedOn: today,
    noticeDueOn: noticeDueOn || (typeof toldDue === 'string' && toldDue >= today ? toldDue : addDays(today, DEFAULT_SUPPLY_DAYS)),
    noticeTerms: NOTICE_TERMS[c.kind],
  };
}

export async function printDossierDocument(
  db: Kysely<Database>,
  input: { caseId: number; doc: PrintDocument; noticeDueOn: string },
  today: string,
): Promise<PrintedPage> {
  return renderDossierDocument(input.doc, await dossierPrintData(db, input.caseId, input.noticeDueOn, today));
}
