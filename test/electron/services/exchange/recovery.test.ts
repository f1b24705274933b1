// The bureau's recovery package for one office (issue 20, item 4): what the office lost comes back under its own
// keys and numbers, rows that differ on both sides change only as the clerk chose, masked ID numbers are listed and
// never taken for real ones, attachment files are listed as missing; and every package that is not right for this
// office — another office's, another bureau's, tampered, older than what the office has sent — is refused in Chinese
// with nothing changed.
import fs from 'node:fs';
import path from 'node:path';
import { ApiError, type Api } from '../../../../shared/client';
import type { RecoverySummary } from '../../../../shared/exchange/types';
import { dataState, validApplication } from '../../../support/fixtures';
import { bureau, bureauRows, introduce, office, officeRows, type Site } from './fixtures';

const LITUO = '43011101';

async function exportAndImport(from: Site, to: Site, period = '2026-11'): Promise<void> {
  const made = await from.api.call('exchange.export', { period, folder: null });
  const [outcome] = await to.api.call('bureau.importFiles', { files: [made.file] });
  expect(outcome).toMatchObject({ status: 'imported' });
}

async function recoveryPackage(county: Site, code = LITUO): Promise<string> {
  return (
    await county.api.call('bureau.recoveryPackage', { code, folder: path.join(county.folder, 'usb'), download: false })
  ).file;
}

function recover(
  s: Site,
  file: string,
  { dryRun = false, choices = [] as { table: string; key: string; take: 'office' | 'bureau' }[] } = {},
): Promise<RecoverySummary> {
  return s.api.call('exchange.recover', { file, upload: null, dryRun, choices });
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

async function register(api: Api, name: string): Promise<{ id: number; caseNumber: string }> {
  const application = validApplication();
  return api.call('legalAid.create', {
    draftId: null,
    application: { ...application, applicant: { ...application.applicant, name } },
  });
}

/** Deletes a case and every row of it, as losing it to a restore would (a restore leaves no audit entry of it). */
function lose(s: Site, caseId: number): void {
  s.store.sqlite.prepare('DELETE FROM cases WHERE id = ?').run(caseId);
  s.store.sqlite.prepare('DELETE FROM audit_pending').run();
}

describe('installing the bureau’s recovery package', () => {
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

  it('brings back what the office lost under its own ids and numbers, lists masked ID numbers and missing attachment files', async () => {
    const gone = await register(lituo.api, '欧阳秀英');
    lituo.store.sqlite
      .prepare(
        `INSERT INTO attachments (case_id, item_key, sha256, content_type, size_bytes, file_name, added_by, added_at) VALUES (?, 'application', ?, 'image/jpeg', 10, '申请表.jpg', '李娟', '2026-11-22T02:00:00.000Z')`,
      )
      .run(gone.id, 'a'.repeat(64));
    await exportAndImport(lituo, county);
    const held = officeRows(lituo);
    lose(lituo, gone.id);
    const file = await recoveryPackage(county);

    const before = dataState(lituo.dataFile);
    const plan = await recover(lituo, file, { dryRun: true });
    expect(dataState(lituo.dataFile)).toBe(before);
    expect(plan).toMatchObject({
      addedCases: [gone.caseNumber],
      addedCaseCount: 1,
      differenceCount: 0,
      installedBefore: false,
      skipped: [],
    });
    expect(plan.added).toEqual(
      expect.arrayContaining([
        { table: 'cases', label: '案件', rows: 1 },
        { table: 'attachments', label: '附件', rows: 1 },
      ]),
    );

    const done = await recover(lituo, file);
    expect(done).toMatchObject({
      addedCases: [gone.caseNumber],
      missingAttachments: [{ caseNumber: gone.caseNumber, itemKey: 'application', fileName: '申请表.jpg' }],
    });
    // Every row is back as the bureau held it (ID numbers as the package carries them: masked).
    expect(new Map([...officeRows(lituo)].sort())).toEqual(new Map([...held].sort()));
    const applicant = done.maskedParties.find((p) => p.name === '欧阳秀英');
    expect(applicant).toMatchObject({ caseNumber: gone.caseNumber, idNumber: '110105********002X' });
    // The case is found again by its applicant's name; its next number and id continue beyond.
    const found = await lituo.api.call('cases.list', {
      kind: null,
      status: null,
      query: '欧阳秀英',
      page: 1,
      pageSize: 10,
      sortBy: 'caseNumber',
      sortOrder: 'asc',
    });
    expect(found.rows.map((r) => r.caseNumber)).toEqual([gone.caseNumber]);
    const next = await register(lituo.api, '王五');
    expect(next.id).toBeGreaterThan(gone.id);

    // A masked number is never taken for a real one: two recovered parties with the same mask are not one person.
    const twin = await register(lituo.api, '欧阳秀英');
    lituo.store.sqlite
      .prepare(`UPDATE parties SET id_number = '110105********002X' WHERE case_id = ? AND role = 'applicant'`)
      .run(twin.id);
    const report = await lituo.api.call('cases.conflicts', { caseId: twin.id, parties: [] });
    expect(report.matches.filter((m) => m.matchedBy === 'idNumber')).toEqual([]);

    // The clerk enters the number again: it must agree with the mask.
    const wrong = await refusal(
      lituo.api.call('exchange.reenterIdNumber', { partyId: applicant!.partyId, idNumber: '110105194912310021' }),
    );
    expect(wrong).toMatchObject({
      code: 'VALIDATION',
      field: 'idNumber',
      message: expect.stringMatching(/^证件号码：/),
    });
    expect(
      await lituo.api.call('exchange.reenterIdNumber', { partyId: applicant!.partyId, idNumber: '11010519491231002x' }),
    ).toEqual({ partyId: applicant!.partyId, idNumber: '110105********002X' });
    const real = await lituo.api.call('cases.conflicts', {
      caseId: null,
      parties: [{ name: '某人', idNumber: '11010519491231002X', birthDate: '', role: 'opposing' }],
    });
    expect(real.matches.map((m) => m.otherCase.caseNumber)).toContain(gone.caseNumber);
    expect(
      await refusal(
        lituo.api.call('exchange.reenterIdNumber', { partyId: applicant!.partyId, idNumber: '11010519491231002X' }),
      ),
    ).toMatchObject({ code: 'CONFLICT' });

    // The audit log records what came back.
    const logged = lituo.store.sqlite
      .prepare(`SELECT DISTINCT table_name FROM audit_log WHERE channel = 'exchange.recover'`)
      .pluck()
      .all();
    expect(logged).toEqual(
      expect.arrayContaining(['cases', 'parties', 'attachments', 'restores', 'exchange_recovery_installs']),
    );
    expect((await lituo.api.call('audit.verify', {})).ok).toBe(true);
  });

  it('shows rows that differ on both sides and changes each only as the clerk chose', async () => {
    const ids = (lituo.store.sqlite.prepare('SELECT id FROM cases ORDER BY id LIMIT 3').pluck().all() as number[]).map(
      String,
    );
    await exportAndImport(lituo, county);
    const setTitle = lituo.store.sqlite.prepare(`UPDATE cases SET title = ? WHERE id = ?`);
    for (const id of ids) setTitle.run(`本所改过的案由${id}`, id);
    const file = await recoveryPackage(county);

    const plan = await recover(lituo, file, { dryRun: true });
    expect(plan.differenceCount).toBe(3);
    expect(plan.differences.map((d) => [d.table, d.key, d.office.title, typeof d.bureau?.title])).toEqual(
      ids.map((id) => ['cases', id, `本所改过的案由${id}`, 'string']),
    );
    const [takeBureau, keepOffice, later] = ids;
    const done = await recover(lituo, file, {
      choices: [
        { table: 'cases', key: takeBureau!, take: 'bureau' },
        { table: 'cases', key: keepOffice!, take: 'office' },
      ],
    });
    expect(done).toMatchObject({ tookBureau: 1, keptOffice: 1, undecided: 1 });
    const bureauTitle = (id: string) => bureauRows(county, LITUO).live.get(`cases ${id}`)!.title;
    expect(officeRows(lituo).get(`cases ${takeBureau}`)!.title).toBe(bureauTitle(takeBureau!));
    expect(officeRows(lituo).get(`cases ${later}`)!.title).toBe(`本所改过的案由${later}`);

    // The office's kept version goes to the bureau as the newer one; the undecided one too, as an ordinary change.
    await exportAndImport(lituo, county);
    expect(bureauTitle(keepOffice!)).toBe(`本所改过的案由${keepOffice}`);
    expect(bureauTitle(later!)).toBe(`本所改过的案由${later}`);
    expect(new Map([...bureauRows(county, LITUO).live].sort())).toEqual(new Map([...officeRows(lituo)].sort()));
  });

  it('never writes a masked ID number over one the office has, nor a user account from the package', async () => {
    await lituo.api.call('users.create', {
      username: 'lijuan',
      displayName: '李娟',
      role: 'clerk',
      password: 'Initial123',
    });
    const party = lituo.store.sqlite
      .prepare(`SELECT id FROM parties WHERE id_number <> '' ORDER BY id LIMIT 1`)
      .pluck()
      .get() as number;
    await exportAndImport(lituo, county);
    lituo.store.sqlite
      .prepare(`UPDATE parties SET phone = '13900000000', id_number = '110105194912310037' WHERE id = ?`)
      .run(party);
    lituo.store.sqlite
      .prepare(`UPDATE users SET display_name = '李娟（调岗）', role = 'director' WHERE username = 'lijuan'`)
      .run();
    const userId = String(lituo.store.sqlite.prepare(`SELECT id FROM users WHERE username = 'lijuan'`).pluck().get());
    const file = await recoveryPackage(county);

    const took = await recover(lituo, file, { choices: [{ table: 'parties', key: String(party), take: 'bureau' }] });
    expect(took.tookBureau).toBe(1);
    const row = lituo.store.sqlite.prepare('SELECT phone, id_number FROM parties WHERE id = ?').get(party) as {
      phone: string;
      id_number: string;
    };
    expect(row).toEqual({
      phone: bureauRows(county, LITUO).live.get(`parties ${party}`)!.phone,
      id_number: '110105194912310037',
    });

    const state = dataState(lituo.dataFile);
    const error = await refusal(recover(lituo, file, { choices: [{ table: 'users', key: userId, take: 'bureau' }] }));
    expect(error).toMatchObject({
      code: 'CONFLICT',
      field: 'choices',
      message: expect.stringMatching(/^用户账户（lijuan）不按县局的版本修改/),
    });
    expect(dataState(lituo.dataFile)).toBe(state);
  });

  describe('refuses, in Chinese, changing nothing', () => {
    async function refused(file: string, message: RegExp): Promise<void> {
      const before = dataState(lituo.dataFile);
      const error = await refusal(recover(lituo, file));
      expect(error).toEqual({ code: expect.any(String), field: 'file', message: expect.stringMatching(message) });
      expect(dataState(lituo.dataFile)).toBe(before);
    }

    it('a package for another office, from another bureau, tampered with, or a data package', async () => {
      await exportAndImport(lituo, county);
      const other = await office({ number: '02', name: '洞井街道司法所', cases: 1 });
      await introduce(other, county);
      await exportAndImport(other, county);
      await refused(
        await recoveryPackage(county, '43011102'),
        /^恢复包：这是机构 43011102（洞井街道司法所）的恢复包，不是本所（43011101）的，未作任何改动$/,
      );
      await other.close();

      const good = await recoveryPackage(county);
      const bytes = fs.readFileSync(good);
      for (const at of [bytes.length - 20, 200]) {
        const tampered = path.join(county.folder, `tampered-${at}.casedesk`);
        const copy = Buffer.from(bytes);
        copy[at] = copy[at]! ^ 0x01;
        fs.writeFileSync(tampered, copy);
        await refused(tampered, /^恢复包：(签名校验失败|数据部分“rows\.ndjson”的SHA-256校验失败|清单)/);
      }
      const dataPackage = path.join(
        lituo.folder,
        'exports',
        (await lituo.api.call('exchange.history', {}))[0]!.fileName,
      );
      await refused(dataPackage, /^恢复包：这是司法所的数据包，不是县局的恢复包/);

      const elsewhere = await bureau();
      await lituo.api.call('exchange.setBureauKey', {
        publicKey: (await elsewhere.api.call('exchange.keys', {})).publicKey!,
      });
      await refused(good, /^恢复包：签名公钥（指纹 [0-9a-f-]+）不是本所设置的县司法局公钥/);
      await elsewhere.close();
    });

    it('a package older than the office’s newest export, or than one installed, and one encrypted to another key', async () => {
      await exportAndImport(lituo, county);
      const older = await recoveryPackage(county);
      await lituo.api.call('exchange.export', { period: '2026-11', folder: null }); // 第2次, not yet at the bureau
      await refused(
        older,
        /^恢复包：县局.*生成的恢复包只含至第1次报送，本所已生成第2次报送：请先把第2次报送交县局导入/,
      );

      await county.api.call('bureau.importFiles', {
        files: [path.join(lituo.folder, 'exports', (await lituo.api.call('exchange.history', {}))[0]!.fileName)],
      });
      const first = await county.api.call('bureau.recoveryPackage', {
        code: LITUO,
        folder: path.join(county.folder, 'day1'),
        download: false,
      });
      // By the next day the bureau's copy has changed (as another import would change it).
      county.store.sqlite
        .prepare(
          `UPDATE bureau_rows SET data = json_set(data, '$.title', '县局的案由'), data_hash = 'changed' WHERE table_name = 'cases' AND row_key = '1'`,
        )
        .run();
      county.clock.advance(86_400_000);
      const newer = await recoveryPackage(county);
      await recover(lituo, newer);
      await refused(first.file, /^恢复包：比已安装的恢复包（县局\d{4}年\d+月\d+日 \d{2}:\d{2}生成）旧，未作任何改动$/);
      // The same package again is no refusal: it adds only what is still missing.
      expect(await recover(lituo, newer)).toMatchObject({ installedBefore: true, addedCaseCount: 0 });

      // A reinstalled office (new keys) before the bureau re-registered it: the package is for the old key.
      const reinstalled = await office({ cases: 0 });
      await reinstalled.api.call('exchange.setBureauKey', {
        publicKey: (await county.api.call('exchange.keys', {})).publicKey!,
      });
      await reinstalled.api.call('exchange.keys', {});
      const state = dataState(reinstalled.dataFile);
      const error = await refusal(recover(reinstalled, newer));
      expect(error.message).toMatch(
        /^恢复包：恢复包是加密给另一个公钥的（指纹 [0-9a-f-]+），不是本所当前的公钥.*重装后须先重新登记/,
      );
      expect(dataState(reinstalled.dataFile)).toBe(state);
      await reinstalled.close();
    });
  });
});

describe('a case that came back without what its kind needs', () => {
  it('is still found by its number, with the rows that could not come back listed and why', async () => {
    const lituo = await office({ cases: 0 });
    const county = await bureau();
    await introduce(lituo, county);
    const gone = await register(lituo.api, '欧阳秀英');
    await exportAndImport(lituo, county);
    lose(lituo, gone.id);
    // The case was checked against a dossier rule set this office does not have.
    const rule = lituo.store.sqlite.prepare('SELECT max(version) FROM dossier_rule_sets').pluck().get() as number;
    county.store.sqlite
      .prepare(
        `UPDATE bureau_rows SET data = json_set(data, '$.rule_set_version', ?) WHERE table_name = 'dossier_checks'`,
      )
      .run(rule + 5);
    const changed = await county.api.call('bureau.recoveryPackage', {
      code: LITUO,
      folder: path.join(county.folder, 'usb2'),
      download: false,
    });
    const done = await recover(lituo, changed.file);
    expect(done.skipped).toEqual([
      { table: 'dossier_checks', key: String(gone.id), reason: expect.stringMatching(/本所没有/) },
    ]);
    expect(done.addedCases).toEqual([gone.caseNumber]);
    const found = await lituo.api.call('cases.list', {
      kind: null,
      status: null,
      query: gone.caseNumber.slice(-6),
      page: 1,
      pageSize: 10,
      sortBy: 'caseNumber',
      sortOrder: 'asc',
    });
    expect(found.rows.map((r) => r.caseNumber)).toContain(gone.caseNumber);
    await lituo.close();
    await county.close();
  });
});
