// Parties that came back from the bureau's recovery package: packages carry ID numbers masked (the first 6 and last
// 4 characters), so such a party has no real number until the clerk enters it again. The number entered must be a
// valid one of the party's kind of document, and must agree with what the mask kept.
import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema';
import { AppError } from '../../../shared/errors';
import {
  ID_NUMBER_MESSAGES,
  isMaskedIdNumber,
  maskIdNumber,
  parseCreditCode,
  parseIdNumber,
} from '../../../shared/identity';
import { GB11643_ID_TYPES, type IdType } from '../../../shared/options';
import { reindexCase } from '../exchange/recoveryInstall';

const CREDIT_CODE_ID_TYPE = '统一社会信用代码';

function invalid(message: string): AppError {
  return new AppError('VALIDATION', `证件号码：${message}`, 'idNumber');
}

/** The number as it will be stored, or a refusal naming what is wrong with it. */
function checkedNumber(idType: string, input: string, today: string): string {
  const value = input.replace(/[\s\u3000]/g, '').toUpperCase();
  if (value === '' || isMaskedIdNumber(value)) throw invalid('请输入完整的号码');
  if (idType === CREDIT_CODE_ID_TYPE) {
    const code = parseCreditCode(value);
    if (!code.ok) throw invalid('不是有效的统一社会信用代码');
    return code.value;
  }
  if (idType === '' || GB11643_ID_TYPES.has(idType as IdType)) {
    const parsed = parseIdNumber(value, today);
    if (parsed.ok) return parsed.value.canonical;
    const code = idType === '' ? parseCreditCode(value) : { ok: false as const };
    if (code.ok) return code.value;
    throw invalid(ID_NUMBER_MESSAGES[parsed.error]);
  }
  return value;
}

export async function reenterIdNumber(
  db: Kysely<Database>,
  { partyId, idNumber }: { partyId: number; idNumber: string },
  today: string,
): Promise<{ partyId: number; idNumber: string }> {
  const party = await db
    .selectFrom('parties')
    .select(['id', 'case_id', 'id_type', 'id_number'])
    .where('id', '=', partyId)
    .executeTakeFirst();
  if (!party) throw new AppError('NOT_FOUND', '当事人不存在', 'partyId');
  if (!isMaskedIdNumber(party.id_number))
    throw new AppError('CONFLICT', '该当事人的证件号码是完整的，不需重新录入', 'partyId');
  const value = checkedNumber(party.id_type, idNumber, today);
  if (maskIdNumber(value) !== party.id_number)
    throw invalid(`与恢复的号码（${party.id_number}）的前6位、后4位或位数不符，请核对`);
  await db.updateTable('parties').set({ id_number: value }).where('id', '=', partyId).execute();
  await reindexCase(db, party.case_id);
  return { partyId, idNumber: maskIdNumber(value) };
}
