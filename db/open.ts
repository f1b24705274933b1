// Opening a data file: pragmas, the CaseDesk identity check, forward-only migrations (after a backup), and the
// Kysely instance every service uses.
import fs from 'node:fs';
import path from 'node:path';
import type BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import { Kysely, SqliteDialect } from 'kysely';
import { AppError } from '../shared/errors';
import { recordAuditSync } from './auditLog';
import {
  fileStateOf,
  keyIdBeside,
  keyThatOpens,
  missingKeyError,
  newDataKey,
  openKeyed,
  rekeyConnection,
  wrongKeyError,
  writeKeyIdBeside,
  type DataKeyProvider,
  type KeyRing,
} from './dataKey';
import { encryptPlainDataFile, settleInterruptedEncryption, type MigrationStep } from './encryptPlain';
import { installAuditTriggers } from './auditTriggers';
import { installChangeTriggers } from './changeTriggers';
import { migrations as allMigrations, type Migration } from './migrations';
import {
  applyStagedRestore,
  pendingRestorePath,
  readSqliteHeader,
  finishRestore,
  keepHighWaterAtOpen,
  type AppliedRestore,
  type RestoreEvent,
} from './stagedRestore';
import type { Database } from './schema';
import { cachingHandle } from './statementCache';

/** PRAGMA application_id of every CaseDesk file ("CDSK"), so a foreign SQLite file is never taken for ours. */
export const CASEDESK_APPLICATION_ID = 0x4344534b;

export interface Store {
  readonly path: string;
  readonly sqlite: BetterSqlite3.Database;
  readonly db: Kysely<Database>;
  /** The schema version the file had before this open, and the backup taken before migrating it. */
  readonly migratedFrom: number;
  readonly backupPath: string | null;
  /** The staged restore this open applied (see db/stagedRestore.ts), or null. */
  readonly restored: AppliedRestore | null;
  /**
   * The restore this open finished (marks raised, recorded in `restores`), or the replacement of the file outside
   * CaseDesk it found (db/highWater.ts); null for an ordinary open.
   */
  readonly restoreEvent: RestoreEvent | null;
  /** The better-sqlite3 binary this store was opened with, for opening other files (backups) alike. */
  readonly nativeBinding: string | undefined;
  /** Where the data key is kept, and the keys as they are now (a re-key replaces them while the store is open). */
  readonly keys: DataKeyProvider;
  keyRing: KeyRing;
  /** What this open did about encryption: made a new key (a new file), or encrypted a plain older file. */
  readonly keyEvent: 'created' | 'encrypted-plain' | null;
  close(): Promise<void>;
}

export interface OpenOptions {
  /** Where the data key is kept (db/dataKey.ts): the data file is always encrypted. */
  keys: DataKeyProvider;
  migrations?: readonly Migration[];
  /** Path of a better-sqlite3 binary built for another ABI (the Electron build). */
  nativeBinding?: string;
  now?: () => Date;
  /** The crash test's hook into the encryption of a plain file (db/encryptPlain.ts). */
  encryptionStep?: (at: MigrationStep) => void;
}

export function schemaVersion(sqlite: BetterSqlite3.Database): number {
  return sqlite.pragma('user_version', { simple: true }) as number;
}

function applyPragmas(sqlite: BetterSqlite3.Database): void {
  sqlite.pragma('journal_mode = WAL');
  // FULL, not NORMAL: in WAL mode NORMAL skips the fsync at commit, so a power cut can lose the last committed
  // transactions. FULL syncs the WAL on every commit, which is what "nothing committed is lost" requires; the
  // cost (one fsync per write) is nothing next to a clerk's typing speed.
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  // Every page read from disk is decrypted and its HMAC checked: a page cache of 16 MB (SQLite's default is 2 MB)
  // keeps the pages the lists, the search and the dashboard read again and again decrypted in memory.
  sqlite.pragma('cache_size = -16384');
}

function backupName(file: string, fromVersion: number, at: Date): string {
  const stamp = at.toISOString().replace(/[-:]/g, '').replace(/\..*$/, '');
  return `${file}.v${fromVersion}-${stamp}.bak`;
}

/**
 * The keys of a data file before it is opened: a new key for a new file, a plain file of an older version
 * encrypted, an interrupted re-key finished (the file still under the previous key is re-encrypted to the current
 * one). A file that is encrypted and has no key here, or a key that does not open it, is refused in Chinese with
 * the number of the key it needs when that is known (<file>.key-id), nothing changed.
 */
function keysFor(file: string, options: OpenOptions, latest: number): { ring: KeyRing; event: Store['keyEvent'] } {
  const binding = options.nativeBinding ? { nativeBinding: options.nativeBinding } : {};
  settleInterruptedEncryption(file);
  let ring = options.keys.load(file);
  const state = fileStateOf(file);
  if (state === 'plain') refuseForeignPlainFile(file, latest); // encrypted only when it is CaseDesk's
  if (state !== 'encrypted') {
    let event: Store['keyEvent'] = null;
    if (!ring) {
      ring = { current: newDataKey(), previous: null };
      options.keys.save(file, ring);
      event = 'created';
    }
    if (state === 'plain') {
      encryptPlainDataFile(file, ring.current, {
        ...binding,
        ...(options.encryptionStep ? { step: options.encryptionStep } : {}),
      });
      event = 'encrypted-plain';
    }
    return { ring, event };
  }
  // A restore staged for a damaged data file replaces it whatever it holds (db/stagedRestore.ts).
  const restoring = ring !== null && fs.existsSync(pendingRestorePath(file));
  // Encrypted pages come in whole multiples of 512 bytes: anything else was never a data file (or is cut short).
  const size = fs.statSync(file).size;
  if (size < 512 || size % 512 !== 0) {
    if (restoring) return { ring: ring!, event: null };
    throw new AppError('DATA_FILE', `数据文件已损坏，或不是CaseDesk数据文件：${file}`);
  }
  if (!ring) throw missingKeyError(file, keyIdBeside(file));
  // The usual open tries the key once, on the connection it keeps (openStore); only a re-key stopped half-way has
  // two keys to try here.
  if (!ring.previous || restoring) return { ring, event: null };
  const opening = keyThatOpens(file, [ring.current, ring.previous], options.nativeBinding);
  if (!opening) throw wrongKeyError(file, ring.current, keyIdBeside(file));
  if (opening !== ring.current) {
    // A re-key stopped half-way: the file is still under the previous key. Finish it (attachments: electron/backend.ts).
    const sqlite = openKeyed(file, opening, binding);
    try {
      sqlite.pragma('wal_checkpoint(TRUNCATE)');
      sqlite.pragma('journal_mode = DELETE');
      rekeyConnection(sqlite, ring.current);
    } finally {
      sqlite.close();
    }
  }
  return { ring, event: null };
}

/** Opens (creating if needed) a CaseDesk data file and brings its schema up to date. */
export function openStore(file: string, options: OpenOptions): Store {
  const migrations = options.migrations ?? allMigrations;
  const latest = migrations.at(-1)?.version ?? 0;
  const now = options.now ?? (() => new Date());
  fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const { ring, event: keyEvent } = keysFor(file, options, latest);
  // Before any connection holds the file: a restore staged by the backup service replaces it now.
  const restored = applyStagedRestore(file, {
    latest,
    applicationId: CASEDESK_APPLICATION_ID,
    now: now(),
    nativeBinding: options.nativeBinding,
    key: ring.current,
  });
  const sqlite = openKeyed(
    file,
    ring.current,
    options.nativeBinding ? { nativeBinding: options.nativeBinding } : {},
    () => wrongKeyError(file, ring.current, keyIdBeside(file)),
  );
  try {
    // Identity and version first, before any pragma writes to the file: a refused file stays untouched.
    const appId = sqlite.pragma('application_id', { simple: true }) as number;
    const version = schemaVersion(sqlite);
    if (appId !== CASEDESK_APPLICATION_ID && (appId !== 0 || version !== 0 || hasTables(sqlite))) {
      throw new AppError('DATA_FILE', `“${file}”不是CaseDesk数据文件`);
    }
    if (version > latest) {
      throw new AppError('DATA_FILE', `数据文件的版本（${version}）比本程序支持的（${latest}）新，请升级CaseDesk`);
    }
    applyPragmas(sqlite);
    // The number of the key the file needs, in plain beside it: a copy taken elsewhere says which recovery key opens it.
    if (keyIdBeside(file) !== ring.current.id) writeKeyIdBeside(file, ring.current);
    let backupPath: string | null = null;
    if (version > 0 && version < latest) {
      backupPath = backupName(path.resolve(file), version, now());
      sqlite.prepare('VACUUM INTO ?').run(backupPath); // encrypted under the same key
      writeKeyIdBeside(backupPath, ring.current);
    }
    for (const migration of migrations) {
      if (migration.version <= version) continue;
      if (migration.foreignKeysOff) sqlite.pragma('foreign_keys = OFF'); // a no-op inside a transaction: set before it
      try {
        sqlite.transaction(() => {
          // Only what the migration itself broke counts (a file may carry an old dangling reference).
          const danglingBefore = migration.foreignKeysOff
            ? (sqlite.pragma('foreign_key_check') as unknown[]).length
            : 0;
          migration.up(sqlite);
          if (migration.foreignKeysOff && (sqlite.pragma('foreign_key_check') as unknown[]).length > danglingBefore) {
            throw new Error(`migration ${migration.name} left rows whose references point nowhere`);
          }
          if (hasTable(sqlite, 'audit_pending')) {
            // New tables and columns are audited from the migration that makes them on.
            installAuditTriggers(sqlite);
            installChangeTriggers(sqlite); // the export's change log; after the audit triggers (it drops some of them)
            recordAuditSync(sqlite, { channel: `migration:${migration.name}`, user: null, at: now() });
          }
          sqlite.pragma(`application_id = ${CASEDESK_APPLICATION_ID}`);
          sqlite.pragma(`user_version = ${migration.version}`);
        })();
      } finally {
        if (migration.foreignKeysOff) sqlite.pragma('foreign_keys = ON');
      }
    }
    // Ids, sequences and case numbers a replaced file had given (perhaps seen by the bureau, perhaps printed) are
    // never given again: the restore is finished, or the marks kept beside the file are checked, at every open.
    const restoreEvent = finishRestore(sqlite, file, now()) ?? keepHighWaterAtOpen(sqlite, file, now());
    const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: cachingHandle(sqlite) }) });
    return {
      path: file,
      sqlite,
      db,
      migratedFrom: version,
      backupPath,
      restored,
      restoreEvent,
      nativeBinding: options.nativeBinding,
      keys: options.keys,
      keyRing: ring,
      keyEvent,
      close: async () => {
        await db.destroy();
        // Kysely closes the handle only if it ever opened a connection; close it ourselves (twice is harmless).
        if (sqlite.open) sqlite.close();
      },
    };
  } catch (error) {
    sqlite.close();
    throw error;
  }
}

/** A plain SQLite file that is not CaseDesk's, or is newer than this program, is refused before it is encrypted. */
function refuseForeignPlainFile(file: string, latest: number): void {
  const header = readSqliteHeader(file);
  const foreign =
    !header ||
    (header.applicationId !== CASEDESK_APPLICATION_ID &&
      (header.applicationId !== 0 || header.userVersion !== 0 || header.pageCount > 1));
  if (foreign) throw new AppError('DATA_FILE', `“${file}”不是CaseDesk数据文件`);
  if (header.userVersion > latest) {
    throw new AppError(
      'DATA_FILE',
      `数据文件的版本（${header.userVersion}）比本程序支持的（${latest}）新，请升级CaseDesk`,
    );
  }
}

function hasTable(sqlite: BetterSqlite3.Database, name: string): boolean {
  return sqlite.prepare(`SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?`).get(name) !== undefined;
}

function hasTables(sqlite: BetterSqlite3.Database): boolean {
  return (sqlite.prepare(`SELECT count(*) AS n FROM sqlite_schema`).get() as { n: number }).n > 0;
}
