// The tests' data key: a real key held in memory (MemoryKeyProvider), the same in every suite so that files made by
// one helper open in another, and the key file test/support/test-data.key holding its recovery key, which
// jest.config.js names in $CASEDESK_KEY_FILE for the CLI and the preview started by the tests. Never a mock: the
// files the tests make are really encrypted under it.
import crypto from 'node:crypto';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import { applyKey, dataKeyOf, MemoryKeyProvider, type DataKey } from '../../db/dataKey';

export const TEST_KEY: DataKey = dataKeyOf(crypto.createHash('sha256').update('casedesk test data key').digest());

export const TEST_KEY_FILE = path.join(__dirname, 'test-data.key');

/** A provider holding the test key (a fresh one each time: a re-key in one test never reaches another). */
export function testKeys(key: DataKey = TEST_KEY): MemoryKeyProvider {
  return new MemoryKeyProvider(key);
}

/** A connection to an encrypted test file, as a test reads it behind the app's back. */
export function openTestFile(
  file: string,
  options: BetterSqlite3.Options = {},
  key: DataKey = TEST_KEY,
): BetterSqlite3.Database {
  const sqlite = new BetterSqlite3(file, options);
  applyKey(sqlite, key);
  return sqlite;
}
