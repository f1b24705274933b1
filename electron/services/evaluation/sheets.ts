// The score sheets the bureau evaluates with: version 1 of each kind is the shipped default
// (shared/evaluation/sheets.ts); the bureau saves newer versions; a score names the version it was given on, so
// an older score is always read against the sheet it was given on.
import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema';
import type { SessionUser } from '../../../shared/accounts';
import type { SheetsInfo } from '../../../shared/channels/evaluation';
import { AppError } from '../../../shared/errors';
import {
  DEFAULT_SHEETS,
  SHEET_KINDS,
  scoreSheetSchema,
  type ScoreSheet,
  type SheetKind,
  type VersionedSheet,
} from '../../../shared/evaluation/sheets';
import type { Clock } from '../system/clock';
import { requireBureau } from './bureauMode';

const shipped = (kind: SheetKind): VersionedSheet => ({
  version: 1,
  sheet: DEFAULT_SHEETS[kind],
  isDefault: true,
  savedBy: '',
  savedAt: '',
});

function fromRow(row: { version: number; sheet: string; saved_by: string; saved_at: string }): VersionedSheet {
  // Stored sheets were checked when saved.
  return {
    version: row.version,
    sheet: scoreSheetSchema.parse(JSON.parse(row.sheet)) as ScoreSheet,
    isDefault: false,
    savedBy: row.saved_by,
    savedAt: row.saved_at,
  };
}

export async function sheetsInfo(db: Kysely<Database>): Promise<SheetsInfo> {
  const rows = await db.selectFrom('evaluation_sheets').selectAll().orderBy('version', 'desc').execute();
  const versions = [
    ...rows.map((r) => ({ kind: r.kind as SheetKind, ...fromRow(r) })),
    ...SHEET_KINDS.map((kind) => ({ kind, ...shipped(kind) })),
  ];
  const current = {} as Record<SheetKind, VersionedSheet>;
  for (const kind of SHEET_KINDS) current[kind] = versions.find((v) => v.kind === kind)!;
  return { current, versions };
}

/** The latest version of a kind's sheet. */
export async function currentSheet(db: Kysely<Database>, kind: SheetKind): Promise<VersionedSheet> {
  const row = await db
    .selectFrom('evaluation_sheets')
    .selectAll()
    .where('kind', '=', kind)
    .orderBy('version', 'desc')
    .executeTakeFirst();
  return row ? fromRow(row) : shipped(kind);
}

/** A kind's sheet as it was at `version`. */
export async function sheetAt(db: Kysely<Database>, kind: SheetKind, version: number): Promise<ScoreSheet> {
  if (version === 1) return DEFAULT_SHEETS[kind];
  const row = await db
    .selectFrom('evaluation_sheets')
    .selectAll()
    .where('kind', '=', kind)
    .where('version', '=', version)
    .executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND', `评查表第${version}版不存在`);
  return fromRow(row).sheet;
}

/** Saves `sheet` (checked by the channel) as the next version of its kind. */
export async function saveSheet(
  db: Kysely<Database>,
  sheet: ScoreSheet,
  { user, clock }: { user: SessionUser; clock: Clock },
): Promise<VersionedSheet> {
  await requireBureau(db, '评查表只能在县局模式的数据文件中修改', 'sheet');
  const version = (await currentSheet(db, sheet.kind)).version + 1;
  const row = await db
    .insertInto('evaluation_sheets')
    .values({
      kind: sheet.kind,
      version,
      sheet: JSON.stringify(sheet),
      saved_by: user.displayName,
      saved_at: clock.now().toISOString(),
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return fromRow(row);
}
