import fs from 'node:fs';
import path from 'node:path';
import { sealPackage, verifyPackage } from '../../../../electron/services/exchange/container';
import { loadKeys, parsePublicKey } from '../../../../electron/services/exchange/keys';
import type { DataManifest } from '../../../../shared/exchange/manifest';
import { dataState, fileState } from '../../../support/fixtures';
import { bureau, bureauRows, clerk, introduce, office, officeRows, type Site } from './fixtures';

const LITUO = '43011101';

/** The byte ranges of a package file's parts: the header, and each part's name, length and content. */
function layout(file: Buffer): {
  header: [number, number];
  parts: { name: string; lengthAt: number; start: number; end: number }[];
} {
  const parts = [];
  let at = 12;
  for (let i = 0; i < file.readUInt16BE(10); i++) {
    const nameLength = file.readUInt8(at);
    const name = file.subarray(at + 1, at + 1 + nameLength).toString('utf8');
    const lengthAt = at + 1 + nameLength;
    const start = lengthAt + 4;
    const end = start + file.readUInt32BE(lengthAt);
    parts.push({ name, lengthAt, start, end });
    at = end;
  }
  return { header: [0, 12], parts };
}

function flipped(file: Buffer, at: number): Buffer {
  const copy = Buffer.from(file);
  copy[at] = copy[at]! ^ 0x01;
  return copy;
}

async function exportTo(s: Site, period = '2026-11') {
  return s.api.call('exchange.export', { period, folder: null });
}

function writeCopy(dir: string, name: string, bytes: Buffer): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, bytes);
  return file;
}

async function importFiles(bureauSite: Site, ...files: string[]) {
  return bureauSite.api.call('bureau.importFiles', { files });
}

/** A package made with the office's own key from rows the test writes: what only a forger or a bug could send. */
async function forged(s: Site, manifest: Partial<DataManifest>, rows: string[]): Promise<Buffer> {
  const keys = (await loadKeys(s.store.db))!;
  const bureauKey = parsePublicKey((await s.api.call('exchange.status', {})).bureauPublicKey);
  const tables: DataManifest['counts'] = {};
  for (const line of rows) {
    const r = JSON.parse(line) as { t: string; d?: unknown };
    const c = (tables[r.t] ??= { rows: 0, tombstones: 0 });
    if (r.d) c.rows++;
    else c.tombstones++;
  }
  return sealPackage(
    {
      format: 'casedesk-package',
      formatVersion: 1,
      kind: 'office-data',
      office: { code: LITUO, name: '黎托街道司法所', bureauName: '长沙市雨花区司法局' },
      period: '2026-11',
      sequence: 1,
      changes: { after: 0, upTo: 1_000_000 },
      createdAt: '2026-11-22T02:00:00.000Z',
      appVersion: '0.1.0',
      counts: tables,
      auditHead: { seq: 1, hash: 'x' },
      ...manifest,
    } as Omit<DataManifest, 'parts' | 'encryption' | 'signer' | 'contentHash'>,
    [
      { name: 'rows.ndjson', bytes: Buffer.from(rows.map((r) => `${r}\n`).join(''), 'utf8') },
      { name: 'statistics.json', bytes: Buffer.from('{"period":"2026-11","figures":{}}') },
    ],
    keys,
    bureauKey,
  ).file;
}

describe('the monthly export from an office to the county bureau', () => {
  let lituo: Site;
  let county: Site;
  beforeEach(async () => {
    lituo = await office({ cases: 18 });
    county = await bureau();
    await introduce(lituo, county);
  }, 60_000);
  afterEach(async () => {
    await lituo.close();
    await county.close();
  });

  it('carries every kind of row to the bureau, where it arrives as the office holds it', async () => {
    const [caseId] = (
      await lituo.api.call('cases.list', {
        kind: null,
        status: null,
        query: '',
        page: 1,
        pageSize: 1,
        sortBy: 'caseNumber',
        sortOrder: 'asc',
      })
    ).rows.map((r) => r.id);
    const lijuan = await clerk(lituo);
    await lijuan.call('interference.record', {
      caseId: caseId!,
      category: '内部人员过问案件',
      personName: '李四',
      personUnit: '某局',
      personPosition: '科员',
      occurredOn: '2026-11-20',
      method: '电话',
      content: '询问案件进展',
      handling: '告知按程序办理并登记',
    });
    await lijuan.call('interference.submitStatement', { period: '2026-10', note: '' });

    const made = await exportTo(lituo);
    expect(made).toMatchObject({ sequence: 1, period: '2026-11', fileName: `${LITUO}-2026-11-0001.casedesk` });
    expect(verifyPackage(fs.readFileSync(made.file)).manifest.encryption).not.toBeNull();
    expect(path.dirname(made.file)).toBe(path.join(lituo.folder, 'exports'));

    const [outcome] = await importFiles(county, made.file);
    expect(outcome).toMatchObject({ status: 'imported', officeCode: LITUO, sequence: 1, period: '2026-11' });

    const sent = officeRows(lituo);
    const { live, tombstones } = bureauRows(county, LITUO);
    expect(tombstones.size).toBe(0);
    expect(new Map([...live].sort())).toEqual(new Map([...sent].sort()));
    const tables = new Set([...live.keys()].map((k) => k.split(' ')[0]));
    for (const t of [
      'cases',
      'parties',
      'legal_aid_cases',
      'mediation_cases',
      'mediation_parties',
      'notarization_requests',
      'notarization_parties',
      'case_actions',
      'interference_records',
      'interference_statements',
      'users',
    ]) {
      expect(tables).toContain(t);
    }
    // The clerk's 零报告 reaches the bureau with her name; passwords never leave the office.
    expect([...live.values()]).toContainEqual(expect.objectContaining({ period: '2026-10', nil: 1, record_count: 0 }));
    expect([...live.values()]).toContainEqual(expect.objectContaining({ username: 'lijuan', display_name: '李娟' }));
    expect(JSON.stringify([...live.values()])).not.toMatch(/scrypt|password_hash/);
    // ID numbers travel masked (first 6 and last 4), as in every list and statistic.
    const idNumbers = [...live]
      .filter(([k]) => k.startsWith('parties '))
      .map(([, r]) => r.id_number as string)
      .filter(Boolean);
    expect(idNumbers.length).toBeGreaterThan(0);
    for (const id of idNumbers) expect(id).toMatch(/^[0-9A-Z]{6}\*{8}[0-9A-Z]{4}$/); // 统一社会信用代码 too
  });

  it('sends only what changed since the previous export, deletions as tombstones, and keeps the history', async () => {
    const first = await exportTo(lituo, '2026-10');
    const second = await exportTo(lituo, '2026-11');
    expect(second).toMatchObject({ sequence: 2, rowCount: 0, afterSeq: first.upToSeq, upToSeq: first.upToSeq });

    const partyId = (
      lituo.store.sqlite.prepare(`SELECT id FROM parties ORDER BY id DESC LIMIT 1`).get() as { id: number }
    ).id;
    lituo.store.sqlite.prepare(`DELETE FROM parties WHERE id = ?`).run(partyId);
    const [caseRow] = (
      await lituo.api.call('cases.list', {
        kind: 'legal_aid',
        status: null,
        query: '',
        page: 1,
        pageSize: 1,
        sortBy: 'caseNumber',
        sortOrder: 'asc',
      })
    ).rows;
    lituo.store.sqlite.prepare(`UPDATE cases SET title = title || '（更正）' WHERE id = ?`).run(caseRow!.id);
    const third = await exportTo(lituo, '2026-11');
    expect(third.sequence).toBe(3);
    expect(third.rowCount).toBeGreaterThanOrEqual(2);

    expect((await lituo.api.call('exchange.history', {})).map((h) => [h.sequence, h.period])).toEqual([
      [3, '2026-11'],
      [2, '2026-11'],
      [1, '2026-10'],
    ]);

    const outcomes = await importFiles(county, first.file, second.file, third.file);
    expect(outcomes.map((o) => o.status)).toEqual(['imported', 'imported', 'imported']);
    const { live, tombstones } = bureauRows(county, LITUO);
    expect(tombstones).toContain(`parties ${partyId}`);
    expect(live.has(`parties ${partyId}`)).toBe(false);
    expect(live.get(`cases ${caseRow!.id}`)?.title).toMatch(/（更正）$/);
    expect(new Map([...live].sort())).toEqual(new Map([...officeRows(lituo)].sort()));
  });

  it('makes an earlier export again with the same content, which the bureau takes as the same package', async () => {
    const first = await exportTo(lituo, '2026-10');
    const bytes = fs.readFileSync(first.file);
    lituo.store.sqlite.prepare(`UPDATE cases SET title = '改过' WHERE id = (SELECT min(id) FROM cases)`).run();
    fs.rmSync(first.file);
    const again = await lituo.api.call('exchange.exportAgain', { sequence: 1, folder: null });
    // Encrypted anew (a fresh ephemeral key), the same content: the same content hash and part list.
    const [was, now] = [verifyPackage(bytes).manifest, verifyPackage(fs.readFileSync(again.file)).manifest];
    expect(now.contentHash).toBe(was.contentHash);
    expect(now.parts.map((p) => p.name)).toEqual(was.parts.map((p) => p.name));
    const remade = path.join(path.dirname(again.file), `again-${path.basename(again.file)}`);
    fs.renameSync(again.file, remade);
    fs.writeFileSync(first.file, bytes);

    expect((await importFiles(county, remade))[0]).toMatchObject({ status: 'imported' });
    const before = fileState(county.dataFile);
    expect((await importFiles(county, first.file))[0]).toMatchObject({ status: 'duplicate' });
    expect(fileState(county.dataFile)).toBe(before);
  });

  it('changes nothing when the same package comes twice, and regresses nothing when an older one comes after a newer', async () => {
    const first = await exportTo(lituo, '2026-10');
    const caseId = (lituo.store.sqlite.prepare(`SELECT min(id) AS id FROM cases`).get() as { id: number }).id;
    lituo.store.sqlite.prepare(`UPDATE cases SET title = '第二版' WHERE id = ?`).run(caseId);
    const second = await exportTo(lituo, '2026-11');

    expect((await importFiles(county, second.file))[0]).toMatchObject({ status: 'imported', counts: { inserted: 1 } });
    const older = await importFiles(county, first.file);
    expect(older[0]).toMatchObject({ status: 'imported', counts: { older: 1, conflicts: 0 } });
    expect(bureauRows(county, LITUO).live.get(`cases ${caseId}`)?.title).toBe('第二版');

    const state = fileState(county.dataFile);
    const twice = await importFiles(county, first.file, second.file);
    expect(twice.map((o) => o.status)).toEqual(['duplicate', 'duplicate']);
    expect(fileState(county.dataFile)).toBe(state);
    expect(new Map([...bureauRows(county, LITUO).live].sort())).toEqual(new Map([...officeRows(lituo)].sort()));
  });

  it('flags for review a package whose sequence was already imported with other content, and rows that differ at the same version', async () => {
    const made = await exportTo(lituo, '2026-10');
    await importFiles(county, made.file);
    const caseRow = bureauRows(county, LITUO).live.get('cases 1')!;
    const seq = (
      county.store.sqlite.prepare(`SELECT seq FROM bureau_rows WHERE table_name = 'cases' AND row_key = '1'`).get() as {
        seq: number;
      }
    ).seq;
    const other = await forged(lituo, { changes: { after: 0, upTo: seq } }, [
      JSON.stringify({ t: 'cases', k: '1', s: seq, d: { ...caseRow, title: '另一个版本' } }),
    ]);
    const [outcome] = await importFiles(county, writeCopy(county.folder, 'other.casedesk', other));
    expect(outcome).toMatchObject({ status: 'imported', counts: { conflicts: 1 } });
    expect(bureauRows(county, LITUO).live.get('cases 1')?.title).toBe(caseRow.title);
    const conflicts = await county.api.call('bureau.conflicts', { includeResolved: false });
    expect(conflicts.map((c) => [c.kind, c.tableName, c.rowKey])).toEqual(
      expect.arrayContaining([
        ['row', 'cases', '1'],
        ['package', '', ''],
      ]),
    );
    const resolved = await county.api.call('bureau.resolveConflict', { id: conflicts[0]!.id });
    expect(resolved.resolvedAt).not.toBeNull();
    expect(await county.api.call('bureau.conflicts', { includeResolved: false })).toHaveLength(conflicts.length - 1);
  });

  it('puts the audit log head in the manifest, so that entries cut from its end show at the bureau', async () => {
    const verdict = await lituo.api.call('audit.verify', {});
    if (!verdict.ok) throw new Error('the audit chain of a fresh office is whole');
    const first = await exportTo(lituo, '2026-10');
    const [checked] = await county.api.call('bureau.verifyFiles', { files: [first.file] });
    expect(checked).toMatchObject({
      ok: true,
      manifest: { auditHead: { seq: verdict.entries, hash: verdict.headHash } },
    });
    // Someone deletes the newest audit entries, then the next export is made.
    lituo.store.sqlite.prepare(`UPDATE cases SET title = '改' WHERE id = 1`).run();
    await lituo.api.call('exchange.history', {});
    lituo.store.sqlite.prepare(`DELETE FROM audit_log WHERE seq > ?`).run(verdict.entries - 5);
    const second = await exportTo(lituo, '2026-11');
    const outcomes = await importFiles(county, first.file, second.file);
    expect(outcomes[1]).toMatchObject({ status: 'imported', warnings: [expect.stringMatching(/审计日志可能被删减/)] });
    expect((await county.api.call('bureau.conflicts', { includeResolved: false })).map((c) => c.kind)).toEqual([
      'audit',
    ]);
  });

  it('shows the bureau which offices are late, which exports never arrived, and carries the office’s own figures', async () => {
    const first = await exportTo(lituo, '2026-10');
    await exportTo(lituo, '2026-10');
    const third = await exportTo(lituo, '2026-10');
    expect((await county.api.call('bureau.offices', {}))[0]).toMatchObject({
      code: LITUO,
      late: true,
      lastPeriod: null,
    });
    await importFiles(county, third.file);
    expect((await county.api.call('bureau.offices', {}))[0]).toMatchObject({
      late: false,
      lastPeriod: '2026-10',
      lastSequence: 3,
      missingSequences: [1, 2],
    });
    await importFiles(county, first.file);
    expect((await county.api.call('bureau.offices', {}))[0]).toMatchObject({ missingSequences: [2] });
    const [checked] = await county.api.call('bureau.verifyFiles', { files: [first.file] });
    const stats = JSON.parse(
      (
        county.store.sqlite.prepare(`SELECT statistics FROM bureau_imports WHERE sequence = 1`).get() as {
          statistics: string;
        }
      ).statistics,
    );
    expect(checked).toMatchObject({ ok: true });
    expect(stats).toMatchObject({
      period: '2026-10',
      figures: { office: { code: LITUO }, caseCount: expect.any(Number) },
    });
  });

  it('keeps private keys and imported rows out of the audit log, which records the import itself', async () => {
    const made = await exportTo(lituo);
    await importFiles(county, made.file);
    for (const s of [lituo, county]) {
      const logged = s.store.sqlite.prepare(`SELECT table_name, channel, after FROM audit_log`).all() as {
        table_name: string;
        channel: string;
        after: string | null;
      }[];
      expect(logged.filter((e) => ['exchange_keys', 'change_log', 'bureau_rows'].includes(e.table_name))).toEqual([]);
      expect(JSON.stringify(logged)).not.toMatch(/sign_private|box_private/);
    }
    const imports = county.store.sqlite
      .prepare(`SELECT channel FROM audit_log WHERE table_name = 'bureau_imports'`)
      .all();
    expect(imports).toEqual([{ channel: 'bureau.importFiles' }]);
  });

  it('takes a backup of the bureau file before every import', async () => {
    const made = await exportTo(lituo);
    await importFiles(county, made.file);
    const backups = await county.api.call('backup.list', {});
    expect(backups.map((b) => b.reason)).toContain('import');
  });

  describe('refuses, with the reason, and changes nothing', () => {
    let good: Buffer;
    let state: string;
    let data: string;
    beforeEach(async () => {
      good = fs.readFileSync((await exportTo(lituo)).file);
      state = fileState(county.dataFile);
      data = dataState(county.dataFile);
    });

    /**
     * Refused before its content is read (container, signature, office, key), the file is byte-for-byte as it was;
     * refused for its content, its rows merged so far are undone by a savepoint: every table as it was.
     */
    async function refused(bytes: Buffer, name = 'bad.casedesk', { forContent = false } = {}): Promise<string> {
      const [outcome] = await importFiles(county, writeCopy(county.folder, name, bytes));
      expect(outcome!.status).toBe('rejected');
      if (!forContent) expect(fileState(county.dataFile)).toBe(state);
      expect(dataState(county.dataFile)).toBe(data);
      return outcome!.status === 'rejected' ? outcome!.reason : '';
    }
    const refusedForContent = (bytes: Buffer) => refused(bytes, 'bad.casedesk', { forContent: true });

    it('a byte changed anywhere: header, part names and lengths, manifest, signature, each data part', async () => {
      const { header, parts } = layout(good);
      expect(parts.map((p) => p.name)).toEqual(['manifest.json', 'manifest.sig', 'rows.ndjson', 'statistics.json']);
      const positions = [
        header[0],
        8,
        9,
        11,
        ...parts.flatMap((p) => [
          p.lengthAt - 1,
          p.lengthAt + 3,
          p.start,
          Math.floor((p.start + p.end) / 2),
          p.end - 1,
        ]),
      ];
      for (const at of positions) {
        const reason = await refused(flipped(good, at));
        expect(reason).toMatch(/文件头|格式版本|结构|清单|签名|SHA-256|数据部分/);
      }
      expect(await refused(good.subarray(0, good.length - 1))).toMatch(/结构损坏/);
      expect(await refused(Buffer.concat([good, Buffer.from([0])]))).toMatch(/多余/);
      expect(await refused(flipped(good, parts[0]!.start + 20))).toMatch(/清单|签名/);
      expect(await refused(flipped(good, parts[1]!.start))).toMatch(/签名校验失败/);
      expect(await refused(flipped(good, parts[2]!.start + 3))).toMatch(/rows\.ndjson.*SHA-256/);
    });

    it('a package from an office the bureau has not registered', async () => {
      const other = await office({ number: '02', name: '洞井街道司法所', cases: 2, seed: 5 });
      await other.api.call('exchange.setBureauKey', {
        publicKey: (await county.api.call('exchange.status', {})).publicKey!,
      });
      const made = await exportTo(other);
      expect(await refused(fs.readFileSync(made.file))).toMatch(/43011102.*未登记/);
      await other.close();
    });

    it('a package signed by another key than the one registered for the office', async () => {
      const impostor = await office({ cases: 1 });
      await impostor.api.call('exchange.setBureauKey', {
        publicKey: (await county.api.call('exchange.status', {})).publicKey!,
      });
      expect(await refused(fs.readFileSync((await exportTo(impostor)).file))).toMatch(
        /与机构 43011101 登记的指纹.*不符/,
      );
      await impostor.close();
    });

    it('a package encrypted to another bureau', async () => {
      const elsewhere = await bureau();
      await lituo.api.call('exchange.setBureauKey', {
        publicKey: (await elsewhere.api.call('exchange.keys', {})).publicKey!,
      });
      const made = await lituo.api.call('exchange.exportAgain', { sequence: 1, folder: lituo.folder });
      expect(await refused(fs.readFileSync(made.file))).toMatch(/加密给另一个公钥/);
      await elsewhere.close();
    });

    it('a row that does not fit the schema, however well signed', async () => {
      const row = (d: Record<string, unknown>) => JSON.stringify({ t: 'cases', k: String(d.id), s: 5, d });
      const valid = { ...bureauRowsOf(lituo, 'cases', 1) };
      expect(await refusedForContent(await forged(lituo, {}, [row({ ...valid, status: 7 })]))).toMatch(
        /第1行.*cases\.status.*应为文本/,
      );
      expect(await refusedForContent(await forged(lituo, {}, [row({ ...valid, secret: 'x' })]))).toMatch(
        /没有列“secret”/,
      );
      // A column named like an Object.prototype member is no column either (not an internal error).
      expect(await refusedForContent(await forged(lituo, {}, [row({ ...valid, constructor: 'x' })]))).toMatch(
        /没有列“constructor”/,
      );
      expect(
        await refusedForContent(
          await forged(lituo, {}, [JSON.stringify({ t: 'users', k: '1', s: 5, d: { id: 1, password_hash: 'x' } })]),
        ),
      ).toMatch(/没有列“password_hash”/);
      expect(
        await refusedForContent(await forged(lituo, {}, [JSON.stringify({ t: 'sqlite_master', k: '1', s: 5 })])),
      ).toMatch(/未知的表/);
      expect(
        await refusedForContent(await forged(lituo, {}, [row(valid).replace(`"k":"${valid.id}"`, '"k":"999"')])),
      ).toMatch(/行键与行内容不符/);
      expect(await refusedForContent(await forged(lituo, { changes: { after: 10, upTo: 20 } }, [row(valid)]))).toMatch(
        /变更序号不在本包的范围内/,
      );
      // The counts in the manifest must match the rows.
      expect(
        await refusedForContent(await forged(lituo, { counts: { cases: { rows: 2, tombstones: 0 } } }, [row(valid)])),
      ).toMatch(/行数与清单不符/);
      // A valid row after a bad one: the whole package is refused, the valid one too.
      expect(
        await refusedForContent(
          await forged(lituo, {}, [row({ ...valid, id: 900 }), row({ ...valid, case_year: 'x' })]),
        ),
      ).toMatch(/第2行/);
    });

    it('a file that is no package at all, and a package at an office’s file', async () => {
      expect(await refused(Buffer.from('PK\u0003\u0004 not ours'))).toMatch(/不是CaseDesk数据包/);
      const [atOffice] = await lituo.api.call('bureau.importFiles', {
        files: [writeCopy(lituo.folder, 'x.casedesk', good)],
      });
      expect(atOffice).toMatchObject({ status: 'rejected', reason: expect.stringMatching(/不是县局模式/) });
    });
  });
});

function bureauRowsOf(s: Site, table: string, id: number): Record<string, unknown> {
  return officeRows(s).get(`${table} ${id}`)!;
}
