// The store's Kysely keeps prepared statements by SQL text (db/statementCache.ts): the same text gets the same
// statement, a statement mid-iteration is never handed out again, and the least recently used goes when full.
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import { cachingHandle, MAX_STATEMENTS } from '../../db/statementCache';
import { tempDir } from '../support/fixtures';

function handle() {
  const sqlite = new BetterSqlite3(path.join(tempDir(), 'cache.sqlite'));
  sqlite.exec('CREATE TABLE t (n INTEGER)');
  sqlite.prepare('INSERT INTO t VALUES (1), (2), (3)').run();
  return { sqlite, db: cachingHandle(sqlite) };
}

it('hands out the same statement for the same text, and a fresh one while the kept one is being iterated', () => {
  const { sqlite, db } = handle();
  const first = db.prepare('SELECT n FROM t ORDER BY n');
  expect(db.prepare('SELECT n FROM t ORDER BY n')).toBe(first);
  const rows = first.iterate([]) as IterableIterator<{ n: number }>;
  expect(rows.next().value).toEqual({ n: 1 });
  const meanwhile = db.prepare('SELECT n FROM t ORDER BY n');
  expect(meanwhile).not.toBe(first);
  expect(meanwhile.all([])).toEqual([{ n: 1 }, { n: 2 }, { n: 3 }]);
  expect([...rows]).toEqual([{ n: 2 }, { n: 3 }]);
  expect(db.prepare('SELECT n FROM t ORDER BY n')).toBe(first);
  sqlite.close();
});

it('keeps at most MAX_STATEMENTS, dropping the least recently used', () => {
  const { sqlite, db } = handle();
  const text = (i: number) => `SELECT n + ${i} AS m FROM t`;
  const kept = db.prepare(text(0));
  const dropped = db.prepare(text(1));
  for (let i = 2; i < MAX_STATEMENTS; i++) db.prepare(text(i));
  expect(db.prepare(text(0))).toBe(kept); // used again: now the most recent
  db.prepare(text(MAX_STATEMENTS)); // one more than fits: text(1) is the least recently used
  expect(db.prepare(text(0))).toBe(kept);
  expect(db.prepare(text(1))).not.toBe(dropped);
  expect(db.prepare(text(1)).all([])).toEqual([{ m: 2 }, { m: 3 }, { m: 4 }]);
  sqlite.close();
});
