// Drafts: half-filled intake forms, autosaved, kept until the clerk saves the case or discards the draft; a
// registration checks its draft is still there, and removes it in its own transaction.
import type { Kysely } from 'kysely';
import type { Database, DraftTable } from '../../../db/schema';
import type { ChannelParsed, Draft, DraftSummary } from '../../../shared/contract';
import { AppError } from '../../../shared/errors';
import type { CaseKind } from '../../../shared/options';
import type { Clock } from '../system/clock';

type DraftRow = Omit<DraftTable, 'id'> & { id: number };

function summary(row: Omit<DraftRow, 'data'>): DraftSummary {
  return {
    id: row.id,
    kind: row.kind as CaseKind,
    title: row.title,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export async function saveDraft(
  db: Kysely<Database>,
  input: ChannelParsed<'drafts.save'>,
  clock: Clock,
): Promise<DraftSummary> {
  const at = clock.now().toISOString();
  const data = JSON.stringify(input.data);
  const title = input.title || '未命名草稿';
  if (input.id === null) {
    const row = await db
      .insertInto('drafts')
      .values({ kind: input.kind, title, data, created_at: at, updated_at: at })
      .returningAll()
      .executeTakeFirstOrThrow();
    return summary(row);
  }
  const row = await db
    .updateTable('drafts')
    .set({ title, data, updated_at: at })
    .where('id', '=', input.id)
    .where('kind', '=', input.kind)
    .returningAll()
    .executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND', '草稿不存在或已删除', 'id');
  return summary(row);
}

export async function listDrafts(db: Kysely<Database>, kind: CaseKind | null): Promise<DraftSummary[]> {
  let q = db.selectFrom('drafts').select(['id', 'kind', 'title', 'created_at', 'updated_at']);
  if (kind) q = q.where('kind', '=', kind);
  return (await q.orderBy('updated_at', 'desc').orderBy('id', 'desc').execute()).map(summary);
}

export async function getDraft(db: Kysely<Database>, id: number): Promise<Draft> {
  const row = await db.selectFrom('drafts').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND', '草稿不存在或已删除', 'id');
  return { ...summary(row), data: JSON.parse(row.data) as Record<string, unknown> };
}

export async function discardDraft(db: Kysely<Database>, id: number): Promise<{ id: number }> {
  const result = await db.deleteFrom('drafts').where('id', '=', id).executeTakeFirst();
  if (Number(result.numDeletedRows) === 0) throw new AppError('NOT_FOUND', '草稿不存在或已删除', 'id');
  return { id };
}

/** The draft a registration comes from must still be there: another window may have registered or discarded it. */
export async function requireDraft(db: Kysely<Database>, draftId: number): Promise<void> {
  const draft = await db.selectFrom('drafts').select('id').where('id', '=', draftId).executeTakeFirst();
  if (!draft) throw new AppError('NOT_FOUND', '草稿不存在或已删除', 'draftId');
}

/** The draft a case was registered from is removed with the registration. */
export async function removeRegisteredDraft(db: Kysely<Database>, draftId: number | null): Promise<void> {
  if (draftId !== null) await db.deleteFrom('drafts').where('id', '=', draftId).execute();
}
