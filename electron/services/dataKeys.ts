// The data key as the director sees it: its recovery key (shown at 首次设置 and on 设置 → 数据加密) and the re-key,
// a new data key (so a new recovery key) for the data file and its attachments in one step. Backups made before
// stay encrypted under the key they were made with, and are restored with that key's recovery key (backup.ts).
//
// A re-key keeps both keys with the provider until it is done, so a crash at any point leaves every file under one
// of the two: the next open finishes it (db/open.ts re-encrypts the data file, electron/backend.ts the attachments).
import { newDataKey, recoveryKeyOf, rekeyConnection, writeKeyIdBeside } from '../../db/dataKey';
import type { Store } from '../../db/open';
import type { RecoveryKeyInfo } from '../../shared/contract';
import { AppError } from '../../shared/errors';
import { FileStore } from './fileStore';

export function recoveryKeyInfo(store: Store): RecoveryKeyInfo {
  return { keyId: store.keyRing.current.id, recoveryKey: recoveryKeyOf(store.keyRing.current) };
}

export function rekeyStore(store: Store): RecoveryKeyInfo & { previousKeyId: string } {
  const previous = store.keyRing.current;
  const next = newDataKey();
  if (store.sqlite.inTransaction) throw new AppError('CONFLICT', '有其他操作正在保存，请稍后再更换密钥');
  // Both keys are kept first: from here on every file opens under one or the other.
  store.keyRing = { current: next, previous };
  store.keys.save(store.path, store.keyRing);
  // SQLite3 Multiple Ciphers re-encrypts only outside WAL mode: out of it for the re-key, back after.
  store.sqlite.pragma('wal_checkpoint(TRUNCATE)');
  store.sqlite.pragma('journal_mode = DELETE');
  try {
    rekeyConnection(store.sqlite, next);
  } finally {
    store.sqlite.pragma('journal_mode = WAL');
  }
  new FileStore(store.path, () => store.keyRing).encryptUnderCurrentKey();
  store.keyRing = { current: next, previous: null };
  store.keys.save(store.path, store.keyRing);
  writeKeyIdBeside(store.path, next);
  return { ...recoveryKeyInfo(store), previousKeyId: previous.id };
}
