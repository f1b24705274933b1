import { openTestFile, TEST_KEY, testKeys } from '../../support/testKey';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { migrations } from '../../../db/migrations';
import { CASEDESK_APPLICATION_ID, openStore } from '../../../db/open';
import { backupDailyIfDue, createBackup, listBackups } from '../../../electron/services/backup';
import { fixedClock } from '../../../electron/services/system/clock';
import { ApiError } from '../../../shared/client';
import { AppError } from '../../../shared/errors';
import { fileState, OFFICE, tempDir, testBackend, validApplication, type TestBackend } from '../../support/fixtures';

const latest = migrations.at(-1)!.version;

async function officeWithCases(count: number, dataFile?: string): Promise<TestBackend> {
  const backend = testBackend(dataFile);
  await backend.api.call('office.setup', OFFICE);
  await register(backend, count);
  return backend;
}

async function register(backend: TestBackend, count: number): Promise<string[]> {
  const numbers: string[] = [];
  for (let i = 0; i < count; i++) {
    numbers.push(
      (await backend.api.call('legalAid.create', { draftId: null, application: validApplication() })).caseNumber,
    );
  }
  return numbers;
}

async function caseNumbers(backend: TestBackend): Promise<string[]> {
  const page = await backend.api.call('cases.list', {
    kind: 'legal_aid',
    status: null,
    query: '',
    page: 1,
    pageSize: 50,
    sortBy: 'caseNumber',
    sortOrder: 'asc',
  });
  return page.rows.map((r) => r.caseNumber);
}

/** Case numbers in any SQLite file, read without changing it (backups are single files). */
function caseNumbersIn(file: string): string[] {
  const sqlite = openTestFile(file, { readonly: true, fileMustExist: true });
  try {
    expect(sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
    return (
      sqlite.prepare('SELECT case_number FROM cases ORDER BY case_number').all() as { case_number: string }[]
    ).map((r) => r.case_number);
  } finally {
    sqlite.close();
  }
}

/** A content-addressed attachment in the data folder's attachments/; returns its path inside that folder. */
function attach(dataFile: string, content: string): string {
  const hash = crypto.createHash('sha256').update(content).digest('hex');
  const relative = path.join(hash.slice(0, 2), hash);
  const file = path.join(path.dirname(dataFile), 'attachments', relative);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, content);
  return relative;
}

/** Every file under a folder (or the file itself) with a hash of its bytes: "unchanged" made checkable. */
function folderState(target: string): Record<string, string> {
  if (!fs.existsSync(target)) return { '': 'absent' };
  if (fs.statSync(target).isFile())
    return { '': crypto.createHash('sha256').update(fs.readFileSync(target)).digest('hex') };
  const state: Record<string, string> = {};
  for (const entry of fs.readdirSync(target, { recursive: true, withFileTypes: true })) {
    const full = path.join(entry.parentPath, entry.name);
    state[path.relative(target, full)] = entry.isFile() ? folderState(full)['']! : 'folder';
  }
  return state;
}

async function refusal(promise: Promise<unknown>): Promise<ApiError['data']> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ApiError) return error.data;
    throw error;
  }
  throw new Error('the call was not refused');
}

describe('backing up and restoring the data file with its attachments', () => {
  it('restores an earlier backup: the later cases are gone, its attachments are back, and the later state is kept as a pre-restore backup', async () => {
    const backend = await officeWithCases(2);
    const earlier = await caseNumbers(backend);
    const scan = attach(backend.dataFile, '申请表扫描件（第1页）');
    const backup = await backend.api.call('backup.create', { folder: null });
    expect(backup).toMatchObject({ reason: 'manual', takenAt: '2026-11-22T02:00:00.000Z' });
    expect(path.dirname(backup.file)).toBe(path.join(path.dirname(backend.dataFile), 'backups'));
    expect(path.basename(backup.file)).toMatch(/^casedesk-\d{8}-\d{6}-manual\.sqlite$/);
    expect(backup.bytes).toBe(fs.statSync(backup.file).size);
    expect(fs.readFileSync(path.join(`${backup.file}.attachments`, scan), 'utf8')).toBe('申请表扫描件（第1页）');
    expect(caseNumbersIn(backup.file)).toEqual(earlier);

    const later = await register(backend, 1);
    const laterScan = attach(backend.dataFile, '后来的材料');
    fs.writeFileSync(path.join(path.dirname(backend.dataFile), 'attachments', scan), 'damaged by accident');

    const marker = `${backend.dataFile}.restore-pending`;
    expect(await backend.api.call('backup.restore', { file: backup.file })).toEqual({
      restartRequired: true,
      checked: backup,
    });
    expect(fs.existsSync(marker)).toBe(true);
    expect(await caseNumbers(backend)).toEqual([...earlier, ...later]); // nothing changes until the file is opened again
    await backend.close();

    const restored = testBackend(backend.dataFile);
    expect(await caseNumbers(restored)).toEqual(earlier);
    expect(restored.store.restored).toEqual({
      staged: marker,
      preRestoreBackup: expect.stringMatching(/casedesk-\d{8}-\d{6}-pre-restore\.sqlite$/),
    });
    expect(fs.existsSync(marker)).toBe(false);
    expect(fs.existsSync(`${marker}.attachments`)).toBe(false);
    const attachments = path.join(path.dirname(backend.dataFile), 'attachments');
    expect(fs.readFileSync(path.join(attachments, scan), 'utf8')).toBe('申请表扫描件（第1页）');
    expect(fs.existsSync(path.join(attachments, laterScan))).toBe(true); // content-addressed: an extra file harms nothing

    // The state before the restore is a backup that opens, with its attachments.
    const pre = (await restored.api.call('backup.list', {})).find((b) => b.reason === 'pre-restore')!;
    expect(pre.file).toBe(restored.store.restored!.preRestoreBackup);
    expect(caseNumbersIn(pre.file)).toEqual([...earlier, ...later]);
    expect(fs.readFileSync(path.join(`${pre.file}.attachments`, laterScan), 'utf8')).toBe('后来的材料');
    expect(fs.readFileSync(path.join(`${pre.file}.attachments`, scan), 'utf8')).toBe('damaged by accident');

    // Numbers issued after the backup (perhaps already printed) are not issued again.
    const next = await restored.api.call('legalAid.create', { draftId: null, application: validApplication() });
    const issued = [...earlier, ...later].map((n) => Number(/第(\d+)号/.exec(n)![1]));
    expect(Number(/第(\d+)号/.exec(next.caseNumber)![1])).toBe(Math.max(...issued) + 1);
    await restored.close();

    // Opening again applies nothing more.
    const again = testBackend(backend.dataFile);
    expect(again.store.restored).toBeNull();
    expect(await caseNumbers(again)).toHaveLength(earlier.length + 1);
    await again.close();
  });

  it('restores a backup of an older version, migrating it when the file is opened', async () => {
    const file = path.join(tempDir(), 'casedesk.sqlite');
    const old = openStore(file, { keys: testKeys(), migrations: migrations.slice(0, 3) });
    old.sqlite.exec(`
      INSERT INTO cases (id, kind, case_number, case_year, case_seq, status, title, received_on, received_by, created_at, updated_at)
      VALUES (1, 'legal_aid', '〔2026〕黎托援字第0001号', 2026, 1, 'received', '追索劳动报酬', '2026-11-20', '李娟', 't', 't');
    `);
    await old.close();
    const backend = testBackend(file); // migrates, after openStore's copy of version 3
    await backend.api.call('office.setup', OFFICE);
    const list = await backend.api.call('backup.list', {});
    expect(list).toEqual([
      {
        file: `${file}.v3-20261122T020000.bak`,
        takenAt: '2026-11-22T02:00:00.000Z',
        reason: 'migration',
        bytes: expect.any(Number),
        keyId: TEST_KEY.id,
        keyNote: '本机当前密钥',
      },
    ]);
    await backend.api.call('backup.restore', { file: list[0]!.file });
    await backend.close();

    const restored = testBackend(file, { clock: fixedClock('2026-11-23T08:00:00Z') });
    expect(restored.store.migratedFrom).toBe(3);
    expect(restored.store.sqlite.pragma('user_version', { simple: true })).toBe(latest);
    expect(restored.store.sqlite.prepare('SELECT case_number FROM cases').all()).toEqual([
      { case_number: '〔2026〕黎托援字第0001号' },
    ]);
    expect(restored.store.sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
    await restored.close();
  });

  it('takes a consistent backup while cases are being registered', async () => {
    const backend = await officeWithCases(3);
    const backup = createBackup(backend.store, { folder: null, reason: 'manual', now: new Date(2026, 10, 22, 10) });
    const during = register(backend, 5);
    const made = await backup;
    await during;
    const inBackup = caseNumbersIn(made.file);
    expect(inBackup.length).toBeGreaterThanOrEqual(3);
    expect(inBackup).toEqual((await caseNumbers(backend)).slice(0, inBackup.length));
    await backend.close();
  });
});

describe('refusing a file that cannot be restored', () => {
  /** A backend with cases and attachments, one backup, and a restore staged from it earlier. */
  async function withStagedRestore() {
    const backend = await officeWithCases(12);
    attach(backend.dataFile, '身份证复印件');
    const backup = await createBackup(backend.store, {
      folder: null,
      reason: 'manual',
      now: new Date(2026, 10, 22, 9),
    });
    await backend.api.call('backup.restore', { file: backup.file });
    return { backend, backup, candidates: tempDir() };
  }

  function copyOf(backup: string, folder: string, change: (file: string) => void = () => {}): string {
    const file = path.join(folder, 'casedesk-20261120-080000-manual.sqlite');
    fs.copyFileSync(backup, file);
    change(file);
    return file;
  }

  function overwrite(file: string, at: number, bytes: Buffer): void {
    const fd = fs.openSync(file, 'r+');
    fs.writeSync(fd, bytes, 0, bytes.length, at);
    fs.closeSync(fd);
  }

  const cases: [string, (backup: string, folder: string, dataFile: string) => string, RegExp][] = [
    [
      'a backup cut off halfway',
      (b, f) => copyOf(b, f, (file) => fs.truncateSync(file, Math.floor(fs.statSync(file).size / 2))),
      /^备份文件：文件不完整/,
    ],
    [
      'a backup with the page of the cases table overwritten',
      (b, f) =>
        copyOf(b, f, (file) => {
          const sqlite = openTestFile(file, { readonly: true });
          const { rootpage } = sqlite.prepare(`SELECT rootpage FROM sqlite_schema WHERE name = 'cases'`).get() as {
            rootpage: number;
          };
          const pageSize = sqlite.pragma('page_size', { simple: true }) as number;
          sqlite.close();
          overwrite(file, (rootpage - 1) * pageSize, Buffer.alloc(pageSize, 0x5a));
        }),
      /^备份文件：文件已损坏/,
    ],
    [
      // Nothing but integrity_check reads an index that no query of the check uses.
      'a backup with a page of an index overwritten',
      (b, f) =>
        copyOf(b, f, (file) => {
          const sqlite = openTestFile(file, { readonly: true });
          const { rootpage } = sqlite
            .prepare(
              `SELECT rootpage FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'parties' AND rootpage > 0 LIMIT 1`,
            )
            .get() as { rootpage: number };
          const pageSize = sqlite.pragma('page_size', { simple: true }) as number;
          sqlite.close();
          overwrite(file, (rootpage - 1) * pageSize, Buffer.alloc(pageSize, 0x5a));
        }),
      /^备份文件：文件已损坏（完整性检查：.+）/,
    ],
    [
      'a backup whose header is overwritten',
      (b, f) => copyOf(b, f, (file) => overwrite(file, 0, Buffer.from('not a database!!'))),
      /^备份文件：不是数据库文件/,
    ],
    [
      'an SQLite file of another program',
      (_, f) =>
        sqliteFile(path.join(f, 'contacts.db'), 'CREATE TABLE contacts (name TEXT); INSERT INTO contacts VALUES (1)'),
      /^备份文件：不是CaseDesk数据文件，/,
    ],
    [
      'a backup from a newer CaseDesk',
      (b, f) => copyOf(b, f, (file) => sqliteFile(file, `PRAGMA user_version = ${latest + 1}`)),
      new RegExp(`^备份文件：版本（${latest + 1}）比本程序支持的（${latest}）新，请先升级CaseDesk`),
    ],
    [
      'a text file',
      (_, f) => (
        fs.writeFileSync(path.join(f, 'notes.sqlite'), '这不是数据库\n'.repeat(100)),
        path.join(f, 'notes.sqlite')
      ),
      /^备份文件：不是数据库文件/,
    ],
    [
      'an empty file',
      (_, f) => (fs.writeFileSync(path.join(f, 'empty.sqlite'), ''), path.join(f, 'empty.sqlite')),
      /^备份文件：不是数据库文件/,
    ],
    [
      "a file with CaseDesk's mark but not its tables",
      (_, f) =>
        sqliteFile(
          path.join(f, 'marked.sqlite'),
          `CREATE TABLE t (x); PRAGMA application_id = ${CASEDESK_APPLICATION_ID}; PRAGMA user_version = 3`,
        ),
      /^备份文件：缺少数据表 office、cases/,
    ],
    ['a file that does not exist', (_, f) => path.join(f, 'missing.sqlite'), /^备份文件：找不到文件/],
    ['the data file itself', (_, __, dataFile) => dataFile, /^备份文件：这是正在使用的数据文件/],
  ];

  it.each(cases)('refuses %s, changing nothing', async (_, make, message) => {
    const { backend, backup, candidates } = await withStagedRestore();
    const candidate = make(backup.file, candidates, backend.dataFile);
    const dataFolder = path.dirname(backend.dataFile);
    const marker = `${backend.dataFile}.restore-pending`;
    const before = {
      data: fileState(backend.dataFile),
      backups: folderState(path.join(dataFolder, 'backups')),
      marker: folderState(marker),
      markerAttachments: folderState(`${marker}.attachments`),
      attachments: folderState(path.join(dataFolder, 'attachments')),
      dataFolder: fs.readdirSync(dataFolder).sort(),
      candidates: folderState(candidates),
    };

    const error = await refusal(backend.api.call('backup.restore', { file: candidate }));
    expect(error).toEqual({ code: 'DATA_FILE', field: 'file', message: expect.stringMatching(message) });
    expect(error.message).toMatch(/未作任何改动$/);

    expect({
      data: fileState(backend.dataFile),
      backups: folderState(path.join(dataFolder, 'backups')),
      marker: folderState(marker),
      markerAttachments: folderState(`${marker}.attachments`),
      attachments: folderState(path.join(dataFolder, 'attachments')),
      dataFolder: fs.readdirSync(dataFolder).sort(),
      candidates: folderState(candidates),
    }).toEqual(before);
    expect(before.marker['']).not.toBe('absent'); // the restore staged earlier is still there, untouched
    await backend.close();
  });

  it('refuses, when opening, a staged file from a newer CaseDesk, leaving the data file as it was', async () => {
    const backend = await officeWithCases(1);
    const backup = await createBackup(backend.store, {
      folder: null,
      reason: 'manual',
      now: new Date(2026, 10, 22, 9),
    });
    await backend.close();
    const marker = `${backend.dataFile}.restore-pending`;
    fs.copyFileSync(backup.file, marker);
    sqliteFile(marker, `PRAGMA user_version = ${latest + 1}`);
    const before = [fileState(backend.dataFile), folderState(marker), folderState(path.dirname(backup.file))];

    expect(() => testBackend(backend.dataFile)).toThrow(
      new AppError(
        'DATA_FILE',
        `待恢复的备份的版本（${latest + 1}）比本程序支持的（${latest}）新：请升级CaseDesk，或删除“${marker}”继续使用当前数据`,
      ),
    );
    expect([fileState(backend.dataFile), folderState(marker), folderState(path.dirname(backup.file))]).toEqual(before);
  });
});

describe('a restore interrupted while the data file is being replaced', () => {
  it('leaves the old data whole when the swap fails, and finishes at the next open', async () => {
    const backend = await officeWithCases(2);
    const backup = await createBackup(backend.store, {
      folder: null,
      reason: 'manual',
      now: new Date(2026, 10, 22, 9),
    });
    const all = [...(await caseNumbers(backend)), ...(await register(backend, 2))];
    await backend.api.call('backup.restore', { file: backup.file });
    await backend.close();

    const marker = `${backend.dataFile}.restore-pending`;
    const rename = fs.renameSync;
    const cut = jest.spyOn(fs, 'renameSync').mockImplementation((from, to) => {
      if (String(from) === marker) throw Object.assign(new Error('power cut'), { code: 'EIO' });
      rename(from, to);
    });
    try {
      expect(() => testBackend(backend.dataFile)).toThrow('power cut');
      expect(cut).toHaveBeenCalledWith(marker, backend.dataFile);
    } finally {
      cut.mockRestore();
    }
    // The old file is complete on its own (its WAL was checkpointed away before the swap).
    expect(fs.existsSync(`${backend.dataFile}-wal`)).toBe(false);
    expect(caseNumbersIn(backend.dataFile)).toEqual(all);
    expect(fs.existsSync(marker)).toBe(true);

    const restored = testBackend(backend.dataFile);
    expect(await caseNumbers(restored)).toEqual(all.slice(0, 2));
    const pre = (await listBackups(restored.store)).filter((b) => b.reason === 'pre-restore');
    expect(pre.length).toBeGreaterThanOrEqual(1);
    for (const b of pre) expect(caseNumbersIn(b.file)).toEqual(all);
    await restored.close();
  });

  it('restores over a data file too damaged to open, keeping its bytes as the pre-restore backup', async () => {
    const backend = await officeWithCases(2);
    const backup = await createBackup(backend.store, {
      folder: null,
      reason: 'manual',
      now: new Date(2026, 10, 22, 9),
    });
    await backend.api.call('backup.restore', { file: backup.file });
    await backend.close();
    fs.writeFileSync(backend.dataFile, 'overwritten by a virus scanner');

    const restored = testBackend(backend.dataFile);
    expect(restored.store.sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
    expect((await caseNumbers(restored)).length).toBe(2);
    expect(fs.readFileSync(restored.store.restored!.preRestoreBackup!, 'utf8')).toBe('overwritten by a virus scanner');
    await restored.close();
  });

  it('keeps, in the pre-restore backup, the cases a process that died left in its WAL', async () => {
    const backend = await officeWithCases(1);
    const backup = await createBackup(backend.store, {
      folder: null,
      reason: 'manual',
      now: new Date(2026, 10, 22, 9),
    });
    await backend.api.call('backup.restore', { file: backup.file });
    const all = [...(await caseNumbers(backend)), ...(await register(backend, 3))];
    // The files as a power cut would leave them: the last commits only in the WAL.
    const main = fs.readFileSync(backend.dataFile);
    const wal = fs.readFileSync(`${backend.dataFile}-wal`);
    expect(wal.length).toBeGreaterThan(0);
    await backend.close();
    fs.writeFileSync(backend.dataFile, main);
    fs.writeFileSync(`${backend.dataFile}-wal`, wal);

    const restored = testBackend(backend.dataFile);
    expect(await caseNumbers(restored)).toEqual(all.slice(0, 1));
    expect(caseNumbersIn(restored.store.restored!.preRestoreBackup!)).toEqual(all);
    await restored.close();
  });
});

describe('automatic daily backups and their rotation', () => {
  it('takes one daily backup a day, and the rotation deletes old ones with their attachments but never a manual one', async () => {
    const backend = await officeWithCases(1);
    attach(backend.dataFile, '委托书');
    const first = await backupDailyIfDue(backend.store, new Date(2026, 10, 20, 9, 0, 0));
    expect(path.basename(first.taken!.file)).toBe('casedesk-20261120-090000-daily.sqlite');
    expect(first.removed).toEqual([]);
    expect(await backupDailyIfDue(backend.store, new Date(2026, 10, 20, 17, 45))).toEqual({ taken: null, removed: [] });
    const manual = await createBackup(backend.store, {
      folder: null,
      reason: 'manual',
      now: new Date(2026, 10, 20, 12),
    });

    // Every day until New Year's Eve (Thursday 31 December): 42 days.
    for (let d = 21; d <= 61; d++) {
      const { taken } = await backupDailyIfDue(backend.store, new Date(2026, 10, d, 9));
      expect(taken).not.toBeNull();
    }
    const list = await listBackups(backend.store);
    expect(list.filter((b) => b.reason === 'daily').map((b) => path.basename(b.file).slice(9, 17))).toEqual([
      '20261231',
      '20261230',
      '20261229',
      '20261228',
      '20261227',
      '20261226',
      '20261225', // 7 days
      '20261220',
      '20261213', // the Sundays of the weeks before (the Sunday of 21–27 December is among the days)
      '20261130', // November's newest (December's is among the days)
    ]);
    expect(list).toContainEqual(manual);
    // A deleted backup's attachments go with it; a kept one keeps them.
    const folder = fs.readdirSync(path.dirname(manual.file));
    expect(folder.filter((n) => n.endsWith('.attachments')).sort()).toEqual(
      list.map((b) => `${path.basename(b.file)}.attachments`).sort(),
    );
    expect(folder.filter((n) => n.endsWith('.sqlite')).sort()).toEqual(list.map((b) => path.basename(b.file)).sort());
    await backend.close();
  });

  it('keeps only the newest daily backup of a day when one is taken on every quit', async () => {
    const backend = await officeWithCases(1);
    await createBackup(backend.store, { folder: null, reason: 'daily', now: new Date(2026, 10, 20, 12) });
    const last = await createBackup(backend.store, { folder: null, reason: 'daily', now: new Date(2026, 10, 20, 18) });
    expect(await listBackups(backend.store)).toEqual([last]);
    await backend.close();
  });

  it('clears away the parts of a backup that a crash cut short, once they are an hour old', async () => {
    const backend = await officeWithCases(1);
    const folder = path.join(path.dirname(backend.dataFile), 'backups');
    fs.mkdirSync(path.join(folder, 'casedesk-20261120-090000-daily.sqlite.attachments.partial', 'ab'), {
      recursive: true,
    });
    for (const name of [
      'casedesk-20261120-090000-daily.sqlite.partial',
      'casedesk-20261120-090000-daily.sqlite.partial-wal',
      'casedesk-20261122-093000-manual.sqlite.partial',
    ]) {
      fs.writeFileSync(path.join(folder, name), 'half a backup');
    }
    const twoHoursAgo = new Date(2026, 10, 22, 8);
    for (const name of [
      'casedesk-20261120-090000-daily.sqlite.attachments.partial',
      'casedesk-20261120-090000-daily.sqlite.partial',
      'casedesk-20261120-090000-daily.sqlite.partial-wal',
    ]) {
      fs.utimesSync(path.join(folder, name), twoHoursAgo, twoHoursAgo);
    }
    fs.utimesSync(
      path.join(folder, 'casedesk-20261122-093000-manual.sqlite.partial'),
      new Date(2026, 10, 22, 9, 30),
      new Date(2026, 10, 22, 9, 30),
    );
    const { taken } = await backupDailyIfDue(backend.store, new Date(2026, 10, 22, 10));
    expect(fs.readdirSync(folder).sort()).toEqual(
      [
        path.basename(taken!.file),
        `${path.basename(taken!.file)}.key-id`,
        'casedesk-20261122-093000-manual.sqlite.partial',
      ].sort(),
    );
    await backend.close();
  });

  it('lists backups newest first and ignores files that are not backups', async () => {
    const backend = await officeWithCases(1);
    const folder = path.join(path.dirname(backend.dataFile), 'backups');
    const daily = await createBackup(backend.store, { folder: null, reason: 'daily', now: new Date(2026, 10, 19, 9) });
    const imported = await createBackup(backend.store, {
      folder: null,
      reason: 'import',
      now: new Date(2026, 10, 23, 9),
    });
    const manual = await createBackup(backend.store, {
      folder: null,
      reason: 'manual',
      now: new Date(2026, 10, 21, 9),
    });
    fs.writeFileSync(path.join(folder, 'notes.txt'), '');
    fs.writeFileSync(path.join(folder, 'casedesk-20261124-090000-weekly.sqlite'), '');
    fs.writeFileSync(path.join(folder, 'casedesk-20261124-090000-manual.sqlite.partial'), '');
    fs.mkdirSync(path.join(folder, 'casedesk-20261125-090000-manual.sqlite'));
    expect(await backend.api.call('backup.list', {})).toEqual([imported, manual, daily]);
    await backend.close();
  });
});

describe('a manual backup to a chosen folder (a USB stick)', () => {
  it('writes one self-contained file and the attachments there', async () => {
    const backend = await officeWithCases(2);
    const scan = attach(backend.dataFile, '调解协议书');
    const usb = tempDir();
    const made = await backend.api.call('backup.create', { folder: usb });
    expect(path.dirname(made.file)).toBe(usb);
    expect(fs.readdirSync(usb).sort()).toEqual([
      path.basename(made.file),
      `${path.basename(made.file)}.attachments`,
      `${path.basename(made.file)}.key-id`,
    ]);
    expect(fs.readFileSync(path.join(`${made.file}.attachments`, scan), 'utf8')).toBe('调解协议书');
    expect(caseNumbersIn(made.file)).toEqual(await caseNumbers(backend));
    expect(fs.readdirSync(usb)).toHaveLength(3); // no -wal or -shm: the file stands alone (rollback journal)
    // Restorable from there.
    await backend.api.call('backup.restore', { file: made.file });
    await backend.close();
  });

  it('refuses a folder that does not exist, is a file or is not a full path, naming the field', async () => {
    const backend = await officeWithCases(1);
    const usb = tempDir();
    fs.writeFileSync(path.join(usb, 'file.txt'), '');
    const before = folderState(usb);
    const backups = folderState(path.join(path.dirname(backend.dataFile), 'backups'));
    expect(await refusal(backend.api.call('backup.create', { folder: path.join(usb, 'missing') }))).toEqual({
      code: 'VALIDATION',
      field: 'folder',
      message: `备份位置：文件夹“${path.join(usb, 'missing')}”不存在（U盘是否已插好？）`,
    });
    expect(await refusal(backend.api.call('backup.create', { folder: path.join(usb, 'file.txt') }))).toMatchObject({
      field: 'folder',
      message: expect.stringMatching(/^备份位置：.*不是文件夹$/),
    });
    expect(await refusal(backend.api.call('backup.create', { folder: 'backups' }))).toMatchObject({
      field: 'folder',
      message: '备份位置：请选择文件夹的完整路径',
    });
    expect(folderState(usb)).toEqual(before);
    expect(folderState(path.join(path.dirname(backend.dataFile), 'backups'))).toEqual(backups);
    await backend.close();
  });
});

function sqliteFile(file: string, sql: string): string {
  const sqlite = openTestFile(file);
  sqlite.exec(sql);
  sqlite.close();
  return file;
}
