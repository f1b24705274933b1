import { AUDIT_PAGE, recordAudit, recordAuditSync, verifyAuditLog } from '../../db/auditLog';
import { OFFICE, testBackend, validApplication, type TestBackend } from '../support/fixtures';

let backend: TestBackend;
beforeEach(async () => {
  backend = testBackend();
  await backend.api.call('office.setup', OFFICE);
});
afterEach(() => backend.close());

const log = () =>
  backend.store.sqlite
    .prepare('SELECT seq, channel, table_name, op, before, after FROM audit_log ORDER BY seq')
    .all() as {
    seq: number;
    channel: string;
    table_name: string;
    op: string;
    before: string | null;
    after: string | null;
  }[];

async function someHistory() {
  await backend.api.call('legalAid.create', { draftId: null, application: validApplication() });
  await backend.api.call('office.setup', { ...OFFICE, caseNumberPrefix: '雨黎' });
  await backend.api.call('legalAid.create', { draftId: null, application: validApplication() });
}

describe('the audit log', () => {
  it('records every row a call writes, with the channel, in the same transaction', async () => {
    await backend.api.call('legalAid.create', { draftId: null, application: validApplication() });
    const entries = log().filter((e) => e.channel === 'legalAid.create');
    expect(entries.map((e) => `${e.table_name}:${e.op}`)).toEqual([
      'cases:insert',
      'parties:insert',
      'parties:insert',
      'legal_aid_cases:insert',
      'case_actions:insert',
      'dossier_checks:insert',
    ]);
    expect(JSON.parse(entries[0]!.after!)).toMatchObject({
      case_number: '〔2026〕黎托援字第0001号',
      status: 'received',
    });
    expect(backend.store.sqlite.prepare('SELECT count(*) AS n FROM audit_pending').get()).toEqual({ n: 0 });
  });

  it('keeps the fields before and after an update', async () => {
    await backend.api.call('office.setup', { ...OFFICE, caseNumberPrefix: '雨黎' });
    const update = log().find((e) => e.table_name === 'office' && e.op === 'update')!;
    expect(JSON.parse(update.before!)).toMatchObject({ case_number_prefix: '黎托' });
    expect(JSON.parse(update.after!)).toMatchObject({ case_number_prefix: '雨黎' });
  });

  it('chains a call of thousands of rows in order, read a page at a time, and leaves nothing pending', async () => {
    const before = log().length;
    await backend.store.db.transaction().execute(async (trx) => {
      // 4,500 rows written in one call: more than two pages of pending changes.
      for (let i = 0; i < 1_500; i += 1)
        await trx
          .insertInto('mediation_dispute_types')
          .values({ name: `测试类型${i}`, position: 1000 + i, active: 1, updated_at: '2026-11-22T02:00:00Z' })
          .execute();
      await trx.updateTable('mediation_dispute_types').set({ active: 0 }).where('position', '>=', 1000).execute();
      await trx.deleteFrom('mediation_dispute_types').where('position', '>=', 1000).execute();
      await recordAudit(trx, { channel: 'test.many', user: null, at: new Date('2026-11-22T02:00:00Z') });
    });
    const entries = log().slice(before);
    expect(entries).toHaveLength(4_500);
    expect(entries.map((e) => e.seq)).toEqual(entries.map((_, i) => before + i + 1));
    expect(entries.slice(0, 2).map((e) => `${e.op}:${JSON.parse(e.after!).name}`)).toEqual([
      'insert:测试类型0',
      'insert:测试类型1',
    ]);
    expect(entries.at(-1)).toMatchObject({ op: 'delete', channel: 'test.many' });
    expect(backend.store.sqlite.prepare('SELECT count(*) AS n FROM audit_pending').get()).toEqual({ n: 0 });
    expect(verifyAuditLog(backend.store.sqlite)).toMatchObject({ ok: true, entries: log().length });
  });

  it("chains a migration's thousands of rows (the sync writer) a page at a time too, the chain intact", () => {
    const before = log().length;
    const { sqlite } = backend.store;
    const insert = sqlite.prepare(
      "INSERT INTO mediation_dispute_types (name, position, active, updated_at) VALUES (?, ?, 1, '2026-11-22T02:00:00Z')",
    );
    // Two pages and a part of a third, as a migration over many rows leaves them.
    const rows = 2 * AUDIT_PAGE + 500;
    const recorded = sqlite.transaction(() => {
      for (let i = 0; i < rows; i += 1) insert.run(`迁移类型${i}`, 5000 + i);
      return recordAuditSync(sqlite, { channel: 'migration:test', user: null, at: new Date('2026-11-22T02:00:00Z') });
    })();
    expect(recorded).toBe(rows);
    const entries = log().slice(before);
    expect(entries).toHaveLength(rows);
    expect(entries.map((e) => e.seq)).toEqual(entries.map((_, i) => before + i + 1));
    // The page boundaries neither skipped nor repeated a row: every name once, in the order written.
    expect(entries.map((e) => JSON.parse(e.after!).name)).toEqual(
      Array.from({ length: rows }, (_, i) => `迁移类型${i}`),
    );
    expect(entries.every((e) => e.channel === 'migration:test' && e.op === 'insert')).toBe(true);
    expect(sqlite.prepare('SELECT count(*) AS n FROM audit_pending').get()).toEqual({ n: 0 });
    expect(verifyAuditLog(sqlite)).toMatchObject({ ok: true, entries: log().length });
    // Nothing pending: nothing recorded, nothing read past.
    expect(
      sqlite.transaction(() => recordAuditSync(sqlite, { channel: 'migration:none', user: null, at: new Date() }))(),
    ).toBe(0);
  });

  it('writes nothing for a refused call, and nothing for drafts', async () => {
    const before = log().length;
    await backend.dispatch('legalAid.create', { draftId: null, application: { ...validApplication(), matter: '' } });
    await backend.api.call('drafts.save', { id: null, kind: 'legal_aid', title: '', data: {} });
    expect(log()).toHaveLength(before);
  });

  it('verifies an intact chain', async () => {
    await someHistory();
    expect(verifyAuditLog(backend.store.sqlite)).toEqual({
      ok: true,
      entries: log().length,
      headHash: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
  });

  it('detects an edited entry and names it', async () => {
    await someHistory();
    // The first entry that names the office (which one depends on what setting up writes first).
    const seq = backend.store.sqlite
      .prepare(`SELECT min(seq) FROM audit_log WHERE after LIKE '%黎托%'`)
      .pluck()
      .get() as number;
    expect(seq).toBeGreaterThan(0);
    backend.store.sqlite.prepare(`UPDATE audit_log SET after = replace(after, '黎托', '某某') WHERE seq = ?`).run(seq);
    expect(verifyAuditLog(backend.store.sqlite)).toEqual({
      ok: false,
      seq,
      reason: '记录内容与其哈希不符（记录被改动）',
    });
  });

  it('detects a deleted entry', async () => {
    await someHistory();
    backend.store.sqlite.prepare('DELETE FROM audit_log WHERE seq = 4').run();
    expect(verifyAuditLog(backend.store.sqlite)).toMatchObject({ ok: false, seq: 5 });
  });

  it('detects reordered entries', async () => {
    await someHistory();
    const db = backend.store.sqlite;
    db.transaction(() => {
      const a = db.prepare('SELECT * FROM audit_log WHERE seq = 2').get() as Record<string, unknown>;
      const b = db.prepare('SELECT * FROM audit_log WHERE seq = 3').get() as Record<string, unknown>;
      const set = db.prepare(
        'UPDATE audit_log SET at = @at, channel = @channel, table_name = @table_name, row_key = @row_key, op = @op, before = @before, after = @after, prev_hash = @prev_hash, hash = @hash WHERE seq = @target',
      );
      set.run({ ...b, target: 2 });
      set.run({ ...a, target: 3 });
    })();
    expect(verifyAuditLog(db)).toMatchObject({ ok: false, seq: 2 });
  });

  it('detects a forged entry recomputed without the previous link', async () => {
    await someHistory();
    backend.store.sqlite.prepare(`UPDATE audit_log SET prev_hash = '${'0'.repeat(64)}' WHERE seq = 2`).run();
    expect(verifyAuditLog(backend.store.sqlite)).toEqual({
      ok: false,
      seq: 2,
      reason: '与前一条记录的链接不符（前一条被改动、删除或调换）',
    });
  });
});
