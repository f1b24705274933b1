// The data key of the bench's synthetic data files: fixed, so that the files built once in .bench-cache/ (by child
// processes) open in every later run. Synthetic data only; a real installation's key is random (db/dataKey.ts).
import crypto from 'node:crypto';
import { dataKeyOf, MemoryKeyProvider, type DataKey } from '../../db/dataKey';

export const BENCH_KEY: DataKey = dataKeyOf(crypto.createHash('sha256').update('casedesk bench data key').digest());

/** A provider holding the bench key (each open gets its own, so nothing a measurement does leaks into another). */
export function benchKeys(): MemoryKeyProvider {
  return new MemoryKeyProvider(BENCH_KEY);
}
