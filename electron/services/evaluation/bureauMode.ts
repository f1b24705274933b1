// Quality evaluation is the county bureau's work: its writes are refused in an office's file.
import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema';
import { AppError } from '../../../shared/errors';

export async function requireBureau(db: Kysely<Database>, message: string, field: string): Promise<void> {
  const row = await db.selectFrom('office').select('mode').where('id', '=', 1).executeTakeFirst();
  if (row?.mode !== 'bureau') throw new AppError('CONFLICT', message, field);
}
