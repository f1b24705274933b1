// An office reinstalled without any backup (issue 20, item 5): CaseDesk installed anew with the same office code has
// new keys. A director at the bureau re-registers the office's key (the fingerprint read out, a written reason, an
// audit entry); the old key's packages stay valid history; the new installation installs its recovery package first
// and then continues every id, number and export sequence beyond what the bureau has seen.
import path from 'node:path';
import { ApiError, createApi, type Api } from '../../../../shared/client';
import { dataState, manualClock, testBackend, validApplication } from '../../../support/fixtures';
import { bureau, bureauRows, introduce, office, officeRows, type Site } from './fixtures';

const LITUO = '43011101';

async function refusal(promise: Promise<unknown>): Promise<ApiError['data']> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ApiError) return error.data;
    throw error;
  }
  throw new Error('the call was not refused');
}

/** The bureau's director, signed in on a window of their own. */
async function director(s: Site): Promise<Api> {
  await s.api.call('users.create', {
    username: 'zhaojz',
    displayName: '赵局长',
    role: 'director',
    password: 'Initial123',
  });
  const api = createApi((channel, input) => s.dispatch(channel, input, 'zhaojz'));
  await api.call('auth.signIn', { username: 'zhaojz', password: 'Initial123' });
  await api.call('auth.changePassword', { currentPassword: 'Initial123', newPassword: 'Changed2026' });
  return api;
}

describe('an office reinstalled without a backup', () => {
  it('is re-registered by a director, starts from the bureau’s copy, and continues beyond everything the bureau has seen', async () => {
    const old = await office({ cases: 8 });
    const county = await bureau();
    await introduce(old, county);
    const first = await old.api.call('exchange.export', { period: '2026-10', folder: null });
    const second = await old.api.call('exchange.export', { period: '2026-11', folder: null });
    await county.api.call('bureau.importFiles', { files: [first.file, second.file] });
    // A package the old PC made before it died, still on a USB stick on its way to the bureau.
    old.store.sqlite.prepare(`UPDATE cases SET title = title || '（补正）' WHERE id = 1`).run();
    const late = await old.api.call('exchange.export', { period: '2026-11', folder: null });
    const lastCase = Math.max(...(old.store.sqlite.prepare('SELECT id FROM cases').pluck().all() as number[]));
    const lastNumbers = old.store.sqlite.prepare('SELECT kind, year, last_seq FROM case_number_counters').all();
    await old.close();

    // The new installation: the same office, new keys.
    const fresh = await office({ cases: 0 });
    const bureauKey = (await county.api.call('exchange.keys', {})).publicKey!;
    await fresh.api.call('exchange.setBureauKey', { publicKey: bureauKey });
    const keys = await fresh.api.call('exchange.keys', {});
    const register = {
      code: LITUO,
      name: '黎托街道司法所',
      publicKey: keys.publicKey!,
      fingerprint: keys.fingerprint!,
    };
    expect(await refusal(county.api.call('bureau.registerOffice', register))).toMatchObject({
      code: 'CONFLICT',
      message: expect.stringMatching(/重新登记公钥/),
    });

    // Only a director re-registers, with the fingerprint the office read out and a written reason.
    const replacement = {
      code: LITUO,
      publicKey: keys.publicKey!,
      fingerprint: keys.fingerprint!,
      reason: '司法所电脑硬盘损坏，无可用备份，重新安装',
    };
    expect(await refusal(county.api.call('bureau.replaceOfficeKey', replacement))).toMatchObject({ code: 'FORBIDDEN' });
    county.clock.advance(3_600_000); // the re-registration comes an hour after the old PC's last package
    const zhao = await director(county);
    expect(
      await refusal(
        zhao.call('bureau.replaceOfficeKey', {
          ...replacement,
          fingerprint: '0000-0000-0000-0000-0000-0000-0000-0000',
        }),
      ),
    ).toMatchObject({ field: 'fingerprint' });
    expect(await refusal(zhao.call('bureau.replaceOfficeKey', { ...replacement, reason: '换' }))).toMatchObject({
      field: 'reason',
      message: expect.stringMatching(/请写明原因/),
    });
    const registered = await zhao.call('bureau.replaceOfficeKey', replacement);
    expect(registered).toMatchObject({
      fingerprint: keys.fingerprint,
      retiredKeys: [{ retiredBy: 'zhaojz', reason: replacement.reason }],
    });
    const audited = county.store.sqlite
      .prepare(`SELECT table_name, username FROM audit_log WHERE channel = 'bureau.replaceOfficeKey'`)
      .all();
    expect(audited).toEqual(
      expect.arrayContaining([
        { table_name: 'bureau_retired_keys', username: 'zhaojz' },
        { table_name: 'bureau_offices', username: 'zhaojz' },
      ]),
    );

    // The old key's packages stay valid history: checked as before, imported once; one made before the key was
    // retired is still taken (flagged for review), one the old key signs afterwards is not.
    expect((await county.api.call('bureau.verifyFiles', { files: [first.file] }))[0]).toMatchObject({ ok: true });
    expect((await county.api.call('bureau.importFiles', { files: [first.file] }))[0]).toMatchObject({
      status: 'duplicate',
    });
    expect((await county.api.call('bureau.importFiles', { files: [late.file] }))[0]).toMatchObject({
      status: 'imported',
      warnings: expect.arrayContaining([expect.stringMatching(/由已停用的公钥.*签名，生成于停用之前/)]),
    });

    // The new installation installs its recovery package first: it starts from the bureau's copy.
    const recovery = await county.api.call('bureau.recoveryPackage', {
      code: LITUO,
      folder: path.join(county.folder, 'usb'),
      download: false,
    });
    expect(recovery.upToSequence).toBe(3);
    const state = dataState(fresh.dataFile);
    expect(
      await fresh.api.call('exchange.recover', { file: recovery.file, upload: null, dryRun: true, choices: [] }),
    ).toMatchObject({ addedCaseCount: 8 });
    expect(dataState(fresh.dataFile)).toBe(state); // the dry run raised the marks too, and rolled them back
    const done = await fresh.api.call('exchange.recover', {
      file: recovery.file,
      upload: null,
      dryRun: false,
      choices: [],
    });
    expect(done).toMatchObject({ addedCaseCount: 8, differenceCount: 0, skipped: [] });
    expect(new Map([...officeRows(fresh)].sort())).toEqual(new Map([...bureauRows(county, LITUO).live].sort()));
    expect(officeRows(fresh).get('cases 1')?.title).toMatch(/（补正）$/);

    // Every id, number and sequence continues beyond what the bureau has seen.
    const application = validApplication();
    const next = await fresh.api.call('legalAid.create', {
      draftId: null,
      application: { ...application, receivedOn: '2026-11-20' },
    });
    expect(next.id).toBeGreaterThan(lastCase);
    const legalAid2026 = (lastNumbers as { kind: string; year: number; last_seq: number }[]).find(
      (c) => c.kind === 'legal_aid' && c.year === 2026,
    );
    expect(Number(/第(\d+)号/.exec(next.caseNumber)![1])).toBe((legalAid2026?.last_seq ?? 0) + 1);
    const made = await fresh.api.call('exchange.export', { period: '2026-11', folder: null });
    expect(made).toMatchObject({ sequence: 4, restored: true });
    const [outcome] = await county.api.call('bureau.importFiles', { files: [made.file] });
    expect(outcome).toMatchObject({
      status: 'imported',
      counts: { conflicts: 0 },
      restored: expect.stringMatching(/安装县局恢复包/),
    });
    // Its audit log started anew: the restore declared, that is no shortened log.
    const conflicts = await county.api.call('bureau.conflicts', { includeResolved: false });
    expect(conflicts.filter((c) => ['identity', 'row', 'audit', 'lost'].includes(c.kind))).toEqual([]);
    expect(bureauRows(county, LITUO).live.get(`cases ${next.id}`)).toMatchObject({ case_number: next.caseNumber });

    // A package the old key signs after it was retired (the old disk found and started again) is refused.
    const revived = testBackend(old.dataFile, { clock: manualClock('2026-11-23T00:00:00Z') });
    const afterwards = await revived.api.call('exchange.export', { period: '2026-11', folder: null });
    expect((await county.api.call('bureau.importFiles', { files: [afterwards.file] }))[0]).toMatchObject({
      status: 'rejected',
      reason: expect.stringMatching(
        /^签名公钥（指纹 [0-9a-f-]+）已于2026年11月22日 \d{2}:\d{2}停用，此后生成的数据包不予导入$/,
      ),
    });
    await revived.close();
    await fresh.close();
    await county.close();
  }, 90_000);
});
