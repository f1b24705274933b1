// Restores and the bureau's copy (issue 20): a restore never lets the office name a row again (its high-water marks
// survive even an unreadable data file, and a file replaced outside CaseDesk), every restore is recorded with who
// and which backup, the first export after one tells the bureau; and the bureau never writes one row over another
// when an office (one without high-water marks) gives a lost row's key to a new one: both are kept and listed.
import { openTestFile } from '../../../support/testKey';
import fs from 'node:fs';
import path from 'node:path';
import { highWaterPath } from '../../../../db/highWater';
import { createApi, type Api } from '../../../../shared/client';
import type { VerifyOutcome } from '../../../../shared/exchange/types';
import { manualClock, testBackend, validApplication } from '../../../support/fixtures';
import { bureau, bureauRows, introduce, office, officeRows, type Site } from './fixtures';

const LITUO = '43011101';

async function exportTo(s: Site | { api: Api }, period = '2026-11') {
  return s.api.call('exchange.export', { period, folder: null });
}

async function register(api: Api, name = '张秀英'): Promise<{ id: number; caseNumber: string }> {
  const application = validApplication();
  return api.call('legalAid.create', {
    draftId: null,
    application: { ...application, applicant: { ...application.applicant, name } },
  });
}

function rows<T>(file: string, sql: string, ...params: unknown[]): T[] {
  const sqlite = openTestFile(file, { readonly: true });
  try {
    return sqlite.prepare(sql).all(...params) as T[];
  } finally {
    sqlite.close();
  }
}

/** An administrator's own signed-in session: a restore records who asked for it. */
async function administrator(s: Site): Promise<Api> {
  await s.api.call('users.create', {
    username: 'wangsz',
    displayName: '王所长',
    role: 'admin',
    password: 'Initial123',
  });
  const api = createApi((channel, input) => s.dispatch(channel, input, 'wangsz'));
  await api.call('auth.signIn', { username: 'wangsz', password: 'Initial123' });
  await api.call('auth.changePassword', { currentPassword: 'Initial123', newPassword: 'Changed2026' });
  return api;
}

describe('a restore at the office', () => {
  let lituo: Site;
  let county: Site;
  beforeEach(async () => {
    lituo = await office({ cases: 6 });
    county = await bureau();
    await introduce(lituo, county);
  }, 60_000);
  afterEach(async () => {
    await lituo.close();
    await county.close();
  });

  it('is recorded with who restored which backup of when, and the first export after it tells the bureau', async () => {
    const admin = await administrator(lituo);
    await exportTo(lituo, '2026-10');
    const backup = await admin.call('backup.create', { folder: null });
    await register(lituo.api, '李四');
    await exportTo(lituo, '2026-11');
    await admin.call('backup.restore', { file: backup.file });
    await lituo.close();

    lituo.clock.advance(60_000);
    const reopened = testBackend(lituo.dataFile, { clock: lituo.clock });
    lituo = { ...lituo, ...reopened };
    expect(reopened.store.restoreEvent).toMatchObject({
      kind: 'backup',
      source: path.basename(backup.file),
      sourceTime: backup.takenAt,
      exportSequence: 2,
    });
    const [record] = rows<{
      kind: string;
      source: string;
      source_time: string;
      by_user: string;
      reported_in: number | null;
    }>(lituo.dataFile, 'SELECT * FROM restores');
    expect(record).toMatchObject({
      kind: 'backup',
      source: path.basename(backup.file),
      source_time: backup.takenAt,
      by_user: 'wangsz',
      reported_in: null,
    });
    const audit = rows<{ channel: string; username: string; table_name: string; after: string }>(
      lituo.dataFile,
      `SELECT channel, username, table_name, after FROM audit_log WHERE channel = 'restore'`,
    );
    expect(audit).toEqual([
      {
        channel: 'restore',
        username: 'wangsz',
        table_name: 'restores',
        after: expect.stringContaining(path.basename(backup.file)),
      },
    ]);
    expect((await lituo.api.call('audit.verify', {})).ok).toBe(true);

    const third = await exportTo(lituo);
    expect(third).toMatchObject({ sequence: 3, restored: true });
    const [checked] = await county.api.call('bureau.verifyFiles', { files: [third.file] });
    expect(checked).toMatchObject({
      ok: true,
      manifest: {
        formatVersion: 2,
        restored: {
          events: [{ kind: 'backup', source: path.basename(backup.file), sourceTime: backup.takenAt, by: 'wangsz' }],
          sequenceContinuesAfter: 2,
        },
      },
    });
    // Told once: the export after is an ordinary one again (format version 1, readable by any release).
    const fourth = await exportTo(lituo);
    expect(fourth.restored).toBe(false);
    expect((await county.api.call('bureau.verifyFiles', { files: [fourth.file] }))[0]).toMatchObject({
      ok: true,
      manifest: { formatVersion: 1 },
    });
    // Made again, the export after the restore is the same package (same content hash).
    const again = await lituo.api.call('exchange.exportAgain', {
      sequence: 3,
      folder: path.join(lituo.folder, 'again'),
    });
    const [reissued] = await county.api.call('bureau.verifyFiles', { files: [again.file] });
    const contentHash = (o: VerifyOutcome | undefined) => (o?.ok ? o.manifest.contentHash : null);
    expect(contentHash(checked)).not.toBeNull();
    expect(contentHash(reissued)).toBe(contentHash(checked));
  });

  it('continues ids, numbers and export sequences from the marks beside the file when the replaced file cannot be read', async () => {
    await exportTo(lituo, '2026-10');
    const backup = await lituo.api.call('backup.create', { folder: null });
    const lostCase = await register(lituo.api, '李四');
    await exportTo(lituo, '2026-11'); // the bureau has seen the lost case: the marks beside the file hold it
    await lituo.api.call('backup.restore', { file: backup.file });
    await lituo.close();
    fs.writeFileSync(lituo.dataFile, 'overwritten by a virus scanner');
    fs.rmSync(`${lituo.dataFile}-wal`, { force: true });

    const reopened = testBackend(lituo.dataFile, { clock: lituo.clock });
    lituo = { ...lituo, ...reopened };
    const next = await register(lituo.api, '王五');
    expect(next.id).toBeGreaterThan(lostCase.id);
    expect(Number(/第(\d+)号/.exec(next.caseNumber)![1])).toBeGreaterThan(
      Number(/第(\d+)号/.exec(lostCase.caseNumber)![1]),
    );
    expect((await exportTo(lituo)).sequence).toBe(3);
  });

  it('finds a data file replaced outside CaseDesk (a copied backup): the marks are raised and the bureau is told', async () => {
    await exportTo(lituo, '2026-10');
    const backup = await lituo.api.call('backup.create', { folder: null });
    const lostCase = await register(lituo.api, '李四');
    await exportTo(lituo, '2026-11');
    await lituo.close();
    for (const suffix of ['-wal', '-shm']) fs.rmSync(lituo.dataFile + suffix, { force: true });
    fs.copyFileSync(backup.file, lituo.dataFile);

    const reopened = testBackend(lituo.dataFile, { clock: lituo.clock });
    lituo = { ...lituo, ...reopened };
    expect(reopened.store.restoreEvent).toMatchObject({ kind: 'replaced', exportSequence: 2 });
    expect((await register(lituo.api, '王五')).id).toBeGreaterThan(lostCase.id);
    const third = await exportTo(lituo);
    expect(third).toMatchObject({ sequence: 3, restored: true });
    const [outcome] = await county.api.call('bureau.importFiles', { files: [third.file] });
    expect(outcome).toMatchObject({ status: 'imported', restored: expect.stringMatching(/数据文件在程序外被替换/) });
  });

  it('records no restore when the switch never happened and the staged backup was then deleted by hand', async () => {
    const backup = await lituo.api.call('backup.create', { folder: null });
    await lituo.api.call('backup.restore', { file: backup.file });
    await lituo.close();
    const marker = `${lituo.dataFile}.restore-pending`;
    const rename = fs.renameSync;
    const cut = jest.spyOn(fs, 'renameSync').mockImplementation((from, to) => {
      if (String(from) === marker) throw Object.assign(new Error('power cut'), { code: 'EIO' });
      rename(from, to);
    });
    try {
      expect(() => testBackend(lituo.dataFile, { clock: lituo.clock })).toThrow('power cut');
    } finally {
      cut.mockRestore();
    }
    fs.rmSync(marker);
    const reopened = testBackend(lituo.dataFile, { clock: lituo.clock });
    lituo = { ...lituo, ...reopened };
    expect(reopened.store.restoreEvent).toBeNull();
    expect(rows(lituo.dataFile, 'SELECT * FROM restores')).toEqual([]);
    expect(fs.readdirSync(lituo.folder).filter((n) => n.includes('restore-'))).toEqual([]);
  });

  it('keeps the marks beside the data file in a small JSON file, and ignores one that is damaged or another office’s', async () => {
    await exportTo(lituo, '2026-10');
    const kept = JSON.parse(fs.readFileSync(highWaterPath(lituo.dataFile), 'utf8')) as {
      format: string;
      officeCode: string;
      marks: { sequences: Record<string, number> };
    };
    expect(kept).toMatchObject({
      format: 'casedesk-high-water',
      officeCode: LITUO,
      marks: { sequences: { exchange_exports: 1, cases: 6 } },
    });
    await lituo.close();
    for (const damaged of [
      '{"format":"casedesk-high-water","marks":',
      JSON.stringify({
        ...kept,
        officeCode: '43011199',
        marks: { ...kept.marks, sequences: { ...kept.marks.sequences, cases: 500 } },
      }),
    ]) {
      fs.writeFileSync(highWaterPath(lituo.dataFile), damaged);
      const reopened = testBackend(lituo.dataFile, { clock: lituo.clock });
      expect(reopened.store.restoreEvent).toBeNull();
      await reopened.close();
    }
    const reopened = testBackend(lituo.dataFile, { clock: lituo.clock });
    lituo = { ...lituo, ...reopened };
    expect((await register(lituo.api)).id).toBe(7);
  });
});

describe('an office that gives a lost row’s key to another row (one without high-water marks)', () => {
  it('never has one case written over another at the bureau: both are kept, with both versions listed', async () => {
    const lituo = await office({ cases: 4 });
    const county = await bureau();
    await introduce(lituo, county);
    await county.api.call('bureau.importFiles', { files: [(await exportTo(lituo, '2026-10')).file] });
    // A copy of the file as it is now, as a restore from it without high-water marks would leave it.
    const twinFile = path.join(lituo.folder, 'twin', 'casedesk.sqlite');
    fs.mkdirSync(path.dirname(twinFile));
    lituo.store.sqlite.prepare('VACUUM INTO ?').run(twinFile); // an encrypted copy under the same key

    // The office registers a case (its case row changed last, after its parties), exported and imported.
    const kept = await register(lituo.api, '李四');
    lituo.store.sqlite.prepare(`UPDATE cases SET title = title || '（补正）' WHERE id = ?`).run(kept.id);
    expect(
      (await county.api.call('bureau.importFiles', { files: [await exportTo(lituo)].map((m) => m.file) }))[0],
    ).toMatchObject({ status: 'imported' });
    const before = bureauRows(county, LITUO).live;

    // The copy gives the same id, later, to another case, whose parties come before it in its package.
    const twin = testBackend(twinFile, { clock: manualClock('2026-11-25T03:00:00Z') });
    // Its changes come later than the office's own (same-sequence rows are the `row` conflicts tested elsewhere).
    twin.store.sqlite.prepare(`UPDATE sqlite_sequence SET seq = seq + 10 WHERE name = 'change_log'`).run();
    const other = await register(twin.api, '赵六');
    twin.store.sqlite.prepare(`UPDATE cases SET title = title || '（另案）' WHERE id = ?`).run(other.id);
    expect(other.id).toBe(kept.id);
    const [outcome] = await county.api.call('bureau.importFiles', { files: [(await exportTo(twin)).file] });
    expect(outcome).toMatchObject({
      status: 'imported',
      counts: { conflicts: expect.any(Number) },
      warnings: expect.arrayContaining([expect.stringMatching(/两个版本都已保留/)]),
    });

    // Nothing of the office's case was written over: its case, parties and details are the bureau's as before.
    const after = bureauRows(county, LITUO).live;
    const ofKept = [...officeRows(lituo)].filter(([k, r]) => k === `cases ${kept.id}` || r.case_id === kept.id);
    expect(ofKept.length).toBeGreaterThan(3);
    for (const [key, row] of ofKept) expect({ key, row: after.get(key) }).toEqual({ key, row });
    expect(after.get(`cases ${kept.id}`)?.title).toMatch(/（补正）$/);
    for (const [key, row] of before) expect({ key, row: after.get(key) }).toEqual({ key, row });

    // Every row of the other case is kept in a conflict, beside the bureau's version of that key.
    const conflicts = await county.api.call('bureau.conflicts', { includeResolved: false });
    const identity = conflicts.filter((c) => c.kind === 'identity');
    const caseConflict = identity.find((c) => c.tableName === 'cases' && c.rowKey === String(kept.id));
    expect(caseConflict).toMatchObject({
      keptData: expect.objectContaining({ case_number: kept.caseNumber, title: expect.stringMatching(/（补正）$/) }),
      incomingData: expect.objectContaining({ title: expect.stringMatching(/（另案）$/) }),
      detail: expect.stringMatching(/编号相同而案件不同/),
    });
    const twinRows = [...officeRows(twin)].filter(([k, r]) => k === `cases ${other.id}` || r.case_id === other.id);
    for (const [key, row] of twinRows) {
      const [table, rowKey] = key.split(' ');
      expect({
        key,
        incoming: identity.find((c) => c.tableName === table && c.rowKey === rowKey)?.incomingData,
      }).toEqual({ key, incoming: row });
    }
    expect(identity.find((c) => c.tableName === 'parties' && c.incomingData?.name === '赵六')?.keptData).toMatchObject({
      name: '李四',
    });
    expect(conflicts.map((c) => c.kind)).toContain('package'); // the same export sequence twice, with other content
    await twin.close();
    await lituo.close();
    await county.close();
  }, 60_000);
});
