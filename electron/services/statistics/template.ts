// The report template the office (or the bureau) keeps: the stored one when set, else the default that ships.
import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema';
import type { SessionUser } from '../../../shared/accounts';
import { DEFAULT_TEMPLATE, reportTemplateSchema, type ReportTemplate } from '../../../shared/statistics/template';
import type { Clock } from '../system/clock';

export interface StoredTemplate {
  template: ReportTemplate;
  /** True when no template was saved: the default is in use. */
  isDefault: boolean;
  updatedBy: string;
  updatedAt: string;
}

export async function reportTemplate(db: Kysely<Database>): Promise<StoredTemplate> {
  const row = await db.selectFrom('statistics_template').selectAll().where('id', '=', 1).executeTakeFirst();
  if (!row) return { template: DEFAULT_TEMPLATE, isDefault: true, updatedBy: '', updatedAt: '' };
  // Saved templates were checked when saved; one naming an indicator a later version dropped falls back to the default.
  const parsed = reportTemplateSchema.safeParse(JSON.parse(row.template));
  return parsed.success
    ? { template: parsed.data, isDefault: false, updatedBy: row.updated_by, updatedAt: row.updated_at }
    : { template: DEFAULT_TEMPLATE, isDefault: true, updatedBy: row.updated_by, updatedAt: row.updated_at };
}

/** Saves a template (already checked by the channel's schema), or goes back to the default with null. */
export async function setReportTemplate(
  db: Kysely<Database>,
  template: ReportTemplate | null,
  { user, clock }: { user: SessionUser; clock: Clock },
): Promise<StoredTemplate> {
  if (template === null) {
    await db.deleteFrom('statistics_template').where('id', '=', 1).execute();
  } else {
    const values = {
      template: JSON.stringify(template),
      updated_by: user.displayName,
      updated_at: clock.now().toISOString(),
    };
    await db
      .insertInto('statistics_template')
      .values({ id: 1, ...values })
      .onConflict((oc) => oc.column('id').doUpdateSet(values))
      .execute();
  }
  return reportTemplate(db);
}
