// The dossier of a case: its checklist against the rule set (what is on file, what is missing now, what falls
// due next), materials received, a director's override of the closing and archiving check, the check itself,
// and completeness of many cases at once. Every write records the case's check (dossier_checks): the rule-set
// version it was checked against and what was missing.
import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema';
import type { SessionUser } from '../../../shared/accounts';
import type {
  AttachmentInfo,
  DossierCompleteness,
  DossierOverrideRecord,
  DossierView,
  IncompleteDossiers,
} from '../../../shared/channels/dossier';
import {
  evaluateAtStage,
  evaluateDossier,
  type DossierChecklist,
  type DossierJudgement,
  type DossierMaterial,
} from '../../../shared/dossier/evaluate';
import type { HistoricalDossierRules, HistoricalDossierRulesInfo } from '../../../shared/dossier/historical';
import type { DossierFacts } from '../../../shared/dossier/facts';
import { GATED_ACTION_LABELS, type GatedAction } from '../../../shared/dossier/materials';
import type { DossierRuleSet } from '../../../shared/dossier/ruleSet';
import { AppError } from '../../../shared/errors';
import { kindOf } from '../../../shared/kinds';
import { CASE_KINDS, type CaseKind } from '../../../shared/options';
import { detailOf, detailsOf } from '../cases/facts';
import { caseTimeline, timelinesOf } from '../cases/timeline';
import type { Clock } from '../system/clock';
import { historicalCaseIds, historicalDossierRules, saveHistoricalDossierRules } from './historicalRules';
import { activeDossierRules, dossierRulesOfVersion } from './rules';

export interface DossierCase {
  id: number;
  kind: CaseKind;
  caseNumber: string;
  status: string;
  title: string;
  receivedOn: string;
  receivedBy: string;
}

export async function requireCase(db: Kysely<Database>, caseId: number, field = 'caseId'): Promise<DossierCase> {
  const row = await db
    .selectFrom('cases')
    .select(['id', 'kind', 'case_number', 'status', 'title', 'received_on', 'received_by'])
    .where('id', '=', caseId)
    .executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND', '案件不存在', field);
  return {
    id: row.id,
    kind: row.kind,
    caseNumber: row.case_number,
    status: row.status,
    title: row.title,
    receivedOn: row.received_on,
    receivedBy: row.received_by,
  };
}

async function hasAgent(db: Kysely<Database>, caseId: number): Promise<boolean> {
  const row = await db
    .selectFrom('parties')
    .select('id')
    .where('case_id', '=', caseId)
    .where('role', '=', 'agent')
    .executeTakeFirst();
  return row !== undefined;
}

/** The case's facts in the terms of the dossier rules, read by its kind from its intake and its timeline. */
async function dossierFactsOf(db: Kysely<Database>, c: DossierCase): Promise<DossierFacts> {
  const kind = kindOf(c.kind);
  const timeline = await caseTimeline(db, c.id);
  const detail = await detailOf(db, kind, c.id);
  const facts = kind.factsOf({ receivedOn: c.receivedOn, status: c.status, detail }, timeline);
  return kind.dossier.factsOf(facts, detail, { agentApplied: await hasAgent(db, c.id) });
}

async function materialsOf(db: Kysely<Database>, caseId: number): Promise<DossierMaterial[]> {
  const rows = await db
    .selectFrom('dossier_materials as m')
    .select(['m.item_key', 'm.received_on', 'm.pages', 'm.form', 'm.note'])
    .select((eb) =>
      eb
        .selectFrom('attachments as a')
        .select((x) => x.fn.countAll<number>().as('n'))
        .whereRef('a.case_id', '=', 'm.case_id')
        .whereRef('a.item_key', '=', 'm.item_key')
        .as('attachments'),
    )
    .where('m.case_id', '=', caseId)
    .execute();
  return rows.map((r) => ({
    itemKey: r.item_key,
    receivedOn: r.received_on,
    pages: r.pages,
    form: r.form,
    note: r.note,
    attachments: Number(r.attachments ?? 0),
  }));
}

/** The rules a case is judged by: those it was archived under once archived, else the active set. */
async function rulesFor(db: Kysely<Database>, c: DossierCase): Promise<DossierRuleSet> {
  if (c.status === 'archived') {
    const check = await db
      .selectFrom('dossier_checks')
      .select('rule_set_version')
      .where('case_id', '=', c.id)
      .executeTakeFirst();
    if (check) return dossierRulesOfVersion(db, check.rule_set_version);
  }
  return activeDossierRules(db);
}

/** How the case's dossier is judged: 历史卷宗 when imported and the county does not demand completeness. */
async function judgementOf(db: Kysely<Database>, caseId: number): Promise<DossierJudgement> {
  return { historical: (await historicalCaseIds(db, [caseId])).has(caseId) };
}

export async function caseChecklist(db: Kysely<Database>, c: DossierCase): Promise<DossierChecklist> {
  return evaluateDossier(
    await rulesFor(db, c),
    await dossierFactsOf(db, c),
    await materialsOf(db, c.id),
    await judgementOf(db, c.id),
  );
}

/** Records the case's check as it stands: the version it was checked against and what is missing. */
export async function recordDossierCheck(
  db: Kysely<Database>,
  caseId: number,
  clock: Clock,
): Promise<DossierChecklist> {
  const c = await requireCase(db, caseId);
  const checklist = await caseChecklist(db, c);
  const row = {
    rule_set_version: checklist.ruleSetVersion,
    missing_count: checklist.missing.length,
    missing: JSON.stringify(checklist.missing),
    checked_at: clock.now().toISOString(),
  };
  const before = await db
    .selectFrom('dossier_checks')
    .select(['rule_set_version', 'missing'])
    .where('case_id', '=', caseId)
    .executeTakeFirst();
  // Unchanged results are not rewritten: every action re-checks, and the audit log need not hear it each time.
  if (before && before.rule_set_version === row.rule_set_version && before.missing === row.missing) return checklist;
  await db
    .insertInto('dossier_checks')
    .values({ case_id: caseId, ...row })
    .onConflict((oc) => oc.column('case_id').doUpdateSet(row))
    .execute();
  return checklist;
}

/**
 * The check of cases an import just made whose dossiers are 历史卷宗 (the county does not demand completeness):
 * nothing is required of them, so nothing is missing — recorded without reading each case back (a ledger of
 * 10,000 rows is 10,000 of them).
 */
export async function recordHistoricalDossierChecks(
  db: Kysely<Database>,
  caseIds: readonly number[],
  clock: Clock,
): Promise<void> {
  const version = (await activeDossierRules(db)).version;
  const checkedAt = clock.now().toISOString();
  for (let i = 0; i < caseIds.length; i += CASES_PER_BATCH) {
    await db
      .insertInto('dossier_checks')
      .values(
        caseIds.slice(i, i + CASES_PER_BATCH).map((caseId) => ({
          case_id: caseId,
          rule_set_version: version,
          missing_count: 0,
          missing: '[]',
          checked_at: checkedAt,
        })),
      )
      .execute();
  }
}

/** The actions of a kind that the dossier's check gates (its kind says which). */
const gatedActionsOf = (kind: CaseKind): readonly GatedAction[] => kindOf(kind).dossier.gatedActions;
const STAGE_OF: Record<GatedAction, string> = { close: 'closed', archive: 'archived' };

async function overridesOf(db: Kysely<Database>, caseId: number): Promise<DossierOverrideRecord[]> {
  const rows = await db
    .selectFrom('dossier_overrides')
    .selectAll()
    .where('case_id', '=', caseId)
    .orderBy('id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    action: r.action,
    missing: JSON.parse(r.missing) as string[],
    reason: r.reason,
    username: r.username,
    recordedAt: r.recorded_at,
  }));
}

/** What would be missing once the case is closed or archived. */
async function missingAt(db: Kysely<Database>, c: DossierCase, action: GatedAction): Promise<string[]> {
  return evaluateAtStage(
    await activeDossierRules(db),
    await dossierFactsOf(db, c),
    await materialsOf(db, c.id),
    STAGE_OF[action],
    await judgementOf(db, c.id),
  ).missing;
}

/**
 * The closing and archiving check, inside the action's transaction: refused while a required item is missing,
 * unless a director has overridden the check for this action with a written reason, for (at least) what is
 * missing now.
 */
export async function requireCompleteDossier(db: Kysely<Database>, caseId: number, action: GatedAction): Promise<void> {
  const c = await requireCase(db, caseId);
  const missing = await missingAt(db, c, action);
  if (missing.length === 0) return;
  const overrides = (await overridesOf(db, caseId)).filter((o) => o.action === action);
  if (overrides.some((o) => missing.every((m) => o.missing.includes(m)))) return;
  const label = GATED_ACTION_LABELS[action];
  throw new AppError(
    'CONFLICT',
    `卷宗材料不全，不能${label}：缺少${missing.join('、')}。请补齐材料，或由所长特批并写明理由`,
    'dossier',
  );
}

/** A director's (or administrator's) override of the check, with the written reason and what it covers. */
export async function overrideDossierCheck(
  db: Kysely<Database>,
  user: SessionUser,
  input: { caseId: number; action: GatedAction; reason: string },
  clock: Clock,
): Promise<DossierOverrideRecord> {
  const c = await requireCase(db, input.caseId);
  if (!gatedActionsOf(c.kind).includes(input.action)) {
    throw new AppError('VALIDATION', `操作：该类案件没有“${GATED_ACTION_LABELS[input.action]}”核对`, 'action');
  }
  if (c.status === 'archived') throw new AppError('CONFLICT', '案件已归档，无需特批', 'action');
  const missing = await missingAt(db, c, input.action);
  if (missing.length === 0)
    throw new AppError('CONFLICT', `卷宗材料齐全，${GATED_ACTION_LABELS[input.action]}无需特批`, 'action');
  const at = clock.now().toISOString();
  const { id } = await db
    .insertInto('dossier_overrides')
    .values({
      case_id: c.id,
      action: input.action,
      missing: JSON.stringify(missing),
      reason: input.reason,
      user_id: user.id > 0 ? user.id : null,
      username: user.displayName,
      recorded_at: at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await recordDossierCheck(db, c.id, clock);
  return { id, action: input.action, missing, reason: input.reason, username: user.displayName, recordedAt: at };
}

async function attachmentsOf(db: Kysely<Database>, caseId: number): Promise<AttachmentInfo[]> {
  const rows = await db.selectFrom('attachments').selectAll().where('case_id', '=', caseId).orderBy('id').execute();
  return rows.map((r) => ({
    id: r.id,
    itemKey: r.item_key,
    fileName: r.file_name,
    contentType: r.content_type,
    sizeBytes: r.size_bytes,
    sha256: r.sha256,
    addedBy: r.added_by,
    addedAt: r.added_at,
  }));
}

export async function dossierView(db: Kysely<Database>, caseId: number): Promise<DossierView> {
  const c = await requireCase(db, caseId);
  const check = await db
    .selectFrom('dossier_checks')
    .select('rule_set_version')
    .where('case_id', '=', caseId)
    .executeTakeFirst();
  // Read once, evaluated for now and for each check ahead.
  const [rules, active, facts, materials, judgement] = [
    await rulesFor(db, c),
    await activeDossierRules(db),
    await dossierFactsOf(db, c),
    await materialsOf(db, c.id),
    await judgementOf(db, c.id),
  ];
  return {
    caseId,
    kind: c.kind,
    caseNumber: c.caseNumber,
    status: c.status,
    receivedOn: c.receivedOn,
    checklist: evaluateDossier(rules, facts, materials, judgement),
    attachments: await attachmentsOf(db, caseId),
    overrides: await overridesOf(db, caseId),
    checkedVersion: check?.rule_set_version ?? null,
    gates:
      c.status === 'archived'
        ? []
        : gatedActionsOf(c.kind).map((action) => ({
            action,
            missing: evaluateAtStage(active, facts, materials, STAGE_OF[action], judgement).missing,
          })),
  };
}

/** The item must be one of this case's checklist (a matter's material included). */
export async function requireItem(
  db: Kysely<Database>,
  c: DossierCase,
  itemKey: string,
): Promise<{ name: string; generated: boolean }> {
  const item = (await caseChecklist(db, c)).items.find((i) => i.key === itemKey);
  if (!item) throw new AppError('VALIDATION', '材料：不是本案卷宗的材料', 'itemKey');
  if (item.generated) throw new AppError('VALIDATION', `材料：“${item.name}”由本系统生成，无需登记`, 'itemKey');
  return item;
}

export interface MarkReceived {
  caseId: number;
  itemKey: string;
  receivedOn: string;
  pages: number;
  form: '原件' | '复印件';
  note: string;
}

export async function markReceived(
  db: Kysely<Database>,
  user: SessionUser,
  input: MarkReceived,
  clock: Clock,
): Promise<DossierView> {
  const c = await requireCase(db, input.caseId);
  if (c.status === 'archived') throw new AppError('CONFLICT', '案件已归档，卷宗材料不能再改动', 'caseId');
  await requireItem(db, c, input.itemKey);
  if (input.receivedOn > clock.today()) throw new AppError('VALIDATION', '收到日期：不能晚于今天', 'receivedOn');
  const row = {
    received_on: input.receivedOn,
    pages: input.pages,
    form: input.form,
    note: input.note,
    recorded_by: user.displayName,
    recorded_at: clock.now().toISOString(),
  };
  await db
    .insertInto('dossier_materials')
    .values({ case_id: c.id, item_key: input.itemKey, ...row })
    .onConflict((oc) => oc.columns(['case_id', 'item_key']).doUpdateSet(row))
    .execute();
  await recordDossierCheck(db, c.id, clock);
  return dossierView(db, c.id);
}

export async function unmarkReceived(
  db: Kysely<Database>,
  input: { caseId: number; itemKey: string },
  clock: Clock,
): Promise<DossierView> {
  const c = await requireCase(db, input.caseId);
  if (c.status === 'archived') throw new AppError('CONFLICT', '案件已归档，卷宗材料不能再改动', 'caseId');
  const attached = await db
    .selectFrom('attachments')
    .select('id')
    .where('case_id', '=', c.id)
    .where('item_key', '=', input.itemKey)
    .executeTakeFirst();
  if (attached) throw new AppError('CONFLICT', '该材料已有附件，不能取消登记', 'itemKey');
  const { numDeletedRows } = await db
    .deleteFrom('dossier_materials')
    .where('case_id', '=', c.id)
    .where('item_key', '=', input.itemKey)
    .executeTakeFirst();
  if (numDeletedRows === 0n) throw new AppError('VALIDATION', '材料：尚未登记收到', 'itemKey');
  await recordDossierCheck(db, c.id, clock);
  return dossierView(db, c.id);
}

/** Cases evaluated per batch when they have no current check: a few queries per batch, not per case. */
const CASES_PER_BATCH = 500;

/** The facts of many cases at once, read in one query per table (the bulk form of `dossierFactsOf`). */
async function factsOfMany(db: Kysely<Database>, ids: number[]): Promise<Map<number, DossierFacts>> {
  const cases = await db
    .selectFrom('cases')
    .select(['id', 'kind', 'status', 'received_on'])
    .where('id', 'in', ids)
    .execute();
  const details = new Map(
    await Promise.all(CASE_KINDS.map(async (k) => [k, await detailsOf(db, kindOf(k), ids)] as const)),
  );
  const agents = new Set(
    (
      await db.selectFrom('parties').select('case_id').where('role', '=', 'agent').where('case_id', 'in', ids).execute()
    ).map((r) => r.case_id),
  );
  const timelines = await timelinesOf(db, ids);
  const out = new Map<number, DossierFacts>();
  for (const c of cases) {
    const detail = details.get(c.kind)?.get(c.id);
    if (!detail) continue;
    const kind = kindOf(c.kind);
    const facts = kind.factsOf({ receivedOn: c.received_on, status: c.status, detail }, timelines.get(c.id) ?? []);
    out.set(c.id, kind.dossier.factsOf(facts, detail, { agentApplied: agents.has(c.id) }));
  }
  return out;
}

async function materialsOfMany(db: Kysely<Database>, ids: number[]): Promise<Map<number, DossierMaterial[]>> {
  const out = new Map<number, DossierMaterial[]>();
  for (const r of await db
    .selectFrom('dossier_materials')
    .select(['case_id', 'item_key', 'received_on', 'pages', 'form', 'note'])
    .where('case_id', 'in', ids)
    .execute()) {
    let list = out.get(r.case_id);
    if (!list) out.set(r.case_id, (list = []));
    list.push({
      itemKey: r.item_key,
      receivedOn: r.received_on,
      pages: r.pages,
      form: r.form,
      note: r.note,
      attachments: 0,
    });
  }
  return out;
}

/**
 * Completeness of many cases (the case list, the dashboard, the open-cases benchmark): from each case's recorded
 * check when it was made against the active rule set (or, once archived, against the set it was archived under),
 * else evaluated now, a batch of cases at a time. `'open'`: every case not archived. In case-id order.
 */
export async function dossierCompleteness(
  db: Kysely<Database>,
  caseIds: readonly number[] | 'open',
): Promise<DossierCompleteness[]> {
  if (caseIds !== 'open' && caseIds.length === 0) return [];
  const rules = await activeDossierRules(db);
  let query = db
    .selectFrom('cases')
    .leftJoin('dossier_checks as d', 'd.case_id', 'cases.id')
    .select(['cases.id', 'cases.status', 'd.rule_set_version', 'd.missing_count', 'd.missing'])
    .orderBy('cases.id');
  query =
    caseIds === 'open' ? query.where('cases.status', '!=', 'archived') : query.where('cases.id', 'in', [...caseIds]);
  const rows = await query.execute();
  const byId = new Map<number, DossierCompleteness>();
  const unchecked: number[] = [];
  for (const r of rows) {
    const current = r.rule_set_version !== null && (r.rule_set_version === rules.version || r.status === 'archived');
    if (current && r.missing !== null && r.missing_count !== null) {
      byId.set(r.id, {
        caseId: r.id,
        missingCount: r.missing_count,
        missing: r.missing_count === 0 ? [] : (JSON.parse(r.missing) as string[]),
        ruleSetVersion: r.rule_set_version!,
      });
    } else unchecked.push(r.id);
  }
  for (let i = 0; i < unchecked.length; i += CASES_PER_BATCH) {
    const batch = unchecked.slice(i, i + CASES_PER_BATCH);
    const facts = await factsOfMany(db, batch);
    const materials = await materialsOfMany(db, batch);
    const historical = await historicalCaseIds(db, batch);
    for (const id of batch) {
      const f = facts.get(id);
      if (!f) continue;
      const { missing } = evaluateDossier(rules, f, materials.get(id) ?? [], { historical: historical.has(id) });
      byId.set(id, { caseId: id, missingCount: missing.length, missing, ruleSetVersion: rules.version });
    }
  }
  return rows.flatMap((r) => byId.get(r.id) ?? []);
}

/** The open cases whose dossiers lack required items now, most missing first (the dashboard's list). */
export async function incompleteDossiers(db: Kysely<Database>, limit = 200): Promise<IncompleteDossiers> {
  const incomplete = (await dossierCompleteness(db, 'open')).filter((c) => c.missingCount > 0);
  incomplete.sort((a, b) => b.missingCount - a.missingCount || a.caseId - b.caseId);
  const shown = incomplete.slice(0, limit);
  const cases = new Map(
    shown.length === 0
      ? []
      : (
          await db
            .selectFrom('cases')
            .select(['id', 'kind', 'case_number', 'status'])
            .where(
              'id',
              'in',
              shown.map((c) => c.caseId),
            )
            .execute()
        ).map((c) => [c.id, c]),
  );
  return {
    total: incomplete.length,
    cases: shown.flatMap((c) => {
      const row = cases.get(c.caseId);
      return row ? [{ ...c, kind: row.kind, caseNumber: row.case_number, status: row.status }] : [];
    }),
  };
}

/** Re-checks every open case (after a new rule set is installed). */
export async function recheckOpenDossiers(db: Kysely<Database>, clock: Clock): Promise<number> {
  const open = await db.selectFrom('cases').select('id').where('status', '!=', 'archived').execute();
  for (const { id } of open) await recordDossierCheck(db, id, clock);
  return open.length;
}

/**
 * Sets the county's rule for 历史卷宗 (its page at the bureau, or its configuration package at an office) and
 * re-checks the open imported cases' dossiers, whose recorded checks it changes.
 */
export async function setHistoricalDossierRules(
  db: Kysely<Database>,
  rules: HistoricalDossierRules,
  ctx: { user: Pick<SessionUser, 'displayName'>; clock: Clock },
): Promise<HistoricalDossierRulesInfo> {
  await saveHistoricalDossierRules(db, rules, ctx);
  const imported = await db
    .selectFrom('ledger_import_rows')
    .innerJoin('cases', 'cases.id', 'ledger_import_rows.case_id')
    .select('cases.id')
    .where('cases.status', '!=', 'archived')
    .execute();
  for (const { id } of imported) await recordDossierCheck(db, id, ctx.clock);
  return historicalDossierRules(db);
}
